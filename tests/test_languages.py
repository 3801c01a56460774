"""Languages: English examples, a French label file, and no fixed word outside the
language resources."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from budget_tables import docx_tables
from clirun import run_cli
from conftest import ROOT, SEEDS
from readback import docx_text, pdf_text

from reportgen.build import build_document

ENGLISH = ["fingov-note-2022-en", "ed-report-2017-en", "budget-2022-s16-en"]
CJK = re.compile(r"[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]")


def _inputs_text(folder: Path) -> str:
    return "\n".join(
        p.read_text(encoding="utf-8", errors="ignore")
        for p in folder.rglob("*")
        if p.suffix in (".yaml", ".md", ".csv")
    )


@pytest.mark.parametrize("name", ENGLISH)
def test_english_examples_render_without_chinese(built, name):
    for text in (docx_text(built / f"{name}.docx"), pdf_text(built / f"{name}.pdf")):
        leftovers = set(CJK.findall(text)) - set(CJK.findall(_inputs_text(SEEDS / name)))
        assert not leftovers, f"{name}: Chinese the inputs do not hold: {sorted(leftovers)[:20]}"


def test_budget_tables_carry_the_same_figures_in_both_languages(built):
    for name in ("financial.csv", "posts.csv"):
        assert (SEEDS / "budget-2022-s16-en" / "data" / name).read_bytes() == (
            SEEDS / "budget-2022-s16" / "data" / name
        ).read_bytes()
    chinese = docx_tables(built / "budget-2022-s16.docx")
    english = docx_tables(built / "budget-2022-s16-en.docx")
    numbers = [f"16.{n}" for n in range(30, 50)]
    assert sorted(english, key=lambda n: int(n.split(".")[1])) == numbers
    for number in numbers:
        assert [
            [f.replace(",", " ").replace("–", "—") for f in figures]
            for _, figures in english[number]
        ] == [figures for _, figures in chinese[number]], number


def test_a_partial_french_label_file_renders_with_french_numbers(tmp_path):
    """A language file that lacks words falls back to English, with one warning a word:
    fr.yaml without its masthead lines and budget words."""
    french = yaml.safe_load((ROOT / "reportgen/templates/lang/fr.yaml").read_text("utf-8"))
    for key in ("distribution", "distribution_kinds", "original", "budget"):
        del french[key]
    langs = tmp_path / "langs"
    langs.mkdir()
    (langs / "fr.yaml").write_text(yaml.safe_dump(french, allow_unicode=True), "utf-8")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "reportgen",
            "build",
            str(ROOT / "tests" / "fixtures" / "fr-note"),
            "-o",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "REPORTGEN_LANGUAGES": str(langs)},
    )
    assert result.returncode == 0, result.stderr
    assert "warning: fr.yaml has no `distribution`: using the English words" in result.stderr
    assert result.stderr.count("has no `distribution`") == 1
    text = docx_text(tmp_path / "fr-note.docx")
    assert "22\u00a0711,8 milliers de dollars" in text and "2,8\u00a0%" in text
    assert "Soixante-cinquième session" in text and "Vienne, 14-18 mars 2022" in text
    assert "Note du Secrétariat" in text and "Distr.: General" in text


MARK = re.compile(r"⟦[^⟦⟧]*⟧")  # innermost first: a marked joiner sits in a marked pattern
URL = re.compile(r"https?://\S+")


def unmarked(text: str) -> str:
    while MARK.search(text):
        text = MARK.sub(" ", text)
    return URL.sub(" ", text)


NOT_WORDS = {
    "script",
    "bcp47",
    "heading_numerals",
    "ordinal",
    "figure_numerals",
    "part_numerals",
    "annex_numerals",
    "symbol_link",
    "sub_item_styles",  # numeral style names, not words
    "heading_styles",
}


def _mark(node, key=""):
    if isinstance(node, dict):
        return {k: v if k in NOT_WORDS else _mark(v, k) for k, v in node.items()}
    if isinstance(node, list):
        return [_mark(v, key) for v in node]
    if isinstance(node, str):
        return f"⟦{node}⟧"
    return node


@pytest.mark.parametrize("name", ["fingov-note-2022-en", "budget-2022-s16-en"])
def test_every_fixed_word_comes_from_the_language_file(tmp_path, fonts, monkeypatch, name):
    """Render with an en.yaml whose every word is marked ⟦…⟧: what is left once
    the marks and the input's own text are taken away must hold no word."""
    english = yaml.safe_load((ROOT / "reportgen/templates/lang/en.yaml").read_text("utf-8"))
    langs = tmp_path / "langs"  # looked up before the package's own en.yaml
    langs.mkdir()
    (langs / "en.yaml").write_text(yaml.safe_dump(_mark(english), allow_unicode=True), "utf-8")
    monkeypatch.setenv("REPORTGEN_LANGUAGES", str(langs))
    folder = tmp_path / name
    shutil.copytree(SEEDS / name, folder)
    build_document(folder, tmp_path / "out", ("docx",), fonts)
    inputs = _inputs_text(folder)
    words = set(re.findall(r"[A-Za-z][A-Za-z'-]+", inputs))
    leftover = set()
    for line in docx_text(tmp_path / "out" / f"{name}.docx").splitlines():
        for word in re.findall(r"[A-Za-z][A-Za-z'-]+", unmarked(line)):
            if word not in words and not re.fullmatch(r"[IVXLCDM]+|[a-z]", word):
                leftover.add(word)
    assert not leftover, f"words not from the language file or the input: {sorted(leftover)}"


@pytest.mark.parametrize(
    "layout", ["secretariat-note", "executive-director-report", "budget-section"]
)
def test_new_scaffolds_a_document_that_builds(tmp_path, layout):
    folder = tmp_path / "doc"
    made = run_cli(["new", layout, str(folder), "--lang", "en"], timeout=60)
    assert made.returncode == 0, made.stderr
    assert "# document.yaml" in (folder / "document.yaml").read_text("utf-8")
    built = run_cli(["build", str(folder), "-o", str(tmp_path / "out")], timeout=120)
    assert built.returncode == 0, built.stderr
    assert not CJK.search(docx_text(tmp_path / "out" / "doc.docx"))
    again = run_cli(["new", layout, str(folder)], timeout=60)
    assert again.returncode == 2 and "not empty" in again.stderr
