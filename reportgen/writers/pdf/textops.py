"""PDF text operators written directly into a canvas's page stream.

reportlab's TextObject formats every number through a general routine and looks the
font up again for every piece of text; a paragraph here is one text object whose
operators are joined once. Faces set in Chinese are embedded as one Type 0 font each
(`cidfont`); other TrueType fonts through reportlab's subsets of 256 characters; the
standard and CID fallback fonts through reportlab's own encoders.
"""

from __future__ import annotations

from contextlib import contextmanager
from itertools import groupby
from operator import itemgetter

from reportlab.pdfbase.pdfmetrics import getFont, unicode2T1

from reportgen.writers.pdf.cidfont import CidFont
from reportgen.writers.pdf.glyphfont import GlyphFont
from reportgen.writers.pdf.glyphs import NBSP, lacking
from reportgen.writers.pdf.shaping import FILES, MIRRORED, SHAPERS, Glyph

SOFT_HYPHEN = "\u00ad"  # where a line may break (textblock); never drawn itself
WIDE_FONTS: set[str] = set()  # TrueType fonts registered for Chinese: Type 0 fonts here

# a PDF string's bytes: printable ASCII as itself (backslash and parentheses escaped),
# the others in octal
_ESCAPES = {
    i: ("\\" + chr(i) if chr(i) in "\\()" else chr(i)) if 32 <= i < 127 else f"\\{i:03o}"
    for i in range(256)
}
_ESCAPES = {i: text for i, text in _ESCAPES.items() if text != chr(i)}
_numbers: dict[float, str] = {}


def escape(data: bytes) -> str:
    return data.decode("latin-1").translate(_ESCAPES)


def num(value: float) -> str:
    """A PDF number: at most three decimals, no trailing zeros."""
    try:
        return _numbers[value]
    except KeyError:
        text = f"{value:.3f}".rstrip("0")
        text = text[:-1] if text.endswith(".") else text
        if len(_numbers) < 10_000:  # sizes, leadings and indents recur
            _numbers[value] = text
        return text


class TextOps:
    """One BT … ET text object, positioned with relative line moves (Td) as readers
    expect, so text extraction keeps a hanging number on its line."""

    def __init__(self, canv, x: float, y: float):
        self.canv = canv
        self.doc = canv._doc
        self.ops = [f"BT 1 0 0 1 {num(x)} {num(y)} Tm"]
        self.x, self.y = x, y  # start of the current line
        self.face: tuple | None = None  # (pdf font name, size) in force
        self.tagged = False  # inside a marked-content sequence
        self.spacing = {"Tc": 0.0, "Tw": 0.0, "Ts": 0.0}
        # per document: (font, subset) → the subset's PDF font name, and
        # font → character → (subset, the character's code as a PDF string)
        self.subset_names: dict = canv.__dict__.setdefault("_rg_subset_names", {})
        self.codes: dict = canv.__dict__.setdefault("_rg_codes", {})
        self.cid_fonts: dict[str, CidFont] = canv.__dict__.setdefault("_rg_cid_fonts", {})
        self.glyph_fonts: dict[str, GlyphFont] = canv.__dict__.setdefault("_rg_glyph_fonts", {})

    # -- tagging (see tags.py): marked content inside the text object ---------------
    def begin(self, elem) -> None:
        """Start content of structure element `elem` (no-op in an untagged document)."""
        tagger = self.canv.__dict__.get("_rg_tags")
        if tagger is not None and elem is not None:
            self.ops.append(tagger.bdc(elem))
            self.tagged = True

    def end(self) -> None:
        if self.tagged:
            self.ops.append("EMC")
            self.tagged = False

    @contextmanager
    def marked(self, elem):
        self.begin(elem)
        yield
        self.end()

    @contextmanager
    def artifact(self):
        tagged = self.canv.__dict__.get("_rg_tags") is not None
        if tagged:
            self.ops.append("/Artifact BMC")
        yield
        if tagged:
            self.ops.append("EMC")

    def line(self, x: float, y: float) -> None:
        """Start a new line at (x, y)."""
        if (x, y) == (self.x, self.y):
            return
        self.ops.append(f"{num(x - self.x)} {num(y - self.y)} Td")
        self.x, self.y = x, y

    def set(self, op: str, value: float) -> None:
        """Character spacing (Tc), word spacing (Tw) or rise (Ts)."""
        if self.spacing[op] != value:
            self.spacing[op] = value
            self.ops.append(f"{num(value)} {op}")

    def _face(self, pdf_name: str, size: float) -> None:
        if self.face != (pdf_name, size):
            self.face = (pdf_name, size)
            self.ops.append(f"{pdf_name} {num(size)} Tf")

    def show(self, text: str, font_name: str, size: float) -> None:
        if SOFT_HYPHEN in text:  # a place a line may break: never drawn (see textblock)
            text = text.replace(SOFT_HYPHEN, "")
            if not text:
                return
        if font_name in WIDE_FONTS:
            self._show_wide(text, font_name, size)
            return
        if font_name in SHAPERS:
            self.show_shaped(text, font_name, size)
            return
        font = getFont(font_name)
        if font._dynamicFont:  # embedded TrueType: one font object per subset of 256 glyphs
            names = self.subset_names
            ops = self.ops
            for subset, codes in groupby(self._codes(font, font_name, text), itemgetter(0)):
                key = (font_name, subset)
                name = names.get(key) or names.setdefault(
                    key, font.getSubsetInternalName(subset, self.doc)
                )
                self._face(name, size)
                ops.append(f"({''.join(map(itemgetter(1), codes))}) Tj")
        elif hasattr(font, "formatForPdf"):  # CID font (the STSong-Light fallback)
            self._face(self.doc.getInternalFontName(font_name), size)
            self.ops.append(f"({font.formatForPdf(text)}) Tj")
        else:  # a standard Type 1 font, with its substitutes for missing characters
            for face, chunk in unicode2T1(text, [font, *font.substitutionFonts]):
                self._face(self.doc.getInternalFontName(face.fontName), size)
                self.ops.append(f"({escape(chunk)}) Tj")

    def _show_wide(self, text: str, font_name: str, size: float) -> None:
        cid = self.cid_fonts.get(font_name)
        if cid is None:
            cid = CidFont(getFont(font_name), f"RGC{len(self.cid_fonts) + 1}")
            self.cid_fonts[font_name] = cid
            self.doc.delayedFonts.append(cid)
        self._face(f"/{cid.name}", size)
        word_spacing = self.spacing["Tw"]
        if word_spacing and " " in text:
            # Tw stretches single-byte spaces only: move after each space instead
            gap = f" {num(-1000 * word_spacing / size)} <{cid.encode(' ')}> "
            words = gap.join(f"<{cid.encode(w)}>" for w in text.split(" "))
            self.ops.append(f"[{words}] TJ")
        else:
            self.ops.append(f"<{cid.encode(text)}> Tj")

    def show_shaped(self, text: str, font_name: str, size: float, space: float = 0.0) -> None:
        """Arabic text, shaped, its glyphs drawn left to right as HarfBuzz ordered them
        (visual order, as text extraction expects of right-to-left text: each glyph's
        ToUnicode entry gives its characters). `space` widens each space (a justified
        line)."""
        shaper = SHAPERS[font_name]
        font = self._glyph_font(font_name, shaper.path, shaper.index)
        self._face(f"/{font.name}", size)
        self.ops.extend(
            font.show(shaper.shape(text), text, shaper.upem, size, self.spacing["Ts"], space)
        )

    def _glyph_font(self, font_name: str, path, index: int) -> GlyphFont:
        """The face `font_name` as a font whose codes name glyphs (one a document)."""
        font = self.glyph_fonts.get(font_name)
        if font is None:
            name = f"RGA{len(self.glyph_fonts) + 1}"
            font = GlyphFont(getFont(font_name), path, index, name)
            self.glyph_fonts[font_name] = font
            self.doc.delayedFonts.append(font)
        return font

    def show_reversed(self, text: str, font_name: str, size: float, space: float = 0.0) -> None:
        """Text of a right-to-left piece that is not shaped (spaces, punctuation, a
        bracket): drawn reversed and mirrored, in visual order as shaped text is. A
        mirrored bracket is drawn by glyph, its ToUnicode entry the bracket written, so
        "(" drawn as ")" is still copied as "(". `space` widens its spaces."""
        drawn = text[::-1].translate(MIRRORED)
        file = FILES.get(font_name)
        if file is None or drawn == text[::-1]:
            self.show(drawn, font_name, size)
            return
        face = getFont(font_name).face
        font = self._glyph_font(font_name, file.path, file.index)
        glyphs = []
        for k, c in enumerate(drawn):
            gid = face.charToGlyph.get(ord(c), 0)
            glyphs.append(Glyph(gid, k, face.hmetrics[gid][0], 0, 0))
        self._face(f"/{font.name}", size)
        upem = face.unitsPerEm
        rise = self.spacing["Ts"]
        self.ops.extend(font.show(glyphs, text[::-1], upem, size, rise, space))

    def _codes(self, font, font_name: str, text: str) -> list[tuple[int, str]]:
        """Each character's subset and code; a character new to the document is given
        its code by reportlab in order of appearance, as reportlab itself would."""
        table = self.codes.setdefault(font_name, {})
        try:
            return [table[c] for c in text]
        except KeyError:
            for c in text:
                if c not in table:
                    if ord(c) not in font.face.charToGlyph and c != NBSP:  # NBSP: a space
                        lacking(c, text)
                    ((subset, code),) = font.splitString(c, self.doc)
                    table[c] = (subset, escape(code))
            return [table[c] for c in text]

    def close(self) -> None:
        """End the text object (spacing back to nil) and add it to the page."""
        self.end()
        for op in self.spacing:
            self.set(op, 0.0)
        self.ops.append("ET")
        self.canv._code.append(" ".join(self.ops))
