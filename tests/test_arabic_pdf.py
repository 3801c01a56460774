"""Arabic in the PDF: shaped, right to left, mirrored, and read back in logical order.

The document is the English note made Arabic (`language: ar`) with Arabic paragraphs
mixing a document symbol, figures, brackets and a Latin word, so that every rule is
met: shaping (contextual forms, lam-alef), the bidi order of the pieces of a line, the
mirrored page (numbers on the right, text set from the right, table columns from the
right)."""

from __future__ import annotations

import re
import shutil
from dataclasses import replace
from pathlib import Path

import pypdfium2
import pytest

from reportgen.build import build_document
from reportgen.writers.pdf.shaping import HAS_ARABIC, Shaper, levels, visual_order

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
ARABIC_FACE = pytest.importorskip("reportgen.fonts").discover().arabic

FIRST = (
    "عقد الفريق العامل الحكومي الدولي الدائم المفتوح العضوية المعني بتحسين الحوكمة والوضع "
    "المالي لمكتب الأمم المتحدة المعني بالمخدرات والجريمة اجتماعين غير رسميين خلال الفترة "
    "المشمولة بالتقرير (انظر الوثيقة E/CN.7/2021/11-E/CN.15/2021/18)، وبلغت النفقات 22 711.8 "
    "ألف دولار في عام 2021 لبرنامج UNODC."
)
SECOND = "لا يزال الفريق العامل يواصل مناقشة الميزانية الموحدة لفترة السنتين 2022-2023."
needs_face = pytest.mark.skipif(ARABIC_FACE is None, reason="no Arabic TrueType face installed")


@pytest.fixture(scope="module")
def arabic_pdf(tmp_path_factory, fonts) -> Path:
    folder = tmp_path_factory.mktemp("ar") / "note-ar"
    shutil.copytree(SEEDS / "fingov-note-2022-en", folder)
    meta = folder / "document.yaml"
    meta.write_text(re.sub(r"(?m)^language: en$", "language: ar", meta.read_text("utf-8")), "utf-8")
    body = folder / "body.md"
    text = body.read_text("utf-8")
    first = text.index("\n\n") + 2  # the first paragraph after the first heading
    end = text.index("\n\n", first)
    # the first paragraph long enough for several full lines in any Arabic face
    body.write_text(f"{text[:first]}{FIRST} {FIRST}\n\n{SECOND}\n\n{text[end + 2 :]}", "utf-8")
    out = folder.parent / "out"
    result = build_document(folder, out, ("pdf",), fonts)
    assert result.pages and not result.error
    return out / "note-ar.pdf"


def _chars(path: Path, page: int = 0):
    """(character, left, right, bottom) of every character of a page, as pdfium reads it."""
    doc = pypdfium2.PdfDocument(path)
    textpage = doc[page].get_textpage()
    out = []
    for i in range(textpage.count_chars()):
        left, bottom, right, _ = textpage.get_charbox(i)
        out.append((textpage.get_text_range(i, 1), left, right, bottom))
    text = textpage.get_text_range()
    doc.close()
    return text, out


def test_levels_and_visual_order_follow_uax9():
    text = "في عام 2021 (انظر A/76/6)."
    found = levels(text)
    assert found[0] == 1 and found[text.index("2")] == 2 and found[text.index("A")] == 2
    pieces = [(0, 1), (1, 2), (2, 1)]
    assert visual_order(pieces, lambda p: p[1]) == [(2, 1), (1, 2), (0, 1)]
    assert visual_order([(0, 0), (1, 1), (2, 1)], lambda p: p[1]) == [(0, 0), (2, 1), (1, 1)]


@needs_face
def test_shaping_joins_letters_and_makes_lam_alef():
    shaper = Shaper(ARABIC_FACE.path, ARABIC_FACE.index)
    isolated = {ch: shaper.shape(ch)[0].gid for ch in "عمل"}
    joined = shaper.shape("عمل")
    assert [g.gid for g in joined] != [isolated[c] for c in "لمع"]  # contextual forms
    lam_alef = [g.gid for g in shaper.shape("لا") if g.advance]
    assert lam_alef and lam_alef[0] not in (isolated["ل"], shaper.shape("ا")[0].gid)  # ligature
    assert [g.cluster for g in joined] == [2, 1, 0]  # visual order, right to left


@needs_face
def test_arabic_reads_back_in_logical_order(arabic_pdf):
    """As the tests read every PDF back (pypdf, tests/readback.py): the characters in
    logical order, brackets as written though drawn mirrored, no presentation forms."""
    from readback import pdf_text

    text = pdf_text(arabic_pdf)
    flat = re.sub(r"\s+", " ", text)
    flat = re.sub(r"([(]) | ([)])", r"\1\2", flat)  # a reader's space inside brackets
    for phrase in (
        "عقد الفريق العامل الحكومي الدولي الدائم المفتوح العضوية",
        "الأمم المتحدة",  # the masthead's, and a lam-alef ligature in "الأمم"
        "لا يزال الفريق العامل",
        "E/CN.7/2021/11-E/CN.15/2021/18)",
        "22 711.8",
        "(انظر الوثيقة",
    ):
        assert phrase in flat, phrase
    assert not re.search("[\ufb50-\ufdff\ufe70-\ufeff]", text)  # no presentation forms


@needs_face
def test_arabic_paragraphs_are_set_from_the_right(arabic_pdf):
    lines: dict[tuple[int, int], list] = {}
    for page in range(len(pypdfium2.PdfDocument(arabic_pdf))):
        for ch, left, right, bottom in _chars(arabic_pdf, page)[1]:
            lines.setdefault((page, round(bottom)), []).append((ch, left, right))
    first_word = FIRST.split()[0]
    # the paragraph's number hangs right of its first line, which starts at the right
    number_line = next(
        v
        for v in lines.values()
        if first_word[:2] in "".join(c for c, *_ in sorted(v, key=lambda t: -t[1]))
    )
    rightmost = max(number_line, key=lambda t: t[2])
    assert rightmost[0].isdigit() or rightmost[0] == "."
    # the body's Arabic lines start at one right edge; justified ones share the left
    edges = [
        (min(left for _, left, _ in v), max(r for c, _, r in v if HAS_ARABIC.match(c)))
        for v in lines.values()
        if sum(1 for c, *_ in v if HAS_ARABIC.match(c)) > 40
    ]
    assert len(edges) >= 2
    rights = [right for _, right in edges]
    assert max(rights) - min(rights) < 1.0
    lefts = sorted(left for left, _ in edges)  # ink boxes: a letter's, not the advance
    assert lefts[1] - lefts[0] < 6.0 and lefts[0] < 80


@needs_face
def test_arabic_face_is_embedded_as_a_subset(arabic_pdf):
    import pikepdf

    with pikepdf.open(arabic_pdf) as pdf:
        names = []
        for page in pdf.pages:
            for font in page.Resources.Font.values():
                if font.get("/Subtype") == "/Type0":
                    descendant = font.DescendantFonts[0]
                    names.append(str(font.BaseFont))
                    assert "/FontFile2" in descendant.FontDescriptor
                    assert "/ToUnicode" in font
        arabic = [n for n in names if "Arab" in n or "Amiri" in n]
        assert arabic and all(re.match(r"/[A-Z]{6}\+", n) for n in arabic)


@needs_face
def test_arabic_output_is_deterministic(arabic_pdf, fonts, tmp_path):
    folder = arabic_pdf.parent.parent / "note-ar"
    again = build_document(folder, tmp_path, ("pdf",), fonts)
    assert again.pages and not again.error
    assert (tmp_path / "note-ar.pdf").read_bytes() == arabic_pdf.read_bytes()


def test_a_missing_arabic_face_is_a_warning_not_a_failure(arabic_pdf, fonts, capsys):
    """Without an Arabic face the PDF is still written (in the Latin face, letters as
    empty boxes), and the warning says what to install."""
    from reportgen.build import check_document
    from reportgen.warnings import forget
    from reportgen.writers.pdf.writer import write_pdf

    forget()  # a warning is printed once a process: this test must see it

    model = check_document(arabic_pdf.parent.parent / "note-ar")
    result = write_pdf(model, replace(fonts, arabic=None, arabic_bold=None))
    assert result.data.startswith(b"%PDF")
    assert "no Arabic TrueType font found" in capsys.readouterr().err


@needs_face
def test_each_letter_is_copied_once_in_reading_order():
    """A cluster's characters go to its rightmost glyph (a face's extra glyph, such as
    Amiri's kashida, is a zero-width joiner); a ligature's letters are named in visual
    order, which a reader turns back with the rest of the right-to-left text."""
    from reportlab.pdfbase.ttfonts import TTFont

    from reportgen.writers.pdf.glyphfont import ZWJ, GlyphFont
    from reportgen.writers.pdf.shaping import Glyph

    face = TTFont("test-arabic", str(ARABIC_FACE.path), subfontIndex=ARABIC_FACE.index)
    font = GlyphFont(face, ARABIC_FACE.path, ARABIC_FACE.index, "T1")
    # visual order: a kashida and ح (one cluster, "ح"), then the ligature لا
    glyphs = [Glyph(7, 2, 100, 0, 0), Glyph(8, 2, 300, 0, 0), Glyph(9, 0, 400, 0, 0)]
    font.show(glyphs, "لاح", 1000, 10, 0.0, 0.0)
    assert dict(zip(font.gids, font.texts, strict=True)) == {7: ZWJ, 8: "ح", 9: "ال"}
