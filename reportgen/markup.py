"""Narrative Markdown → raw blocks (not yet numbered), with source lines for errors.

Syntax (docs/input-format.md): headings `#`…`####` with ` {-}` to leave one
unnumbered; paragraphs, `{-} ` in front to leave one unnumbered; ordered lists are
sub-items, `{.outline}` before one numbers it under its heading; `-` bullets;
`(@)` inline sub-items; footnotes `[^name]`; `[E/2016/75](undocs)` symbol links.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from reportgen import cache
from reportgen.errors import InputError, Problem
from reportgen.inputs.limits import UNPRINTABLE, unprintable
from reportgen.model import Footnote, Inline, Link, NoteRef, Text, plain_text
from reportgen.numerals import numeral

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

UNNUMBERED = "{-}"
OUTLINE = "{.outline}"
SYMBOL_LINK = "undocs"


@dataclass
class RawHeading:
    level: int
    content: list[Inline]
    numbered: bool
    line: int
    classes: tuple[str, ...] = ()
    path: Path | None = None


@dataclass
class RawParagraph:
    content: list[Inline]
    numbered: bool
    line: int
    label: str = ""  # from `{label name}` at the start: `{ref para name}` prints its number
    path: Path | None = None


@dataclass
class RawItem:
    content: list[Inline]
    children: list[RawBlock] = field(default_factory=list)


@dataclass
class RawList:
    kind: str  # ordered | bullet | outline
    items: list[RawItem]
    line: int
    path: Path | None = None
    start: int = 1  # the number typed before the first item (`70.` reads as a list too)


@dataclass
class RawTable:
    """`{table NAME ARGS}` or `{figure KEY}` alone in a paragraph: built by the layout."""

    name: str
    args: tuple[str, ...]
    options: dict[str, str]
    line: int
    kind: str = "table"  # table | figure
    path: Path | None = None

    @property
    def key(self) -> str:
        words = (self.name, *self.args)
        return " ".join(("figure", *words) if self.kind == "figure" else words)


RawBlock = RawHeading | RawParagraph | RawList | RawTable
TABLE_DIRECTIVE = re.compile(r"^\{(table|figure)\s+([\w-]+)((?:\s+[^\s{}]+)*)\s*\}$")
LABEL = re.compile(r"^\{label\s+([\w.-]+)\}\s*")


def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt
    from mdit_py_plugins.footnote import footnote_plugin

    md = MarkdownIt("commonmark").use(footnote_plugin)
    md.disable(["html_block", "html_inline", "code", "fence"])
    return md


_MD = None


def _is_cjk(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in ("W", "F")


ITEMS = ("({n})", "alpha")  # inline sub-items: their pattern and numerals, (a) (b) …


class _Converter:
    def __init__(
        self, path: Path, symbol_link: str, line_offset: int = 0, items: tuple[str, str] = ITEMS
    ):
        self.path = path
        self.symbol_link = symbol_link
        self.inline_items = items
        self.offset = line_offset
        self.notes: dict[str, Footnote] = {}
        self.problems: list[Problem] = []

    # -- inline ---------------------------------------------------------------
    def inline(self, token: Token, line: int) -> list[Inline]:
        out: list[Inline] = []
        bold = italic = False
        link_stack: list[tuple[str, list[Inline]]] = []
        target = out

        def add(node: Inline) -> None:
            target.append(node)

        for child in token.children or []:
            kind = child.type
            if kind == "text" or kind == "code_inline":
                text = child.content
                bad = unprintable(text)
                if bad:
                    self.problems.append(
                        Problem(
                            self.path,
                            f"control character U+{ord(bad.group()):04X} in text",
                            line=line,
                            hint="delete it; the output formats cannot hold it",
                        )
                    )
                    text = UNPRINTABLE.sub("", text)
                if "[^" in text:
                    name = re.search(r"\[\^([^\]]*)\]", text)
                    self.problems.append(
                        Problem(
                            self.path,
                            f"footnote [^{name.group(1) if name else ''}] has no definition",
                            line=line,
                            hint="add a line `[^name]: footnote text.`",
                        )
                    )
                add(Text(text, bold, italic))
            elif kind == "softbreak":
                add(Text("\u0000soft", bold, italic))
            elif kind == "hardbreak":
                add(Text("\n", bold, italic))
            elif kind == "strong_open":
                bold = True
            elif kind == "strong_close":
                bold = False
            elif kind == "em_open":
                italic = True
            elif kind == "em_close":
                italic = False
            elif kind == "link_open":
                href = str(child.attrs.get("href", ""))
                link_stack.append((href, target))
                target = []
            elif kind == "link_close":
                href, parent = link_stack.pop()
                children = target
                target = parent
                if href == SYMBOL_LINK:
                    symbol = "".join(c.text for c in children if isinstance(c, Text))
                    # a joint symbol (E/CN.7/2021/11-E/CN.15/2021/18) links to its first part
                    first = re.split(r"[-–](?=[A-Z]+/)", symbol)[0].strip()
                    href = self.symbol_link.format(symbol=first)
                add(Link(children, href))
            elif kind == "footnote_ref":
                label = child.meta.get("label", str(child.meta.get("id")))
                note = self.notes.setdefault(label, Footnote([]))
                add(NoteRef(note))
            elif kind == "image":
                self.problems.append(
                    Problem(
                        self.path,
                        "images are not supported in the narrative",
                        line=line,
                    )
                )
        return _join_soft_breaks(out)

    # -- blocks ---------------------------------------------------------------
    def blocks(self, tokens: list[Token], start: int, stop: int) -> list[RawBlock]:
        out: list[RawBlock] = []
        i = start
        outline_next = False
        while i < stop:
            tok = tokens[i]
            line = (tok.map[0] + 1 + self.offset) if tok.map else self.offset + 1
            if tok.type == "heading_open":
                level = int(tok.tag[1])
                content = self.inline(tokens[i + 1], line)
                classes = _heading_attributes(content)
                numbered = "unnumbered" not in classes
                out.append(RawHeading(level, content, numbered, line, classes, self.path))
                i += 3
            elif tok.type == "paragraph_open":
                content = self.inline(tokens[i + 1], line)
                if plain_text(content).strip() == OUTLINE:
                    outline_next = True
                    i += 3
                    continue
                directive = TABLE_DIRECTIVE.match(plain_text(content).strip())
                if directive and len(content) == 1:
                    words = directive.group(3).split()
                    args = tuple(w for w in words if "=" not in w)
                    options = dict(w.split("=", 1) for w in words if "=" in w)
                    out.append(
                        RawTable(
                            directive.group(2),
                            args,
                            options,
                            line,
                            kind=directive.group(1),
                            path=self.path,
                        )
                    )
                    i += 3
                    continue
                label = _strip_label(content)
                numbered = not _strip_marker(content, UNNUMBERED, at_end=False)
                _letter_inline_items(content, self.inline_items)
                out.append(RawParagraph(content, numbered, line, label, self.path))
                i += 3
            elif tok.type in ("ordered_list_open", "bullet_list_open"):
                end = _closing(tokens, i)
                kind = (
                    "bullet"
                    if tok.type == "bullet_list_open"
                    else ("outline" if outline_next else "ordered")
                )
                outline_next = False
                start = int(tok.attrs.get("start", 1)) if kind != "bullet" else 1
                items = self.items(tokens, i + 1, end)
                out.append(RawList(kind, items, line, self.path, start))
                i = end + 1
            elif tok.type == "footnote_block_open":
                i = self.footnotes(tokens, i + 1)
            elif tok.type == "hr":
                i += 1
            else:
                self.problems.append(
                    Problem(
                        self.path,
                        f"unsupported Markdown ({tok.type})",
                        line=line,
                        hint="use headings, paragraphs, lists, footnotes and links",
                    )
                )
                i = _closing(tokens, i) + 1 if tok.nesting == 1 else i + 1
        return out

    def items(self, tokens: list[Token], start: int, stop: int) -> list[RawItem]:
        items = []
        i = start
        while i < stop:
            if tokens[i].type == "list_item_open":
                end = _closing(tokens, i)
                blocks = self.blocks(tokens, i + 1, end)
                content: list[Inline] = []
                children: list[RawBlock] = []
                for b in blocks:
                    if isinstance(b, RawParagraph) and not content and not children:
                        content = b.content
                    else:
                        children.append(b)
                items.append(RawItem(content, children))
                i = end + 1
            else:
                i += 1
        return items

    def footnotes(self, tokens: list[Token], i: int) -> int:
        while tokens[i].type != "footnote_block_close":
            tok = tokens[i]
            if tok.type == "footnote_open":
                label = tok.meta.get("label", str(tok.meta.get("id")))
                end = _closing(tokens, i)
                content: list[Inline] = []
                for j in range(i + 1, end):
                    if tokens[j].type == "inline":
                        line = (tokens[j].map[0] + 1 + self.offset) if tokens[j].map else None
                        if content:
                            content.append(Text("\n"))
                        content.extend(self.inline(tokens[j], line or 0))
                note = self.notes.setdefault(label, Footnote([]))
                note.content = content
                i = end + 1
            else:
                i += 1
        return i + 1


def _closing(tokens: list[Token], i: int) -> int:
    depth = 0
    for j in range(i, len(tokens)):
        depth += tokens[j].nesting
        if depth == 0:
            return j
    return len(tokens) - 1


def _strip_marker(content: list[Inline], marker: str, at_end: bool) -> bool:
    """Remove a `{-}` marker from the start (or end) of the text; True if found."""
    texts = [c for c in content if isinstance(c, Text)]
    if not texts:
        return False
    node = texts[-1] if at_end else texts[0]
    stripped = node.text.rstrip() if at_end else node.text.lstrip()
    if at_end and stripped.endswith(marker):
        node.text = stripped[: -len(marker)].rstrip()
        return True
    if not at_end and stripped.startswith(marker):
        node.text = stripped[len(marker) :].lstrip()
        return True
    return False


_ATTRS = re.compile(r"\s*\{([^{}]*)\}\s*$")


def _heading_attributes(content: list[Inline]) -> tuple[str, ...]:
    """Trailing `{-}` or `{.unnumbered .recommendations}` on a heading, removed from its text."""
    if not content or not isinstance(content[-1], Text):
        return ()
    found = _ATTRS.search(content[-1].text)
    if not found:
        return ()
    content[-1].text = content[-1].text[: found.start()]
    names = []
    for word in found.group(1).split():
        names.append("unnumbered" if word in ("-", ".unnumbered") else word.lstrip("."))
    return tuple(names)


def _strip_label(content: list[Inline]) -> str:
    """`{label name}` at the start of a paragraph: its label, removed from the text."""
    if content and isinstance(content[0], Text):
        found = LABEL.match(content[0].text)
        if found:
            content[0].text = content[0].text[found.end() :]
            return found.group(1)
    return ""


def _letter_inline_items(content: list[Inline], items: tuple[str, str] = ITEMS) -> None:
    """`(@)` → (a), (b), (c) … in order within one paragraph, in the language's pattern
    and numerals (a), b), (أ) …)."""
    count = 0
    pattern, numerals = items

    def repl(_: re.Match) -> str:
        nonlocal count
        count += 1
        return pattern.format(n=numeral(numerals, count))

    for node in content:
        if isinstance(node, Text) and "(@)" in node.text:
            node.text = re.sub(r"\(@\)", repl, node.text)


def _join_soft_breaks(content: list[Inline]) -> list[Inline]:
    """A line break in the source joins with nothing between CJK characters, else a space."""
    out: list[Inline] = []
    for idx, node in enumerate(content):
        if isinstance(node, Text) and node.text == "\u0000soft":
            before = plain_text(out)[-1:] if out else ""
            after = plain_text(content[idx + 1 :])[:1]
            joiner = "" if (before and _is_cjk(before)) or (after and _is_cjk(after)) else " "
            if out and isinstance(out[-1], Text):
                out[-1] = Text(out[-1].text + joiner, out[-1].bold, out[-1].italic)
            elif joiner:
                out.append(Text(joiner))
            continue
        if (
            out
            and isinstance(node, Text)
            and isinstance(out[-1], Text)
            and (out[-1].bold, out[-1].italic) == (node.bold, node.italic)
        ):
            out[-1] = Text(out[-1].text + node.text, node.bold, node.italic)
        else:
            out.append(node)
    return out


_COMMENT = re.compile(r"<!--.*?-->", re.S)


def strip_comments(source: str) -> str:
    """Drop `<!-- … -->` notes to the drafter, keeping line numbers unchanged."""
    return _COMMENT.sub(lambda m: "\n" * m.group().count("\n"), source)


@dataclass
class Parsed:
    blocks: list[RawBlock]
    notes: dict[str, Footnote]
    defined_at: dict[str, tuple[Path, int]] = field(default_factory=dict)  # file, line


CACHE_FORMAT = "1"
PARSED_KEPT = 2048  # a budget section's body files and its front matter are a dozen


def remembered(what: str, source: str, make, *args):
    """`make(*args)` for Markdown `source`, parsed once and kept in reportgen's cache
    (folder `markup`): parsing a budget section's narrative costs more than reading the
    result back, and a drafter's edit changes one file. The key is the text, `what`
    (its file, link style and line), reportgen's own files (the converter and the
    model's classes) and the Markdown parser's installed files."""
    parser = cache.installed("markdown_it", "mdit_py_plugins")
    key = f"{CACHE_FORMAT}|{cache.reportgen_files()}|{parser}|{what}\0{source}"
    return cache.remembered("markup", key, lambda: make(*args), keep=PARSED_KEPT)


def parse(
    source: str, path: Path, symbol_link: str, line_offset: int = 0, items: tuple = ITEMS
) -> Parsed:
    """Parse narrative Markdown; all problems in it are reported together."""
    what = f"{path}|{symbol_link}|{line_offset}|{items}"
    return remembered(what, source, parse_now, source, path, symbol_link, line_offset, items)


def parse_now(
    source: str, path: Path, symbol_link: str, line_offset: int = 0, items: tuple = ITEMS
) -> Parsed:
    """`parse` without the cache."""
    global _MD
    if _MD is None:
        _MD = _parser()
    env: dict = {}
    tokens = _MD.parse(strip_comments(source), env)
    conv = _Converter(path, symbol_link, line_offset, tuple(items))
    blocks = conv.blocks(tokens, 0, len(tokens))
    for label, note in conv.notes.items():
        if not note.content:
            conv.problems.append(Problem(path, f"footnote [^{label}] has no text"))
    if conv.problems:
        raise InputError(conv.problems)
    return Parsed(blocks, conv.notes)
