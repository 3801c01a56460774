"""Charts as PNG pictures for the DOCX, kept in reportgen's cache.

A chart's picture depends on its figure's panels, the width it is drawn at, the face
its texts are set in, reportgen's chart code and the rasteriser (reportlab, pdfium,
Pillow): its key holds all of them, so a document whose charts were all drawn
before gets them without reportlab's graphics or pdfium being loaded; a long budget
section's charts rarely all change from one build to the next.
"""

from __future__ import annotations

from reportgen import cache
from reportgen.fonts import FontChoice
from reportgen.model import Figure

PNG = b"\x89PNG\r\n\x1a\n"
CHART_FORMAT = 2  # bump when the drawing or rasterising of charts changes
CHARTS_KEPT = 4096  # a ten-times budget section has ~220 charts; a PNG is ~10 KB
DPI = 150


def chart_pngs(
    figures: list[Figure],
    width: float,
    fonts: FontChoice,
    cjk: bool,
    dpi: int = DPI,
    arabic: bool = False,
) -> list[bytes]:
    """Each figure's chart, `width` points wide, as a PNG; drawn only if not cached; an
    Arabic document's mirrored, in its Arabic face."""
    rasteriser = cache.installed("reportlab", "pypdfium2", "pypdfium2_raw", "PIL")
    common = f"{CHART_FORMAT}|{cache.reportgen_files()}|{rasteriser}|{dpi}|{width!r}"
    common += f"|{_face(fonts, cjk)}|{_arabic_face(fonts) if arabic else ''}\0"
    entries = [cache.entry("charts", common + repr(f.panels), ".png") for f in figures]
    pngs = [cache.read(entry) for entry in entries]
    missing = [i for i, png in enumerate(pngs) if not png or not png.startswith(PNG)]
    if missing:
        from reportgen.writers.charts import chart_drawing, chart_font, rasterise

        font = chart_font(fonts, cjk, arabic)
        drawings = [chart_drawing(figures[i], width, font, rtl=arabic) for i in missing]
        for i, png in zip(missing, rasterise(drawings, dpi), strict=True):
            pngs[i] = png
            cache.write(entries[i], png, keep=CHARTS_KEPT)
    return pngs  # type: ignore[return-value]


def _face(choice: FontChoice, cjk: bool) -> str:
    """The face `charts.chart_font` sets the texts in, by its file (nothing loaded)."""
    file = choice.cjk_body if cjk else choice.latin.get("regular")
    return _file_key(file) if file else ("STSong-Light" if cjk else "Times-Roman")


def _arabic_face(choice: FontChoice) -> str:
    return _file_key(choice.arabic) if choice.arabic else "none"


def _file_key(file) -> str:
    stat = file.path.stat()
    return f"{file.path}#{file.index}:{stat.st_size}:{stat.st_mtime_ns}"
