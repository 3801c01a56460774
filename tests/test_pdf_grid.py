"""The PDF table grid: splitting between rows with the header repeated, the notes of
each part, figures aligned on the decimal point."""

from __future__ import annotations

import pytest
from conftest import SEEDS

from reportgen.build import check_document
from reportgen.model import Cell, Footnote, NoteRef, Row, TablePart, Text
from reportgen.writers.pdf.footnotes import notes_of
from reportgen.writers.pdf.grid import DECIMAL_PAD, Figure, Grid
from reportgen.writers.pdf.tables import _grid
from reportgen.writers.pdf.textblock import char_widths
from reportgen.writers.pdf.writer import PdfWriter


@pytest.fixture(scope="module")
def writer(fonts) -> PdfWriter:
    return PdfWriter(check_document(SEEDS / "budget-2022-s16"), fonts)


NOTES = [Footnote([Text(f"note {i}")], str(i)) for i in range(3)]


def _part() -> TablePart:
    header = [Row([Cell("类别"), Cell("2021", align="right")], kind="header")]
    body = [
        Row([Cell("", content=[Text(f"行 {i}"), NoteRef(NOTES[i])]), Cell(f"{i}.5", "decimal")])
        for i in range(3)
    ]
    body.append(Row([Cell("共计"), Cell("(1.5)", "decimal")], kind="total"))
    return TablePart(header, body, widths=[3, 1])


def test_split_repeats_the_header_and_keeps_each_parts_notes(writer):
    grid = _grid(writer, _part())
    width, height = grid.wrap(writer.text_width(), 1e6)
    heights = grid.heights()
    assert height == pytest.approx(sum(heights))
    assert notes_of(grid) == NOTES

    head, rest = grid.split(width, sum(heights[:3]) + 0.1)  # header and two body rows
    assert [len(head.rows), len(rest.rows)] == [3, 3]
    assert rest.rows[0] is grid.rows[0]  # the header again
    assert notes_of(head) == NOTES[:2] and notes_of(rest) == NOTES[2:]
    assert (head.first, head.last, rest.first, rest.last) == (True, False, False, True)

    assert grid.split(width, heights[0] + 0.1) == []  # the header alone never stays
    assert grid.split(width, height) == [grid]


def test_rules_of_split_parts(writer):
    grid = _grid(writer, _part())
    width, height = grid.wrap(writer.text_width(), 1e6)
    head, rest = grid.split(width, sum(grid.heights()[:3]) + 0.1)
    for part in (head, rest):
        part.wrap(width, 1e6)

    def rules(part: Grid) -> list[float]:
        tops = [part.height]
        for h in part.heights():
            tops.append(tops[-1] - h)
        return sorted(w for _, w in part._rules(tops))

    assert rules(grid) == [0.5, 0.5, 0.5, 1.0]  # top, header, total, bottom
    assert rules(head) == [0.5, 0.5]  # no bottom rule before the break
    assert rules(rest) == [0.5, 0.5, 0.5, 1.0]


@pytest.mark.parametrize(
    ("text", "lead"),
    [("22 711.8", "22 711"), ("(579.4)", "(579"), ("(579)", "(579"), ("—", "—"), ("12", "12")],
)
def test_figures_align_on_the_decimal_point(writer, text, lead):
    font, size = writer.styles.font_latin, 8.5
    figure = Figure(text, font, size)
    assert figure.lead() == lead
    pivot = 100.0 - DECIMAL_PAD
    pieces = figure.pieces(pivot)
    point = pivot - 0.5 * char_widths(font, ".", size)[0]
    start, first = pieces[0]
    assert first == lead
    assert start + sum(char_widths(font, lead, size)) == pytest.approx(point)
    assert "".join(t for _, t in pieces) == text


def test_figures_of_a_column_share_their_decimal_point(writer):
    font, size = writer.styles.font_latin, 8.5
    pivot = 100.0 - DECIMAL_PAD
    points = {
        text: Figure(text, font, size).pieces(pivot)[1][0]
        for text in ("22 711.8", "(579.4)", "0.1")
    }
    assert len(set(points.values())) == 1  # every "." starts at the same x
    # and what precedes it ends there: the widest lead starts furthest left
    starts = {text: Figure(text, font, size).pieces(pivot)[0][0] for text in points}
    assert starts["22 711.8"] < starts["(579.4)"] < starts["0.1"] < points["0.1"]
