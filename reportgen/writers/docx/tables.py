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


def _grid(docx, part: TablePart, width: float, ids: dict[str, str], inlines=None) -> None:
    total = sum(part.widths)
    widths = [width * w / total for w in part.widths]
    rows = part.header + part.body
    grid = docx.add_table(rows=len(rows), cols=len(widths))
    grid.autofit = False
    for index, w in enumerate(widths):
        grid.columns[index].width = Pt(w)
    for r, row in enumerate(rows):
        tr = grid.rows[r]
        if r < len(part.header):
            _repeat_header(tr)
        cells = tr.cells
        col = 0
        for cell in row.cells:
            target = cells[col]
            if cell.colspan > 1:
                target = target.merge(cells[col + cell.colspan - 1])
            target.vertical_alignment = VALIGN[part.valign]
            span_width = sum(widths[col : col + cell.colspan])
            target.width = Pt(span_width)
            p = target.paragraphs[0]
            set_style(p._p, ids["UN Table Heading" if row.kind == "header" else "UN Table Text"])
            p.alignment = ALIGN[cell.align]
            if cell.indent:
                p.paragraph_format.left_indent = Pt(8 * cell.indent)
            text = cell.text
            if cell.align == "decimal" and text:
                p.paragraph_format.tab_stops.add_tab_stop(
                    Pt(span_width - DECIMAL_MARGIN - 2 * CELL_PADDING), alignment=3
                )
                text = "\t" + text
            if cell.content and inlines:
                inlines(p._p, cell.content, docx.part, cell.bold or row.kind == "total")
            else:
                p._p.append(fields.run_element(text, bold=cell.bold or row.kind == "total"))
            if r == len(part.header) - 1:
                _cell_border(target, "bottom", 4)
            if row.kind == "total":
                _cell_border(target, "top", 4)
            col += cell.colspan
    tbl_pr = grid._tbl.tblPr
    borders = fields.element("w:tblBorders")
    borders.append(fields.element("w:top", w_val="single", w_sz="4", w_space="0", w_color="000000"))
    borders.append(
        fields.element("w:bottom", w_val="single", w_sz="8", w_space="0", w_color="000000")
    )
    tbl_pr.append(borders)
    layout = fields.element("w:tblLayout", w_type="fixed")
    tbl_pr.append(layout)
    spacer = docx.add_paragraph(style="UN Table Note")
    spacer.paragraph_format.space_after = Pt(6)
