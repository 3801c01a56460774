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
# maps whose keys are the language's own, not English's: unit words by size, grade names
FREE_MAPS = {"numbers.units", "budget.grade_prose"}
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
    assert data["masthead"]["ordinal"] in SESSION_ORDINALS
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

    def squeeze(text: str) -> str:
        return re.sub(r"[\s\u00a0\u202f]+", "", text)

    for kind, text in (
        ("docx", docx_text(tmp_path / f"{name}.docx")),
        ("pdf", pdf_text(tmp_path / f"{name}.pdf")),
    ):
        flat = squeeze(text)
        lost = [s for s in sentences if squeeze(s) not in flat]
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

    def squeeze(text: str) -> str:
        return re.sub(r"[\s\u00a0\u202f]+", "", text)

    for kind, rendered in (
        ("docx", docx_text(built / f"{name}.docx")),
        ("pdf", pdf_text(built / f"{name}.pdf")),
    ):
        flat = squeeze(rendered)
        lost = [s for s in sentences if squeeze(s) not in flat]
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
    assert list(version) == list(english) == [f"16.{n}" for n in range(30, 50)]
    for number, rows in english.items():
        assert [figures for _, figures in version[number]] == [f for _, f in rows], number


def test_agenda_item_word_agrees_with_the_number_of_items():
    from reportgen.labels import load_labels
    from reportgen.layouts.masthead import item_word

    english, arabic = load_labels("en"), load_labels("ar")
    assert [item_word(n, english) for n in (1, 2, 3)] == ["Item", "Items", "Items"]
    assert [item_word(n, arabic) for n in (1, 2, 3)] == ["البند", "البندان", "البنود"]
    assert item_word(2, load_labels("fr")) == "Points"
