"""Soft hyphens: the layout marks the hyphenation points of long words in table heads
(English, not Chinese); the PDF breaks a line there with a drawn hyphen, or draws
nothing; the English budget example's heads no longer break inside words."""

from __future__ import annotations

import io
import re

import pytest
from conftest import SEEDS
from pypdf import PdfReader
from reportlab.pdfgen.canvas import Canvas

from reportgen import hyphenation
from reportgen.build import check_document
from reportgen.hyphenation import SOFT_HYPHEN, hyphenate, hyphenate_table_heads
from reportgen.model import Cell, Row, Table, TablePart, Text
from reportgen.writers.pdf.textblock import TextBlock, char_widths
from reportgen.writers.pdf.writer import PdfWriter

SHY = SOFT_HYPHEN


def test_appropriation_is_hyphenated_at_its_real_points_in_english():
    assert hyphenate("appropriation", "en-GB") == f"ap{SHY}pro{SHY}pri{SHY}ation"
    assert hyphenate("2021 appropriation", "en") == f"2021 ap{SHY}pro{SHY}pri{SHY}ation"


@pytest.mark.parametrize(
    "text",
    [
        "Total",  # under seven letters
        "Changes",  # no hyphenation point
        "UNODC A/76/6 (Sect. 16) 22,711.8",  # capitals, symbols, numbers
        f"appro{SHY}priation",  # a drafter's own soft hyphen is kept as it is
    ],
)
def test_short_words_acronyms_numbers_and_marked_words_are_left_alone(text):
    assert hyphenate(text, "en-GB") == text


def test_chinese_is_left_untouched():
    assert hyphenate("2021年批款数 appropriation", "zh-CN") == "2021年批款数 appropriation"
    assert hyphenate("拨款数拨款数拨款数", "en-GB") == "拨款数拨款数拨款数"
    table = _table("2021 appropriation")
    hyphenate_table_heads([table], "zh-CN", cjk=True)
    assert table.parts[0].header[0].cells[0].text == "2021 appropriation"


def _table(head: str) -> Table:
    header = [Row([Cell(head), Cell("", content=[Text("Technical adjustments")])], "header")]
    body = [Row([Cell("appropriation"), Cell("1.0", "decimal")])]
    return Table("Table 1", "", "", [TablePart(header, body, [1, 1])])


def test_only_header_cells_are_hyphenated(tmp_path, monkeypatch):
    monkeypatch.setenv("REPORTGEN_CACHE", str(tmp_path))
    table = _table("2021 appropriation")
    hyphenate_table_heads([table], "en-GB", cjk=False)
    head, body = table.parts[0].header[0], table.parts[0].body[0]
    assert head.cells[0].text == f"2021 ap{SHY}pro{SHY}pri{SHY}ation"
    assert head.cells[1].content[0].text == f"Tech{SHY}nical ad{SHY}just{SHY}ments"
    assert body.cells[0].text == "appropriation"

    # the same words again are read from reportgen's cache: no patterns loaded
    def no_patterns(language):
        raise AssertionError("patterns loaded although the words are in the cache")

    monkeypatch.setattr(hyphenation, "dictionary", no_patterns)
    again = _table("2021 appropriation")
    hyphenate_table_heads([again], "en-GB", cjk=False)
    assert again.parts[0].header[0].cells[0].text == head.cells[0].text


def test_the_english_model_carries_soft_hyphens_in_heads_and_the_chinese_none():
    def heads(name: str) -> str:
        doc = check_document(SEEDS / name)
        return "".join(
            c.text
            for b in doc.body
            if isinstance(b, Table)
            for p in b.parts
            for r in p.header
            for c in r.cells
        )

    assert f"ap{SHY}pro{SHY}pri{SHY}ation" in heads("budget-2022-s16-en")
    assert SHY not in heads("budget-2022-s16")


# -- the PDF writer -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def writer(fonts) -> PdfWriter:
    return PdfWriter(check_document(SEEDS / "budget-2022-s16-en"), fonts)


def _block(writer, text: str) -> TextBlock:
    return writer.para([Text(text)], writer.styles.table_text)


def _width(writer, text: str, style=None) -> float:
    style = style or writer.styles.table_text
    return sum(char_widths(style.fontName, text, style.fontSize))


def _drawn(block: TextBlock, width: float) -> list[str]:
    """The block drawn at `width` into a PDF of its own, read back line by line."""
    block.wrap(width, 1e6)
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(400, 200), invariant=1)
    block.drawOn(canvas, 20, 100)
    canvas.showPage()
    canvas.save()
    text = PdfReader(io.BytesIO(buffer.getvalue())).pages[0].extract_text()
    return text.splitlines()


def _lines(block: TextBlock) -> list[str]:
    text = block.setting.text
    return [text[line.start : line.end] for line in block.lines]


def test_a_line_breaks_at_a_soft_hyphen_and_a_hyphen_is_drawn_there(writer):
    text = f"2021 ap{SHY}pro{SHY}pri{SHY}ation"
    block = _block(writer, text)
    width = _width(writer, "2021 appro-") + 0.5  # "appropriation" does not fit
    assert _drawn(block, width) == ["2021 appro-", "priation"]
    assert _lines(block) == [f"2021 ap{SHY}pro{SHY}", "pri" + SHY + "ation"]
    first, last = block.lines
    assert first.hyphen and not last.hyphen and not first.cut_word
    assert first.width == pytest.approx(_width(writer, "2021 appro-"))  # the hyphen measured


def test_a_soft_hyphen_where_no_line_breaks_is_not_drawn(writer):
    block = _block(writer, f"2021 ap{SHY}pro{SHY}pri{SHY}ation")
    assert _drawn(block, 300) == ["2021 appropriation"]
    assert block.lines[0].width == pytest.approx(_width(writer, "2021 appropriation"))


def test_the_hyphen_needs_room_too(writer):
    """The drawn hyphen needs room: "appro" fits, "appro-" does not, so "ap-" ends the line."""
    block = _block(writer, f"ap{SHY}pro{SHY}pri{SHY}ation")
    block.wrap(_width(writer, "appro-") - 0.5, 1e6)
    assert _lines(block)[0] == f"ap{SHY}"


def test_a_word_is_hyphenated_only_where_that_saves_a_line(writer):
    text = f"(before re{SHY}cost{SHY}ing)"
    block = _block(writer, text)
    block.wrap(_width(writer, "(before recost-") + 0.5, 1e6)  # "recosting)" fits a line
    assert [line.replace(SHY, "") for line in _lines(block)] == ["(before", "recosting)"]
    assert not any(line.hyphen for line in block.lines)


def test_a_word_too_wide_breaks_after_its_slash_rather_than_between_letters(writer):
    block = _block(writer, "Component/subprogramme")
    block.wrap(_width(writer, "Component/subpro"), 1e6)
    assert _lines(block) == ["Component/", "subprogramme"]
    assert not any(line.cut_word for line in block.lines)


def test_soft_hyphens_in_a_justified_paragraph_of_narrative(writer):
    """Not only table heads: a drafter's soft hyphens in a paragraph work the same."""
    words = " ".join([f"inter{SHY}gov{SHY}ern{SHY}mental co{SHY}op{SHY}er{SHY}a{SHY}tion"] * 6)
    style = writer.styles.paragraph
    block = writer.para([Text(words)], style)
    width = style.leftIndent + _width(writer, "intergovernmental cooperation intergovern-", style)
    drawn = _drawn(block, width + 0.5)
    assert len(drawn) == len(block.lines) == 5  # six without the soft hyphens
    assert [line.endswith("-") for line in drawn] == [line.hyphen for line in block.lines]
    assert any(line.hyphen for line in block.lines)
    joined = "".join(line.removesuffix("-") if line.endswith("-") else line + " " for line in drawn)
    assert joined.split() == words.replace(SHY, "").split()


# -- the English budget example -------------------------------------------------------------

BROKEN = [("appropriatio", "n"), ("expenditu", "re"), ("adjustme", "nts"), ("adjustment", "s")]


def test_the_english_budget_heads_do_not_break_inside_words(built):
    reader = PdfReader(built / "budget-2022-s16-en.pdf")
    lines = [line.strip() for page in reader.pages for line in page.extract_text().splitlines()]
    assert not any(SHY in line for line in lines)
    for head, tail in BROKEN:
        for line, following in zip(lines, lines[1:], strict=False):
            assert not (line.endswith(head) and following.startswith(tail)), (line, following)
    assert not any(re.search(r"\b(appropriatio|expenditu|adjustme)$", line) for line in lines)
    assert "2021 appro-" in lines  # hyphenated where the column is too narrow
