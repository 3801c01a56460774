"""Our DOCX files as LibreOffice reads them: laid out to PDF, and after an editor's
"update all" (indexes and fields). Skipped where LibreOffice (soffice and python3-uno)
is not installed.

All examples go through one soffice run to convert and one more to update, both once a
session; the PDFs are read back with pypdfium2 (libreoffice.py).
"""

from __future__ import annotations

import functools
import os
import re
import zipfile
from pathlib import Path

import pytest
from libreoffice import (
    EDGE,
    LEADER,
    Line,
    Page,
    W,
    available,
    docx_furniture,
    missing,
    read_pdf,
    reading_text,
    squash,
    text_over_pictures,
    to_pdfs,
    update_all,
)
from lxml import etree
from readback import REFERENCES, coverage, normalise, pdf_text, reference_lines

pytestmark = pytest.mark.skipif(not available(), reason=f"LibreOffice: {missing()}")

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
NAMES = sorted(p.parent.name for p in SEEDS.glob("*/document.yaml"))
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
EMU_PER_PT = 12700

# as test_fidelity: the budget section's reference carries layout-bound lines
THRESHOLDS = {"budget-2022-s16": 0.97}


@pytest.fixture(scope="session")
def outputs(request) -> Path:
    """The examples' DOCX and our own PDFs: the folder $REPORTGEN_LO_OUTPUTS (written by
    `reportgen build seeds -o FOLDER`) when set, else this session's build (`built`)."""
    folder = os.environ.get("REPORTGEN_LO_OUTPUTS")
    return Path(folder).resolve() if folder else request.getfixturevalue("built")


@pytest.fixture(scope="session")
def lo_pdfs(outputs, tmp_path_factory) -> Path:
    """Every example's DOCX converted by LibreOffice, in one soffice run."""
    out = tmp_path_factory.mktemp("libreoffice")
    to_pdfs([outputs / f"{name}.docx" for name in NAMES], out)
    return out


@pytest.fixture(scope="session")
def lo_pages(lo_pdfs):
    """name -> the pages of LibreOffice's PDF, read once."""
    return functools.cache(lambda name: read_pdf(lo_pdfs / f"{name}.pdf"))


@pytest.fixture(scope="session")
def updated(outputs) -> dict[str, dict]:
    """name -> {"before", "after"} of every example updated in LibreOffice (one soffice)."""
    results = update_all([outputs / f"{name}.docx" for name in NAMES])
    return {docx.stem: result for docx, result in results.items()}


# --- the DOCX side --------------------------------------------------------------------


def _body(docx: Path):
    with zipfile.ZipFile(docx) as z:
        return etree.fromstring(z.read("word/document.xml")).find(f"{W}body")


def _text(element) -> str:
    return "".join(t.text or "" for t in element.iter(f"{W}t"))


def docx_picture_heights(docx: Path) -> list[float]:
    """Height in points (wp:extent cy) of each picture of the body, in order."""
    return [int(e.get("cy")) / EMU_PER_PT for e in _body(docx).iter(f"{WP}extent")]


def docx_headings(docx: Path) -> list[tuple[str, str]]:
    """(heading text, start of the next text) for each heading paragraph of the body (a
    paragraph style whose id starts with "Heading"); the next text is that of the next
    paragraph or table that has any."""
    blocks = []
    for element in _body(docx):
        if element.tag not in (f"{W}p", f"{W}tbl"):
            continue
        style = element.find(f"{W}pPr/{W}pStyle")
        heading = style is not None and style.get(f"{W}val", "").startswith("Heading")
        blocks.append((heading and element.tag == f"{W}p", _key(_text(element))))
    pairs = []
    for i, (heading, text) in enumerate(blocks):
        following = next((t for _, t in blocks[i + 1 :] if t), "")
        if heading and text and following:
            pairs.append((text, following[:12]))
    return pairs


def docx_running_heads(docx: Path) -> list[tuple[str, str]]:
    """(text before the tab, text after it) of each header paragraph with a tab."""
    heads = []
    with zipfile.ZipFile(docx) as z:
        names = [n for n in z.namelist() if re.fullmatch(r"word/header\d*\.xml", n)]
        for name in names:
            for p in etree.fromstring(z.read(name)).iter(f"{W}p"):
                parts = [""]
                for el in p.iterfind(f".//{W}r/*"):  # run content (not the tab stops)
                    if el.tag == f"{W}tab":
                        parts.append("")
                    elif el.tag == f"{W}t":
                        parts[-1] += el.text or ""
                if len(parts) == 2 and all(squash(part) for part in parts):
                    heads.append((parts[0], parts[1]))
    return heads


def docx_right_margin(docx: Path) -> float:
    """The right page margin of the body's section, in points."""
    margin = _body(docx).find(f"{W}sectPr/{W}pgMar")
    return int(margin.get(f"{W}right")) / 20


def _key(text: str) -> str:
    """Text compared between DOCX and PDF: squashed, without custom footnote marks."""
    return squash(text).replace("*", "")


# --- helpers on LibreOffice's pages -----------------------------------------------------


def _is_heading_line(text: str, heading: str) -> bool:
    """The line is the heading, perhaps after a number Word's numbering gives it (up to
    8 characters) and before a footnote number."""
    return re.fullmatch(f".{{0,8}}{re.escape(heading)}\\d{{0,3}}", text) is not None


def _top_down(lines: list[Line]) -> list[Line]:
    return sorted(lines, key=lambda line: -line.box[1])


def _last_lines(page: Page, furniture: set[str], n: int = 3) -> list[str]:
    """Keys of the page's last 1..n body lines joined (the last line alone first)."""
    body = _top_down(page.parts(furniture)[0])
    return [_key("".join(line.text for line in body[-k:])) for k in range(1, n + 1)]


def _first_lines(page: Page, furniture: set[str], n: int = 3) -> str:
    return _key("".join(line.text for line in _top_down(page.parts(furniture)[0])[:n]))


PAGE_MARK = re.compile(r"\[p\d+\]")


def _marked_body(pages: list[Page], furniture: set[str]) -> str:
    """The text of every page but running heads, each page's preceded by [pN] (for
    messages)."""
    marked = []
    for page in pages:
        body, notes, _ = page.parts(furniture)
        marked.append(f"[p{page.number}]" + "".join(line.text for line in body + notes))
    return LEADER.sub("", normalise("".join(marked)))


def _common(a: str, b: str) -> int:
    """Length of the common start of two strings."""
    return next(
        (i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b))
    )


def _where(line: str, marked: str) -> str:
    """A missing reference line and what LibreOffice has where they part, [pN] marking
    a page break (a table row split across pages, say)."""
    starts = [m.start() for m in re.finditer(re.escape(line[:4]), marked)]
    snippets = [marked[i : i + len(line) + 40] for i in starts]
    best = max(snippets, key=lambda s: _common(PAGE_MARK.sub("", s), line), default="")
    if not best:
        return f"  {line[:70]}\n      LibreOffice: (not found)"
    cut = max(0, _common(best, line) - 25)
    return f"  {line[:70]}\n      LibreOffice: {'…' * bool(cut)}{best[cut : cut + 70]}"


def _contents(lines: list[str]) -> list[str]:
    """Contents lines without their page numbers, white space collapsed."""
    return [" ".join(re.sub(r"[\s.·…]*\d*\s*$", "", line).split()) for line in lines]


# --- the tests --------------------------------------------------------------------------


@pytest.mark.parametrize("name", NAMES)
def test_pictures_whole(outputs, lo_pages, name):
    """Every picture is shown whole (not cut to a strip) with no text drawn over it."""
    heights = docx_picture_heights(outputs / f"{name}.docx")
    shown = [
        (page, pic)
        for page in lo_pages(name)
        for pic in page.pictures
        if EDGE < pic.box[3] and pic.box[1] < page.height - EDGE  # not a running head's
    ]
    shown.sort(key=lambda item: (item[0].number, -item[1].placed[3]))
    assert len(shown) == len(heights), (
        f"{name}: the DOCX has {len(heights)} pictures, LibreOffice draws {len(shown)}"
    )
    problems = []
    for (page, pic), height in zip(shown, heights, strict=True):
        seen = pic.box[3] - pic.box[1]
        placed = pic.placed[3] - pic.placed[1]
        if seen < 0.8 * height:
            problems.append(
                f"page {page.number}: picture {height:.1f} pt high in the DOCX, placed "
                f"{placed:.1f} pt, shown {seen:.1f} pt (cut by its line)"
            )
    for page in lo_pages(name):
        for pic, text in text_over_pictures(page, tolerance=1.0):
            box = ", ".join(f"{v:.0f}" for v in pic.box)
            problems.append(f"page {page.number}: text over the picture at ({box}): {text!r}")
    assert not problems, f"{name}: {len(problems)} problems:\n" + "\n".join(problems[:15])


@pytest.mark.parametrize("name", NAMES)
def test_text_coverage(outputs, lo_pages, name):
    """At least 98% of the reference's lines appear in LibreOffice's rendering (as
    test_fidelity.test_text_coverage checks our own PDF)."""
    if name not in REFERENCES:
        pytest.skip(f"{name}: no reference text")
    furniture = docx_furniture(outputs / f"{name}.docx")
    pages = lo_pages(name)
    reference = reference_lines(name)
    share, lost = coverage(reference, reading_text(pages, furniture))
    bar = THRESHOLDS.get(name, 0.98)
    if share >= bar:
        return
    # the lines our own PDF has first: those are what LibreOffice loses
    _, ours_lost = coverage(reference, pdf_text(outputs / f"{name}.pdf"))
    lost.sort(key=lambda line: line in ours_lost)
    marked = _marked_body(pages, furniture)
    pytest.fail(
        f"{name}: LibreOffice's PDF carries {share:.2%} of the reference (< {bar:.0%}); "
        f"{len(lost)} lines missing, {len(set(lost) - set(ours_lost))} of them found in our "
        "own PDF; the first:\n" + "\n".join(_where(line, marked) for line in lost[:12])
    )


@pytest.mark.parametrize("name", NAMES)
def test_page_count(outputs, lo_pages, name):
    """LibreOffice's page count is within 10% of our own PDF's."""
    from pypdf import PdfReader

    ours = len(PdfReader(outputs / f"{name}.pdf").pages)
    theirs = len(lo_pages(name))
    assert abs(theirs - ours) <= 0.1 * ours, (
        f"{name}: LibreOffice lays the DOCX out on {theirs} pages, our PDF has {ours}"
    )


@pytest.mark.parametrize("name", NAMES)
def test_no_heading_alone_at_page_foot(outputs, lo_pages, name):
    """No page ends with a heading whose next paragraph starts on the next page."""
    docx = outputs / f"{name}.docx"
    furniture = docx_furniture(docx)
    headings = docx_headings(docx)
    pages = lo_pages(name)
    alone = []
    for page, following in zip(pages, pages[1:], strict=False):
        tails = _last_lines(page, furniture)
        for heading, start in headings:
            if not any(_is_heading_line(tail, _key(heading)) for tail in tails):
                continue
            if start not in _key(page.text) and start in _first_lines(following, furniture):
                alone.append(f"page {page.number}: {heading[:60]!r}, then {start!r}… on the next")
                break  # one page foot, one finding (headings repeat: "2022 年计划成果")
    assert not alone, f"{name}: headings alone at the foot of a page:\n" + "\n".join(alone)


@pytest.mark.parametrize("name", NAMES)
def test_running_heads_reach_the_margin(outputs, lo_pages, name):
    """In a running head "text<tab>text", the second text ends at the right margin (as in
    our PDF), not at whatever tab stop the header style has first."""
    docx = outputs / f"{name}.docx"
    heads = docx_running_heads(docx)
    margin = docx_right_margin(docx)
    wrong = []
    for page in lo_pages(name):
        for line in page.lines:
            if line.middle < page.height - EDGE:  # the page's head only
                continue
            text = squash(line.text)
            for left, right in heads:
                if text in (squash(left + right), squash(right)):
                    end = line.chars[-1].box[2]
                    if end < page.width - margin - 3:
                        wrong.append(
                            f"page {page.number}: {right!r} ends {page.width - margin - end:.0f}"
                            " pt short of the right margin"
                        )
    assert not wrong, f"{name}: running heads:\n" + "\n".join(wrong[:10])


@pytest.mark.parametrize("name", NAMES)
def test_update_keeps_footnotes(updated, name):
    before, after = updated[name]["before"], updated[name]["after"]
    assert (after["footnotes"], after["endnotes"]) == (before["footnotes"], before["endnotes"]), (
        f"{name}: updating indexes and fields in LibreOffice leaves {after['footnotes']} "
        f"footnotes of {before['footnotes']} ({after['endnotes']} endnotes of "
        f"{before['endnotes']})"
    )


@pytest.mark.parametrize("name", NAMES)
def test_update_keeps_indexes(updated, name):
    before, after = updated[name]["before"], updated[name]["after"]
    assert after["index_kinds"] == before["index_kinds"], (
        f"{name}: indexes before the update {before['index_kinds']}, after {after['index_kinds']}"
    )


@pytest.mark.parametrize("name", NAMES)
def test_update_keeps_contents(updated, name):
    """The contents read the same after an update, page numbers aside."""
    before, after = updated[name]["before"], updated[name]["after"]
    old, new = _contents(before["contents"]), _contents(after["contents"])
    assert new == old, (
        f"{name}: the contents ({before['contents_form']}) change when LibreOffice updates "
        f"them:\nonly before: {[x for x in old if x not in new]}\n"
        f"only after:  {[x for x in new if x not in old]}"
    )
