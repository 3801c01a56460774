"""A table grid flowable made for our tables, instead of reportlab's Table.

reportlab's Table resolves a style command list into per-cell styles, measures every
cell again on each wrap (KeepTogether wraps a captioned table several times), and
draws each figure as two strings through the canvas. Our grids need far less: fixed
column widths, fixed padding, column spans, one vertical alignment, four kinds of
horizontal rule and figures aligned on the decimal point. Here rows are measured once,
figures are set with direct text operators, and splitting cuts between rows with the
header rows repeated, as Table(repeatRows=…) does. The look is reportlab's:

- a text cell is a TextBlock at its cell's padding (bottom- or top-aligned);
- a figure is a plain-string cell of reportlab's DECIMAL alignment: the text before
  its "." (or before the trailing ")" of "(579)") ends half a "." left of the point
  DECIMAL_PAD inside the cell's right edge; such a cell is 12 pt (reportlab's cell
  leading) plus padding high, and so is a cell a column span covers;
- rules: 0.5 pt above the first row and below the header, 0.5 pt above a total row,
  1 pt below the last row; a part split off before the end has no bottom rule.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, cached_property
from itertools import accumulate

from reportlab.lib.colors import black
from reportlab.platypus import Flowable

from reportgen.model import Footnote
from reportgen.writers.layout_spec import DECIMAL_PAD, TABLE_CELL_PAD, TABLE_FIRST_ROWS, figure_tail
from reportgen.writers.pdf.tags import ARTIFACT, EMC, Elem, Tag, artifact, tagger_of
from reportgen.writers.pdf.textblock import TextBlock, char_widths
from reportgen.writers.pdf.textops import TextOps

PAD_X = TABLE_CELL_PAD  # left and right padding of every cell (the DOCX's cell margins)
PAD_Y = 1.5  # top and bottom padding
STRING_LEADING = 12.0  # reportlab's leading for a plain-string cell
RULE = 0.5  # top, header and total rules
BOTTOM_RULE = 1.0


@dataclass(frozen=True, slots=True)
class Figure:
    """A number such as "22 711.8", "(579)" or "—" (one line), aligned on its decimal
    point."""

    text: str
    font: str
    size: float

    def lead(self) -> str:
        """The part left of the alignment point: before the ".", or, with no "." but
        digits and a non-digit end ("(579)"), up to the last digit."""
        return self.text[: len(self.text) - len(figure_tail(self.text))]

    def pieces(self, pivot: float) -> list[tuple[float, str]]:
        """(x, text) of the lead, ending half a "." left of `pivot`, and of the rest,
        starting there (placed, not left to the reader's glyph widths, as reportlab
        does)."""
        lead = self.lead()
        point = pivot - 0.5 * char_widths(self.font, ".", self.size)[0]
        start = point - sum(char_widths(self.font, lead, self.size))
        return [(x, t) for x, t in ((start, lead), (point, self.text[len(lead) :])) if t]


@dataclass(slots=True)
class GridCell:
    col: int  # first column
    span: int  # columns covered
    content: TextBlock | Figure | None  # None: an empty text cell


@dataclass(slots=True)
class GridRow:
    cells: list[GridCell]
    total: bool = False  # a rule above it
    key: int = 0  # its TR (tags.Tag)


class Grid(Flowable):
    """Rows of cells in fixed columns; the first `header` rows repeat on every page.

    `first`/`last` say whether this part starts or ends the grid (for the rules)."""

    def __init__(
        self,
        widths: list[float],
        rows: list[GridRow],
        header: int,
        valign: str = "bottom",
        *,
        first: bool = True,
        last: bool = True,
        heights: list[float] | None = None,
    ):
        super().__init__()
        self.widths = widths
        self.x = list(accumulate(widths, initial=0.0))  # column edges
        self.rows = rows
        self.header = header
        self.top = valign == "top"
        self.first, self.last = first, last
        self._heights = heights
        self.width = self.x[-1]
        self.height = 0.0
        self.hAlign = "LEFT"
        # tagging: the path of its Table and the keys of its THead and TBody
        self.tag: tuple = ()
        self.sections: tuple = ()

    def identity(self, maxLen: int | None = None) -> str:  # noqa: N803 (reportlab's)
        """How reportlab names this table in a layout error: by its row of the most
        text (the one too tall for a page, when a table cannot be split)."""
        blocks = [
            [c.content for c in row.cells if isinstance(c.content, TextBlock)] for row in self.rows
        ]
        row = max(blocks, key=lambda cells: sum(b.end - b.start for b in cells), default=[])
        return "the table row " + row[0].identity() if row else "a table"

    @cached_property
    def notes(self) -> list[Footnote]:
        """The footnotes the cells of this part cite, row by row."""
        return [
            note
            for row in self.rows
            for cell in row.cells
            if isinstance(cell.content, TextBlock)
            for note in cell.content.notes
        ]

    # -- measuring --------------------------------------------------------------------
    def heights(self) -> list[float]:
        """Every row's height; measured once (the columns never change)."""
        if self._heights is None:
            self._heights = [self._row_height(row) for row in self.rows]
        return self._heights

    def _row_height(self, row: GridRow) -> float:
        tallest = 0.0
        for cell in row.cells:
            content = cell.content
            if isinstance(content, Figure):
                h = STRING_LEADING
            else:
                h = content.wrap(self._cell_width(cell) - 2 * PAD_X, 0xFFFFFFF)[1] if content else 0
                if cell.span > 1:  # reportlab measures the covered cells as empty strings
                    h = max(h, STRING_LEADING)
            tallest = max(tallest, h + 2 * PAD_Y)
        return tallest

    def _cell_width(self, cell: GridCell) -> float:
        return self.x[cell.col + cell.span] - self.x[cell.col]

    def wrap(self, availWidth, availHeight):  # noqa: N803 (reportlab's names)
        self.height = sum(self.heights())
        return self.width, self.height

    def split(self, availWidth, availHeight):  # noqa: N803
        heights = self.heights()
        fit, used = 0, 0.0
        for h in heights:
            if used + h > availHeight:
                break
            used += h
            fit += 1
        # the header and the first rows stay together (a caption kept with the table
        # keeps with them): at least TABLE_FIRST_ROWS rows, or all there are
        if fit < self.header + min(TABLE_FIRST_ROWS, len(self.rows) - self.header) or (
            fit <= self.header
        ):
            return []
        if fit == len(self.rows):
            return [self]
        n = self.header  # repeated above the rest
        rows = self.rows
        return [
            self._part(rows[:fit], heights[:fit], self.first, False),
            self._part(rows[:n] + rows[fit:], heights[:n] + heights[fit:], False, self.last),
        ]

    def _part(self, rows: list[GridRow], heights: list[float], first: bool, last: bool) -> Grid:
        valign = "top" if self.top else "bottom"
        part = Grid(self.widths, rows, self.header, valign, first=first, last=last, heights=heights)
        part.tag, part.sections = self.tag, self.sections
        return part

    # -- drawing ----------------------------------------------------------------------
    def draw(self):
        heights = self.heights()
        tops = list(accumulate(heights, lambda y, h: y - h, initial=self.height))
        tagger = tagger_of(self.canv) if self.sections else None
        for n, (row, h, bottom) in enumerate(zip(self.rows, heights, tops[1:], strict=True)):
            cells = None
            if tagger is not None and (n >= self.header or self.first):  # not a repeated head
                cells = self._cells(tagger, row, n < self.header)
            self._draw_row(row, bottom, h, tagger, cells)
        with artifact(self.canv):  # the rules
            self._draw_rules(tops)

    def _cells(self, tagger, row: GridRow, head: bool) -> list[Elem]:
        """The row's TR and its cells' elements: TH (the header's cells, a row's first
        text cell) and TD."""
        tr = tagger.enter(Tag((*self.tag, self.sections[0 if head else 1], (row.key, "TR"))))
        # a row of figures, or any row of a table with no header rows (a list of
        # resolutions and their titles), is headed by its first cell, when that is text
        headed = not self.header or any(isinstance(cell.content, Figure) for cell in row.cells)
        elems = []
        for n, cell in enumerate(row.cells):  # in reading order (right to left: mirrored)
            th = head or (headed and n == 0 and isinstance(cell.content, TextBlock))
            elem = tagger.new("TH" if th else "TD", tr)
            attrs = _cell_attrs(head, th, cell.span)
            if attrs:
                elem.attrs["A"] = attrs
            elems.append(elem)
        return elems

    def _draw_row(
        self, row: GridRow, bottom: float, height: float, tagger=None, cells=None
    ) -> None:
        """The cells left to right, in one text object; each cell the content of its
        element (`cells`), or all of them an artifact (a header row repeated)."""
        ops: TextOps | None = None
        for i, cell in enumerate(row.cells):
            content = cell.content
            elem = cells[i] if cells else None
            if content is None:
                continue
            if isinstance(content, Figure):
                top = bottom + height - PAD_Y - content.size
                base = top if self.top else bottom + PAD_Y + STRING_LEADING - content.size
                pieces = content.pieces(self.x[cell.col + cell.span] - DECIMAL_PAD)
                if not pieces:
                    continue
                if ops is None:
                    ops = TextOps(self.canv, pieces[0][0], base)
                self._begin(ops, elem, tagger)
                for x, text in pieces:
                    ops.line(x, base)
                    ops.show(text, content.font, content.size)
            else:
                y = bottom + height - PAD_Y - content.height if self.top else bottom + PAD_Y
                if ops is None:
                    ops = TextOps(self.canv, self.x[cell.col] + PAD_X, y)
                self._begin(ops, elem, tagger)
                content.paint_into(ops, self.x[cell.col] + PAD_X, y)
            if elem is not None:
                ops.end()
            elif tagger is not None:
                ops.ops.append(EMC)
        if ops is not None:
            ops.close()

    @staticmethod
    def _begin(ops: TextOps, elem, tagger) -> None:
        if elem is not None:
            ops.begin(elem)
        elif tagger is not None:
            ops.ops.append(ARTIFACT)

    def _rules(self, tops: list[float]) -> list[tuple[float, float]]:
        """(height, line width) of every rule; `tops` are the row tops and the bottom."""
        rules = []
        if self.first or self.header:
            rules.append((tops[0], RULE))
        if self.last:
            rules.append((tops[-1], BOTTOM_RULE))
        if self.header:
            rules.append((tops[self.header], RULE))
        rules.extend((tops[i], RULE) for i, row in enumerate(self.rows) if row.total)
        return rules

    def _draw_rules(self, tops: list[float]) -> None:
        canv = self.canv
        canv.saveState()
        canv.setLineCap(1)
        canv.setLineJoin(1)
        canv.setStrokeColor(black)
        width = None
        for y, w in self._rules(tops):
            if w != width:
                canv.setLineWidth(w)
                width = w
            canv.line(0, y, self.width, y)
        canv.restoreState()


@cache
def _cell_attrs(head: bool, th: bool, span: int) -> str | None:
    """A cell's attributes (/A): a TH's scope, a span."""
    attrs = f"/Scope /{'Column' if head else 'Row'}" if th else ""
    if span > 1:
        attrs += f" /ColSpan {span}"
    return f"<< /O /Table {attrs.strip()} >>" if attrs else None
