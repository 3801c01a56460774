"""Font discovery for the PDF writer: TrueType files for Latin and CJK text.

Order of preference: the user's choice (`--cjk-font` / REPORTGEN_CJK_FONT,
`--arabic-font` / REPORTGEN_ARABIC_FONT, REPORTGEN_LATIN_FONT), then well-known
installed fonts (Debian's fonts-arphic-uming, fonts-wqy-zenhei, fonts-liberation,
fonts-noto-core's Noto Naskh Arabic, fonts-hosny-amiri; Windows' SimSun, Times New
Roman, Simplified Arabic).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

FONT_DIRS = [
    Path("/usr/share/fonts"),
    Path("/usr/local/share/fonts"),
    Path.home() / ".local/share/fonts",
    Path.home() / ".fonts",
    Path("/Library/Fonts"),
    Path("/System/Library/Fonts"),
    Path("C:/Windows/Fonts"),
]

# (file name, sub-font index in a .ttc) in order of preference
CJK_BODY = [("simsun.ttc", 0), ("uming.ttc", 0), ("wqy-zenhei.ttc", 0), ("wqy-microhei.ttc", 0)]
CJK_HEADING = [("simhei.ttf", 0), ("wqy-zenhei.ttc", 0), ("uming.ttc", 0), ("wqy-microhei.ttc", 0)]
# Arabic faces (Naskh, the style of UN Arabic documents), regular and bold
ARABIC = [
    ("NotoNaskhArabic-Regular.ttf", 0),
    ("Amiri-Regular.ttf", 0),
    ("simpo.ttf", 0),  # Windows' Simplified Arabic
    ("NotoSansArabic-Regular.ttf", 0),
]
ARABIC_BOLD = [
    ("NotoNaskhArabic-Bold.ttf", 0),
    ("Amiri-Bold.ttf", 0),
    ("simpbdo.ttf", 0),
    ("NotoSansArabic-Bold.ttf", 0),
]
LATIN = {
    "regular": ["times.ttf", "LiberationSerif-Regular.ttf", "DejaVuSerif.ttf"],
    "bold": ["timesbd.ttf", "LiberationSerif-Bold.ttf", "DejaVuSerif-Bold.ttf"],
    "italic": ["timesi.ttf", "LiberationSerif-Italic.ttf", "DejaVuSerif-Italic.ttf"],
    "bolditalic": ["timesbi.ttf", "LiberationSerif-BoldItalic.ttf", "DejaVuSerif-BoldItalic.ttf"],
}


@dataclass(frozen=True)
class FontFile:
    path: Path
    index: int = 0


@dataclass(frozen=True)
class FontChoice:
    latin: dict[str, FontFile]  # regular, bold, italic, bolditalic (may be empty)
    cjk_body: FontFile | None
    cjk_heading: FontFile | None
    warnings: tuple[str, ...] = ()
    arabic: FontFile | None = None  # shaped with HarfBuzz (writers/pdf/shaping.py)
    arabic_bold: FontFile | None = None


def _index_fonts() -> dict[str, Path]:
    found: dict[str, Path] = {}
    for root in FONT_DIRS:
        if not root.is_dir():
            continue
        for dirpath, _dirs, files in sorted(os.walk(root)):
            for name in sorted(files):
                if name.lower().endswith((".ttf", ".ttc")):
                    found.setdefault(name.lower(), Path(dirpath) / name)
    return found


def _first(index: dict[str, Path], names: list[tuple[str, int]]) -> FontFile | None:
    for name, sub in names:
        if name.lower() in index:
            return FontFile(index[name.lower()], sub)
    return None


def _user_font(value: str | None, what: str, warnings: list[str]) -> FontFile | None:
    if not value:
        return None
    path_text, _, sub = value.partition("#")
    path = Path(path_text).expanduser()
    if not path.is_file():
        warnings.append(f"{what} font `{value}` not found; using an installed font instead")
        return None
    problem = _not_a_font(path, sub)
    if problem:
        warnings.append(f"{what} font `{value}` {problem}; using an installed font instead")
        return None
    return FontFile(path, int(sub or 0))


# how TrueType and OpenType files begin: TrueType, Apple's, a collection, CFF outlines
_FONT_MAGIC = (b"\x00\x01\x00\x00", b"true", b"ttcf", b"OTTO")


def _not_a_font(path: Path, sub: str) -> str | None:
    """Why `path` (with `#sub`) cannot be embedded, or None: read from its first bytes,
    so that a wrong file is a warning here instead of a failure in the PDF process."""
    if sub and not sub.isdigit():
        return f"has a sub-font index `{sub}` that is not a number"
    try:
        with open(path, "rb") as f:
            head = f.read(12)
    except OSError as err:
        return f"cannot be read ({err.strerror})"
    if head[:4] not in _FONT_MAGIC:
        return "is not a TrueType font"
    if head[:4] == b"OTTO":
        return "is an OpenType font with PostScript outlines, which the PDF cannot embed"
    if head[:4] == b"ttcf":
        count = int.from_bytes(head[8:12], "big")
        if int(sub or 0) >= count:
            return f"holds {count} fonts: #{sub} is not one of them"
    elif sub and int(sub) != 0:
        return f"is a single font: #{sub} is not in it"
    return None


def discover(
    cjk: str | None = None,
    latin: str | None = None,
    need_cjk: bool = True,
    arabic: str | None = None,
) -> FontChoice:
    """The fonts to embed; `cjk`/`latin`/`arabic` are user choices (a path,
    `path#index` for .ttc). A missing Arabic face is warned about when an Arabic
    document is written (`ARABIC_MISSING`), not here."""
    warnings: list[str] = []
    index = _index_fonts()
    user_cjk = _user_font(cjk or os.environ.get("REPORTGEN_CJK_FONT"), "CJK", warnings)
    user_latin = _user_font(latin or os.environ.get("REPORTGEN_LATIN_FONT"), "Latin", warnings)
    user_arabic = _user_font(arabic or os.environ.get("REPORTGEN_ARABIC_FONT"), "Arabic", warnings)
    arabic_face = user_arabic or _first(index, ARABIC)
    arabic_bold = user_arabic or _first(index, ARABIC_BOLD) or arabic_face
    cjk_body = user_cjk or _first(index, CJK_BODY)
    cjk_heading = user_cjk or _first(index, CJK_HEADING) or cjk_body
    latin_files: dict[str, FontFile] = {}
    for variant, names in LATIN.items():
        if user_latin and variant == "regular":
            latin_files[variant] = user_latin
            continue
        hit = _first(index, [(n, 0) for n in names])
        if hit:
            latin_files[variant] = hit
    if need_cjk and cjk_body is None:
        warnings.append(
            "no TrueType CJK font found: Chinese text uses the PDF viewer's STSong-Light, "
            "which is not embedded (install fonts-arphic-uming or fonts-wqy-zenhei, or pass "
            "--cjk-font PATH)"
        )
    if "regular" not in latin_files:
        warnings.append(
            "no Times New Roman or Liberation Serif found: Latin text uses the standard "
            "Times-Roman, which is not embedded (install fonts-liberation)"
        )
    return FontChoice(latin_files, cjk_body, cjk_heading, tuple(warnings), arabic_face, arabic_bold)


ARABIC_MISSING = (
    "no Arabic TrueType font found: Arabic letters would print as empty boxes (install "
    "fonts-noto-core or fonts-hosny-amiri, or pass --arabic-font PATH)"
)
