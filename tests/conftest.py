"""Shared fixtures: the seed examples are built once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportgen.build import build_document
from reportgen.fonts import discover

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def fonts():
    return discover()


@pytest.fixture(scope="session")
def built(tmp_path_factory, fonts) -> Path:
    """Every example under seeds/ rendered to DOCX and PDF."""
    out = tmp_path_factory.mktemp("build")
    for folder in sorted(p.parent for p in SEEDS.glob("*/document.yaml")):
        build_document(folder, out, ("docx", "pdf"), fonts)
    return out
