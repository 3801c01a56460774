"""The styles part: only the styles reportgen uses, Word's own ones declared as built-in.

Every block of the document has a named paragraph style, so an editor can restyle the
document; sizes, spacing and indents are those of the PDF (`writers/layout_spec.py`).
Line spacing is "at least" the PDF's leading, so a line holding a larger run or a
picture grows instead of being cut.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from docx.oxml.ns import nsdecls

from reportgen.model import FontSet
from reportgen.writers.docx.fields import attr
from reportgen.writers.docx.ooxml import ordered, ppr, rpr, tabs, twips
from reportgen.writers.layout_spec import GEOMETRY as G
from reportgen.writers.layout_spec import INDENTS, KEEP_WITH_NEXT, leading


@dataclass(frozen=True)
class Style:
    """One paragraph or character style; `name` is what Word shows."""

    name: str
    size: float = G.body_size
    bold: bool = False
    align: str = "both"  # w:jc
    before: float = 0.0
    after: float = 0.0
    indent: str | None = None  # key of INDENTS
    line: float | None = None  # leading in points ("at least"); None: the PDF's rule
    heading_font: bool = False
    keep_next: bool = False
    outline: int | None = None  # outline level of a heading (0 = level 1)
    tab_stops: tuple[tuple[str, float, str], ...] = ()
    kind: str = "paragraph"
    superscript: bool = False
    extra_ppr: dict[str, str] = field(default_factory=dict)


_NO_WIDOW_CONTROL = '<w:widowControl w:val="0"/>'
HEADING_SIZE = 7.5  # table heads
TEXT_SIZE = 8.5  # table cells

# Word's built-in styles: (name shown, name in styles.xml, style id)
BUILT_IN = {
    "Normal": ("Normal", "Normal"),
    "Heading 1": ("heading 1", "Heading1"),
    "Heading 2": ("heading 2", "Heading2"),
    "Heading 3": ("heading 3", "Heading3"),
    "Heading 4": ("heading 4", "Heading4"),
    "Header": ("header", "Header"),
    "Footer": ("footer", "Footer"),
    "Footnote Text": ("footnote text", "FootnoteText"),
    "Footnote Reference": ("footnote reference", "FootnoteReference"),
    "TOC 1": ("toc 1", "TOC1"),
    "TOC 2": ("toc 2", "TOC2"),
    "Hyperlink": ("Hyperlink", "Hyperlink"),
}


def _text_width(page_width: float) -> float:
    return page_width - G.margin_left - G.margin_right


def style_table(page_width: float) -> list[Style]:
    """Every style of the document, for a page `page_width` points wide."""
    body = G.body_size
    width = _text_width(page_width)
    para = {"after": G.space_after}
    title = {"bold": True, "align": "left", "heading_font": True, "indent": "UN Title"}
    caption = {"align": "left", "keep_next": True}
    head = {"bold": True, "align": "left", "heading_font": True, "indent": "Heading"}
    toc = {"align": "left", "after": 3, "tab_stops": (("right", width, "dot"),)}
    cell = {"before": 1.5, "after": 1.5}
    return [
        Style("UN Paragraph", indent="UN Paragraph", **para),
        Style("UN Paragraph Unnumbered", indent="UN Paragraph Unnumbered", **para),
        Style("UN Sub-item", indent="UN Sub-item", **para),
        Style("UN Sub-item 2", indent="UN Sub-item 2", **para),
        Style("UN Bullet", indent="UN Bullet", **para),
        Style("UN Outline Item", indent="UN Outline Item", **para),
        Style("UN Summary", indent="UN Summary", **para),
        Style("UN Title", size=G.title_size, before=12, after=6, keep_next=True, **title),
        Style("UN Subtitle", size=G.subtitle_size, before=6, after=12, **title),
        Style(
            "UN Summary Heading",
            size=G.subtitle_size,
            before=12,
            after=6,
            keep_next=True,
            **{**title, "align": "center"},
        ),
        Style("UN Cover", size=G.subtitle_size, before=2, after=2, keep_next=True, **title),
        Style("UN Contents Title", size=G.subtitle_size, before=12, after=6, **title),
        Style("UN Contents Page Label", size=8, align="right", after=2, keep_next=True),
        Style("UN Signature", align="right", before=6),
        # first page: lines hold runs of several sizes, so no fixed leading
        Style("UN Masthead", align="left", line=0),
        Style("UN Masthead Organ", size=16, bold=True, align="left", heading_font=True, line=0),
        Style("UN Symbol", align="right", line=0),
        Style("UN Session", align="left", line=13),
        Style("UN Session Body", bold=True, align="left", heading_font=True, line=13),
        Style("UN Item Title", bold=True, align="left", heading_font=True, line=13),
        Style("UN Table Label", before=12, **caption),
        Style("UN Table Title", bold=True, heading_font=True, after=2, **caption),
        Style("UN Table Units", size=8, after=4, **caption),
        Style("UN Table Caption", size=9, bold=True, heading_font=True, before=4, **caption),
        # rows as high as the PDF's: a figure's line 12 pt, cell padding 1.5 pt
        Style("UN Table Heading", size=HEADING_SIZE, align="left", line=9, **cell),
        Style("UN Table Text", size=TEXT_SIZE, align="left", line=12, **cell),
        Style("UN Table Note", size=8, align="left", before=2),
        Style("UN Figure Label", before=12, **caption),
        Style("UN Figure", align="left", before=2, after=6, line=0),  # holds a picture
        Style("Heading 1", size=G.chapter_size, before=12, after=6, outline=0, **head),
        Style("Heading 2", size=12, before=10, after=6, outline=1, **head),
        Style("Heading 3", size=body, before=8, after=4, outline=2, **head),
        Style("Heading 4", size=body, before=6, after=4, outline=3, **head),
        Style("TOC 1", indent="TOC 1", **toc),
        Style("TOC 2", indent="TOC 2", **toc),
        Style(
            "Footnote Text",
            size=G.footnote_size,
            line=G.footnote_leading,
            after=2,
            indent="Footnote Text",
        ),
        Style(
            "Header",
            size=9,
            bold=True,
            align="left",
            line=0,
            # one stop, at the right margin: a part title longer than half the line would
            # otherwise send the symbol to a centre stop just past its end
            tab_stops=(("right", width, ""),),
        ),
        Style("Footer", size=9, bold=True, align="left", line=0),
        Style("Footnote Reference", kind="character", superscript=True),
        Style("Hyperlink", kind="character"),
    ]


def style_ids(page_width: float = 595.28) -> dict[str, str]:
    """Style name (as Word shows it) → style id."""
    return {s.name: _names(s.name)[1] for s in style_table(page_width)} | {"Normal": "Normal"}


def list_indents(page_width: float = 595.28) -> dict[str, str]:
    """Style name → the w:tabs and w:ind of its paragraphs, for a list level."""
    out = {}
    for s in style_table(page_width):
        if s.kind == "paragraph":
            out[s.name] = _tab_stops(s) + _indent(s.indent)
    return out


def _tab_stops(s: Style) -> str:
    stops = list(s.tab_stops)
    spec = INDENTS.get(s.indent) if s.indent else None
    if spec and spec.marker < spec.text and not s.name.startswith("TOC"):
        stops.insert(0, ("left", spec.text, ""))  # where the text after a number starts
    return tabs(*stops) if stops else ""


def _names(name: str) -> tuple[str, str]:
    """(name in styles.xml, style id)."""
    return BUILT_IN.get(name, (name, name.replace(" ", "")))


def complex_script_face(font: FontSet) -> str:
    """The face of complex-script runs (w:cs): the Arabic one in an Arabic document."""
    return font.complex_script if font.script == "arabic" else font.latin


def _fonts(font: FontSet, heading: bool) -> str:
    east = font.east_asian_heading if heading else font.east_asian
    latin, cs = attr(font.latin), attr(complex_script_face(font))
    return f'<w:rFonts w:ascii="{latin}" w:hAnsi="{latin}" w:eastAsia="{attr(east)}" w:cs="{cs}"/>'


def _indent(key: str | None) -> str:
    spec = INDENTS.get(key) if key else None
    if not spec:
        return ""
    hanging = spec.text - spec.marker - spec.first_line
    if hanging > 0:
        return f'<w:ind w:left="{twips(spec.text)}" w:hanging="{twips(hanging)}"/>'
    if hanging < 0:
        return f'<w:ind w:left="{twips(spec.text)}" w:firstLine="{twips(-hanging)}"/>'
    return f'<w:ind w:left="{twips(spec.text)}"/>'


def _paragraph_properties(s: Style) -> str:
    line = leading(s.size) if s.line is None else s.line
    spacing = f'w:before="{twips(s.before)}" w:after="{twips(s.after)}"'
    if line:
        spacing += f' w:line="{twips(line)}" w:lineRule="atLeast"'
    else:
        spacing += ' w:line="240" w:lineRule="auto"'
    children = {
        "keepNext": "<w:keepNext/>" if s.keep_next or s.name in KEEP_WITH_NEXT else "",
        "keepLines": "<w:keepLines/>" if s.outline is not None else "",
        "tabs": _tab_stops(s),
        "spacing": f"<w:spacing {spacing}/>",
        "ind": _indent(s.indent),
        "jc": f'<w:jc w:val="{s.align}"/>',
        "outlineLvl": f'<w:outlineLvl w:val="{s.outline}"/>' if s.outline is not None else "",
        **s.extra_ppr,
    }
    return ppr(children)


def _run_properties(s: Style, font: FontSet) -> str:
    half_points = round(s.size * 2)
    return rpr(
        {
            "rFonts": _fonts(font, s.heading_font),
            "b": "<w:b/>" if s.bold else '<w:b w:val="0"/>',
            "bCs": "<w:bCs/>" if s.bold else '<w:bCs w:val="0"/>',
            "sz": f'<w:sz w:val="{half_points}"/>',
            "szCs": f'<w:szCs w:val="{half_points}"/>',
        }
    )


def _style_xml(s: Style, font: FontSet) -> str:
    xml_name, style_id = _names(s.name)
    custom = "" if s.name in BUILT_IN else ' w:customStyle="1"'
    if s.kind == "character":
        props = rpr({"vertAlign": '<w:vertAlign w:val="superscript"/>' if s.superscript else ""})
        if s.name == "Hyperlink":
            props = rpr({"color": '<w:color w:val="0000FF"/>'})
        body = ordered(
            "style",
            {
                "name": f'<w:name w:val="{attr(xml_name)}"/>',
                "basedOn": '<w:basedOn w:val="DefaultParagraphFont"/>',
                "uiPriority": '<w:uiPriority w:val="99"/>',
                "unhideWhenUsed": "<w:unhideWhenUsed/>",
                "rPr": props,
            },
        )
        return f'<w:style w:type="character"{custom} w:styleId="{style_id}">{body}</w:style>'
    body = ordered(
        "style",
        {
            "name": f'<w:name w:val="{attr(xml_name)}"/>',
            "basedOn": '<w:basedOn w:val="Normal"/>',
            "next": '<w:next w:val="Normal"/>' if s.outline is not None else "",
            "uiPriority": '<w:uiPriority w:val="9"/>' if s.outline is not None else "",
            "qFormat": "<w:qFormat/>",
            "pPr": _paragraph_properties(s),
            "rPr": _run_properties(s, font),
        },
    )
    return f'<w:style w:type="paragraph"{custom} w:styleId="{style_id}">{body}</w:style>'


def languages(font: FontSet, language: str) -> str:
    """The w:lang of the document: Latin runs of a Chinese or Arabic document are
    English (the symbols, Distr.: General …), its East Asian runs Chinese, its
    complex-script (right-to-left) runs Arabic."""
    if font.script == "cjk":
        return f'<w:lang w:val="en-GB" w:eastAsia="{attr(language)}" w:bidi="ar-SA"/>'
    if font.script == "arabic":  # Latin runs (symbols, Distr.: General …) are English
        return f'<w:lang w:val="en-GB" w:eastAsia="zh-CN" w:bidi="{attr(language)}"/>'
    return f'<w:lang w:val="{attr(language)}" w:eastAsia="zh-CN" w:bidi="ar-SA"/>'


def styles_xml(
    font: FontSet,
    language: str,
    page_width: float,
    widow_control: bool = True,
    rtl: bool = False,
) -> bytes:
    """The whole styles part; `widow_control`: two lines at least on each side of a page
    break (Word's widow/orphan control), the document's setting. In a right-to-left
    document (`rtl`) every paragraph is right to left (w:bidi on the defaults and on
    Normal, which every style is based on): its alignment and indents are then read
    from the right, as start and end (left is the start), so the styles' left-aligned,
    left-indented paragraphs become right-aligned, right-indented ones."""
    bidi = "<w:bidi/>" if rtl else ""
    defaults = (
        "<w:docDefaults><w:rPrDefault>"
        + rpr(
            {
                "rFonts": _fonts(font, False),
                "sz": f'<w:sz w:val="{round(G.body_size * 2)}"/>',
                "szCs": f'<w:szCs w:val="{round(G.body_size * 2)}"/>',
                "lang": languages(font, language),
            }
        )
        + "</w:rPrDefault><w:pPrDefault>"
        + ppr(
            {
                "bidi": bidi,
                "spacing": '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/>',
            }
        )
        + "</w:pPrDefault></w:docDefaults>"
    )
    normal = (
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal">'
        '<w:name w:val="Normal"/><w:qFormat/>'
        + ppr(
            {
                "widowControl": "<w:widowControl/>" if widow_control else _NO_WIDOW_CONTROL,
                "bidi": bidi,
                "spacing": f'<w:spacing w:line="{twips(G.body_leading)}" w:lineRule="atLeast"/>',
                "jc": '<w:jc w:val="both"/>',
            }
        )
        + rpr({"rFonts": _fonts(font, False), "lang": languages(font, language)})
        + "</w:style>"
    )
    base = (
        '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
        '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/>'
        "<w:unhideWhenUsed/></w:style>"
        '<w:style w:type="table" w:default="1" w:styleId="TableNormal">'
        '<w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/>'
        '<w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar>'
        '<w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
        '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>'
        "</w:tblCellMar></w:tblPr></w:style>"
    )
    styles = "".join(_style_xml(s, font) for s in style_table(page_width))
    xml = (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        f"<w:styles {nsdecls('w')}>{defaults}{normal}{base}{styles}</w:styles>"
    )
    return xml.encode("utf-8")
