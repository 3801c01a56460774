"""YAML with line numbers, and pydantic errors translated to file:line: field messages."""

from __future__ import annotations

import difflib
import re
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from reportgen.errors import InputError, Problem

MAX_TEXT_BYTES = 20 * 1024 * 1024
YAML_CACHE_FORMAT = "1"
YAML_KEPT = 2048  # a budget section reads a dozen YAML files
# characters no DOCX or PDF can hold: C0 controls but tab and line ends, DEL, non-characters
_UNPRINTABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


def read_text(path: Path) -> str:
    """A UTF-8 text file; invalid bytes or characters are input errors naming the place."""
    try:
        if path.stat().st_size > MAX_TEXT_BYTES:
            raise InputError.one(
                path,
                f"file is larger than {MAX_TEXT_BYTES // 2**20} MB",
                hint="is this the right file?",
            )
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError.one(path, "file not found") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise InputError.one(
            path,
            f"not valid UTF-8 (byte 0x{raw[err.start]:02x})",
            line=line,
            hint="save the file as UTF-8",
        ) from None
    bad = _UNPRINTABLE.search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        column = bad.start() - text.rfind("\n", 0, bad.start())
        raise InputError.one(
            path,
            f"control character U+{ord(bad.group()):04X} at column {column}",
            line=line,
            hint="delete it: documents cannot hold it",
        )
    return text


def _yaml():
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    # dates stay text here; the models parse them, so a bad date is reported with its line
    yaml.constructor.add_constructor(
        "tag:yaml.org,2002:timestamp", lambda self, node: self.construct_scalar(node)
    )
    return yaml


def load_validated(model: type[BaseModel], path: Path) -> Any:
    """A YAML file validated into `model`; every error is reported, with its line."""
    return validate(model, load_yaml(path), path)


def load_yaml(path: Path) -> Any:
    """Parse a YAML file, keeping line information on mappings and sequences.

    libyaml reads it (`yamllines`); what that refuses is read again by ruamel, which
    says what is wrong and where (or reads what only it can). What libyaml read is
    kept in reportgen's cache (folder `yaml`, keyed by the text, reportgen's files and
    PyYAML's installed files): building a budget's plan data in Python costs more than
    reading it back, an edit changes one file, and PyYAML is loaded only to read."""
    from reportgen import cache

    text = read_text(path)
    key = f"{YAML_CACHE_FORMAT}|{cache.reportgen_files()}|{cache.installed('yaml')}\0{text}"
    try:
        return cache.remembered("yaml", key, lambda: _read_with_libyaml(text), keep=YAML_KEPT)
    except _Refused:
        return _load_with_ruamel(text, path)


class _Refused(Exception):
    """libyaml's reader refused the text (see `yamllines`)."""


def _read_with_libyaml(text: str) -> Any:
    import yaml as pyyaml

    from reportgen.inputs import yamllines

    try:
        return yamllines.load(text)
    except pyyaml.YAMLError:
        raise _Refused from None


def _load_with_ruamel(text: str, path: Path) -> Any:
    from ruamel.yaml.error import MarkedYAMLError

    try:
        return _yaml().load(text)
    except MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark else None
        hint = "check indentation, colons and quotes on that line"
        if err.context and err.context_mark and err.problem_mark:
            hint = f"{err.context} that starts on line {err.context_mark.line + 1}; " + hint
        raise InputError.one(
            path, f"malformed YAML: {err.problem or err.context}", line=line, hint=hint
        ) from None


def line_of(node: Any, loc: tuple) -> int | None:
    """The 1-based line of a pydantic error location inside a ruamel document."""
    line = None
    for key in loc:
        lc = getattr(node, "lc", None)
        if lc is None:
            break
        try:
            if isinstance(key, int) and isinstance(node, list):
                line = lc.item(key)[0] + 1
                node = node[key]
            elif isinstance(node, dict) and key in node:
                line = lc.key(key)[0] + 1
                node = node[key]
            else:
                break
        except (KeyError, IndexError, TypeError):
            break
    if line is None and getattr(node, "lc", None) is not None:
        line = node.lc.line + 1
    return line


def _field_names(model: type[BaseModel], loc: tuple) -> list[str]:
    """The allowed field names at a location, for did-you-mean hints."""
    current: Any = model
    for key in loc[:-1]:
        if isinstance(key, int):
            continue
        fields = getattr(current, "model_fields", {})
        if key not in fields:
            return []
        ann = fields[key].annotation
        current = _model_in(ann)
        if current is None:
            return []
    return list(getattr(current, "model_fields", {}))


def _model_in(ann: Any) -> type[BaseModel] | None:
    if isinstance(ann, type) and issubclass(ann, BaseModel):
        return ann
    for arg in getattr(ann, "__args__", ()) or ():
        found = _model_in(arg)
        if found:
            return found
    return None


def validate(model: type[BaseModel], data: Any, path: Path) -> Any:
    """Validate parsed YAML into `model`; every error is reported, with its line."""
    if not isinstance(data, dict):
        raise InputError.one(path, "expected a mapping of fields (key: value) at the top level")
    try:
        return model.model_validate(plain(data))
    except ValidationError as err:
        problems = []
        for e in err.errors():
            loc = tuple(e["loc"])
            field = ".".join(str(k) for k in loc)
            hint = None
            if e["type"] == "extra_forbidden":
                names = _field_names(model, loc)
                close = difflib.get_close_matches(str(loc[-1]), names, n=1)
                message = "unknown field"
                hint = (
                    f"did you mean `{close[0]}`?"
                    if close
                    else ("allowed: " + ", ".join(names) if names else None)
                )
            elif e["type"] == "missing":
                message = "required field is missing"
                hint = "add it to the file"
            else:
                found = e.get("input")
                message = (
                    f"{e['msg']} (found: {found!r})" if not isinstance(found, dict) else e["msg"]
                )
            problems.append(Problem(path, message, line=line_of(data, loc), field=field, hint=hint))
        raise InputError(problems) from None


def plain(node: Any) -> Any:
    """ruamel's round-trip containers as plain dicts and lists."""
    if isinstance(node, dict):
        return {k: plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [plain(v) for v in node]
    return node
