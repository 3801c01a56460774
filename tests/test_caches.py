"""The caches (compiled templates, parsed fonts and narrative, chart images) change
nothing but time."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reportgen import cache
from reportgen.build import build_document
from reportgen.errors import InputError
from reportgen.markup import parse, parse_now
from reportgen.numbers import NumberStyle
from reportgen.templating import render
from reportgen.writers.pdf import fontcache

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def cache_root(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("REPORTGEN_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_template_cache_hit_and_damaged_entry_render_the_same(cache_root):
    style = NumberStyle()
    source = "共 {{ total | num }} 美元，{{ part | pct(1) }}。\n"
    data = {"total": 1400, "part": 12.34}
    first = render(source, Path("t.md"), data, style)
    entries = list((cache_root / "templates").iterdir())
    assert len(entries) == 1
    assert render(source, Path("t.md"), data, style) == first
    entries[0].write_bytes(b"not code")
    assert render(source, Path("t.md"), data, style) == first == "共 1,400 美元，12.3%。\n"


def test_template_errors_are_not_cached(cache_root):
    style = NumberStyle()
    for _ in range(2):
        with pytest.raises(InputError) as err:
            render("a\n{{ total | num }\n", Path("t.md"), {"total": 1}, style)
        assert err.value.problems[0].line == 2
    assert not (cache_root / "templates").exists()


def test_font_cache_gives_the_parsed_face(cache_root, fonts):
    font = fonts.latin["regular"]
    parsed = fontcache.load_face(font.path, font.index)  # parsed, then stored
    stored = fontcache.load_face(font.path, font.index)  # from the cache
    assert list(cache.cache_dir("fonts").iterdir())
    assert stored.charWidths == parsed.charWidths
    assert stored.glyphPos == parsed.glyphPos and stored.unitsPerEm == parsed.unitsPerEm
    assert stored._pdfScale(512) == parsed._pdfScale(512)


def test_pdf_is_the_same_with_cold_and_warm_caches(cache_root, tmp_path, fonts):
    folder = ROOT / "seeds" / "fingov-note-2022"
    cold = build_document(folder, tmp_path / "cold", ("pdf",), fonts).outputs[0]
    warm = build_document(folder, tmp_path / "warm", ("pdf",), fonts).outputs[0]
    assert cold.read_bytes() == warm.read_bytes()


def test_cache_keeps_its_newest_entries(cache_root, monkeypatch):
    monkeypatch.setattr(cache, "KEEP", 3)
    folder = cache.cache_dir("templates")
    for n in range(5):
        cache.write(folder / f"{n}.marshal", b"x")
    assert len(list(folder.iterdir())) == 3


def test_a_full_cache_folder_is_cut_back_by_a_tenth(cache_root, monkeypatch):
    monkeypatch.setattr(cache, "KEEP", 20)
    folder = cache.cache_dir("templates")
    for n in range(25):
        cache.write(folder / f"{n:02}.marshal", b"x")
        os.utime(folder / f"{n:02}.marshal", ns=(n * 10**9, n * 10**9))
    names = sorted(p.name for p in folder.iterdir())
    # the 21st entry cut the folder back to the newest 18 (03–20), the 24th again (06–23)
    assert names == [f"{n:02}.marshal" for n in range(6, 25)]


def test_chart_cache_gives_the_same_pictures(cache_root, fonts):
    from reportgen.model import ChartPanel
    from reportgen.model import Figure as FigureBlock
    from reportgen.writers.chart_images import chart_pngs
    from reportgen.writers.charts import chart_drawing, chart_font, rasterise

    figure = FigureBlock("Figure I", "Posts", "", [ChartPanel("", [("P-4", 4.0, "4")])])
    drawn = chart_pngs([figure], 400, fonts, cjk=False)
    entries = list(cache.cache_dir("charts").iterdir())
    assert len(entries) == 1 and drawn[0].startswith(b"\x89PNG")
    assert drawn == rasterise([chart_drawing(figure, 400, chart_font(fonts, False))], 150)
    assert chart_pngs([figure], 400, fonts, cjk=False) == drawn
    entries[0].write_bytes(b"damaged")
    assert chart_pngs([figure], 400, fonts, cjk=False) == drawn
    other = FigureBlock("Figure I", "Posts", "", [ChartPanel("", [("P-4", 5.0, "5")])])
    assert chart_pngs([other], 400, fonts, cjk=False) != drawn
    assert chart_pngs([figure], 300, fonts, cjk=False) != drawn  # another width


NARRATIVE = "# 总体方向 {-}\n\n16.1 毒品和犯罪问题办公室[^a]。\n\n[^a]: 见 [E/2016/75](undocs)。\n"


def test_parsed_narrative_from_the_cache_equals_a_fresh_parse(cache_root):
    fresh = parse_now(NARRATIVE, Path("a.md"), "undocs")
    first = parse(NARRATIVE, Path("a.md"), "undocs")  # parsed, then stored
    (entry,) = (cache_root / "markup").iterdir()
    again = parse(NARRATIVE, Path("a.md"), "undocs")  # read back
    assert first == again == fresh and again is not first
    entry.write_bytes(b"damaged")
    assert parse(NARRATIVE, Path("a.md"), "undocs") == fresh
    parse(NARRATIVE.replace("16.1", "16.2"), Path("a.md"), "undocs")  # an edit: a new entry
    parse(NARRATIVE, Path("b.md"), "undocs")  # another file: its own entry (paths in blocks)
    assert len(list((cache_root / "markup").iterdir())) == 3


def test_narrative_errors_are_not_cached(cache_root):
    for _ in range(2):
        with pytest.raises(InputError) as err:
            parse("text[^missing]\n\n[^a]:\n", Path("a.md"), "undocs")
        assert err.value.problems
    assert not (cache_root / "markup").exists()


def test_yaml_read_back_from_the_cache_keeps_values_and_lines(cache_root, tmp_path):
    from reportgen.inputs.yamlfile import load_yaml

    path = tmp_path / "plan.yaml"
    path.write_text("title: 标题\nitems:\n  - a: 1\n  - b: [2, 3]\n", encoding="utf-8")
    first = load_yaml(path)  # read, then stored
    (entry,) = (cache_root / "yaml").iterdir()
    again = load_yaml(path)
    assert again == first and again is not first
    assert again.lc.key("items")[0] == 1 and again["items"].lc.item(1)[0] == 3
    entry.write_bytes(b"damaged")
    assert load_yaml(path) == first


def test_malformed_yaml_is_not_cached(cache_root, tmp_path):
    from reportgen.inputs.yamlfile import load_yaml

    path = tmp_path / "bad.yaml"
    path.write_text("title: [unclosed\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(InputError):
            load_yaml(path)
    assert not (cache_root / "yaml").exists()
