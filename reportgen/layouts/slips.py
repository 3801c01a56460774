"""Warnings for a drafter's slips that still build: numbers typed by hand where the
generator adds them, and footnotes defined but never cited."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from reportgen.errors import Problem
from reportgen.markup import RawBlock, RawHeading, RawList, RawParagraph
from reportgen.model import Footnote, Inline, Text
from reportgen.warnings import warn

# a heading numeral typed before the title: 一. 一、 I. A. 1. 1.2. (a)
_CJK = "一二三四五六七八九十百零〇"
TYPED_HEADING = re.compile(
    rf"^\s*([{_CJK}]+[.．、]|（[{_CJK}]+）|(?:[IVXLC]+|[A-Z]|\d+(?:\.\d+)*)\.(?=\s)|\([a-z]\)(?=\s))"
)
# a paragraph number typed before the text (`70．`; `70. ` itself is read as a list)
TYPED_PARAGRAPH = re.compile(r"^\s*(\d+(?:\.\d+)*[.．])(?!\d)")


def _plain(content: list[Inline]) -> str:
    return "".join(c.text for c in content if isinstance(c, Text))


def typed_numbers(blocks: Iterable[RawBlock], paragraphs_numbered: bool) -> None:
    """Warn where a numbered heading or paragraph starts with the numeral the
    generator adds ("一. 一. 导言"), or a typed "70. …" made a one-item list."""
    for block in blocks:
        if isinstance(block, RawHeading) and block.numbered:
            typed = TYPED_HEADING.match(_plain(block.content))
            if typed:
                _warn(block.path, block.line, "heading", typed.group(1), "headings")
        elif isinstance(block, RawParagraph) and block.numbered and paragraphs_numbered:
            typed = TYPED_PARAGRAPH.match(_plain(block.content))
            if typed:
                _warn(block.path, block.line, "paragraph", typed.group(1), "paragraphs")
        elif isinstance(block, RawList) and block.kind == "ordered" and block.start != 1:
            if paragraphs_numbered:
                typed = f"{block.start}."
                _warn(block.path, block.line, "paragraph", typed, "paragraphs", ", read as a list")


def _warn(path: Path | None, line: int, what: str, typed: str, kind: str, extra: str = "") -> None:
    message = f"{what} starts with a number typed by hand, `{typed}`{extra}"
    hint = f"remove '{typed}': {kind} are numbered for you"
    warn(str(Problem(path or "?", message, line=line, hint=hint)))


def unused_footnotes(
    notes: dict[str, Footnote], defined_at: dict[str, tuple[Path, int]], cited: list[Footnote]
) -> None:
    """Warn for each footnote defined in a narrative file that nothing cites."""
    used = {id(note) for note in cited}
    for label, note in notes.items():
        if id(note) not in used and label in defined_at:
            path, line = defined_at[label]
            message = f"footnote [^{label}] is defined but never cited"
            hint = f"cite it with [^{label}] where it belongs, or delete it"
            warn(str(Problem(path, message, line=line, hint=hint)))
