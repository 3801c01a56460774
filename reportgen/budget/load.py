"""Load a section's budget data files into a validated `Budget`."""

from __future__ import annotations

from pathlib import Path

from reportgen.budget.codes import (
    AMOUNTS,
    COMPONENTS,
    FINANCIAL_COLUMNS,
    FUNDS,
    GRADES,
    OBJECTS,
    POST_COLUMNS,
    POST_COUNTS,
)
from reportgen.budget.figures import Budget
from reportgen.budget.tables_in import Row, Sheet, check_codes, check_duplicates, read_table
from reportgen.errors import InputError, Problem


def _check_units(sheet: Sheet, subprogrammes: dict[int, str], problems: list[Problem]) -> None:
    """Component C rows name a declared subprogramme; other components name none."""
    allowed = tuple(str(n) for n in sorted(subprogrammes))
    for index, row in enumerate(sheet.rows):
        component, sub = row["component"], row["subprogramme"]
        if sub.endswith(".0"):
            sub = sub[:-2]
            row["subprogramme"] = sub
        label, line, field = sheet.place(index, "subprogramme")
        if component == "C" and sub not in allowed:
            problems.append(
                Problem(
                    label,
                    f"component C needs a subprogramme ({', '.join(allowed)}), found `{sub}`",
                    line=line,
                    field=field,
                    hint="declare subprogrammes under budget.subprogrammes",
                )
            )
        elif component in ("A", "B", "D") and sub:
            problems.append(
                Problem(
                    label,
                    f"component {component} has no subprogrammes, found `{sub}`",
                    line=line,
                    field=field,
                    hint="leave the cell empty",
                )
            )


def load_financial(path: Path, subprogrammes: dict[int, str]) -> list[Row]:
    sheet = read_table(path, FINANCIAL_COLUMNS, AMOUNTS)
    problems: list[Problem] = []
    check_codes(sheet, "fund", FUNDS, problems)
    check_codes(sheet, "component", COMPONENTS, problems)
    check_codes(sheet, "object", OBJECTS, problems, optional=True)
    for index, row in enumerate(sheet.rows):
        if row["fund"] != "regular_budget" or row["object"] != "":
            continue
        problems.append(
            sheet.problem(
                index,
                "object",
                "regular budget rows need an object of expenditure",
                hint="allowed: " + ", ".join(OBJECTS),
            )
        )
    _check_units(sheet, subprogrammes, problems)
    if not problems:
        check_duplicates(sheet, ["fund", "component", "subprogramme", "object"], problems)
    if problems:
        raise InputError(problems)
    return sheet.rows


def load_posts(path: Path, subprogrammes: dict[int, str]) -> list[Row]:
    sheet = read_table(path, POST_COLUMNS, POST_COUNTS)
    problems: list[Problem] = []
    check_codes(sheet, "fund", FUNDS, problems)
    check_codes(sheet, "component", COMPONENTS, problems)
    check_codes(sheet, "grade", GRADES, problems)
    _check_units(sheet, subprogrammes, problems)
    for column in POST_COUNTS:
        for index, row in enumerate(sheet.rows):
            if row[column] % 1 != 0:
                problems.append(
                    sheet.problem(
                        index,
                        column,
                        f"a post count must be a whole number, found {row[column]}",
                    )
                )
    if not problems:
        check_duplicates(sheet, ["fund", "component", "subprogramme", "grade"], problems)
    if problems:
        raise InputError(problems)
    return sheet.rows


def load_budget(financial: Path, posts: Path, subprogrammes: dict[int, str]) -> Budget:
    problems: list[Problem] = []
    tables = []
    for loader, path in ((load_financial, financial), (load_posts, posts)):
        try:
            tables.append(loader(path, subprogrammes))
        except InputError as err:
            problems.extend(err.problems)
    if problems:
        raise InputError(problems)
    return Budget(tables[0], tables[1], subprogrammes)
