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
        # UN French keeps the traditional spelling: "trente et unième session",
        # "soixante et onzième session" (A/71/…), not the 1990 "trente-et-unième"
        return _FR_TENS[tens] + (" et un" if ones == 1 else "-" + _FR_ONES[ones])
    if n < 80:
        return "soixante" + (" et " if n == 71 else "-") + _FR_ONES[n - 60]
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


# Spanish. UN Spanish numbers the sessions of functional commissions and conferences in
# words up to the tenth and with the ordinal indicator beyond ("Sexto período de
# sesiones", "19º período de sesiones": CTOC/COP/2012/14, HSP/GC/19/1/Add.1), and the
# General Assembly's in words ("Quincuagésimo tercer período de sesiones": A/53/100).
# Before a masculine noun "primero" and "tercero" lose their final o ("primer", "tercer",
# "vigésimo primer", "quincuagésimo tercer").
_ES_UNITS = "_ primero segundo tercero cuarto quinto sexto séptimo octavo noveno".split()
_ES_TEENS = {10: "décimo", 11: "undécimo", 12: "duodécimo"}
_ES_TENS = (
    "_ décimo vigésimo trigésimo cuadragésimo quincuagésimo sexagésimo septuagésimo "
    "octogésimo nonagésimo"
).split()
_ES_HUNDREDS = (
    "_ centésimo ducentésimo tricentésimo cuadringentésimo quingentésimo sexcentésimo "
    "septingentésimo octingentésimo noningentésimo"
).split()


def _es_apocope(word: str) -> str:
    return word[:-1] if word.endswith(("primero", "tercero")) else word


def spanish_ordinal(n: int, feminine: bool = False, apocope: bool = True) -> str:
    """65 → sexagésimo quinto, 53 → quincuagésimo tercer (before a masculine noun),
    13 → decimotercer; feminine: sexagésima quinta."""
    if not 0 < n < 1000:
        raise ValueError(f"no Spanish ordinal for {n}")
    hundreds, rest = divmod(n, 100)
    tens, ones = divmod(rest, 10)
    words = [_ES_HUNDREDS[hundreds]] if hundreds else []
    if rest in _ES_TEENS:
        words.append(_ES_TEENS[rest])
    elif tens == 1:
        words.append("decimo" + _ES_UNITS[ones])  # decimotercero, decimonoveno
    else:
        if tens:
            words.append(_ES_TENS[tens])
        if ones:
            words.append(_ES_UNITS[ones])
    if feminine:
        return " ".join(w[:-1] + "a" for w in words)
    if apocope:
        words[-1] = _es_apocope(words[-1])
    return " ".join(words)


def spanish_session_ordinal(n: int) -> str:
    """A commission's session: 6 → Sexto, 10 → Décimo, 65 → 65º (U+00BA)."""
    if n <= 10:
        return _capitalize(spanish_ordinal(n))
    return f"{n}\u00ba"


# Russian: ordinal adjectives agree with the noun; a session (сессия) is feminine:
# "Шестьдесят пятая сессия", "Тридцать седьмая сессия" (UNIDO PBC.37/1/Add.1, Russian).
# Only the last word is ordinal; the words before it stay cardinal. UN Russian texts
# print е for ё (четвертая).
_RU_STEMS = (
    "_ перв втор трет четверт пят шест седьм восьм девят десят одиннадцат двенадцат "
    "тринадцат четырнадцат пятнадцат шестнадцат семнадцат восемнадцат девятнадцат"
).split()
_RU_TEN_STEMS = (
    "_ _ двадцат тридцат сороков пятидесят шестидесят семидесят восьмидесят девяност".split()
)
_RU_HUNDRED_STEMS = (
    "_ сот двухсот трехсот четырехсот пятисот шестисот семисот восьмисот девятисот"
).split()
_RU_ONES = "_ один два три четыре пять шесть семь восемь девять".split()
_RU_TEENS_CARD = (
    "десять одиннадцать двенадцать тринадцать четырнадцать пятнадцать шестнадцать "
    "семнадцать восемнадцать девятнадцать"
).split()
_RU_TENS_CARD = (
    "_ _ двадцать тридцать сорок пятьдесят шестьдесят семьдесят восемьдесят девяносто".split()
)
_RU_HUNDREDS_CARD = (
    "_ сто двести триста четыреста пятьсот шестьсот семьсот восемьсот девятьсот".split()
)
_RU_STRESSED = {"втор", "шест", "седьм", "восьм", "сороков"}  # второй, not вторый
_RU_ENDINGS = {"f": "ая", "m": "ый", "n": "ое"}


def _ru_adjective(stem: str, gender: str) -> str:
    if stem == "трет":
        return {"f": "третья", "m": "третий", "n": "третье"}[gender]
    if gender == "m" and stem in _RU_STRESSED:
        return stem + "ой"
    return stem + _RU_ENDINGS[gender]


def russian_ordinal(n: int, gender: str = "f") -> str:
    """65 → шестьдесят пятая (gender f, the default), шестьдесят пятый (m), … пятое (n)."""
    if not 0 < n < 1000:
        raise ValueError(f"no Russian ordinal for {n}")
    if gender not in _RU_ENDINGS:
        raise ValueError(f"no Russian gender {gender!r}: f, m or n")
    hundreds, rest = divmod(n, 100)
    tens, ones = divmod(rest, 10)
    words = []
    if rest == 0:
        return _ru_adjective(_RU_HUNDRED_STEMS[hundreds], gender)
    if hundreds:
        words.append(_RU_HUNDREDS_CARD[hundreds])
    if rest < 20:
        words.append(_ru_adjective(_RU_STEMS[rest], gender))
    elif ones == 0:
        words.append(_ru_adjective(_RU_TEN_STEMS[tens], gender))
    else:
        words.append(_RU_TENS_CARD[tens])
        words.append(_ru_adjective(_RU_STEMS[ones], gender))
    return " ".join(words)


def russian_cardinal(n: int) -> str:
    """1 → один … 999 (masculine forms): the words of a number below a thousand."""
    if not 0 < n < 1000:
        raise ValueError(f"no Russian cardinal for {n}")
    hundreds, rest = divmod(n, 100)
    tens, ones = divmod(rest, 10)
    words = [_RU_HUNDREDS_CARD[hundreds]] if hundreds else []
    if 10 <= rest < 20:
        words.append(_RU_TEENS_CARD[rest - 10])
    else:
        if tens:
            words.append(_RU_TENS_CARD[tens])
        if ones:
            words.append(_RU_ONES[ones])
    return " ".join(words)


# Arabic: the ordinal follows the noun and agrees with it; a session (الدورة) is
# feminine: "الدورة الخامسة والستون" (A/65/L.78), "الدورة الثانية والسبعون"
# (A/C.3/72/L.1), "الدورة السابعة والستون" (A/C.5/67/L.37). Units come before the tens,
# joined by و; 11 and 12 are الحادية عشرة and الثانية عشرة; tens do not change with gender.
# UN Arabic prints no short vowels.
_AR_UNITS = {
    "f": "_ الأولى الثانية الثالثة الرابعة الخامسة السادسة السابعة الثامنة التاسعة العاشرة".split(),
    "m": "_ الأول الثاني الثالث الرابع الخامس السادس السابع الثامن التاسع العاشر".split(),
}
_AR_COMPOUND_ONE = {"f": "الحادية", "m": "الحادي"}  # 11, 21, 31 …: not الأولى
_AR_TEEN_TEN = {"f": "عشرة", "m": "عشر"}
_AR_TENS = "_ _ العشرون الثلاثون الأربعون الخمسون الستون السبعون الثمانون التسعون".split()


def arabic_ordinal(n: int, gender: str = "f") -> str:
    """65 → الخامسة والستون (f, the default) / الخامس والستون (m); 11 → الحادية عشرة;
    100 → المائة; 165 → الخامسة والستون بعد المائة."""
    if not 0 < n < 200:
        raise ValueError(f"no Arabic ordinal for {n}")
    if gender not in _AR_UNITS:
        raise ValueError(f"no Arabic gender {gender!r}: f or m")
    if n == 100:
        return "المائة"
    if n > 100:
        return arabic_ordinal(n - 100, gender) + " بعد المائة"
    tens, ones = divmod(n, 10)
    unit = _AR_COMPOUND_ONE[gender] if ones == 1 and n > 10 else _AR_UNITS[gender][ones]
    if n <= 10:
        return _AR_UNITS[gender][n]
    if tens == 1:
        return f"{unit} {_AR_TEEN_TEN[gender]}"
    if ones == 0:
        return _AR_TENS[tens]
    return f"{unit} و{_AR_TENS[tens]}"


# Chapter headings of UN Arabic documents are numbered with ordinal adverbs
# ("أولا -", "ثانيا -") and their sections with the names of the letters in abjad order
# ("ألف -", "باء -", "جيم -"), where the English has I., II. and A., B., C.
_AR_ADVERBS = "_ أولا ثانيا ثالثا رابعا خامسا سادسا سابعا ثامنا تاسعا عاشرا".split()
_AR_ADVERB_UNITS = "_ حادي ثاني ثالث رابع خامس سادس سابع ثامن تاسع".split()
_AR_ADVERB_TENS = "_ _ عشرون ثلاثون أربعون خمسون ستون سبعون ثمانون تسعون".split()


def arabic_ordinal_adverb(n: int) -> str:
    """1 → أولا, 10 → عاشرا, 11 → حادي عشر, 21 → حادي وعشرون (chapter numerals)."""
    if not 0 < n < 100:
        raise ValueError(f"no Arabic ordinal adverb for {n}")
    if n <= 10:
        return _AR_ADVERBS[n]
    tens, ones = divmod(n, 10)
    if tens == 1:
        return f"{_AR_ADVERB_UNITS[ones]} عشر"
    if ones == 0:
        return _AR_ADVERB_TENS[tens]
    return f"{_AR_ADVERB_UNITS[ones]} و{_AR_ADVERB_TENS[tens]}"


_AR_LETTER_NAMES = (
    "ألف باء جيم دال هاء واو زاي حاء طاء ياء كاف لام ميم نون سين عين فاء صاد قاف راء "
    "شين تاء ثاء خاء ذال ضاد ظاء غين"
).split()
# the letters themselves, in the same (abjad) order, as sub-items are lettered: (أ) (ب) (ج)
# (د) (هـ) …; ه takes a tatweel so that it is not read as a digit or a pronoun.
_AR_LETTERS = "أ ب ج د هـ و ز ح ط ي ك ل م ن س ع ف ص ق ر ش ت ث خ ذ ض ظ غ".split()


def arabic_letter_name(n: int) -> str:
    """1 → ألف, 2 → باء, 3 → جيم (section headings A., B., C. of the Arabic version)."""
    if not 0 < n <= len(_AR_LETTER_NAMES):
        raise ValueError(f"no Arabic letter name for {n}")
    return _AR_LETTER_NAMES[n - 1]


def arabic_letter(n: int) -> str:
    """1 → أ, 5 → هـ, 28 → غ (sub-items (a), (b) of the Arabic version)."""
    if not 0 < n <= len(_AR_LETTERS):
        raise ValueError(f"no Arabic letter for {n}")
    return _AR_LETTERS[n - 1]


def _capitalize(text: str) -> str:
    """The first letter upper-case, the rest as it is ("Sexagésimo quinto")."""
    return text[:1].upper() + text[1:]


# The session ordinals a language file may name (`masthead.ordinal`), as the session line
# prints them; the layout fills "{ordinal}" of `masthead.session` with them.
SESSION_ORDINALS = {
    "chinese": chinese,
    "english": lambda n: english_ordinal(n).capitalize(),
    "french": lambda n: french_ordinal(n).capitalize(),
    "spanish": spanish_session_ordinal,  # Sexto, 65º (commissions, conferences)
    "spanish-words": lambda n: _capitalize(spanish_ordinal(n)),  # General Assembly
    "russian": lambda n: _capitalize(russian_ordinal(n, "f")),
    "arabic": arabic_ordinal,
}

STYLES = {
    "chinese": chinese,
    "roman": roman,
    "letter": letter,
    "arabic": str,
    "alpha": lambda n: letter(n).lower(),
    "roman-lower": lambda n: roman(n).lower(),
    "circled": circled,
    "cjk": chinese,
    "arabic-letter": arabic_letter,  # (أ) (ب): sub-items of the Arabic version
    "arabic-letter-name": arabic_letter_name,  # ألف -: headings A., B. of the Arabic version
    "arabic-ordinal": arabic_ordinal_adverb,  # أولا -: chapters I., II. of the Arabic version
    "arabic-ordinal-masculine": lambda n: arabic_ordinal(n, "m"),  # الجزء الرابع, المرفق الثاني
}


def numeral(style: str, n: int) -> str:
    """The bare numeral of `n` in a named style."""
    return STYLES[style](n)
