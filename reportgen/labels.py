"""Per-language resources and number-style profiles, read from reportgen/templates."""

from __future__ import annotations

from dataclasses import dataclass, fields
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from reportgen.errors import InputError
from reportgen.numbers import NumberStyle

TEMPLATES = Path(__file__).parent / "templates"


@cache
def _read(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as f:
        return yaml.safe_load(f) or {}


def languages() -> list[str]:
    return sorted(p.stem for p in (TEMPLATES / "lang").glob("*.yaml"))


@dataclass(frozen=True)
class Labels:
    """The words of one language; `get` looks up a dotted key."""

    code: str
    data: dict[str, Any]

    def get(self, key: str) -> Any:
        node: Any = self.data
        for part in key.split("."):
            if not isinstance(node, dict) or part not in node:
                raise KeyError(f"label `{key}` missing from language file {self.code}.yaml")
            node = node[part]
        return node

    @property
    def is_cjk(self) -> bool:
        return self.data.get("script") == "cjk"


def load_labels(code: str, source: Path | None = None) -> Labels:
    path = TEMPLATES / "lang" / f"{code}.yaml"
    if not path.is_file():
        raise InputError.one(
            source or path,
            f"unknown language `{code}`",
            field="language",
            hint="available: " + ", ".join(languages()),
        )
    return Labels(code, _read(path))


def number_style(
    labels: Labels, profile: str | None, overrides: dict[str, str], source: Path | None = None
) -> NumberStyle:
    """The language's words for numbers, the profile's conventions, then the overrides."""
    values: dict[str, Any] = dict(labels.get("numbers"))
    if "units" in values:
        values["units"] = {int(k): v for k, v in values["units"].items()}
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
        values[key] = value
    return NumberStyle(**values)
