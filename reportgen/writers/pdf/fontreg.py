"""Register the discovered TrueType fonts with reportlab under stable names."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.fonts import tt2ps
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont

from reportgen.fonts import FontChoice, FontFile
from reportgen.writers.pdf.fontcache import ttfont
from reportgen.writers.pdf.shaping import FILES, LATIN_OF, SHAPERS, Shaper
from reportgen.writers.pdf.textops import WIDE_FONTS


@dataclass(frozen=True)
class PdfFonts:
    latin: str  # family name usable in <font name=…>, with bold/italic registered
    cjk: str | None  # body CJK face (family with bold → heading face)
    cjk_bold: str | None
    arabic: str | None = None  # shaped faces (shaping.SHAPERS), regular and bold
    arabic_bold: str | None = None


_registered: dict[tuple, str] = {}


def _ttf(name: str, file: FontFile) -> str:
    key = (str(file.path), file.index)
    if key in _registered:
        return _registered[key]
    pdfmetrics.registerFont(ttfont(name, file.path, file.index))
    _registered[key] = name
    FILES[name] = file
    return name


def shaped(name: str, file: FontFile, latin: str) -> str:
    """A face registered with reportlab (its metrics) and with a HarfBuzz shaper; its
    text's non-Arabic characters are set in `latin`."""
    name = _ttf(name, file)
    known = SHAPERS.get(name)
    if known is None or (known.path, known.index) != (file.path, file.index):
        SHAPERS[name] = Shaper(file.path, file.index)
    LATIN_OF[name] = latin
    return name


def register(choice: FontChoice, need_cjk: bool, need_arabic: bool = False) -> PdfFonts:
    if "regular" in choice.latin:
        names = {v: _ttf(f"RG-Latin-{v}", f) for v, f in choice.latin.items()}
        regular = names["regular"]
        pdfmetrics.registerFontFamily(
            regular,
            normal=regular,
            bold=names.get("bold", regular),
            italic=names.get("italic", regular),
            boldItalic=names.get("bolditalic", names.get("bold", regular)),
        )
        latin = regular
    else:
        latin = "Times-Roman"
    cjk = cjk_bold = None
    if need_cjk:
        if choice.cjk_body:
            cjk = _ttf("RG-CJK", choice.cjk_body)
            cjk_bold = _ttf("RG-CJK-Heading", choice.cjk_heading or choice.cjk_body)
            # one Type 0 font each, unless the face is also the Latin one
            WIDE_FONTS.update(n for n in (cjk, cjk_bold) if n.startswith("RG-CJK"))
        else:
            pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
            cjk = cjk_bold = "STSong-Light"
        pdfmetrics.registerFontFamily(
            cjk, normal=cjk, bold=cjk_bold, italic=cjk, boldItalic=cjk_bold
        )
    arabic = arabic_bold = None
    if need_arabic and choice.arabic:
        arabic = shaped("RG-Arabic", choice.arabic, latin)
        bold = tt2ps(latin, 1, 0)
        arabic_bold = shaped("RG-Arabic-Bold", choice.arabic_bold or choice.arabic, bold)
    return PdfFonts(latin, cjk, cjk_bold, arabic, arabic_bold)
