"""Word numbering for blocks the layout numbered: /word/numbering.xml and each
paragraph's w:numPr.

The layout's numbers are final; this module makes Word show exactly those numbers
while knowing them as a list, so an editor who inserts a paragraph sees the ones
after it renumbered. Each scheme of the model (the paragraphs, the headings, each
sub-item list) is an abstract list; paragraphs cite a w:num of it. Word's counting is
followed as the paragraphs are written: where Word would show another number than
the layout's (a list that restarts, a counter that starts elsewhere), a new w:num
starts with every level's first value set (w:startOverride), so what is shown never
differs from the PDF.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.ns import nsdecls

from reportgen.model import ListLabel
from reportgen.writers.docx.fields import attr

LEVELS = 9  # Word's levels 0–8


@dataclass(eq=False)
class _Abstract:
    """One abstract list: each level's (format, text, indent XML); levels not used
    stay decimal. The indent is the paragraph style's: LibreOffice takes a list
    level's indent (none: 0) over the style's."""

    ident: int
    levels: dict[int, tuple[str, str, str]] = field(default_factory=dict)

    def xml(self) -> str:
        out = [
            f'<w:abstractNum w:abstractNumId="{self.ident}"><w:multiLevelType w:val="multilevel"/>'
        ]
        for level in range(LEVELS):
            fmt, text, indent = self.levels.get(level, ("decimal", f"%{level + 1}.", ""))
            out.append(
                f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
                f'<w:lvlText w:val="{attr(text)}"/><w:lvlJc w:val="left"/>'
                f"{f'<w:pPr>{indent}</w:pPr>' if indent else ''}</w:lvl>"
            )
        out.append("</w:abstractNum>")
        return "".join(out)


@dataclass(eq=False)
class _Num:
    """A w:num: an abstract list with every level's first value, and Word's counters
    as they stand after the paragraphs written so far."""

    ident: int
    abstract: _Abstract
    starts: dict[int, int]
    counters: dict[int, int | None] = field(default_factory=dict)

    def shows(self, level: int) -> int:
        """The value Word gives the next paragraph at `level`."""
        current = self.counters.get(level)
        return self.starts.get(level, 1) if current is None else current + 1

    def use(self, level: int, value: int) -> None:
        self.counters[level] = value
        for deeper in range(level + 1, LEVELS):  # a level restarts its sub-levels
            self.counters[deeper] = None

    def xml(self) -> str:
        overrides = "".join(
            f'<w:lvlOverride w:ilvl="{level}"><w:startOverride w:val="{start}"/></w:lvlOverride>'
            for level, start in sorted(self.starts.items())
        )
        return (
            f'<w:num w:numId="{self.ident}"><w:abstractNumId w:val="{self.abstract.ident}"/>'
            f"{overrides}</w:num>"
        )


class NumberingPart:
    """Collects the lists while the body is written, then adds the part."""

    def __init__(self, document):
        self.document = document
        self.abstracts: list[_Abstract] = []
        self.nums: list[_Num] = []
        self.current: dict[str, _Num] = {}  # scheme → the w:num its paragraphs cite

    def num_pr(self, label: ListLabel, indent: str = "") -> str:
        """The w:numPr of a paragraph that shows `label`'s number; `indent` is its
        style's w:tabs and w:ind."""
        num = self.current.get(label.scheme)
        form = (label.format, label.text, indent)
        if num is None:
            num = self._new_num(label, _Abstract(len(self.abstracts) + 1), {})
        elif num.abstract.levels.get(label.level, form) != form:
            # the level looks different here (bullets under one item, letters under
            # another): a list of its own, that carries on the shallower counters
            levels = dict(num.abstract.levels)
            num = self._new_num(label, _Abstract(len(self.abstracts) + 1, levels), num.counters)
        elif num.shows(label.level) != label.value:
            num = self._new_num(label, num.abstract, num.counters)
        num.abstract.levels[label.level] = form
        num.use(label.level, label.value)
        return f'<w:numPr><w:ilvl w:val="{label.level}"/><w:numId w:val="{num.ident}"/></w:numPr>'

    def _new_num(self, label: ListLabel, abstract: _Abstract, counters: dict) -> _Num:
        """A w:num that continues the shallower levels' counters and shows `label`'s
        value next at its level."""
        if all(known is not abstract for known in self.abstracts):
            self.abstracts.append(abstract)
        starts = {level: 1 for level in range(LEVELS)}
        for level in range(label.level):
            if counters.get(level) is not None:
                starts[level] = counters[level] + 1
        starts[label.level] = label.value
        num = _Num(len(self.nums) + 1, abstract, starts)
        self.nums.append(num)
        self.current[label.scheme] = num
        return num

    def finish(self) -> None:
        """Add the part, if any paragraph is numbered."""
        if not self.nums:
            return
        body = "".join(a.xml() for a in self.abstracts) + "".join(n.xml() for n in self.nums)
        xml = (
            "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
            f"<w:numbering {nsdecls('w')}>{body}</w:numbering>"
        )
        part = Part(
            PackURI("/word/numbering.xml"),
            CT.WML_NUMBERING,
            xml.encode("utf-8"),
            self.document.part.package,
        )
        self.document.part.relate_to(part, RT.NUMBERING)
