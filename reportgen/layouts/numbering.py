"""Numbering: raw narrative blocks → model blocks with their final numbers.

Paragraph numbers run through the whole document; heading numerals restart below
their parent; outline numbers (1.1.1.) derive from the heading they sit under;
footnotes are numbered in order of first reference over the whole document.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from reportgen.errors import InputError
from reportgen.markup import RawHeading, RawItem, RawList, RawParagraph
from reportgen.model import (
    Block,
    Footnote,
    Heading,
    Inline,
    ItemList,
    Link,
    ListItem,
    ListLabel,
    NoteRef,
    Paragraph,
    Table,
    Text,
)
from reportgen.numerals import numeral

# sub-item styles: the numeral style, and whether the language's brackets enclose it
SUB_ITEM = {
    "alpha": ("alpha", True),
    "roman": ("roman-lower", True),
    "cjk": ("chinese", True),
    "circled": ("circled", False),  # ㈠ carries its own
    "arabic-letter": ("arabic-letter", True),  # (أ), (ب): text, not Word's abjad numbers
}
BULLET = "•"
# Word's number format for each numeral style (circled ㈠ has none: it stays text)
WORD_FORMATS = {
    "chinese": "chineseCounting",
    "cjk": "chineseCounting",
    "letter": "upperLetter",
    "alpha": "lowerLetter",
    "roman": "upperRoman",
    "roman-lower": "lowerRoman",
    "arabic": "decimal",
}
SUB_ITEM_FORMATS = {"alpha": "lowerLetter", "roman": "lowerRoman", "cjk": "chineseCounting"}


def sub_item_styles(styles, labels) -> list[str]:
    """The document's sub-item styles as its language numbers them (the Arabic
    version's (أ), (ب) where the others have (a), (b))."""
    mapped = labels.get("sub_item_styles") or {}
    return [mapped.get(style, style) for style in styles]


def heading_styles(styles, labels) -> list[str]:
    """The document's heading styles as its language numbers them (باء - where the
    others have B.)."""
    mapped = labels.get("heading_styles") or {}
    return [mapped.get(style, style) for style in styles]


def inline_items(labels) -> tuple[str, str]:
    """How `(@)` items inside a paragraph are lettered: the language's sub-item pattern
    and its first-level numerals."""
    return labels.get("sub_item"), sub_item_styles(["alpha"], labels)[0]


def paragraph_anchor(label: str) -> str:
    """The anchor of a paragraph labelled `{label NAME}`, which cross-references name."""
    return f"para-{label}"


def _word_label(scheme: str, level: int, value: int, fmt: str | None, text: str):
    """A ListLabel, or None where Word cannot show the number (no such format, or a
    literal % in the text, which Word's level text cannot hold)."""
    if fmt is None or "%" in text.replace(f"%{level + 1}", ""):
        return None
    return ListLabel(scheme, level, value, fmt, text)


@dataclass
class NumberingRules:
    paragraphs: bool = True
    prefix: str = ""  # "16." → paragraphs 16.1, 16.2 …
    headings: list[str] = field(default_factory=lambda: ["chinese", "letter", "arabic", "alpha"])
    heading_prefix: dict[int, str] = field(default_factory=dict)
    sub_items: list[str] = field(default_factory=lambda: ["alpha", "roman"])
    first_paragraph: int = 1
    heading_start: dict[int, int] = field(default_factory=dict)  # level → first number
    sub_item: str = "({n})"  # the language's brackets: (a) in English, a) in French
    paragraph_number: str = "{n}."  # "1." in English, "1 -" in Arabic
    heading_number: str = "{n}."  # "I." in English, "أولا -" in Arabic


class Numberer:
    """Walks raw blocks in document order, keeping every counter in one place."""

    def __init__(self, rules: NumberingRules):
        self.rules = rules
        self.paragraph = rules.first_paragraph - 1
        self.heading_counts = [rules.heading_start.get(level, 1) - 1 for level in range(8)]
        self.heading_numbers = [""] * 8  # bare numbers of the current headings, for outline
        self.outline = 0
        self.bold_chapter = False
        self.bold_level = 0
        self.lists = 0  # item lists so far: each is a list of its own in Word

    def blocks(self, raw: list, bold_classes: set[str] = frozenset()) -> list[Block]:
        out: list[Block] = []
        for block in raw:
            if isinstance(block, RawHeading):
                if self.bold_level and block.level <= self.bold_level:
                    self.bold_level = 0
                if bold_classes & set(block.classes):
                    self.bold_level = block.level
                heading = self.heading(block)
                heading.page_break_before = "newpage" in block.classes
                out.append(heading)
            elif isinstance(block, RawParagraph):
                number = ""
                label = None
                if block.numbered and self.rules.paragraphs:
                    self.paragraph += 1
                    number = self.paragraph_number(self.paragraph)
                    text = self.paragraph_number("%1")
                    label = _word_label("paragraphs", 0, self.paragraph, "decimal", text)
                out.append(
                    Paragraph(
                        self._bold(block.content),
                        number,
                        bold=bool(self.bold_level),
                        numbering=label,
                        anchor=paragraph_anchor(block.label) if block.label else "",
                    )
                )
            elif isinstance(block, RawList):
                self.lists += 1
                out.append(self.item_list(block, 1))
            else:  # a block the layout built already (a computed table)
                out.append(block)
        return out

    def _bold(self, content: list[Inline]) -> list[Inline]:
        if not self.bold_level:
            return content
        return [replace(c, bold=True) if isinstance(c, Text) else c for c in content]

    def paragraph_number(self, n: int | str) -> str:
        """The paragraph's number as printed ("%1" gives Word's level text)."""
        if self.rules.prefix:
            return f"{self.rules.prefix}{n}"
        return self.rules.paragraph_number.format(n=n)

    def heading(self, block: RawHeading) -> Heading:
        level = block.level
        styles = self.rules.headings
        style = styles[level - 1] if level - 1 < len(styles) else "none"
        if not block.numbered or style == "none":
            # unnumbered thematic sub-headings stay out of the contents
            return Heading(block.content, level, "", in_contents=level == 1)
        self.heading_counts[level] += 1
        for deeper in range(level + 1, len(self.heading_counts)):
            self.heading_counts[deeper] = self.rules.heading_start.get(deeper, 1) - 1
            self.heading_numbers[deeper] = ""
        n = self.heading_counts[level]
        if style == "outline":
            parent = next((x for x in reversed(self.heading_numbers[:level]) if x), "")
            bare = f"{parent}.{n}" if parent else str(n)
        else:
            try:
                bare = numeral(style, n)
            except ValueError:  # past 999 in Chinese, 3999 in Roman numerals
                raise InputError.one(
                    block.path or "narrative",
                    f"heading {n} of level {level} has no {style} numeral",
                    line=block.line,
                    hint="number these headings in another style, or split the document",
                ) from None
        self.heading_numbers[level] = bare
        self.outline = 0
        pattern = "({n})" if style in ("alpha", "arabic-letter") else self.rules.heading_number
        shown = pattern.format(n=bare)
        prefix = self.rules.heading_prefix.get(level, "")
        word = pattern.format(n=f"%{level}")
        label = _word_label("headings", level - 1, n, WORD_FORMATS.get(style), prefix + word)
        return Heading(
            block.content, level, prefix + shown, in_contents=level <= 2, numbering=label, count=n
        )

    def item_list(self, block: RawList, level: int) -> ItemList:
        items = []
        scheme = f"items-{self.lists}"
        for index, item in enumerate(block.items, start=1):
            label = None
            if block.kind == "bullet":
                marker = BULLET
                label = _word_label(scheme, level - 1, index, "bullet", BULLET)
            elif block.kind == "outline":
                self.outline += 1
                parent = next((x for x in reversed(self.heading_numbers) if x), "")
                marker = f"{parent}.{self.outline}." if parent else f"{self.outline}."
            else:
                styles = self.rules.sub_items
                style = styles[min(level, len(styles)) - 1]
                numerals, enclosed = SUB_ITEM[style]
                pattern = self.rules.sub_item if enclosed else "{n}"
                marker = pattern.format(n=numeral(numerals, index))
                fmt = SUB_ITEM_FORMATS.get(style)
                label = _word_label(scheme, level - 1, index, fmt, pattern.format(n=f"%{level}"))
            items.append(self.list_item(item, marker, level, label))
        kind = {"ordered": "alpha" if level == 1 else "sub"}.get(block.kind, block.kind)
        return ItemList(items, kind, level)

    def list_item(
        self, item: RawItem, marker: str, level: int, label: ListLabel | None = None
    ) -> ListItem:
        children: list[Block] = []
        for child in item.children:
            if isinstance(child, RawList):
                children.append(self.item_list(child, level + 1))
            elif isinstance(child, RawParagraph):
                children.append(Paragraph(self._bold(child.content), bold=bool(self.bold_level)))
            else:
                children.append(self.heading(child))
        bold = bool(self.bold_level)
        return ListItem(marker, self._bold(item.content), children, bold=bold, numbering=label)


def number_footnotes(blocks: list[Block]) -> list[Footnote]:
    """Give each numbered footnote its mark in order of first reference; returns them."""
    seen: list[Footnote] = []

    def visit_inlines(content: list[Inline]) -> None:
        for node in content:
            if isinstance(node, NoteRef):
                note = node.note
                if not note.custom and all(note is not s for s in seen):
                    seen.append(note)
                    note.mark = str(len(seen))
                    visit_inlines(note.content)
            elif isinstance(node, Link):
                visit_inlines(node.children)

    def visit(block_list: list[Block]) -> None:
        for block in block_list:
            if isinstance(block, (Heading, Paragraph)):
                visit_inlines(block.content)
            elif isinstance(block, Table):
                for part in block.parts:
                    for row in part.header + part.body:
                        for cell in row.cells:
                            visit_inlines(cell.content or [])
                for note in block.notes:
                    visit_inlines(note)
            elif isinstance(block, ItemList):
                for item in block.items:
                    visit_inlines(item.content)
                    visit(item.children)

    visit(blocks)
    return seen
