"""Tables of the programme plan (part A): deliverables, performance measures and
legislative mandates, from the YAML files listed under `budget.plan_data`."""

from __future__ import annotations

from pydantic import Field

from reportgen.inputs.models import Strict
from reportgen.model import Cell, Row, TablePart
from reportgen.tables.kit import Kit

Number = float | None


class Subcategory(Strict):
    subcategory: str | None = None
    unit: str | None = None
    items: list[list[str | float | None]] = Field(default_factory=list)
    text: str | None = None  # a text-only row spanning the table


class Deliverables(Strict):
    title: str
    categories: dict[str, list[Subcategory]]


class Performance(Strict):
    columns: list[tuple[int, str]]  # (year, actual|planned)
    cells: list[str | None]
    note: bool = True  # the ᵃ note on last year's planned column
    headings: dict[str, str] = Field(default_factory=dict)  # actual/planned: "{year}(实际数)"


def noted(spec: Performance, year: int) -> bool:
    """Does the table carry the ᵃ note (a planned column for the year before)?"""
    return spec.note and any(kind == "planned" and y == year - 1 for y, kind in spec.columns)


class MandateGroup(Strict):
    heading: str
    rows: list[list[str]]


class Figure(Strict):
    title: str
    units: str | None = None
    kind: str = "bars"  # bars | resources | by-subprogramme
    unit: str | None = None  # resources: A, B, C1…, D or section
    series: list[tuple[str, float]] = Field(default_factory=list)
    note: str | None = None  # "standard": the ᵃ performance note; else the note's own text


class PlanData(Strict):
    deliverables: dict[str, Deliverables] = Field(default_factory=dict)
    performance: dict[str, Performance] = Field(default_factory=dict)
    mandates: dict[str, list[MandateGroup]] = Field(default_factory=dict)
    figures: dict[str, Figure] = Field(default_factory=dict)


def deliverables(kit: Kit, spec: Deliverables) -> list[TablePart]:
    """Categories A–D; subcategory rows sum their items; items numbered through the table."""
    y = kit.year
    columns = [(y - 2, "planned"), (y - 2, "actual"), (y - 1, "planned"), (y, "planned")]
    header = [
        Row(
            [Cell(kit.word("columns.deliverables"))]
            + [Cell(kit.word(f"columns.{kind}", year=year), "right") for year, kind in columns],
            "header",
        )
    ]
    rows: list[Row] = []
    number = 0
    width = 1 + len(columns)
    for code in sorted(spec.categories):
        category = kit.lettered(code, kit.word(f"deliverable_categories.{code}"))
        rows.append(kit.group_row(category, width))
        for sub in spec.categories[code]:
            if sub.text is not None:
                rows.append(Row([Cell(sub.text, colspan=width)], "text"))
                continue
            values = [[_value(item[i + 1]) for item in sub.items] for i in range(len(columns))]
            label = sub.subcategory + (f"({sub.unit})" if sub.unit else "")
            totals = [sum(v for v in column if v is not None) for column in values]
            rows.append(
                Row([kit.stub(label)] + [kit.fig(kit.count(t)) for t in totals], "subtotal")
            )
            for item in sub.items:
                number += 1
                cells = [kit.fig(kit.count(_value(v) or 0)) for v in item[1 : 1 + len(columns)]]
                rows.append(Row([kit.stub(kit.numbered(number, item[0]), indent=1)] + cells))
    return [TablePart(header, rows, [4.4, 1, 1, 1, 1])]


def _value(v) -> float | None:
    return None if v is None else float(v)


def performance(kit: Kit, spec: Performance, note_mark: str) -> list[TablePart]:
    """One row of text cells under year columns; the last base year's plan carries ᵃ."""
    heads = []
    for year, kind in spec.columns:
        pattern = spec.headings.get(kind) or kit.word(f"columns.performance_{kind}")
        head = pattern.format(year=year)
        if kind == "planned" and year == kit.year - 1 and note_mark and spec.note:
            head += f" {note_mark}"
        heads.append(Cell(head))
    cells = [Cell(text if text else kit.style.nil) for text in spec.cells]
    return [TablePart([Row(heads, "header")], [Row(cells)], [1] * len(cells), valign="top")]


def mandates(kit: Kit, groups: list[MandateGroup]) -> list[TablePart]:
    """Symbol and title pairs, two pairs a row, under each group's heading."""
    parts = []
    for group in groups:
        rows = []
        for row in group.rows:
            cells = [Cell(text) for text in row] + [Cell("")] * (4 - len(row))
            rows.append(Row(cells))
        parts.append(TablePart([], rows, [0.9, 3.1, 0.9, 3.1], group.heading, "top"))
    return parts
