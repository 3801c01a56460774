"""Load a section's budget data files into a validated `Budget`."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

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
from reportgen.budget.tables_in import Sheet, check_codes, check_duplicates, read_table
from reportgen.errors import InputError, Problem


def _check_units(sheet: Sheet, subprogrammes: dict[int, str], problems: list[Problem]) -> None:
    """Component C rows name a declared subprogramme; other components name none."""
    frame = sheet.frame
    allowed = tuple(str(n) for n in sorted(subprogrammes))
    for row in frame.index:
        component, sub = frame.at[row, "component"], frame.at[row, "subprogramme"]
        if sub.endswith(".0"):
            sub = sub[:-2]
            frame.at[row, "subprogramme"] = sub
        label, line, field = sheet.place(row, "subprogramme")
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


def load_financial(path: Path, subprogrammes: dict[int, str]) -> pd.DataFrame:
    sheet = read_table(path, FINANCIAL_COLUMNS, AMOUNTS)
    problems: list[Problem] = []
    check_codes(sheet, "fund", FUNDS, problems)
    check_codes(sheet, "component", COMPONENTS, problems)
    check_codes(sheet, "object", OBJECTS, problems, optional=True)
    frame = sheet.frame
    for row in frame.index[(frame["fund"] == "regular_budget") & (frame["object"] == "")]:
        problems.append(
            sheet.problem(
                row,
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
    return frame


def load_posts(path: Path, subprogrammes: dict[int, str]) -> pd.DataFrame:
    sheet = read_table(path, POST_COLUMNS, POST_COUNTS)
    problems: list[Problem] = []
    check_codes(sheet, "fund", FUNDS, problems)
    check_codes(sheet, "component", COMPONENTS, problems)
    check_codes(sheet, "grade", GRADES, problems)
    _check_units(sheet, subprogrammes, problems)
    frame = sheet.frame
    for column in POST_COUNTS:
        for row in frame.index[(frame[column] % 1) != 0]:
            problems.append(
                sheet.problem(
                    row,
                    column,
                    f"a post count must be a whole number, found {frame.at[row, column]}",
                )
            )
    if not problems:
        check_duplicates(sheet, ["fund", "component", "subprogramme", "grade"], problems)
    if problems:
        raise InputError(problems)
    return frame


def load_budget(financial: Path, posts: Path, subprogrammes: dict[int, str]) -> Budget:
    problems: list[Problem] = []
    frames = []
    for loader, path in ((load_financial, financial), (load_posts, posts)):
        try:
            frames.append(loader(path, subprogrammes))
        except InputError as err:
            problems.extend(err.problems)
    if problems:
        raise InputError(problems)
    return Budget(frames[0], frames[1], subprogrammes)
