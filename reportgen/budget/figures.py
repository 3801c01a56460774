"""Budget figures computed from the base data: changes, estimates, percentages, totals.

Amounts stay at full precision (dollars); rounding happens only when a figure is
formatted. Nothing here formats text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

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


def _keyed(rows: list[dict[str, Any]], kind: str, figures: tuple[str, ...]) -> list[tuple]:
    return [
        (r["fund"], r["component"], r["subprogramme"], r[kind], tuple(r[f] for f in figures))
        for r in rows
    ]


class Budget:
    """The section's resources; every aggregate is a sum over the base rows.

    The rows (of the financial and the post table, by column) are read once into tuples
    of (fund, component, subprogramme, object or grade, figures) for the sums."""

    def __init__(
        self,
        financial: list[dict[str, Any]],
        posts: list[dict[str, Any]],
        subprogrammes: dict[int, str],
    ):
        self.subprogrammes = subprogrammes
        self._money = _keyed(financial, "object", AMOUNTS)
        self._staff = _keyed(posts, "grade", POST_COUNTS)
        self._lines: dict[tuple, Line] = {}
        self._posts: dict[tuple, Posts] = {}

    @staticmethod
    def _rows(rows, fund, component, subprogramme, values):
        sub = None if subprogramme is None else str(subprogramme)
        for f, c, s, v, amounts in rows:
            if fund is not None and f != fund:
                continue
            if component is not None and c != component:
                continue
            if sub is not None and s != sub:
                continue
            if values is not None and v not in values:
                continue
            yield v, amounts

    def line(
        self,
        fund: str | None = None,
        component: str | None = None,
        subprogramme: int | None = None,
        objects: tuple[str, ...] | None = None,
    ) -> Line:
        key = (fund, component, subprogramme, objects)
        if key not in self._lines:
            totals = [0.0] * len(AMOUNTS)
            for _, amounts in self._rows(self._money, fund, component, subprogramme, objects):
                for i, amount in enumerate(amounts):
                    totals[i] += amount
            self._lines[key] = Line(*totals)
        return self._lines[key]

    def posts(
        self,
        fund: str | None = None,
        component: str | None = None,
        subprogramme: int | None = None,
        grades: tuple[str, ...] | None = None,
    ) -> Posts:
        key = (fund, component, subprogramme, grades)
        if key not in self._posts:
            totals = [0.0] * len(POST_COUNTS)
            by_grade: dict[str, float] = {}
            for grade, counts in self._rows(self._staff, fund, component, subprogramme, grades):
                for i, count in enumerate(counts):
                    totals[i] += count
                by_grade[grade] = by_grade.get(grade, 0) + sum(counts)
            ordered = {g: by_grade[g] for g in GRADES if by_grade.get(g)}
            self._posts[key] = Posts(*totals, grades=ordered)
        return self._posts[key]

    def approved_grades(
        self, fund: str, component: str | None = None, subprogramme: int | None = None
    ) -> dict[str, float]:
        counts: dict[str, float] = {}
        for grade, values in self._rows(self._staff, fund, component, subprogramme, None):
            counts[grade] = counts.get(grade, 0) + values[0]
        return {g: counts[g] for g in GRADES if counts.get(g)}

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
