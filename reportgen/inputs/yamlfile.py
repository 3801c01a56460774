"""YAML with line numbers, and pydantic errors translated to file:line: field messages."""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from reportgen.errors import InputError, Problem
from reportgen.inputs import limits
from reportgen.inputs.limits import MAX_TEXT_BYTES, describe, unprintable

YAML_CACHE_FORMAT = "2"
YAML_KEPT = 2048  # a budget section reads a dozen YAML files


def read_bytes(path: Path, limit: int = MAX_TEXT_BYTES, hint: str = "is this the right file?"):
    """A regular file's bytes, at most `limit` of them; a file that is missing, not a
    regular file (a FIFO would block), too large or unreadable is an input error naming it.
    The size is checked on the open file, so what is read is what was measured."""
    import os
    import stat

    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise InputError.one(path, "file not found") from None
    except IsADirectoryError:
        raise InputError.one(path, "is a folder, not a file") from None
    except OSError as err:
        raise InputError.one(path, f"cannot read the file: {err.strerror}") from None
    with os.fdopen(fd, "rb") as f:
        info = os.fstat(f.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise InputError.one(path, "not a regular file", hint="give a file in the folder")
        if info.st_size > limit:
            raise InputError.one(path, f"file is larger than {limit // limits.MB} MB", hint=hint)
        try:
            raw = f.read(limit + 1)
        except OSError as err:
            raise InputError.one(path, f"cannot read the file: {err.strerror}") from None
    if len(raw) > limit:  # grew since it was measured
        raise InputError.one(path, f"file is larger than {limit // limits.MB} MB", hint=hint)
    return raw


def read_text(path: Path, limit: int = MAX_TEXT_BYTES) -> str:
    """A UTF-8 text file; invalid bytes or characters are input errors naming the place."""
    raw = read_bytes(path, limit)
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
    bad = unprintable(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        column = bad.start() - text.rfind("\n", 0, bad.start())
        raise InputError.one(
            path,
            f"control character {describe(bad.group())} at column {column}",
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
    from reportgen.inputs.lines import Rejected

    text = read_text(path, limits.MAX_YAML_BYTES)
    key = f"{YAML_CACHE_FORMAT}|{cache.reportgen_files()}|{cache.installed('yaml')}\0{text}"
    try:
        # only what passed the checks is kept: an entry read back needs none
        return cache.remembered(
            "yaml",
            key,
            lambda: _checked(_read_with_libyaml(text), path),
            keep=YAML_KEPT,
            valid=_parsed,
        )
    except _Refused:
        return _checked(_load_with_ruamel(text, path), path)
    except Rejected as err:
        line = None if err.line is None else err.line + 1
        raise InputError.one(path, err.message, line=line, hint="is this the right file?") from None


def _parsed(value: Any) -> bool:
    """What the YAML reader can make: mappings and sequences that know their lines."""
    from reportgen.inputs.lines import LineDict, LineList

    if isinstance(value, dict):
        return isinstance(value, LineDict)
    if isinstance(value, list):
        return isinstance(value, LineList)
    return value is None or isinstance(value, (str, int, float, bool))


class _Refused(Exception):
    """libyaml's reader refused the text (see `yamllines`)."""


def _read_with_libyaml(text: str) -> Any:
    import yaml as pyyaml

    from reportgen.inputs import yamllines

    try:
        return yamllines.load(text)
    except yamllines.Rejected:
        raise
    except pyyaml.MarkedYAMLError as err:
        if "maximum nesting depth" in str(err.problem):  # ruamel would recurse for seconds
            mark = err.problem_mark
            raise yamllines.Rejected(
                f"nested more than {limits.MAX_YAML_DEPTH} levels deep",
                mark.line if mark else None,
            ) from None
        raise _Refused from None
    except (pyyaml.YAMLError, RecursionError):
        raise _Refused from None


def _checked(value: Any, path: Path) -> Any:
    """`value` if every string in it can be printed and every number is finite, with
    at most `MAX_YAML_NODES` values (an alias counts as what it stands for) nested at
    most `MAX_YAML_DEPTH` deep; else an input error naming the line."""
    import math

    problems: list[Problem] = []
    count = 0
    stack: list[tuple[Any, int | None, tuple, int]] = [(value, 1, (), 0)]
    while stack:
        node, line, where, depth = stack.pop()
        count += 1
        field = ".".join(str(k) for k in where if not isinstance(k, int)) or None
        if count > limits.MAX_YAML_NODES or depth > limits.MAX_YAML_DEPTH:
            what = (
                f"more than {limits.MAX_YAML_NODES} values (aliases counted as what they repeat)"
                if count > limits.MAX_YAML_NODES
                else f"nested more than {limits.MAX_YAML_DEPTH} levels deep"
            )
            raise InputError.one(path, what, line=line, field=field, hint="is this the right file?")
        if isinstance(node, str):
            bad = unprintable(node)
            if bad:
                problems.append(
                    Problem(
                        path,
                        f"control character {describe(bad.group())} in the text",
                        line=line,
                        field=field,
                        hint="remove the escape that writes it: documents cannot hold it",
                    )
                )
        elif isinstance(node, float) and not math.isfinite(node):
            problems.append(
                Problem(path, f"`{node}` is not a number a document can show", line, field)
            )
        elif isinstance(node, dict):
            lc = getattr(node, "lc", None)
            for key, item in node.items():
                at = _line(lc, "key", key, line)
                stack.append((key, at, where, depth + 1))
                stack.append((item, at, (*where, key), depth + 1))
        elif isinstance(node, list):
            lc = getattr(node, "lc", None)
            for index, item in enumerate(node):
                stack.append((item, _line(lc, "item", index, line), (*where, index), depth + 1))
        if len(problems) >= limits.MAX_PROBLEMS_PER_FILE:
            break
    if problems:
        problems.sort(key=lambda p: p.line or 0)
        raise InputError(problems)
    return value


def _line(lc: Any, kind: str, key: Any, default: int | None) -> int | None:
    if lc is None:
        return default
    try:
        return getattr(lc, kind)(key)[0] + 1
    except (KeyError, IndexError, TypeError):
        return default


def _load_with_ruamel(text: str, path: Path) -> Any:
    from ruamel.yaml.error import MarkedYAMLError

    try:
        return _yaml().load(text)
    except RecursionError:
        raise InputError.one(
            path,
            f"nested more than {limits.MAX_YAML_DEPTH} levels deep",
            hint="is this the right file?",
        ) from None
    except (ValueError, TypeError, IndexError, AttributeError) as err:
        raise InputError.one(
            path, f"malformed YAML: {err}", hint="check quotes and numbers"
        ) from None
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
                if e["type"] == "string_type" and isinstance(found, (int, float)):
                    hint = f'write it in quotes: "{found}"'
            problems.append(Problem(path, message, line=line_of(data, loc), field=field, hint=hint))
        raise InputError(problems) from None


def plain(node: Any) -> Any:
    """ruamel's round-trip containers as plain dicts and lists."""
    if isinstance(node, dict):
        return {k: plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [plain(v) for v in node]
    return node
