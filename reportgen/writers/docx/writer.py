"""Render the document model to DOCX: masthead, numbered blocks, footnotes, headers."""

from __future__ import annotations

import io
import re
import zipfile

from docx import Document as new_docx
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.table import _Cell

from reportgen.fonts import FontChoice, discover
from reportgen.model import (
    Block,
    Contents,
    Document,
    Figure,
    FontSet,
    Heading,
    Inline,
    ItemList,
    Link,
    NoteRef,
    Paragraph,
    Table,
    Text,
)
from reportgen.stamp import build_datetime
from reportgen.writers.docx import fields
from reportgen.writers.docx.footnotes import FootnotesPart
from reportgen.writers.docx.styles import install_styles, set_style, style_ids
from reportgen.writers.docx.tables import write_table
from reportgen.writers.layout_spec import GEOMETRY as G
from reportgen.writers.layout_spec import PAGE_SIZES

ROLE_STYLES = {
    "title": "UN Title",
    "subtitle": "UN Subtitle",
    "summary-heading": "UN Summary Heading",
    "summary": "UN Summary",
    "cover": "UN Cover",
    "signature": "UN Signature",
}
LIST_STYLES = {
    "alpha": "UN Sub-item",
    "sub": "UN Sub-item 2",
    "bullet": "UN Bullet",
    "outline": "UN Outline Item",
}


class DocxWriter:
    def __init__(
        self,
        doc: Document,
        page_numbers: dict[str, int] | None = None,
        fonts: FontChoice | None = None,
    ):
        self.doc = doc
        self.fonts = fonts or discover()
        self.pages = page_numbers if page_numbers is not None else {}
        self.docx = new_docx()
        self.body = self.docx.element.body
        self.footnotes = FootnotesPart(self.docx)
        self.bookmark_id = 0

    # -- inline content ---------------------------------------------------------
    def inlines(self, parent, content: list[Inline], part, bold: bool = False) -> None:
        for node in content:
            if isinstance(node, Text):
                parent.append(fields.run_element(node.text, node.bold or bold, node.italic))
            elif isinstance(node, NoteRef):
                wid = self.footnotes.id_for(node.note)
                parent.append(
                    fields.footnote_reference(wid, node.note.mark if node.note.custom else None)
                )
            elif isinstance(node, Link):
                link = fields.hyperlink(part, node.url)
                for child in node.children:
                    if isinstance(child, Text):
                        link.append(
                            fields.run_element(
                                child.text, child.bold or bold, child.italic, style="Hyperlink"
                            )
                        )
                parent.append(link)

    def paragraph(
        self, style: str, content: list[Inline] = (), number: str = "", bold: bool = False
    ):
        p = self.docx.add_paragraph()
        set_style(p._p, self.style_ids[style])
        if number:
            p._p.append(fields.run_element(number, bold))
            tab = fields.element("w:r")
            tab.append(fields.element("w:tab"))
            p._p.append(tab)
        self.inlines(p._p, list(content), self.docx.part, bold)
        return p

    # -- blocks -----------------------------------------------------------------
    def block(self, block: Block) -> None:
        if isinstance(block, Heading):
            if block.recto:
                # Word starts a right-hand page with an odd-page section break
                section = self.docx.add_section(WD_SECTION.ODD_PAGE)
                section.different_first_page_header_footer = False
            p = self.paragraph(f"Heading {min(block.level, 4)}", block.content, block.number)
            if block.page_break_before and not block.recto:
                p.paragraph_format.page_break_before = True
            if block.anchor:
                self.bookmark_id += 1
                fields.bookmark(p._p, f"_Toc_{block.anchor}", self.bookmark_id)
        elif isinstance(block, Paragraph):
            if block.role in ROLE_STYLES:
                style = ROLE_STYLES[block.role]
            else:
                style = "UN Paragraph" if block.number else "UN Paragraph Unnumbered"
            p = self.paragraph(style, block.content, block.number, block.bold)
            if block.page_break_before:
                p.paragraph_format.page_break_before = True
        elif isinstance(block, ItemList):
            for item in block.items:
                self.paragraph(LIST_STYLES[block.kind], item.content, item.marker, item.bold)
                for child in item.children:
                    self.block(child)
        elif isinstance(block, Contents):
            self.contents(block)
        elif isinstance(block, Table):
            write_table(
                self.docx, block, self._text_width(), self.paragraph, self.style_ids, self.inlines
            )
        elif isinstance(block, Figure):
            self.figure(block)

    def figure(self, block: Figure) -> None:
        """Caption lines, then the chart as a picture drawn like the PDF's."""
        for style, text in (
            ("UN Figure Label", block.label),
            ("UN Table Title", block.title),
            ("UN Table Units", block.units),
        ):
            if text:
                self.paragraph(style, [Text(text)])
        drawing, png = self.charts[id(block)]
        p = self.docx.add_paragraph()
        set_style(p._p, self.style_ids["UN Figure"])
        p.add_run().add_picture(io.BytesIO(png), width=Pt(drawing.width))
        for note in block.notes:
            self.paragraph("UN Table Note", note)

    def draw_charts(self) -> None:
        """Every figure's chart, rasterised in one batch before the document is written."""
        figures = [b for b in self.doc.body if isinstance(b, Figure)]
        self.charts = {}
        if not figures:
            return
        from reportgen.writers.charts import chart_drawing, chart_pngs
        from reportgen.writers.pdf.fontreg import register

        fonts = register(self.fonts, need_cjk=True)
        font = fonts.cjk if (self.doc.fonts and self.doc.fonts.script == "cjk") else fonts.latin
        drawings = [chart_drawing(f, self._text_width(), font) for f in figures]
        for figure, drawing, png in zip(figures, drawings, chart_pngs(drawings), strict=True):
            self.charts[id(figure)] = (drawing, png)

    def contents(self, block: Contents) -> None:
        """A real TOC field, pre-filled with the entries and their PDF page numbers."""
        self.paragraph("UN Contents Heading", [Text(block.title)])
        self.paragraph("UN Contents Page Label", [Text(block.page_label)])
        width = self._text_width()
        for index, entry in enumerate(block.entries):
            style = f"TOC {min(entry.level, 2)}"
            p = self.docx.add_paragraph(style=style)
            p.paragraph_format.tab_stops.add_tab_stop(Pt(width), alignment=2, leader=1)
            if index == 0:
                for r in fields.field_runs('TOC \\o "1-2" \\h \\z', "")[:3]:
                    p._p.append(r)
            link = fields.internal_link(f"_Toc_{entry.anchor}")
            if entry.number:
                link.append(fields.run_element(entry.number + "\t"))
            self.inlines(link, entry.content, self.docx.part)
            tab = fields.element("w:r")
            tab.append(fields.element("w:tab"))
            link.append(tab)
            link.append(fields.run_element(str(self.pages.get(entry.anchor, ""))))
            p._p.append(link)
            if index == len(block.entries) - 1:
                end = fields.element("w:r")
                end.append(fields.element("w:fldChar", w_fldCharType="end"))
                p._p.append(end)
        settings = self.docx.settings.element
        update = fields.element("w:updateFields", w_val="true")
        compat = settings.find(qn("w:compat"))
        (compat.addprevious(update) if compat is not None else settings.append(update))

    def _text_width(self) -> float:
        width, _ = PAGE_SIZES[self.doc.page.size]
        return width - G.margin_left - G.margin_right

    # -- first page -------------------------------------------------------------
    def masthead(self) -> None:
        m = self.doc.masthead
        table = self.docx.add_table(rows=2, cols=2)
        table.alignment = WD_TABLE_ALIGNMENT.LEFT
        left, right = table.rows[0].cells
        left.paragraphs[0].style = "UN Masthead"
        left.paragraphs[0].add_run(m.organization).font.size = Pt(12)
        first = right.paragraphs[0]
        first.style = "UN Symbol"
        first.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        for index, symbol in enumerate(m.symbols):
            p = first if index == 0 else right.add_paragraph(style="UN Symbol")
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            series, slash, rest = symbol.partition("/")
            p.add_run(series).font.size = Pt(20)
            p.add_run(slash + rest)
        organ_cell, meta_cell = table.rows[1].cells
        organ_cell.paragraphs[0].style = "UN Masthead Organ"
        organ_cell.paragraphs[0].add_run(m.organ)
        lines = [m.distribution, m.date, *m.language_lines]
        meta_cell.paragraphs[0].style = "UN Masthead"
        meta_cell.paragraphs[0].add_run(lines[0])
        for line in lines[1:]:
            meta_cell.add_paragraph(line, style="UN Masthead")
        rule = self.docx.add_paragraph(style="UN Masthead")
        fields.border(rule._p, "bottom", 18)

        if m.sessions_side_by_side:
            grid = self.docx.add_table(rows=1, cols=len(m.sessions))
            cells = grid.rows[0].cells
            for cell, session in zip(cells, m.sessions, strict=True):
                self.session(cell, session)
        else:
            for session in m.sessions:
                self.session(self.docx, session)

    def session(self, container, session) -> None:
        def add(text_or_content, style: str):
            p = container.add_paragraph(style=style)
            if isinstance(text_or_content, str):
                p._p.append(fields.run_element(text_or_content))
            else:
                self.inlines(p._p, text_or_content, self.docx.part)
            return p

        if isinstance(container, _Cell) and not container.paragraphs[0].text:
            # a new cell holds one empty paragraph: the block starts in its place
            container._element.remove(container.paragraphs[0]._p)
        if session.body:
            add(session.body, "UN Session Body")
        add(session.session, "UN Session Body")
        if session.dates_place:
            add(session.dates_place, "UN Session")
        add(session.agenda_line, "UN Session")
        for title in session.item_titles:
            add(title, "UN Item Title")
        container.add_paragraph(style="UN Session")

    # -- page furniture -----------------------------------------------------------
    def page_setup(self) -> None:
        section = self.docx.sections[0]
        width, height = PAGE_SIZES[self.doc.page.size]
        section.page_width, section.page_height = Pt(width), Pt(height)
        section.top_margin, section.bottom_margin = Pt(G.margin_top), Pt(G.margin_bottom)
        section.left_margin, section.right_margin = Pt(G.margin_left), Pt(G.margin_right)
        section.header_distance, section.footer_distance = (
            Pt(G.header_distance),
            Pt(G.footer_distance),
        )
        section.start_type = WD_SECTION.NEW_PAGE
        section.different_first_page_header_footer = True
        self.docx.settings.odd_and_even_pages_header_footer = True
        symbols = self.doc.page.running_header
        for header, align in (
            (section.header, WD_ALIGN_PARAGRAPH.RIGHT),
            (section.even_page_header, WD_ALIGN_PARAGRAPH.LEFT),
        ):
            p = header.paragraphs[0]
            p.style = "Header"
            p.alignment = align
            titles = self.doc.page.running_titles
            if titles:
                # the part on even pages, the section on odd pages, on the inner side
                odd = header is section.header
                p.alignment = WD_ALIGN_PARAGRAPH.LEFT
                p.paragraph_format.tab_stops.add_tab_stop(Pt(self._text_width()), alignment=2)
                first, second = (titles[1], symbols[0]) if odd else (symbols[0], titles[0])
                p.add_run(first + "\t" + second)
            else:
                p.add_run(symbols[0])
            for symbol in symbols[1:]:
                extra = header.add_paragraph(symbol, style="Header")
                extra.alignment = align
            fields.border(header.paragraphs[-1]._p, "bottom", 4)
        for footer, align in (
            (section.footer, WD_ALIGN_PARAGRAPH.RIGHT),
            (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT),
        ):
            p = footer.paragraphs[0]
            p.style = "Footer"
            p.alignment = align
            for r in fields.field_runs("PAGE", ""):
                p._p.append(r)

    def properties(self) -> None:
        props = self.docx.core_properties
        props.title = self.doc.title
        props.subject = self.doc.subject
        props.language = self.doc.language
        props.author = "United Nations"
        props.last_modified_by = "reportgen"
        props.comments = ""
        props.keywords = self.doc.subject
        props.revision = 1
        stamp = build_datetime(self.doc.date_iso)
        props.created = stamp
        props.modified = stamp
        props.last_printed = stamp

    # -- whole document -----------------------------------------------------------
    def render(self) -> bytes:
        install_styles(self.docx, self.doc.fonts or FontSet(), self.doc.language)
        self.style_ids = style_ids(self.docx)
        self.draw_charts()
        self.page_setup()
        self.properties()
        # python-docx starts with one empty paragraph in a new document: remove it
        for p in list(self.docx.paragraphs):
            self.body.remove(p._p)
        self.masthead()
        for block in self.doc.front:
            self.block(block)
        for block in self.doc.body:
            self.block(block)
        self.footnotes.finish(lambda p, content, part: self.inlines(p, content, part))
        buffer = io.BytesIO()
        self.docx.save(buffer)
        return normalise_zip(buffer.getvalue())


def _plain(content: list[Inline]) -> str:
    out = []
    for node in content:
        if isinstance(node, Text):
            out.append(node.text)
        elif isinstance(node, Link):
            out.append(_plain(node.children))
    return "".join(out)


def normalise_zip(data: bytes) -> bytes:
    """Same input, same bytes: fixed member order and timestamps."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        names = source.namelist()
        ordered = sorted(names, key=lambda n: (n != "[Content_Types].xml", n))
        for name in ordered:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(name))
    return out.getvalue()


def write_docx(
    doc: Document, page_numbers: dict[str, int] | None = None, fonts: FontChoice | None = None
) -> bytes:
    """The DOCX bytes of a document model; `fonts` draw its charts."""
    return DocxWriter(doc, page_numbers, fonts).render()


def fill_page_numbers(data: bytes, replacements: dict[str, str]) -> bytes:
    """Put the PDF's page numbers in place of the tokens the contents were written with."""
    source = zipfile.ZipFile(io.BytesIO(data))
    xml = source.read("word/document.xml").decode("utf-8")
    for token, page in replacements.items():
        xml = xml.replace(token, page)
    xml = re.sub(r"@@page:[^@]*@@", "", xml)  # headings the PDF did not place
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            body = (
                xml.encode("utf-8")
                if info.filename == "word/document.xml"
                else source.read(info.filename)
            )
            target.writestr(info, body)
    return out.getvalue()
