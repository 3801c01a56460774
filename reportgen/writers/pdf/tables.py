"""Tables in the PDF: captions kept with the grid, header rows repeated on every page,
spans, horizontal rules, figures aligned on the decimal point."""

from __future__ import annotations

from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Spacer
from reportlab.platypus import Table as GridTable

from reportgen.model import Table, TablePart, Text

DECIMAL_PAD = 10.0  # room right of the decimal point for ".4)" in (579.4)
_ALIGN = {"left": TA_LEFT, "right": TA_RIGHT, "center": TA_CENTER, "decimal": TA_RIGHT}


def table_flowables(writer, table: Table) -> list:
    """The caption lines, each part's grid and the notes, as reportlab flowables."""
    s = writer.styles
    out: list = captions(writer, table.label, table.title, table.units)
    for part in table.parts:
        if part.caption:
            out.append(writer.para([Text(part.caption)], s.table_caption))
        out.append(_grid(writer, part))
        out.append(Spacer(1, 4))
    for note in table.notes:
        out.append(writer.para(note, s.table_note))
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
    return cache[key]


def _grid(writer, part: TablePart) -> GridTable:
    s = writer.styles
    width = writer.text_width()
    total = sum(part.widths)
    widths = [width * w / total for w in part.widths]
    rows = part.header + part.body
    data: list[list] = []
    commands: list = [
        ("VALIGN", (0, 0), (-1, -1), part.valign.upper()),
        ("LEFTPADDING", (0, 0), (-1, -1), 2.5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2.5),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        ("FONTSIZE", (0, 0), (-1, -1), s.table_text.fontSize),
        ("LINEABOVE", (0, 0), (-1, 0), 0.5, "black"),
        ("LINEBELOW", (0, -1), (-1, -1), 1.0, "black"),
    ]
    header_rows = len(part.header)
    if header_rows:
        commands.append(("LINEBELOW", (0, header_rows - 1), (-1, header_rows - 1), 0.5, "black"))
    for r, row in enumerate(rows):
        line: list = []
        col = 0
        base = s.table_heading if row.kind == "header" else s.table_text
        for cell in row.cells:
            bold = cell.bold or row.kind == "total"
            if cell.align == "decimal" and row.kind != "header":
                line.append(cell.text)
                commands.append(("ALIGN", (col, r), (col, r), "DECIMAL"))
                commands.append(("RIGHTPADDING", (col, r), (col, r), DECIMAL_PAD))
                if bold:
                    commands.append(("FONTNAME", (col, r), (col, r), s.font_latin_bold))
            else:
                style = _cell_style(writer, base, cell.align, cell.indent, bold)
                line.append(writer.para(cell.content or [Text(cell.text)], style))
            line.extend([""] * (cell.colspan - 1))
            if cell.colspan > 1:
                commands.append(("SPAN", (col, r), (col + cell.colspan - 1, r)))
            col += cell.colspan
        if row.kind == "total":
            commands.append(("LINEABOVE", (0, r), (-1, r), 0.5, "black"))
        data.append(line)
    grid = GridTable(data, colWidths=widths, repeatRows=header_rows, hAlign="LEFT")
    grid.setStyle(writer.table_style(commands))
    return grid
