"""Numerals, number formatting and numbering rules."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from reportgen.errors import InputError
from reportgen.layouts.numbering import Numberer, NumberingRules
from reportgen.markup import parse
from reportgen.model import Heading, ItemList, Paragraph
from reportgen.numbers import (
    NumberStyle,
    format_amount,
    format_date_range,
    format_money,
    format_number,
    format_percent,
)
from reportgen.numerals import chinese, circled, english_ordinal, letter, roman
from reportgen.templating import render

VIENNA = NumberStyle()
NEW_YORK = NumberStyle(group=" ", money_scale="plain", prose_parens="half")
ENGLISH = NumberStyle(
    money="${amount}",
    money_unit="${amount} {unit}",
    units={1_000_000_000: "billion", 1_000_000: "million"},
)


def test_numerals():
    assert [chinese(n) for n in (1, 10, 16, 24, 39, 65, 100, 105)] == [
        "一",
        "十",
        "十六",
        "二十四",
        "三十九",
        "六十五",
        "一百",
        "一百零五",
    ]
    assert roman(14) == "XIV" and letter(3) == "C" and letter(27) == "AA"
    assert circled(1) == "㈠" and circled(10) == "㈩"
    assert english_ordinal(65) == "sixty-fifth" and english_ordinal(31) == "thirty-first"


@pytest.mark.parametrize(
    ("value", "style", "text"),
    [
        (285_000_000, VIENNA, "2.85 亿美元"),
        (9_700_000, VIENNA, "970 万美元"),
        (11_500_000, VIENNA, "1,150 万美元"),
        (561_500_000, VIENNA, "5.615 亿美元"),
        (22_711_800, NEW_YORK, "22 711 800 美元"),
        (285_000_000, ENGLISH, "$285 million"),
        (1_400, ENGLISH, "$1,400"),
    ],
)
def test_money_in_prose(value, style, text):
    assert format_money(value, style) == text


def test_table_amounts_round_half_away_from_zero():
    assert format_number(22711.8, 1, NEW_YORK) == "22 711.8"
    assert format_amount(-579.44, 1, NEW_YORK) == "(579.4)"
    assert format_amount(0.05, 1, NEW_YORK) == "0.1"
    assert format_amount(-0.05, 1, NEW_YORK) == "(0.1)"
    assert format_amount(-0.01, 1, NEW_YORK) == "(0.0)"  # a non-nil change keeps its sign
    assert format_amount(0, 1, NEW_YORK) == "—"
    assert format_percent(-3.0 / 48.0 * 100, NEW_YORK, 1) == "(6.3)%"


def test_date_ranges():
    s, e = dt.date(2022, 3, 14), dt.date(2022, 3, 18)
    assert format_date_range(s, e, VIENNA) == "2022 年 3 月 14 日至 18 日"
    assert format_date_range(dt.date(2021, 10, 18), dt.date(2021, 11, 26), VIENNA) == (
        "2021 年 10 月 18 日至 11 月 26 日"
    )


def test_template_filters_and_prose_parentheses():
    out = render(
        "{{ x | usd }}{{ p | pct(1) | paren }}", Path("b.md"), {"x": 651300, "p": 2.8}, NEW_YORK
    )
    assert out == "651 300 美元(2.8%)"
    assert render("{{ p | pct(1) | paren }}", Path("b.md"), {"p": 2.8}, VIENNA) == "（2.8%）"


def test_undefined_name_names_template_line():
    with pytest.raises(InputError) as err:
        render("one\ntwo {{ missing }}", Path("body.md"), {}, VIENNA)
    assert str(err.value).startswith("body.md:2: template: 'missing' is undefined")


def _number(source: str, rules: NumberingRules):
    return Numberer(rules).blocks(parse(source, Path("b.md"), "{symbol}").blocks)


def test_paragraphs_continue_across_chapters_and_headings_restart():
    blocks = _number(
        "# A\n\np1\n\n## B\n\np2\n\n# C\n\n## D\n\np3\n",
        NumberingRules(headings=["chinese", "letter"]),
    )
    assert [(b.number) for b in blocks if isinstance(b, Heading)] == ["一.", "A.", "二.", "A."]
    assert [b.number for b in blocks if isinstance(b, Paragraph)] == ["1.", "2.", "3."]


def test_section_prefix_and_sub_item_styles():
    source = "lead:\n\n1. one\n2. two\n    1. deep\n    2. deeper\n"
    for style, marks in (
        ("roman", ["(i)", "(ii)"]),
        ("cjk", ["(一)", "(二)"]),
        ("circled", ["㈠", "㈡"]),
    ):
        blocks = _number(source, NumberingRules(prefix="16.", sub_items=["alpha", style]))
        assert blocks[0].number == "16.1"
        items = blocks[1]
        assert isinstance(items, ItemList) and [i.marker for i in items.items] == ["(a)", "(b)"]
        nested = items.items[1].children[0]
        assert [i.marker for i in nested.items] == marks


def test_sub_items_in_the_languages_brackets_and_as_word_numbering():
    source = "lead:\n\n1. one\n2. two\n    1. deep\n"
    blocks = _number(source, NumberingRules(sub_items=["alpha", "roman"], sub_item="{n})"))
    items = blocks[1]
    assert [i.marker for i in items.items] == ["a)", "b)"]  # French, Spanish
    assert [i.numbering.text for i in items.items] == ["%1)", "%1)"]
    deep = items.items[1].children[0].items[0]
    assert (deep.marker, deep.numbering.text, deep.numbering.format) == ("i)", "%2)", "lowerRoman")
    assert blocks[0].numbering.text == "%1." and blocks[0].number == "1."


def test_inline_sub_items_and_unnumbered_paragraphs():
    blocks = _number("会议：(@)一；(@)二；以及 (@)三。\n\n{-} 不编号。\n", NumberingRules())
    assert blocks[0].content[0].text == "会议：(a)一；(b)二；以及 (c)三。"
    assert blocks[1].number == "" and blocks[1].content[0].text == "不编号。"


def test_a_heading_past_the_numerals_of_its_style_is_an_input_error():
    source = "".join(f"# H{i}\n\np\n\n" for i in range(1000))
    with pytest.raises(InputError) as err:
        _number(source, NumberingRules(headings=["chinese"]))
    assert str(err.value) == (
        "b.md:3997: heading 1000 of level 1 has no chinese numeral "
        "(number these headings in another style, or split the document)"
    )


def test_month_range_in_every_language():
    from reportgen.labels import load_labels, number_style

    def months(code: str, start: str, end: str) -> str:
        style = number_style(load_labels(code), None, {})
        source = "{{ month_range(a, b) }}"
        return render(source, Path("b.md"), {"a": start, "b": end}, style)

    assert months("zh", "2012-07", "2012-12-31") == "2012 年 7 月至 12 月"
    assert months("en", "2012-07-01", "2012-12") == "July–December 2012"
    assert months("en", "2012-07", "2013-06") == "July 2012–June 2013"
    assert months("zh", "2012-07", "2012-07") == "2012 年 7 月"
    assert months("es", "2012-07", "2012-12") == "julio a diciembre de 2012"
    assert months("fr", "2012-07", "2012-12") == "juillet-décembre 2012"
