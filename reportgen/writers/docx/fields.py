"""Low-level WordprocessingML pieces python-docx has no API for: fields, bookmarks,
hyperlinks, borders, footnote references."""

from __future__ import annotations

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn


def element(tag: str, **attrs: str):
    el = OxmlElement(tag)
    for key, value in attrs.items():
        el.set(qn(key.replace("_", ":", 1)), value)
    return el


def run_element(
    text: str = "",
    bold: bool = False,
    italic: bool = False,
    style: str | None = None,
    superscript: bool = False,
):
    """A w:r with text; newlines become w:br."""
    r = element("w:r")
    if bold or italic or style or superscript:
        rpr = element("w:rPr")
        if style:
            rpr.append(element("w:rStyle", w_val=style))
        if bold:
            rpr.append(element("w:b"))
            rpr.append(element("w:bCs"))
        if italic:
            rpr.append(element("w:i"))
        if superscript:
            rpr.append(element("w:vertAlign", w_val="superscript"))
        r.append(rpr)
    for index, piece in enumerate(text.split("\n")):
        if index:
            r.append(element("w:br"))
        if piece:
            t = element("w:t")
            t.text = piece
            t.set(qn("xml:space"), "preserve")
            r.append(t)
    return r


def field_runs(instruction: str, shown: str) -> list:
    """A complex field (PAGE, TOC …) with its current result."""
    begin = element("w:r")
    begin.append(element("w:fldChar", w_fldCharType="begin"))
    instr = element("w:r")
    text = element("w:instrText")
    text.text = f" {instruction} "
    text.set(qn("xml:space"), "preserve")
    instr.append(text)
    sep = element("w:r")
    sep.append(element("w:fldChar", w_fldCharType="separate"))
    end = element("w:r")
    end.append(element("w:fldChar", w_fldCharType="end"))
    return [begin, instr, sep, run_element(shown), end]


def hyperlink(part, url: str):
    r_id = part.relate_to(url, RT.HYPERLINK, is_external=True)
    return element("w:hyperlink", r_id=r_id)


def internal_link(anchor: str):
    return element("w:hyperlink", w_anchor=anchor, w_history="1")


def bookmark(paragraph_el, name: str, bid: int) -> None:
    start = element("w:bookmarkStart", w_id=str(bid), w_name=name)
    end = element("w:bookmarkEnd", w_id=str(bid))
    ppr = paragraph_el.find(qn("w:pPr"))
    index = 1 if ppr is not None else 0
    paragraph_el.insert(index, start)
    paragraph_el.append(end)


def border(paragraph_el, side: str, size_eighths: int) -> None:
    ppr = paragraph_el.get_or_add_pPr()
    borders = ppr.find(qn("w:pBdr"))
    if borders is None:
        borders = element("w:pBdr")
        ppr.append(borders)
    borders.append(
        element(f"w:{side}", w_val="single", w_sz=str(size_eighths), w_space="1", w_color="000000")
    )


def footnote_reference(note_id: int, custom_mark: str | None):
    """The run in the text that cites a footnote; a custom mark (*) follows it."""
    r = element("w:r")
    rpr = element("w:rPr")
    rpr.append(element("w:rStyle", w_val="FootnoteReference"))
    r.append(rpr)
    ref = element("w:footnoteReference", w_id=str(note_id))
    if custom_mark:
        ref.set(qn("w:customMarkFollows"), "1")
    r.append(ref)
    if custom_mark:
        t = element("w:t")
        t.text = custom_mark
        r.append(t)
    return r
