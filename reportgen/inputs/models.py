"""Typed models of document.yaml, validated with pydantic before anything renders."""

from __future__ import annotations

import datetime as dt
import re
import string
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field
from pydantic_core import PydanticCustomError

from reportgen.inputs.limits import LANGUAGE_CODE

HeadingStyle = Literal[
    "chinese",
    "roman",
    "letter",
    "arabic",
    "alpha",
    "outline",
    "none",
    "arabic-letter",  # (أ)
    "arabic-letter-name",  # ألف -, باء -: A., B. of the Arabic version
    "arabic-ordinal",  # أولا -: I. of the Arabic version
]
SubItemStyle = Literal["alpha", "roman", "cjk", "circled", "arabic-letter"]
Layout = Literal["secretariat-note", "executive-director-report", "budget-section"]


# the named fields each pattern may use; a pattern is run through str.format
PATTERN_FIELDS = {
    "symbol_link": ("symbol",),
    "money": ("amount",),
    "money_unit": ("amount", "unit"),
    "percent": ("value",),
    "date": ("y", "m", "d"),
    "date_range_month": ("y", "m", "d1", "d2"),
    "date_range": ("y", "m1", "d1", "m2", "d2"),
    "date_range_years": ("y1", "m1", "d1", "y2", "m2", "d2"),
    "month": ("y", "m"),
    "month_range": ("y", "m1", "m2"),
    "month_range_years": ("y1", "m1", "y2", "m2"),
}
NUMBER_CHOICES = {
    "negative": ("parens", "minus"),
    "prose_parens": ("full", "half"),
    "money_scale": ("units", "plain"),
}


def check_pattern(text: str, allowed: tuple[str, ...]) -> None:
    """A str.format pattern that names only `allowed` fields, each plainly (`{symbol}`:
    no attribute, index, conversion or format spec), else a message for the input."""
    hint = "use " + ", ".join(f"{{{name}}}" for name in allowed) + "; write {{ and }} for braces"
    try:
        parts = list(string.Formatter().parse(text))
    except ValueError as err:
        raise PydanticCustomError("pattern", f"not a valid pattern: {err} ({hint})") from None
    for _literal, name, spec, conversion in parts:
        if name is None:
            continue
        if name not in allowed or spec or conversion:
            shown = (
                "{"
                + name
                + (f"!{conversion}" if conversion else "")
                + (":" + spec if spec else "")
                + "}"
            )
            raise PydanticCustomError("pattern", f"`{shown}` is not allowed here ({hint})")


def _language(value: str) -> str:
    if not re.fullmatch(LANGUAGE_CODE, value):
        raise PydanticCustomError(
            "language", "a language is a code such as zh, en or fr, not a file or path"
        )
    return value


def _symbol_link(value: str | None) -> str | None:
    if value is not None:
        check_pattern(value, PATTERN_FIELDS["symbol_link"])
    return value


def _numbers(value: dict[str, str | int]) -> dict[str, str | int]:
    for key, setting in value.items():
        if key in PATTERN_FIELDS and isinstance(setting, str):
            check_pattern(setting, PATTERN_FIELDS[key])
        elif key in NUMBER_CHOICES and setting not in NUMBER_CHOICES[key]:
            raise PydanticCustomError(
                "choice", f"numbers.{key} is one of: {', '.join(NUMBER_CHOICES[key])}"
            )
        elif key == "money_round" and not (isinstance(setting, int) and 1 <= setting <= 10**9):
            raise PydanticCustomError("money_round", "numbers.money_round is a whole number >= 1")
    return value


def _whole_number_as_text(value: object) -> object:
    """An unquoted whole number where only its text can be meant (`items: [3, 4]`);
    a decimal (`9.10` reads as 9.1) is left to fail with the advice to quote it."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value


# agenda items and document symbols: `3` can only mean "3"
Label = Annotated[str, BeforeValidator(_whole_number_as_text)]
Level = Annotated[int, Field(ge=1, le=8)]
Count = Annotated[int, Field(ge=1, le=999)]  # what a heading, part or section number can be


class Strict(BaseModel):
    """Every input model: unknown fields are errors. Validators are built on first use,
    so a nested model's is built only inside its parent's, not once more for itself."""

    model_config = ConfigDict(extra="forbid", defer_build=True)


class Agenda(Strict):
    kind: Literal["provisional", "preliminary", "adopted"] = "provisional"
    items: list[Label] = Field(min_length=1)
    symbol: Label | None = None  # the agenda document, text of the * footnote


class Session(Strict):
    body: str | None = None  # the governing body; none for the General Assembly
    session: int = Field(ge=1, le=999)
    dates: list[dt.date] = Field(default_factory=list, max_length=2)
    place: str | None = None
    agenda: Agenda
    item_titles: list[str] = Field(default_factory=list)


class Numbering(Strict):
    paragraphs: bool = True
    prefix: str = ""  # section prefix of paragraph numbers, e.g. "16." → 16.1
    headings: list[HeadingStyle] | None = None  # per level; the layout's default otherwise
    heading_prefix: dict[Level, str] = Field(default_factory=dict)
    heading_start: dict[Level, Count] = Field(default_factory=dict)  # first number per level
    sub_items: list[SubItemStyle] = Field(default_factory=lambda: ["alpha", "roman"])


class Annex(Strict):
    title: str
    kind: Literal["posts", "oversight"]  # posts: structure and posts from the post data
    data: str | None = None  # oversight: the YAML of recommendations and actions


class BudgetData(Strict):
    """A programme budget section's data files and numbering (layout budget-section)."""

    section: int = Field(ge=1, le=999)
    section_title: str | None = None
    part: int | None = Field(default=None, ge=1, le=99)  # 第四编
    part_title: str | None = None
    programme: int | None = Field(default=None, ge=1, le=999)  # 方案 13
    programme_title: str | None = None
    part_notes: dict[str, str] = Field(default_factory=dict)  # A/B: the **/*** contents notes
    foreword: str | None = None  # Markdown file, unnumbered, with its signature
    foreword_signature: list[str] = Field(default_factory=list)
    annexes: list[Annex] = Field(default_factory=list)
    year: int = Field(ge=2000, le=2100)  # the budget year; expenditure is year-2, base year-1
    subprogrammes: dict[Count, str] = Field(min_length=1, max_length=999)
    financial: str  # CSV or .xlsx, long format
    posts: str
    policymaking_organs: str | None = None  # YAML, table of organs
    compliance: str | None = None  # CSV or .xlsx, compliance rates
    control_totals: str | None = None  # official figures to check ours against
    control_totals_warn_only: bool = False
    # while part A is not rendered, part B's numbers continue from these (e.g. 30, 259)
    first_table: int = Field(default=1, ge=1, le=99_999)
    first_paragraph: int = Field(default=1, ge=1, le=99_999)
    first_figure: int = Field(default=1, ge=1, le=99_999)
    plan_data: list[str] = Field(default_factory=list)  # YAML: deliverables, performance, …
    performance_note: str | None = None  # the ᵃ note under performance-measure tables


class DocumentInput(Strict):
    layout: Layout
    language: Annotated[str, AfterValidator(_language)] = "zh"
    style: str | None = None
    numbers: Annotated[dict[str, str | int], AfterValidator(_numbers)] = Field(default_factory=dict)
    symbols: list[Label] = Field(min_length=1)
    distribution: Literal["General", "Limited", "Restricted"] = "General"
    date: dt.date
    original_language: str | None = "English"
    page_size: Literal["A4", "Letter"] = "A4"
    sessions: list[Session] = Field(default_factory=list)
    sessions_layout: Literal["side-by-side", "stacked"] = "side-by-side"
    title: str = Field(min_length=1)
    subtitle: str | None = None
    summary_heading: str | None = None
    summary: str | None = None
    body: str | list[str] = "body.md"  # one Markdown file or several, read in order
    data: str | None = None
    numbering: Numbering = Field(default_factory=Numbering)
    contents: bool = False
    contents_own_page: bool = True  # the contents on a page of its own after the first
    widow_control: bool = True  # two lines of a paragraph at least on each side of a break
    tagged_pdf: bool = True  # a tagged PDF/UA-1 (structure tree for screen readers)
    recommendations_bold: bool = False
    # e.g. "http://undocs.org/ch/{symbol}"
    symbol_link: Annotated[str | None, AfterValidator(_symbol_link)] = None
    budget: BudgetData | None = None
