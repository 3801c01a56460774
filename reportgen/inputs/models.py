"""Typed models of document.yaml, validated with pydantic before anything renders."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

HeadingStyle = Literal["chinese", "roman", "letter", "arabic", "alpha", "outline", "none"]
SubItemStyle = Literal["alpha", "roman", "cjk", "circled"]
Layout = Literal["secretariat-note", "executive-director-report", "budget-section"]


class Strict(BaseModel):
    """Every input model: unknown fields are errors. Validators are built on first use,
    so a nested model's is built only inside its parent's, not once more for itself."""

    model_config = ConfigDict(extra="forbid", defer_build=True)


class Agenda(Strict):
    kind: Literal["provisional", "preliminary", "adopted"] = "provisional"
    items: list[str] = Field(min_length=1)
    symbol: str | None = None  # the agenda document, text of the * footnote


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
    heading_prefix: dict[int, str] = Field(default_factory=dict)
    heading_start: dict[int, int] = Field(default_factory=dict)  # first number per level
    sub_items: list[SubItemStyle] = Field(default_factory=lambda: ["alpha", "roman"])


class Annex(Strict):
    title: str
    kind: Literal["posts", "oversight"]  # posts: structure and posts from the post data
    data: str | None = None  # oversight: the YAML of recommendations and actions


class BudgetData(Strict):
    """A programme budget section's data files and numbering (layout budget-section)."""

    section: int = Field(ge=1)
    section_title: str | None = None
    part: int | None = Field(default=None, ge=1)  # 第四编
    part_title: str | None = None
    programme: int | None = Field(default=None, ge=1)  # 方案 13
    programme_title: str | None = None
    part_notes: dict[str, str] = Field(default_factory=dict)  # A/B: the **/*** contents notes
    foreword: str | None = None  # Markdown file, unnumbered, with its signature
    foreword_signature: list[str] = Field(default_factory=list)
    annexes: list[Annex] = Field(default_factory=list)
    year: int = Field(ge=2000, le=2100)  # the budget year; expenditure is year-2, base year-1
    subprogrammes: dict[int, str] = Field(min_length=1)
    financial: str  # CSV or .xlsx, long format
    posts: str
    policymaking_organs: str | None = None  # YAML, table of organs
    compliance: str | None = None  # CSV or .xlsx, compliance rates
    control_totals: str | None = None  # official figures to check ours against
    control_totals_warn_only: bool = False
    # while part A is not rendered, part B's numbers continue from these (e.g. 30, 259)
    first_table: int = Field(default=1, ge=1)
    first_paragraph: int = Field(default=1, ge=1)
    first_figure: int = Field(default=1, ge=1)
    plan_data: list[str] = Field(default_factory=list)  # YAML: deliverables, performance, …
    performance_note: str | None = None  # the ᵃ note under performance-measure tables


class DocumentInput(Strict):
    layout: Layout
    language: str = "zh"
    style: str | None = None
    numbers: dict[str, str | int] = Field(default_factory=dict)
    symbols: list[str] = Field(min_length=1)
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
    recommendations_bold: bool = False
    symbol_link: str | None = None  # e.g. "http://undocs.org/ch/{symbol}"
    budget: BudgetData | None = None
