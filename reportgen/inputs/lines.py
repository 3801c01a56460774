"""Mappings and sequences read from YAML that know the line of each key and item, as
ruamel's round-trip containers do (`lc.line`, `lc.key(k)`, `lc.item(i)`). They live
here, apart from the reader, so that reading them back from the cache loads no YAML
library."""

from __future__ import annotations

from typing import Any


class Lines:
    """Where a mapping or sequence and each of its keys or items start (0-based)."""

    __slots__ = ("line", "_at")

    def __init__(self, line: int, at: dict):
        self.line = line
        self._at = at

    def key(self, key: Any) -> tuple[int, int]:
        return self._at[key]

    def item(self, index: int) -> tuple[int, int]:
        return self._at[index]


class LineDict(dict):
    __slots__ = ("lc",)


class LineList(list):
    __slots__ = ("lc",)


class Rejected(Exception):
    """A YAML value reportgen refuses (too large, too deep), at a 0-based line."""

    def __init__(self, message: str, line: int | None):
        super().__init__(message)
        self.message = message
        self.line = line
