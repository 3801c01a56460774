"""Hints for names a template gets wrong: the nearest names that exist."""

from __future__ import annotations

import difflib
import re
from typing import Any

OWN_FILTERS = ("num", "usd", "pct", "paren", "date", "change_word")
MAX_LISTED = 12  # names listed in one hint

_NO_FILTER = re.compile(r"No filter named '([^']+)'")
_UNDEFINED = re.compile(r"^'([^']+)' is undefined$")
_NO_ATTRIBUTE = re.compile(r"has no attribute '([^']+)'$")


def nearest(name: str, names: list[str]) -> str | None:
    close = difflib.get_close_matches(name, names, n=1, cutoff=0.6)
    return close[0] if close else None


def _listed(names: list[str]) -> str:
    shown = ", ".join(names[:MAX_LISTED])
    return shown + (f" and {len(names) - MAX_LISTED} more" if len(names) > MAX_LISTED else "")


def filter_hint(message: str, filters: list[str]) -> str | None:
    """For `No filter named 'number'`: the nearest filter and reportgen's own."""
    found = _NO_FILTER.search(message)
    if not found:
        return None
    close = nearest(found.group(1), sorted(filters))
    own = f"reportgen's filters: {', '.join(OWN_FILTERS)}; Jinja's built-in filters work too"
    return (f"did you mean `{close}`? " if close else "") + own


def name_hint(message: str, data: dict[str, Any], functions: list[str]) -> str:
    """For an undefined name or key: the nearest names the data defines."""
    undefined = _UNDEFINED.match(message)
    attribute = _NO_ATTRIBUTE.search(message)
    if undefined:
        wrong, names = undefined.group(1), sorted({*data, *functions})
    elif attribute:
        wrong, names = attribute.group(1), sorted(_keys(data))
    else:
        return "define it in the data file or correct the name"
    close = nearest(wrong, names)
    if close:
        return f"did you mean `{close}`? defined: {_listed(names)}"
    if names:
        return f"define it in the data file or correct the name; defined: {_listed(names)}"
    return "define it in the data file or correct the name"


def _keys(data: Any, depth: int = 0) -> set[str]:
    """Every key of the nested mappings of `data` (a few levels deep)."""
    found: set[str] = set()
    stack = [(data, 0)]
    while stack:
        node, level = stack.pop()
        if isinstance(node, dict) and level < 4:
            for key, value in node.items():
                if level > 0:
                    found.add(str(key))
                stack.append((value, level + 1))
        elif isinstance(node, list) and level < 4:
            stack.extend((item, level) for item in node[:100])
    return found
