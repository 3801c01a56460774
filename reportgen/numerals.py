"""Numerals for headings, sub-items and ordinals: 一, I, A, a, ㈠, sixty-fifth."""

from __future__ import annotations

_CN_DIGITS = "零一二三四五六七八九"


def chinese(n: int) -> str:
    """1 → 一, 16 → 十六, 24 → 二十四, 105 → 一百零五 (as UN Chinese texts write them)."""
    if n <= 0:
        raise ValueError(f"no Chinese numeral for {n}")
    if n < 10:
        return _CN_DIGITS[n]
    if n < 20:
        return "十" + (_CN_DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        tens, ones = divmod(n, 10)
        return _CN_DIGITS[tens] + "十" + (_CN_DIGITS[ones] if ones else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        if rest == 0:
            tail = ""
        elif rest < 10:
            tail = "零" + _CN_DIGITS[rest]
        elif rest < 20:
            tail = "一" + chinese(rest)
        else:
            tail = chinese(rest)
        return _CN_DIGITS[hundreds] + "百" + tail
    raise ValueError(f"no Chinese numeral for {n}")


def roman(n: int) -> str:
    if not 0 < n < 4000:
        raise ValueError(f"no Roman numeral for {n}")
    out = []
    for value, sym in (
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
    ):
        while n >= value:
            out.append(sym)
            n -= value
    return "".join(out)


def letter(n: int) -> str:
    """1 → A, 26 → Z, 27 → AA (the UN doubles the letter)."""
    if n <= 0:
        raise ValueError(f"no letter for {n}")
    q, r = divmod(n - 1, 26)
    return chr(ord("A") + r) * (q + 1)


def circled(n: int) -> str:
    """1 → ㈠ … 10 → ㈩ (U+3220 series); beyond ten, (十一)."""
    if 1 <= n <= 10:
        return chr(0x3220 + n - 1)
    return f"({chinese(n)})"


_EN_ONES = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen "
    "fourteen fifteen sixteen seventeen eighteen nineteen"
).split()
_EN_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
_EN_ORD = {
    "one": "first",
    "two": "second",
    "three": "third",
    "five": "fifth",
    "eight": "eighth",
    "nine": "ninth",
    "twelve": "twelfth",
}


def _en_words(n: int) -> str:
    if n < 20:
        return _EN_ONES[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return _EN_TENS[tens] + ("-" + _EN_ONES[ones] if ones else "")
    hundreds, rest = divmod(n, 100)
    head = _EN_ONES[hundreds] + " hundred"
    return head + (" and " + _en_words(rest) if rest else "")


def english_ordinal(n: int) -> str:
    """65 → sixty-fifth."""
    words = _en_words(n)
    head, sep, last = words.rpartition(" ") if " " in words else ("", "", words)
    if "-" in last:
        first, _, unit = last.rpartition("-")
        last = first + "-" + _ordinal_word(unit)
    else:
        last = _ordinal_word(last)
    return head + sep + last


def _ordinal_word(word: str) -> str:
    if word in _EN_ORD:
        return _EN_ORD[word]
    if word.endswith("y"):
        return word[:-1] + "ieth"
    return word + "th"


_FR_ONES = (
    "zéro un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze "
    "quinze seize dix-sept dix-huit dix-neuf"
).split()
_FR_TENS = {2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante"}


def _fr_words(n: int) -> str:
    if n < 20:
        return _FR_ONES[n]
    if n < 70:
        tens, ones = divmod(n, 10)
        if ones == 0:
            return _FR_TENS[tens]
        return _FR_TENS[tens] + ("-et-un" if ones == 1 else "-" + _FR_ONES[ones])
    if n < 80:
        return "soixante" + ("-et-" if n == 71 else "-") + _FR_ONES[n - 60]
    if n < 100:
        rest = n - 80
        return "quatre-vingt" + ("s" if rest == 0 else "-" + _FR_ONES[rest])
    hundreds, rest = divmod(n, 100)
    head = "cent" if hundreds == 1 else _FR_ONES[hundreds] + " cent"
    return head + (" " + _fr_words(rest) if rest else "")


def french_ordinal(n: int) -> str:
    """65 → soixante-cinquième, 1 → première (a session is feminine)."""
    if n == 1:
        return "première"
    words = _fr_words(n)
    if words.endswith("quatre-vingts"):
        words = words[:-1]
    if words.endswith("cinq"):
        return words + "uième"
    if words.endswith("neuf"):
        return words[:-1] + "vième"
    if words.endswith("e"):
        return words[:-1] + "ième"
    return words + "ième"


STYLES = {
    "chinese": chinese,
    "roman": roman,
    "letter": letter,
    "arabic": str,
    "alpha": lambda n: letter(n).lower(),
    "roman-lower": lambda n: roman(n).lower(),
    "circled": circled,
    "cjk": chinese,
}


def numeral(style: str, n: int) -> str:
    """The bare numeral of `n` in a named style."""
    return STYLES[style](n)
