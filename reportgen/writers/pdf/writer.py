"""Render the document model to PDF with reportlab platypus.

Fonts are embedded TrueType; footnotes sit at the foot of the page that cites
them; headings become PDF bookmarks; a contents list gets real page numbers from
a second pass.
"""

from __future__ import annotations

import io
import math
import os
import re
from dataclasses import dataclass, field
from itertools import count

from reportlab import rl_config
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import (
    BaseDocTemplate,
    DocIf,
    Flowable,
    PageBreak,
    PageBreakIfNotEmpty,
    PageTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.doctemplate import LayoutError

from reportgen.errors import InputError
from reportgen.fonts import ARABIC_MISSING, FontChoice
from reportgen.model import (
    Block,
    Contents,
    Document,
    Footnote,
    Heading,
    Inline,
    ItemList,
    Paragraph,
    Text,
    plain_text,
)
from reportgen.model import Figure as FigureBlock
from reportgen.model import Table as TableBlock
from reportgen.stamp import build_epoch
from reportgen.warnings import warn
from reportgen.writers.alt_text import figure_description
from reportgen.writers.charts import chart_drawing
from reportgen.writers.layout_spec import (
    CONTENTS_NUMBER_WIDTH,
    INDENTS,
    KEEP_WITH_NEXT,
    LEADER_GAP,
    LEADER_STEP,
    MASTHEAD_LEFT,
    MASTHEAD_RIGHT_INDENT,
    ORPHAN_LINES,
    PAGE_SIZES,
    WIDOW_LINES,
)
from reportgen.writers.layout_spec import GEOMETRY as G
from reportgen.writers.layout_spec import leading as line_height
from reportgen.writers.pdf.chart import Chart
from reportgen.writers.pdf.deflate import deflate_streams
from reportgen.writers.pdf.fontreg import PdfFonts, register
from reportgen.writers.pdf.footnotes import FootnoteFrame, notes_of
from reportgen.writers.pdf.keeps import KeepWithNext
from reportgen.writers.pdf.shaping import HAS_ARABIC
from reportgen.writers.pdf.tables import captions, table_flowables
from reportgen.writers.pdf.tags import (
    ARTIFACT,
    EMC,
    PAGINATION,
    Tag,
    Tagger,
    artifact,
    tagger_of,
)
from reportgen.writers.pdf.text import Runs, has_cjk
from reportgen.writers.pdf.textblock import (
    Run,
    Setting,
    TextBlock,
    char_widths,
    draw_line,
    label_setting,
)
from reportgen.writers.pdf.textops import TextOps


@dataclass
class PdfResult:
    data: bytes
    pages: int
    heading_pages: dict[str, int] = field(default_factory=dict)


class Styles:
    """Paragraph styles mirroring the DOCX styles of the same names."""

    def __init__(
        self, fonts: PdfFonts, cjk: bool, widow_control: bool = True, line_floor: float = 0.0
    ):
        """`line_floor`: the least leading, in sizes (an Arabic face's own line height,
        which Word and LibreOffice give its lines whatever "at least" spacing says)."""
        base = fonts.cjk if cjk else fonts.latin
        bold = fonts.cjk_bold if cjk else pdfmetrics_bold(fonts.latin)
        wrap = "CJK" if cjk else None

        def style(
            name,
            size=G.body_size,
            leading=None,
            font=base,
            indent=None,
            align=TA_JUSTIFY,
            before=0.0,
            after=0.0,
            **kw,
        ) -> ParagraphStyle:
            spec = INDENTS.get(indent or name)
            kw.setdefault("keepWithNext", int(name in KEEP_WITH_NEXT))
            return ParagraphStyle(
                name,
                fontName=font,
                fontSize=size,
                leading=max(leading or line_height(size), line_floor * size),
                leftIndent=spec.text if spec else 0,
                bulletIndent=spec.marker if spec else 0,
                firstLineIndent=spec.first_line if spec else 0,
                alignment=align,
                spaceBefore=before,
                spaceAfter=after,
                wordWrap=wrap,
                bulletFontName=fonts.latin,
                bulletFontSize=size,
                # widow and orphan control (TextBlock.split)
                allowWidows=int(not widow_control),
                allowOrphans=0,
                widow_lines=WIDOW_LINES,
                orphan_lines=ORPHAN_LINES,
                **kw,
            )

        after = G.space_after
        self.paragraph = style("UN Paragraph", after=after)
        self.unnumbered = style("UN Paragraph Unnumbered", after=after)
        self.item = style("UN Sub-item", after=after)
        self.item2 = style("UN Sub-item 2", after=after)
        self.bullet = style("UN Bullet", after=after)
        self.outline = style("UN Outline Item", after=after)
        self.title = style(
            "UN Title", size=G.title_size, font=bold, align=TA_LEFT, before=12, after=6
        )
        self.subtitle = style(
            "UN Subtitle",
            indent="UN Title",
            size=G.subtitle_size,
            font=bold,
            align=TA_LEFT,
            before=6,
            after=12,
        )
        self.summary_heading = style(
            "UN Summary Heading",
            indent="UN Title",
            size=G.subtitle_size,
            font=bold,
            align=TA_CENTER,
            before=12,
            after=6,
        )
        self.summary = style("UN Summary", after=after)
        self.headings = {
            1: style(
                "Heading 1",
                indent="Heading",
                size=G.chapter_size,
                font=bold,
                align=TA_LEFT,
                before=12,
                after=6,
            ),
            2: style(
                "Heading 2", indent="Heading", size=12, font=bold, align=TA_LEFT, before=10, after=6
            ),
            3: style("Heading 3", indent="Heading", font=bold, align=TA_LEFT, before=8, after=4),
            4: style("Heading 4", indent="Heading", font=bold, align=TA_LEFT, before=6, after=4),
        }
        self.masthead = style("UN Masthead", align=TA_LEFT, leading=12)
        self.organ = style("UN Masthead Organ", size=16, font=bold, align=TA_LEFT, leading=20)
        self.symbol = style("UN Symbol", align=TA_RIGHT, leading=22)
        self.session = style("UN Session", align=TA_LEFT, leading=13)
        self.session_bold = style("UN Session Body", font=bold, align=TA_LEFT, leading=13)
        self.footnote = style(
            "Footnote Text",
            size=G.footnote_size,
            leading=G.footnote_leading,
            align=TA_JUSTIFY,
            after=2,
        )
        self.toc = {
            1: style("TOC 1", align=TA_LEFT, after=3, rightIndent=CONTENTS_NUMBER_WIDTH),
            2: style("TOC 2", align=TA_LEFT, after=3, rightIndent=CONTENTS_NUMBER_WIDTH),
        }
        self.contents_title = style(
            "UN Contents Title",
            indent="UN Title",
            size=G.subtitle_size,
            font=bold,
            align=TA_LEFT,
            before=6,
            after=12,
        )
        self.page_label = style("UN Contents Page Label", align=TA_RIGHT, after=3)
        self.table_label = style("UN Table Label", align=TA_LEFT, before=12)
        self.table_title = style("UN Table Title", font=bold, align=TA_LEFT, after=2)
        self.table_units = style("UN Table Units", size=8, align=TA_LEFT, after=4)
        self.table_caption = style(
            "UN Table Caption", size=9, font=bold, align=TA_LEFT, before=4, after=2
        )
        self.table_heading = style(
            "UN Table Heading", size=7.5, leading=9, align=TA_LEFT, splitLongWords=0
        )
        self.table_text = style("UN Table Text", size=8.5, leading=10, align=TA_LEFT)
        self.table_note = style("UN Table Note", size=8, align=TA_LEFT, before=2)
        self.cover = style(
            "UN Cover",
            indent="UN Title",
            size=G.subtitle_size,
            font=bold,
            align=TA_LEFT,
            before=2,
            after=2,
        )
        self.signature = style("UN Signature", align=TA_RIGHT, before=6)
        self.font_bold = bold
        self.font_latin = fonts.latin
        self.font_latin_bold = pdfmetrics_bold(fonts.latin)
        self.font_cjk = fonts.cjk


class RectoBreak(DocIf):
    """A page break when the next flowable would fall on a left-hand (even) page, so
    that it starts a right-hand page (tested directly, not as an evaluated string)."""

    def __init__(self):
        super().__init__("", [PageBreak()])

    def funcWrap(self, aW, aH):  # noqa: N802, N803 (reportlab's names)
        return self._doctemplateAttr("page") % 2 == 0


class ContentsEntry(Flowable):
    """A contents line: the entry (its number and words, wrapped clear of the page
    numbers) and, when it has a heading, a dot leader from the end of its last line to its
    page number; the two are drawn as a form defined once every page is laid out (one
    pass suffices, the way "page x of y" is usually done)."""

    def __init__(self, label: TextBlock, form: str | None, leaders: dict[str, float]):
        super().__init__()
        self.label = label
        self.form = form
        self.leaders = leaders  # form → where its leader starts, left of the right edge
        self.spaceBefore = label.spaceBefore
        self.spaceAfter = label.spaceAfter

    @property
    def notes(self) -> list[Footnote]:
        """The notes the entry cites (the budget's ** and ***), at the foot of its page."""
        return self.label.notes

    def wrap(self, aW, aH):
        self.width, self.height = self.label.wrap(aW, aH)
        return self.width, self.height

    def split(self, aW, aH):
        return []

    def drawOn(self, canvas, x, y, _sW=0):  # noqa: N802, N803 (reportlab's names)
        label = self.label
        label.drawOn(canvas, x, y)
        if not self.form or not label.lines:
            return
        s = label.style
        last = label.lines[-1]
        start = (label.indent0 if len(label.lines) == 1 else s.leftIndent) + last.width
        rtl = canvas.__dict__.get("_rg_rtl")
        # where the leader starts, from the number's edge: left of the right margin, or
        # (right to left, the number at the left margin) right of the left one
        self.leaders[self.form] = (
            self.width - start - LEADER_GAP if rtl else start + LEADER_GAP - self.width
        )
        canvas.saveState()
        canvas.translate(x + (0 if rtl else self.width), y + label.last_baseline())
        tagger = canvas.__dict__.get("_rg_tags")
        if tagger is None:
            canvas.doForm(self.form + "-dots")
            canvas.doForm(self.form)
        else:  # the dots an artifact, the page number part of the entry
            code = canvas._code
            code.append(ARTIFACT)
            canvas.doForm(self.form + "-dots")
            code.append(EMC)
            code.append(tagger.bdc(tagger.enter(label.tag)))
            canvas.doForm(self.form)
            code.append(EMC)
        canvas.restoreState()


class MastheadTable(Table):
    """reportlab's table, its rules drawn as an artifact (its cells are tagged)."""

    def _drawLines(self):  # noqa: N802 (reportlab's names)
        with artifact(self.canv):
            super()._drawLines()


class DocTemplate(BaseDocTemplate):
    keepTogetherClass = KeepWithNext  # a heading keeps with the start of what follows

    def __init__(self, buffer, writer: PdfWriter, **kw):
        self.writer = writer
        super().__init__(buffer, **kw)

    def beforeDocument(self):
        self.canv._rg_heading_pages = self.writer.heading_pages
        if self.writer.rtl:  # text blocks are set right to left (textblock._paint_rtl)
            self.canv._rg_rtl = True
        if self.writer.doc.page.tagged:  # else drawn without marks, as before tagging
            self.canv._rg_tags = Tagger(self.canv, self.writer.doc.title)
        self.canv.setLang(self.writer.doc.language) if hasattr(self.canv, "setLang") else None

    def _endBuild(self):
        """Lay out every page, then define the contents' page-number forms, then save
        (the streams compressed on every core first)."""
        self._doSave = 0
        super()._endBuild()
        self.writer.define_page_forms(self.canv)
        deflate_streams(self.canv)
        if tagger_of(self.canv) is not None:
            self.canv._rg_tags.write()
        self.canv.save()


class PdfWriter:
    def __init__(self, doc: Document, fonts: FontChoice):
        self.doc = doc
        self.cjk = (doc.fonts.script == "cjk") if doc.fonts else True
        self.rtl = doc.direction == "rtl"
        arabic = bool(doc.fonts and doc.fonts.script == "arabic")
        if arabic and fonts.arabic is None:
            warn(ARABIC_MISSING)
        self.fonts = register(fonts, need_cjk=True, need_arabic=arabic)
        floor = 0.0
        if self.fonts.arabic:  # Naskh needs room above and below: its face's line height
            face = pdfmetrics.getFont(self.fonts.arabic).face
            floor = (face.ascent - face.descent) / 1000
        self.styles = Styles(self.fonts, self.cjk, doc.page.widow_control, floor)
        self.heading_pages: dict[str, int] = {}
        self.page_count = 0
        self.page_forms: list[str] = []  # anchors whose page numbers the contents show
        self.leaders: dict[str, float] = {}  # their forms → where the leader starts
        self.cell_styles: dict[tuple, ParagraphStyle] = {}
        self.cell_settings: dict[tuple, Setting] = {}  # plain cell texts, measured once
        self.keys = count()  # keys of structure elements (see tags.Tag)

    # -- text -------------------------------------------------------------------
    def runs(self, content: list[Inline], style: ParagraphStyle, bold: bool = False) -> list[Run]:
        styled_bold = style.fontName in (self.styles.font_bold, self.styles.font_latin_bold)
        return Runs(self.fonts, self.cjk, style.fontSize, styled_bold).inlines(content, bold).runs

    def para(
        self, content: list[Inline], style: ParagraphStyle, number: str = "", bold: bool = False
    ) -> TextBlock:
        """A paragraph; `number` hangs at the style's marker position."""
        return TextBlock(self.runs(content, style, bold), style, self.bullet(number, style, bold))

    def bullet(self, number: str, style: ParagraphStyle, bold: bool = False) -> Run | None:
        if not number:
            return None
        s = self.styles
        bold = bold or style.fontName in (s.font_bold, s.font_latin_bold)  # a heading's
        if has_cjk(number):
            font = s.font_bold if bold else s.font_cjk
        elif self.fonts.arabic and HAS_ARABIC.search(number):
            font = self.fonts.arabic_bold if bold else self.fonts.arabic
        else:
            font = s.font_latin_bold if bold else s.font_latin
        return Run(number, font, style.bulletFontSize)

    def lines(self, lines: list[list[Run]], style: ParagraphStyle) -> TextBlock:
        """Lines of runs set in given fonts, one under the other (the masthead's)."""
        runs: list[Run] = []
        for n, line in enumerate(lines):
            if n:
                runs.append(Run("\n", self.styles.font_latin, style.fontSize))
            runs.extend(line)
        return TextBlock(runs, style)

    def note_flowable(self, note: Footnote) -> TextBlock:
        block = self.para(note.content, self.styles.footnote, note.mark)
        block.tag = Tag((), label="in", note=note)
        return block

    def tagged(self, block, prefix: tuple, role: str, **kw):
        """`block` tagged as a new element `role` inside the elements of `prefix`."""
        block.tag = Tag((*prefix, (next(self.keys), role)), **kw)
        return block

    # -- blocks -----------------------------------------------------------------
    def block(self, block: Block, story: list, prefix: tuple = ()) -> None:
        """The flowables of a block; `prefix` is the path of the structure elements it
        is inside (a list item's body)."""
        s = self.styles
        if isinstance(block, Heading):
            style = s.headings[min(block.level, 4)]
            title = (block.number + " " if block.number else "") + plain_text(block.content)
            if block.page_break_before:
                story.append(PageBreakIfNotEmpty())
            if block.recto:
                story.append(RectoBreak())
            heading = self.para(block.content, style, block.number)
            self.tagged(heading, prefix, f"H{min(max(block.level, 1), 6)}")
            heading.mark = self.heading_mark(block, title)
            story.append(heading)
        elif isinstance(block, Paragraph):
            style = {
                "title": s.title,
                "subtitle": s.subtitle,
                "summary-heading": s.summary_heading,
                "summary": s.summary,
                "cover": s.cover,
                "signature": s.signature,
            }.get(block.role, s.paragraph if block.number else s.unnumbered)
            if block.page_break_before:
                story.append(PageBreakIfNotEmpty())
            para = self.para(block.content, style, block.number, block.bold)
            story.append(self.tagged(para, prefix, "P", label="in"))
        elif isinstance(block, ItemList):
            style = {"alpha": s.item, "sub": s.item2, "bullet": s.bullet, "outline": s.outline}[
                block.kind
            ]
            path = (*prefix, (next(self.keys), "L"))
            for item in block.items:
                body = (*path, (next(self.keys), "LI"), (next(self.keys), "LBody"))
                para = self.para(item.content, style, item.marker, item.bold)
                para.tag = Tag(body, label="before")
                story.append(para)
                for child in item.children:
                    self.block(child, story, body)
        elif isinstance(block, Contents):
            self.contents(block, story)
        elif isinstance(block, TableBlock):
            story.extend(table_flowables(self, block, prefix))
        elif isinstance(block, FigureBlock):
            s = self.styles
            caption = (*prefix, (next(self.keys), "Caption"))
            for line in captions(self, block.label, block.title, block.units):
                story.append(self.tagged(line, caption, "P"))
            font = self.styles.font_cjk if self.cjk else self.styles.font_latin
            font = self.fonts.arabic or font  # an Arabic document's: shaped
            chart = Chart(chart_drawing(block, self.text_width(), font, rtl=self.rtl))
            chart.tag = Tag((*prefix, (next(self.keys), "Figure")), alt=figure_description(block))
            story.append(chart)
            for note in block.notes:
                story.append(self.tagged(self.para(note, s.table_note), prefix, "P"))
            story.append(Spacer(1, 8))

    def heading_mark(self, heading: Heading, title: str):
        """What drawing a heading's first line does: a bookmark to the heading's top on
        the page where it is printed, and that page for the contents."""
        key = heading.anchor or f"h{id(heading)}"
        level = max(0, heading.level - 1)
        pages = self.heading_pages

        def mark(canv, top: float) -> None:
            canv.bookmarkPage(key, fit="XYZ", left=0, top=round(top + 4, 1), zoom=0)
            canv.addOutlineEntry(title, key, level=level, closed=True)
            pages[key] = canv.getPageNumber()

        return mark

    def contents(self, block: Contents, story: list) -> None:
        """目录 / 页次 and the entries, on a page of their own if the block says so."""
        s = self.styles
        if block.own_page:
            story.append(PageBreakIfNotEmpty())
        story.append(self.tagged(self.para([Text(block.title)], s.contents_title), (), "P"))
        story.append(self.tagged(self.para([Text(block.page_label)], s.page_label), (), "P"))
        toc = ((next(self.keys), "TOC"),)
        for entry in block.entries:
            label = [Text(entry.number + " ")] + entry.content if entry.number else entry.content
            form = None
            if entry.anchor:
                form = f"toc-{entry.anchor}"
                self.page_forms.append(entry.anchor)
            text = self.tagged(self.para(label, s.toc[min(entry.level, 2)]), toc, "TOCI")
            story.append(ContentsEntry(text, form, self.leaders))
        if block.own_page:
            story.append(PageBreakIfNotEmpty())

    def masthead(self, story: list) -> None:
        """The masthead, tagged in reading order (organization, symbol, organ,
        distribution lines, sessions) as paragraphs of one Div, not as a table; its
        rule an artifact. Lines in Latin letters in a Chinese document are English."""
        m = self.doc.masthead
        s = self.styles
        div = ((next(self.keys), "Div"),)
        # in a version not written in Latin letters, a masthead line in Latin letters
        # only is English (Distr.: General, the date, "Original: English")
        own = _OWN_LETTERS.get(self.doc.language.lower()[:2])

        def tag(block):
            text = block.setting.text
            english = own is not None and not own(text) and _LATIN.search(text)
            return self.tagged(block, div, "P", lang="en" if english else None)

        width = self.text_width()
        latin = s.font_latin
        symbols = self.lines(
            [
                [
                    Run(sym.partition("/")[0], latin, 20),
                    Run("/" + sym.partition("/")[2], latin, s.symbol.fontSize),
                ]
                for sym in m.symbols
            ],
            s.symbol,
        )
        distribution = self.lines(
            [
                [Run(line, latin, s.masthead.fontSize)]
                for line in [m.distribution, m.date, *m.language_lines]
            ],
            s.masthead,
        )
        rows = [
            [tag(self.para([Text(m.organization)], s.masthead)), tag(symbols)],
            [tag(self.para([Text(m.organ)], s.organ)), tag(distribution)],
        ]
        widths = [width * MASTHEAD_LEFT, width * (1 - MASTHEAD_LEFT)]
        indent = ("LEFTPADDING", (1, 0), (1, -1), width * MASTHEAD_RIGHT_INDENT)
        if self.rtl:  # mirrored: the Latin block on the left, set left to right
            for block in (symbols, distribution):
                block.direction = "ltr"
                block.style = ParagraphStyle(f"{block.style.name} LTR", block.style)
                block.style.alignment = TA_LEFT
            rows = [row[::-1] for row in rows]
            widths = widths[::-1]
            indent = ("RIGHTPADDING", (0, 0), (0, -1), width * MASTHEAD_RIGHT_INDENT)
        top = MastheadTable(rows, colWidths=widths)
        top.setStyle(
            self.table_style(
                [
                    ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ("LINEBELOW", (0, -1), (-1, -1), 1.5, "black"),
                    ("BOTTOMPADDING", (0, -1), (-1, -1), 6),
                    indent,
                ]
            )
        )
        story.append(top)
        story.append(Spacer(1, 10))
        blocks = [[tag(b) for b in self.session_cell(session)] for session in m.sessions]
        if m.sessions_side_by_side:
            grid = MastheadTable([blocks[::-1] if self.rtl else blocks], colWidths=[width / 2] * 2)
            # the notes in reading order, whichever side each block is on
            grid._rg_notes = [n for cell in blocks for block in cell for n in notes_of(block)]
            grid.setStyle(
                self.table_style(
                    [
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ("LEFTPADDING", (0, 0), (-1, -1), 12 if self.rtl else 0),
                        ("RIGHTPADDING", (0, 0), (-1, -1), 0 if self.rtl else 12),
                    ]
                )
            )
            story.append(grid)
        else:
            for cell in blocks:
                story.extend(cell)
                story.append(Spacer(1, 8))

    def session_cell(self, session) -> list:
        s = self.styles
        cell = []
        if session.body:
            cell.append(self.para([Text(session.body)], s.session_bold))
        cell.append(self.para([Text(session.session)], s.session_bold))
        if session.dates_place:
            cell.append(self.para([Text(session.dates_place)], s.session))
        cell.append(self.para(session.agenda_line, s.session))
        cell.extend(self.para([Text(t)], s.session_bold) for t in session.item_titles)
        return cell

    def define_page_forms(self, canv) -> None:
        """Each contents entry's page number, right-aligned at the form's origin (the
        entry's last baseline at the right margin), and its dot leader: dots on a grid
        common to every entry, drawn as shapes, so the text read back is the entry and
        its number only."""
        font = self.styles.font_latin
        size = G.body_size
        for anchor in dict.fromkeys(self.page_forms):
            name = f"toc-{anchor}"
            number = str(self.heading_pages.get(anchor, ""))
            end = -sum(char_widths(font, number, size)) - LEADER_GAP
            start = self.leaders.get(name, end)
            box = (min(start, -60) - 2, -4, 0, 20)
            if self.rtl:  # mirrored: the number at the left margin, dots to its right
                end, start = -end, self.leaders.get(name, -end)
                box = (0, -4, max(start, 60) + 2, 20)
            canv.beginForm(name, *box)
            canv.setFont(font, size)
            (canv.drawString if self.rtl else canv.drawRightString)(0, 0, number)
            canv.endForm()
            # the dots a form of their own: an artifact where the number is content
            canv.beginForm(name + "-dots", *box)
            lo, hi = (end, start) if self.rtl else (start, end)
            first = math.ceil(lo / LEADER_STEP)
            last = math.floor(hi / LEADER_STEP)
            if last >= first:
                dots = canv.beginPath()
                for k in range(first, last + 1):
                    dots.circle(k * LEADER_STEP, 1.0, 0.55)
                canv.drawPath(dots, stroke=0, fill=1)
            canv.endForm()

    def table_style(self, commands: list) -> TableStyle:
        """A table style whose default font is an embedded one (never Helvetica)."""
        return TableStyle([("FONTNAME", (0, 0), (-1, -1), self.styles.font_latin), *commands])

    # -- pages ------------------------------------------------------------------
    def text_width(self) -> float:
        width, _ = PAGE_SIZES[self.doc.page.size]
        return width - G.margin_left - G.margin_right

    def on_page(self, canv, doc) -> None:
        self.page_count = canv.getPageNumber()

    def on_page_end(self, canv, doc) -> None:
        doc.frame.draw_notes(canv)
        page = canv.getPageNumber()
        if page == 1:
            return
        with artifact(canv, PAGINATION):  # running heads, rule and page number
            self.running_heads(canv, page)

    def running_heads(self, canv, page: int) -> None:
        width, height = PAGE_SIZES[self.doc.page.size]
        # outer corner: right on odd pages, left on even ones (mirrored right to left)
        odd = (page % 2 == 1) != self.rtl
        canv.saveState()
        canv.setFont(self.styles.font_latin, 9)
        x = width - G.margin_right if odd else G.margin_left
        draw = canv.drawRightString if odd else canv.drawString
        y = height - G.header_distance - 9
        top = y
        for symbol in self.doc.page.running_header:
            draw(x, y, symbol)
            y -= 11
        titles = self.doc.page.running_titles
        if titles:
            # the part on even pages, the section on odd pages, on the inner side
            title = titles[0] if not odd else titles[1]
            inner = G.margin_left if odd else width - G.margin_right
            if self.rtl:  # shaped, its pieces in visual order
                setting = label_setting(title, self.fonts.arabic or self.styles.font_latin, 9)
                advance = 0.0 if odd else setting.sums[-1]
                ops = TextOps(canv, inner - advance, top)
                draw_line(ops, setting, 0, len(setting.text), inner - advance, top)
                ops.close()
            else:
                font = self.styles.font_cjk if self.cjk else self.styles.font_latin
                advance = 0.0 if odd else sum(char_widths(font, title, 9))
                ops = TextOps(canv, inner - advance, top)  # the text's own font, as in the body
                ops.show(title, font, 9)
                ops.close()
        canv.setLineWidth(0.5)
        canv.line(G.margin_left, y + 7, width - G.margin_right, y + 7)
        draw(x, G.footer_distance, str(page))
        canv.restoreState()

    def story(self) -> list:
        story: list = []
        self.masthead(story)
        for block in self.doc.front:
            self.block(block, story)
        for block in self.doc.body:
            self.block(block, story)
        return story

    def render(self) -> PdfResult:
        width, height = PAGE_SIZES[self.doc.page.size]
        buffer = io.BytesIO()
        doc = DocTemplate(
            buffer,
            self,
            pagesize=(width, height),
            leftMargin=G.margin_left,
            rightMargin=G.margin_right,
            topMargin=G.margin_top,
            bottomMargin=G.margin_bottom,
            title=self.doc.title,
            subject=self.doc.subject,
            author="United Nations",
            creator="reportgen",
            producer="reportgen",
            keywords=[self.doc.subject],
            lang=self.doc.language,
            invariant=1,
            initialFontName=self.styles.font_latin,
        )
        frame = FootnoteFrame(
            G.margin_left,
            G.margin_bottom,
            width - G.margin_left - G.margin_right,
            height - G.margin_top - G.margin_bottom,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id="body",
            note_flowable=self.note_flowable,
        )
        doc.addPageTemplates(
            [PageTemplate("page", [frame], onPage=self.on_page, onPageEnd=self.on_page_end)]
        )
        # reportlab dates an invariant PDF by SOURCE_DATE_EPOCH: give it the build date
        previous = os.environ.get("SOURCE_DATE_EPOCH")
        os.environ["SOURCE_DATE_EPOCH"] = str(build_epoch(self.doc.date_iso))
        # streams are compressed only: the ASCII85 layer makes them larger and slower
        a85, rl_config.useA85 = rl_config.useA85, 0
        try:
            doc.build(self.story())
        except LayoutError as err:  # a block that no page can hold, even split
            raise too_large(err) from None
        finally:
            rl_config.useA85 = a85
            if previous is None:
                del os.environ["SOURCE_DATE_EPOCH"]
            else:
                os.environ["SOURCE_DATE_EPOCH"] = previous
        return PdfResult(buffer.getvalue(), self.page_count, dict(self.heading_pages))


# the letters of the versions written in another script than Latin
_OWN_LETTERS = {
    "zh": has_cjk,
    "ar": HAS_ARABIC.search,
    "ru": re.compile("[\u0400-\u04ff]").search,
}
_LATIN = re.compile("[A-Za-z]")


def too_large(err: LayoutError) -> InputError:
    """An input error for a block taller than a page that cannot be split (a table
    row, a footnote, a paragraph citing more notes than a page holds)."""
    what = str(err).split(" too large", 1)[0].removeprefix("Flowable ")
    what = re.sub(r"\(\S+ x \S+\)$", "", what.strip())  # reportlab's "(w x h)"
    where = re.search(r"too large on (page \d+)", str(err))
    return InputError.one(
        "narrative",
        f"{what} does not fit on a page{' (' + where.group(1) + ')' if where else ''}: "
        "a table cell, a footnote or the notes one paragraph cites are taller than a page",
        hint="shorten it, split it into several, or move text out of the table or note",
    )


def pdfmetrics_bold(font: str) -> str:
    """The bold face registered in a font's family (itself if none)."""
    from reportlab.lib.fonts import tt2ps

    return tt2ps(font, 1, 0)


def write_pdf(doc: Document, fonts: FontChoice) -> PdfResult:
    """The PDF of a document model, with the contents' page numbers where headings fell."""
    return PdfWriter(doc, fonts).render()
