"""Render the document model to DOCX: masthead, numbered blocks, footnotes, headers."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import replace

from docx.enum.section import WD_SECTION
from docx.opc.pkgwriter import PackageWriter
from docx.oxml import parse_xml
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
    ListLabel,
    NoteRef,
    Paragraph,
    Ref,
    Table,
    Text,
)
from reportgen.stamp import build_datetime
from reportgen.writers.alt_text import figure_description
from reportgen.writers.docx import fields
from reportgen.writers.docx.footnotes import FootnotesPart
from reportgen.writers.docx.numbering import NumberingPart
from reportgen.writers.docx.ooxml import twips
from reportgen.writers.docx.styles import list_indents, style_ids
from reportgen.writers.docx.tables import table_xml
from reportgen.writers.docx.template import new_document, settings_xml
from reportgen.writers.layout_spec import GEOMETRY as G
from reportgen.writers.layout_spec import (
    INDENTS,
    MASTHEAD_LEFT,
    MASTHEAD_RIGHT_INDENT,
    PAGE_SIZES,
)

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

PAGE_BREAK = {"pageBreakBefore": "<w:pageBreakBefore/>"}
CORE_PROPERTY_LIMIT = 255  # characters of a core property (python-docx refuses more)
BODY_MARKER = " reportgen body {} "
TOC_PREFIX = "_Toc_"  # bookmarks of headings, which the contents' page fields refer to
REF_PREFIX = "_Ref_"  # bookmarks of what cross-references name


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
        self.font_set = doc.fonts or FontSet()
        self.page_width, self.page_height = PAGE_SIZES[doc.page.size]
        self.rtl = doc.direction == "rtl"  # Arabic: right-to-left paragraphs, mirrored page
        self.docx = new_document(
            self.font_set, doc.language, self.page_width, doc.page.widow_control, self.rtl
        )
        self.page_after_contents = False  # the contents stands on a page of its own
        self.style_ids = style_ids(self.page_width)
        self.list_indents = list_indents(self.page_width)
        self.body = self.docx.element.body
        self.footnotes = FootnotesPart(self.docx)
        self.numbering = NumberingPart(self.docx)
        self.bookmark_id = 0
        self.shape_id: int | None = None  # the last picture's, once there is one
        self.pending: list[str] = []  # body XML not yet placed in the document
        self.chunks: list[str] = []  # body XML that replaces the markers

    # -- inline content ---------------------------------------------------------
    def run(self, text: str, bold: bool = False, italic: bool = False, style=None) -> str:
        """The run(s) of some text: in a right-to-left document, one per direction."""
        return fields.run(text, bold, italic, style, bidi=self.rtl)

    def inlines(self, content: list[Inline], bold: bool = False, part=None) -> str:
        """The runs of some inline content; links are related from `part`."""
        part = part or self.docx.part
        out = []
        for node in content:
            if isinstance(node, Ref):
                out.append(self.cross_reference(node, bold))
            elif isinstance(node, Text):
                out.append(self.run(node.text, node.bold or bold, node.italic))
            elif isinstance(node, NoteRef):
                wid = self.footnotes.id_for(node.note)
                custom = node.note.mark if node.note.custom else None
                out.append(fields.footnote_reference(wid, custom))
            elif isinstance(node, Link):
                runs = "".join(
                    self.run(child.text, child.bold or bold, child.italic, style="Hyperlink")
                    for child in node.children
                    if isinstance(child, Text)
                )
                out.append(fields.hyperlink(part, node.url, runs))
        return "".join(out)

    def cross_reference(self, ref: Ref, bold: bool) -> str:
        """A REF field to the target's bookmark, showing the number as the layout
        printed it: a paragraph's number as Word numbers it (\\r), a table's or figure's
        as its caption shows it; an update follows a renumbering."""
        switches = "\\r \\h" if ref.kind == "paragraph" else "\\h"
        instruction = f"REF {fields.bookmark_name(REF_PREFIX, ref.target)} {switches}"
        return fields.field(instruction, ref.text, ref.bold or bold, ref.italic, self.rtl)

    def bookmark(self, runs: str, anchor: str) -> str:
        """Runs inside a bookmark that cross-references to `anchor` name."""
        self.bookmark_id += 1
        name = fields.bookmark_name(REF_PREFIX, anchor)
        return fields.bookmarked(runs, name, self.bookmark_id)

    def caption_label(self, style: str, label: str, anchor: str) -> str:
        """A table's or figure's label line ("表 16.33"), its number in a bookmark."""
        word, space, number = label.rpartition(" ")
        if not (anchor and number):
            return self.paragraph(style, [Text(label)])
        runs = self.run(word + space) + self.bookmark(self.run(number), anchor)
        return fields.paragraph(self.style_ids[style], runs)

    def paragraph(
        self,
        style: str,
        content: list[Inline] = (),
        number: str = "",
        bold: bool = False,
        props: dict[str, str] | None = None,
        bookmark: str = "",
        label: ListLabel | None = None,
    ) -> str:
        """A paragraph of a named style: its number and a tab, then the content. A
        number the layout gave a list label is Word numbering (the same number, which
        Word renumbers when a paragraph is inserted); others are text. An unnumbered
        paragraph of a style with a hanging number starts where the text of numbered
        ones does, as in the PDF."""
        props = dict(props or {})
        if number and label is not None:
            runs = ""
            props["numPr"] = self.numbering.num_pr(label, self.list_indents[style])
            if bold:  # the number takes the paragraph mark's properties
                props["rPr"] = "<w:rPr><w:b/><w:bCs/></w:rPr>"
        elif number:
            runs = self.run(number, bold) + fields.TAB_RUN
        else:
            runs = ""
            indent = INDENTS.get("Heading" if style.startswith("Heading") else style)
            if indent and indent.marker < indent.text and "ind" not in props:
                props["ind"] = f'<w:ind w:left="{twips(indent.text)}" w:firstLine="0"/>'
        runs += self.inlines(list(content), bold)
        if bookmark:
            self.bookmark_id += 1
            runs = fields.bookmarked(runs, bookmark, self.bookmark_id)
        return fields.paragraph(self.style_ids[style], runs, props)

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
        if self.page_after_contents and not isinstance(block, Contents):
            self.page_after_contents = False
            if not isinstance(block, (Heading, Paragraph)):  # they break themselves
                self.emit(fields.paragraph(self.style_ids["Normal"], props=PAGE_BREAK))
            elif not block.page_break_before:
                block = replace(block, page_break_before=True)
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
                    props=PAGE_BREAK if page_break else None,
                    bookmark=fields.bookmark_name(TOC_PREFIX, block.anchor) if block.anchor else "",
                    label=block.numbering,
                )
            )
        elif isinstance(block, Paragraph):
            if block.role in ROLE_STYLES:
                style = ROLE_STYLES[block.role]
            else:
                style = "UN Paragraph" if block.number else "UN Paragraph Unnumbered"
            props = PAGE_BREAK if block.page_break_before else None
            self.emit(
                self.paragraph(
                    style,
                    block.content,
                    block.number,
                    block.bold,
                    props,
                    bookmark=fields.bookmark_name(REF_PREFIX, block.anchor) if block.anchor else "",
                    label=block.numbering,
                )
            )
        elif isinstance(block, ItemList):
            for item in block.items:
                self.emit(
                    self.paragraph(
                        LIST_STYLES[block.kind],
                        item.content,
                        item.marker,
                        item.bold,
                        label=item.numbering,
                    )
                )
                for child in item.children:
                    self.block(child)
        elif isinstance(block, Contents):
            self.contents(block)
        elif isinstance(block, Table):
            label = ""
            if block.label:
                label = self.caption_label("UN Table Label", block.label, block.anchor)
            width = self._text_width()
            self.emit(
                table_xml(
                    block, width, self.paragraph, self.style_ids, self.inlines, label, self.rtl
                )
            )
        elif isinstance(block, Figure):
            self.figure(block)

    def figure(self, block: Figure) -> None:
        """Caption lines, then the chart as a picture drawn like the PDF's."""
        if block.label:
            self.emit(self.caption_label("UN Figure Label", block.label, block.anchor))
        for style, text in (("UN Table Title", block.title), ("UN Table Units", block.units)):
            if text:
                self.emit(self.paragraph(style, [Text(text)]))
        png = self.charts[id(block)]  # drawn as wide as the text
        picture = self.picture(png, self._text_width(), figure_description(block))
        self.emit(fields.paragraph(self.style_ids["UN Figure"], picture))
        for note in block.notes:
            self.emit(self.paragraph("UN Table Note", note))

    def picture(self, png: bytes, width: float, description: str) -> str:
        """A run showing an image `width` points wide, as python-docx's add_picture
        writes it; shape ids count up from the document's next free id."""
        part = self.docx.part
        r_id, image = part.get_or_add_image(io.BytesIO(png))
        cx, cy = image.scaled_dimensions(Pt(width), None)
        if self.shape_id is None:
            self.shape_id = part.next_id
        else:
            self.shape_id += 1
        return fields.picture_run(self.shape_id, r_id, image.filename, cx, cy, description)

    def draw_charts(self) -> None:
        """Every figure's chart, rasterised in one batch before the document is written."""
        figures = [b for b in self.doc.body if isinstance(b, Figure)]
        self.charts = {}
        if not figures:
            return
        from reportgen.writers.chart_images import chart_pngs

        cjk = bool(self.doc.fonts and self.doc.fonts.script == "cjk")
        arabic = bool(self.doc.fonts and self.doc.fonts.script == "arabic")
        pngs = chart_pngs(figures, self._text_width(), self.fonts, cjk, arabic=arabic)
        for figure, png in zip(figures, pngs, strict=True):
            self.charts[id(figure)] = png

    def contents(self, block: Contents) -> None:
        """The contents: the entries as the layout chose them, each linked to its
        heading, with the page as a PAGEREF field to the heading's bookmark.

        Not a TOC field: a TOC field collects headings by style when Word updates it
        and would lose the notes (** ***) cited in entries; PAGEREF fields keep every
        entry as it is and only their page numbers change. LibreOffice computes them
        as it lays out the pages; Word updates them when asked (see `settings_xml`)."""
        own_page = PAGE_BREAK if block.own_page else None
        self.emit(self.paragraph("UN Contents Title", [Text(block.title)], props=own_page))
        self.page_after_contents = block.own_page
        self.emit(self.paragraph("UN Contents Page Label", [Text(block.page_label)]))
        for entry in block.entries:
            style = f"TOC {min(entry.level, 2)}"
            props = {}
            if entry.number:
                text = self.run(entry.number) + fields.TAB_RUN
            else:
                # no number: the text starts where the others' does, and the first tab
                # goes to the page column
                indent = INDENTS[style]
                text = ""
                props["ind"] = f'<w:ind w:left="{twips(indent.text)}" w:firstLine="0"/>'
            text += self.inlines(entry.content)
            if entry.anchor:
                bookmark = fields.bookmark_name(TOC_PREFIX, entry.anchor)
                page = str(self.pages.get(entry.anchor, ""))
                text += fields.TAB_RUN + fields.field(
                    f"PAGEREF {bookmark} \\h", page, bidi=self.rtl
                )
                text = fields.internal_link(bookmark, text)
            self.emit(fields.paragraph(self.style_ids[style], text, props))

    def _text_width(self) -> float:
        return self.page_width - G.margin_left - G.margin_right

    # -- first page -------------------------------------------------------------
    def masthead(self) -> None:
        """Organization and organ on the left; the symbols and the right-hand block
        (distribution, date, language lines) on the right; a rule below; then the
        session blocks, side by side or one under the other.

        Right to left (Arabic) it is mirrored, as the Arabic versions print it: the
        organization and organ on the right, the symbols and the block, which stay in
        English, on the left, flush with the margin; they are left-to-right paragraphs
        (in a right-to-left one "10 January 2022" would read "January 2022 10")."""
        m = self.doc.masthead
        width = self._text_width()
        left = width * MASTHEAD_LEFT
        right_indent = {"ind": f'<w:ind w:left="{twips(width * MASTHEAD_RIGHT_INDENT)}"/>'}
        symbol_props = None
        if self.rtl:
            right_indent = symbol_props = {**LTR_PARAGRAPH, "jc": '<w:jc w:val="left"/>'}
        masthead, symbol = self.style_ids["UN Masthead"], self.style_ids["UN Symbol"]
        symbols = "".join(
            fields.paragraph(
                symbol,
                _sized_run(series, 20) + self.run(slash + rest),
                symbol_props,
            )
            for series, slash, rest in (s.partition("/") for s in m.symbols)
        )
        lines = [m.distribution, m.date, *m.language_lines]
        block = "".join(fields.paragraph(masthead, self.run(line), right_indent) for line in lines)
        organization = fields.paragraph(masthead, self.run(m.organization))
        organ = fields.paragraph(self.style_ids["UN Masthead Organ"], self.run(m.organ))
        below = '<w:tcMar><w:bottom w:w="120" w:type="dxa"/></w:tcMar>'
        self.emit(
            _layout_table(
                [left, width - left],
                [[organization, symbols], [organ, block]],
                rule_below=True,
                cell_props=["", below],
                rtl=self.rtl,
            )
        )
        self.emit(fields.paragraph(masthead, props={"spacing": _EXACT_SPACER}))
        sessions = [self.session(session) for session in m.sessions]
        if m.sessions_side_by_side and len(sessions) > 1:
            half = width / len(sessions)
            self.emit(
                _layout_table([half] * len(sessions), [sessions], right_margin=12, rtl=self.rtl)
            )
        else:
            self.emit("".join(sessions))

    def session(self, session) -> str:
        """The paragraphs of one session block of the masthead."""

        def add(text_or_content, style: str) -> str:
            if isinstance(text_or_content, str):
                runs = self.run(text_or_content)
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
        section.page_width, section.page_height = Pt(self.page_width), Pt(self.page_height)
        section.top_margin, section.bottom_margin = Pt(G.margin_top), Pt(G.margin_bottom)
        section.left_margin, section.right_margin = Pt(G.margin_left), Pt(G.margin_right)
        section.header_distance, section.footer_distance = (
            Pt(G.header_distance),
            Pt(G.footer_distance),
        )
        section.start_type = WD_SECTION.NEW_PAGE
        section.different_first_page_header_footer = True
        header, footer = self.style_ids["Header"], self.style_ids["Footer"]
        symbols = self.doc.page.running_header
        titles = self.doc.page.running_titles
        for part, odd in ((section.header, True), (section.even_page_header, False)):
            # the symbol on the outer side: right on odd pages, left on even ones (in a
            # right-to-left paragraph right is the end, the left: mirrored)
            align = {"jc": f'<w:jc w:val="{"right" if odd else "left"}"/>'}
            if self.rtl and not titles:
                # the symbols alone, in English: left-to-right lines, on the outer side of
                # a right-to-left document's pages (left on odd pages, right on even ones)
                align = {**LTR_PARAGRAPH, "jc": f'<w:jc w:val="{"left" if odd else "right"}"/>'}
            if titles:
                # with the part (even pages) or section (odd pages) on the inner side
                first, second = (titles[1], symbols[0]) if odd else (symbols[0], titles[0])
                lines = [self.run(first) + fields.TAB_RUN + self.run(second)]
                align = {}
            else:
                lines = [self.run(symbols[0])]
            lines += [self.run(symbol) for symbol in symbols[1:]]
            paragraphs = []
            for index, runs in enumerate(lines):
                props = dict(align)
                if index == len(lines) - 1:
                    props["pBdr"] = fields.border("bottom", 4)
                paragraphs.append(fields.paragraph(header, runs, props))
            _replace_content(part, "".join(paragraphs))
        for part, odd in ((section.footer, True), (section.even_page_footer, False)):
            align = {"jc": f'<w:jc w:val="{"right" if odd else "left"}"/>'}
            _replace_content(part, fields.paragraph(footer, fields.field("PAGE", ""), align))

    def properties(self) -> None:
        props = self.docx.core_properties
        props.title = self.doc.title[:CORE_PROPERTY_LIMIT]  # the document keeps it whole
        props.subject = self.doc.subject[:CORE_PROPERTY_LIMIT]
        props.language = self.doc.language
        props.author = "United Nations"
        props.last_modified_by = "reportgen"
        props.comments = ""
        props.keywords = self.doc.subject[:CORE_PROPERTY_LIMIT]
        props.revision = 1
        stamp = build_datetime(self.doc.date_iso)
        props.created = stamp
        props.modified = stamp
        props.last_printed = stamp

    # -- whole document -----------------------------------------------------------
    def render(self) -> dict[str, bytes]:
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
        if self.rtl:
            for section in self.body.iter(qn("w:sectPr")):
                _right_to_left_section(section)
        self.footnotes.finish(lambda content, part: self.inlines(content, part=part))
        self.numbering.finish()
        has_contents = any(isinstance(b, Contents) for b in (*self.doc.front, *self.doc.body))
        self.docx.part._settings_part._element = parse_xml(
            settings_xml(
                self.font_set,
                self.doc.language,
                update_fields=has_contents,
            )
        )
        members = package_members(self.docx)
        members["word/document.xml"] = self.splice(members["word/document.xml"])
        return members


# a paragraph of left-to-right text (English) in a right-to-left document
LTR_PARAGRAPH = {"bidi": '<w:bidi w:val="0"/>'}
# what follows w:bidi in a w:sectPr (CT_SectPr)
_AFTER_SECTION_BIDI = ("rtlGutter", "docGrid", "printerSettings", "sectPrChange")


def _right_to_left_section(section) -> None:
    """Make a w:sectPr a right-to-left section (w:bidi, in the schema's place): Word
    mirrors its page and columns and takes its paragraphs as right to left."""
    if section.find(qn("w:bidi")) is not None:
        return
    bidi = etree.SubElement(section, qn("w:bidi"))
    for name in _AFTER_SECTION_BIDI:
        following = section.find(qn(f"w:{name}"))
        if following is not None:
            following.addprevious(bidi)
            break


_EXACT_SPACER = '<w:spacing w:before="0" w:after="0" w:line="200" w:lineRule="exact"/>'


def _sized_run(text: str, size: float) -> str:
    """A run in another size than its paragraph's (the symbol's series letter)."""
    half = round(size * 2)
    props = f'<w:rPr><w:sz w:val="{half}"/><w:szCs w:val="{half}"/></w:rPr>'
    return f'<w:r>{props}<w:t xml:space="preserve">{fields.esc(text)}</w:t></w:r>'


def _layout_table(
    widths: list[float],
    rows: list[list[str]],
    rule_below: bool = False,
    right_margin: float = 0,
    cell_props: list[str] | None = None,
    rtl: bool = False,
) -> str:
    """A borderless table that only places blocks side by side (the masthead's): fixed
    column widths, no cell margins, cells aligned on their last line; `rtl`: its
    columns from right to left (w:bidiVisual)."""
    bottom = (
        '<w:tblBorders><w:bottom w:val="single" w:sz="12" w:space="0" w:color="000000"/>'
        "</w:tblBorders>"
        if rule_below
        else ""
    )
    out = [
        f"<w:tbl><w:tblPr>{'<w:bidiVisual/>' if rtl else ''}"
        f'<w:tblW w:w="{twips(sum(widths))}" w:type="dxa"/>{bottom}'
        '<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="0" w:type="dxa"/>'
        f'<w:right w:w="{twips(right_margin)}" w:type="dxa"/></w:tblCellMar>'
        '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" '
        'w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid>',
        *(f'<w:gridCol w:w="{twips(w)}"/>' for w in widths),
        "</w:tblGrid>",
    ]
    valign = "bottom" if rule_below else "top"
    for r, row in enumerate(rows):
        extra = cell_props[r] if cell_props else ""
        out.append("<w:tr>")
        for width, content in zip(widths, row, strict=True):
            out.append(
                f'<w:tc><w:tcPr><w:tcW w:w="{twips(width)}" w:type="dxa"/>{extra}'
                f'<w:vAlign w:val="{valign}"/></w:tcPr>{content}</w:tc>'
            )
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def _replace_content(header_or_footer, xml: str) -> None:
    """A header's or footer's paragraphs replaced by `xml` (its own part)."""
    root = header_or_footer._get_or_add_definition().element
    for child in list(root):
        root.remove(child)
    fields.append_xml(root, xml)


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
