"""The Executive Director's report: contents with real page numbers, data in the text."""

from __future__ import annotations

import shutil

from conftest import SEEDS
from docx import Document as open_docx
from pypdf import PdfReader
from readback import docx_text, normalise
from ruamel.yaml import YAML

from reportgen.build import build_document
from reportgen.diff import numbering_xml
from reportgen.wordnumbers import WordNumbers

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _toc_entries(docx_path):
    """(label, page) of each entry of the Word contents, its page as last shown."""
    doc = open_docx(docx_path)
    entries = []
    for p in doc.paragraphs:
        if p.style.name.lower().startswith("toc"):
            *label, page = p.text.split("\t")
            entries.append(("".join(label), int(page)))
    return entries


def test_word_contents_pages_are_fields_to_the_headings(built):
    """Each entry's page is a PAGEREF field to a bookmark around its heading, so an
    update (Word) or the layout (LibreOffice) gives fresh numbers and keeps the entries."""
    path = built / "ed-report-2017.docx"
    doc = open_docx(path)
    body = doc.element.body
    instructions = [t.text.split() for t in body.iter(f"{W}instrText")]
    targets = [words[1] for words in instructions if words[0] == "PAGEREF"]
    assert not any(words[0] == "TOC" for words in instructions)
    assert doc.settings.element.find(f"{W}updateFields") is not None
    labels = [label for label, _ in _toc_entries(path)]
    assert labels[:2] == ["一.导言", "二.战略方向"]
    assert labels[2] == "三.联合国毒品和犯罪问题办公室执行任务授权的进展"
    assert "A.有效处理和应对世界毒品问题" in labels
    assert "反腐败" not in labels  # unnumbered thematic headings stay out
    assert len(labels) == 5 + 6 == len(targets)
    headings = {}
    shown = WordNumbers(numbering_xml(doc))  # heading numerals are Word numbering
    for paragraph in body.iter(f"{W}p"):
        number = shown.label(paragraph)
        start = paragraph.find(f"{W}bookmarkStart")
        if start is None:
            continue
        style = paragraph.find(f"{W}pPr/{W}pStyle").get(f"{W}val")
        text = number + "".join(t.text for t in paragraph.iter(f"{W}t"))
        headings[start.get(f"{W}name")] = (style, text)
    for label, target in zip(labels, targets, strict=True):
        style, text = headings[target]
        assert style.startswith("Heading") and text == label


def test_contents_pages_are_where_chapters_start_in_the_pdf(built):
    reader = PdfReader(built / "ed-report-2017.pdf")
    starts = {}
    for item in reader.outline:
        if isinstance(item, list):
            continue
        starts[normalise(item.title)] = reader.get_destination_page_number(item) + 1
    pages = [normalise(p.extract_text()) for p in reader.pages]
    entries = _toc_entries(built / "ed-report-2017.docx")
    chapters = [(label, page) for label, page in entries if label[0] in "一二三四五"]
    assert len(chapters) == 5
    contents_text = pages[0] + pages[1]
    for label, page in entries:
        assert normalise(label) + str(page) in contents_text  # the PDF prints the same
    for label, page in chapters:
        assert starts[normalise(label)] == page
        assert normalise(label) in pages[page - 1]


def test_a_changed_figure_in_the_data_file_changes_the_text(tmp_path, fonts):
    folder = tmp_path / "ed-report-2017"
    shutil.copytree(SEEDS / "ed-report-2017", folder)
    yaml = YAML()
    data = yaml.load((folder / "data.yaml").read_text(encoding="utf-8"))
    assert data["funding"]["pledges_2016"] == 285000000
    data["funding"]["pledges_2016"] = 312400000
    with (folder / "data.yaml").open("w", encoding="utf-8") as f:
        yaml.dump(data, f)
    build_document(folder, tmp_path, ("docx",), fonts)
    text = normalise(docx_text(tmp_path / "ed-report-2017.docx"))
    assert "认捐额估计约为3.124亿美元" in text
    assert "2.85亿美元" not in text


def test_recommendations_in_bold_when_the_document_asks(tmp_path, fonts):
    folder = tmp_path / "ed-report-2017"
    shutil.copytree(SEEDS / "ed-report-2017", folder)
    yaml_path = folder / "document.yaml"
    text = yaml_path.read_text(encoding="utf-8")
    yaml_path.write_text(
        text.replace("recommendations_bold: false", "recommendations_bold: true"), encoding="utf-8"
    )
    build_document(folder, tmp_path, ("docx",), fonts)
    doc = open_docx(tmp_path / "ed-report-2017.docx")

    def bold(p):
        runs = [r for r in p.runs if r.text.strip()]
        return bool(runs) and all(r.bold for r in runs)

    numbered = [p for p in doc.paragraphs if p.style.name == "UN Paragraph"]
    assert not bold(numbered[90])  # paragraph 91, before the recommendations
    assert all(bold(p) for p in numbered[92:])  # 93 to 99
    items = [p for p in doc.paragraphs if p.style.name == "UN Sub-item"]
    assert bold(items[-1])
