"""The one date both writers put in their metadata: SOURCE_DATE_EPOCH when set (for
reproducible builds), else the document's own date; never the clock."""

from __future__ import annotations

import datetime as dt
import os


def build_epoch(document_date: str) -> int:
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if value.isdigit():
        return int(value)
    day = dt.date.fromisoformat(document_date) if document_date else dt.date(2000, 1, 1)
    return int(dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC).timestamp())


def build_datetime(document_date: str) -> dt.datetime:
    """As a naive UTC datetime (what python-docx writes)."""
    return dt.datetime.fromtimestamp(build_epoch(document_date), dt.UTC).replace(tzinfo=None)
