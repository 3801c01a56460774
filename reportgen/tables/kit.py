"""What every budget table builder shares: labels, years and figure formatting."""

from __future__ import annotations

from dataclasses import dataclass

from reportgen.budget.codes import grade_name
from reportgen.budget.figures import Budget, Line, Posts
from reportgen.labels import Labels
from reportgen.model import Cell, Row
from reportgen.numbers import NumberStyle, format_amount
from reportgen.numerals import numeral


@dataclass
class Kit:
    budget: Budget
    labels: Labels
    style: NumberStyle
    year: int  # the budget year, e.g. 2022
    performance_note: str = ""  # the ᵃ note under performance-measure tables

    def word(self, key: str, **kw) -> str:
        text = self.labels.get(f"budget.{key}")
        return text.format(**kw) if kw else text

    # -- figures ---------------------------------------------------------------------
    def thousands(self, dollars: float | None) -> str:
        return format_amount(None if dollars is None else dollars / 1000, 1, self.style)

    def count(self, posts: float) -> str:
        return format_amount(posts, 0, self.style)

    def percent(self, line: Line) -> str:
        """Change ÷ base, one decimal; nil change → —; a tiny change keeps its sign (0.0)."""
        if not line.change or line.percent is None:
            return self.style.nil
        return format_amount(line.percent, 1, self.style)

    # -- cells and rows ------------------------------------------------------------------
    @staticmethod
    def stub(text: str, indent: int = 0, bold: bool = False) -> Cell:
        return Cell(text, "left", indent=indent, bold=bold)

    @staticmethod
    def fig(text: str) -> Cell:
        return Cell(text, "decimal")

    def money_cells(
        self, line: Line, changes: bool = True, percent: bool = True, single_change: bool = False
    ) -> list[Cell]:
        cells = [
            self.fig(self.thousands(line.expenditure)),
            self.fig(self.thousands(line.appropriation)),
        ]
        if single_change:
            cells.append(self.fig(self.thousands(line.change)))
        elif changes:
            cells += [
                self.fig(self.thousands(x))
                for x in (line.technical, line.new_mandates, line.other, line.change)
            ]
        if percent:
            cells.append(self.fig(self.percent(line)))
        cells.append(self.fig(self.thousands(line.estimate)))
        return cells

    def post_percent(self, posts: Posts) -> str:
        if not posts.change or not posts.approved:
            return self.style.nil
        return format_amount(posts.change / posts.approved * 100, 1, self.style)

    def post_cells(self, posts: Posts, changes: bool = True, percent: bool = True) -> list[Cell]:
        """Approved, the changes by kind, their total and percentage, proposed."""
        cells = [self.fig(self.count(posts.approved))]
        if changes:
            cells += [
                self.fig(self.count(x))
                for x in (posts.technical, posts.new_mandates, posts.other, posts.change)
            ]
            if percent:
                cells.append(self.fig(self.post_percent(posts)))
        else:
            cells.append(self.fig(self.count(posts.change)))
        cells.append(self.fig(self.count(posts.proposed)))
        return cells

    def group_row(self, text: str, columns: int) -> Row:
        return Row([Cell(text, "left", colspan=columns)], "group")

    def lettered(self, code: str, text: str) -> str:
        """ "A. text" as the language letters it (باء - in Arabic: `heading_styles`)."""
        style = (self.labels.get("heading_styles") or {}).get("letter", "letter")
        if style == "letter" or not (len(code) == 1 and "A" <= code <= "Z"):
            return f"{code}. {text}"
        shown = numeral(style, ord(code) - ord("A") + 1)
        return f"{self.labels.get('heading_number').format(n=shown)} {text}"

    def numbered(self, n: int, text: str) -> str:
        """ "1. text" as the language numbers it ("1 - text" in Arabic)."""
        return f"{self.labels.get('paragraph_number').format(n=n)} {text}"

    def unit_label(self, component: str, subprogramme: int | None) -> str:
        if subprogramme is None:
            return self.lettered(component, self.word(f"components.{component}"))
        return self.numbered(subprogramme, self.budget.subprogrammes[subprogramme])

    def unit_name(self, component: str, subprogramme: int | None) -> str:
        """The unit as a table title names it: 行政领导和管理, 次级方案 1."""
        if subprogramme is None:
            return self.word(f"components.{component}")
        return self.word("subprogramme", n=subprogramme)

    def grade(self, code: str) -> str:
        """A grade as this language's tables print it (budget.grades: USG → SGA in French);
        the data keeps the code."""
        return grade_name(self.labels, code)

    def grade_list(self, grades: dict[str, float]) -> str:
        sep = self.word("list_separator")
        return sep.join(
            self.word("grade_count", count=self.count(n), grade=self.grade(g))
            for g, n in grades.items()
        )

    # -- headers ---------------------------------------------------------------------------
    def money_header(
        self,
        stub: str,
        single_change: bool = False,
        xb: bool = False,
        percent: bool = True,
        overall: bool = False,
    ) -> list[Row]:
        """Two header rows with the 变动 spanner over the kinds of change.

        The section's overall tables (16.30, 16.35) say 拨款数 and put 百分比 under the
        spanner; the others say 批款数 and head 百分比 beside it, as the reference does."""
        y = self.year
        base = "appropriation_overall" if overall else "appropriation"
        if xb:
            base = "estimate_current"
        first = [
            Cell(stub),
            Cell(self.word("columns.expenditure", year=y - 2), "right"),
            Cell(self.word(f"columns.{base}", year=y - 1), "right"),
        ]
        if single_change:
            return [
                Row(
                    first
                    + [
                        Cell(self.word("columns.changes"), "right"),
                        Cell(self.word("columns.percent"), "right"),
                        Cell(self.word("columns.estimate_current", year=y), "right"),
                    ],
                    "header",
                )
            ]
        kinds = ["technical", "new_mandates", "other", "total"]
        under = kinds + (["percent"] if percent and overall else [])
        first.append(Cell(self.word("columns.changes"), "center", colspan=len(under)))
        second = [Cell(""), Cell(""), Cell("")]
        second += [Cell(self.word(f"columns.{k}"), "right") for k in under]
        if percent and not overall:
            first.append(Cell(self.word("columns.percent"), "right"))
            second.append(Cell(""))
        first.append(Cell(self.word("columns.estimate", year=y), "right"))
        second.append(Cell(""))
        return [Row(first, "header"), Row(second, "header")]

    def post_header(
        self, stub: str, single_change: bool = False, percent: bool = True
    ) -> list[Row]:
        y = self.year
        if single_change:
            return [
                Row(
                    [
                        Cell(stub),
                        Cell(self.word("columns.estimate_current", year=y - 1), "right"),
                        Cell(self.word("columns.changes"), "right"),
                        Cell(self.word("columns.estimate_current", year=y), "right"),
                    ],
                    "header",
                )
            ]
        # 变动 over the kinds of change; 共计 beside it (and the percentage under a blank)
        kinds = ("technical", "new_mandates", "other")
        first = [
            Cell(stub),
            Cell(self.word("columns.approved", year=y - 1), "right"),
            Cell(self.word("columns.changes"), "center", colspan=len(kinds)),
            Cell(self.word("columns.total"), "right"),
        ]
        second = [Cell(""), Cell("")] + [Cell(self.word(f"columns.{k}"), "right") for k in kinds]
        second.append(Cell(""))
        if percent:
            first.append(Cell(""))
            second.append(Cell(self.word("columns.percent"), "right"))
        first.append(Cell(self.word("columns.proposed", year=y), "right"))
        second.append(Cell(""))
        return [Row(first, "header"), Row(second, "header")]
