"""Arabic in the DOCX: a right-to-left document as Word writes one. Right-to-left
paragraphs (w:bidi) whose alignment and indents Word reads from the right, w:rtl on the
runs of Arabic text and not on Latin words, symbols or numbers, the Arabic face for
complex-script runs, tables with their columns from right to left, a mirrored masthead
and page; schema-valid, and laid out whole by LibreOffice with the Arabic text in its
logical order. Documents in other languages carry none of it."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pytest
from conftest import SEEDS
from lxml import etree
from test_docx_schema import _audit
from test_docx_xml import _as_lxml_writes_it

from reportgen.build import check_document
from reportgen.model import Cell, Row, Table, TablePart
from reportgen.writers.docx import fields, write_docx
from reportgen.writers.docx.fields import direction_stretches
from reportgen.writers.docx.tables import table_xml

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

# the fingov note in Arabic, short: numbered paragraphs, a footnote, sub-items, a symbol
# and a Latin word in Arabic text, numbers with separators
DOCUMENT_YAML = """\
layout: secretariat-note
language: ar
style: english
symbols: [E/CN.7/2022/7, E/CN.15/2022/7]
distribution: General
date: 2022-01-10
original_language: English
page_size: A4
sessions:
  - body: لجنة المخدرات
    session: 65
    dates: [2022-03-14, 2022-03-18]
    place: فيينا
    agenda: {kind: provisional, items: ["4 (a)"], symbol: E/CN.7/2022/1}
    item_titles: [المسائل المتعلقة بالإدارة الاستراتيجية والميزانية والإدارة]
  - body: لجنة منع الجريمة والعدالة الجنائية
    session: 31
    dates: [2022-05-16, 2022-05-20]
    place: فيينا
    agenda: {kind: provisional, items: ["4 (a)"], symbol: E/CN.15/2022/1}
    item_titles: [المسائل المتعلقة بالإدارة الاستراتيجية والميزانية والإدارة]
title: عمل الفريق العامل الحكومي الدولي الدائم المفتوح العضوية المعني بتحسين الحوكمة
summary_heading: موجز
summary: |
  أُعدت هذه الوثيقة عملا بمقرر المجلس الاقتصادي والاجتماعي 2021/218. وتتناول هذه المذكرة عمل الفريق العامل خلال الفترة من {{ date_range(period.start, period.end) }}.
data: data.yaml
numbering:
  paragraphs: true
  sub_items: [alpha, roman]
"""  # noqa: E501
BODY_MD = """\
# المداولات

عقد الفريق العامل الحكومي الدولي الدائم المفتوح العضوية المعني بتحسين الحوكمة والوضع المالي لمكتب الأمم المتحدة المعني بالمخدرات والجريمة (UNODC) اجتماعين غير رسميين.[^tor]

ووفقا لاختصاصات الفريق العامل، الواردة في مرفق قرار لجنة المخدرات 52/13، واصل الفريق العامل النظر في المواضيع المبينة في الوثيقة E/CN.7/2022/7، وبلغت نسبة التنفيذ 2.8 في المائة من مجموع الموارد البالغ 22,711,800 دولار.

# المسائل التنظيمية والإدارية

عقد الفريق العامل، بتوجيه من رئيسيه المشاركين، ثلاثة اجتماعات:

1. الاجتماع غير الرسمي الخامس والعشرون المستأنف، في 18 تشرين الأول/أكتوبر؛
2. الاجتماع غير الرسمي السادس والعشرون، في 8 تشرين الثاني/نوفمبر؛
3. الاجتماع غير الرسمي السادس والعشرون المستأنف، في 26 تشرين الثاني/نوفمبر.

[^tor]: ترد اختصاصات الفريق العامل في مرفق القرار 52/13 للجنة المخدرات.
"""  # noqa: E501
# sentences LibreOffice must give back, in logical order (none has the lam-alef
# ligature, which pdfium reads back in visual order)
SENTENCES = [
    "بتوجيه من رئيسيه المشاركين",
    "ترد اختصاصات الفريق العامل في مرفق القرار 52/13 للجنة المخدرات",
    "في 8 تشرين الثاني/نوفمبر",
    "E/CN.7/2022/7",
]


def _table() -> Table:
    """A table with a stub column and a figure column."""
    header = [Row([Cell("وجه الإنفاق"), Cell("2022", align="right")], kind="header")]
    body = [
        Row([Cell("الوظائف"), Cell("20,419.4", align="decimal")]),
        Row([Cell("الخبراء", indent=1), Cell("(67.5)", align="decimal")]),
        Row([Cell("المجموع"), Cell("22,711.8", align="decimal")], kind="total"),
    ]
    part = TablePart(header=header, body=body, widths=[3, 1])
    return Table("الجدول 1", "الموارد المالية", "(بآلاف دولارات الولايات المتحدة)", [part])


@pytest.fixture(scope="module")
def arabic(tmp_path_factory) -> Path:
    """The Arabic note (a table added to its model) as DOCX."""
    folder = tmp_path_factory.mktemp("fingov-ar")
    shutil.copy(SEEDS / "fingov-note-2022-en" / "data.yaml", folder)
    (folder / "document.yaml").write_text(DOCUMENT_YAML, encoding="utf-8")
    (folder / "body.md").write_text(BODY_MD, encoding="utf-8")
    model = check_document(folder)
    assert model.direction == "rtl"
    model.body.append(_table())
    path = folder / "fingov-ar.docx"
    path.write_bytes(write_docx(model))
    return path


@pytest.fixture(scope="module")
def arabic_budget(tmp_path_factory, fonts) -> Path:
    """The English budget section with its language switched to Arabic: the labels,
    tables, numbered 16.x paragraphs and charts of a right-to-left document."""
    folder = tmp_path_factory.mktemp("budget") / "budget-ar"
    shutil.copytree(SEEDS / "budget-2022-s16-en", folder)
    yaml = folder / "document.yaml"
    yaml.write_text(
        yaml.read_text(encoding="utf-8").replace("language: en\n", "language: ar\n"),
        encoding="utf-8",
    )
    path = folder.parent / "budget-ar.docx"
    path.write_bytes(write_docx(check_document(folder), fonts=fonts))
    return path


def _parts(path: Path) -> dict[str, etree._Element]:
    with zipfile.ZipFile(path) as z:
        return {
            name: etree.fromstring(z.read(name))
            for name in z.namelist()
            if name.startswith("word/") and name.endswith(".xml")
        }


def _text(run) -> str:
    return "".join(t.text or "" for t in run.iter(f"{W}t"))


def _is_arabic(char: str) -> bool:
    return "\u0600" <= char <= "\u06ff"


def test_direction_stretches():
    assert direction_stretches("في الوثيقة E/CN.7/2022/7، وبلغت 2.8 في المائة") == [
        ("في الوثيقة ", True),
        ("E/CN.7/2022/7", False),
        ("، وبلغت ", True),
        ("2.8", False),
        (" في المائة", True),
    ]
    assert direction_stretches("الجدول 16-30") == [("الجدول ", True), ("16-30", False)]
    assert direction_stretches("Distr.: General") == [("Distr.: General", False)]
    assert direction_stretches("(أ)") == [("(أ)", True)]
    assert direction_stretches("–") == [("–", False)]
    assert direction_stretches("") == []


def test_right_to_left_fragments_are_written_as_lxml_writes_them():
    """The writer's XML text is spliced into the document as it is (test_docx_xml)."""
    runs = fields.run("نص & E/1 <b>\nسطر", bold=True, italic=True, style="Hyperlink", bidi=True)
    assert _as_lxml_writes_it(runs) == runs
    assert runs.count("<w:r>") == 3 and runs.count("<w:rtl/>") == 2
    assert fields.run("", bidi=True) == fields.run("") == "<w:r/>"
    ids = {n: n.replace(" ", "") for n in ("UN Table Heading", "UN Table Text", "UN Table Note")}
    xml = table_xml(
        _table(),
        400,
        lambda style, content: fields.paragraph(style.replace(" ", "")),
        ids,
        lambda content, bold: "".join(fields.run(c.text, bold, bidi=True) for c in content),
        rtl=True,
    )
    assert _as_lxml_writes_it(xml) == xml and "<w:bidiVisual/>" in xml


def test_paragraphs_are_right_to_left_through_normal(arabic):
    parts = _parts(arabic)
    styles = parts["word/styles.xml"]
    normal = styles.find(f"{W}style[@{W}styleId='Normal']")
    assert normal.find(f"{W}pPr/{W}bidi") is not None
    assert styles.find(f"{W}docDefaults/{W}pPrDefault/{W}pPr/{W}bidi") is not None
    # every paragraph style inherits it; none turns it off
    for style in styles.iter(f"{W}style"):
        if style.get(f"{W}type") == "paragraph" and style is not normal:
            assert style.find(f"{W}basedOn").get(f"{W}val") == "Normal"
            assert style.find(f"{W}pPr/{W}bidi") is None
    # body paragraphs: right to left unless they are English (masthead) or figures
    body = parts["word/document.xml"].find(f"{W}body")
    turned_off = [p for p in body.iter(f"{W}p") if p.find(f"{W}pPr/{W}bidi") is not None]
    for p in turned_off:
        assert p.find(f"{W}pPr/{W}bidi").get(f"{W}val") == "0"
        assert not any(_is_arabic(c) for c in "".join(p.itertext())), "".join(p.itertext())
    styled = [p.find(f"{W}pPr/{W}pStyle").get(f"{W}val") for p in body.iter(f"{W}p")]
    assert {"UNParagraph", "UNSub-item", "Heading1"} <= set(styled)
    # the sections are right to left, w:bidi in its place among the section's children
    sections = list(body.iter(f"{W}sectPr"))
    assert sections and all(s.find(f"{W}bidi") is not None for s in sections)
    for section in sections:
        names = [etree.QName(child).localname for child in section]
        before = [n for n in ("pgMar", "cols", "titlePg") if n in names]
        assert all(names.index("bidi") > names.index(n) for n in before), names


def test_arabic_runs_are_rtl_and_latin_runs_are_not(arabic):
    parts = _parts(arabic)
    runs = [
        r
        for name in ("word/document.xml", "word/footnotes.xml")
        for r in parts[name].iter(f"{W}r")
        if _text(r)
    ]
    rtl = [r for r in runs if r.find(f"{W}rPr/{W}rtl") is not None]
    ltr = [r for r in runs if r.find(f"{W}rPr/{W}rtl") is None]
    assert len(rtl) > 20 and len(ltr) > 10
    assert all(any(_is_arabic(c) for c in _text(r)) for r in rtl)
    assert not any(any(_is_arabic(c) for c in _text(r)) for r in ltr)
    texts = {_text(r) for r in ltr}
    assert {"E/CN.7/2022/7", "UNODC", "52/13", "2.8", "22,711,800", "Distr.: General"} <= texts
    # footnote text is right to left too
    assert any(r.find(f"{W}rPr/{W}rtl") is not None for r in parts["word/footnotes.xml"].iter())


def test_complex_script_face_size_and_language(arabic):
    parts = _parts(arabic)
    styles = parts["word/styles.xml"]
    fonts = list(styles.iter(f"{W}rFonts"))
    assert fonts and all(f.get(f"{W}cs") == "Simplified Arabic" for f in fonts)
    assert all(f.get(f"{W}ascii") == "Times New Roman" for f in fonts)
    for rpr in styles.iter(f"{W}rPr"):
        size, cs_size = rpr.find(f"{W}sz"), rpr.find(f"{W}szCs")
        if size is not None:
            assert cs_size is not None and cs_size.get(f"{W}val") == size.get(f"{W}val")
        if rpr.find(f"{W}b") is not None:
            assert rpr.find(f"{W}bCs") is not None
    for lang in styles.iter(f"{W}lang"):
        assert lang.get(f"{W}bidi") == "ar-SA" and lang.get(f"{W}val") == "en-GB"
    theme_lang = parts["word/settings.xml"].find(f"{W}themeFontLang")
    assert theme_lang.get(f"{W}bidi") == "ar-SA"
    faces = {f.get(f"{W}name") for f in parts["word/fontTable.xml"].iter(f"{W}font")}
    assert "Simplified Arabic" in faces
    # bold runs carry the complex-script bold
    for rpr in parts["word/document.xml"].iter(f"{W}rPr"):
        if rpr.find(f"{W}b") is not None:
            assert rpr.find(f"{W}bCs") is not None


def test_tables_run_right_to_left_with_figures_flush_right(arabic):
    document = _parts(arabic)["word/document.xml"]
    tables = list(document.iter(f"{W}tbl"))
    assert len(tables) >= 2  # the masthead's and ours
    for table in tables:
        props = table.find(f"{W}tblPr")
        assert props[0].tag == f"{W}bidiVisual"  # first: before tblW
    grid = tables[-1]
    figures, texts = [], []
    for p in grid.iter(f"{W}p"):
        (texts if p.find(f"{W}pPr/{W}bidi") is None else figures).append(p)
    # figures: left to right, right-aligned, with the right indent of the decimal point
    assert ["".join(p.itertext()) for p in figures] == ["20,419.4", "(67.5)", "22,711.8"]
    for p in figures:
        assert p.find(f"{W}pPr/{W}bidi").get(f"{W}val") == "0"
        assert p.find(f"{W}pPr/{W}jc").get(f"{W}val") == "right"
        assert p.find(f"{W}pPr/{W}ind").get(f"{W}right") is not None
    # the rest (the head "2022" over the figures too): right to left, flush right
    assert len(texts) == 5
    for p in texts:
        assert p.find(f"{W}pPr/{W}jc").get(f"{W}val") == "left"


def test_masthead_is_mirrored(arabic):
    document = _parts(arabic)["word/document.xml"]
    masthead = next(document.iter(f"{W}tbl"))
    first_row = masthead.find(f"{W}tr")
    organization, symbols = first_row.findall(f"{W}tc")
    # with bidiVisual the first column (organization, organ) is on the right
    assert "الأمم المتحدة" in "".join(organization.itertext())
    for p in symbols.iter(f"{W}p"):  # English, flush left
        assert p.find(f"{W}pPr/{W}bidi").get(f"{W}val") == "0"
        assert p.find(f"{W}pPr/{W}jc").get(f"{W}val") == "left"


def test_running_heads_are_mirrored(arabic):
    with zipfile.ZipFile(arabic) as z:
        names = [n for n in z.namelist() if n.startswith("word/header")]
        heads = [etree.fromstring(z.read(n)) for n in names]
    sides = set()
    for head in heads:
        for p in head.iter(f"{W}p"):
            if "".join(p.itertext()).startswith("E/CN.7/2022/7"):
                assert p.find(f"{W}pPr/{W}bidi").get(f"{W}val") == "0"
                sides.add(p.find(f"{W}pPr/{W}jc").get(f"{W}val"))
    assert sides == {"left", "right"}


@pytest.mark.parametrize("which", ["arabic", "arabic_budget"])
def test_arabic_docx_is_schema_valid(request, which):
    report = _audit(request.getfixturevalue(which))
    assert not report["errors"], report["errors"]
    assert report["verdict"]["prediction"] == "opens-clean", report


def test_budget_tables_and_numbers(arabic_budget):
    parts = _parts(arabic_budget)
    document = parts["word/document.xml"]
    tables = list(document.iter(f"{W}tbl"))
    assert len(tables) > 10
    assert all(t.find(f"{W}tblPr/{W}bidiVisual") is not None for t in tables)
    numbered = [p for p in document.iter(f"{W}p") if p.find(f"{W}pPr/{W}numPr") is not None]
    assert len(numbered) > 20  # 16.x paragraphs and sub-items: Word numbering
    normal = parts["word/styles.xml"].find(f"{W}style[@{W}styleId='Normal']")
    assert normal.find(f"{W}pPr/{W}bidi") is not None


def test_libreoffice_lays_it_out_whole_in_logical_order(arabic, tmp_path):
    from libreoffice import available, missing, read_pdf, reading_text, squash, to_pdf

    if not available():
        pytest.skip(f"LibreOffice: {missing()}")
    pages = read_pdf(to_pdf(arabic, tmp_path))
    assert len(pages) >= 2 and all(page.lines for page in pages)
    text = reading_text(pages).replace("\u0640", "")  # no kashidas
    arabic = "".join(re.findall("[\u0600-\u06ff]+", text))
    for sentence in SENTENCES:
        # the letters in logical order; the parts of a number with a separator inside
        # Arabic text (52/13) come back in an order that is the reader's bidi guess
        assert "".join(re.findall("[\u0600-\u06ff]+", squash(sentence))) in arabic, sentence
        for digits in re.findall(r"\d+", sentence):
            assert digits in text, digits
    # the table's figures, left to right
    for figure in ("20,419.4", "(67.5)", "22,711.8"):
        assert figure in text


@pytest.mark.parametrize("name", ["fingov-note-2022-en", "budget-2022-s16"])
def test_left_to_right_documents_have_nothing_of_it(name, tmp_path, fonts):
    model = check_document(SEEDS / name)
    assert model.direction == "ltr"
    path = tmp_path / "x.docx"
    path.write_bytes(write_docx(model, fonts=fonts))
    for part in _parts(path).values():
        for tag in ("bidi", "rtl", "bidiVisual", "iCs"):
            assert next(part.iter(f"{W}{tag}"), None) is None, tag
