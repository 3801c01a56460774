"""Number, money, percentage and date formatting: one module for tables and prose.

Amounts are kept at full precision and rounded only here, half away from zero.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from decimal import ROUND_HALF_UP, Decimal


@dataclass(frozen=True)
class NumberStyle:
    """How a document writes numbers; a per-document setting (profiles in styles.yaml)."""

    group: str = ","  # thousands separator: "," or " "
    decimal: str = "."
    negative: str = "parens"  # parens: (579.4) | minus: -579.4
    nil: str = "—"
    prose_parens: str = "full"  # full: （…） | half: (…)
    money_scale: str = "units"  # units: 万/亿 or million/billion | plain: 22 711 800
    money_round: int = 1  # plain amounts in prose round to this many dollars (100 in budgets)
    money: str = "{amount} 美元"  # without a unit word
    money_unit: str = "{amount} {unit}美元"  # with a unit word
    # unit words by size: a word, or its forms by plural category ({one: million, other:
    # millions}) chosen by `plural`, the CLDR cardinal rule of the language
    units: dict[int, str | dict[str, str]] = field(
        default_factory=lambda: {100_000_000: "亿", 10_000: "万"}
    )
    plural: str = ""  # en, fr, es, ru, ar, zh (PLURAL_RULES); "": every number is "other"
    percent: str | dict[str, str] = "{value}%"  # or its forms by plural category (Russian)
    date: str = "{y} 年 {m} 月 {d} 日"
    date_range_month: str = "{y} 年 {m} 月 {d1} 日至 {d2} 日"
    date_range: str = "{y} 年 {m1} 月 {d1} 日至 {m2} 月 {d2} 日"
    date_range_years: str = "{y1} 年 {m1} 月 {d1} 日至 {y2} 年 {m2} 月 {d2} 日"
    month: str = "{y} 年 {m} 月"  # one month of a year: month_range with start and end alike
    month_range: str = "{y} 年 {m1} 月至 {m2} 月"
    month_range_years: str = "{y1} 年 {m1} 月至 {y2} 年 {m2} 月"
    months: tuple[str, ...] = ()  # month names (English); empty: numeric months
    days: dict[int, str] = field(default_factory=dict)  # a day's own form: {1: "1er"} (French)


def round_half_away(value: float | int | Decimal, places: int) -> Decimal:
    """Round as the UN tables do: 0.05 → 0.1, -0.05 → -0.1."""
    q = Decimal(1).scaleb(-places)
    return Decimal(str(value)).quantize(q, rounding=ROUND_HALF_UP)


def group_digits(digits: str, sep: str) -> str:
    out = []
    while len(digits) > 3:
        out.insert(0, digits[-3:])
        digits = digits[:-3]
    out.insert(0, digits)
    return sep.join(out)


def format_number(value: float | int | Decimal, places: int, style: NumberStyle) -> str:
    """Grouped, rounded, with the style's negative form; no nil handling."""
    d = round_half_away(value, places)
    negative = d.is_signed() and d != 0 or (d == 0 and Decimal(str(value)) < 0)
    text = f"{abs(d):.{places}f}"
    whole, _, frac = text.partition(".")
    body = group_digits(whole, style.group) + (style.decimal + frac if frac else "")
    if negative:
        return f"({body})" if style.negative == "parens" else f"-{body}"
    return body


def format_amount(value: float | int | Decimal | None, places: int, style: NumberStyle) -> str:
    """A table amount: nil prints the nil mark; a tiny non-nil value keeps its sign."""
    if value is None or Decimal(str(value)) == 0:
        return style.nil
    return format_number(value, places, style)


def _auto_places(scaled: Decimal, most: int = 3) -> int:
    text = f"{round_half_away(scaled, most):f}".rstrip("0")
    return len(text.partition(".")[2])


def _operands(number: str, decimal: str) -> tuple[Decimal, int, int]:
    """CLDR's n (absolute value), i (integer digits) and v (visible fraction digits) of a
    formatted number: the plural category depends on the digits printed (1 vs 1,0)."""
    digits = "".join(c for c in number if c.isdigit() or c == decimal)
    whole, _, frac = digits.partition(decimal)
    n = Decimal(f"{whole or 0}.{frac or 0}")
    return n, int(whole or 0), len(frac)


def _plural_en(n: Decimal, i: int, v: int) -> str:
    return "one" if i == 1 and v == 0 else "other"


def _plural_fr(n: Decimal, i: int, v: int) -> str:
    return "one" if i in (0, 1) else "other"  # 1,5 million, 2 millions


def _plural_es(n: Decimal, i: int, v: int) -> str:
    return "one" if n == 1 else "other"  # 1 millón, 1,5 millones


def _plural_ru(n: Decimal, i: int, v: int) -> str:
    if v:
        return "other"
    if i % 10 == 1 and i % 100 != 11:
        return "one"
    if 2 <= i % 10 <= 4 and not 12 <= i % 100 <= 14:
        return "few"
    return "many"


def _plural_ar(n: Decimal, i: int, v: int) -> str:
    if n in (0, 1, 2):
        return ("zero", "one", "two")[int(n)]
    if n == n.to_integral_value():
        if 3 <= int(n) % 100 <= 10:
            return "few"
        if 11 <= int(n) % 100 <= 99:
            return "many"
    return "other"


# CLDR cardinal plural rules (https://cldr.unicode.org, "Language Plural Rules"), the
# categories a language file's unit words may name.
PLURAL_RULES = {
    "en": _plural_en,
    "fr": _plural_fr,
    "es": _plural_es,
    "ru": _plural_ru,
    "ar": _plural_ar,
    "zh": lambda n, i, v: "other",
}


def plural_category(number: str, style: NumberStyle) -> str:
    """The CLDR plural category of a formatted number in the style's language."""
    rule = PLURAL_RULES.get(style.plural)
    return "other" if rule is None else rule(*_operands(number, style.decimal))


def unit_word(unit: str | dict[str, str], number: str, style: NumberStyle) -> str:
    """A unit word agreeing with its number: millions / million (French)."""
    if isinstance(unit, str):
        return unit
    return unit.get(plural_category(number, style), unit["other"])


def format_money(
    value: float | int | Decimal, style: NumberStyle, places: int | None = None
) -> str:
    """Dollars in prose: 2.85 亿美元, 970 万美元, 22 711 800 美元, $285 million."""
    amount = Decimal(str(value))
    if style.money_scale == "units":
        for size, unit in sorted(style.units.items(), reverse=True):
            if abs(amount) >= size:
                scaled = amount / size
                p = _auto_places(scaled) if places is None else places
                number = format_number(scaled, p, style)
                word = unit_word(unit, number, style)
                return style.money_unit.format(amount=number, unit=word)
    p = 0 if places is None else places
    if style.money_round > 1:
        step = Decimal(style.money_round)
        amount = round_half_away(amount / step, 0) * step
    return style.money.format(amount=format_number(amount, p, style))


def format_percent(value: float | int | Decimal, style: NumberStyle, places: int = 0) -> str:
    """2.8 per cent, 2,8 %, 2,8 процента: a word agrees with the number where the
    language file gives its forms by plural category."""
    number = format_number(value, places, style)
    return unit_word(style.percent, number, style).format(value=number)


def _month(m: int, style: NumberStyle) -> str:
    return style.months[m - 1] if style.months else str(m)


def _day(d: int, style: NumberStyle) -> str:
    return style.days.get(d, str(d))


def format_date(day: dt.date, style: NumberStyle) -> str:
    return style.date.format(y=day.year, m=_month(day.month, style), d=_day(day.day, style))


def format_date_range(
    start: dt.date, end: dt.date, style: NumberStyle, patterns: dict[str, str] | None = None
) -> str:
    """14–18 March 2022; `patterns` (date_range_month, date_range, date_range_years) in
    place of the style's: the masthead's forms, where a language's differ from its prose."""
    if patterns:
        style = replace(style, **patterns)
    d1, d2 = _day(start.day, style), _day(end.day, style)
    if start.year != end.year:
        return style.date_range_years.format(
            y1=start.year,
            m1=_month(start.month, style),
            d1=d1,
            y2=end.year,
            m2=_month(end.month, style),
            d2=d2,
        )
    if start.month != end.month:
        return style.date_range.format(
            y=start.year,
            m1=_month(start.month, style),
            d1=d1,
            m2=_month(end.month, style),
            d2=d2,
        )
    return style.date_range_month.format(y=start.year, m=_month(start.month, style), d1=d1, d2=d2)


def format_month_range(start: dt.date, end: dt.date, style: NumberStyle) -> str:
    """A period of whole months: 2012 年 7 月至 12 月, July–December 2012 (days ignored)."""
    if start.year != end.year:
        return style.month_range_years.format(
            y1=start.year, m1=_month(start.month, style), y2=end.year, m2=_month(end.month, style)
        )
    if start.month != end.month:
        return style.month_range.format(
            y=start.year, m1=_month(start.month, style), m2=_month(end.month, style)
        )
    return style.month.format(y=start.year, m=_month(start.month, style))


def masthead_date(day: dt.date, months: list[str]) -> str:
    """The masthead date stays English in every language version: 22 February 2022."""
    return f"{day.day} {months[day.month - 1]} {day.year}"
