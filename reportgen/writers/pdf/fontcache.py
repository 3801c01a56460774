"""Parsed TrueType faces kept between runs.

reportlab reads a font's tables (character map, glyph widths and offsets) in Python
each time it loads the font: about 0.2 s for each large CJK face, in every build.
The parsed face is stored, without the font's own bytes, in reportgen's cache folder
(see `reportgen.cache`), keyed by the file's path, size and modification time, the
sub-font index and reportlab's version. A missing, stale or unreadable entry is
parsed again and rewritten. The PDF is the same either way.
"""

from __future__ import annotations

import hashlib
import pickle
from contextlib import contextmanager
from functools import partial
from operator import mul
from pathlib import Path

import reportlab
from reportlab.pdfbase import ttfonts

from reportgen import cache

FORMAT = 1  # bump when the stored fields change
_SKIP = ("_ttf_data", "_pdfScale")  # the font's bytes (read anew) and a closure


def _entry(path: Path, index: int) -> Path:
    stat = path.stat()
    key = f"{FORMAT}|{reportlab.Version}|{path.resolve()}|{index}|{stat.st_size}|{stat.st_mtime_ns}"
    return cache.cache_dir("fonts") / (hashlib.sha256(key.encode()).hexdigest()[:32] + ".pickle")


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
    face = ttfonts.TTFontFace.__new__(ttfonts.TTFontFace)
    face.__dict__.update(state)
    face._ttf_data = path.read_bytes()
    face._pdfScale = scale
    return face


def _store(entry: Path, face: ttfonts.TTFontFace) -> None:
    state = {k: v for k, v in face.__dict__.items() if k not in _SKIP}
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
    with _faces_from_cache(face):
        return ttfonts.TTFont(name, str(path), subfontIndex=index)
