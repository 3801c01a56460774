"""The DOCX writer's XML text is spliced into document.xml as it is, so it must be
exactly what lxml writes for the same elements."""

from __future__ import annotations

import pytest
from docx.oxml.ns import nsdecls
from lxml import etree

from reportgen.model import Cell, Row, Table, TablePart
from reportgen.writers.docx import fields
from reportgen.writers.docx.tables import table_xml

TRICKY = "a & b < c > d \"e\" 'f'\tg\nh\ri 中文 𝄞"


class _Part:
    def relate_to(self, url: str, *_args, **_kwargs) -> str:
        return "rId9"


def _as_lxml_writes_it(xml: str) -> str:
    start, end = f"<w:body {nsdecls('w', 'r', 'wp')}>", "</w:body>"
    written = etree.tostring(etree.fromstring(start + xml + end), encoding="unicode")
    assert written.startswith(start) and written.endswith(end)
    return written[len(start) : -len(end)]


@pytest.mark.parametrize(
    "xml",
    [
        fields.run(TRICKY, bold=True, italic=True, style="Hyper & link"),
        fields.run(""),
        fields.run("\n"),
        fields.field("PAGE", ""),
        fields.field_start('TOC \\o "1-2" \\h \\z') + fields.FIELD_END,
        fields.hyperlink(_Part(), "https://x/?a=1&b=2", ""),
        fields.hyperlink(_Part(), "https://x/", fields.run("x")),
        fields.internal_link('_Toc_"a"&<b>', fields.run("y")),
        fields.bookmarked(fields.run("z"), "_Toc_a\tb", 3),
        fields.footnote_reference(4, "*&"),
        fields.footnote_reference(5, None),
        fields.paragraph("UNParagraph"),
        fields.picture_run(7, "rId3", "image.png", 100, 200),
    ],
)
def test_fragments_are_written_as_lxml_writes_them(xml):
    assert _as_lxml_writes_it(xml) == xml


def test_table_is_written_as_lxml_writes_it():
    rows = [Row([Cell(""), Cell("1 234.5", align="decimal", colspan=2, indent=1)])]
    part = TablePart(header=[Row([Cell("A & B")], kind="header")], body=rows, widths=[2, 1, 1])
    ids = {
        name: name.replace(" ", "")
        for name in ("UN Table Heading", "UN Table Text", "UN Table Note")
    }
    xml = table_xml(
        Table("T", "", "", [part]),
        400,
        lambda style, content: fields.paragraph(style.replace(" ", "")),
        ids,
        lambda content, bold: "",
    )
    assert _as_lxml_writes_it(xml) == xml


def test_control_characters_are_refused_like_lxml_refuses_them():
    with pytest.raises(ValueError):
        fields.check_chars(fields.run("a\x0bb"))
