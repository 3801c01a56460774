"""Soft hyphens (U+00AD) at the hyphenation points of long words in table heads.

Narrow figure columns head their figures with words such as "appropriation" that do
not fit a line; broken between any two letters they read "appropriatio / n". The
layout marks where such words may break (pyphen's patterns for the document's
language) with soft hyphens, which are then plain characters of the model's final
text: the PDF writer breaks a line there and draws a hyphen, or draws nothing.

Only languages written with spaces between words are hyphenated (not Chinese); only
words of letters alone, at least `MIN_LETTERS` long and not in capitals (acronyms);
numbers, symbols and Chinese text are left alone. A word a drafter already marked
with soft hyphens keeps them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from reportgen.model import Block, Cell, ItemList, Table, Text

SOFT_HYPHEN = "\u00ad"
MIN_LETTERS = 7
LEFT, RIGHT = 2, 3  # letters at least before and after a break (TeX's English minimums)
CJK_FROM = 0x2E80  # ideographs, kana, CJK punctuation, full-width forms, Hangul

# a run of letters, not touching another word character or a soft hyphen
_WORD = re.compile(rf"(?<![\w{SOFT_HYPHEN}])[^\W\d_]{{{MIN_LETTERS},}}(?![\w{SOFT_HYPHEN}])")
# pyphen's name of a language's dictionary where the BCP 47 code alone does not find it
_DICTIONARIES = {"en": "en_GB"}
FORMAT = f"1|{LEFT},{RIGHT},{MIN_LETTERS}"  # part of the key of remembered hyphenations


@cache
def dictionary(language: str):
    """pyphen's patterns for a BCP 47 code ("en-GB", "fr", "ru-RU"), loaded once a
    process; None for a language pyphen has none for."""
    import pyphen

    code = language.replace("-", "_")
    name = _DICTIONARIES.get(code) or pyphen.language_fallback(code)
    return pyphen.Pyphen(lang=name, left=LEFT, right=RIGHT) if name else None


def _eligible(word: str) -> bool:
    return not word.isupper() and all(ord(c) < CJK_FROM for c in word)


def words(text: str) -> list[str]:
    """The words of `text` that hyphenation applies to."""
    return [w for w in _WORD.findall(text) if _eligible(w)]


def hyphenate(text: str, language: str) -> str:
    """`text` with a soft hyphen at every hyphenation point of its long words."""
    pyphen = dictionary(language)
    if pyphen is None:
        return text
    forms = {w: pyphen.inserted(w, SOFT_HYPHEN) for w in words(text)}
    return _replace(text, forms) if forms else text


def _replace(text: str, forms: dict[str, str]) -> str:
    return _WORD.sub(lambda m: forms.get(m.group(), m.group()), text)


def _forms(found: Iterable[str], language: str) -> dict[str, str]:
    """Each word hyphenated, as remembered for the same words (reportgen's cache, folder
    `hyphenation`): a document whose heads have not changed loads no patterns."""
    from reportgen import cache as kept

    unique = sorted(set(found))
    if not unique:
        return {}

    def make() -> dict[str, str]:
        pyphen = dictionary(language)
        return {w: pyphen.inserted(w, SOFT_HYPHEN) for w in unique} if pyphen else {}

    key = f"{FORMAT}|{language}|{kept.installed('pyphen')}\0" + "\n".join(unique)
    return kept.remembered("hyphenation", key, make)


def hyphenate_table_heads(blocks: list[Block], language: str, cjk: bool) -> None:
    """Soft hyphens in the long words of every table's header cells (changed in place);
    nothing for a language written without spaces (`cjk`)."""
    if cjk:
        return
    cells: list[Cell] = [
        cell
        for table in _tables(blocks)
        for part in table.parts
        for row in part.header
        for cell in row.cells
    ]
    texts = [t for cell in cells for t in _texts(cell)]
    forms = _forms((w for text in texts for w in words(text)), language)
    if not forms:
        return
    for cell in cells:
        cell.text = _replace(cell.text, forms)
        for node in cell.content or ():
            if isinstance(node, Text):
                node.text = _replace(node.text, forms)


def _tables(blocks: list[Block]) -> Iterable[Table]:
    for block in blocks:
        if isinstance(block, Table):
            yield block
        elif isinstance(block, ItemList):
            for item in block.items:
                yield from _tables(item.children)


def _texts(cell: Cell) -> list[str]:
    content = [n.text for n in cell.content or () if isinstance(n, Text)]
    return [cell.text, *content]
