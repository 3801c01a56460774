"""A typesetter's check of a rendered PDF, read back from the file itself.

Everything is measured on the PDF as printed: the position, size and font of every
character (pdfium), the footnote rule, link areas, bookmarks and the page numbers
printed in the page footers. Nothing the writer computed is consulted, so a wrong
number in the writer cannot hide a wrong number on the page.

Findings (one line each, "page N: kind: what"):

- stranded: a heading, caption, table title or units line ends a page whose next page
  carries on (with less than half the page left blank: more means the page was ended on
  purpose, as after a cover), or is followed by one line only of a paragraph that goes on
  on the next page;
- orphan: the first line of a paragraph alone at the foot of a page;
- widow: the last line of a paragraph alone at the top of a page;
- contents: a contents entry whose page number is not the number printed on the page
  where its heading stands;
- bookmark: a bookmark that does not lead to the page where its heading stands;
- line-start / line-end: a line starting with closing punctuation (，。）…) or ending with
  opening punctuation (（“…); "见" ending a line that goes on with what it introduces; a
  URL broken other than after / . - _ ? & =;
- margin: a character running past the right margin.

A page whose letters are mostly Arabic is read mirrored (left for right), so the same
checks see its lines start at the right margin, its numbers hang on the right and its
contents numbers stand at the left. Inside such a line the order a reader gives neutral
characters (".", brackets) is a guess at the bidirectional algorithm run backwards:
there only Chinese punctuation is checked at the ends of lines, URLs are not, and
headings are matched with their entries and bookmarks by their letters.

    python tests/typesetting.py build/*.pdf      # prints the findings, exit 1 if any
"""

from __future__ import annotations

import ctypes
import re
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from reportgen.writers.layout_spec import GEOMETRY

# the Chinese rules (GB/T 15834, JIS X 4051): no line starts with closing punctuation,
# none ends with opening punctuation; Latin punctuation likewise
NO_START = frozenset("，。、；：？！）》」』】〕〉”’…·,.;:?!)]}%‰")
NO_END = frozenset("（《「『【〔〈“‘([{")
URL_BREAKS = frozenset("/.-_?&=")  # a URL may break after these only
CJK_FROM = 0x2E80
FUZZ = 0.6  # points: positions are read back from single-precision numbers
RULE_WIDTH = (80.0, 95.0)  # the footnote separator, about 3 cm
_MARKER = re.compile(
    r"^(\d+(\.\d+)*\.?|[（(]([a-z]{1,4}|[ivxl]{1,6}|[一二三四五六七八九十]+|\d+)[)）]"
    r"|[一二三四五六七八九十]+\.|[A-Z]\.|[IVX]+\.|[•\u2022]|[\u3220-\u3229]|[a-z]\.?)$"
)
_CAPTION = re.compile(r"^(表|图|Table|Figure|Tableau|Cuadro|Gráfico)\s*\S+$")
_UNITS = re.compile(r"^[（(].*[)）]$")
_LEADER = re.compile(r"(\.\s*){4,}|…{2,}|·{4,}")
_URL = re.compile(r"(https?://|www\.)\S*$")


@dataclass
class Char:
    text: str
    x: float  # origin
    y: float  # baseline
    right: float  # right edge of the advance
    size: float
    font: str


@dataclass
class Line:
    """Characters on one baseline, left to right, in the order they were drawn; split
    into segments where a gap wider than 1.5 em separates them (a hanging number and its
    text, two table cells)."""

    chars: list[Char]
    segments: list[list[Char]] = field(default_factory=list)
    bold: bool = False
    # a right-to-left page's line (read mirrored, `_mirrored`): its characters in
    # reading order, as pdfium's text page orders them (UAX #9)
    reading: list[Char] | None = None

    def __post_init__(self) -> None:
        chars = self.chars
        self.text = "".join(c.text for c in (self.reading or chars))
        self.y = chars[0].y
        self.x0 = chars[0].x
        self.x1 = max(c.right for c in chars)
        self.size = max(c.size for c in chars)

    def seg_text(self, n: int) -> str:
        if self.reading:
            inside = {id(c) for c in self.segments[n]}
            return "".join(c.text for c in self.reading if id(c) in inside)
        return "".join(c.text for c in self.segments[n])


@dataclass
class Page:
    index: int  # 0-based
    width: float
    height: float
    body: list[Line]
    notes: list[Line]
    footer: list[Line]
    links: list[tuple[tuple[float, float, float, float], str]]
    bottom: float  # the lowest place body text may reach (above the notes)
    printed: str | None = None  # the page number printed in the footer

    @property
    def label(self) -> str:
        return f"page {self.printed or '?'} (sheet {self.index + 1})"


@dataclass
class Finding:
    page: int  # sheet, 1-based
    kind: str
    what: str

    def __str__(self) -> str:
        return f"sheet {self.page}: {self.kind}: {self.what}"


# -- reading ------------------------------------------------------------------------------
def _chars(textpage) -> list[Char]:
    """Every character drawn on a page, in drawing order; the face and size are those of
    the text-showing operator that drew it (one pdfium text object each)."""
    count = pdfium_c.FPDFText_CountChars(textpage)
    if count <= 0:
        return []
    buffer = ctypes.create_string_buffer(2 * (count + 1))
    pdfium_c.FPDFText_GetText(
        textpage, 0, count, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort))
    )
    text = buffer.raw[: 2 * count].decode("utf-16-le", errors="replace")
    x, y = ctypes.c_double(), ctypes.c_double()
    box = pdfium_c.FS_RECTF()
    name = ctypes.create_string_buffer(256)
    size = ctypes.c_float()
    faces: dict[int, tuple[str, float]] = {}
    origin, loose = pdfium_c.FPDFText_GetCharOrigin, pdfium_c.FPDFText_GetLooseCharBox
    text_object = pdfium_c.FPDFText_GetTextObject
    address = ctypes.c_void_p
    out = []
    for i, ch in enumerate(text):
        if ch in "\r\n\x00\uffff" or (ch == " " and pdfium_c.FPDFText_IsGenerated(textpage, i)):
            continue
        if ch in "\ufffe\x02":  # pdfium's mark for a hyphen that ends a line
            ch = "-"
        obj = text_object(textpage, i)
        key = ctypes.cast(obj, address).value
        if key is None:  # a character pdfium put there (a space between two pieces)
            continue
        face = faces.get(key)
        if face is None:
            font = pdfium_c.FPDFTextObj_GetFont(obj)
            n = pdfium_c.FPDFFont_GetBaseFontName(font, name, 256)
            base = name.value.decode("latin-1") if n else ""
            pdfium_c.FPDFTextObj_GetFontSize(obj, size)
            face = faces[key] = (base.partition("+")[2] or base, round(size.value, 2))
        origin(textpage, i, x, y)
        loose(textpage, i, box)
        out.append(Char(ch, x.value, y.value, box.right, face[1], face[0]))
    return out


def _lines(chars: list[Char], rtl: bool = False) -> list[Line]:
    """Characters in drawing order → lines: a new line where the baseline changes (a
    raised footnote mark stays on its line) or the text goes back to the left. On a
    right-to-left page (its characters mirrored) a line's pieces are drawn in logical
    order, not from the left: a line is what one baseline holds, its characters sorted
    from the (mirrored) left."""
    lines: list[Line] = []
    current: list[Char] = []
    base = size = 0.0
    for c in chars:
        if current:
            prev = current[-1]
            raised = c.size < size and 0 < c.y - base <= 0.7 * size
            same = abs(c.y - base) < 0.5 or raised
            if same and (rtl or c.x >= prev.x - FUZZ):
                current.append(c)
                continue
            lines.append(_line(current, rtl))
        current = [c]
        base, size = c.y, c.size
    if current:
        lines.append(_line(current, rtl))
    for line in lines:
        segment = [line.chars[0]]
        gap = 1.5 * line.size
        for prev, c in zip(line.chars, line.chars[1:], strict=False):
            # a wide gap parts a hanging number from its text, or two table cells; not
            # two Chinese characters or words spread by justification
            spread = prev.text == " " or (_is_cjk(prev.text) and _is_cjk(c.text))
            if c.x - prev.right > gap and c.text != " " and not spread:
                line.segments.append(segment)
                segment = []
            segment.append(c)
        line.segments.append(segment)
        for segment in line.segments:  # spaces at a segment's ends are not text
            while len(segment) > 1 and segment[-1].text == " ":
                segment.pop()
            while len(segment) > 1 and segment[0].text == " ":
                segment.pop(0)
    return lines


_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")


def _is_rtl(chars: list[Char]) -> bool:
    """A page set right to left: most of its letters Arabic."""
    letters = [c for c in chars if c.text.isalpha()]
    return bool(letters) and sum(bool(_ARABIC.match(c.text)) for c in letters) > len(letters) / 2


def _mirrored(chars: list[Char], width: float) -> list[Char]:
    """The characters of a right-to-left page flipped left for right: the line's start
    is then at the left, and every check reads the page as it reads a left-to-right
    one (margins, indents, justified lines, contents numbers)."""
    return [Char(c.text, width - c.right, c.y, width - c.x, c.size, c.font) for c in chars]


def _line(chars: list[Char], rtl: bool) -> Line:
    if not rtl:
        return Line(chars)
    return Line(sorted(chars, key=lambda c: c.x), reading=chars)


def _paths(page) -> list[tuple[float, float, float, float]]:
    out = []
    a, b, c, d = (ctypes.c_float() for _ in range(4))
    for i in range(pdfium_c.FPDFPage_CountObjects(page.raw)):
        obj = pdfium_c.FPDFPage_GetObject(page.raw, i)
        if pdfium_c.FPDFPageObj_GetType(obj) == pdfium_c.FPDF_PAGEOBJ_PATH:
            pdfium_c.FPDFPageObj_GetBounds(obj, a, b, c, d)
            out.append((a.value, b.value, c.value, d.value))
    return out


def _links(pdf, page) -> list[tuple[tuple[float, float, float, float], str]]:
    out = []
    pos, link = ctypes.c_int(0), pdfium_c.FPDF_LINK()
    while pdfium_c.FPDFLink_Enumerate(page.raw, ctypes.byref(pos), ctypes.byref(link)):
        rect = pdfium_c.FS_RECTF()
        pdfium_c.FPDFLink_GetAnnotRect(link, rect)
        action = pdfium_c.FPDFLink_GetAction(link)
        if not action:
            continue
        n = pdfium_c.FPDFAction_GetURIPath(pdf.raw, action, None, 0)
        buf = ctypes.create_string_buffer(n)
        pdfium_c.FPDFAction_GetURIPath(pdf.raw, action, buf, n)
        out.append(((rect.left, rect.bottom, rect.right, rect.top), buf.value.decode("latin-1")))
    return out


def read(path: Path) -> tuple[list[Page], list[tuple[str, int, int]]]:
    """The pages, and the bookmarks (title, level, sheet index)."""
    pdf = pdfium.PdfDocument(str(path))
    pages: list[Page] = []
    g = GEOMETRY
    try:
        for index in range(len(pdf)):
            page = pdf[index]
            width, height = page.get_size()
            textpage = pdfium_c.FPDFText_LoadPage(page.raw)
            chars = _chars(textpage)
            rtl = _is_rtl(chars)
            lines = _lines(_mirrored(chars, width) if rtl else chars, rtl)
            pdfium_c.FPDFText_ClosePage(textpage)
            rules = [
                p
                for p in _paths(page)
                if RULE_WIDTH[0] <= p[2] - p[0] <= RULE_WIDTH[1] and p[3] - p[1] < 2
            ]
            rule = max((p[3] for p in rules if p[1] < height / 2), default=None)
            top = height - g.margin_top + 2
            footer_top = g.margin_bottom - 12
            body, notes, footer = [], [], []
            for line in lines:
                if line.y > top:
                    continue  # running head
                if line.y < footer_top:
                    footer.append(line)
                elif rule is not None and line.y < rule:
                    notes.append(line)
                else:
                    body.append(line)
            body.sort(key=lambda ln: (-round(ln.y, 1), ln.x0))
            printed = next(
                (ln.text.strip() for ln in footer if re.fullmatch(r"\s*\d+\s*", ln.text)), None
            )
            bottom = (rule + 6) if rule is not None else g.margin_bottom
            links = _links(pdf, page)
            if rtl:  # link rectangles flipped as the characters are
                links = [((width - x1, y0, width - x0, y1), u) for (x0, y0, x1, y1), u in links]
            pages.append(Page(index, width, height, body, notes, footer, links, bottom, printed))
            page.close()
        bookmarks = []
        for item in pdf.get_toc():
            dest = item.get_dest()
            bookmarks.append((item.get_title(), item.level, dest.get_index() if dest else -1))
    finally:
        pdf.close()
    # the first page prints no number: it is the one before the next page's
    for n, page in enumerate(pages):
        if page.printed is None and n + 1 < len(pages) and (nxt := pages[n + 1].printed):
            page.printed = str(int(nxt) - 1)
    _mark_bold(pages)
    return pages, bookmarks


def _is_cjk(ch: str) -> bool:
    return ord(ch) >= CJK_FROM


def _mark_bold(pages: list[Page]) -> None:
    """A line is bold when every character of its own size is set in a bold face: a
    face named bold, or a Chinese face other than the body's (黑体 beside 宋体)."""
    cjk_fonts = Counter(c.font for p in pages for ln in p.body for c in ln.chars if _is_cjk(c.text))
    body_cjk = cjk_fonts.most_common(1)[0][0] if cjk_fonts else None

    def bold(c: Char) -> bool:
        if "bold" in c.font.lower():
            return True
        return _is_cjk(c.text) and body_cjk is not None and c.font != body_cjk

    for page in pages:
        for line in page.body:
            segments = line.segments
            if len(segments) > 1 and _MARKER.match("".join(c.text for c in segments[0])):
                segments = segments[1:]  # the hanging number is set in the text face
            own = [c for s in segments for c in s if c.size == line.size and not c.text.isspace()]
            # a Chinese heading's number and marks are set in the Latin face
            letters = [c for c in own if _is_cjk(c.text)] or [c for c in own if c.text.isalpha()]
            # (a number such as "Annex I" run into its text may be in the text face)
            line.bold = bool(letters) and sum(map(bold, letters)) >= 0.6 * len(letters)


def normalise(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


# -- checking -----------------------------------------------------------------------------
class Check:
    def __init__(self, pages: list[Page], bookmarks: list[tuple[str, int, int]]):
        self.pages = pages
        self.bookmarks = bookmarks
        sizes: Counter[float] = Counter()
        for p in pages:
            for ln in p.body:
                sizes[round(ln.size, 1)] += len(ln.chars)
        self.body_size = sizes.most_common(1)[0][0] if sizes else GEOMETRY.body_size
        # the document's leading, in sizes: the commonest step between two body lines
        # (1.4 as a rule; an Arabic face's own line height, 1.7, in Arabic documents)
        steps: Counter[float] = Counter()
        for p in pages:
            for a, b in zip(p.body, p.body[1:], strict=False):
                if a.size == b.size == self.body_size:
                    steps[round((a.y - b.y) / a.size, 2)] += 1
        common = steps.most_common(1)[0][0] if steps else 1.4
        self.ratio = common if 1.2 <= common <= 2.0 else 1.4
        self.right = (pages[0].width - GEOMETRY.margin_right) if pages else 0.0
        self.findings: list[Finding] = []

    def add(self, page: Page, kind: str, what: str) -> None:
        self.findings.append(Finding(page.index + 1, kind, what))

    def run(self) -> list[Finding]:
        for page in self.pages:
            self.rules(page)
            self.margin(page)
        for page, nxt in zip(self.pages, self.pages[1:], strict=False):
            self.stranded(page, nxt)
            self.widows_orphans(page, nxt)
        self.contents()
        self.bookmark_pages()
        return self.findings

    # -- line classes ---------------------------------------------------------------------
    def keep(self, page: Page, i: int) -> bool:
        """Whether body line i must stay with what follows it: a heading, a caption, a
        table or figure label or title, a units line under one of these."""
        line = page.body[i]
        text = line.text.strip()
        if line.bold and line.size >= 9 and not self.is_open(line):
            return True
        if _CAPTION.match(text) and line.size >= 9:
            return True
        return (
            bool(_UNITS.match(text))
            and line.size < self.body_size
            and i > 0
            and self.keep(page, i - 1)
        )

    def is_text(self, line: Line) -> bool:
        return abs(line.size - self.body_size) < 0.05 and not line.bold

    def is_open(self, line: Line) -> bool:
        """A justified line that does not end its paragraph: its text reaches the right
        margin (a contents entry's page number and a right-aligned line do not count)."""
        last = line.segments[-1]
        text = "".join(c.text for c in last)
        return (
            abs(line.size - self.body_size) < 0.05
            and max(c.right for c in last) >= self.right - FUZZ
            and last[0].x < (self.right + GEOMETRY.margin_left) / 2
            and not _LEADER.search(text)
        )

    def starts_block(self, line: Line, cont_x: float | None) -> bool:
        first = "".join(c.text for c in line.segments[0]).strip()
        if len(line.segments) > 1 and _MARKER.match(first):
            return True
        return cont_x is not None and line.x0 < cont_x - 1

    def leading(self, line: Line) -> float:
        return round(line.size * self.ratio, 2)

    def same_block(self, a: Line, b: Line) -> bool:
        """Whether line b follows line a in one paragraph: the next baseline, a line's
        leading below (1.2 to 1.45 times the size where the leading is 1.4: no space
        between paragraphs)."""
        step = (a.y - b.y) / a.size
        return a.size == b.size and 0.857 * self.ratio <= step <= 1.036 * self.ratio

    def block_above(self, page: Page, i: int) -> int:
        """How many text lines above line i belong to its paragraph."""
        n = 0
        while i - n - 1 >= 0:
            a, b = page.body[i - n - 1], page.body[i - n]
            if not self.is_text(a) or abs(a.y - b.y - self.leading(b)) > 0.1:
                break
            n += 1
        return n

    def block_below(self, page: Page, i: int) -> int:
        n = 0
        while i + n + 1 < len(page.body):
            a, b = page.body[i + n], page.body[i + n + 1]
            if not self.is_text(b) or abs(a.y - b.y - self.leading(a)) > 0.1:
                break
            n += 1
        return n

    # -- the checks -----------------------------------------------------------------------
    def stranded(self, page: Page, nxt: Page) -> None:
        body = page.body
        if not body or not nxt.body:
            return
        keeps = [i for i in range(len(body)) if self.keep(page, i)]
        if not keeps:
            return
        k = keeps[-1]
        below = [ln for ln in body[k + 1 :] if ln.y < body[k].y - 0.5]
        text = body[k].text.strip()
        if not below:
            blank = body[k].y - page.bottom
            # a page whose next one opens with a heading as large: ended on purpose (a
            # cover before the contents), as is one left more than half blank
            opens = self.keep(nxt, 0) and nxt.body[0].size >= body[k].size
            half = (page.height - GEOMETRY.margin_top - GEOMETRY.margin_bottom) / 2
            if blank < half and not opens:
                self.add(page, "stranded", f"{text!r} ends the page")
        elif len(below) == 1 and self.is_text(below[0]) and self.is_open(below[0]):
            self.add(page, "stranded", f"{text!r} is followed by one line of its paragraph")

    def widows_orphans(self, page: Page, nxt: Page) -> None:
        texts = [i for i, ln in enumerate(page.body) if self.is_text(ln)]
        if not texts or not nxt.body:
            return
        i = len(page.body) - 1
        last, first = page.body[i], nxt.body[0]
        if not (self.is_text(last) and self.is_text(first) and self.is_open(last)):
            return
        above = self.block_above(page, i)
        cont_x = page.body[i].x0 if above else None
        if above:
            cont_x = page.body[i].x0
        if self.starts_block(first, cont_x):
            return
        if above == 0 and i > 0:
            self.add(page, "orphan", f"{last.text.strip()[:30]!r} alone at the foot")
        if self.block_below(nxt, 0) == 0:
            self.add(nxt, "widow", f"{first.text.strip()[:30]!r} alone at the top")

    def rules(self, page: Page) -> None:
        lines = page.body + page.notes
        for n, line in enumerate(lines):
            for k in range(len(line.segments)):
                text = line.seg_text(k)
                head, tail = text.lstrip(), text.rstrip()
                if line.reading:
                    # right to left: where a reader puts a neutral "." or bracket is its
                    # guess (UAX #9 run backwards), so only Chinese punctuation is checked
                    head, tail = (
                        head if _is_cjk(head[:1] or "a") else "",
                        tail if _is_cjk(tail[-1:] or "a") else "",
                    )
                if head and head[0] in NO_START and not _MARKER.match(head.split(" ")[0]):
                    self.add(page, "line-start", f"{text[:30]!r} starts with {head[0]!r}")
                if tail and tail[-1] in NO_END:
                    self.add(page, "line-end", f"{text[-30:]!r} ends with {tail[-1]!r}")
            nxt = lines[n + 1] if n + 1 < len(lines) else None
            if nxt is None or not self.same_block(line, nxt):
                continue  # not the same paragraph
            tail = line.seg_text(-1).rstrip()
            head = nxt.seg_text(0).lstrip()
            if len(nxt.segments) > 1 and _MARKER.match(head):
                head = nxt.seg_text(1).lstrip()
            if tail.endswith("见") and head[:1].isascii() and head[:1].isalnum():
                self.add(page, "line-end", f"{tail[-20:]!r}: '见' parted from {head[:20]!r}")
            self.url_break(page, line, nxt, tail, head)

    def url_break(self, page: Page, line: Line, nxt: Line, tail: str, head: str) -> None:
        if line.reading:
            return  # right to left: a reader's order inside a line is a guess (see rules)
        last, first = line.chars[-1], nxt.chars[0]
        broken = False
        for (x0, y0, x1, y1), uri in page.links:
            if x0 - 1 <= last.x <= x1 + 1 and y0 - 1 <= last.y <= y1 + 1:
                broken = any(
                    u == uri and a - 1 <= first.x <= c + 1 and b - 1 <= first.y <= d + 1
                    for (a, b, c, d), u in page.links
                )
                if broken:
                    break
        url = _URL.search(tail.split(" ")[-1])
        if not broken and url and head[:1].isascii() and not head[:1].isspace():
            word = re.split(r"[\s\u2e80-\uffff]", head, maxsplit=1)[0]
            broken = bool(word) and ("/" in word or "." in word)
        if broken and tail[-1:] not in URL_BREAKS:
            self.add(page, "line-end", f"URL broken inside a word: {tail[-20:]!r} / {head[:20]!r}")

    def margin(self, page: Page) -> None:
        for line in page.body + page.notes:
            over = [c for c in line.chars if c.right > self.right + FUZZ and not c.text.isspace()]
            if over:
                self.add(
                    page,
                    "margin",
                    f"{line.text.strip()[:30]!r} runs {over[-1].right - self.right:.1f} pt past",
                )

    # -- contents and bookmarks ---------------------------------------------------------
    def headings(self, start: int = 0, below: float = 1e9) -> list[tuple[int, str]]:
        """(sheet index, normalised text) of each run of bold lines (a heading, however
        many lines it takes) from sheet `start` on, there below the height `below`."""
        out = []
        for page in self.pages[start:]:
            run: list[str] = []
            prev = None
            for i, line in enumerate(page.body):
                if page.index == start and line.y >= below:
                    continue
                if self.keep(page, i) and line.bold:
                    if prev is not None and (
                        abs(prev.y - line.y - self.leading(prev)) > 0.1 or prev.size != line.size
                    ):
                        out.append((page.index, normalise("".join(run))))
                        run = []
                    chars = line.reading or line.chars
                    run.append("".join(c.text for c in chars if c.size == line.size))
                    prev = line
                elif run:
                    out.append((page.index, normalise("".join(run))))
                    run, prev = [], None
            if run:
                out.append((page.index, normalise("".join(run))))
        return out

    def contents_entries(self) -> list[tuple[Page, str, str, float]]:
        """(page, label, printed number) of each contents entry: a line whose last segment
        ends at the right margin with a number (after leader dots or a gap)."""
        entries: list[tuple[Page, str, str, float]] = []
        for page in self.pages[:4]:
            pending = ""
            found = len(entries)
            above = None
            for line in page.body:
                if above is not None and abs(above.y - line.y - self.leading(line)) > 0.1:
                    pending = ""  # not the first lines of this entry
                above = line
                text = line.text.rstrip()
                last = line.seg_text(-1).strip()
                m = re.search(r"(\d+)$", last)
                at_margin = line.x1 >= self.right - FUZZ
                leader = _LEADER.search(last)
                if m and at_margin and (leader or (len(line.segments) > 1 and last.isdigit())):
                    if leader:
                        label_part = text[: text.rindex(last)] + last[: leader.start()]
                    else:
                        label_part = "".join("".join(c.text for c in s) for s in line.segments[:-1])
                    label = normalise(pending + label_part).rstrip("*")
                    entries.append((page, label, m.group(1), line.y))
                    pending = ""
                elif not line.bold and line.x1 < self.right - 30:
                    pending += line.text  # the first lines of a long entry
                else:
                    pending = ""
            if entries and len(entries) == found:
                break  # the contents have ended
        return entries

    def contents(self) -> None:
        entries = self.contents_entries()
        if not entries:
            return
        heads = self.headings(entries[-1][0].index, entries[-1][3])
        pos = 0
        for page, label, number, _ in entries:
            bare = re.sub(r"^([一二三四五六七八九十]+|[A-Z]|[IVX]+|\d+)\.", "", label)
            found = None
            for j in range(pos, len(heads)):
                if _same_heading(heads[j][1], label, bare):
                    found = j
                    break
            if found is None:
                self.add(page, "contents", f"entry {label!r}: no such heading")
                continue
            pos = found + 1
            sheet = heads[found][0]
            printed = self.pages[sheet].printed
            if printed != number:
                self.add(
                    page,
                    "contents",
                    f"{label!r} listed on page {number}, printed on page {printed}",
                )

    def bookmark_pages(self) -> None:
        """Each bookmark, in order, against the next heading of its words."""
        heads = self.headings()
        pos = 0
        for title, _level, sheet in self.bookmarks:
            want = normalise(title)
            bare = re.sub(r"^([一二三四五六七八九十]+|[A-Z]|[IVX]+|\d+|\([a-z]+\))\.?", "", want)
            found = next(
                (j for j in range(pos, len(heads)) if _same_heading(heads[j][1], want, bare)), None
            )
            if found is None:
                self.add(self.pages[max(sheet, 0)], "bookmark", f"{title!r}: no such heading")
                continue
            pos = found + 1
            if heads[found][0] != sheet:
                self.add(
                    self.pages[max(sheet, 0)],
                    "bookmark",
                    f"{title!r} leads to page {self.pages[sheet].printed}, "
                    f"printed on page {self.pages[heads[found][0]].printed}",
                )


def _same_heading(text: str, label: str, bare: str) -> bool:
    """Whether a heading's text (number, words, note marks) is the entry `label`, or
    ends with its words `bare` (附件一 on a line of its own, the title under it)."""
    text = text.rstrip("*")
    label = label.rstrip("*")
    if _ARABIC.search(label):  # right to left: a reader's order of the words is a guess
        want = Counter(c for c in label if c.isalnum())
        have = Counter(c for c in text if c.isalnum())
        return not want - have and sum(have.values()) - sum(want.values()) <= 12
    return text == label or bool(
        bare and text.endswith(bare.rstrip("*")) and len(text) - len(bare) <= 12
    )


def check(path: Path) -> list[Finding]:
    pages, bookmarks = read(path)
    return Check(pages, bookmarks).run()


def main(argv: list[str]) -> int:
    total = 0
    for name in argv:
        findings = check(Path(name))
        total += len(findings)
        kinds = Counter(f.kind for f in findings)
        summary = ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())) or "none"
        print(f"{name}: {len(findings)} findings ({summary})")
        for f in findings:
            print(f"  {f}")
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
