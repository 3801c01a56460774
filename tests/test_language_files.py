"""The language files (reportgen/templates/lang/*.yaml), the session ordinals of each
language, and the French, Spanish and Russian versions of the secretariat note."""

from __future__ import annotations

import re
import shutil
import string
from pathlib import Path

import pytest
import yaml
from budget_tables import docx_tables
from conftest import ROOT, SEEDS
from readback import docx_text, pdf_text
from test_languages import _inputs_text, _mark, unmarked

from reportgen.build import build_document
from reportgen.numerals import (
    SESSION_ORDINALS,
    STYLES,
    arabic_letter,
    arabic_letter_name,
    arabic_ordinal,
    arabic_ordinal_adverb,
    french_ordinal,
    russian_cardinal,
    russian_ordinal,
    spanish_ordinal,
    spanish_session_ordinal,
)

LANG = ROOT / "reportgen" / "templates" / "lang"
CODES = sorted(p.stem for p in LANG.glob("*.yaml"))
# maps whose keys are the language's own, not English's: unit words by size and the
# percentage (a word or pattern, or its forms by plural category), a day's own form (1er),
# grade names, the session ordinal (one style or one per symbol series)
FREE_MAPS = {
    "numbers.units",
    "numbers.percent",
    "numbers.days",
    "budget.grade_prose",
    "budget.grades",
    "masthead.ordinal",
}
VERSIONS = {  # example: (language, the masthead's organization name)
    "fingov-note-2022-fr": ("fr", "Nations Unies"),
    "fingov-note-2022-es": ("es", "Naciones Unidas"),
    "fingov-note-2022-ru": ("ru", "Организация Объединенных Наций"),
    "fingov-note-2022-ar": ("ar", "الأمم المتحدة"),
}
# budget sections in a language other than English and Chinese (part B of -en's)
BUDGETS = {"budget-2022-s16-ar": ("ar", "الأمم المتحدة")}


def _folder(name: str) -> Path:
    return SEEDS / name


def _load(code: str) -> dict:
    return yaml.safe_load((LANG / f"{code}.yaml").read_text("utf-8"))


def _leaves(node, path=""):
    """(dotted key, value) of every leaf, free maps as one leaf."""
    if isinstance(node, dict) and path not in FREE_MAPS:
        for key, value in node.items():
            yield from _leaves(value, f"{path}.{key}" if path else str(key))
    else:
        yield path, node


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


@pytest.fixture
def session_ordinals(monkeypatch):
    """The masthead with every ordinal of numerals.SESSION_ORDINALS (a no-op once the
    layout takes them from there)."""
    from reportgen.layouts import masthead

    if not set(SESSION_ORDINALS) <= set(masthead.ORDINALS):
        monkeypatch.setattr(masthead, "ORDINALS", {**SESSION_ORDINALS, **masthead.ORDINALS})


def test_the_six_official_languages_have_files():
    assert {"ar", "en", "es", "fr", "ru", "zh"} <= set(CODES)


@pytest.mark.parametrize("code", CODES)
def test_every_language_file_has_every_english_key(code):
    english = dict(_leaves(_load("en")))
    own = dict(_leaves(_load(code)))
    missing = sorted(set(english) - set(own))
    assert not missing, f"{code}.yaml lacks: {missing}"
    for key, value in english.items():
        if isinstance(value, str) and isinstance(own[key], str):
            assert _fields(own[key]) == _fields(value), f"{code}.yaml {key}: {own[key]!r}"


@pytest.mark.parametrize("code", CODES)
def test_language_file_values_are_usable(code):
    data = _load(code)
    months = data["numbers"]["months"]
    assert len(months) in (0, 12) and all(isinstance(m, str) and m for m in months)
    ordinal = data["masthead"]["ordinal"]
    styles = ordinal.values() if isinstance(ordinal, dict) else [ordinal]
    assert all(style in SESSION_ORDINALS for style in styles)
    assert not isinstance(ordinal, dict) or "default" in ordinal
    for key in ("heading_numerals",):
        assert data[key] in STYLES
    for key in ("figure_numerals", "part_numerals", "annex_numerals"):
        assert data["budget"][key] in STYLES
    assert set(data["distribution_kinds"]) == {"General", "Limited", "Restricted"}
    for key, value in _leaves(data):
        assert value is not None and value != "", f"{code}.yaml {key} is empty"


def test_french_session_ordinals():
    assert french_ordinal(65) == "soixante-cinquième"
    assert french_ordinal(1) == "première"
    assert french_ordinal(31) == "trente et unième"  # UN French: no hyphens round "et"
    assert french_ordinal(71) == "soixante et onzième"
    assert (
        french_ordinal(80) == "quatre-vingtième"
        and french_ordinal(99) == "quatre-vingt-dix-neuvième"
    )
    assert SESSION_ORDINALS["french"](65) == "Soixante-cinquième"


def test_spanish_ordinals():
    assert spanish_ordinal(65) == "sexagésimo quinto"
    assert spanish_ordinal(53) == "quincuagésimo tercer"  # before a masculine noun
    assert spanish_ordinal(3, apocope=False) == "tercero"
    assert spanish_ordinal(21, feminine=True) == "vigésima primera"
    assert spanish_ordinal(11) == "undécimo" and spanish_ordinal(13) == "decimotercer"
    assert spanish_ordinal(100) == "centésimo" and spanish_ordinal(76) == "septuagésimo sexto"
    assert spanish_session_ordinal(6) == "Sexto" and spanish_session_ordinal(1) == "Primer"
    assert spanish_session_ordinal(65) == "65\u00ba" and spanish_session_ordinal(31) == "31\u00ba"
    assert SESSION_ORDINALS["spanish-words"](53) == "Quincuagésimo tercer"


def test_russian_ordinals():
    assert russian_ordinal(65) == "шестьдесят пятая"
    assert russian_ordinal(37) == "тридцать седьмая"
    assert russian_ordinal(3) == "третья" and russian_ordinal(23, "m") == "двадцать третий"
    assert russian_ordinal(2, "m") == "второй" and russian_ordinal(40, "m") == "сороковой"
    assert russian_ordinal(4) == "четвертая"  # е, not ё, as UN Russian prints it
    assert russian_ordinal(100) == "сотая" and russian_ordinal(165, "n") == "сто шестьдесят пятое"
    assert (
        russian_cardinal(65) == "шестьдесят пять" and russian_cardinal(212) == "двести двенадцать"
    )
    assert SESSION_ORDINALS["russian"](65) == "Шестьдесят пятая"
    with pytest.raises(ValueError):
        russian_ordinal(65, "x")


def test_arabic_ordinals_and_numerals():
    assert arabic_ordinal(65) == "الخامسة والستون"
    assert arabic_ordinal(72) == "الثانية والسبعون" and arabic_ordinal(67) == "السابعة والستون"
    assert arabic_ordinal(1) == "الأولى" and arabic_ordinal(21) == "الحادية والعشرون"
    assert arabic_ordinal(11) == "الحادية عشرة" and arabic_ordinal(12, "m") == "الثاني عشر"
    assert arabic_ordinal(30) == "الثلاثون" and arabic_ordinal(4, "m") == "الرابع"
    assert arabic_ordinal(100) == "المائة"
    assert arabic_ordinal_adverb(1) == "أولا" and arabic_ordinal_adverb(11) == "حادي عشر"
    assert arabic_letter_name(1) == "ألف" and arabic_letter_name(3) == "جيم"
    assert arabic_letter(1) == "أ" and arabic_letter(5) == "هـ"
    assert SESSION_ORDINALS["arabic"](65) == "الخامسة والستون"
    for bad in (0, 200):
        with pytest.raises(ValueError):
            arabic_ordinal(bad)


def squeeze(text: str, rtl: bool = False) -> str:
    """Text without its spaces; a right-to-left PDF's also without punctuation: where a
    reader puts a neutral "." or bracket between runs of two directions is its guess
    (the bidirectional algorithm run backwards), while its letters and digits come back
    in logical order (tests/test_arabic_pdf.py checks brackets and order)."""
    text = re.sub(r"[\s\u00a0\u202f]+", "", text)
    return re.sub(r"[^\w]+", "", text) if rtl else text


@pytest.mark.parametrize("name", sorted(VERSIONS))
def test_language_version_renders_the_narrative(tmp_path, fonts, session_ordinals, name):
    """Both formats carry every sentence of the narrative and the masthead's
    organization name in the language's own words."""
    code, organization = VERSIONS[name]
    folder = _folder(name)
    assert yaml.safe_load((folder / "document.yaml").read_text("utf-8"))["language"] == code
    assert (folder / "data.yaml").read_bytes() == (
        SEEDS / "fingov-note-2022-en" / "data.yaml"
    ).read_bytes()
    build_document(folder, tmp_path, ("docx", "pdf"), fonts)
    body = (folder / "body.md").read_text("utf-8")
    # sentences, and the parts between inline sub-items (@), which print as (a), (b) …
    sentences = [
        s
        for s in re.split(r"(?<=[.;:])\s+|\s*\(@\)\s*", re.sub(r"^#.*$", "", body, flags=re.M))
        if len(s.strip()) > 3 and "{" not in s and "](" not in s
    ]
    assert len(sentences) > 15

    for kind, text in (
        ("docx", docx_text(tmp_path / f"{name}.docx")),
        ("pdf", pdf_text(tmp_path / f"{name}.pdf")),
    ):
        rtl = kind == "pdf" and code == "ar"
        flat = squeeze(text, rtl)
        lost = [s for s in sentences if squeeze(s, rtl) not in flat]
        assert not lost, f"{name}.{kind}: sentences missing: {lost[:3]}"
        assert organization in text
    headings = [h[2:] for h in body.splitlines() if h.startswith("# ")]
    assert len(headings) == 2 and all(h in docx_text(tmp_path / f"{name}.docx") for h in headings)


@pytest.mark.parametrize("name", sorted({**VERSIONS, **BUDGETS}))
def test_every_fixed_word_comes_from_the_language_file_in_every_language(
    tmp_path, fonts, monkeypatch, session_ordinals, name
):
    """As for English (tests/test_languages.py): render with the language's file, and
    en.yaml, every word marked ⟦…⟧; what is left once the marks and the input's own text
    are taken away must hold no word (of any script)."""
    code, _ = {**VERSIONS, **BUDGETS}[name]
    langs = tmp_path / "langs"  # looked up before the package's own files
    langs.mkdir()
    for each in {"en", code}:
        marked = _mark(_load(each))
        (langs / f"{each}.yaml").write_text(yaml.safe_dump(marked, allow_unicode=True), "utf-8")
    monkeypatch.setenv("REPORTGEN_LANGUAGES", str(langs))
    folder = tmp_path / name
    shutil.copytree(_folder(name), folder)
    build_document(folder, tmp_path / "out", ("docx",), fonts)
    word = r"[^\W\d_][^\W\d_'’-]+"
    words = set(re.findall(word, _inputs_text(folder)))
    # chapter numerals the layout writes in the language's style (I., II. or أولا, ثانيا)
    chapters = STYLES[_load(code)["heading_numerals"]]
    numerals = {w for n in range(1, 30) for w in re.findall(word, chapters(n))}
    leftover = set()
    for line in docx_text(tmp_path / "out" / f"{name}.docx").splitlines():
        for found in re.findall(word, unmarked(line)):
            if found in numerals:
                continue
            if found not in words and not re.fullmatch(r"[IVXLCDM]+|[a-z]", found):
                leftover.add(found)
    assert not leftover, f"words not from the language file or the input: {sorted(leftover)}"


@pytest.mark.parametrize("name", sorted(BUDGETS))
def test_budget_version_renders_the_narrative(built, name):
    """Both formats carry every sentence of the foreword and of part B that holds no
    computed value, and the masthead's organization name."""
    _, organization = BUDGETS[name]
    text = "\n".join((SEEDS / name / f).read_text("utf-8") for f in ("foreword.md", "part-b.md"))
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    text = re.sub(r"^#.*$|^\{.*\}$", "", text, flags=re.M)  # headings, tables, figures
    sentences = [
        s.replace("*", "")
        for s in re.split(r"(?<=[.;:؛])\s+|\s*\(@\)\s*|^\d+\.\s+", text, flags=re.M)
        if len(s.strip()) > 3 and "{" not in s and "](" not in s
    ]
    assert len(sentences) > 40

    for kind, rendered in (
        ("docx", docx_text(built / f"{name}.docx")),
        ("pdf", pdf_text(built / f"{name}.pdf")),
    ):
        rtl = kind == "pdf" and name.endswith("-ar")
        flat = squeeze(rendered, rtl)
        lost = [s for s in sentences if squeeze(s, rtl) not in flat]
        assert not lost, f"{name}.{kind}: sentences missing: {lost[:3]}"
        assert organization in rendered


@pytest.mark.parametrize("name", sorted(BUDGETS))
def test_budget_version_tables_carry_the_english_figures(built, name):
    """Same data files as the English example, so tables 16.30 to 16.49 hold the same
    figures, in the same rows, under the same numbers."""
    for data in ("financial.csv", "posts.csv"):
        assert (SEEDS / name / "data" / data).read_bytes() == (
            SEEDS / "budget-2022-s16-en" / "data" / data
        ).read_bytes()
    english = docx_tables(built / "budget-2022-s16-en.docx")
    version = docx_tables(built / f"{name}.docx")
    separator = "-" if name.endswith("-ar") else "."  # the Arabic version's 16-30
    assert list(version) == [f"16{separator}{n}" for n in range(30, 50)]
    assert list(english) == [f"16.{n}" for n in range(30, 50)]
    version = {number.replace(separator, "."): rows for number, rows in version.items()}
    for number, rows in english.items():
        assert [figures for _, figures in version[number]] == [f for _, f in rows], number


def test_agenda_item_word_agrees_with_the_number_of_items():
    from reportgen.labels import load_labels
    from reportgen.layouts.masthead import item_word

    english, arabic = load_labels("en"), load_labels("ar")
    assert [item_word(n, english) for n in (1, 2, 3)] == ["Item", "Items", "Items"]
    assert [item_word(n, arabic) for n in (1, 2, 3)] == ["البند", "البندان", "البنود"]
    assert item_word(2, load_labels("fr")) == "Points"


def _style(code: str):
    from reportgen.labels import load_labels, number_style

    return number_style(load_labels(code), None, {})


def _masthead(code: str, dates: list, series: str = "E/CN.7/2022/7", day=None):
    from reportgen.inputs.models import DocumentInput
    from reportgen.labels import load_labels
    from reportgen.layouts.masthead import masthead

    meta = DocumentInput.model_validate(
        {
            "layout": "secretariat-note",
            "language": code,
            "symbols": [series],
            "date": day or dates[0],
            "title": "T",
            "sessions": [
                {
                    "body": None if series.startswith("A/") else "Commission",
                    "session": 76 if series.startswith("A/") else 65,
                    "dates": dates,
                    "place": "Vienne",
                    "agenda": {"items": ["4"], "symbol": "X/1"},
                }
            ],
        }
    )
    labels = load_labels(code)
    return masthead(meta, labels, _style(code))


def test_french_first_of_the_month_is_1er_in_dates_and_ranges():
    import datetime as dt

    from reportgen.numbers import format_date, format_date_range

    fr = _style("fr")
    first, fifth = dt.date(2022, 3, 1), dt.date(2022, 3, 5)
    assert format_date(dt.date(2022, 1, 1), fr) == "1er janvier 2022"
    assert format_date(dt.date(2022, 1, 11), fr) == "11 janvier 2022"  # only the first
    assert format_date_range(first, fifth, fr) == "du 1er au 5 mars 2022"
    assert format_date_range(dt.date(2022, 2, 28), dt.date(2022, 4, 1), fr) == (
        "du 28 février au 1er avril 2022"
    )
    head = _masthead("fr", [first, fifth])
    assert head.date == "1er mars 2022"
    assert head.sessions[0].dates_place == "Vienne, 1er-5 mars 2022"
    # Spanish and Russian write the first in digits like any other day
    assert format_date(dt.date(2022, 1, 1), _style("es")) == "1 de enero de 2022"
    assert format_date(dt.date(2022, 1, 1), _style("ru")) == "1 января 2022 года"
    assert format_date(dt.date(2022, 1, 1), _style("en")) == "1 January 2022"


def test_date_ranges_in_prose_and_in_the_masthead_per_language():
    import datetime as dt

    from reportgen.numbers import format_date_range

    march = (dt.date(2022, 3, 14), dt.date(2022, 3, 18))
    across = (dt.date(2022, 2, 28), dt.date(2022, 3, 4))
    years = (dt.date(2021, 12, 28), dt.date(2022, 1, 4))
    prose = {
        "en": ("14–18 March 2022", "28 February–4 March 2022", "28 December 2021–4 January 2022"),
        "fr": (
            "du 14 au 18 mars 2022",
            "du 28 février au 4 mars 2022",
            "du 28 décembre 2021 au 4 janvier 2022",
        ),
        "es": (
            "14 a 18 de marzo de 2022",
            "28 de febrero a 4 de marzo de 2022",
            "28 de diciembre de 2021 a 4 de enero de 2022",
        ),
        "ru": (
            "14–18 марта 2022 года",
            "28 февраля — 4 марта 2022 года",
            "28 декабря 2021 года — 4 января 2022 года",
        ),
        "zh": ("2022 年 3 月 14 日至 18 日", "2022 年 2 月 28 日至 3 月 4 日", None),
    }
    for code, expected in prose.items():
        style = _style(code)
        got = tuple(format_date_range(*r, style) for r in (march, across, years))
        assert got[: len([e for e in expected if e])] == tuple(e for e in expected if e), code
    masthead = {
        "en": "Vienne, 14–18 March 2022",
        "fr": "Vienne, 14-18 mars 2022",  # the masthead's hyphen, not "du … au …"
        "es": "Vienne, 14 a 18 de marzo de 2022",
        "ru": "Vienne, 14–18 марта 2022 года",
        "zh": "2022 年 3 月 14 日至 18 日，Vienne",
    }
    for code, line in masthead.items():
        assert _masthead(code, list(march)).sessions[0].dates_place == line, code
    assert _masthead("fr", list(across)).sessions[0].dates_place == (
        "Vienne, 28 février-4 mars 2022"
    )


def test_a_one_day_session_prints_its_date_with_the_month_name():
    import datetime as dt

    day = dt.date(2022, 3, 14)
    assert _masthead("en", [day, day]).sessions[0].dates_place == "Vienne, 14 March 2022"
    assert _masthead("fr", [day]).sessions[0].dates_place == "Vienne, 14 mars 2022"


def test_plural_categories_follow_cldr():
    from reportgen.numbers import plural_category

    def cat(code, number):
        return plural_category(number, _style(code))

    assert [cat("fr", n) for n in ("0", "1", "1,5", "2", "285")] == [
        "one",
        "one",
        "one",
        "other",
        "other",
    ]
    assert [cat("es", n) for n in ("1", "1,5", "2")] == ["one", "other", "other"]
    assert [cat("en", n) for n in ("1", "1.0", "2")] == ["one", "other", "other"]
    assert [cat("ru", n) for n in ("1", "21", "11", "3", "13", "5", "1,5")] == [
        "one",
        "one",
        "many",
        "few",
        "many",
        "many",
        "other",
    ]
    assert [cat("ar", n) for n in ("0", "1", "2", "3", "11", "100", "1.5")] == [
        "zero",
        "one",
        "two",
        "few",
        "many",
        "other",
        "other",
    ]
    assert cat("zh", "1") == "other"


def test_amounts_in_words_agree_with_their_number():
    from reportgen.numbers import format_money

    fr, es, en, ru = (_style(c) for c in ("fr", "es", "en", "ru"))
    assert format_money(1_000_000, fr) == "1 million de dollars"
    assert format_money(1_500_000, fr) == "1,5 million de dollars"
    assert format_money(2_000_000, fr) == "2 millions de dollars"
    assert format_money(285_000_000, fr) == "285 millions de dollars"
    assert format_money(1_000_000_000, fr) == "1 milliard de dollars"
    assert format_money(5_400_000_000, fr) == "5,4 milliards de dollars"
    assert format_money(22_711_800, fr, places=0) == "23 millions de dollars"
    assert format_money(1_000_000, es) == "1 millón de dólares"
    assert format_money(1_500_000, es) == "1,5 millones de dólares"
    assert format_money(3_590_000_000, es) == "3.590 millones de dólares"  # not "miles de"
    assert format_money(1_500_000, en) == "$1.5 million" and format_money(2e6, en) == "$2 million"
    assert format_money(2_000_000, ru) == "2 млн долл. США"  # the abbreviation does not agree
    assert format_money(21_000_000, ru) == "21 млн долл. США"


def test_spanish_session_ordinal_depends_on_the_organ():
    """The General Assembly's sessions in words, a commission's in figures beyond the tenth."""
    import datetime as dt

    day = [dt.date(2022, 3, 14), dt.date(2022, 3, 18)]
    assert _masthead("es", day).sessions[0].session == "65º período de sesiones"
    assembly = _masthead("es", day, series="A/76/6")
    assert assembly.sessions[0].session == "Septuagésimo sexto período de sesiones"
    # the other languages number both alike
    assert _masthead("fr", day, series="A/76/6").sessions[0].session == "Soixante-seizième session"
    assert _masthead("en", day, series="A/76/6").sessions[0].session == "Seventy-sixth session"


def test_grade_codes_print_as_each_language_prints_them():
    from reportgen.budget.codes import GRADES, grade_name
    from reportgen.labels import load_labels

    names = {code: [grade_name(load_labels(code), g) for g in GRADES] for code in CODES}
    assert names["en"] == list(GRADES) and names["zh"] == list(GRADES)  # as published
    assert names["fr"] == [
        *("SGA", "SSG", "D-2", "D-1", "P-5", "P-4", "P-3", "P-2/1"),
        *("G(1C)", "G(AC)", "AN", "AL"),
    ]
    assert names["es"][:2] == ["SGA", "SsG"] and names["es"][8:] == [
        "SG (CP)",
        "SG (OC)",
        "FNCO",
        "CL",
    ]
    assert names["ru"] == [
        *("ЗГС", "ПГС", "Д-2", "Д-1", "С-5", "С-4", "С-3", "С-2/1"),
        *("ОО (ВР)", "ОО (ПР)", "НСС", "МР"),
    ]
    for code in ("fr", "es", "ru"):  # the abbreviations line explains the printed codes
        line = _load(code)["budget"]["abbreviations"]
        for g in ("USG", "GS (PL)", "GS (OL)", "NPO", "LL"):
            assert grade_name(load_labels(code), g) in line, (code, g)


def test_a_french_budget_section_prints_the_french_grade_codes(tmp_path, fonts):
    """The English example rendered with fr.yaml: tables, charts' source and prose name
    the grades by the French codes; the data keeps the English ones."""
    folder = tmp_path / "budget-fr"
    shutil.copytree(_folder("budget-2022-s16-en"), folder)
    document = folder / "document.yaml"
    document.write_text(
        document.read_text("utf-8").replace("language: en", "language: fr"), "utf-8"
    )
    build_document(folder, tmp_path / "out", ("docx",), fonts)
    text = docx_text(tmp_path / "out" / "budget-fr.docx")
    assert "1 SGA, 3 D-2, 8 D-1, 14 P-5, 32 P-4, 27 P-3, 13 P-2/1, 3 G(1C), 24 G(AC)" in text
    assert "(1 D-1, 6 P-4, 2 P-3, 3 P-2/1 et 6 G(AC))" in text
    for code in ("USG", "GS (OL)", "GS (PL)"):  # only where the input's own text has them
        assert text.count(code) <= _inputs_text(folder).count(code), code


def test_russian_percentages_agree_with_their_number():
    from reportgen.numbers import format_percent

    ru = _style("ru")
    got = [format_percent(v, ru, p) for v, p in ((1, 0), (21, 0), (3, 0), (11, 0), (5, 0))]
    assert got == ["1 процент", "21 процент", "3 процента", "11 процентов", "5 процентов"]
    assert format_percent(2.8, ru, 1) == "2,8 процента"
    assert format_percent(2.8, _style("fr"), 1) == "2,8\u00a0%"
    assert format_percent(2.8, _style("en"), 1) == "2.8 per cent"
    assert format_percent(2.8, _style("es"), 1) == "2,8%"


def test_arabic_versions_number_as_the_arabic_version_does(built):
    """Paragraphs "1 -", chapters "أولا -", part "باء -", section paragraphs and tables
    16-259 and 16-30, sub-items and inline items (أ) (ب), table rows ألف - — in the
    text of both formats, from the language file's patterns and styles."""
    note = docx_text(built / "fingov-note-2022-ar.docx")
    budget = docx_text(built / "budget-2022-s16-ar.docx")
    assert re.search(r"(?m)^\s*1 -\s", note)
    assert re.search(r"أولا -\s", note) and re.search(r"ثانيا -\s", note)
    assert "(أ)" in note and "(ب)" in note and "(a)" not in note
    assert re.search(r"(?m)^\s*16-259\b", budget) and "الجدول 16-30" in budget
    assert re.search(r"باء -\s", budget) and re.search(r"ألف -\s", budget)
    assert "16.259" not in budget
    assert "(أ)" in budget and "(ب)" in budget
    pdf = pdf_text(built / "budget-2022-s16-ar.pdf")
    assert re.search(r"(?<!\d)(16-259|259-16)(?!\d)", pdf)  # a reader may turn it (UAX #9)
    english = docx_text(built / "fingov-note-2022-en.docx")
    assert re.search(r"(?m)^\s*1\.\s", english) and "(a)" in english


def test_arabic_unit_words_agree_with_their_number():
    """3 to 10 millions take the plural, other numbers and fractions the singular."""
    import dataclasses

    from reportgen.numbers import format_money

    style = dataclasses.replace(_style("ar"), money_scale="units")
    assert format_money(5_000_000, style) == "5 ملايين دولار"
    assert format_money(22_700_000, style) == "22.7 مليون دولار"
    assert format_money(285_000_000, style) == "285 مليون دولار"
