"""Tables in Word: caption lines kept with the grid, repeating header rows, spans,
horizontal rules, and figures aligned on the decimal point by a decimal tab.

The cell margins are set here (not left to Word's 5.4 pt default), so the decimal tab
leaves room for the widest tail a figure has (".5)"): Word and LibreOffice then keep
every figure on one line. A figure's group separator becomes a no-break space, which
both treat as part of the number when they align it.

Built as WordprocessingML text: python-docx's table API is slow on large tables."""

from __future__ import annotations

from collections.abc import Callable

from reportgen.model import Inline, Table, TablePart, Text
from reportgen.writers.docx import fields
from reportgen.writers.docx.ooxml import tabs

DECIMAL_MARGIN = 12.0  # points from the cell's right edge to the decimal point
CELL_PADDING = 2.5  # left and right cell margins
NBSP = "\u00a0"
JC = {"left": "left", "right": "right", "center": "center", "decimal": "left"}

Paragraph = Callable[[str, list[Inline]], str]  # (style name, content) → w:p
Inlines = Callable[[list[Inline], bool], str]  # (content, bold) → runs


def table_xml(
    table: Table,
    width: float,
    paragraph: Paragraph,
    ids: dict[str, str],
    inlines: Inlines,
    label: str = "",
) -> str:
    """Caption lines (`label`: the label line, made by the caller), each part's grid and
    the notes; `ids` maps style names to ids."""
    out = [label] + [
        paragraph(style, [Text(text)])
        for style, text in (
            ("UN Table Title", table.title),
            ("UN Table Units", table.units),
        )
        if text
    ]
    for part in table.parts:
        if part.caption:
            out.append(paragraph("UN Table Caption", [Text(part.caption)]))
        out.append(_grid(part, width, ids, inlines))
        space = {"spacing": '<w:spacing w:after="120"/>'}
        out.append(fields.paragraph(ids["UN Table Note"], props=space))
    out.extend(paragraph("UN Table Note", note) for note in table.notes)
    return "".join(out)


def _twips(points: float) -> str:
    return str(round(points * 20))


def _border(side: str, size: int) -> str:
    return f'<w:{side} w:val="single" w:sz="{size}" w:space="0" w:color="000000"/>'


def _grid(part: TablePart, width: float, ids: dict[str, str], inlines: Inlines) -> str:
    total = sum(part.widths)
    widths = [width * w / total for w in part.widths]
    out = [
        f'<w:tbl><w:tblPr><w:tblW w:w="{_twips(width)}" w:type="dxa"/>',
        f"<w:tblBorders>{_border('top', 4)}{_border('bottom', 8)}</w:tblBorders>",
        '<w:tblLayout w:type="fixed"/><w:tblCellMar>',
        f'<w:left w:w="{_twips(CELL_PADDING)}" w:type="dxa"/>',
        f'<w:right w:w="{_twips(CELL_PADDING)}" w:type="dxa"/>',
        "</w:tblCellMar></w:tblPr><w:tblGrid>",
        *(f'<w:gridCol w:w="{_twips(w)}"/>' for w in widths),
        "</w:tblGrid>",
    ]
    styles = {"header": ids["UN Table Heading"], "body": ids["UN Table Text"]}
    valign = "top" if part.valign == "top" else "bottom"
    last_header = len(part.header) - 1
    for r, row in enumerate(part.header + part.body):
        out.append("<w:tr>")
        if r <= last_header:
            out.append("<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>")
        rule = ""
        if r == last_header or row.kind == "total":
            side = "top" if row.kind == "total" else "bottom"
            rule = f"<w:tcBorders>{_border(side, 4)}</w:tcBorders>"
        style = styles["header" if row.kind == "header" else "body"]
        bold = row.kind == "total"
        col = 0
        for cell in row.cells:
            span = sum(widths[col : col + cell.colspan])
            grid_span = f'<w:gridSpan w:val="{cell.colspan}"/>' if cell.colspan > 1 else ""
            out.append(
                f'<w:tc><w:tcPr><w:tcW w:w="{_twips(span)}" w:type="dxa"/>{grid_span}{rule}'
                f'<w:vAlign w:val="{valign}"/></w:tcPr>'
            )
            props, text = {}, cell.text
            if cell.align == "decimal" and text:
                # the tab's position is counted from the text's left edge, inside the margin
                position = span - DECIMAL_MARGIN - CELL_PADDING
                props["tabs"] = tabs(("decimal", position, ""))
                text = "\t" + text.replace(" ", NBSP)
            if cell.indent:
                props["ind"] = f'<w:ind w:left="{_twips(8 * cell.indent)}"/>'
            props["jc"] = f'<w:jc w:val="{JC[cell.align]}"/>'
            if cell.content:
                runs = inlines(cell.content, cell.bold or bold)
            else:
                runs = fields.run(text, bold=cell.bold or bold)
            out.append(fields.paragraph(style, runs, props) + "</w:tc>")
            col += cell.colspan
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)
