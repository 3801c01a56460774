"""What Word shows as the number of each numbered paragraph of a DOCX.

Reading a DOCX back (`reportgen diff`, the tests) needs the numbers Word draws from
w:numPr: this follows Word's counting (a w:num's counters, each level starting at its
w:startOverride or w:start and restarting after a shallower level) and formats the
values itself, apart from the writer, so a reader checks the writer.
"""

from __future__ import annotations

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DIGITS = "零一二三四五六七八九"
_ROMAN = [
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
]


def _roman(n: int) -> str:
    out = []
    for value, letters in _ROMAN:
        count, n = divmod(n, value)
        out.append(letters * count)
    return "".join(out)


def _letter(n: int) -> str:
    """Word's letters: A … Z, then AA, BB …"""
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _chinese(n: int) -> str:
    """Word's chineseCounting, 1–999."""
    hundreds, rest = divmod(n, 100)
    tens, ones = divmod(rest, 10)
    out = ""
    if hundreds:
        out += _DIGITS[hundreds] + "百"
        if rest and tens == 0:
            out += "零"
    if tens:
        out += ("" if tens == 1 and not hundreds else _DIGITS[tens]) + "十"
    if ones:
        out += _DIGITS[ones]
    return out or _DIGITS[0]


FORMATS = {
    "decimal": str,
    "upperLetter": _letter,
    "lowerLetter": lambda n: _letter(n).lower(),
    "upperRoman": _roman,
    "lowerRoman": lambda n: _roman(n).lower(),
    "chineseCounting": _chinese,
    "bullet": lambda n: "",
}


class WordNumbers:
    """Feed it a document's paragraphs in order; `label` gives each one's number."""

    def __init__(self, numbering_xml: bytes | None):
        self.levels: dict[str, dict[int, tuple[int, str, str]]] = {}  # abstract → levels
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}  # num → abstract, starts
        self.counters: dict[str, dict[int, int | None]] = {}
        if not numbering_xml:
            return
        root = etree.fromstring(numbering_xml)
        for abstract in root.iter(f"{W}abstractNum"):
            levels = {}
            for lvl in abstract.iter(f"{W}lvl"):
                start = lvl.find(f"{W}start")
                levels[int(lvl.get(f"{W}ilvl"))] = (
                    int(start.get(f"{W}val")) if start is not None else 0,
                    lvl.find(f"{W}numFmt").get(f"{W}val"),
                    lvl.find(f"{W}lvlText").get(f"{W}val"),
                )
            self.levels[abstract.get(f"{W}abstractNumId")] = levels
        for num in root.iter(f"{W}num"):
            starts = {
                int(o.get(f"{W}ilvl")): int(o.find(f"{W}startOverride").get(f"{W}val"))
                for o in num.iter(f"{W}lvlOverride")
                if o.find(f"{W}startOverride") is not None
            }
            abstract = num.find(f"{W}abstractNumId").get(f"{W}val")
            self.nums[num.get(f"{W}numId")] = (abstract, starts)

    def label(self, paragraph) -> str:
        """The number Word shows before this w:p, "" when it has none."""
        num_pr = paragraph.find(f"{W}pPr/{W}numPr")
        if num_pr is None or num_pr.find(f"{W}numId") is None:
            return ""
        num_id = num_pr.find(f"{W}numId").get(f"{W}val")
        ilvl = num_pr.find(f"{W}ilvl")
        level = int(ilvl.get(f"{W}val")) if ilvl is not None else 0
        if num_id not in self.nums:
            return ""
        abstract, starts = self.nums[num_id]
        levels = self.levels[abstract]
        counters = self.counters.setdefault(num_id, {})
        current = counters.get(level)
        start = starts.get(level, levels[level][0])
        counters[level] = start if current is None else current + 1
        for deeper in range(level + 1, 9):
            counters[deeper] = None
        text = levels[level][2]
        for shown in range(9):
            placeholder = f"%{shown + 1}"
            if placeholder in text:
                value = counters.get(shown) or starts.get(shown, levels[shown][0])
                text = text.replace(placeholder, FORMATS[levels[shown][1]](value))
        return text
