"""The document model: what a layout produces and what both writers render.

Everything here is final text: numbers, numerals and footnote marks are already
assigned, so the DOCX and PDF writers carry the same words and numbering.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Text:
    text: str
    bold: bool = False
    italic: bool = False


@dataclass
class Ref(Text):
    """A cross-reference: `text` is the target's number as printed ("16.263", "16.33"),
    `target` the anchor of the paragraph, table or figure it names. Being text, it
    reads as text everywhere; the DOCX writer makes it a REF field to the target."""

    target: str = ""
    kind: str = "paragraph"  # paragraph | table | figure


@dataclass
class Footnote:
    """A footnote; `mark` is its printed indicator ("1", "*", "**")."""

    content: list[Inline]
    mark: str = ""
    custom: bool = False  # asterisk notes keep their own mark outside the numbering


@dataclass
class NoteRef:
    note: Footnote


@dataclass
class Link:
    children: list[Inline]
    url: str


Inline = Text | NoteRef | Link


def plain_text(content: list[Inline]) -> str:
    """The text of some inline content, notes and links left out (a Ref is text)."""
    return "".join(c.text for c in content if isinstance(c, Text))


@dataclass(frozen=True)
class ListLabel:
    """How a word processor numbers a block whose printed number is final already:
    which list it belongs to, its level there, the counter's value and the format.
    The DOCX writer makes Word numbering of it, so an editor's inserted paragraph
    renumbers what follows; the number shown is the same."""

    scheme: str  # one list per scheme: "paragraphs", "headings", "items-3"
    level: int  # 0 = first level of the scheme
    value: int
    format: str  # Word's w:numFmt: decimal, chineseCounting, lowerLetter, bullet …
    text: str  # Word's w:lvlText: "16.%1", "%1.", "(%2)"; %N is level N's value


@dataclass
class Heading:
    content: list[Inline]
    level: int  # 1 = chapter
    number: str = ""  # "一.", "A.", "" when unnumbered
    in_contents: bool = True
    anchor: str = ""
    page_break_before: bool = False
    recto: bool = False  # start on an odd (right-hand) page
    numbering: ListLabel | None = None  # the number as a list Word can renumber
    count: int = 0  # its number as a count (part B: 2), whatever the numerals


@dataclass
class Paragraph:
    content: list[Inline]
    number: str = ""  # "1.", "16.1", "" when unnumbered
    bold: bool = False  # the whole paragraph, number included (recommendations)
    role: str = "body"  # body | summary | title | subtitle | summary-heading | cover | signature
    page_break_before: bool = False
    numbering: ListLabel | None = None  # the number as a list Word can renumber
    anchor: str = ""  # a paragraph that cross-references name ({label …}) has one


@dataclass
class ListItem:
    marker: str  # "(a)", "•", "1.1.1."
    content: list[Inline]
    children: list[Block] = field(default_factory=list)
    bold: bool = False
    numbering: ListLabel | None = None  # the number as a list Word can renumber


@dataclass
class ItemList:
    items: list[ListItem]
    kind: str = "alpha"  # alpha | sub | bullet | outline
    level: int = 1


@dataclass
class Contents:
    """A 目录/页次 list; entries are filled from the headings in the body."""

    title: str
    page_label: str
    entries: list[Heading] = field(default_factory=list)
    own_page: bool = False  # on a page of its own: a page break before and after it


@dataclass
class Cell:
    text: str
    align: str = "left"  # left | right | center | decimal
    colspan: int = 1
    rowspan: int = 1
    bold: bool = False
    indent: int = 0  # stub indent level
    content: list[Inline] | None = None  # rich text (footnote marks, links) instead of text


@dataclass
class Row:
    cells: list[Cell]
    kind: str = "body"  # header | body | group | subtotal | total


@dataclass
class TablePart:
    """One grid of a table; 表 16.33 has (1) 经常预算 and (2) 预算外 with their own columns."""

    header: list[Row]
    body: list[Row]
    widths: list[float]  # relative column widths
    caption: str = ""
    valign: str = "bottom"  # figures sit on the last line of a wrapped stub; text tables: top


@dataclass
class Table:
    label: str  # "表 16.30"
    title: str
    units: str  # "(千美元)", "" when none
    parts: list[TablePart]
    notes: list[list[Inline]] = field(default_factory=list)
    anchor: str = ""


@dataclass
class ChartPanel:
    """One bar chart: labelled bars with their printed values."""

    title: str
    bars: list[tuple[str, float, str]]  # label, value, value as printed


@dataclass
class Figure:
    label: str  # "图 16.一"
    title: str
    units: str
    panels: list[ChartPanel]
    notes: list[list[Inline]] = field(default_factory=list)
    anchor: str = ""


Block = Heading | Paragraph | ItemList | Contents | Table | Figure


@dataclass
class AgendaBlock:
    """One governing body's session block on the first page."""

    body: str
    session: str  # "第六十五届会议"
    dates_place: str
    agenda_line: list[Inline]  # "临时议程*项目4(a)" with the * as a NoteRef
    item_titles: list[str]


@dataclass
class Masthead:
    organization: str
    organ: str
    symbols: list[str]
    distribution: str
    date: str
    language_lines: list[str]
    sessions: list[AgendaBlock]
    sessions_side_by_side: bool = True


@dataclass
class PageSetup:
    size: str = "A4"  # A4 | Letter
    running_header: list[str] = field(default_factory=list)  # symbols, stacked
    running_titles: tuple[str, str] | None = None  # (even pages, odd pages): part, section
    widow_control: bool = True  # at least two lines of a paragraph each side of a page break
    tagged: bool = True  # the PDF tagged for PDF/UA-1 (writers/pdf/tags.py)


@dataclass
class Document:
    title: str
    subject: str  # the symbol(s)
    language: str  # BCP 47, e.g. "zh-CN"
    masthead: Masthead
    front: list[Block]  # title, subtitle, summary: unnumbered, on page 1
    body: list[Block]
    page: PageSetup
    fonts: FontSet | None = None
    date_iso: str = ""  # for deterministic metadata
    direction: str = "ltr"  # ltr | rtl (Arabic): writers mirror the page and set text right to left


@dataclass
class FontSet:
    """Font family names the writers use; the PDF writer resolves files."""

    latin: str = "Times New Roman"
    east_asian: str = "SimSun"
    east_asian_heading: str = "SimHei"
    script: str = "latin"  # latin | cjk | arabic
    complex_script: str = "Simplified Arabic"  # Word's font for Arabic runs (w:cs)
