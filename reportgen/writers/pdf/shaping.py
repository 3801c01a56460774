"""Right-to-left text for the PDF: Arabic shaped with HarfBuzz, lines ordered by the
Unicode bidirectional algorithm (UAX #9).

- A run of Arabic letters (with the spaces between its words) is shaped as a whole by
  HarfBuzz: contextual forms, lam-alef and other ligatures, mark positions. Its glyphs
  come back in visual order, each with the logical index of the characters it stands
  for (its cluster); a character's advance for line breaking is its cluster's advance,
  given to the cluster's first character.
- A right-to-left paragraph's characters get their embedding levels once (rules P–I of
  UAX #9, python-bidi's implementation); each line is cut into pieces of one run and one
  level, and the pieces are put in visual order by rule L2. Pieces at an odd level are
  drawn right to left: shaped glyphs as HarfBuzz ordered them, other characters
  reversed and mirrored (rule L4: "(" drawn as ")").
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

ARABIC_LETTERS = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
# Arabic letters, with the spaces and joiners between words of one phrase
ARABIC_RUN = re.compile(f"[{ARABIC_LETTERS}\u200c\u200d]+(?:[ \u00a0]+[{ARABIC_LETTERS}]+)*")
HAS_ARABIC = re.compile(f"[{ARABIC_LETTERS}]")

# characters drawn as their mirror image at an odd level (UAX #9 L4; Unicode's
# BidiMirroring.txt, the pairs found in documents)
MIRRORED = str.maketrans("()[]{}<>«»‹›", ")(][}{><»«›‹")


def arabic_phrases(text: str):
    """(piece, Arabic?) for the pieces of `text`, its Arabic phrases apart (non-empty
    pieces, in order)."""
    at = 0
    for m in ARABIC_RUN.finditer(text):
        if m.start() > at:
            yield text[at : m.start()], False
        yield m.group(), True
        at = m.end()
    if at < len(text):
        yield text[at:], False


class Glyph(NamedTuple):
    """One glyph in visual order: its id, the logical index of its cluster's first
    character, and its advance and offsets in font units."""

    gid: int
    cluster: int
    advance: int
    dx: int
    dy: int


class Shaper:
    """One face as HarfBuzz shapes it; shaped texts are kept (a document repeats its
    words), up to a bound."""

    LIMIT = 50_000

    def __init__(self, path: Path, index: int = 0):
        import uharfbuzz as hb  # imported by documents that shape, not by the others

        self.hb = hb
        self.path, self.index = path, index
        self.face = hb.Face(hb.Blob(Path(path).read_bytes()), index)
        self.font = hb.Font(self.face)
        self.upem = self.face.upem
        self._shaped: dict[str, list[Glyph]] = {}

    def shape(self, text: str) -> list[Glyph]:
        """`text` (right to left) as glyphs in visual order."""
        glyphs = self._shaped.get(text)
        if glyphs is not None:
            return glyphs
        buf = self.hb.Buffer()
        buf.add_str(text)
        buf.direction = "rtl"
        buf.script = "Arab"
        buf.language = "ar"
        self.hb.shape(self.font, buf, {})
        glyphs = [
            Glyph(info.codepoint, info.cluster, pos.x_advance, pos.x_offset, pos.y_offset)
            for info, pos in zip(buf.glyph_infos, buf.glyph_positions, strict=True)
        ]
        if len(self._shaped) < self.LIMIT:
            self._shaped[text] = glyphs
        return glyphs

    def widths(self, text: str, size: float) -> list[float]:
        """Each character's advance at `size`: its cluster's, on the cluster's first
        character, nothing on the others."""
        out = [0.0] * len(text)
        scale = size / self.upem
        for g in self.shape(text):
            out[g.cluster] += g.advance * scale
        return out


SHAPERS: dict[str, Shaper] = {}  # registered font name → its shaper
LATIN_OF: dict[str, str] = {}  # a shaped face → the face its other characters are set in
FILES: dict = {}  # registered TrueType name → its FontFile (a mirrored bracket is set by glyph)


def levels(text: str, rtl: bool = True) -> list[int]:
    """The embedding level of each character of a paragraph (UAX #9 up to rule I2),
    its base direction right to left unless `rtl` is false."""
    from bidi import algorithm as uax9

    storage = uax9.get_empty_storage()
    storage["base_level"] = 1 if rtl else 0
    storage["base_dir"] = "R" if rtl else "L"
    uax9.get_embedding_levels(text, storage)
    uax9.explicit_embed_and_overrides(storage)
    uax9.resolve_weak_types(storage)
    uax9.resolve_neutral_types(storage, False)
    uax9.resolve_implicit_levels(storage, False)
    return [c["level"] for c in storage["chars"]]


def visual_order(pieces: list, level_of) -> list:
    """`pieces` of a line (logical order) in visual order, by UAX #9 rule L2: from the
    highest level down to the lowest odd one, every sequence of pieces at that level
    or above is reversed."""
    if not pieces:
        return pieces
    order = list(pieces)
    found = [level_of(p) for p in order]
    top = max(found)
    lowest_odd = min(v for v in found if v % 2) if any(v % 2 for v in found) else top + 1
    for level in range(top, lowest_odd - 1, -1):
        i = 0
        while i < len(order):
            if level_of(order[i]) >= level:
                j = i
                while j < len(order) and level_of(order[j]) >= level:
                    j += 1
                order[i:j] = order[i:j][::-1]
                i = j
            else:
                i += 1
    return order
