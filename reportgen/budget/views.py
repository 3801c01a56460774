"""What narrative templates see of the budget: `rb`, `xb` and their units.

{{ rb.total.estimate | usd }}            22 711 800 美元
{{ rb.total.change | abs | usd }}        651 300 美元
{{ rb.total.percent | abs | pct(1) }}    2.8%
{{ rb.component("B").change | change_word }}   减少
{{ xb.sp(1).posts }} 个员额({{ xb.sp(1).posts_detail }})
{{ rb.object("travel_of_staff").technical | abs | usd }}
"""

from __future__ import annotations

import re

from reportgen.budget.codes import AMOUNTS, DERIVED, OBJECTS, grade_name
from reportgen.budget.figures import Budget
from reportgen.labels import Labels
from reportgen.numbers import NumberStyle, format_number

_LINE_FIGURES = frozenset((*AMOUNTS, *DERIVED, "percent"))


class UnitView:
    """One row's figures (section, component, subprogramme or object) for prose."""

    def __init__(
        self,
        budget: Budget,
        fund: str,
        labels: Labels,
        style: NumberStyle,
        component=None,
        subprogramme=None,
        objects=None,
    ):
        self._line = budget.line(fund, component, subprogramme, objects)
        self._posts = budget.posts(fund, component, subprogramme) if objects is None else None
        self._labels = labels
        self._style = style

    def __getattr__(self, name: str):
        if name in _LINE_FIGURES:
            return getattr(self._line, name)
        raise AttributeError(name)

    @property
    def posts(self) -> int:
        return int(self._posts.proposed) if self._posts else 0

    @property
    def posts_change(self) -> int:
        return int(self._posts.change) if self._posts else 0

    @property
    def posts_detail(self) -> str:
        """10 个 P-5、77 个 P-4、…和 24 个一般事务人员(其他职等)"""
        if not self._posts:
            return ""
        names = self._labels.get("budget.grade_prose")
        pattern = self._labels.get("budget.grade_prose_count")
        parts = [
            pattern.format(
                count=format_number(n, 0, self._style),
                grade=names.get(g) or grade_name(self._labels, g),
            )
            for g, n in self._posts.grades.items()
        ]
        if len(parts) == 1:
            return spaced(parts[0])
        sep = self._labels.get("budget.list_separator")
        return spaced(sep.join(parts[:-1]) + self._labels.get("budget.last_joiner") + parts[-1])


_CJK = r"\u4e00-\u9fff"  # ideographs; punctuation takes no space


def spaced(text: str) -> str:
    """A space between Chinese characters and Latin letters or digits, as UN Chinese
    texts set them: 10 个 P-5、…P-2/1 和 6 个."""
    text = re.sub(f"([{_CJK}])(?=[A-Za-z0-9])", r"\1 ", text)
    return re.sub(f"(?<=[A-Za-z0-9/])([{_CJK}])", r" \1", text)


class FundView:
    def __init__(self, budget: Budget, fund: str, labels: Labels, style: NumberStyle):
        self._args = (budget, fund, labels, style)

    @property
    def total(self) -> UnitView:
        return UnitView(*self._args)

    def component(self, code: str) -> UnitView:
        return UnitView(*self._args, component=code)

    def sp(self, number: int) -> UnitView:
        return UnitView(*self._args, component="C", subprogramme=int(number))

    def object(self, code: str) -> UnitView:
        if code not in OBJECTS:
            raise ValueError(f"unknown object of expenditure `{code}`")
        return UnitView(*self._args, objects=(code,))

    def component_object(self, code: str, obj: str, subprogramme: int | None = None) -> UnitView:
        return UnitView(*self._args, component=code, subprogramme=subprogramme, objects=(obj,))


def budget_context(budget: Budget, labels: Labels, style: NumberStyle) -> dict:
    return {
        "rb": FundView(budget, "regular_budget", labels, style),
        "xb": FundView(budget, "extrabudgetary", labels, style),
    }
