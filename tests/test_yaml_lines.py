"""The libyaml reader gives the values and lines ruamel's round-trip loader gives."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from reportgen.inputs import yamlfile, yamllines

ROOT = Path(__file__).resolve().parents[1]
FILES = sorted(
    p
    for folder in ("seeds", "tests", "reportgen")
    for p in (ROOT / folder).rglob("*.yaml")
    if "bad_inputs" not in p.parts
)


def _same(fast, slow, where: str = "") -> None:
    """Equal values of equal plain types, and every key and item on the same line."""
    if isinstance(slow, dict):
        assert isinstance(fast, dict), where
        assert list(fast) == list(slow), where
        assert fast.lc.line == slow.lc.line, where
        for key in slow:
            assert fast.lc.key(key)[0] == slow.lc.key(key)[0], f"{where}.{key}"
            _same(fast[key], slow[key], f"{where}.{key}")
    elif isinstance(slow, list):
        assert isinstance(fast, list), where
        assert len(fast) == len(slow), where
        for i, (a, b) in enumerate(zip(fast, slow, strict=True)):
            assert fast.lc.item(i)[0] == slow.lc.item(i)[0], f"{where}[{i}]"
            _same(a, b, f"{where}[{i}]")
    else:
        plain = next(t for t in (bool, int, float, str, type(None)) if isinstance(slow, t))
        assert type(fast) is plain, (where, fast, slow)
        assert fast == slow, where


def test_there_are_files_to_compare():
    assert len(FILES) > 20


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_same_values_and_lines_as_ruamel(path: Path):
    text = path.read_text(encoding="utf-8-sig")
    _same(yamllines.load(text), yamlfile._yaml().load(text))


SCALARS = """\
a: 017
b: 0o17
c: 1_000
d: 0x1F
e: 1.5e3
f: .5
g: 1e5
h: yes
i: on
j: ~
k: 2022-01-01
l: -12
m: .inf
n: .NaN
o: 12:30
p: "quoted: yes"
q: |
  kept
  lines
r: >
  folded
  text
s: [1, two, 3.0, false, null]
base: &base {x: 1, y: 2}
merged:
  <<: *base
  y: 3
"""


def test_scalars_follow_yaml_1_2_as_ruamel_does():
    fast, slow = yamllines.load(SCALARS), yamlfile._yaml().load(SCALARS)
    for key in slow:
        if key == "n":
            assert fast[key] != fast[key] and slow[key] != slow[key]  # both NaN
            continue
        assert fast[key] == slow[key], key
    assert fast["h"] == "yes" and fast["k"] == "2022-01-01" and fast["o"] == "12:30"
    assert fast["merged"] == {"x": 1, "y": 3}


@pytest.mark.parametrize(
    "text", ["a: 1\na: 2\n", "a: [1, 2\n", "? [1, 2]\n: x\n", "a: !custom 1\n", "- a\nb: 1\n"]
)
def test_what_it_refuses_is_left_to_ruamel(text: str):
    with pytest.raises(yaml.YAMLError):
        yamllines.load(text)


def test_a_duplicate_key_is_reported_with_its_line(tmp_path: Path):
    path = tmp_path / "dup.yaml"
    path.write_text("title: one\nsymbol: x\ntitle: two\n", encoding="utf-8")
    with pytest.raises(yamlfile.InputError) as err:
        yamlfile.load_yaml(path)
    (problem,) = err.value.problems
    assert problem.line == 3 and "duplicate" in problem.message
