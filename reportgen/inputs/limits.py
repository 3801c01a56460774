"""Every limit reportgen puts on its inputs, in one place, and the one test for characters
no document can hold.

Inputs are untrusted (folders prepared by others, pull requests built in CI): whatever
they hold, a build must end in seconds with a clear message, read nothing outside the
document folder and never print a wrong figure. Each limit is far above what a real
document needs (the largest example, a budget section of 97 pages, is noted beside it),
and each message names the limit, so a real document that reaches one says which.
"""

from __future__ import annotations

import re

MB = 2**20

# -- files --------------------------------------------------------------------------
MAX_TEXT_BYTES = 20 * MB  # a Markdown or YAML file (largest example: 63 kB)
MAX_YAML_BYTES = 4 * MB  # a YAML file (largest example: 43 kB)
MAX_TABLE_BYTES = 50 * MB  # a CSV or Excel table, as stored (largest example: 5 kB)
MAX_TABLE_UNZIPPED = 200 * MB  # an Excel workbook's parts once inflated
MAX_DOCX_UNZIPPED = 500 * MB  # a DOCX given to `diff`, once inflated
MAX_COLUMNS = 200  # columns of a table
# the incremental fingerprint reads files up to this size; a larger one is known by its
# size and modification time (nothing reportgen reads can be that large)
MAX_FINGERPRINT_BYTES = 64 * MB

# -- YAML ---------------------------------------------------------------------------
MAX_YAML_NODES = 200_000  # values, aliases counted as what they stand for (example: 4 600)
MAX_YAML_DEPTH = 64  # nested mappings and sequences (example: 6)
MAX_INTEGER_DIGITS = 30  # an integer written in YAML

# -- tables -------------------------------------------------------------------------
MAX_AMOUNT = 10**15  # an amount or count in a table, in absolute value (15 digits)

# -- templates (Jinja) ----------------------------------------------------------------
MAX_STRING = 4 * MB  # a string or list a template makes (characters or items)
MAX_OUTPUT = 20 * MB  # what one template renders, in characters
MAX_FILTER_WIDTH = 1000  # a width given to center, indent, wordwrap, truncate, batch, slice
MAX_LOOP_ITERATIONS = 1_000_000  # items `range` gives in one rendering, all loops together
MAX_POWER_BITS = 4096  # the size of an integer a template computes (about 1 200 digits)
MAX_RENDER_SECONDS = 10.0  # one template's rendering, wall time
MAX_RENDER_MEMORY = 1024 * MB  # memory a rendering may add (Linux: address space)

# -- messages and outputs -------------------------------------------------------------
MAX_PROBLEMS_PER_FILE = 50  # messages printed for one file; the rest are counted
MAX_PREVIEW_PIXELS = 50_000_000  # one preview page image (A4 at 600 dpi: 35 million)

# a language is a code (zh, en, fr, pt-BR) naming a file of the package or of a folder in
# REPORTGEN_LANGUAGES, never a path
LANGUAGE_CODE = r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})?"

# characters no DOCX or PDF can hold: C0 controls but tab and line ends, DEL, the
# non-characters U+FFFE and U+FFFF, and lone surrogates (which UTF-8 cannot encode)
UNPRINTABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")


def unprintable(text: str) -> re.Match | None:
    """The first character of `text` that no document can hold, if any."""
    return UNPRINTABLE.search(text)


def describe(char: str) -> str:
    """How a message names a character: U+0007."""
    return f"U+{ord(char):04X}"
