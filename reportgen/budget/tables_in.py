"""Reading long-format tables from CSV or Excel, with every error located by row and column.

Rows are reported as a person sees them: a CSV line number, or an Excel cell (F7).

A regular CSV file is read with the csv module. pandas (slow to import) reads Excel
workbooks, and any CSV file the csv module would read differently from pandas' rules
(blank lines, rows of other widths, odd quoting, unnamed or repeated columns), so such
files are read, and refused, exactly as they always were.
"""

from __future__ import annotations

import csv
import difflib
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportgen.errors import Collector, InputError, Problem
from reportgen.inputs.limits import (
    MAX_AMOUNT,
    MAX_COLUMNS,
    MAX_TABLE_BYTES,
    MAX_TABLE_UNZIPPED,
    MB,
    unprintable,
)

# numbers float() reads exactly as pandas.to_numeric does (15 digits at most)
_INTEGER = re.compile(r"[+-]?[0-9]{1,15}")
_DECIMAL = re.compile(r"[+-]?([0-9]*)\.?([0-9]*)")

Row = dict[str, Any]  # column → cell text, or a float in the numeric columns


@dataclass
class Sheet:
    """A read table and how to name a cell in it."""

    path: Path
    columns: list[str]
    rows: list[Row]
    excel: bool
    sheet: str = ""

    def place(self, row: int, column: str | None = None) -> tuple[str, int | None, str | None]:
        """(file label, line, field) of a data row (0-based) and column."""
        if self.excel:
            from openpyxl.utils import get_column_letter

            cell = ""
            if column is not None and column in self.columns:
                cell = get_column_letter(self.columns.index(column) + 1)
            label = f"{self.path}[{self.sheet}]"
            return label, None, f"cell {cell}{row + 2}" if cell else f"row {row + 2}"
        return str(self.path), row + 2, column

    def problem(self, row: int, column: str, message: str, hint: str | None = None) -> Problem:
        """A mistake in one cell, located by `place`."""
        label, line, field = self.place(row, column)
        return Problem(label, message, line=line, field=field, hint=hint)


def _frame_cells(frame) -> tuple[list, list[list[str]]]:
    """A pandas frame's header and its cells as stripped text (blank for a missing cell)."""
    import pandas as pd

    def text(v: Any) -> str:
        return "" if v is None or (isinstance(v, float) and pd.isna(v)) else str(v).strip()

    return list(frame.columns), [[text(v) for v in row] for row in frame.itertuples(index=False)]


def _read_excel(path: Path) -> tuple[str, list, list[list[str]]]:
    import pandas as pd
    from openpyxl import load_workbook

    from reportgen.inputs.zips import check_zip

    check_zip(path, MAX_TABLE_UNZIPPED, "an Excel workbook", needs="[Content_Types].xml")
    book = load_workbook(path, read_only=True, data_only=True)
    sheet_name = book.sheetnames[0]
    if book[sheet_name].max_column and book[sheet_name].max_column > MAX_COLUMNS:
        raise InputError.one(path, f"sheet {sheet_name} has more than {MAX_COLUMNS} columns")
    _check_formulas(path, sheet_name, book[sheet_name])
    book.close()
    frame = pd.read_excel(path, sheet_name=sheet_name, dtype=object, engine="openpyxl")
    return (sheet_name, *_frame_cells(frame))


def _check_formulas(path: Path, sheet_name: str, values) -> None:
    """A formula cell is read by the value Excel last computed for it, kept in the file
    (what `data_only` reads). A workbook written by a program and never opened in a
    spreadsheet has none: such a cell would read as blank, an amount of 0, so it is an
    error naming the cell."""
    from openpyxl import load_workbook

    formulas = load_workbook(path, read_only=True, data_only=False)
    problems = Collector()
    label = f"{path}[{sheet_name}]"
    try:
        for row_f, row_v in zip(formulas[sheet_name].iter_rows(), values.iter_rows(), strict=False):
            for cell_f, cell_v in zip(row_f, row_v, strict=False):
                if getattr(cell_f, "data_type", None) != "f" or cell_v.value is not None:
                    continue
                if problems.full(label):
                    problems.count(label)
                    continue
                problems.append(
                    Problem(
                        label,
                        "a formula without a computed value (the workbook was never calculated)",
                        field=f"cell {cell_f.coordinate}",
                        hint="open and save the workbook in a spreadsheet, or paste values",
                    )
                )
    finally:
        formulas.close()
    if problems:
        raise problems.error()


def _regular(rows: list[list[str]]) -> bool:
    """A header of two or more distinct names and rows all as wide (no blank line)."""
    header = rows[0] if rows else []
    return (
        len(header) > 1
        and all(name.strip() for name in header)
        and len(set(header)) == len(header)
        and all(len(row) == len(header) for row in rows)
    )


def _read_csv(path: Path) -> tuple[list, list[list[str]]]:
    from reportgen.inputs.yamlfile import read_bytes

    raw = read_bytes(path, MAX_TABLE_BYTES, hint="split it or remove unused rows")
    text = raw.decode("utf-8").removeprefix("\ufeff")
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    except csv.Error:
        rows = []
    if not _regular(rows):
        import pandas as pd

        return _frame_cells(pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8"))
    return rows[0], [[cell.strip() for cell in row] for row in rows[1:]]


def _plain_decimal(text: str) -> bool:
    found = _DECIMAL.fullmatch(text)
    return bool(found) and 0 < len(found[1]) + len(found[2]) <= 15


def _numbers(texts: list[str]) -> list[float | None]:
    """A column's numbers (None where a cell is not one), thousands commas dropped and a
    blank cell 0, as pandas.to_numeric reads them."""
    plain = [t.replace(",", "") or "0" for t in texts]
    if all(_INTEGER.fullmatch(t) for t in plain):
        return [float(int(t)) for t in plain]  # an integer column: -0 is 0
    if all(_plain_decimal(t) for t in plain):
        return [float(t) for t in plain]
    import pandas as pd

    values = pd.to_numeric(pd.Series(plain, dtype=object), errors="coerce").astype(float)
    # an amount is at most 15 digits: inf, nan and 1e308 (whose sums overflow) are not
    return [None if pd.isna(v) or not abs(v) < MAX_AMOUNT else float(v) for v in values]


def read_table(path: Path, required: tuple[str, ...], numeric: tuple[str, ...]) -> Sheet:
    """A CSV or .xlsx table with the required columns; numbers checked cell by cell."""
    try:
        size = path.stat().st_size
    except OSError as err:
        raise InputError.one(path, f"cannot read the file: {err.strerror}") from None
    if size > MAX_TABLE_BYTES:
        raise InputError.one(
            path,
            f"file is larger than {MAX_TABLE_BYTES // MB} MB",
            hint="split it or remove unused rows",
        )
    excel = path.suffix.lower() in (".xlsx", ".xlsm")
    sheet_name = ""
    try:
        if excel:
            sheet_name, header, cells = _read_excel(path)
        else:
            header, cells = _read_csv(path)
    except InputError:
        raise
    except UnicodeDecodeError:
        raise InputError.one(path, "not valid UTF-8", hint="save the file as UTF-8 CSV") from None
    except PermissionError as err:
        raise InputError.one(path, f"cannot read the file: {err.strerror}") from None
    except Exception as err:  # pandas/openpyxl parse errors
        raise InputError.one(path, f"cannot read the table: {err}") from None
    if len(header) > MAX_COLUMNS:
        raise InputError.one(
            path,
            f"the table has {len(header)} columns, more than {MAX_COLUMNS}",
            hint="is this the right file or sheet?",
        )
    columns = [str(c).strip() for c in header]
    sheet = Sheet(
        path, columns, [dict(zip(columns, row, strict=True)) for row in cells], excel, sheet_name
    )
    missing = [c for c in required if c not in columns]
    problems = []
    for column in missing:
        close = difflib.get_close_matches(column, columns, n=1)
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
    extra = [c for c in columns if c not in required]
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
    found = Collector()
    label = sheet.place(0)[0]
    for column in columns:
        for index, row in enumerate(sheet.rows):
            if unprintable(row[column]):
                if found.full(label):
                    found.count(label)
                    continue
                found.append(
                    sheet.problem(
                        index,
                        column,
                        "a control character in the cell",
                        hint="delete it: documents cannot hold it",
                    )
                )
    for column in numeric:
        values = _numbers([row[column] for row in sheet.rows])
        for index, (row, value) in enumerate(zip(sheet.rows, values, strict=True)):
            if value is None:
                if found.full(label):
                    found.count(label)
                else:
                    found.append(
                        sheet.problem(
                            index,
                            column,
                            f"`{_shown(row[column])}` is not a number",
                            hint="write the amount in dollars, e.g. 22711800",
                        )
                    )
            row[column] = 0.0 if value is None else value
    if found:
        raise found.error()
    return sheet


def _shown(text: str, most: int = 40) -> str:
    """A cell's text in a message, cut short when long."""
    return text if len(text) <= most else text[: most - 1] + "…"


def check_codes(
    sheet: Sheet,
    column: str,
    allowed: tuple[str, ...],
    problems: list[Problem],
    optional: bool = False,
) -> None:
    for index, row in enumerate(sheet.rows):
        value = row[column]
        if optional and value == "":
            continue
        if value not in allowed:
            close = difflib.get_close_matches(value, allowed, n=1)
            hint = f"did you mean `{close[0]}`?" if close else "allowed: " + ", ".join(allowed)
            problems.append(sheet.problem(index, column, f"unknown {column} `{value}`", hint))


def check_duplicates(sheet: Sheet, keys: list[str], problems: list[Problem]) -> None:
    first: dict[tuple, int] = {}
    for index, row in enumerate(sheet.rows):
        key = tuple(row[k] for k in keys)
        if key not in first:
            first[key] = index
            continue
        label, line, _ = sheet.place(index)
        earlier = first[key] + 2
        where = f"line {earlier}" if not sheet.excel else f"row {earlier}"
        problems.append(
            Problem(
                label,
                f"duplicate row for {', '.join(f'{k}={row[k]}' for k in keys)}",
                line=line,
                hint=f"the same key is on {where}; merge the two",
            )
        )
