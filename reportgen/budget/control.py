"""Control totals: figures pasted from the official system, checked against ours.

A control file (CSV or .xlsx) has the columns
`fund,component,subprogramme,object,measure,amount`: the unit (blank component and
object for the whole fund or section), the measure (expenditure, appropriation,
technical, new_mandates, other, change, estimate, posts) and the official amount in
dollars (or posts). Every mismatch is reported with the table, row and column that
show the figure.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportgen.budget.codes import AMOUNTS, COMPONENTS, DERIVED, FUNDS, OBJECTS
from reportgen.budget.figures import Budget
from reportgen.budget.tables_in import check_codes, read_table
from reportgen.errors import InputError, Problem

MEASURES = (*AMOUNTS, *DERIVED, "posts")
COLUMNS = ("fund", "component", "subprogramme", "object", "measure", "amount")


@dataclass
class Mismatch:
    place: str
    line: int | None
    message: str


def check_control_totals(path: Path, budget: Budget, where) -> list[Problem]:
    """Problems for every control figure that differs from the computed one by a dollar or
    more; `where(fund, component, subprogramme, object, measure)` names the table cell."""
    sheet = read_table(path, COLUMNS, ("amount",))
    problems: list[Problem] = []
    check_codes(sheet, "fund", FUNDS, problems, optional=True)
    check_codes(sheet, "component", COMPONENTS, problems, optional=True)
    check_codes(sheet, "object", OBJECTS, problems, optional=True)
    check_codes(sheet, "measure", MEASURES, problems)
    if problems:
        raise InputError(problems)
    for index, row in enumerate(sheet.rows):
        fund = row["fund"] or None
        component = row["component"] or None
        sub = int(float(row["subprogramme"])) if row["subprogramme"] else None
        obj = row["object"] or None
        measure, amount = row["measure"], row["amount"]
        if measure == "posts":
            computed = budget.posts(fund, component, sub).proposed
        else:
            computed = getattr(budget.line(fund, component, sub, (obj,) if obj else None), measure)
        if abs(computed - amount) >= 1:
            problems.append(
                sheet.problem(
                    index,
                    "amount",
                    f"control total {amount:,.0f} differs from the computed "
                    f"{computed:,.0f} ({where(fund, component, sub, obj, measure)})",
                    hint="correct the base data or the control total",
                )
            )
    return problems
