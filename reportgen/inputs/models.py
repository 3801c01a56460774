"""Typed models of document.yaml, validated with pydantic before anything renders."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

HeadingStyle = Literal["chinese", "roman", "letter", "arabic", "alpha", "outline", "none"]
SubItemStyle = Literal["alpha", "roman", "cjk", "circled"]
Layout = Literal["secretariat-note", "executive-director-report"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Agenda(Strict):
    kind: Literal["provisional", "preliminary", "adopted"] = "provisional"
    items: list[str] = Field(min_length=1)
    symbol: str | None = None  # the agenda document, text of the * footnote


class Session(Strict):
    body: str = Field(min_length=1)
    session: int = Field(ge=1, le=999)
    dates: list[dt.date] = Field(min_length=1, max_length=2)
    place: str = Field(min_length=1)
    agenda: Agenda
    item_titles: list[str] = Field(default_factory=list)


class Numbering(Strict):
    paragraphs: bool = True
    prefix: str = ""  # section prefix of paragraph numbers, e.g. "16." → 16.1
    headings: list[HeadingStyle] | None = None  # per level; the layout's default otherwise
    heading_prefix: dict[int, str] = Field(default_factory=dict)
    sub_items: list[SubItemStyle] = Field(default_factory=lambda: ["alpha", "roman"])


class DocumentInput(Strict):
    layout: Layout
    language: str = "zh"
    style: str | None = None
    numbers: dict[str, str] = Field(default_factory=dict)
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
    body: str = "body.md"
    data: str | None = None
    numbering: Numbering = Field(default_factory=Numbering)
    contents: bool = False
    recommendations_bold: bool = False
    symbol_link: str | None = None  # e.g. "http://undocs.org/ch/{symbol}"
