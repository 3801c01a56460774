"""Rendered examples against the published reference texts in tests/references/."""

from __future__ import annotations

import re

import pytest
from docx import Document as open_docx
from readback import (
    W,
    coverage,
    docx_footnote_references,
    docx_footnotes,
    docx_paragraphs,
    docx_text,
    pdf_text,
    reference_lines,
)

DOCUMENTS = ["fingov-note-2022", "strategy-note-2008-2011", "ed-report-2017"]
READERS = {"pdf": pdf_text, "docx": docx_text}
# the budget section's reference carries layout-bound lines (wrapped mandate cells, page
# numbers in its contents) and a few self-contradictions, hence its lower bar
THRESHOLDS = {"budget-2022-s16": 0.97}


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
@pytest.mark.parametrize("name", [*DOCUMENTS, "budget-2022-s16"])
def test_text_coverage(built, name, fmt):
    """At least 98% of the reference's lines appear in the rendering (white space ignored)."""
    share, missing = coverage(reference_lines(name), READERS[fmt](built / f"{name}.{fmt}"))
    bar = THRESHOLDS.get(name, 0.98)
    assert share >= bar, f"{name}.{fmt}: {share:.2%}; missing: {missing[:10]}"


def _numbers(text: str) -> list[int]:
    return [int(m) for m in re.findall(r"^(\d+)\.\t", text, flags=re.M)]


def test_paragraph_numbers_run_in_order_in_000(built):
    numbered = docx_paragraphs(built / "fingov-note-2022.docx", "UN Paragraph")
    assert _numbers("\n".join(numbered)) == list(range(1, 13))
    pdf = pdf_text(built / "fingov-note-2022.pdf")
    found = [int(m) for m in re.findall(r"(?m)^(\d+)\.\s*\S", pdf.split("\n\n")[0])]
    assert [n for n in found if n <= 12] == list(range(1, 13))


def test_paragraph_numbers_continuous_in_ed_report(built):
    numbered = docx_paragraphs(built / "ed-report-2017.docx", "UN Paragraph")
    numbers = _numbers("\n".join(numbered))
    assert numbers == list(range(1, len(numbers) + 1)) and len(numbers) == 99


@pytest.mark.parametrize("name", DOCUMENTS)
def test_every_footnote_is_a_real_word_footnote(built, name):
    path = built / f"{name}.docx"
    refs = docx_footnote_references(path)
    notes = docx_footnotes(path)
    assert refs, "the masthead's agenda notes at least are footnotes"
    assert sorted(int(r.get(f"{W}id")) for r in refs) == sorted(wid for wid, _, _ in notes)
    # no footnote is faked with superscript text in the body
    doc = open_docx(path)
    fake = [r for r in doc.element.body.iter(f"{W}vertAlign") if r.get(f"{W}val") == "superscript"]
    assert not fake
    # the agenda notes keep their asterisks (custom marks), numbered notes are numbered
    custom = [r for r in refs if r.get(f"{W}customMarkFollows") == "1"]
    assert len(custom) == 2
    assert [numbered for _, _, numbered in notes[:2]] == [False, False]


def test_agenda_footnotes_cite_the_agenda(built):
    notes = docx_footnotes(built / "fingov-note-2022.docx")
    texts = [t for _, t, numbered in notes if not numbered]
    assert texts == ["*E/CN.7/2022/1。", "**E/CN.15/2022/1。"]


def test_strategy_note_outline_numbers(built):
    text = docx_text(built / "strategy-note-2008-2011.docx")
    for number in ("成果领域 1.1.", "1.1.1.", "1.4.3.", "成果领域 3.8.", "3.8.3."):
        assert number in text
    assert "2.3.1." not in text  # theme 2 has two result areas only
