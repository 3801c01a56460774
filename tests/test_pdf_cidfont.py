"""Chinese faces embedded as Type 0 fonts: codes, subset font program, word spacing."""

from __future__ import annotations

import io
from struct import unpack_from

import pypdfium2
import pytest
from pypdf import PdfReader
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.pdfgen.canvas import Canvas

from reportgen.writers.pdf import preload
from reportgen.writers.pdf.deflate import deflate_streams
from reportgen.writers.pdf.textops import WIDE_FONTS, TextOps

TEXT = "联合国毒品和犯罪问题办公室，毒品和犯罪。"


@pytest.fixture(scope="module")
def cjk(fonts) -> str:
    if fonts.cjk_body is None:
        pytest.skip("no TrueType CJK font installed")
    preload(fonts)
    assert "RG-CJK" in WIDE_FONTS
    return "RG-CJK"


def _pdf(lines: list[tuple[str, float]], font: str) -> bytes:
    """One page: each text on its own line, with that word spacing (Tw)."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, invariant=1)
    for n, (text, word_spacing) in enumerate(lines):
        ops = TextOps(canvas, 72, 700 - 30 * n)
        ops.set("Tw", word_spacing)
        ops.show(text, font, 12)
        ops.close()
    canvas.showPage()
    deflate_streams(canvas)
    canvas.save()
    return buffer.getvalue()


def _type0(data: bytes):
    fonts = PdfReader(io.BytesIO(data)).pages[0]["/Resources"]["/Font"].values()
    (font,) = (f.get_object() for f in fonts if f.get_object()["/Subtype"] == "/Type0")
    return font


def _tables(program: bytes) -> dict[str, bytes]:
    count = unpack_from(">H", program, 4)[0]
    tables = {}
    for i in range(count):
        tag, _, offset, length = unpack_from(">4sLLL", program, 12 + 16 * i)
        tables[tag.decode("latin-1")] = program[offset : offset + length]
    return tables


def test_one_font_and_the_text_reads_back(cjk):
    data = _pdf([(TEXT, 0.0)], cjk)
    page = pypdfium2.PdfDocument(data)[0]
    assert page.get_textpage().get_text_range().strip() == TEXT
    font = _type0(data)  # the canvas's own Helvetica aside, one font for all of it
    assert font["/Encoding"] == "/Identity-H"
    cid_font = font["/DescendantFonts"][0].get_object()
    distinct = len(dict.fromkeys(TEXT))
    assert list(cid_font["/W"][1]) == [
        pytest.approx(getFont(cjk).face.getCharWidth(ord(c))) for c in dict.fromkeys(TEXT)
    ]
    assert len(cid_font["/CIDToGIDMap"].get_object().get_data()) == 2 * (distinct + 1)


def test_characters_beyond_the_basic_plane_read_back(cjk):
    text = "甲\U00020000乙\U00020001甲"  # two CJK Extension B ideographs
    page = pypdfium2.PdfDocument(_pdf([(text, 0.0)], cjk))[0]
    assert page.get_textpage().get_text_range().strip() == text


def test_the_subset_holds_the_glyphs_used_numbered_anew(cjk):
    data = _pdf([(TEXT, 0.0)], cjk)
    cid_font = _type0(data)["/DescendantFonts"][0].get_object()
    program = cid_font["/FontDescriptor"].get_object()["/FontFile2"].get_object().get_data()
    tables = _tables(program)
    face = getFont(cjk).face
    chars = list(dict.fromkeys(TEXT))  # CID 1, 2, … in order of first use
    to_gid = cid_font["/CIDToGIDMap"].get_object().get_data()
    new = unpack_from(f">{len(chars) + 1}H", to_gid)
    count = unpack_from(">H", tables["maxp"], 4)[0]
    assert unpack_from(">h", tables["head"], 50)[0] == 1  # long glyph offsets
    assert count == len({face.charToGlyph[ord(c)] for c in chars}) + 1 == max(new) + 1
    assert unpack_from(">H", tables["hhea"], 34)[0] == count and len(tables["hmtx"]) == 4 * count
    loca = unpack_from(f">{count + 1}L", tables["loca"])
    original = face.get_table("glyf")
    for cid, c in enumerate(chars, start=1):
        g = face.charToGlyph[ord(c)]
        own = original[face.glyphPos[g] : face.glyphPos[g + 1]]
        assert tables["glyf"][loca[new[cid]] : loca[new[cid]] + len(own)] == own
        advance = unpack_from(">H", tables["hmtx"], 4 * new[cid])[0]
        assert advance == int(face.hmetrics[g][0])


def test_word_spacing_widens_the_spaces_of_a_chinese_face(cjk):
    text = "毒品 犯罪 问题"
    data = _pdf([(text, 0.0), (text, 3.0)], cjk)
    textpage = pypdfium2.PdfDocument(data)[0].get_textpage()
    plain, spaced = textpage.get_text_range().splitlines()[:2]
    assert plain.strip() == spaced.strip() == text
    lefts = [textpage.get_charbox(i)[0] for i in range(textpage.count_chars())]
    first, second = lefts[: len(text)], lefts[-len(text) :]
    assert second[-1] - first[-1] == pytest.approx(6.0, abs=0.05)  # two spaces, 3 pt each
