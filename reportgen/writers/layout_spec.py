"""Page geometry and block indents shared by the DOCX and PDF writers (points).

Both writers read the same numbers, so a paragraph number hangs at the same place
in Word and in the PDF.
"""

from __future__ import annotations

from dataclasses import dataclass

PAGE_SIZES = {"A4": (595.28, 841.89), "Letter": (612.0, 792.0)}


@dataclass(frozen=True)
class Geometry:
    margin_top: float = 72.0
    margin_bottom: float = 72.0
    margin_left: float = 62.0
    margin_right: float = 62.0
    header_distance: float = 36.0
    footer_distance: float = 36.0
    body_size: float = 10.0
    body_leading: float = 14.0
    footnote_size: float = 8.0
    footnote_leading: float = 10.5
    space_after: float = 6.0
    chapter_size: float = 14.0
    title_size: float = 14.0
    subtitle_size: float = 12.0


GEOMETRY = Geometry()

LINE_RATIO = 1.4  # a style's leading, unless it sets its own: 1.4 × its size


def leading(size: float) -> float:
    return size * LINE_RATIO


# the first page: organization and organ on the left, symbols and "Distr.: General",
# date and language lines in a block on the right
MASTHEAD_LEFT = 0.6  # share of the text width of the left column
MASTHEAD_RIGHT_INDENT = 0.15  # where the right block's lines start, in text widths

CM = 28.35


@dataclass(frozen=True)
class Indent:
    """Where a block's marker (number, letter, bullet) sits and where its text starts."""

    marker: float
    text: float
    first_line: float = 0.0  # extra first-line indent of unnumbered text


INDENTS = {
    "UN Paragraph": Indent(0.5 * CM, 2 * CM),  # room for numbers such as 16.259
    "UN Paragraph Unnumbered": Indent(2 * CM, 2 * CM),
    "UN Sub-item": Indent(2 * CM, 3 * CM),
    "UN Sub-item 2": Indent(3 * CM, 4 * CM),
    "UN Bullet": Indent(2.5 * CM, 3 * CM),
    "UN Outline Item": Indent(2 * CM, 3.5 * CM),
    "UN Summary": Indent(3 * CM, 3 * CM),
    "Heading": Indent(0.5 * CM, 2 * CM),
    "Footnote Text": Indent(1.5 * CM, 2 * CM),
    "UN Title": Indent(2 * CM, 2 * CM),
    "TOC 1": Indent(2 * CM, 3 * CM),
    "TOC 2": Indent(3 * CM, 4 * CM),
}


# Figures in tables: the decimal point sits this far inside the cell's right edge
DECIMAL_PAD = 10.0  # room right of the point for ".4)" in (579.4)
TABLE_CELL_PAD = 2.5  # left and right padding of every table cell


def figure_tail(text: str) -> str:
    """What of a figure stands right of its alignment point: from the "." on, or the
    closing mark after the last digit of "(579)"; nothing for "98" or "—"."""
    if "." in text:
        return text[text.index(".") :]
    last_digit = max((i for i, ch in enumerate(text) if ch.isdigit()), default=-1)
    return text[last_digit + 1 :] if last_digit >= 0 else ""


# Page breaking, read by both writers: the styles kept on the page of what follows them
# (a heading with the first two lines of its paragraph, a caption with the header and the
# first two rows of its table), and how many lines of a paragraph stay on each side of a
# page break when the document's widow control is on (Word's widow control: two).
KEEP_WITH_NEXT = frozenset(
    {
        "Heading 1",
        "Heading 2",
        "Heading 3",
        "Heading 4",
        "UN Table Label",
        "UN Table Title",
        "UN Table Units",
        "UN Table Caption",
        "UN Contents Title",
        "UN Contents Page Label",
    }
)
WIDOW_LINES = 2  # of a paragraph, at the top of a page
ORPHAN_LINES = 2  # of a paragraph, at the foot of a page
TABLE_FIRST_ROWS = 2  # body rows of a table under its header before a page break

# The contents: a dot leader from an entry's last line to its page number.
CONTENTS_NUMBER_WIDTH = 40.0  # room for the page number, right of the entries
LEADER_STEP = 4.0  # from one dot to the next, on a grid common to every entry
LEADER_GAP = 4.0  # clear space before the number and after the entry's text
