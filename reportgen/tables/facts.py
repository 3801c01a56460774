"""Tables of per-component facts: the policymaking organs (16.36), compliance rates (16.38)."""

from __future__ import annotations

from reportgen.inputs.models import Strict
from reportgen.model import Cell, Row, TablePart
from reportgen.tables.kit import Kit


class Organ(Strict):
    name: str
    description: str
    mandates: str
    membership: str | None = None
    sessions: str | None = None
    appropriation: float | None = None
    estimate: float | None = None


class Rate(Strict):
    indicator: str
    year: int
    kind: str  # actual | planned
    value: float


def policymaking_organs(kit: Kit, organs: list[Organ]) -> list[TablePart]:
    """16.36: each organ, what it is, its mandate, membership and sessions, and its money."""
    rows: list[Row] = []
    info = kit.labels.get("budget.organ_information")
    for organ in organs:
        lines = [info["mandates"].format(text=organ.mandates)]
        if organ.membership:
            lines.append(info["membership"].format(text=organ.membership))
        if organ.sessions:
            lines.append(info["sessions"].format(year=kit.year, text=organ.sessions))
        rows.append(
            Row(
                [
                    Cell(organ.name),
                    Cell(organ.description),
                    Cell("\n".join(lines)),
                    kit.fig(kit.thousands(organ.appropriation)),
                    kit.fig(kit.thousands(organ.estimate)),
                ]
            )
        )
    total_appropriation = sum(o.appropriation or 0 for o in organs)
    total_estimate = sum(o.estimate or 0 for o in organs)
    rows.append(
        Row(
            [
                Cell(kit.word("rows.total")),
                Cell(""),
                Cell(""),
                kit.fig(kit.thousands(total_appropriation)),
                kit.fig(kit.thousands(total_estimate)),
            ],
            "total",
        )
    )
    header = [
        Row(
            [
                Cell(kit.word("columns.organ")),
                Cell(kit.word("columns.description")),
                Cell(kit.word("columns.information")),
                Cell(kit.word("columns.appropriation", year=kit.year - 1), "right"),
                Cell(kit.word("columns.estimate", year=kit.year), "right"),
            ],
            "header",
        )
    ]
    return [TablePart(header, rows, [1.6, 4.2, 2.2, 0.9, 1.1], valign="top")]


def compliance(kit: Kit, rates: list[Rate]) -> list[TablePart]:
    """16.38: compliance rates by year, actual and planned."""
    columns = sorted({(r.year, r.kind) for r in rates})
    indicators = list(dict.fromkeys(r.indicator for r in rates))
    values = {(r.indicator, r.year, r.kind): r.value for r in rates}
    header = [
        Row(
            [Cell("")]
            + [Cell(kit.word(f"columns.{kind}", year=year), "right") for year, kind in columns],
            "header",
        )
    ]
    rows = [
        Row(
            [Cell(ind)]
            + [
                kit.fig(kit.count(values[(ind, y, k)]) if (ind, y, k) in values else kit.style.nil)
                for y, k in columns
            ]
        )
        for ind in indicators
    ]
    return [TablePart(header, rows, [4] + [1] * len(columns))]
