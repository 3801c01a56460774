"""Parsed TrueType faces kept between runs.

reportlab reads a font's tables (character map, glyph widths and offsets) in Python
each time it loads the font: about 0.2 s for each large CJK face, in every build.
The parsed face is stored, without the font's own bytes, in reportgen's cache folder
(see `reportgen.cache`), keyed by the file's path, size and modification time, the
sub-font index and reportlab's version. A missing, stale or unreadable entry is
parsed again and rewritten. The PDF is the same either way.

Reading an entry back is made cheap too: the glyph metrics are kept as two arrays
rather than tens of thousands of tuples, the glyph → characters map (which reportlab
needs only to shape text, which reportgen does not ask of it) is rebuilt only if
asked for, and the font file is mapped into memory rather than read: only the parts
the subsets copy are ever read.
"""

from __future__ import annotations

import mmap
import pickle
from array import array
from contextlib import contextmanager
from functools import cached_property, partial
from operator import mul
from pathlib import Path

import reportlab
from reportlab.pdfbase import ttfonts

from reportgen import cache

FORMAT = 2  # bump when the stored fields change
_SKIP = ("_ttf_data", "_pdfScale", "glyphToChar")  # bytes mapped anew, a closure, rebuilt


class Metrics:
    """A face's (advance width, left side bearing) for each glyph, as reportlab's
    `hmetrics` list gives them, kept in two arrays."""

    __slots__ = ("advances", "bearings")

    def __init__(self, advances: array, bearings: array):
        self.advances, self.bearings = advances, bearings

    @classmethod
    def of(cls, pairs) -> Metrics:
        return cls(array("d", (a for a, _ in pairs)), array("d", (b for _, b in pairs)))

    def __getitem__(self, glyph: int) -> tuple[float, float]:
        return self.advances[glyph], self.bearings[glyph]

    def __len__(self) -> int:
        return len(self.advances)

    def __reduce__(self):
        return (Metrics, (self.advances, self.bearings))


class CachedFace(ttfonts.TTFontFace):
    """A face restored from the cache."""

    @cached_property
    def glyphToChar(self) -> dict[int, list[int]]:  # noqa: N802 (reportlab's name)
        inverse: dict[int, list[int]] = {}
        for char, glyph in self.charToGlyph.items():
            inverse.setdefault(glyph, []).append(char)
        return inverse


def _font_bytes(path: Path):
    """The font file's bytes, mapped (read only as reportlab slices them)."""
    try:
        with path.open("rb") as f:
            return mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):  # a file system without mappings
        return path.read_bytes()


def _entry(path: Path, index: int) -> Path:
    stat = path.stat()
    key = f"{FORMAT}|{reportlab.Version}|{path.resolve()}|{index}|{stat.st_size}|{stat.st_mtime_ns}"
    return cache.entry("fonts", key, ".pickle")


def _scale(units_per_em: int):
    return (lambda x: x) if units_per_em == 1000 else partial(mul, 1000 / units_per_em)


def _restore(entry: Path, path: Path) -> ttfonts.TTFontFace | None:
    data = cache.read(entry)
    if data is None:
        return None
    try:
        state = pickle.loads(data)
        scale = _scale(state["unitsPerEm"])
    except Exception:  # truncated, or from another version: parse again
        return None
    face = CachedFace.__new__(CachedFace)
    face.__dict__.update(state)
    face._ttf_data = _font_bytes(path)
    face._pdfScale = scale
    return face


def _store(entry: Path, face: ttfonts.TTFontFace) -> None:
    state = {k: v for k, v in face.__dict__.items() if k not in _SKIP}
    state["hmetrics"] = Metrics.of(face.hmetrics)
    cache.write(entry, pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL))


def load_face(path: Path, index: int) -> ttfonts.TTFontFace:
    entry = _entry(path, index)
    face = _restore(entry, path)
    if face is None:
        face = ttfonts.TTFontFace(str(path), subfontIndex=index)
        _store(entry, face)
    return face


@contextmanager
def _faces_from_cache(face: ttfonts.TTFontFace):
    """reportlab's TTFont parses its face itself; hand it the one already loaded."""
    original = ttfonts.TTFontFace
    ttfonts.TTFontFace = lambda *args, **kw: face
    try:
        yield
    finally:
        ttfonts.TTFontFace = original


def ttfont(name: str, path: Path, index: int = 0) -> ttfonts.TTFont:
    """A reportlab TrueType font, its face parsed once per font file and version."""
    face = load_face(path, index)
    _keep_tables(face)
    with _faces_from_cache(face):
        return ttfonts.TTFont(name, str(path), subfontIndex=index)


def _keep_tables(face: ttfonts.TTFontFace) -> None:
    """reportlab copies the font's tables out of its bytes again for every subset of
    256 characters (a CJK face's glyph table is megabytes): copy each table once."""
    if "get_table" in face.__dict__:
        return
    tables: dict[str, bytes] = {}
    read = face.get_table

    def get_table(tag: str) -> bytes:
        if tag not in tables:
            tables[tag] = read(tag)
        return tables[tag]

    face.get_table = get_table
