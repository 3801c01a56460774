"""Low-level WordprocessingML pieces, written as XML text: runs, fields, bookmarks,
hyperlinks, footnote references. Text is much faster to build than python-docx's
elements. It is written exactly as lxml serialises the same elements (same escapes,
empty elements closed as <x/>), so it can be spliced into the serialised document;
`append_xml` parses it into a tree instead."""

from __future__ import annotations

import hashlib
import re
import unicodedata

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import nsdecls
from lxml import etree

from reportgen.inputs.limits import unprintable
from reportgen.writers.docx.ooxml import ppr

# the prefixes fragments use, declared as on the document's root
_WRAPPER_START, _WRAPPER_END = f"<w:body {nsdecls('w', 'r', 'wp')}>", "</w:body>"
_ATTR_ESCAPES = str.maketrans(
    {
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        '"': "&quot;",
        "\t": "&#9;",
        "\n": "&#10;",
        "\r": "&#13;",
    }
)
TAB_RUN = "<w:r><w:tab/></w:r>"
_PICTURE_URI = "http://schemas.openxmlformats.org/drawingml/2006/picture"
FIELD_END = '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
SOFT_HYPHEN = "\u00ad"


def esc(text: str) -> str:
    """Element text, escaped (replace is several times faster than translate)."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace("\r", "&#13;")


def attr(value: str) -> str:
    """An attribute value, escaped for double quotes."""
    return value.translate(_ATTR_ESCAPES)


def check_chars(xml: str) -> str:
    """`xml` itself, refused like lxml refuses text with control characters."""
    if unprintable(xml):  # the inputs' own test: nothing lxml would refuse
        raise ValueError("All strings must be XML compatible: no NULL bytes or control characters")
    return xml


def append_xml(parent, xml: str) -> None:
    """Parse a fragment of WordprocessingML and append its elements to `parent`."""
    for child in list(etree.fromstring(_WRAPPER_START + check_chars(xml) + _WRAPPER_END)):
        parent.append(child)


def run(
    text: str = "",
    bold: bool = False,
    italic: bool = False,
    style: str | None = None,
    superscript: bool = False,
    bidi: bool = False,
) -> str:
    """A w:r with text; newlines become w:br. In a right-to-left document (`bidi`) the
    text is one run per stretch of one direction (`direction_stretches`), right-to-left
    ones marked w:rtl, italic with its complex-script twin w:iCs."""
    if bidi:
        return "".join(
            _run(part, bold, italic, style, superscript, rtl, True)
            for part, rtl in direction_stretches(text)
        ) or _run("", bold, italic, style, superscript, False, True)
    return _run(text, bold, italic, style, superscript, False, False)


def _run(
    text: str, bold: bool, italic: bool, style: str | None, superscript: bool, rtl: bool, cs: bool
) -> str:
    props = ""
    if style:
        props += f'<w:rStyle w:val="{attr(style)}"/>'
    if bold:
        props += "<w:b/><w:bCs/>"
    if italic:
        props += "<w:i/><w:iCs/>" if cs else "<w:i/>"
    if superscript:
        props += '<w:vertAlign w:val="superscript"/>'
    if rtl:
        props += "<w:rtl/>"
    content = [f"<w:rPr>{props}</w:rPr>"] if props else []
    for index, piece in enumerate(text.split("\n")):
        if index:
            content.append("<w:br/>")
        for number, chunk in enumerate(piece.split(SOFT_HYPHEN)):
            if number:
                content.append("<w:softHyphen/>")  # Word's own form of U+00AD
            if chunk:
                content.append(f'<w:t xml:space="preserve">{esc(chunk)}</w:t>')
    return f"<w:r>{''.join(content)}</w:r>" if content else "<w:r/>"


_RIGHT_TO_LEFT = {"R", "AL"}  # Hebrew, Arabic letters and Arabic punctuation
_LEFT_TO_RIGHT = {"L", "EN", "AN"}  # Latin letters and digits


def _direction(char: str) -> bool | None:
    """True for a right-to-left character (Arabic punctuation included: the Arabic
    comma is a number separator to Unicode), False for a Latin letter or a digit, None
    for the rest."""
    cls = unicodedata.bidirectional(char)
    if cls in _LEFT_TO_RIGHT:
        return False
    if cls in _RIGHT_TO_LEFT or "\u0600" <= char <= "\u06ff":
        return True
    return None


def direction_stretches(text: str) -> list[tuple[str, bool]]:
    """`text` cut where its direction changes: (stretch, right to left?) pairs. A stretch
    of Arabic runs from an Arabic letter to the last one before the next Latin letter or
    digit and takes the spaces and punctuation around it; Latin words, symbols (A/76/6)
    and numbers with their separators (16-1, 22,711,800) are left-to-right stretches, so
    that Word does not read their "-", "/" or "." as right-to-left punctuation (w:rtl
    overrides the direction of weak and neutral characters). Text without either kind
    of letter or digit is one left-to-right stretch."""
    kinds = [_direction(char) for char in text]
    if all(kind is None for kind in kinds):
        return [(text, False)] if text else []
    # a neutral takes the direction of the strong characters around it; between the two
    # directions it goes with the Arabic, as the paragraph's own direction places it;
    # before the first strong character or after the last, with that one
    following: list[bool | None] = [None] * len(kinds)
    for i in range(len(kinds) - 2, -1, -1):
        following[i] = kinds[i + 1] if kinds[i + 1] is not None else following[i + 1]
    resolved = list(kinds)
    previous = None
    for i, kind in enumerate(kinds):
        if kind is not None:
            previous = kind
        elif previous is None or following[i] is None:
            resolved[i] = following[i] if previous is None else previous
        else:
            resolved[i] = previous if previous == following[i] else True
    out: list[tuple[str, bool]] = []
    start = 0
    for i in range(1, len(text) + 1):
        if i == len(text) or resolved[i] != resolved[start]:
            out.append((text[start:i], bool(resolved[start])))
            start = i
    return out


def field_start(instruction: str) -> str:
    """The runs that open a complex field (PAGE, TOC …), up to its result."""
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {esc(instruction)} </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
    )


def field(
    instruction: str, shown: str, bold: bool = False, italic: bool = False, bidi: bool = False
) -> str:
    """A complex field with its current result."""
    return field_start(instruction) + run(shown, bold, italic, bidi=bidi) + FIELD_END


def hyperlink(part, url: str, runs: str) -> str:
    """A link to `url` (related from `part`) around some runs."""
    r_id = part.relate_to(url, RT.HYPERLINK, is_external=True)
    return _element(f'w:hyperlink r:id="{attr(r_id)}"', runs)


def internal_link(anchor: str, runs: str) -> str:
    """A link to a bookmark around some runs."""
    return _element(f'w:hyperlink w:anchor="{attr(anchor)}" w:history="1"', runs)


def _element(tag_and_attrs: str, content: str) -> str:
    if not content:
        return f"<{tag_and_attrs}/>"
    return f"<{tag_and_attrs}>{content}</{tag_and_attrs.split(' ', 1)[0]}>"


def bookmarked(runs: str, name: str, bid: int) -> str:
    """A paragraph's runs inside a bookmark."""
    return (
        f'<w:bookmarkStart w:id="{bid}" w:name="{attr(name)}"/>{runs}<w:bookmarkEnd w:id="{bid}"/>'
    )


def paragraph(style_id: str, runs: str = "", props: dict[str, str] | None = None) -> str:
    """A w:p with its style and further paragraph properties (local name → XML),
    written in the schema's order."""
    children = {"pStyle": f'<w:pStyle w:val="{attr(style_id)}"/>', **(props or {})}
    return f"<w:p>{ppr(children)}{runs}</w:p>"


_BOOKMARK_CHARS = re.compile(r"[^A-Za-z0-9_]")


def bookmark_name(prefix: str, anchor: str) -> str:
    """A valid Word bookmark name for an anchor: letters, digits and _ only, at most 40
    characters; a name that had to change keeps a digest of the anchor, so two anchors
    never share a bookmark. A leading _ hides it from Word's bookmark list."""
    clean = _BOOKMARK_CHARS.sub("_", anchor)
    name = prefix + clean
    if clean != anchor or len(name) > 40:
        digest = hashlib.sha1(anchor.encode("utf-8")).hexdigest()[:8]
        name = f"{prefix}{clean[: 40 - len(prefix) - 9]}_{digest}"
    return name


def picture_run(
    shape_id: int, r_id: str, filename: str, cx: int, cy: int, description: str = ""
) -> str:
    """A run with an inline picture, as python-docx's add_picture writes it, with its
    alternative text (`wp:docPr/@descr`) for screen readers."""
    extent = f'cx="{cx}" cy="{cy}"'
    descr = f' descr="{attr(description)}"' if description else ""
    return (
        f"<w:r><w:drawing><wp:inline {nsdecls('a', 'pic')}><wp:extent {extent}/>"
        f'<wp:docPr id="{shape_id}" name="Picture {shape_id}"{descr}/>'
        '<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>'
        f'<a:graphic><a:graphicData uri="{_PICTURE_URI}"><pic:pic>'
        f'<pic:nvPicPr><pic:cNvPr id="0" name="{attr(filename)}"{descr}/><pic:cNvPicPr/>'
        "</pic:nvPicPr>"
        f'<pic:blipFill><a:blip r:embed="{attr(r_id)}"/><a:stretch><a:fillRect/></a:stretch>'
        f'</pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext {extent}/></a:xfrm>'
        '<a:prstGeom prst="rect"/></pic:spPr></pic:pic></a:graphicData></a:graphic>'
        "</wp:inline></w:drawing></w:r>"
    )


def border(side: str, size_eighths: int) -> str:
    """A w:pBdr with one rule, for `paragraph`'s properties."""
    rule = f'<w:{side} w:val="single" w:sz="{size_eighths}" w:space="1" w:color="000000"/>'
    return f"<w:pBdr>{rule}</w:pBdr>"


def footnote_reference(note_id: int, custom_mark: str | None) -> str:
    """The run in the text that cites a footnote; a custom mark (*) follows it, one
    w:t per character: Word reads them as one mark, and LibreOffice (7.4), which takes
    a mark of several characters in one w:t as its label and prints it again, then
    prints it once."""
    if custom_mark:
        ref = f'<w:footnoteReference w:id="{note_id}" w:customMarkFollows="1"/>'
        ref += "".join(f"<w:t>{esc(char)}</w:t>" for char in custom_mark)
    else:
        ref = f'<w:footnoteReference w:id="{note_id}"/>'
    return f'<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>{ref}</w:r>'
