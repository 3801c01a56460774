"""A real Word footnotes part: /word/footnotes.xml with separators and the notes."""

from __future__ import annotations

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.ns import nsdecls, qn
from lxml import etree

from reportgen.model import Footnote
from reportgen.writers.docx.fields import element, run_element


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

    def finish(self, render_inlines) -> None:
        """Write the part; `render_inlines(p_element, content, part)` fills a paragraph."""
        root = etree.fromstring(f"<w:footnotes {nsdecls('w', 'r')}/>".encode())
        for wid, kind, child in (
            (-1, "separator", "w:separator"),
            (0, "continuationSeparator", "w:continuationSeparator"),
        ):
            fn = element("w:footnote", w_type=kind, w_id=str(wid))
            p = element("w:p")
            ppr = element("w:pPr")
            ppr.append(element("w:spacing", w_after="0", w_line="240", w_lineRule="auto"))
            p.append(ppr)
            r = element("w:r")
            r.append(element(child))
            p.append(r)
            fn.append(p)
            root.append(fn)
        for wid, note in self.notes:
            fn = element("w:footnote", w_id=str(wid))
            p = element("w:p")
            ppr = element("w:pPr")
            ppr.append(element("w:pStyle", w_val="FootnoteText"))
            p.append(ppr)
            if note.custom:
                p.append(run_element(note.mark))
            else:
                r = element("w:r")
                rpr = element("w:rPr")
                rpr.append(element("w:rStyle", w_val="FootnoteReference"))
                r.append(rpr)
                r.append(element("w:footnoteRef"))
                p.append(r)
            tab = element("w:r")
            tab.append(element("w:tab"))
            p.append(tab)
            render_inlines(p, note.content, self.part)
            fn.append(p)
            root.append(fn)
        self.part._blob = etree.tostring(
            root, xml_declaration=True, encoding="UTF-8", standalone=True
        )
        settings = self.document.settings.element
        pr = element("w:footnotePr")
        pr.append(element("w:footnote", w_id="-1"))
        pr.append(element("w:footnote", w_id="0"))
        compat = settings.find(qn("w:compat"))
        if compat is not None:
            compat.addprevious(pr)
        else:
            settings.append(pr)
