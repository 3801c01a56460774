"""Warnings: printed once each to stderr; `--strict` makes them errors."""

from __future__ import annotations

import sys

from reportgen.errors import InputError

_seen: set[str] = set()
strict = False


def warn(message: str) -> None:
    """Print a warning once; under --strict it is an input error instead."""
    if strict:
        raise InputError.one("--strict", message, hint="warnings are errors under --strict")
    if message not in _seen:
        _seen.add(message)
        print(f"warning: {message}", file=sys.stderr)


def forget() -> None:
    """Print each warning again from now on (`reportgen watch`: one build per save)."""
    _seen.clear()
