"""Inline content → runs of text for `TextBlock`: Latin text in the Latin font, Chinese
in the CJK font, bold and italic faces, raised footnote marks, link targets."""

from __future__ import annotations

import re
import unicodedata

from reportlab.lib.fonts import tt2ps

from reportgen.model import Footnote, Inline, Link, NoteRef, Text
from reportgen.writers.pdf.fontreg import PdfFonts
from reportgen.writers.pdf.shaping import ARABIC_RUN, arabic_phrases
from reportgen.writers.pdf.textblock import Run

# CJK ideographs, kana, CJK punctuation, full-width forms, enclosed ㈠
_CJK = (
    r"\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u3200-\u32ff\u3400-\u4dbf"
    r"\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"
)
_RUNS = re.compile(f"([{_CJK}]+)")

# modifier letters such as ᵃ (U+1D43): few fonts have them, so they are set as raised
# ordinary letters
_SUPERSCRIPT = re.compile("([\u1d2c-\u1d6a\u2070-\u209c])")

SUPER_RISE = 0.5  # of the font size, as reportlab's <super>
SUPER_SHRINK = 2.0  # points, at most a fifth of the size


def has_cjk(text: str) -> bool:
    return _RUNS.search(text) is not None


def superscript(size: float) -> tuple[float, float]:
    """(size, rise) of raised text in text of `size`."""
    return size - min(SUPER_SHRINK, 0.2 * size), size * SUPER_RISE


def _raised_base(ch: str) -> str | None:
    decomposition = unicodedata.decomposition(ch)
    if not decomposition.startswith("<super>"):
        return None
    return chr(int(decomposition.split()[1], 16))


_FACES: dict[tuple, str] = {}


class Runs:
    """Builds one paragraph's runs at `size`; `bold` when the style's face is bold."""

    def __init__(self, fonts: PdfFonts, cjk: bool, size: float, bold: bool = False):
        self.fonts = fonts
        self.cjk = cjk
        self.size = size
        self.bold = bold
        self.runs: list[Run] = []

    def font(self, cjk_text: bool, bold: bool, italic: bool) -> str:
        key = (self.fonts, cjk_text, bold, italic)
        if key not in _FACES:
            f = self.fonts
            if cjk_text and f.cjk:
                _FACES[key] = f.cjk_bold if bold else f.cjk
            else:
                _FACES[key] = tt2ps(f.latin, int(bold), int(italic))
        return _FACES[key]

    def text(self, text: str, bold: bool = False, italic: bool = False, url=None) -> None:
        bold = bold or self.bold
        # split() with its group alternates: Latin, Chinese, Latin, …
        for index, piece in enumerate(_RUNS.split(text)):
            if not piece:
                continue
            font = self.font(index % 2 == 1, bold, italic)
            if self.fonts.arabic and index % 2 == 0 and ARABIC_RUN.search(piece):
                self.arabic(piece, font, bold, url)
                continue
            if not _SUPERSCRIPT.search(piece):
                self.runs.append(Run(piece, font, self.size, 0.0, url))
                continue
            for part in _SUPERSCRIPT.split(piece):
                base = _raised_base(part) if len(part) == 1 else None
                if base:
                    size, rise = superscript(self.size)
                    self.runs.append(Run(base, font, size, rise, url))
                elif part:
                    self.runs.append(Run(part, font, self.size, 0.0, url))

    def arabic(self, text: str, latin: str, bold: bool, url) -> None:
        """Latin text with Arabic phrases: each phrase a run in the Arabic face (shaped
        when drawn), the rest in `latin`."""
        face = self.fonts.arabic_bold if bold else self.fonts.arabic
        for piece, arabic in arabic_phrases(text):
            self.runs.append(Run(piece, face if arabic else latin, self.size, 0.0, url))

    def note(self, note: Footnote) -> None:
        font = self.fonts.latin
        if note.custom:
            self.runs.append(Run(note.mark, font, self.size, note=note))
        else:
            size, rise = superscript(self.size)
            self.runs.append(Run(note.mark, font, size, rise, note=note))

    def inlines(self, content: list[Inline], bold: bool = False, url=None) -> Runs:
        for node in content:
            if isinstance(node, Text):
                self.text(node.text, node.bold or bold, node.italic, url)
            elif isinstance(node, NoteRef):
                self.note(node.note)
            elif isinstance(node, Link):
                self.inlines(node.children, bold, node.url)
        return self
