"""YAML read by libyaml (PyYAML's C parser) with the line of every key and item.

The same values as ruamel's round-trip loader for the files reportgen reads (YAML 1.2
core schema: `yes`/`no`/`on` stay text, `010` is ten, dates stay text for the models
to parse), and the same `lc.line`, `lc.key(k)` and `lc.item(i)` that messages name,
at a fraction of its time. Anything this reader refuses (malformed YAML, a key given
twice, a tag it does not know) raises `yaml.YAMLError`; the caller then reads the file
with ruamel, whose messages say what is wrong and where.
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.resolver import BaseResolver

from reportgen.inputs.limits import MAX_INTEGER_DIGITS
from reportgen.inputs.lines import LineDict, LineList, Lines, Rejected

__all__ = ["Rejected", "load"]

try:
    from yaml.cyaml import CParser as _CParser
except ImportError:  # PyYAML built without libyaml
    _CParser = None


class _Resolver(BaseResolver):
    """YAML 1.2 core schema, as ruamel resolves plain scalars."""


_Resolver.yaml_implicit_resolvers = {}
for tag, pattern, first in (
    ("bool", r"true|True|TRUE|false|False|FALSE", "tTfF"),
    (
        "int",
        r"[-+]?0b[0-1_]+|[-+]?0o[0-7_]+|[-+]?[0-9_]+|[-+]?0x[0-9a-fA-F_]+",
        "-+0123456789",
    ),
    (
        "float",
        r"[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)"
        r"|[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)",
        "-+0123456789.",
    ),
    ("null", r"~|null|Null|NULL|", ["~", "n", "N", ""]),
    ("merge", r"<<", "<"),
):
    _Resolver.add_implicit_resolver(
        f"tag:yaml.org,2002:{tag}", re.compile(f"^(?:{pattern})$"), list(first)
    )


class _Constructor(SafeConstructor):
    def construct_yaml_int(self, node):
        written = self.construct_scalar(node)
        text = written.replace("_", "")
        sign = -1 if text[:1] == "-" else 1
        digits = text.lstrip("+-")
        if not digits:  # `-_`, `+`: no digit, so text
            return written
        if len(digits) > MAX_INTEGER_DIGITS:
            raise Rejected(
                f"an integer of {len(digits)} digits (at most {MAX_INTEGER_DIGITS})",
                node.start_mark.line,
            )
        try:
            for prefix, base in (("0b", 2), ("0o", 8), ("0x", 16)):
                if digits.startswith(prefix):
                    return sign * int(digits[2:], base)
            return sign * int(digits)
        except ValueError:  # `0x_`: no digit after the prefix, so text
            return written

    def construct_yaml_float(self, node):
        text = self.construct_scalar(node).replace("_", "").lower()
        if text.lstrip("+-") == ".inf":
            return float("-inf" if text[0] == "-" else "inf")
        if text == ".nan":
            return float("nan")
        return float(text)

    def construct_yaml_map(self, node):
        data = LineDict()
        at: dict = {}
        data.lc = Lines(node.start_mark.line, at)
        yield data
        explicit = sum(1 for key, _ in node.value if key.tag != "tag:yaml.org,2002:merge")
        self.flatten_mapping(node)  # merged (<<) pairs first: keys given here override them
        merged = len(node.value) - explicit
        given: set = set()
        for n, (key_node, value_node) in enumerate(node.value):
            key = self.construct_object(key_node, deep=True)
            try:
                hash(key)
            except TypeError:
                raise ConstructorError(None, None, "unhashable key", key_node.start_mark) from None
            if n >= merged:
                if key in given:
                    raise ConstructorError(None, None, "duplicate key", key_node.start_mark)
                given.add(key)
            data[key] = self.construct_object(value_node, deep=True)
            at[key] = (key_node.start_mark.line, key_node.start_mark.column)

    def construct_yaml_seq(self, node):
        data = LineList()
        data.lc = Lines(node.start_mark.line, {})
        yield data
        for index, item in enumerate(node.value):
            data.append(self.construct_object(item, deep=True))
            data.lc._at[index] = (item.start_mark.line, item.start_mark.column)


for _tag, _method in (
    ("int", _Constructor.construct_yaml_int),
    ("float", _Constructor.construct_yaml_float),
    ("map", _Constructor.construct_yaml_map),
    ("seq", _Constructor.construct_yaml_seq),
    ("timestamp", SafeConstructor.construct_scalar),  # the models parse dates
):
    _Constructor.add_constructor(f"tag:yaml.org,2002:{_tag}", _method)


if _CParser is not None:

    class _Loader(_CParser, _Constructor, _Resolver):
        def __init__(self, stream):
            _CParser.__init__(self, stream)
            _Constructor.__init__(self)
            _Resolver.__init__(self)
else:  # PyYAML built without libyaml: its Python parser, slower, same values

    class _Loader(  # type: ignore[no-redef]
        yaml.reader.Reader,
        yaml.scanner.Scanner,
        yaml.parser.Parser,
        yaml.composer.Composer,
        _Constructor,
        _Resolver,
    ):
        def __init__(self, stream):
            yaml.reader.Reader.__init__(self, stream)
            yaml.scanner.Scanner.__init__(self)
            yaml.parser.Parser.__init__(self)
            yaml.composer.Composer.__init__(self)
            _Constructor.__init__(self)
            _Resolver.__init__(self)


def load(text: str) -> Any:
    """The single document in `text`; `yaml.YAMLError` when this reader refuses it."""
    loader = _Loader(text)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()
