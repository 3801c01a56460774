"""Post tables: changes in posts (16.31), by category and grade (16.32), by fund and
component (16.34)."""

from __future__ import annotations

from reportgen.budget.codes import CATEGORIES
from reportgen.model import Cell, Row, TablePart
from reportgen.tables.kit import Kit

RB, XB = "regular_budget", "extrabudgetary"
POST_WIDTHS = [4.2, 1, 0.9, 1.1, 0.9, 0.9, 0.9, 1]


def post_changes(kit: Kit) -> list[TablePart]:
    """16.31: approved posts, changes and proposed posts with their grades."""
    b = kit.budget
    staff = b.posts(RB)
    approved = b.approved_grades(RB)
    change_text = kit.style.nil if not staff.change else kit.count(staff.change)
    rows = [
        Row(
            [
                kit.stub(kit.word("rows.approved", year=kit.year - 1)),
                kit.fig(kit.count(staff.approved)),
                Cell(kit.grade_list(approved)),
            ]
        ),
        Row(
            [
                kit.stub(kit.word("rows.post_changes")),
                kit.fig(change_text),
                Cell(kit.style.nil if not staff.change else ""),
            ]
        ),
        Row(
            [
                kit.stub(kit.word("rows.proposed", year=kit.year)),
                kit.fig(kit.count(staff.proposed)),
                Cell(kit.grade_list(staff.grades)),
            ]
        ),
    ]
    header = [
        Row(
            [
                Cell(""),
                Cell(kit.word("columns.number"), "right"),
                Cell(kit.word("columns.details")),
            ],
            "header",
        )
    ]
    return [TablePart(header, rows, [1.6, 0.7, 5.2])]


def posts_by_grade(kit: Kit) -> list[TablePart]:
    """16.32: posts by category and grade, with subtotals."""
    b = kit.budget
    rows: list[Row] = []
    for category in ("professional", "general_service", "national_professional"):
        grades = [
            g
            for g in CATEGORIES[category]
            if b.posts(RB, grades=(g,)).approved or b.posts(RB, grades=(g,)).proposed
        ]
        if not grades:
            continue
        rows.append(kit.group_row(kit.word(f"categories.{category}"), len(POST_WIDTHS)))
        for grade in grades:
            rows.append(
                Row([kit.stub(kit.grade(grade))] + kit.post_cells(b.posts(RB, grades=(grade,))))
            )
        rows.append(
            Row(
                [kit.stub(kit.word("rows.subtotal"))]
                + kit.post_cells(b.posts(RB, grades=tuple(grades))),
                "subtotal",
            )
        )
    rows.append(Row([kit.stub(kit.word("rows.total"))] + kit.post_cells(b.posts(RB)), "total"))
    return [TablePart(kit.post_header(kit.word("columns.grade")), rows, POST_WIDTHS)]


def posts_by_component(kit: Kit) -> list[TablePart]:
    """16.34: (1) regular budget and (2) extrabudgetary posts by component."""
    b = kit.budget
    stub = kit.word("columns.component")
    parts = []
    for number, fund in ((1, RB), (2, XB)):
        single = fund == XB

        def cells(posts, single=single):
            return kit.post_cells(posts, changes=not single, percent=False)

        rows: list[Row] = []
        width = 4 if single else len(POST_WIDTHS) - 1
        for component in ("A", "B", "C", "D"):
            if component == "C":
                rows.append(Row([kit.stub(kit.unit_label("C", None))] + [Cell("")] * (width - 1)))
                for n in sorted(b.subprogrammes):
                    rows.append(
                        Row([kit.stub(kit.unit_label("C", n))] + cells(b.posts(fund, "C", n)))
                    )
                rows.append(
                    Row(
                        [kit.stub(kit.word("rows.subtotal_of", label="C"))]
                        + cells(b.posts(fund, "C")),
                        "subtotal",
                    )
                )
            else:
                rows.append(
                    Row(
                        [kit.stub(kit.unit_label(component, None))]
                        + cells(b.posts(fund, component))
                    )
                )
        rows.append(
            Row(
                [kit.stub(kit.word("rows.subtotal_of", label=str(number)))] + cells(b.posts(fund)),
                "subtotal",
            )
        )
        if fund == XB:
            rows.append(Row([kit.stub(kit.word("rows.total"))] + cells(b.posts()), "total"))
        header = kit.post_header(stub, single_change=single, percent=False)
        widths = [5, 1, 1, 1] if single else POST_WIDTHS[:6] + POST_WIDTHS[7:]
        parts.append(TablePart(header, rows, widths, f"({number}) {kit.word('funds.' + fund)}"))
    return parts
