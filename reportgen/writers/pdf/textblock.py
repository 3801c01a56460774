"""Paragraphs set by reportgen itself instead of reportlab's Paragraph.

reportlab breaks Chinese text into one fragment object per character and parses
markup for every paragraph; here a paragraph is a list of runs (text in one font
and size), measured once with per-font width tables, broken into lines with prefix
sums and bisection, and drawn as one text object:

- Chinese text may break between any two characters except before closing
  punctuation (，。）…) and after opening punctuation (（“…); Latin text breaks at
  spaces and at soft hyphens (U+00AD: no width, not drawn, but a hyphen is drawn at
  the end of a line broken there, in the line's measure); a word wider than the line
  with no such place breaks after a hyphen, dash or slash in it, else between letters.
- No line starts with closing punctuation or ends with opening punctuation, whatever
  the break (a space, a Chinese character, a cut inside a word).
- A URL (http://…, https://…, www.…) breaks only after / . - _ ? & = (never inside
  "://"); "见" stays with the symbol or URL that follows it.
- A footnote mark never starts a line: it stays with the text it follows.
- Justified lines stretch the space after each Chinese character (Tc) and each space
  of Latin text (Tw); the last line and lines ended by a line break are not stretched.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from itertools import accumulate
from typing import NamedTuple

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT
from reportlab.pdfbase.pdfdoc import PDFString
from reportlab.pdfbase.pdfmetrics import getAscentDescent, stringWidth
from reportlab.platypus import Flowable

from reportgen.model import Footnote
from reportgen.writers.pdf.shaping import LATIN_OF, SHAPERS, arabic_phrases, levels, visual_order
from reportgen.writers.pdf.tags import Elem, Tag
from reportgen.writers.pdf.textops import SOFT_HYPHEN, TextOps

# no line starts with these …
NO_START = frozenset("，。、；：？！）》」』】〕〉”’…·,.;:?!)]}%‰°′″〃々～・")
# … and none ends with these
NO_END = frozenset("（《「『【〔〈“‘([{")
CJK_FROM = 0x2E80  # ideographs, kana, CJK punctuation, full-width forms
EPSILON = 1e-6
HYPHEN = "-"  # drawn where a line breaks at a soft hyphen
# a no-break space: set as a space (code 32) in reportlab's TrueType subsets, so word
# spacing (Tw) widens it as it does a space: a justified line counts it
NBSP = "\u00a0"
DASHES = frozenset("-\u2010\u2013\u2014/")  # a too-wide word may break after these
URL_BREAKS = frozenset("/.-_?&=")  # a URL breaks after these only
_URL = re.compile(r"(?:https?://|www\.)[^\s\u2e80-\uffff]*[^\s\u2e80-\uffff.,;:!?)\]]")
_SEE = re.compile(r"见 *(?=[^\s\u2e80-\uffff])")  # 见 before a symbol or URL


class Run(NamedTuple):
    """Text in one font and size; `note` is the footnote this run is the mark of (a
    tuple: a paragraph has dozens, made at C speed)."""

    text: str
    font: str
    size: float
    rise: float = 0.0
    url: str | None = None
    note: Footnote | None = None


def _inside(text: str, i: int) -> bool:
    """Whether character i has text on both sides, not spaces or line breaks."""
    return text[i - 1] not in " \n" and text[i + 1] not in " \n"


_WIDTHS: dict[tuple[str, float], dict[str, float]] = {}  # (font, size) → character → advance


def char_widths(font: str, text: str, size: float) -> list[float]:
    """The advance of every character of `text` set in `font` at `size`."""
    table = _WIDTHS.get((font, size)) or _WIDTHS.setdefault(
        (font, size), {"\n": 0.0, SOFT_HYPHEN: 0.0}
    )
    try:
        return list(map(table.__getitem__, text))
    except KeyError:
        for c in set(text) - table.keys():
            table[c] = stringWidth(c, font, 1.0) * size
        return list(map(table.__getitem__, text))


def label_setting(text: str, font: str, size: float) -> Setting:
    """A one-line label (a chart's) in `font`: if that is a shaped (Arabic) face, its
    Arabic phrases in it and the rest in its Latin partner."""
    if font not in SHAPERS:
        return Setting([Run(text, font, size)])
    return Setting(
        [
            Run(piece, font if arabic else LATIN_OF[font], size)
            for piece, arabic in arabic_phrases(text)
        ]
    )


class Setting:
    """A paragraph's text measured once: characters, their advances and the runs.

    Split parts of one paragraph share it."""

    def __init__(self, runs: list[Run]):
        self.runs = [r for r in runs if r.text]
        self.text = text = "".join(r.text for r in self.runs)
        widths: list[float] = []
        self.run_starts: list[int] = []
        for run in self.runs:
            self.run_starts.append(len(widths))
            if SHAPERS and run.font in SHAPERS:  # Arabic: advances of shaped clusters
                widths.extend(SHAPERS[run.font].widths(run.text, run.size))
            else:
                widths.extend(char_widths(run.font, run.text, run.size))
        self.sums = list(accumulate(widths, initial=0.0))
        # runs are of one script each (see text.Runs): Chinese ones stretch per character
        self.run_cjk = [ord(r.text[0]) >= CJK_FROM for r in self.runs]
        self.glue = {s for s, r in zip(self.run_starts, self.runs, strict=True) if r.note}
        self.newlines = [i for i, ch in enumerate(text) if ch == "\n"] if "\n" in text else []
        # places where the rules above allow (True) or forbid (False) a break whatever
        # the characters around it: inside URLs, after 见
        self.fixed: dict[int, bool] = {}
        if "www." in text or "://" in text:
            for m in _URL.finditer(text):
                scheme = text.find("://", m.start(), m.end())
                for i in range(m.start() + 1, m.end()):
                    self.fixed[i] = text[i - 1] in URL_BREAKS and not (
                        scheme >= 0 and scheme < i <= scheme + 3
                    )
        if "见" in text:
            for m in _SEE.finditer(text):
                for i in range(m.start() + 1, m.end() + 1):
                    self.fixed[i] = False
        # a line may end after a soft hyphen inside a word: where, and the width of the
        # hyphen drawn there (in the soft hyphen's font)
        self.hyphens: dict[int, float] = {}
        if SOFT_HYPHEN in text:
            for n, run in enumerate(self.runs):
                if SOFT_HYPHEN not in run.text:
                    continue
                dash = char_widths(run.font, HYPHEN, run.size)[0]
                for k, ch in enumerate(run.text, self.run_starts[n] + 1):
                    if ch == SOFT_HYPHEN and 1 < k < len(text) and _inside(text, k - 1):
                        self.hyphens[k] = dash

    _levels: list[int] | None = None

    @property
    def levels(self) -> list[int]:
        """Each character's bidi embedding level, the paragraph right to left."""
        if self._levels is None:
            self._levels = levels(self.text)
        return self._levels

    def pieces(self, start: int, end: int) -> list[tuple[int, int, int, int]]:
        """(first, last, level, run index) of the pieces of [start, end) of one run and
        one level, in visual order (UAX #9 L2)."""
        found = []
        lv = self.levels
        for _, _, a, b in self.segments(start, end):
            run = bisect_right(self.run_starts, a) - 1
            i = a
            while i < b:
                j = i + 1
                while j < b and lv[j] == lv[i]:
                    j += 1
                found.append((i, j, lv[i], run))
                i = j
        return visual_order(found, lambda p: p[2])

    def can_break(self, i: int) -> bool:
        """Whether a line may end before character i (0 < i < len)."""
        if i in self.glue:  # a footnote mark stays with what it follows
            return False
        text = self.text
        ch, prev = text[i], text[i - 1]
        if prev == "\n":
            return True
        fixed = self.fixed.get(i) if self.fixed else None
        if fixed is not None:
            return fixed and ch not in NO_START
        if ch == " " or prev == " ":
            return self.rules_allow(i)
        if i in self.hyphens:
            return True
        return (
            (ord(ch) >= CJK_FROM or ord(prev) >= CJK_FROM)
            and ch not in NO_START
            and prev not in NO_END
        )

    def rules_allow(self, i: int) -> bool:
        """Whether a break before character i leaves a line ending with opening or a line
        starting with closing punctuation, spaces at the break set aside."""
        text = self.text
        a = i
        while a > 0 and text[a - 1] == " ":
            a -= 1
        b = i
        while b < len(text) and text[b] == " ":
            b += 1
        if a == 0 or b == len(text):
            return False
        if text[b] in NO_START or text[a - 1] in NO_END:
            return False
        return self.fixed.get(b) is not False

    def last_break(self, after: int, upto: int) -> int | None:
        """The last place in (after, upto] where a line may end."""
        for i in range(upto, after, -1):
            if self.can_break(i):
                return i
        return None

    def last_dash(self, after: int, upto: int) -> int | None:
        """The last place in (after, upto] right after a hyphen, dash or slash inside a
        word ("Component/ subprogramme"): where a word too wide for its line is broken
        rather than between two letters."""
        text = self.text
        for i in range(upto, after + 1, -1):
            if text[i - 1] in DASHES and text[i - 2] not in " \n" and i not in self.glue:
                if text[i] not in NO_START and self.fixed.get(i) is not False:
                    return i
        return None

    def notes_between(self, start: int, end: int) -> list[Footnote]:
        return [
            r.note
            for s, r in zip(self.run_starts, self.runs, strict=True)
            if r.note and start <= s < end
        ]

    def segments(self, start: int, end: int):
        """(run, Chinese?, first, last) for each piece of a run inside [start, end)."""
        i = max(bisect_right(self.run_starts, start) - 1, 0)
        while i < len(self.runs) and self.run_starts[i] < end:
            s = self.run_starts[i]
            a, b = max(start, s), min(end, s + len(self.runs[i].text))
            if a < b:
                yield self.runs[i], self.run_cjk[i], a, b
            i += 1

    def stretch_points(self, start: int, end: int) -> int:
        """Characters in [start, end) that a justified line widens: Chinese ones, spaces
        and no-break spaces."""
        text = self.text
        return sum(
            (b - a) if cjk else text.count(" ", a, b) + text.count(NBSP, a, b)
            for _, cjk, a, b in self.segments(start, end)
        )

    def min_width(self) -> float:
        """The widest thing that cannot be broken (a word or part of a word up to a soft
        hyphen with its hyphen, or one character)."""
        edges = [0, *(i for i in range(1, len(self.text)) if self.can_break(i)), len(self.text)]
        return max(
            (
                self.sums[b] - self.sums[a] + self.hyphens.get(b, 0.0)
                for a, b in zip(edges, edges[1:], strict=False)
            ),
            default=0.0,
        )


_ASCENTS: dict[tuple[str, float], float] = {}


def ascent(font: str, size: float) -> float:
    """A font's ascent at `size` (looked up once per font and size)."""
    try:
        return _ASCENTS[font, size]
    except KeyError:
        return _ASCENTS.setdefault((font, size), getAscentDescent(font, size)[0])


@dataclass(slots=True)
class Line:
    start: int
    end: int  # trailing spaces trimmed
    width: float  # with the hyphen drawn at its end, if any
    stretch: bool  # justified (not the last line, not ended by a line break)
    hyphen: bool = False  # broken at a soft hyphen: a hyphen is drawn at its end
    cut_word: bool = False  # nowhere to break in what fits: cut between two letters


class TextBlock(Flowable):
    """A paragraph of runs with an optional hanging number (`bullet`).

    `start`/`end` select the part of the setting this block shows after a split;
    `first` is false for the continuation of a split paragraph."""

    def __init__(
        self,
        runs: list[Run] | Setting,
        style,
        bullet: Run | None = None,
        *,
        start: int = 0,
        end: int | None = None,
        first: bool = True,
    ):
        super().__init__()
        self.setting = runs if isinstance(runs, Setting) else Setting(runs)
        self.style = style
        self.bullet = bullet
        self.start = start
        self.end = len(self.setting.text) if end is None else end
        self.first = first
        self.spaceBefore = style.spaceBefore if first else 0.0
        self.spaceAfter = style.spaceAfter
        self._lines: dict[float, tuple[float, list[Line]]] = {}
        self.lines: list[Line] = []
        self.indent0 = 0.0
        # called with the canvas and the block's top when its first part is drawn (a
        # heading's bookmark and page: where it is printed, not where it was placed)
        self.mark: Callable[[object, float], None] | None = None
        self.tag: Tag | None = None  # where its content goes in the structure tree
        # "ltr" or "rtl"; None: the document's (a right-to-left document's canvas says so)
        self.direction: str | None = None

    # -- what the frame asks ----------------------------------------------------
    @property
    def notes(self) -> list[Footnote]:
        return self.setting.notes_between(self.start, self.end)

    def identity(self, maxLen: int | None = None) -> str:  # noqa: N803 (reportlab's)
        """How reportlab names this block in a layout error: by its text."""
        text = self.setting.text[self.start : self.end]
        return f"“{text[:60]}…”" if len(text) > 60 else f"“{text}”"

    def getSpaceBefore(self) -> float:  # noqa: N802 (reportlab's names)
        return self.spaceBefore

    def getSpaceAfter(self) -> float:  # noqa: N802
        return self.spaceAfter

    def minWidth(self) -> float:  # noqa: N802
        s = self.style
        return self.setting.min_width() + s.leftIndent + s.rightIndent

    def wrap(self, availWidth, availHeight):  # noqa: N803
        if availWidth not in self._lines:
            self._lines[availWidth] = self._break(availWidth)
        self.indent0, self.lines = self._lines[availWidth]
        self.width = availWidth
        self.height = len(self.lines) * self.style.leading
        return self.width, self.height

    def split(self, availWidth, availHeight):  # noqa: N803
        """The lines that fit and the rest, as platypus' Paragraph.split: with the style's
        `allowOrphans` and `allowWidows` false, at least two lines stay on each side of
        the break (`orphan_lines` and `widow_lines` say how many), or none moves."""
        self.wrap(availWidth, availHeight)
        lines = self.lines
        fit = int((availHeight + EPSILON) // self.style.leading)
        if fit >= len(lines):
            return [self]
        s = self.style
        head_min = 1 if getattr(s, "allowOrphans", 0) else getattr(s, "orphan_lines", 2)
        tail_min = 1 if getattr(s, "allowWidows", 1) else getattr(s, "widow_lines", 2)
        fit = min(fit, len(lines) - tail_min)
        if fit < head_min:
            return []
        cut = lines[fit].start
        head = TextBlock(
            self.setting, self.style, self.bullet, start=self.start, end=cut, first=self.first
        )
        head.spaceAfter = 0.0
        head.mark = self.mark
        head.tag = self.tag
        head._lines[availWidth] = (self.indent0, lines[:fit])
        tail = TextBlock(self.setting, self.style, start=cut, end=self.end, first=False)
        tail.tag = self.tag
        head.direction = tail.direction = self.direction
        # the tail's lines at this width are the rest of these (its first line is as wide
        # as the others): breaking them again on every page made long text quadratic
        tail._lines[availWidth] = (tail._first_indent(), lines[fit:])
        return [head, tail]

    def last_baseline(self) -> float:
        """The last line's baseline, above the block's bottom (as `_paint` sets it)."""
        if not self.lines:
            return 0.0
        return self.height - self._top() - (len(self.lines) - 1) * self.style.leading

    # -- line breaking ------------------------------------------------------------
    def _first_indent(self) -> float:
        """Where the first line starts, right of the hanging number if it is wider."""
        s = self.style
        indent = s.leftIndent + (s.firstLineIndent if self.first else 0.0)
        if self.first and self.bullet:
            b = self.bullet
            if b.font in SHAPERS:  # an Arabic number (أولا -): shaped
                width = label_setting(b.text, b.font, b.size).sums[-1]
            else:
                width = sum(char_widths(b.font, b.text, b.size))
            indent = max(indent, s.bulletIndent + width + 0.6 * s.bulletFontSize)
        return indent

    def _break(self, avail: float) -> tuple[float, list[Line]]:
        """The first line's indent and the lines at width `avail`."""
        s = self.style
        indent0 = self._first_indent()
        right = avail - s.rightIndent
        lines = self._lines_from(self.start, right - indent0, right - s.leftIndent)
        if not lines and self.first and self.bullet:  # a number with no text
            lines.append(Line(self.start, self.start, 0.0, False))
        return indent0, lines

    def _lines_from(
        self, pos: int, first: float, rest: float, hyphenate: bool = True, choose: bool = True
    ) -> list[Line]:
        """The lines from `pos` on, the first `first` wide, the others `rest`: each takes
        what fits (a bisection of the advances' prefix sums), then steps back to the last
        place a line may end; spaces at a break belong to neither line.

        The first line ends at a soft hyphen only if `hyphenate`. With `choose`, a line
        ending at a soft hyphen gives way to the line ending at the space before it when
        the rest then takes no more lines: a word is hyphenated only where that saves a
        line ("(before / recosting)", not "(before recost- / ing)")."""
        st, end = self.setting, self.end
        text, sums, newlines, dashes = st.text, st.sums, st.newlines, st.hyphens
        lines: list[Line] = []
        room = first
        while pos < end:
            fits = bisect_right(sums, sums[pos] + room + EPSILON, pos, end + 1) - 1
            k = bisect_left(newlines, pos)
            forced = k < len(newlines) and newlines[k] <= fits and newlines[k] < end
            cut_word = False
            if forced:
                cut = nxt = newlines[k]
                nxt += 1
            elif fits >= end:
                cut = nxt = end
            else:
                cut = st.last_break(pos, fits)
                # a break at a soft hyphen needs room for the hyphen drawn there
                while cut in dashes and (
                    not (hyphenate or lines) or sums[cut] - sums[pos] + dashes[cut] > room + EPSILON
                ):
                    cut = st.last_break(pos, cut - 1)
                if not cut:  # a word wider than the line, with no hyphenation point in it
                    cut = st.last_dash(pos, fits)
                    cut_word = not cut
                if not cut:  # cut between two letters, but not before closing punctuation
                    cut = max(fits, pos + 1)
                    while cut > pos + 1 and (text[cut] in NO_START or text[cut - 1] in NO_END):
                        cut -= 1
                cut = nxt = cut
            while nxt < end and text[nxt] == " ":
                nxt += 1
            last = cut
            while last > pos and text[last - 1] == " ":
                last -= 1
            dash = dashes.get(last, 0.0) if dashes and last == cut < end and not forced else 0.0
            width = sums[last] - sums[pos] + dash
            line = Line(pos, last, width, not forced and nxt < end, dash > 0.0, cut_word)
            if dash and choose:
                plain = self._lines_from(pos, room, rest, hyphenate=False, choose=False)
                if not plain[0].cut_word and len(plain) <= 1 + len(
                    self._lines_from(nxt, rest, rest, choose=False)
                ):
                    line = plain[0]
                    nxt = plain[1].start if len(plain) > 1 else end
            lines.append(line)
            pos = nxt
            room = rest
        return lines

    # -- drawing ------------------------------------------------------------------
    def drawOn(self, canvas, x, y, _sW=0):  # noqa: N802, N803
        """Drawn at (x, y) in the current space, inside q … Q only: reportlab's own
        save, translate and restore around every flowable cost more than the text."""
        x = self._hAlignAdjust(x, _sW)
        if self.mark is not None:
            self.mark(canvas, y + self.height)
        self.canv = canvas
        canvas._code.append("q")
        self._paint(x, y)
        canvas._code.append("Q")
        del self.canv

    def draw(self):
        if self.mark is not None:
            self.mark(self.canv, self.height)
        self._paint(0.0, 0.0)

    def paint_into(self, ops: TextOps, x0: float, y0: float) -> None:
        """Drawn with the text object `ops` of a table row, its lower left corner at
        (x0, y0) in the canvas's space: the cells of a row share one text object."""
        self.canv = ops.canv
        self._paint(x0, y0, ops)
        del self.canv

    def _top(self) -> float:
        """The first baseline below the block's top: the tallest ascent on the line."""
        s, st = self.style, self.setting
        first = self.lines[0]
        return max(
            (ascent(r.font, r.size) for r, *_ in st.segments(first.start, first.end)),
            default=ascent(s.fontName, s.fontSize),
        )

    def _open(self, shared: TextOps | None, bullet_at, text_at, show_bullet):
        """The text object (`shared`, or a new one with the hanging number drawn at
        `bullet_at` by `show_bullet`, else starting at `text_at`), the block's structure
        element begun in it (its number a Lbl where it is a label), and the tagger."""
        tagger = self.canv.__dict__.get("_rg_tags")
        elem = None  # the structure element of the text (a cell's is begun by its grid)
        if tagger is not None and shared is None:
            tag = self.tag
            if tag is None:
                elem = tagger.new("P", tagger.open[-1][1] if tagger.open else tagger.root)
            elif tag.note is not None:
                elem = tagger.note(tag.note)
            else:
                elem = tagger.enter(tag)
        if shared is not None:
            return shared, elem, tagger
        if self.first and self.bullet:
            ops = TextOps(self.canv, *bullet_at)
            label = self.tag.label if elem is not None and self.tag is not None else None
            if label:
                lbl = (
                    tagger.child(elem, "Lbl")
                    if label == "in"
                    else tagger.child(elem.parent, "Lbl", before=elem)
                )
                with ops.marked(lbl):
                    show_bullet(ops)
                ops.begin(elem)
            else:
                ops.begin(elem)
                show_bullet(ops)
        else:
            ops = TextOps(self.canv, *text_at)
            ops.begin(elem)
        return ops, elem, tagger

    def _annotate(self, links, tagger) -> None:
        """The link annotations of the block's linked text (rectangles as drawn)."""
        for url, x1, base, x2, size, link in links:
            rect = (x1, base - 0.2 * size, x2, base + 0.9 * size)
            self.canv.linkURL(url, rect, relative=1, Contents=PDFString(url))
            if link is not None:
                doc = self.canv._doc
                ref = doc.refAnnotation(f"NUMBER{self.canv._annotationCount}")
                tagger.link(link, doc.idToObject[ref.name], ref)

    def _paint(self, x0: float, y0: float, shared: TextOps | None = None) -> None:
        """Every line's text, the block's lower left corner at (x0, y0); in a text
        object of its own unless one is `shared`."""
        if not self.lines:
            return
        if self.direction != "ltr" and (
            self.direction == "rtl" or self.canv.__dict__.get("_rg_rtl")
        ):
            self._paint_rtl(x0, y0, shared)
            return
        s, st = self.style, self.setting
        y = y0 + self.height - self._top()
        bullet = self.bullet
        ops, elem, tagger = self._open(
            shared,
            (x0 + s.bulletIndent, y),
            (x0 + self.indent0, y),
            lambda ops: ops.show(bullet.text, bullet.font, bullet.size),
        )
        links: list[tuple[str, float, float, float, float, Elem | None]] = []
        text, sums, runs, starts, cjks = st.text, st.sums, st.runs, st.run_starts, st.run_cjk
        spacing, show = ops.spacing, ops.show
        for n, line in enumerate(self.lines):
            x = x0 + (self.indent0 if n == 0 else s.leftIndent)
            extra = 0.0
            slack = x0 + self.width - s.rightIndent - x - line.width
            if s.alignment == TA_RIGHT:
                x += slack
            elif s.alignment == TA_CENTER:
                x += slack / 2
            elif s.alignment == TA_JUSTIFY and line.stretch and slack > 0:
                points = st.stretch_points(line.start, line.end - 1)
                extra = slack / points if points else 0.0
            ops.line(x, y)
            start, end = line.start, line.end
            i = max(bisect_right(starts, start) - 1, 0)
            while i < len(runs) and starts[i] < end:  # the pieces of runs on this line
                run, cjk, a = runs[i], cjks[i], max(start, starts[i])
                b = min(end, starts[i] + len(run.text))
                i += 1
                if a >= b:
                    continue
                piece = text[a:b]  # soft hyphens in it are dropped by `show`
                advance = sums[b] - sums[a]
                if b == end and line.hyphen:
                    piece += HYPHEN
                    advance += st.hyphens[end]
                tc, tw = (extra, 0.0) if cjk else (0.0, extra)
                if spacing["Tc"] != tc:
                    ops.set("Tc", tc)
                if spacing["Tw"] != tw:
                    ops.set("Tw", tw)
                if spacing["Ts"] != run.rise:
                    ops.set("Ts", run.rise)
                if run.url and tagger is not None:  # a Link inside the element
                    host = elem or tagger.current
                    link = tagger.child(host, "Link")
                    ops.end()
                    with ops.marked(link):
                        show(piece, run.font, run.size)
                    ops.begin(host)
                else:
                    link = None
                    if run.note is not None and tagger is not None:
                        tagger.cite(run.note)
                    show(piece, run.font, run.size)
                if extra:
                    advance += extra * ((b - a) if cjk else piece.count(" ") + piece.count(NBSP))
                if run.url:
                    links.append((run.url, x, y, x + advance, run.size, link))
                x += advance
            y -= s.leading
        ops.line(x0 + s.leftIndent, y)  # ends the last line as the others: readers see the break
        if shared is None:
            ops.close()
        self._annotate(links, tagger)

    # -- right to left ------------------------------------------------------------
    def _paint_rtl(self, x0: float, y0: float, shared: TextOps | None = None) -> None:
        """As `_paint`, mirrored: the start indents and the hanging number on the right,
        left-aligned text set from the right, right-aligned text at the left (but a
        table's heads over figures stay right, as the figures do),
        each line's pieces in visual order (`Setting.pieces`) but drawn in logical order,
        each where the visual order puts it, so what is copied reads in order."""
        s, st = self.style, self.setting
        y = y0 + self.height - self._top()
        right = x0 + self.width
        b = self.bullet if self.first else None
        bullet = label_setting(b.text, b.font, b.size) if b else None
        at = right - s.bulletIndent - (bullet.sums[-1] if bullet else 0.0)

        def show_bullet(ops: TextOps) -> None:
            draw_line(ops, bullet, 0, len(bullet.text), at, y, 0.0, None, None)

        ops, elem, tagger = self._open(shared, (at, y), (right - self.indent0, y), show_bullet)
        links: list = []
        for n, line in enumerate(self.lines):
            start_edge = right - (self.indent0 if n == 0 else s.leftIndent)
            end_edge = x0 + s.rightIndent
            slack = start_edge - end_edge - line.width
            extra = 0.0
            x = start_edge - line.width
            if s.alignment == TA_CENTER:
                x = end_edge + slack / 2
            elif s.alignment == TA_RIGHT and not getattr(s, "keep_right", False):
                x = end_edge  # right is the end: the left
            elif s.alignment == TA_JUSTIFY and line.stretch and slack > 0:
                points = st.stretch_points(line.start, line.end - 1)
                if points:
                    extra, x = slack / points, end_edge
            links += draw_line(ops, st, line.start, line.end, x, y, extra, tagger, elem)
            y -= s.leading
        ops.line(right - s.leftIndent, y)  # ends the last line as the others
        if shared is None:
            ops.close()
        self._annotate(links, tagger)


def draw_line(
    ops: TextOps, st: Setting, start, end, x, y, extra=0.0, tagger=None, elem=None
) -> list:
    """One right-to-left line [start, end) of `st`, its left end at x: the pieces'
    places from their visual order, then each drawn, in logical order. Returns the
    link rectangles (as `_paint` collects them)."""
    text, sums = st.text, st.sums
    pieces = st.pieces(start, end)
    places: dict[int, float] = {}
    for a, b, _, r in pieces:
        places[a] = x
        x += sums[b] - sums[a]
        if extra:
            x += extra * ((b - a) if st.run_cjk[r] else _spaces(text, a, b))
    links = []
    for a, b, level, r in sorted(pieces):
        run, cjk, piece = st.runs[r], st.run_cjk[r], text[a:b]
        px = places[a]
        ops.line(px, y)
        tw = 0.0 if cjk else extra
        for op, value in (("Tc", extra - tw), ("Tw", tw), ("Ts", run.rise)):
            ops.set(op, value)  # written only where it changes
        link = None
        if run.url and tagger is not None:  # a Link inside the element
            host = elem or tagger.current
            link = tagger.child(host, "Link")
            ops.end()
            ops.begin(link)
        elif run.note is not None and tagger is not None:
            tagger.cite(run.note)
        if run.font in SHAPERS:
            ops.show_shaped(piece, run.font, run.size, extra)
        elif level % 2:
            ops.show_reversed(piece, run.font, run.size, tw)
        else:
            ops.show(piece, run.font, run.size)
        if link is not None:
            ops.end()
            ops.begin(host)
        if run.url:
            advance = sums[b] - sums[a] + extra * _spaces(text, a, b)
            links.append((run.url, px, y, px + advance, run.size, link))
    return links


def _spaces(text: str, a: int, b: int) -> int:
    return text.count(" ", a, b) + text.count(NBSP, a, b)
