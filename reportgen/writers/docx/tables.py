"""Tables in Word: caption lines kept with the grid, repeating header rows, spans,
horizontal rules, and figures aligned on the decimal point by a decimal tab.

Figures are right-aligned with a right indent that puts their decimal point where the
PDF has it (DECIMAL_PAD inside the cell's edge): the indent is less the width of what
follows the point (".4)"), measured in Times New Roman's widths, which the Latin face
and its metric twin Liberation Serif share. A decimal tab would do the same in Word,
but LibreOffice 7.4 sets a figure after a decimal tab on a second line. A figure's
group separator is a no-break space, so it never breaks. Rows do not split across
pages.

Built as WordprocessingML text: python-docx's table API is slow on large tables."""

from __future__ import annotations

from collections.abc import Callable

from reportgen.model import Inline, Table, TablePart, Text
from reportgen.writers.docx import fields
from reportgen.writers.docx.styles import HEADING_SIZE, TEXT_SIZE
from reportgen.writers.layout_spec import (
    DECIMAL_PAD,
    TABLE_CELL_PAD,
    TABLE_FIRST_ROWS,
    figure_tail,
)

CELL_PADDING = TABLE_CELL_PAD  # left and right cell margins
NBSP = "\u00a0"
# advance widths (em) of what follows a decimal point, in Times New Roman (regular and
# bold agree for these)
_TAIL_WIDTHS = {".": 0.25, ",": 0.25, ")": 0.333, "%": 0.833, " ": 0.25, NBSP: 0.25}
JC = {"left": "left", "right": "right", "center": "center", "decimal": "right"}
# right to left (w:bidiVisual, right-to-left cell paragraphs, where w:jc's "left" is the
# start: the right): text to the right, as the stub column now is; a column head the
# left-to-right text wrote flush right stays flush right, over its figures
JC_RTL = {"left": "left", "right": "left", "center": "center"}
LTR_PARAGRAPH = '<w:bidi w:val="0"/>'

Paragraph = Callable[[str, list[Inline]], str]  # (style name, content) → w:p
Inlines = Callable[[list[Inline], bool], str]  # (content, bold) → runs


def table_xml(
    table: Table,
    width: float,
    paragraph: Paragraph,
    ids: dict[str, str],
    inlines: Inlines,
    label: str = "",
    rtl: bool = False,
) -> str:
    """Caption lines (`label`: the label line, made by the caller), each part's grid and
    the notes; `ids` maps style names to ids. A right-to-left table (`rtl`) has its
    columns from right to left and its figures, left-to-right paragraphs, still
    right-aligned on their decimal point."""
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
        out.append(_grid(part, width, ids, inlines, rtl))
        space = {"spacing": '<w:spacing w:after="120"/>'}
        out.append(fields.paragraph(ids["UN Table Note"], props=space))
    out.extend(paragraph("UN Table Note", note) for note in table.notes)
    return "".join(out)


def _twips(points: float) -> str:
    return str(round(points * 20))


def _figure_indent(text: str, size: float) -> float:
    """The right indent that puts a figure's alignment point DECIMAL_PAD inside the
    cell's edge (as the PDF does: the text left of the point ends half a "." before
    it); may be negative (into the cell's margin)."""
    tail = figure_tail(text)
    width = sum(_TAIL_WIDTHS.get(ch, 0.5) for ch in tail) * size
    return DECIMAL_PAD - CELL_PADDING + 0.5 * _TAIL_WIDTHS["."] * size - width


def _border(side: str, size: int) -> str:
    return f'<w:{side} w:val="single" w:sz="{size}" w:space="0" w:color="000000"/>'


def _grid(
    part: TablePart, width: float, ids: dict[str, str], inlines: Inlines, rtl: bool = False
) -> str:
    total = sum(part.widths)
    widths = [width * w / total for w in part.widths]
    out = [
        f"<w:tbl><w:tblPr>{'<w:bidiVisual/>' if rtl else ''}",
        f'<w:tblW w:w="{_twips(width)}" w:type="dxa"/>',
        f"<w:tblBorders>{_border('top', 4)}{_border('bottom', 8)}</w:tblBorders>",
        '<w:tblLayout w:type="fixed"/><w:tblCellMar>',
        f'<w:left w:w="{_twips(CELL_PADDING)}" w:type="dxa"/>',
        f'<w:right w:w="{_twips(CELL_PADDING)}" w:type="dxa"/>',
        "</w:tblCellMar></w:tblPr><w:tblGrid>",
        *(f'<w:gridCol w:w="{_twips(w)}"/>' for w in widths),
        "</w:tblGrid>",
    ]
    styles = {"header": ids["UN Table Heading"], "body": ids["UN Table Text"]}
    size = {ids["UN Table Heading"]: HEADING_SIZE, ids["UN Table Text"]: TEXT_SIZE}
    valign = "top" if part.valign == "top" else "bottom"
    last_header = len(part.header) - 1
    for r, row in enumerate(part.header + part.body):
        out.append("<w:tr>")
        if r <= last_header:
            out.append("<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>")
        else:
            out.append("<w:trPr><w:cantSplit/></w:trPr>")
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
                text = text.replace(" ", NBSP)
                props["ind"] = f'<w:ind w:right="{_twips(_figure_indent(text, size[style]))}"/>'
            if r < len(part.header) + TABLE_FIRST_ROWS - 1:
                props["keepNext"] = "<w:keepNext/>"  # the header with the first rows
            if cell.indent:
                props["ind"] = f'<w:ind w:left="{_twips(8 * cell.indent)}"/>'
            jc = JC[cell.align]
            if rtl and cell.align == "decimal":
                # a figure reads left to right: flush right, its right indent on the right
                props["bidi"] = LTR_PARAGRAPH
            elif rtl:
                jc = JC_RTL[cell.align]
            props["jc"] = f'<w:jc w:val="{jc}"/>'
            if cell.content:
                runs = inlines(cell.content, cell.bold or bold)
            else:
                runs = inlines([Text(text)], cell.bold or bold)
            out.append(fields.paragraph(style, runs, props) + "</w:tc>")
            col += cell.colspan
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)
