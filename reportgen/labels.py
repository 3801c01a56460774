"""Per-language resources and number-style profiles, read from reportgen/templates."""

from __future__ import annotations

import os
from dataclasses import dataclass, fields
from functools import cache
from pathlib import Path
from typing import Any

from reportgen.errors import InputError
from reportgen.numbers import NumberStyle

TEMPLATES = Path(__file__).parent / "templates"


@cache
def _read(path: Path) -> dict[str, Any]:
    """A language or style file, as read before when its text is the same (reportgen's
    cache, folder `labels`: PyYAML is then not loaded at all)."""
    from reportgen import cache as kept
    from reportgen.inputs.limits import MAX_TEXT_BYTES
    from reportgen.inputs.yamlfile import read_text

    text = read_text(path, MAX_TEXT_BYTES)
    key = f"{LABELS_FORMAT}|{kept.installed('yaml')}\0{text}"
    return kept.remembered(
        "labels", key, lambda: _parse(text, path), valid=lambda v: isinstance(v, dict)
    )


def _parse(text: str, path: Path) -> dict[str, Any]:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the same, with libyaml's speed
    try:
        data = yaml.load(text, Loader=loader) or {}  # noqa: S506 - a safe loader
    except (yaml.YAMLError, ValueError, RecursionError) as err:
        raise InputError.one(path, f"malformed language file: {err}".splitlines()[0]) from None
    if not isinstance(data, dict):
        raise InputError.one(path, "a language file is a mapping of names to words")
    return data


LABELS_FORMAT = "1"


FALLBACK = "en"  # a language file may be partial: missing words come from English


def language_dirs() -> list[Path]:
    """Where language files are looked for: REPORTGEN_LANGUAGES (folders separated by the
    path separator) first, then the package's own."""
    extra = [Path(p) for p in os.environ.get("REPORTGEN_LANGUAGES", "").split(os.pathsep) if p]
    return [*extra, TEMPLATES / "lang"]


def languages() -> list[str]:
    return sorted({p.stem for d in language_dirs() if d.is_dir() for p in d.glob("*.yaml")})


def _find(code: str) -> Path | None:
    import re

    from reportgen.inputs.limits import LANGUAGE_CODE

    if not re.fullmatch(LANGUAGE_CODE, code):  # a code, never a path
        return None
    for folder in language_dirs():
        path = folder / f"{code}.yaml"
        if path.is_file():
            return path
    return None


@dataclass(frozen=True)
class Labels:
    """The words of one language; `get` looks up a dotted key, falling back to English
    (with a warning, once) for a word the language file lacks."""

    code: str
    data: dict[str, Any]
    fallback: Labels | None = None

    def get(self, key: str) -> Any:
        node: Any = self.data
        for part in key.split("."):
            if not isinstance(node, dict) or part not in node:
                if self.fallback is None:
                    raise KeyError(f"label `{key}` missing from language file {self.code}.yaml")
                from reportgen.warnings import warn

                warn(f"{self.code}.yaml has no `{key}`: using the English words")
                return self.fallback.get(key)
            node = node[part]
        return node

    @property
    def is_cjk(self) -> bool:
        return self.get("script") == "cjk"


def load_labels(code: str, source: Path | None = None) -> Labels:
    path = _find(code)
    if path is None:
        raise InputError.one(
            source or f"{code}.yaml",
            f"unknown language `{code}`",
            field="language",
            hint="available: " + ", ".join(languages()),
        )
    fallback = None if code == FALLBACK else load_labels(FALLBACK)
    return Labels(code, _read(path), fallback)


def number_style(
    labels: Labels, profile: str | None, overrides: dict[str, str], source: Path | None = None
) -> NumberStyle:
    """The language's words for numbers, the profile's conventions, then the overrides."""
    values: dict[str, Any] = {}
    if labels.fallback is not None:  # English first: a partial language file keeps working
        values.update(labels.fallback.get("numbers"))
    values.update(labels.data.get("numbers", {}))
    if "units" in values:
        values["units"] = {int(k): v for k, v in values["units"].items()}
    if "days" in values:  # {1: 1er}: the French first of the month
        values["days"] = {int(k): str(v) for k, v in values["days"].items()}
    # unit words agree by the CLDR rule of the file's language (fr-FR → fr), unless
    # the file names one
    values.setdefault("plural", str(labels.get("bcp47")).split("-")[0].lower())
    if "months" in values:
        values["months"] = tuple(values["months"])
    profiles = _read(TEMPLATES / "styles.yaml")
    if profile is not None:
        if profile not in profiles:
            raise InputError.one(
                source or "document.yaml",
                f"unknown number style `{profile}`",
                field="style",
                hint="available: " + ", ".join(profiles),
            )
        values.update(profiles[profile])
    allowed = {f.name for f in fields(NumberStyle)}
    for key, value in overrides.items():
        if key not in allowed:
            raise InputError.one(
                source or "document.yaml",
                f"unknown number setting `{key}`",
                field=f"numbers.{key}",
                hint="allowed: " + ", ".join(sorted(allowed)),
            )
        default = getattr(NumberStyle(), key)
        try:  # the type the setting takes: money_round: 100, group: " "
            values[key] = type(default)(value) if isinstance(default, (int, str)) else value
        except ValueError:
            raise InputError.one(
                source or "document.yaml",
                f"`{value}` does not suit numbers.{key}",
                field=f"numbers.{key}",
            ) from None
    return NumberStyle(**values)
