"""What Word users and PDF readers rely on: styles, headers, properties, fonts, metadata."""

from __future__ import annotations

from conftest import SEEDS
from docx import Document as open_docx
from pypdf import PdfReader

from reportgen.build import build_document

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def test_docx_named_styles_headers_and_properties(built):
    doc = open_docx(built / "strategy-note-2008-2011.docx")
    used = {p.style.name for p in doc.paragraphs}
    assert {
        "UN Title",
        "UN Subtitle",
        "UN Summary",
        "Heading 1",
        "Heading 2",
        "Heading 3",
        "UN Paragraph Unnumbered",
        "UN Sub-item",
        "UN Bullet",
        "UN Outline Item",
    } <= used
    normal = doc.styles["Normal"].element
    fonts = normal.find(f"{W}rPr/{W}rFonts")
    assert fonts.get(f"{W}eastAsia") == "SimSun" and fonts.get(f"{W}ascii") == "Times New Roman"
    section = doc.sections[0]
    assert section.different_first_page_header_footer
    assert doc.settings.odd_and_even_pages_header_footer
    assert [p.text for p in section.header.paragraphs] == ["E/CN.7/2007/14", "E/CN.15/2007/5"]
    assert not any(p.text for p in section.first_page_header.paragraphs)
    props = doc.core_properties
    assert props.title == "联合国毒品和犯罪问题办公室 2008-2011 年战略"
    assert props.subject == "E/CN.7/2007/14-E/CN.15/2007/5"
    assert props.language == "zh-CN"
    width, height = section.page_width.pt, section.page_height.pt
    assert (round(width), round(height)) == (595, 842)  # A4


def test_pdf_embeds_fonts_and_carries_metadata_and_bookmarks(built):
    reader = PdfReader(built / "ed-report-2017.pdf")
    assert reader.metadata.title == "联合国毒品和犯罪问题办公室的活动"
    assert reader.metadata.subject == "E/CN.7/2017/2-E/CN.15/2017/2"
    assert reader.trailer["/Root"]["/Lang"] == "zh-CN"
    kinds = set()
    for page in reader.pages:
        for font in page["/Resources"].get("/Font", {}).values():
            font = font.get_object()
            kinds.add(font["/Subtype"])
            if font["/Subtype"] == "/Type0":  # Chinese faces: one font with two-byte codes
                assert font["/Encoding"] == "/Identity-H" and "/ToUnicode" in font
                font = font["/DescendantFonts"][0].get_object()
                assert font["/Subtype"] == "/CIDFontType2"
            descriptor = font.get("/FontDescriptor")
            assert descriptor is not None and "/FontFile2" in descriptor.get_object(), font
    assert kinds == {"/Type0", "/TrueType"}
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    assert titles[:2] == ["一. 导言", "二. 战略方向"]


def test_same_input_same_bytes(tmp_path, fonts):
    folder = SEEDS / "fingov-note-2022"
    first, second = tmp_path / "a", tmp_path / "b"
    build_document(folder, first, ("docx", "pdf"), fonts)
    build_document(folder, second, ("docx", "pdf"), fonts)
    for name in ("fingov-note-2022.docx", "fingov-note-2022.pdf"):
        assert (first / name).read_bytes() == (second / name).read_bytes()
