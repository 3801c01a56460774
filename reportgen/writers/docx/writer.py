"""Render the document model to DOCX: masthead, numbered blocks, footnotes, headers."""

from __future__ import annotations

import io
import re
import zipfile

from docx import Document as new_docx
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.pkgwriter import PackageWriter
from docx.oxml.ns import qn
from docx.shared import Pt
from lxml import etree

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
from reportgen.writers.docx.tables import table_xml
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

PAGE_BREAK = "<w:pageBreakBefore/>"
BODY_MARKER = " reportgen body {} "


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
        self.shape_id: int | None = None  # the last picture's, once there is one
        self.pending: list[str] = []  # body XML not yet placed in the document
        self.chunks: list[str] = []  # body XML that replaces the markers

    # -- inline content ---------------------------------------------------------
    def inlines(self, content: list[Inline], bold: bool = False, part=None) -> str:
        """The runs of some inline content; links are related from `part`."""
        part = part or self.docx.part
        out = []
        for node in content:
            if isinstance(node, Text):
                out.append(fields.run(node.text, node.bold or bold, node.italic))
            elif isinstance(node, NoteRef):
                wid = self.footnotes.id_for(node.note)
                custom = node.note.mark if node.note.custom else None
                out.append(fields.footnote_reference(wid, custom))
            elif isinstance(node, Link):
                runs = "".join(
                    fields.run(child.text, child.bold or bold, child.italic, style="Hyperlink")
                    for child in node.children
                    if isinstance(child, Text)
                )
                out.append(fields.hyperlink(part, node.url, runs))
        return "".join(out)

    def paragraph(
        self,
        style: str,
        content: list[Inline] = (),
        number: str = "",
        bold: bool = False,
        properties: str = "",
        bookmark: str = "",
    ) -> str:
        """A paragraph of a named style: its number and a tab, then the content."""
        runs = fields.run(number, bold) + fields.TAB_RUN if number else ""
        runs += self.inlines(list(content), bold)
        if bookmark:
            self.bookmark_id += 1
            runs = fields.bookmarked(runs, bookmark, self.bookmark_id)
        return fields.paragraph(self.style_ids[style], runs, properties)

    def emit(self, xml: str) -> None:
        """Add body content; `flush` puts it in the document."""
        self.pending.append(xml)

    def flush(self) -> None:
        """Hold the place of the content emitted so far in the body (before its last
        w:sectPr) with a comment, which `splice` replaces in the serialised document:
        parsing the text into the tree would take longer than building it."""
        if not self.pending:
            return
        marker = etree.Comment(BODY_MARKER.format(len(self.chunks)))
        sentinel = self.body.find(qn("w:sectPr"))
        (sentinel.addprevious(marker) if sentinel is not None else self.body.append(marker))
        self.chunks.append(fields.check_chars("".join(self.pending)))
        self.pending = []

    def splice(self, document_xml: bytes) -> bytes:
        """The serialised document with each marker replaced by its content."""
        for index, chunk in enumerate(self.chunks):
            marker = f"<!--{BODY_MARKER.format(index)}-->".encode()
            document_xml = document_xml.replace(marker, chunk.encode("utf-8"), 1)
        return document_xml

    # -- blocks -----------------------------------------------------------------
    def block(self, block: Block) -> None:
        if isinstance(block, Heading):
            if block.recto:
                # Word starts a right-hand page with an odd-page section break
                self.flush()
                section = self.docx.add_section(WD_SECTION.ODD_PAGE)
                section.different_first_page_header_footer = False
            page_break = block.page_break_before and not block.recto
            self.emit(
                self.paragraph(
                    f"Heading {min(block.level, 4)}",
                    block.content,
                    block.number,
                    properties=PAGE_BREAK if page_break else "",
                    bookmark=f"_Toc_{block.anchor}" if block.anchor else "",
                )
            )
        elif isinstance(block, Paragraph):
            if block.role in ROLE_STYLES:
                style = ROLE_STYLES[block.role]
            else:
                style = "UN Paragraph" if block.number else "UN Paragraph Unnumbered"
            properties = PAGE_BREAK if block.page_break_before else ""
            self.emit(self.paragraph(style, block.content, block.number, block.bold, properties))
        elif isinstance(block, ItemList):
            for item in block.items:
                self.emit(
                    self.paragraph(LIST_STYLES[block.kind], item.content, item.marker, item.bold)
                )
                for child in item.children:
                    self.block(child)
        elif isinstance(block, Contents):
            self.contents(block)
        elif isinstance(block, Table):
            self.emit(
                table_xml(block, self._text_width(), self.paragraph, self.style_ids, self.inlines)
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
                self.emit(self.paragraph(style, [Text(text)]))
        png = self.charts[id(block)]  # drawn as wide as the text
        self.emit(
            fields.paragraph(self.style_ids["UN Figure"], self.picture(png, self._text_width()))
        )
        for note in block.notes:
            self.emit(self.paragraph("UN Table Note", note))

    def picture(self, png: bytes, width: float) -> str:
        """A run showing an image `width` points wide, as python-docx's add_picture
        writes it; shape ids count up from the document's next free id."""
        part = self.docx.part
        r_id, image = part.get_or_add_image(io.BytesIO(png))
        cx, cy = image.scaled_dimensions(Pt(width), None)
        if self.shape_id is None:
            self.shape_id = part.next_id
        else:
            self.shape_id += 1
        return fields.picture_run(self.shape_id, r_id, image.filename, cx, cy)

    def draw_charts(self) -> None:
        """Every figure's chart, rasterised in one batch before the document is written."""
        figures = [b for b in self.doc.body if isinstance(b, Figure)]
        self.charts = {}
        if not figures:
            return
        from reportgen.writers.chart_images import chart_pngs

        cjk = bool(self.doc.fonts and self.doc.fonts.script == "cjk")
        pngs = chart_pngs(figures, self._text_width(), self.fonts, cjk)
        for figure, png in zip(figures, pngs, strict=True):
            self.charts[id(figure)] = png

    def contents(self, block: Contents) -> None:
        """A real TOC field, pre-filled with the entries and their PDF page numbers."""
        self.emit(self.paragraph("UN Contents Heading", [Text(block.title)]))
        self.emit(self.paragraph("UN Contents Page Label", [Text(block.page_label)]))
        position = Pt(self._text_width()).twips
        tabs = f'<w:tabs><w:tab w:pos="{position}" w:val="right" w:leader="dot"/></w:tabs>'
        for index, entry in enumerate(block.entries):
            runs = [fields.field_start('TOC \\o "1-2" \\h \\z')] if index == 0 else []
            number = fields.run(entry.number + "\t") if entry.number else ""
            page = fields.run(str(self.pages.get(entry.anchor, "")))
            text = number + self.inlines(entry.content) + fields.TAB_RUN + page
            runs.append(fields.internal_link(f"_Toc_{entry.anchor}", text))
            if index == len(block.entries) - 1:
                runs.append(fields.FIELD_END)
            style = self.style_ids[f"TOC {min(entry.level, 2)}"]
            self.emit(fields.paragraph(style, "".join(runs), tabs))
        settings = self.docx.settings.element
        update = fields.element("w:updateFields", w_val="true")
        compat = settings.find(qn("w:compat"))
        (compat.addprevious(update) if compat is not None else settings.append(update))

    def _text_width(self) -> float:
        width, _ = PAGE_SIZES[self.doc.page.size]
        return width - G.margin_left - G.margin_right

    # -- first page -------------------------------------------------------------
    def styled(self, paragraph, style: str):
        """Give a python-docx paragraph a named style, by its id."""
        set_style(paragraph._p, self.style_ids[style])
        return paragraph

    def masthead(self) -> None:
        m = self.doc.masthead
        table = self.docx.add_table(rows=2, cols=2)
        table.alignment = WD_TABLE_ALIGNMENT.LEFT
        left, right = table.rows[0].cells
        self.styled(left.paragraphs[0], "UN Masthead")
        left.paragraphs[0].add_run(m.organization).font.size = Pt(12)
        first = self.styled(right.paragraphs[0], "UN Symbol")
        first.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        for index, symbol in enumerate(m.symbols):
            p = first if index == 0 else self.styled(right.add_paragraph(), "UN Symbol")
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            series, slash, rest = symbol.partition("/")
            p.add_run(series).font.size = Pt(20)
            p.add_run(slash + rest)
        organ_cell, meta_cell = table.rows[1].cells
        self.styled(organ_cell.paragraphs[0], "UN Masthead Organ").add_run(m.organ)
        lines = [m.distribution, m.date, *m.language_lines]
        self.styled(meta_cell.paragraphs[0], "UN Masthead").add_run(lines[0])
        for line in lines[1:]:
            self.styled(meta_cell.add_paragraph(line), "UN Masthead")
        rule = self.styled(self.docx.add_paragraph(), "UN Masthead")
        fields.border(rule._p, "bottom", 18)

        if m.sessions_side_by_side:
            grid = self.docx.add_table(rows=1, cols=len(m.sessions))
            cells = grid.rows[0].cells
            for cell, session in zip(cells, m.sessions, strict=True):
                if not cell.paragraphs[0].text:
                    # a new cell holds one empty paragraph: the block starts in its place
                    cell._element.remove(cell.paragraphs[0]._p)
                fields.append_xml(cell._element, self.session(session))
        else:
            for session in m.sessions:
                self.emit(self.session(session))

    def session(self, session) -> str:
        """The paragraphs of one session block of the masthead."""

        def add(text_or_content, style: str) -> str:
            if isinstance(text_or_content, str):
                runs = fields.run(text_or_content)
            else:
                runs = self.inlines(text_or_content)
            return fields.paragraph(self.style_ids[style], runs)

        out = []
        if session.body:
            out.append(add(session.body, "UN Session Body"))
        out.append(add(session.session, "UN Session Body"))
        if session.dates_place:
            out.append(add(session.dates_place, "UN Session"))
        out.append(add(session.agenda_line, "UN Session"))
        out.extend(add(title, "UN Item Title") for title in session.item_titles)
        out.append(fields.paragraph(self.style_ids["UN Session"]))
        return "".join(out)

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
            p = self.styled(header.paragraphs[0], "Header")
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
                extra = self.styled(header.add_paragraph(symbol), "Header")
                extra.alignment = align
            fields.border(header.paragraphs[-1]._p, "bottom", 4)
        for footer, align in (
            (section.footer, WD_ALIGN_PARAGRAPH.RIGHT),
            (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT),
        ):
            p = self.styled(footer.paragraphs[0], "Footer")
            p.alignment = align
            fields.append_xml(p._p, fields.field("PAGE", ""))

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
    def render(self) -> dict[str, bytes]:
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
        self.flush()
        self.footnotes.finish(lambda content, part: self.inlines(content, part=part))
        members = package_members(self.docx)
        members["word/document.xml"] = self.splice(members["word/document.xml"])
        return members


def _plain(content: list[Inline]) -> str:
    out = []
    for node in content:
        if isinstance(node, Text):
            out.append(node.text)
        elif isinstance(node, Link):
            out.append(_plain(node.children))
    return "".join(out)


class _Members:
    """Stands in for python-docx's zip writer and keeps each member's bytes, so the
    package is compressed once, straight into the normalised zip."""

    def __init__(self) -> None:
        self.blobs: dict[str, bytes] = {}

    def write(self, pack_uri, blob: bytes) -> None:
        self.blobs[pack_uri.membername] = blob


def package_members(document) -> dict[str, bytes]:
    """Every zip member of a python-docx document, as its `save` writes them (these are
    the steps of python-docx's PackageWriter.write, given `_Members` for the zip)."""
    package = document.part.package
    for part in package.parts:
        part.before_marshal()
    members = _Members()
    PackageWriter._write_content_types_stream(members, package.parts)
    PackageWriter._write_pkg_rels(members, package.rels)
    PackageWriter._write_parts(members, package.parts)
    return members.blobs


LAST = "word/document.xml"  # zipped last, once the contents' page numbers are known


class Package:
    """A DOCX being zipped: fixed member order and timestamps (same input, same bytes).

    Every member but the document itself is compressed as soon as it is ready; the
    document follows when `finish` gets the PDF's page numbers for the contents."""

    def __init__(self, members: dict[str, bytes]):
        self.buffer = io.BytesIO()
        self.zip = zipfile.ZipFile(self.buffer, "w", zipfile.ZIP_DEFLATED)
        self.document = members[LAST]
        for name in sorted(members, key=lambda n: (n != "[Content_Types].xml", n == LAST, n)):
            if name != LAST:
                self._add(name, members[name])

    def _add(self, name: str, data: bytes) -> None:
        info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        self.zip.writestr(info, data)

    def discard(self) -> None:
        """Close an unfinished package (the build failed elsewhere)."""
        self.zip.close()

    def finish(self, page_numbers: dict[str, int] | None = None) -> bytes:
        """The DOCX, each page token of the contents replaced by its page number."""
        xml = self.document
        if page_numbers is not None:  # one pass; a heading the PDF did not place: nothing
            xml = _TOKEN.sub(lambda m: str(page_numbers.get(m.group(1).decode(), "")).encode(), xml)
        self._add(LAST, xml)
        self.zip.close()
        return self.buffer.getvalue()


PAGE_TOKEN = "@@page:{}@@"
_TOKEN = re.compile(rb"@@page:([^@]*)@@")


class _PageTokens(dict):
    """Page numbers not known yet: each anchor's page is a token, replaced by `finish`."""

    def get(self, key, default=None):
        return PAGE_TOKEN.format(key)


def write_docx(
    doc: Document, page_numbers: dict[str, int] | None = None, fonts: FontChoice | None = None
) -> bytes:
    """The DOCX bytes of a document model; `fonts` draw its charts."""
    return Package(DocxWriter(doc, page_numbers, fonts).render()).finish()


def start_docx(doc: Document, fonts: FontChoice | None = None) -> Package:
    """The DOCX of a document whose contents wait for the PDF's page numbers."""
    return Package(DocxWriter(doc, _PageTokens(), fonts).render())
