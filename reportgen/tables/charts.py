"""Figures: the bars each chart shows, with their printed values, from data.

Resource figures (part B) come from the budget data; performance charts (part A) from
the plan data. Writers only draw what is here.
"""

from __future__ import annotations

from reportgen.budget.codes import OBJECTS
from reportgen.model import ChartPanel, Figure
from reportgen.numbers import format_number
from reportgen.tables.kit import Kit
from reportgen.tables.plan import Figure as FigureSpec

RB = "regular_budget"


def _unit(code: str | None) -> tuple[str | None, int | None]:
    if not code or code == "section":
        return None, None
    if code.startswith("C") and code[1:].isdigit():
        return "C", int(code[1:])
    return code, None


def resources(kit: Kit, code: str | None) -> list[ChartPanel]:
    """Posts by grade and the money by object of expenditure, as proposed."""
    component, sub = _unit(code)
    b = kit.budget
    staff = b.posts(RB, component, sub)
    posts = [(kit.grade(grade), n, kit.count(n)) for grade, n in staff.grades.items() if n]
    money = []
    for obj in OBJECTS:
        line = b.line(RB, component, sub, (obj,))
        if line.estimate:
            money.append(
                (kit.word(f"objects.{obj}"), line.estimate / 1000, kit.thousands(line.estimate))
            )
    panels = []
    if posts:
        total = kit.count(staff.proposed)
        panels.append(ChartPanel(f"{kit.word('chart.posts')}: {total}", posts))
    total_money = kit.thousands(b.line(RB, component, sub).estimate)
    panels.append(ChartPanel(f"{kit.word('chart.money')}: {total_money}", money))
    return panels


def by_subprogramme(kit: Kit) -> list[ChartPanel]:
    """Regular budget proposals by subprogramme, in millions of dollars."""
    bars = []
    for n in sorted(kit.budget.subprogrammes):
        value = kit.budget.line(RB, "C", n).estimate / 1_000_000
        bars.append((kit.word("subprogramme", n=n), value, format_number(value, 1, kit.style)))
    return [ChartPanel("", bars)]


def figure(kit: Kit, spec: FigureSpec, label: str, anchor: str) -> Figure:
    if spec.kind == "resources":
        panels = resources(kit, spec.unit)
    elif spec.kind == "by-subprogramme":
        panels = by_subprogramme(kit)
    elif not spec.series:
        # the data hold no value for this chart: say so rather than draw an empty frame
        panels = [ChartPanel(kit.word("chart.no_data"), [])]
    else:
        panels = [
            ChartPanel(
                "",
                [
                    (
                        name,
                        value,
                        kit.count(value)
                        if float(value).is_integer()
                        else format_number(value, 1, kit.style),
                    )
                    for name, value in spec.series
                ],
            )
        ]
    return Figure(label, spec.title, spec.units or "", panels, anchor=anchor)
