"""Shared fixtures: the seed examples are built once per test session."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from reportgen.build import build_document
from reportgen.fonts import discover

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"

# The suite reads nothing beside the repository (a clone has nothing beside it): every file
# this process opens in the repository's parent folder must be inside the repository.
_BESIDE = str(ROOT.parent) + os.sep
_INSIDE = str(ROOT) + os.sep
_read_beside: list[str] = []


def _watch_opens(event: str, args: tuple) -> None:
    if event == "open" and isinstance(args[0], (str, bytes, os.PathLike)):
        path = os.path.abspath(os.fsdecode(args[0]))
        if path.startswith(_BESIDE) and not path.startswith(_INSIDE):
            _read_beside.append(path)


sys.addaudithook(_watch_opens)


def pytest_sessionfinish(session, exitstatus) -> None:
    if _read_beside:
        print("\nthe tests opened files outside the repository:", *sorted(set(_read_beside)))
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


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
