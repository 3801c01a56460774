"""Tables in Word: caption lines kept with the grid, repeating header rows, spans,
horizontal rules, and figures aligned on the decimal point by a decimal tab."""

from __future__ import annotations

from docx.enum.table import WD_ALIGN_VERTICAL
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt

from reportgen.model import Table, TablePart, Text
from reportgen.writers.docx import fields
from reportgen.writers.docx.styles import set_style

ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "decimal": WD_ALIGN_PARAGRAPH.LEFT,
}
DECIMAL_MARGIN = 12.0  # points from the cell's right edge to the decimal point
CELL_PADDING = 2.5
VALIGN = {"top": WD_ALIGN_VERTICAL.TOP, "bottom": WD_ALIGN_VERTICAL.BOTTOM}


def _cell_border(cell, side: str, size: int) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    borders = tc_pr.find(qn("w:tcBorders"))
    if borders is None:
        borders = fields.element("w:tcBorders")
        tc_pr.append(borders)
    borders.append(
        fields.element(f"w:{side}", w_val="single", w_sz=str(size), w_space="0", w_color="000000")
    )


def _repeat_header(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(fields.element("w:tblHeader"))
    tr_pr.append(fields.element("w:cantSplit"))


def write_table(
    docx, table: Table, width: float, paragraph, ids: dict[str, str], inlines=None
) -> None:
    """`paragraph(style, inlines)` adds a paragraph with the writer's inline rendering;
    `ids` maps style names to ids."""
    for style, text in (
        ("UN Table Label", table.label),
        ("UN Table Title", table.title),
        ("UN Table Units", table.units),
    ):
        if text:
            paragraph(style, [Text(text)])
    for part in table.parts:
        if part.caption:
            paragraph("UN Table Caption", [Text(part.caption)])
        _grid(docx, part, width, ids, inlines)
    for note in table.notes:
        paragraph("UN Table Note", note)


def _sub(parent, tag: str, **attrs: str):
    """A child element, built directly: python-docx's table API is slow on large tables."""
    child = fields.element(tag, **attrs)
    parent.append(child)
    return child


def _twips(points: float) -> str:
    return str(round(points * 20))


def _border(parent, side: str, size: int) -> None:
    _sub(parent, f"w:{side}", w_val="single", w_sz=str(size), w_space="0", w_color="000000")


JC = {"left": "left", "right": "right", "center": "center", "decimal": "left"}


def _grid(docx, part: TablePart, width: float, ids: dict[str, str], inlines=None) -> None:
    total = sum(part.widths)
    widths = [width * w / total for w in part.widths]
    rows = part.header + part.body
    tbl = fields.element("w:tbl")
    pr = _sub(tbl, "w:tblPr")
    _sub(pr, "w:tblW", w_w=_twips(width), w_type="dxa")
    borders = _sub(pr, "w:tblBorders")
    _border(borders, "top", 4)
    _border(borders, "bottom", 8)
    _sub(pr, "w:tblLayout", w_type="fixed")
    grid = _sub(tbl, "w:tblGrid")
    for w in widths:
        _sub(grid, "w:gridCol", w_w=_twips(w))
    heading, text_style = ids["UN Table Heading"], ids["UN Table Text"]
    last_header = len(part.header) - 1
    for r, row in enumerate(rows):
        tr = _sub(tbl, "w:tr")
        if r <= last_header:
            tr_pr = _sub(tr, "w:trPr")
            _sub(tr_pr, "w:cantSplit")
            _sub(tr_pr, "w:tblHeader")
        col = 0
        bold = row.kind == "total"
        for cell in row.cells:
            span = sum(widths[col : col + cell.colspan])
            tc = _sub(tr, "w:tc")
            tc_pr = _sub(tc, "w:tcPr")
            _sub(tc_pr, "w:tcW", w_w=_twips(span), w_type="dxa")
            if cell.colspan > 1:
                _sub(tc_pr, "w:gridSpan", w_val=str(cell.colspan))
            if r == last_header or row.kind == "total":
                cell_borders = _sub(tc_pr, "w:tcBorders")
                _border(cell_borders, "top" if row.kind == "total" else "bottom", 4)
            _sub(tc_pr, "w:vAlign", w_val="top" if part.valign == "top" else "bottom")
            p = _sub(tc, "w:p")
            p_pr = _sub(p, "w:pPr")
            _sub(p_pr, "w:pStyle", w_val=heading if row.kind == "header" else text_style)
            text = cell.text
            if cell.align == "decimal" and text:
                tabs = _sub(p_pr, "w:tabs")
                _sub(
                    tabs,
                    "w:tab",
                    w_val="decimal",
                    w_pos=_twips(span - DECIMAL_MARGIN - 2 * CELL_PADDING),
                )
                text = "\t" + text
            if cell.indent:
                _sub(p_pr, "w:ind", w_left=_twips(8 * cell.indent))
            _sub(p_pr, "w:jc", w_val=JC[cell.align])
            if cell.content and inlines:
                inlines(p, cell.content, docx.part, cell.bold or bold)
            else:
                p.append(fields.run_element(text, bold=cell.bold or bold))
            col += cell.colspan
    body = docx.element.body
    sect = body.find(qn("w:sectPr"))
    (sect.addprevious(tbl) if sect is not None else body.append(tbl))
    spacer = docx.add_paragraph()
    set_style(spacer._p, ids["UN Table Note"])
    spacer.paragraph_format.space_after = Pt(6)
