"""The resource tables of the reference (表 16.30 to 表 16.49) and of a rendered DOCX, as
rows of (label, figures), for comparing figure by figure."""

from __future__ import annotations

import re
from pathlib import Path

from docx import Document as open_docx
from readback import REFERENCE_DIR, REFERENCES

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
FIGURE = re.compile(r"^\(?-?\d[\d ,]*(\.\d+)?\)?$|^[—–]$")
TABLE_LINE = re.compile(r"^表 (16\.\d+)\s*$")


def _clean(label: str) -> str:
    return re.sub(r"\s+", "", label)


def is_figure(text: str) -> bool:
    return bool(FIGURE.match(text.strip()))


def trailing_figures(cells: list[str]) -> list[str]:
    """The figures at the end of a row (a row of 表 16.36 starts with text cells)."""
    filled = [c for c in cells if c]
    figures: list[str] = []
    for cell in reversed(filled):
        if not is_figure(cell):
            break
        figures.insert(0, cell)
    return figures


def reference_tables(first: int = 30, last: int = 49) -> dict[str, list[tuple[str, list[str]]]]:
    """Table number → data rows (label, figures) as printed in the reference."""
    lines = (REFERENCE_DIR / REFERENCES["budget-2022-s16"]).read_text(encoding="utf-8").splitlines()
    tables: dict[str, list[tuple[str, list[str]]]] = {}
    current = None
    for line in lines:
        found = TABLE_LINE.match(line.strip())
        if found:
            number = int(found.group(1).split(".")[1])
            current = found.group(1) if first <= number <= last else None
            if current:
                tables[current] = []
            continue
        if current is None:
            continue
        if re.match(r"^-?\s*16\.\d+ ", line) or line.startswith("图 16") or line.startswith("附件"):
            current = None
            continue
        cells = [c.strip() for c in line.split("\t")]
        if len(cells) < 2:
            continue
        figures = trailing_figures(cells[1:])
        if figures:
            tables[current].append((_clean(cells[0]), figures))
    return tables


def docx_tables(path: Path) -> dict[str, list[tuple[str, list[str]]]]:
    """Table number → data rows (label, figures) of every grid in a rendered DOCX."""
    doc = open_docx(path)
    tables: dict[str, list[tuple[str, list[str]]]] = {}
    current = None
    for element in doc.element.body.iterchildren():
        if element.tag == f"{W}p":
            style = element.find(f"{W}pPr/{W}pStyle")
            if style is not None and style.get(f"{W}val") == "UNTableLabel":
                text = "".join(t.text or "" for t in element.iter(f"{W}t"))
                current = text.split()[-1]
                tables[current] = []
        elif element.tag == f"{W}tbl" and current:
            for tr in element.iter(f"{W}tr"):
                if tr.find(f"{W}trPr/{W}tblHeader") is not None:
                    continue
                # a figure's group separator is a no-break space in Word
                cells = [
                    "".join(t.text or "" for t in tc.iter(f"{W}t")).replace("\u00a0", " ").strip()
                    for tc in tr.iter(f"{W}tc")
                ]
                figures = trailing_figures(cells[1:])
                if figures:
                    tables[current].append((_clean(cells[0]), figures))
    return tables


def compare(reference, rendered) -> tuple[int, int, list[str]]:
    """(figures matching, figures in the reference, differences) over all tables.

    Rows are matched in order by label; a reference row with no rendered row of the same
    label counts all its figures as different.
    """
    same = total = 0
    differences: list[str] = []
    for number, rows in reference.items():
        ours = list(rendered.get(number, []))
        for label, figures in rows:
            total += len(figures)
            match = next((i for i, (l2, _) in enumerate(ours) if l2 == label), None)
            if match is None:
                differences.append(f"表 {number} {label}: no such row")
                continue
            _, mine = ours.pop(match)
            for column, (a, b) in enumerate(zip(figures, mine, strict=False)):
                if _clean(a) == _clean(b):
                    same += 1
                else:
                    differences.append(
                        f"表 {number} {label} column {column + 1}: reference {a}, rendered {b}"
                    )
            if len(mine) != len(figures):
                differences.append(
                    f"表 {number} {label}: {len(figures)} figures in the "
                    f"reference, {len(mine)} rendered"
                )
    return same, total, differences
