"""Tables in the PDF: captions kept with the grid, header rows repeated on every page,
spans, horizontal rules, figures aligned on the decimal point."""

from __future__ import annotations

from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Spacer

from reportgen.model import Cell, Row, Table, TablePart, Text
from reportgen.writers.pdf.grid import Figure, Grid, GridCell, GridRow
from reportgen.writers.pdf.textblock import Setting, TextBlock

_ALIGN = {"left": TA_LEFT, "right": TA_RIGHT, "center": TA_CENTER, "decimal": TA_RIGHT}


def table_flowables(writer, table: Table, prefix: tuple = ()) -> list:
    """The caption lines, each part's grid and the notes, as reportlab flowables.

    Tagged: each part a Table (its header rows a THead of TH cells, the others a TBody),
    the first with the table's caption lines as its Caption, each with its own caption
    (in the first, a line of the table's); the notes paragraphs after them."""
    s = writer.styles
    keys = writer.keys
    out: list = []
    for n, part in enumerate(table.parts):
        path = (*prefix, (next(keys), "Table"))
        caption = (*path, (next(keys), "Caption"))
        if n == 0:
            for line in captions(writer, table.label, table.title, table.units):
                out.append(writer.tagged(line, caption, "P"))
        if part.caption:
            line = writer.para([Text(part.caption)], s.table_caption)
            out.append(writer.tagged(line, caption, "P"))
        grid = _grid(writer, part)
        grid.tag = path
        grid.sections = ((next(keys), "THead"), (next(keys), "TBody"))
        out.append(grid)
        out.append(Spacer(1, 4))
    for note in table.notes:
        out.append(writer.tagged(writer.para(note, s.table_note), prefix, "P"))
    out.append(Spacer(1, 6))
    return out


def captions(writer, label: str, title: str, units: str) -> list:
    """表 16.30 / its title / (千美元): the lines above a table or figure, kept with it."""
    s = writer.styles
    lines = ((s.table_label, label), (s.table_title, title), (s.table_units, units))
    return [writer.para([Text(text)], style) for style, text in lines if text]


def _cell_style(writer, base: ParagraphStyle, align: str, indent: int, bold: bool):
    key = (base.name, align, indent, bold)
    cache = writer.cell_styles
    if key not in cache:
        cache[key] = ParagraphStyle(
            f"{base.name}-{align}-{indent}-{int(bold)}",
            parent=base,
            alignment=_ALIGN[align],
            leftIndent=8 * indent,
            fontName=writer.styles.font_bold if bold else base.fontName,
        )
        # over figures: right-aligned on the page whichever the direction (textblock)
        cache[key].keep_right = align in ("right", "decimal")
    return cache[key]


def _grid(writer, part: TablePart) -> Grid:
    width = writer.text_width()
    total = sum(part.widths)
    widths = [width * w / total for w in part.widths]
    rows = [_row(writer, row) for row in part.header + part.body]
    if writer.rtl:  # columns from right to left; cells stay in reading order
        widths.reverse()
        for row in rows:
            for cell in row.cells:
                cell.col = len(widths) - cell.col - cell.span
    return Grid(widths, rows, len(part.header), part.valign)


def _row(writer, row: Row) -> GridRow:
    """A row's cells: figures (decimal cells outside the header) and paragraphs."""
    s = writer.styles
    base = s.table_heading if row.kind == "header" else s.table_text
    cells: list[GridCell] = []
    col = 0
    for cell in row.cells:
        bold = cell.bold or row.kind == "total"
        content: TextBlock | Figure | None
        if cell.align == "decimal" and row.kind != "header":
            font = s.font_latin_bold if bold else s.font_latin
            content = Figure(cell.text, font, s.table_text.fontSize)
        else:
            style = _cell_style(writer, base, cell.align, cell.indent, bold)
            content = _text(writer, cell, style)
        cells.append(GridCell(col, cell.colspan, content))
        col += cell.colspan
    return GridRow(cells, total=row.kind == "total", key=next(writer.keys))


def _text(writer, cell: Cell, style: ParagraphStyle) -> TextBlock | None:
    """A text cell's paragraph, None if empty; a plain text that recurs is measured once."""
    if cell.content:
        return writer.para(cell.content, style)
    if not cell.text:
        return None
    settings = writer.cell_settings  # (text, style name) → "共计", a heading …
    key = (cell.text, style.name)
    if key not in settings:
        settings[key] = Setting(writer.runs([Text(cell.text)], style))
    return TextBlock(settings[key], style)
