"""Pages a typesetter would sign off (issue 15): every example PDF, a report written anew
and the ten-times budget section pass the typesetting check of tests/typesetting.py;
the check itself finds each kind of fault in a page made to show it."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import ROOT
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from typesetting import check

from reportgen.build import build_document
from reportgen.writers.layout_spec import GEOMETRY as G
from reportgen.writers.layout_spec import PAGE_SIZES
from reportgen.writers.pdf.fontreg import register
from reportgen.writers.pdf.textblock import Setting

FIXTURE = ROOT / "tests" / "fixtures" / "zh-report-pages"


def _findings(path) -> list[str]:
    return [str(f) for f in check(path)]


def test_every_example_pdf_passes_the_typesetting_check(built):
    pdfs = sorted(built.glob("*.pdf"))
    assert len(pdfs) >= 7
    found = {pdf.name: _findings(pdf) for pdf in pdfs}
    assert found == {pdf.name: [] for pdf in pdfs}


def test_a_report_written_anew_passes_and_keeps_its_contents_page(tmp_path, fonts):
    """Headings near page feet, paragraphs of every length, footnotes with long URLs
    after 见: nothing stranded, no widow or orphan, URLs broken after / . - _ ? & = only,
    the contents on page 2 with the numbers printed where the headings stand."""
    build_document(FIXTURE, tmp_path, ("pdf",), fonts)
    pdf = tmp_path / "zh-report-pages.pdf"
    assert _findings(pdf) == []
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    page2 = doc[1].get_textpage().get_text_range()
    page3 = doc[2].get_textpage().get_text_range()
    assert "目录" in page2 and "页次" in page2 and "一. 导言" not in page2.split("页次")[0]
    assert "导言" in page3  # the body starts on a page of its own after the contents
    doc.close()


def test_contents_can_follow_the_summary(tmp_path, fonts):
    folder = tmp_path / "doc"
    folder.mkdir()
    for name in ("body.md",):
        (folder / name).write_text((FIXTURE / name).read_text("utf-8"), "utf-8")
    yaml = (FIXTURE / "document.yaml").read_text("utf-8") + "contents_own_page: false\n"
    (folder / "document.yaml").write_text(yaml, "utf-8")
    build_document(folder, tmp_path, ("pdf",), fonts)
    assert _findings(tmp_path / "doc.pdf") == []
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(tmp_path / "doc.pdf"))
    assert "目录" in doc[0].get_textpage().get_text_range()
    doc.close()


def test_the_ten_times_budget_section_passes(tmp_path, fonts):
    gen = ROOT / "benchmarks" / "large_section.py"
    subprocess.run([sys.executable, str(gen), str(tmp_path / "gen")], check=True)
    build_document(tmp_path / "gen" / "budget-large", tmp_path, ("pdf",), fonts)
    assert _findings(tmp_path / "budget-large.pdf") == []


# -- line breaking ------------------------------------------------------------------------
def _breaks(text: str) -> set[int]:
    from reportgen.writers.pdf.textblock import Run

    setting = Setting([Run(text, "Times-Roman", 10.0)])
    return {i for i in range(1, len(text)) if setting.can_break(i)}


def test_urls_break_only_after_their_separators_and_see_keeps_with_them():
    text = "见 https://www.unodc.org/smuggling_of-migrants?x=1。"
    breaks = _breaks(text)
    url = text.index("h")
    assert not breaks & {1, 2}  # 见 stays with the URL
    for i in breaks:
        if i > url:
            assert text[i - 1] in "/.-_?&=" and text[i] != "。", (i, text[i - 1 : i + 1])
    assert text.index("smuggling") + 5 not in breaks  # never inside a word
    assert text.index("://") + 1 not in breaks and text.index("://") + 2 not in breaks


def test_no_line_starts_with_closing_punctuation_even_after_a_space():
    text = "毒品 ，犯罪 （ 问题"
    breaks = _breaks(text)
    assert text.index("，") not in breaks and text.index("，") - 1 not in breaks
    assert text.index("（") + 1 not in breaks and text.index("（") + 2 not in breaks


# -- the check finds each kind of fault ---------------------------------------------------
class Sheets:
    """A PDF drawn line by line at given places, with the UN's page numbers in the footer."""

    def __init__(self, path, fonts):
        self.fonts = register(fonts, need_cjk=True)
        self.width, self.height = PAGE_SIZES["A4"]
        self.right = self.width - G.margin_right
        self.canvas = Canvas(str(path), pagesize=(self.width, self.height))
        self.page = 1

    def line(self, y, text, *, x=G.margin_left + 56.7, bold=False, size=10.0, full=False):
        font = self.fonts.cjk_bold if bold else self.fonts.cjk
        space = 0.0
        if full:  # justified: stretched to the right margin
            space = (self.right - x - stringWidth(text, font, size)) / (len(text) - 1)
        self.canvas.setFont(font, size)
        self.canvas.drawString(x, y, text, charSpace=space)

    def paragraph(self, top, lines, last_full=False, number=""):
        y = top
        for n in range(lines):
            end = n == lines - 1
            if n == 0 and number:
                self.canvas.setFont(self.fonts.latin, 10)
                self.canvas.drawString(G.margin_left + 14, y, number)
            self.line(
                y,
                "毒品和犯罪问题办公室继续支持会员国" * (1 if end else 2),
                full=not end or last_full,
            )
            y -= 14
        return y - 6

    def end_page(self):
        if self.page > 1:
            self.canvas.setFont(self.fonts.latin, 9)
            self.canvas.drawString(G.margin_left, G.footer_distance, str(self.page))
        self.canvas.showPage()
        self.page += 1

    def save(self):
        self.canvas.save()


def _fill(sheets, top, until):
    y, n = top, 1
    while y - 3 * 14 > until:
        y = sheets.paragraph(y, 3, number=f"{n}.")
        n += 1
    return y


@pytest.mark.parametrize(
    "fault", ["stranded", "widow", "orphan", "contents", "bookmark", "rules", "margin"]
)
def test_the_check_finds_each_kind_of_fault(tmp_path, fonts, fault):
    path = tmp_path / f"{fault}.pdf"
    s = Sheets(path, fonts)
    top = s.height - G.margin_top - 10
    if fault == "contents":
        s.line(top, "目录", bold=True, size=12)
        s.line(top - 30, "一. 导言")
        s.canvas.setFont(s.fonts.latin, 10)
        s.canvas.drawRightString(s.right, top - 30, "1")
        s.end_page()
        s.line(top, "一. 导言", bold=True, size=14)
        s.paragraph(top - 26, 3)
        s.end_page()
    elif fault == "bookmark":
        s.canvas.bookmarkPage("h1")
        s.canvas.addOutlineEntry("一. 导言", "h1", level=0)
        s.paragraph(top, 3)
        s.end_page()
        s.line(top, "一. 导言", bold=True, size=14)
        s.paragraph(top - 26, 3)
        s.end_page()
    else:
        y = _fill(s, top, 140)
        if fault == "stranded":
            s.line(y - 10, "二. 战略方向", bold=True, size=14)
        elif fault == "widow":
            s.paragraph(y, 2, last_full=True, number="9.")
        elif fault == "orphan":
            s.paragraph(y, 1, last_full=True, number="9.")
        elif fault == "rules":
            s.line(y, "，毒品和犯罪问题办公室（")
        elif fault == "margin":
            s.line(y, "毒品和犯罪问题办公室" * 5)
        s.end_page()
        if fault == "widow":
            s.line(top, "毒品和犯罪问题办公室。")
            s.paragraph(top - 20, 3, number="10.")
        else:
            s.paragraph(top, 3, number="10." if fault != "orphan" else "")
        s.end_page()
    s.save()
    kinds = {f.kind for f in check(path)}
    want = {"rules": {"line-start", "line-end"}}.get(fault, {fault})
    assert want <= kinds, (fault, [str(f) for f in check(path)])
