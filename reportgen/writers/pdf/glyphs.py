"""Characters a face has no glyph for: named once each, where first encoded.

A character the face setting it lacks prints as glyph 0, an empty box; the writers
call `lacking` when a character is first given a code in a font (once a document),
so the check costs nothing on the path that sets text."""

from __future__ import annotations

import unicodedata

from reportgen.warnings import warn

NBSP = "\u00a0"  # reportlab sets it as a space
_LACKING: set[str] = set()  # characters warned about


def lacking(ch: str, context: str) -> None:
    """Warn, once a character, that the face setting it has no glyph for it: it would
    print as an empty box (glyph 0). Called where a character is first encoded."""
    if ch in _LACKING or unicodedata.category(ch) in ("Cc", "Cf"):
        return
    _LACKING.add(ch)
    at = context.find(ch)
    context = context[max(at - 15, 0) : at + 15].strip()
    warn(
        f"no embedded face has U+{ord(ch):04X} “{ch}” (in “{context}”): it would print as "
        "an empty box; remove it, or choose a face that has it (--cjk-font)"
    )
