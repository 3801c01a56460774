"""reportgen's own Word template, made from python-docx's empty document.

python-docx starts from a document saved by Word for Mac in 2010: 150 styles, a theme
for Japanese, a thumbnail, a stale stylesWithEffects part, properties that claim
"Microsoft Macintosh Word". Here that package keeps only its document part; the
styles, settings, font table and properties are written for the document at hand.
"""

from __future__ import annotations

from docx import Document as new_docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from reportgen.model import FontSet
from reportgen.writers.docx.fields import attr
from reportgen.writers.docx.styles import complex_script_face, languages, styles_xml

# parts of python-docx's default template that a reportgen document does not use
_DROPPED_DOCUMENT_RELS = {
    "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects",
    RT.WEB_SETTINGS,
    RT.CUSTOM_XML,
    RT.NUMBERING,
}
_DROPPED_PACKAGE_RELS = {RT.THUMBNAIL}

# (charset, family, pitch, name in the font's own language) of the faces named
_FONT_FACTS = {
    "Times New Roman": ("00", "roman", "variable", ""),
    "SimSun": ("86", "auto", "variable", "宋体"),
    "SimHei": ("86", "modern", "fixed", "黑体"),
    "KaiTi": ("86", "modern", "fixed", "楷体"),
    "Simplified Arabic": ("B2", "roman", "variable", ""),
    "Traditional Arabic": ("B2", "roman", "variable", ""),
}
_DECLARATION = "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"


def new_document(
    font: FontSet,
    language: str,
    page_width: float,
    widow_control: bool = True,
    rtl: bool = False,
):
    """An empty python-docx document with reportgen's parts in place of the default's;
    `rtl`: a right-to-left document (its paragraphs are)."""
    document = new_docx()
    part = document.part
    for r_id, rel in list(part.rels.items()):
        if rel.reltype in _DROPPED_DOCUMENT_RELS:
            part.rels.pop(r_id)
    package = part.package
    for r_id, rel in list(package.rels.items()):
        if rel.reltype in _DROPPED_PACKAGE_RELS:
            package.rels.pop(r_id)
        elif rel.reltype.endswith("/extended-properties"):
            rel.target_part._blob = app_xml()
    styles = styles_xml(font, language, page_width, widow_control, rtl)
    part._styles_part._element = parse_xml(styles)
    for rel in part.rels.values():
        if rel.reltype == RT.FONT_TABLE:
            rel.target_part._blob = font_table_xml(font)
        elif rel.reltype == RT.THEME:
            rel.target_part._blob = theme_xml(font)
    return document


def theme_xml(font: FontSet) -> bytes:
    """A theme whose fonts are the document's (Word requires the part; the default one
    names Calibri, Cambria and Japanese faces). Colours are Office's."""
    colours = "".join(
        f'<a:{name}><a:srgbClr val="{value}"/></a:{name}>'
        for name, value in (
            ("dk1", "000000"),
            ("lt1", "FFFFFF"),
            ("dk2", "1F497D"),
            ("lt2", "EEECE1"),
            ("accent1", "4F81BD"),
            ("accent2", "C0504D"),
            ("accent3", "9BBB59"),
            ("accent4", "8064A2"),
            ("accent5", "4BACC6"),
            ("accent6", "F79646"),
            ("hlink", "0000FF"),
            ("folHlink", "800080"),
        )
    )
    latin, cs = attr(font.latin), attr(complex_script_face(font))

    def face(kind: str, east: str) -> str:
        return (
            f'<a:{kind}><a:latin typeface="{latin}"/><a:ea typeface="{attr(east)}"/>'
            f'<a:cs typeface="{cs}"/></a:{kind}>'
        )

    solid = '<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>'
    line = f'<a:ln w="9525">{solid}</a:ln>'
    formats = (
        f'<a:fmtScheme name="reportgen"><a:fillStyleLst>{solid * 3}</a:fillStyleLst>'
        f"<a:lnStyleLst>{line * 3}</a:lnStyleLst>"
        f"<a:effectStyleLst>{'<a:effectStyle><a:effectLst/></a:effectStyle>' * 3}"
        f"</a:effectStyleLst><a:bgFillStyleLst>{solid * 3}</a:bgFillStyleLst></a:fmtScheme>"
    )
    return (
        _DECLARATION + '<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        'name="reportgen"><a:themeElements>'
        f'<a:clrScheme name="Office">{colours}</a:clrScheme>'
        f'<a:fontScheme name="reportgen">{face("majorFont", font.east_asian_heading)}'
        f"{face('minorFont', font.east_asian)}</a:fontScheme>{formats}"
        "</a:themeElements></a:theme>"
    ).encode()


def font_table_xml(font: FontSet) -> bytes:
    """The faces the styles name, with their charsets (so Word substitutes sensibly)."""
    faces = [font.latin, font.east_asian, font.east_asian_heading, complex_script_face(font)]
    names = dict.fromkeys(faces)
    entries = []
    for name in names:
        charset, family, pitch, alt = _FONT_FACTS.get(name, ("00", "auto", "variable", ""))
        alt_name = f'<w:altName w:val="{attr(alt)}"/>' if alt else ""
        entries.append(
            f'<w:font w:name="{attr(name)}">{alt_name}<w:charset w:val="{charset}"/>'
            f'<w:family w:val="{family}"/><w:pitch w:val="{pitch}"/></w:font>'
        )
    return (_DECLARATION + f"<w:fonts {nsdecls('w')}>{''.join(entries)}</w:fonts>").encode()


def app_xml() -> bytes:
    """Extended properties that are true of every reportgen document: the application
    that wrote it, and no counts (Word computes pages and words on saving)."""
    return (
        _DECLARATION + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        'extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/'
        '2006/docPropsVTypes"><Application>reportgen</Application><DocSecurity>0</DocSecurity>'
        "<ScaleCrop>false</ScaleCrop><Company>United Nations</Company>"
        "<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
        "<HyperlinksChanged>false</HyperlinksChanged></Properties>"
    ).encode()


def settings_xml(font: FontSet, language: str, *, update_fields: bool) -> bytes:
    """The settings part, its children in the schema's order."""
    theme_lang = languages(font, language).replace("w:lang ", "w:themeFontLang ")
    parts = [
        '<w:zoom w:percent="100"/>',
        '<w:defaultTabStop w:val="720"/>',
        "<w:evenAndOddHeaders/>",  # running heads: symbol on the outer side
        '<w:characterSpacingControl w:val="doNotCompress"/>',
        '<w:updateFields w:val="true"/>' if update_fields else "",
        # the footnotes part's separators (`footnotes.FootnotesPart`)
        '<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>',
        "<w:compat><w:useFELayout/>"
        '<w:compatSetting w:name="compatibilityMode" '
        'w:uri="http://schemas.microsoft.com/office/word" w:val="15"/>'
        '<w:compatSetting w:name="overrideTableStyleFontSizeAndJustification" '
        'w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>'
        '<w:compatSetting w:name="enableOpenTypeFeatures" '
        'w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>'
        '<w:compatSetting w:name="doNotFlipMirrorIndents" '
        'w:uri="http://schemas.microsoft.com/office/word" w:val="1"/></w:compat>',
        theme_lang,
        '<w:clrSchemeMapping w:bg1="light1" w:t1="dark1" w:bg2="light2" w:t2="dark2" '
        'w:accent1="accent1" w:accent2="accent2" w:accent3="accent3" w:accent4="accent4" '
        'w:accent5="accent5" w:accent6="accent6" w:hyperlink="hyperlink" '
        'w:followedHyperlink="followedHyperlink"/>',
        '<w:decimalSymbol w:val="."/>',
        '<w:listSeparator w:val=","/>',
    ]
    return (_DECLARATION + f"<w:settings {nsdecls('w')}>{''.join(parts)}</w:settings>").encode()
