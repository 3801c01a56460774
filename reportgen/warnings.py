"""Warnings: printed once each to stderr; `--strict` makes them errors."""

from __future__ import annotations

import sys

from reportgen.errors import InputError

_seen: set[str] = set()
strict = False


def warn(message: str) -> None:
    if strict:
        raise InputError.one("warning", message, hint="--strict turns warnings into errors")
    if message not in _seen:
        _seen.add(message)
        print(f"warning: {message}", file=sys.stderr)
