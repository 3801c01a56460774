"""Inline content → reportlab paragraph markup, Latin runs in the Latin font."""

from __future__ import annotations

import re
import unicodedata
from xml.sax.saxutils import escape

from reportgen.model import Footnote, Inline, Link, NoteRef, Text
from reportgen.writers.pdf.fontreg import PdfFonts

# CJK ideographs, kana, CJK punctuation, full-width forms, enclosed ㈠
_CJK = (
    r"\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u3200-\u32ff\u3400-\u4dbf"
    r"\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"
)
_RUNS = re.compile(f"([{_CJK}]+)")


# modifier letters such as ᵃ (U+1D43): few fonts have them, so they are set as raised
# ordinary letters
_SUPERSCRIPT = re.compile("[\u1d2c-\u1d6a\u2070-\u209c]")


def _raise(match: re.Match) -> str:
    decomposition = unicodedata.decomposition(match.group())
    if not decomposition.startswith("<super>"):
        return match.group()
    base = chr(int(decomposition.split()[1], 16))
    return f"<super>{escape(base)}</super>"


class Markup:
    """Builds one paragraph's markup and remembers its footnotes and their offsets."""

    def __init__(self, fonts: PdfFonts, cjk: bool):
        self.fonts = fonts
        self.cjk = cjk
        self.parts: list[str] = []
        self.notes: list[Footnote] = []
        self.offsets: list[int] = []
        self.length = 0  # plain-text length so far

    def text(self, text: str, bold: bool = False, italic: bool = False) -> None:
        self.length += len(text)
        for run in _RUNS.split(text):
            if not run:
                continue
            is_cjk = bool(_RUNS.fullmatch(run))
            body = _SUPERSCRIPT.sub(_raise, escape(run)).replace("\n", "<br/>")
            if self.cjk and not is_cjk:
                body = f'<font name="{self.fonts.latin}">{body}</font>'
            elif not self.cjk and is_cjk and self.fonts.cjk:
                body = f'<font name="{self.fonts.cjk}">{body}</font>'
            if bold:
                body = f"<b>{body}</b>"
            if italic:
                body = f"<i>{body}</i>"
            self.parts.append(body)

    def note(self, note: Footnote) -> None:
        self.length += len(note.mark)
        self.notes.append(note)
        self.offsets.append(self.length)
        mark = escape(note.mark)
        if note.custom:
            self.parts.append(f'<font name="{self.fonts.latin}">{mark}</font>')
        else:
            self.parts.append(f'<super><font name="{self.fonts.latin}">{mark}</font></super>')

    def inlines(self, content: list[Inline], bold: bool = False) -> Markup:
        for node in content:
            if isinstance(node, Text):
                self.text(node.text, node.bold or bold, node.italic)
            elif isinstance(node, NoteRef):
                self.note(node.note)
            elif isinstance(node, Link):
                self.parts.append(f'<a href="{escape(node.url, {chr(34): "&quot;"})}">')
                self.inlines(node.children, bold)
                self.parts.append("</a>")
        return self

    def markup(self) -> str:
        return "".join(self.parts)
