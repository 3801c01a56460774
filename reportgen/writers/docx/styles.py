"""Named Word styles for every kind of block, so an editor can restyle the document."""

from __future__ import annotations

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.styles.style import StyleFactory

from reportgen.model import FontSet
from reportgen.writers.layout_spec import GEOMETRY as G
from reportgen.writers.layout_spec import INDENTS

# name: (indent key, size, bold, align, space before, after, heading font)
PARAGRAPH_STYLES = {
    "UN Paragraph": ("UN Paragraph", G.body_size, False, "justify", 0, G.space_after, False),
    "UN Paragraph Unnumbered": (
        "UN Paragraph Unnumbered",
        G.body_size,
        False,
        "justify",
        0,
        G.space_after,
        False,
    ),
    "UN Sub-item": ("UN Sub-item", G.body_size, False, "justify", 0, G.space_after, False),
    "UN Sub-item 2": ("UN Sub-item 2", G.body_size, False, "justify", 0, G.space_after, False),
    "UN Bullet": ("UN Bullet", G.body_size, False, "justify", 0, G.space_after, False),
    "UN Outline Item": ("UN Outline Item", G.body_size, False, "justify", 0, G.space_after, False),
    "UN Title": ("UN Title", G.title_size, True, "left", 12, 6, True),
    "UN Subtitle": ("UN Title", G.subtitle_size, True, "left", 6, 12, True),
    "UN Summary Heading": ("UN Title", G.subtitle_size, True, "center", 12, 6, True),
    "UN Summary": ("UN Summary", G.body_size, False, "justify", 0, G.space_after, False),
    "UN Masthead": (None, G.body_size, False, "left", 0, 0, False),
    "UN Masthead Organ": (None, 16, True, "left", 0, 0, True),
    "UN Symbol": (None, 10, False, "left", 0, 0, False),
    "UN Session": (None, G.body_size, False, "left", 0, 0, False),
    "UN Session Body": (None, G.body_size, True, "left", 0, 0, True),
    "UN Item Title": (None, G.body_size, True, "left", 0, 0, True),
    "UN Contents Heading": ("UN Title", G.subtitle_size, True, "left", 12, 6, True),
    "UN Contents Page Label": (None, 8, False, "right", 0, 2, False),
    "UN Table Label": (None, G.body_size, False, "left", 12, 0, False),
    "UN Table Title": (None, G.body_size, True, "left", 0, 2, True),
    "UN Table Units": (None, 8, False, "left", 0, 4, False),
    "UN Table Caption": (None, 9, True, "left", 4, 2, True),
    "UN Table Heading": (None, 7.5, False, "left", 1, 1, False),
    "UN Table Text": (None, 8.5, False, "left", 1, 1, False),
    "UN Table Note": (None, 8, False, "left", 2, 0, False),
    "UN Figure": (None, G.body_size, False, "left", 2, 6, False),
    "UN Figure Label": (None, G.body_size, False, "left", 12, 0, False),
    "UN Cover": ("UN Title", G.subtitle_size, True, "left", 2, 2, True),
    "UN Signature": (None, G.body_size, False, "right", 6, 0, False),
}
HEADING_STYLES = {
    1: (G.chapter_size, 12, 6),
    2: (12, 10, 6),
    3: (G.body_size, 8, 4),
    4: (G.body_size, 6, 4),
}


def _fonts(rpr, font: FontSet, heading: bool) -> None:
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attr), font.latin)
    fonts.set(qn("w:eastAsia"), font.east_asian_heading if heading else font.east_asian)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)


def _paragraph_format(style, size, bold, indent_key, align, before, after) -> None:
    style.font.size = Pt(size)
    style.font.bold = bold
    style.font.italic = False
    pf = style.paragraph_format
    indent = INDENTS.get(indent_key) if indent_key else None
    left = indent.text if indent else 0
    first = (indent.marker - indent.text + indent.first_line) if indent else 0
    pf.left_indent = Pt(left)
    pf.first_line_indent = Pt(first)
    pf.space_before = Pt(before)
    pf.space_after = Pt(after)
    pf.alignment = {
        "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
        "left": WD_ALIGN_PARAGRAPH.LEFT,
        "center": WD_ALIGN_PARAGRAPH.CENTER,
        "right": WD_ALIGN_PARAGRAPH.RIGHT,
    }[align]
    if left and first < 0:
        pf.tab_stops.add_tab_stop(Pt(left))


def _add_style(styles, name: str, style_type: WD_STYLE_TYPE):
    """A new style: `styles.add_style` without its check that the name is unused, which
    scans every style of the template for each one added."""
    return StyleFactory(styles.element.add_style_of_type(name, style_type, False))


def install_styles(document, font: FontSet, language: str) -> None:
    """Defaults, headings and the UN paragraph styles, with East Asian fonts set."""
    styles = document.styles
    normal = styles["Normal"]
    normal.font.size = Pt(G.body_size)
    normal.font.color.rgb = None
    _fonts(normal.element.get_or_add_rPr(), font, heading=False)
    lang = OxmlElement("w:lang")
    # Latin runs of a Chinese document are English (the symbols, Distr.: General …)
    lang.set(qn("w:val"), "en-GB" if font.script == "cjk" else language)
    if font.script == "cjk":
        lang.set(qn("w:eastAsia"), language)
    normal.element.get_or_add_rPr().append(lang)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = Pt(G.body_leading)

    for name, (indent, size, bold, align, before, after, heading) in PARAGRAPH_STYLES.items():
        style = _add_style(styles, name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        style.quick_style = True
        _paragraph_format(style, size, bold, indent, align, before, after)
        _fonts(style.element.get_or_add_rPr(), font, heading)
        if name in (
            "UN Table Label",
            "UN Table Title",
            "UN Table Units",
            "UN Table Caption",
            "UN Figure Label",
        ):
            style.paragraph_format.keep_with_next = True
        if name in ("UN Table Heading", "UN Table Text"):
            style.paragraph_format.line_spacing = 1.0

    for level, (size, before, after) in HEADING_STYLES.items():
        style = styles[f"Heading {level}"]
        _paragraph_format(style, size, True, "Heading", "left", before, after)
        style.font.color.rgb = None
        _fonts(style.element.get_or_add_rPr(), font, heading=True)
        style.paragraph_format.keep_with_next = True
    styles["Heading 4"].font.italic = False

    for name in ("Header", "Footer"):
        style = styles[name]
        style.font.size = Pt(9)
        style.font.bold = True
        _fonts(style.element.get_or_add_rPr(), font, heading=False)

    footnote_text = _add_style(styles, "Footnote Text", WD_STYLE_TYPE.PARAGRAPH)
    footnote_text.base_style = normal
    footnote_text.font.size = Pt(G.footnote_size)
    footnote_text.paragraph_format.line_spacing = Pt(G.footnote_leading)
    note = INDENTS["Footnote Text"]
    footnote_text.paragraph_format.left_indent = Pt(note.text)
    footnote_text.paragraph_format.first_line_indent = Pt(note.marker - note.text)
    footnote_text.paragraph_format.tab_stops.add_tab_stop(Pt(note.text))
    footnote_reference = _add_style(styles, "Footnote Reference", WD_STYLE_TYPE.CHARACTER)
    footnote_reference.font.superscript = True
    hyperlink = _add_style(styles, "Hyperlink", WD_STYLE_TYPE.CHARACTER)
    hyperlink.font.underline = False
    for level in (1, 2):
        toc = _add_style(styles, f"TOC {level}", WD_STYLE_TYPE.PARAGRAPH)
        toc.base_style = normal
        _paragraph_format(toc, G.body_size, False, f"TOC {level}", "left", 0, 3)


def style_ids(document) -> dict[str, str]:
    """Style name → style id, looked up once; python-docx's per-paragraph lookup by name
    scans every style and dominates the time of a large document."""
    return {style.name: style.style_id for style in document.styles}


def set_style(p_element, style_id: str) -> None:
    """Give a w:p its paragraph style by id."""
    ppr = p_element.get_or_add_pPr()
    ppr.get_or_add_pStyle().val = style_id
