"""Draw a figure's bar charts as a reportlab Drawing: vector in the PDF, and rasterised
to PNG for the DOCX (see `chart_images`), so both show the same picture."""

from __future__ import annotations

import io

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth

from reportgen.fonts import FontChoice
from reportgen.model import ChartPanel, Figure

ROW = 13.0  # points per bar
BAR = 8.0
TITLE = 16.0
FONT_SIZE = 7.5
GREY = (0.35, 0.45, 0.6)


def text_width(text: str, font: str, size: float) -> float:
    """A label's width; an Arabic face's labels shaped (`label_setting`)."""
    from reportgen.writers.pdf.shaping import SHAPERS

    if font in SHAPERS:
        from reportgen.writers.pdf.textblock import label_setting

        return label_setting(text, font, size).sums[-1]
    return stringWidth(text, font, size)


def _fit(text: str, font: str, width: float) -> str:
    """Shorten a label to the room it has (a label is one line: soft hyphens go)."""
    text = text.replace("\u00ad", "")
    if text_width(text, font, FONT_SIZE) <= width:
        return text
    while text and text_width(text + "…", font, FONT_SIZE) > width:
        text = text[:-1]
    return text + "…"


def _panel(
    drawing: Drawing,
    panel: ChartPanel,
    x: float,
    top: float,
    width: float,
    font: str,
    row: float = ROW,
) -> None:
    y = top
    if panel.title:
        title = panel.title.replace("\u00ad", "")
        drawing.add(String(x, y - 10, title, fontName=font, fontSize=FONT_SIZE + 1))
        y -= TITLE
    label_width = width * 0.42
    value_room = 40.0
    bar_room = width - label_width - value_room - 6
    largest = max((abs(value) for _, value, _ in panel.bars), default=0) or 1
    bar = min(BAR, row * 0.62)
    size = min(FONT_SIZE, row * 0.6)
    for label, value, printed in panel.bars:
        y -= row
        drawing.add(
            String(
                x + label_width - 3,
                y + 1.5,
                _fit(label, font, label_width - 6),
                fontName=font,
                fontSize=size,
                textAnchor="end",
            )
        )
        length = bar_room * abs(value) / largest
        drawing.add(
            Rect(x + label_width, y, max(length, 0.5), bar, strokeColor=None, fillColor=_rgb(GREY))
        )
        drawing.add(
            String(x + label_width + length + 3, y + 1.5, printed, fontName=font, fontSize=size)
        )
    drawing.add(
        Line(
            x + label_width,
            y - 2,
            x + label_width,
            top - (TITLE if panel.title else 0),
            strokeWidth=0.5,
        )
    )


def _rgb(rgb):
    from reportlab.lib.colors import Color

    return Color(*rgb)


def chart_font(choice: FontChoice, cjk: bool, arabic: bool = False) -> str:
    """The one face a document's charts are drawn in, registered under the PDF writer's
    name for it (its cache is shared): registering every face the PDF uses would parse
    large CJK fonts the charts never draw with. An Arabic document's is its Arabic face
    (shaped, with the Latin face for the rest)."""
    from reportgen.writers.pdf.fontreg import _ttf, shaped

    regular = choice.latin.get("regular")
    if arabic and choice.arabic:
        latin = _ttf("RG-Latin-regular", regular) if regular else "Times-Roman"
        return shaped("RG-Arabic", choice.arabic, latin)

    if cjk:
        if choice.cjk_body:
            return _ttf("RG-CJK", choice.cjk_body)
        from reportlab.pdfbase.cidfonts import UnicodeCIDFont

        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
        return "STSong-Light"
    return _ttf("RG-Latin-regular", regular) if regular else "Times-Roman"


def chart_drawing(
    figure: Figure, width: float, font: str, max_height: float = 560, rtl: bool = False
) -> Drawing:
    """All panels side by side (two at most a row), bars packed closer when there are so
    many that the chart would not fit on a page; mirrored if `rtl` (labels on the
    right, bars growing to the left)."""
    panels = figure.panels or [ChartPanel("", [])]
    per_row = 2 if len(panels) > 1 else 1
    panel_width = (width - 12 * (per_row - 1)) / per_row
    most = max(max(len(p.bars), 1) for p in panels)
    rows_of_panels = -(-len(panels) // per_row)
    row = min(ROW, (max_height / rows_of_panels - TITLE - 6) / most)
    heights = [TITLE * bool(p.title) + row * max(len(p.bars), 1) + 6 for p in panels]
    rows = [heights[i : i + per_row] for i in range(0, len(heights), per_row)]
    height = sum(max(r) for r in rows)
    drawing = Drawing(width, height)
    top = height
    for r, row_heights in enumerate(rows):
        for c in range(len(row_heights)):
            panel = panels[r * per_row + c]
            _panel(drawing, panel, c * (panel_width + 12), top, panel_width, font, row)
        top -= max(row_heights)
    if rtl:
        _mirror(drawing)
    return drawing


def _mirror(drawing: Drawing) -> None:
    """The drawing flipped left for right; texts keep their direction, their anchors
    swap sides."""
    w = drawing.width
    swap = {"start": "end", "end": "start", "middle": "middle"}
    for shape in drawing.contents:
        if isinstance(shape, Rect):
            shape.x = w - shape.x - shape.width
        elif isinstance(shape, Line):
            shape.x1, shape.x2 = w - shape.x1, w - shape.x2
        elif isinstance(shape, String):
            shape.x = w - shape.x
            shape.textAnchor = swap[shape.textAnchor]


def rasterise(drawings: list[Drawing], dpi: int) -> list[bytes]:
    """All drawn into one PDF, one page each, which pdfium rasterises (fonts are
    embedded once, not once per chart)."""
    import pypdfium2
    from reportlab.graphics import renderPDF
    from reportlab.pdfgen.canvas import Canvas

    if not drawings:
        return []
    buffer = io.BytesIO()
    # the PDF is only read by pdfium: page streams need no compression (nor ASCII85)
    canvas = Canvas(buffer, invariant=1, pageCompression=0)
    for drawing in drawings:
        canvas.setPageSize((drawing.width, drawing.height))
        if _shaped(drawing):  # Arabic labels: set as the PDF sets them
            from reportgen.writers.pdf.chart import Chart

            Chart(drawing).drawOn(canvas, 0, 0)
        else:
            renderPDF.draw(drawing, canvas, 0, 0)
        canvas.showPage()
    canvas.save()
    document = pypdfium2.PdfDocument(buffer.getvalue())
    images = []
    for index in range(len(drawings)):
        image = document[index].render(scale=dpi / 72).to_pil()
        out = io.BytesIO()
        # zlib level 1: the same pixels in a third less time, and no larger for charts
        image.save(out, format="PNG", optimize=False, compress_level=1)
        images.append(out.getvalue())
    document.close()
    return images


def _shaped(drawing: Drawing) -> bool:
    from reportgen.writers.pdf.shaping import SHAPERS

    return any(isinstance(s, String) and s.fontName in SHAPERS for s in drawing.contents)
