"""Reading long-format tables from CSV or Excel, with every error located by row and column.

Rows are reported as a person sees them: a CSV line number, or an Excel cell (F7).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from openpyxl.utils import get_column_letter

from reportgen.errors import InputError, Problem

MAX_BYTES = 50 * 1024 * 1024  # larger files are refused before pandas reads them
MAX_COLUMNS = 200
UNPRINTABLE = r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]"


@dataclass
class Sheet:
    """A read table and how to name a cell in it."""

    path: Path
    frame: pd.DataFrame
    excel: bool
    sheet: str = ""

    def place(self, row: int, column: str | None = None) -> tuple[str, int | None, str | None]:
        """(file label, line, field) of a data row (0-based) and column."""
        if self.excel:
            cell = ""
            if column is not None and column in self.frame.columns:
                cell = get_column_letter(list(self.frame.columns).index(column) + 1)
            label = f"{self.path}[{self.sheet}]"
            return label, None, f"cell {cell}{row + 2}" if cell else f"row {row + 2}"
        return str(self.path), row + 2, column

    def problem(self, row: int, column: str, message: str, hint: str | None = None) -> Problem:
        """A mistake in one cell, located by `place`."""
        label, line, field = self.place(row, column)
        return Problem(label, message, line=line, field=field, hint=hint)


def read_table(path: Path, required: tuple[str, ...], numeric: tuple[str, ...]) -> Sheet:
    """A CSV or .xlsx table with the required columns; numbers checked cell by cell."""
    if path.stat().st_size > MAX_BYTES:
        raise InputError.one(
            path,
            f"file is larger than {MAX_BYTES // 2**20} MB",
            hint="split it or remove unused rows",
        )
    excel = path.suffix.lower() in (".xlsx", ".xlsm")
    try:
        if excel:
            from openpyxl import load_workbook

            book = load_workbook(path, read_only=True, data_only=True)
            sheet_name = book.sheetnames[0]
            if book[sheet_name].max_column and book[sheet_name].max_column > MAX_COLUMNS:
                raise InputError.one(
                    path, f"sheet {sheet_name} has more than {MAX_COLUMNS} columns"
                )
            book.close()
            frame = pd.read_excel(path, sheet_name=sheet_name, dtype=object, engine="openpyxl")
        else:
            sheet_name = ""
            frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except InputError:
        raise
    except UnicodeDecodeError:
        raise InputError.one(path, "not valid UTF-8", hint="save the file as UTF-8 CSV") from None
    except Exception as err:  # pandas/openpyxl parse errors
        raise InputError.one(path, f"cannot read the table: {err}") from None
    if len(frame.columns) > MAX_COLUMNS:
        raise InputError.one(
            path,
            f"the table has {len(frame.columns)} columns, more than {MAX_COLUMNS}",
            hint="is this the right file or sheet?",
        )
    frame.columns = [str(c).strip() for c in frame.columns]
    sheet = Sheet(path, frame, excel, sheet_name)
    missing = [c for c in required if c not in frame.columns]
    problems = []
    for column in missing:
        close = difflib.get_close_matches(column, list(frame.columns), n=1)
        problems.append(
            Problem(
                sheet.place(0)[0],
                f"missing column `{column}`",
                line=1 if not excel else None,
                hint=f"did you mean `{close[0]}`? rename it"
                if close
                else "columns needed: " + ", ".join(required),
            )
        )
    extra = [c for c in frame.columns if c not in required]
    for column in extra:
        close = difflib.get_close_matches(column, list(required), n=1)
        problems.append(
            Problem(
                sheet.place(0)[0],
                f"unknown column `{column}`",
                line=1 if not excel else None,
                hint=f"did you mean `{close[0]}`?" if close else None,
            )
        )
    if problems:
        raise InputError(problems)
    for column in frame.columns:
        frame[column] = frame[column].map(
            lambda v: "" if v is None or (isinstance(v, float) and pd.isna(v)) else str(v).strip()
        )
    for column in frame.columns:
        bad = frame[column].str.contains(UNPRINTABLE, regex=True)
        for row in frame.index[bad]:
            problems.append(
                sheet.problem(
                    row,
                    column,
                    "a control character in the cell",
                    hint="delete it: documents cannot hold it",
                )
            )
    for column in numeric:
        values = pd.to_numeric(
            frame[column].str.replace(",", "", regex=False).replace("", "0"), errors="coerce"
        )
        for row in values[values.isna()].index:
            problems.append(
                sheet.problem(
                    row,
                    column,
                    f"`{frame.at[row, column]}` is not a number",
                    hint="write the amount in dollars, e.g. 22711800",
                )
            )
        frame[column] = values.fillna(0.0).astype(float)
    if problems:
        raise InputError(problems)
    return sheet


def check_codes(
    sheet: Sheet,
    column: str,
    allowed: tuple[str, ...],
    problems: list[Problem],
    optional: bool = False,
) -> None:
    for row, value in sheet.frame[column].items():
        if optional and value == "":
            continue
        if value not in allowed:
            close = difflib.get_close_matches(value, allowed, n=1)
            hint = f"did you mean `{close[0]}`?" if close else "allowed: " + ", ".join(allowed)
            problems.append(sheet.problem(row, column, f"unknown {column} `{value}`", hint))


def check_duplicates(sheet: Sheet, keys: list[str], problems: list[Problem]) -> None:
    frame = sheet.frame
    dup = frame.duplicated(subset=keys, keep="first")
    for row in frame.index[dup]:
        first = frame.index[(frame[keys] == frame.loc[row, keys]).all(axis=1)][0]
        label, line, _ = sheet.place(row)
        where = f"line {first + 2}" if not sheet.excel else f"row {first + 2}"
        problems.append(
            Problem(
                label,
                f"duplicate row for {', '.join(f'{k}={frame.at[row, k]}' for k in keys)}",
                line=line,
                hint=f"the same key is on {where}; merge the two",
            )
        )
