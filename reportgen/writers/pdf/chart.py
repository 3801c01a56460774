"""A figure's chart in the PDF: the shapes of its reportlab Drawing (bars, rules,
labels) written straight into the page, the labels through `TextOps` like all text.

reportlab's renderer saves, transforms and restores the graphics state for every
shape; a chart here is one path for its bars, one for its rules and one text object
per label. The DOCX rasterises the same Drawing, so both show the same picture.
"""

from __future__ import annotations

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.platypus import Flowable

from reportgen.writers.pdf.shaping import SHAPERS
from reportgen.writers.pdf.tags import marked, tagger_of
from reportgen.writers.pdf.textblock import char_widths, draw_line, label_setting
from reportgen.writers.pdf.textops import TextOps, num


class Chart(Flowable):
    def __init__(self, drawing: Drawing):
        super().__init__()
        self.drawing = drawing
        self.width, self.height = drawing.width, drawing.height
        self.tag = None  # its Figure (tags.Tag)

    def wrap(self, availWidth, availHeight):  # noqa: N803 (reportlab's names)
        return self.width, self.height

    def draw(self) -> None:
        """The chart, all of it the content of its Figure (whose /Alt describes it and
        whose /BBox, a layout attribute, is where it is on the page)."""
        tagger = tagger_of(self.canv)
        figure = tagger.enter(self.tag) if tagger and self.tag else None
        if figure is not None:
            figure.attrs["A"] = f"<</O/Layout/BBox [{bbox(self.canv, self.width, self.height)}]>>"
        with marked(self.canv, figure):
            self._draw()

    def _draw(self) -> None:
        shapes = self.drawing.contents
        if any(not isinstance(s, (Rect, Line, String)) for s in shapes):
            from reportlab.graphics import renderPDF  # shapes this writer does not know

            renderPDF.draw(self.drawing, self.canv, 0, 0)
            return
        code = self.canv._code
        bars = [s for s in shapes if isinstance(s, Rect)]
        rules = [s for s in shapes if isinstance(s, Line)]
        for fill, group in _by_colour(bars):
            code.append(f"{_rgb(fill)} rg")
            code.append(
                " ".join(f"{num(r.x)} {num(r.y)} {num(r.width)} {num(r.height)} re" for r in group)
                + " f"
            )
        for rule in rules:
            code.append(
                f"{_rgb(rule.strokeColor)} RG {num(rule.strokeWidth)} w "
                f"{num(rule.x1)} {num(rule.y1)} m {num(rule.x2)} {num(rule.y2)} l S"
            )
        for label in (s for s in shapes if isinstance(s, String)):
            x = label.x
            shaped = label.fontName in SHAPERS  # Arabic: shaped, pieces in visual order
            setting = label_setting(label.text, label.fontName, label.fontSize) if shaped else None
            if label.textAnchor != "start":
                if setting:
                    width = setting.sums[-1]
                else:
                    width = sum(char_widths(label.fontName, label.text, label.fontSize))
                x -= width if label.textAnchor == "end" else width / 2
            code.append(f"{_rgb(label.fillColor)} rg")
            ops = TextOps(self.canv, x, label.y)
            if setting:
                draw_line(ops, setting, 0, len(setting.text), x, label.y)
            else:
                ops.show(label.text, label.fontName, label.fontSize)
            ops.close()


def bbox(canv, width: float, height: float) -> str:
    """The box of `width` × `height` at the canvas's origin, in the page's space (the
    canvas's transformation applied to its corners)."""
    a, b, c, d, e, f = canv._currentMatrix
    xs = [a * x + c * y + e for x in (0, width) for y in (0, height)]
    ys = [b * x + d * y + f for x in (0, width) for y in (0, height)]
    return " ".join(num(v) for v in (min(xs), min(ys), max(xs), max(ys)))


def _rgb(colour) -> str:
    return " ".join(num(c) for c in (colour.red, colour.green, colour.blue))


def _by_colour(rects: list[Rect]):
    groups: dict[tuple, list[Rect]] = {}
    for rect in rects:
        groups.setdefault(rect.fillColor.rgb(), []).append(rect)
    return [(group[0].fillColor, group) for group in groups.values()]
