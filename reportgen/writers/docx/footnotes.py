"""A real Word footnotes part: /word/footnotes.xml with separators and the notes."""

from __future__ import annotations

from collections.abc import Callable

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.ns import nsdecls
from lxml import etree

from reportgen.model import Footnote, Inline
from reportgen.writers.docx import fields

_SEPARATORS = "".join(
    f'<w:footnote w:type="{kind}" w:id="{wid}"><w:p><w:pPr>'
    '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
    f"<w:r><w:{kind}/></w:r></w:p></w:footnote>"
    for wid, kind in ((-1, "separator"), (0, "continuationSeparator"))
)
_NOTE_MARK = '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>'


class FootnotesPart:
    """Collects footnotes while the body is written, then adds the part."""

    def __init__(self, document):
        self.document = document
        self.notes: list[tuple[int, Footnote]] = []
        self.ids: dict[int, int] = {}
        # the part exists from the start so footnote hyperlinks can relate to it
        self.part = Part(
            PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, b"", document.part.package
        )
        document.part.relate_to(self.part, RT.FOOTNOTES)

    def id_for(self, note: Footnote) -> int:
        key = id(note)
        if key not in self.ids:
            self.ids[key] = len(self.ids) + 1
            self.notes.append((self.ids[key], note))
        return self.ids[key]

    def finish(self, render_inlines: Callable[[list[Inline], Part], str]) -> None:
        """Write the part; `render_inlines(content, part)` gives a note's runs. The
        settings name the separators (`template.settings_xml`)."""
        notes = [_SEPARATORS]
        for wid, note in self.notes:
            mark = fields.run(note.mark) if note.custom else _NOTE_MARK
            runs = mark + fields.TAB_RUN + render_inlines(note.content, self.part)
            notes.append(f'<w:footnote w:id="{wid}">{fields.paragraph("FootnoteText", runs)}')
            notes.append("</w:footnote>")
        notes_xml = fields.check_chars("".join(notes))
        root = etree.fromstring(f"<w:footnotes {nsdecls('w', 'r')}>{notes_xml}</w:footnotes>")
        self.part._blob = etree.tostring(
            root, xml_declaration=True, encoding="UTF-8", standalone=True
        )
