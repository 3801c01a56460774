"""A shaped face (Arabic) embedded as one Type 0 font whose codes name glyphs.

Shaping turns characters into glyphs that no character map reaches (final, medial
and initial forms, ligatures), so codes here are given to glyph ids, in order of first
use. The ToUnicode map gives each code the characters its glyph was shaped from (a
lam-alef ligature: both letters), so what a reader copies is the original text, not
presentation forms; the glyphs of a right-to-left run are drawn in visual order, which
text extraction turns back into logical order, as it does for other PDFs (so a
ligature's letters are given in visual order too).

The font program is a subset made by fontTools: the glyphs used and the parts of
composite glyphs, without the layout tables (the text is shaped already). The objects
are those of PDF 1.7 §9.7, as `cidfont` writes them.
"""

from __future__ import annotations

import hashlib
import io
import logging
from array import array

from reportgen.writers.pdf.cidfont import embed_type0
from reportgen.writers.pdf.glyphs import NBSP
from reportgen.writers.pdf.shaping import Glyph

ZWJ = "\u200d"  # what a face's extra glyph in a cluster stands for
_DROPPED = ["GSUB", "GPOS", "GDEF", "BASE", "JSTF", "kern", "DSIG", "meta", "STAT"]


class GlyphFont:
    """One shaped face as the document's Type 0 font `name` (a resource name)."""

    def __init__(self, font, path, index: int, name: str):
        self.font = font  # reportlab's TTFont: the descriptor's metrics
        self.path, self.index = path, index
        self.name = name
        # (glyph id, the characters it stands for) → its code as four hex digits: one
        # glyph may stand for different characters (a bracket drawn mirrored)
        self.codes: dict[tuple[int, str], str] = {}
        self.gids: list[int] = []  # code − 1 → glyph id
        self.texts: list[str] = []  # code − 1 → the characters it was shaped from

    def encode(self, gid: int, text: str) -> str:
        code = self.codes.get((gid, text))
        if code is None:
            if len(self.gids) >= 0xFFFF:
                raise ValueError(f"more than 65535 glyphs in one font ({self.name})")
            self.gids.append(gid)
            self.texts.append(text or "\ufffd")
            code = self.codes[gid, text] = f"{len(self.gids):04X}"
        return code

    def show(
        self,
        glyphs: list[Glyph],
        text: str,
        upem: int,
        size: float,
        rise: float,
        space: float,
    ) -> list[str]:
        """Text operators drawing `glyphs` (shaped from `text`, in visual order) from the
        current point, each placed at its offset and advance by the numbers of a TJ
        array (in visual order: readers reverse right-to-left text back). A glyph
        raised or lowered by mark positioning gets a rise (Ts) of its own, `rise` being
        the run's; `space` widens each space (justified lines), in points."""
        scale = 1000 / upem  # font units → thousandths of the size
        widths = self.font.face.hmetrics
        ends = _cluster_ends(glyphs, len(text))
        # what each glyph stands for: its cluster's characters, on the cluster's first
        # glyph in reading order (the rightmost); a cluster's other glyphs (a kashida
        # the face adds) stand for a zero-width joiner, so no letter is copied twice. A
        # ligature of several letters (يع, لأ) is named by them in visual order: a
        # reader turns right-to-left text back, this glyph's letters with it.
        names: list[str] = [ZWJ] * len(glyphs)
        named: set[int] = set()
        for n in range(len(glyphs) - 1, -1, -1):
            cluster = glyphs[n].cluster
            if cluster not in named:
                named.add(cluster)
                chars = text[cluster : ends[cluster]]
                names[n] = chars[::-1] if len(chars) > 1 else chars
        placed = []  # (x in thousandths, glyph, its characters)
        pen = 0.0
        for g, chars in zip(glyphs, names, strict=True):
            placed.append((pen + g.dx * scale, g, chars))
            pen += g.advance * scale
            if space and chars in (" ", NBSP):
                pen += space * 1000 / size
        ops: list[str] = []
        parts: list[str] = []
        dy = 0
        at = 0.0  # where the text position is, in thousandths
        for x, g, chars in placed:
            if g.dy != dy:
                if parts:
                    ops.append(f"[{' '.join(parts)}] TJ")
                    parts = []
                dy = g.dy
                ops.append(f"{_num(rise + dy * size / upem)} Ts")
            if abs(x - at) > 1e-3:
                parts.append(_num(at - x))
            parts.append(f"<{self.encode(g.gid, chars)}>")
            at = x + (widths[g.gid][0] * scale if g.gid < len(widths) else 0.0)
        if abs(pen - at) > 1e-3:
            parts.append(_num(at - pen))  # the point left at the piece's end
        if parts:
            ops.append(f"[{' '.join(parts)}] TJ")
        if dy:
            ops.append(f"{_num(rise)} Ts")
        return ops

    # -- writing the objects --------------------------------------------------------
    def add_objects(self, doc) -> None:
        face = self.font.face
        digest = hashlib.sha256(array("I", self.gids).tobytes()).digest()
        base = "".join(chr(65 + b % 26) for b in digest[:6]) + "+" + face.name.decode("latin-1")
        data, new = _subset(self.path, self.index, self.gids)
        scale = 1000 / face.unitsPerEm
        widths = [round(face.hmetrics[g][0] * scale) for g in self.gids]
        embed_type0(doc, self.name, face, base, data, new, widths, self.texts, "glyph")

    addObjects = add_objects  # noqa: N815 (what reportlab calls on its delayed fonts)


def _cluster_ends(glyphs: list[Glyph], length: int) -> dict[int, int]:
    """Each cluster's start → the start of the next cluster in logical order."""
    starts = sorted({g.cluster for g in glyphs})
    return dict(zip(starts, [*starts[1:], length], strict=True))


def _num(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


def _subset(path, index: int, gids: list[int]) -> tuple[bytes, list[int]]:
    """The face's font program with only `gids` (and the parts of composite glyphs),
    made by fontTools, and the new id of each of `gids`."""
    from fontTools import subset  # here: a tenth of a second to import, for Arabic only
    from fontTools.ttLib import TTFont as ToolsFont

    logging.getLogger("fontTools.subset").setLevel(logging.ERROR)  # no notes on stderr
    font = ToolsFont(str(path), fontNumber=index, recalcTimestamp=False, lazy=True)
    names = font.getGlyphOrder()
    wanted = [names[g] for g in gids]
    options = subset.Options()
    options.layout_features = []
    options.drop_tables = [*options.drop_tables, *_DROPPED]
    options.notdef_outline = True
    options.recalc_timestamp = False
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6]
    options.name_languages = [0x409]
    subsetter = subset.Subsetter(options)
    subsetter.populate(glyphs=wanted)
    subsetter.subset(font)
    position = {name: n for n, name in enumerate(font.getGlyphOrder())}
    out = io.BytesIO()
    font.save(out, reorderTables=True)
    return out.getvalue(), [position[name] for name in wanted]
