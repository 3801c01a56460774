"""Financial resource tables: by object (16.30), by fund and component (16.33),
evolution of financial and post resources (16.35, 16.37, 16.39–16.49)."""

from __future__ import annotations

from reportgen.budget.codes import OBJECTS
from reportgen.budget.figures import Line
from reportgen.model import Cell, Row, TablePart
from reportgen.tables.kit import Kit

RB, XB = "regular_budget", "extrabudgetary"
NON_POST = tuple(o for o in OBJECTS if o != "posts")
MONEY_WIDTHS = [3.2, 1, 1, 0.9, 1.1, 0.9, 0.9, 0.9, 1.2]


def by_object(kit: Kit) -> list[TablePart]:
    """16.30: the regular budget by object of expenditure."""
    rows = [
        Row(
            [kit.stub(kit.word(f"objects.{o}"))]
            + kit.money_cells(kit.budget.line(RB, objects=(o,)))
        )
        for o in OBJECTS
    ]
    rows.append(
        Row([kit.stub(kit.word("rows.total"))] + kit.money_cells(kit.budget.line(RB)), "total")
    )
    header = kit.money_header(kit.word("columns.object"), overall=True)
    return [TablePart(header, rows, MONEY_WIDTHS)]


def _unit_rows(kit: Kit, fund: str, cells) -> tuple[list[Row], Line]:
    """A, B, C with its subprogrammes and subtotal (C), D, subtotal of the fund."""
    b = kit.budget
    rows: list[Row] = []
    for component in ("A", "B", "C", "D"):
        if component == "C":
            rows.append(
                Row([kit.stub(kit.unit_label("C", None))] + [Cell("")] * (len(cells(Line()))))
            )
            for n in sorted(b.subprogrammes):
                rows.append(Row([kit.stub(kit.unit_label("C", n))] + cells(b.line(fund, "C", n))))
            rows.append(
                Row(
                    [kit.stub(kit.word("rows.subtotal_of", label="C"))] + cells(b.line(fund, "C")),
                    "subtotal",
                )
            )
        else:
            rows.append(
                Row([kit.stub(kit.unit_label(component, None))] + cells(b.line(fund, component)))
            )
    return rows, b.line(fund)


def by_component(kit: Kit) -> list[TablePart]:
    """16.33: (1) regular budget and (2) extrabudgetary by component and subprogramme."""
    stub = kit.word("columns.component")
    rb_rows, rb_total = _unit_rows(kit, RB, kit.money_cells)
    rb_rows.append(
        Row(
            [kit.stub(kit.word("rows.subtotal_of", label="1"))] + kit.money_cells(rb_total),
            "subtotal",
        )
    )

    def xb_cells(line: Line) -> list[Cell]:
        return kit.money_cells(line, single_change=True)

    xb_rows, xb_total = _unit_rows(kit, XB, xb_cells)
    xb_rows.append(
        Row([kit.stub(kit.word("rows.subtotal_of", label="2"))] + xb_cells(xb_total), "subtotal")
    )
    xb_rows.append(Row([kit.stub(kit.word("rows.total"))] + xb_cells(kit.budget.line()), "total"))
    return [
        TablePart(kit.money_header(stub), rb_rows, MONEY_WIDTHS, f"(1) {kit.word('funds.' + RB)}"),
        TablePart(
            kit.money_header(stub, single_change=True, xb=True),
            xb_rows,
            [4.2, 1, 1, 1, 0.8, 1],
            f"(2) {kit.word('funds.' + XB)}",
        ),
    ]


def evolution(
    kit: Kit, component: str | None = None, subprogramme: int | None = None, percent: bool = True
) -> list[TablePart]:
    """16.35 (section) and 16.39–16.49 (a unit): posts and non-post, then posts by category.

    A unit without posts shows its money only (16.49); `objects` lists non-post objects (16.37).
    """
    b = kit.budget
    posts_line = b.line(RB, component, subprogramme, ("posts",))
    non_post = b.line(RB, component, subprogramme, NON_POST)
    total = b.line(RB, component, subprogramme)
    staff = b.posts(RB, component, subprogramme)
    columns = 9 if percent else 8

    def money(line: Line) -> list[Cell]:
        return kit.money_cells(line, percent=percent)

    rows: list[Row] = []
    if staff.approved or staff.proposed or posts_line.appropriation or posts_line.expenditure:
        rows.append(kit.group_row(kit.word("rows.financial_by_category"), columns))
        rows.append(Row([kit.stub(kit.word("objects.posts"))] + money(posts_line)))
    rows.append(Row([kit.stub(kit.word("non_post"))] + money(non_post)))
    rows.append(Row([kit.stub(kit.word("rows.total"))] + money(total), "total"))
    if staff.approved or staff.proposed:
        rows.append(kit.group_row(kit.word("rows.posts_by_category"), columns))
        for category in ("professional", "general_service", "national_professional"):
            group = b.category_posts(RB, category, component, subprogramme)
            if group.approved or group.proposed:
                rows.append(
                    _post_evolution_row(kit, kit.word(f"categories.{category}"), group, percent)
                )
        rows.append(_post_evolution_row(kit, kit.word("rows.total"), staff, percent, "total"))
    widths = MONEY_WIDTHS if percent else MONEY_WIDTHS[:7] + MONEY_WIDTHS[8:]
    header = kit.money_header("", percent=percent, overall=component is None)
    return [TablePart(header, rows, widths)]


def _post_evolution_row(kit: Kit, label: str, posts, percent: bool, kind: str = "body") -> Row:
    """Posts in an evolution table: no expenditure; counts where the money goes."""
    changes = [posts.technical, posts.new_mandates, posts.other, posts.change]
    cells = [kit.stub(label), Cell(""), kit.fig(kit.count(posts.approved))]
    cells += [kit.fig(kit.count(x)) for x in changes]
    if percent:
        cells.append(kit.fig(kit.post_percent(posts)))
    cells.append(kit.fig(kit.count(posts.proposed)))
    return Row(cells, kind)


def unit_objects(kit: Kit, component: str, subprogramme: int | None = None) -> list[TablePart]:
    """16.37: a unit's money by object of expenditure (policymaking organs)."""
    b = kit.budget
    rows: list[Row] = []
    has_posts = bool(b.line(RB, component, subprogramme, ("posts",)).appropriation)
    if has_posts:
        rows.append(
            Row(
                [kit.stub(kit.word("objects.posts"))]
                + kit.money_cells(b.line(RB, component, subprogramme, ("posts",)))
            )
        )
    rows.append(kit.group_row(kit.word("non_post"), 9))
    for o in NON_POST:
        line = b.line(RB, component, subprogramme, (o,))
        if any((line.expenditure, line.appropriation, line.change)):
            rows.append(Row([kit.stub(kit.word(f"objects.{o}"), indent=1)] + kit.money_cells(line)))
    rows.append(
        Row(
            [kit.stub(kit.word("rows.total"))]
            + kit.money_cells(b.line(RB, component, subprogramme)),
            "total",
        )
    )
    return [TablePart(kit.money_header(""), rows, MONEY_WIDTHS)]
