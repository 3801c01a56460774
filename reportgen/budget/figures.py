"""Budget figures computed from the base data: changes, estimates, percentages, totals.

Amounts stay at full precision (dollars); rounding happens only when a figure is
formatted. Nothing here formats text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from reportgen.budget.codes import AMOUNTS, CATEGORIES, GRADES, POST_COUNTS


@dataclass(frozen=True)
class Line:
    """Money for one row of a resource table."""

    expenditure: float = 0.0
    appropriation: float = 0.0  # or the current estimate, for extrabudgetary resources
    technical: float = 0.0
    new_mandates: float = 0.0
    other: float = 0.0

    @property
    def change(self) -> float:
        return self.technical + self.new_mandates + self.other

    @property
    def estimate(self) -> float:
        """The proposal before recosting: base plus every change."""
        return self.appropriation + self.change

    @property
    def percent(self) -> float | None:
        """Change as a percentage of the base; None when there is no base."""
        return self.change / self.appropriation * 100 if self.appropriation else None

    def __add__(self, other: Line) -> Line:
        return Line(*(getattr(self, a) + getattr(other, a) for a in AMOUNTS))


@dataclass(frozen=True)
class Posts:
    """Post counts for one row of a post table, with the grades behind them."""

    approved: float = 0.0
    technical: float = 0.0
    new_mandates: float = 0.0
    other: float = 0.0
    grades: dict[str, float] = field(default_factory=dict)  # proposed posts by grade

    @property
    def change(self) -> float:
        return self.technical + self.new_mandates + self.other

    @property
    def proposed(self) -> float:
        return self.approved + self.change

    def __add__(self, other: Posts) -> Posts:
        grades = dict(self.grades)
        for g, n in other.grades.items():
            grades[g] = grades.get(g, 0) + n
        return Posts(*(getattr(self, a) + getattr(other, a) for a in POST_COUNTS), grades=grades)


class Budget:
    """The section's resources; every aggregate is a sum over the base rows."""

    def __init__(self, financial: pd.DataFrame, posts: pd.DataFrame, subprogrammes: dict[int, str]):
        self.financial = financial
        self.posts_frame = posts
        self.subprogrammes = subprogrammes
        self._lines: dict[tuple, Line] = {}

    @staticmethod
    def _mask(frame: pd.DataFrame, fund, component, subprogramme, column, values):
        mask = pd.Series(True, index=frame.index)
        if fund is not None:
            mask &= frame["fund"] == fund
        if component is not None:
            mask &= frame["component"] == component
        if subprogramme is not None:
            mask &= frame["subprogramme"] == str(subprogramme)
        if values is not None:
            mask &= frame[column].isin(values)
        return mask

    def line(
        self,
        fund: str | None = None,
        component: str | None = None,
        subprogramme: int | None = None,
        objects: tuple[str, ...] | None = None,
    ) -> Line:
        key = (fund, component, subprogramme, objects)
        if key not in self._lines:
            rows = self.financial[
                self._mask(self.financial, fund, component, subprogramme, "object", objects)
            ]
            self._lines[key] = Line(*(float(rows[a].sum()) for a in AMOUNTS))
        return self._lines[key]

    def posts(
        self,
        fund: str | None = None,
        component: str | None = None,
        subprogramme: int | None = None,
        grades: tuple[str, ...] | None = None,
    ) -> Posts:
        rows = self.posts_frame[
            self._mask(self.posts_frame, fund, component, subprogramme, "grade", grades)
        ]
        proposed = rows[list(POST_COUNTS)].sum(axis=1)
        by_grade: dict[str, float] = {}
        for grade, count in zip(rows["grade"], proposed, strict=True):
            by_grade[grade] = by_grade.get(grade, 0) + float(count)
        ordered = {g: by_grade[g] for g in GRADES if by_grade.get(g)}
        return Posts(*(float(rows[a].sum()) for a in POST_COUNTS), grades=ordered)

    def approved_grades(
        self, fund: str, component: str | None = None, subprogramme: int | None = None
    ) -> dict[str, float]:
        rows = self.posts_frame[
            self._mask(self.posts_frame, fund, component, subprogramme, "grade", None)
        ]
        counts = rows.groupby("grade")["approved"].sum()
        return {g: float(counts[g]) for g in GRADES if g in counts and counts[g]}

    def category_posts(
        self,
        fund: str,
        category: str,
        component: str | None = None,
        subprogramme: int | None = None,
    ) -> Posts:
        return self.posts(fund, component, subprogramme, CATEGORIES[category])

    def units(self) -> list[tuple[str, int | None]]:
        """Components and subprogrammes in document order: A, B, C1…Cn, D."""
        return [
            ("A", None),
            ("B", None),
            *[("C", n) for n in sorted(self.subprogrammes)],
            ("D", None),
        ]
