"""A drafter's slips that build but deserve a word, and the names commands print."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from clirun import run_cli
from conftest import SEEDS

NOTE = "fingov-note-2022"


def cli(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    return run_cli(args, cwd, timeout=120)


def copy_note(tmp_path: Path) -> Path:
    folder = tmp_path / NOTE
    shutil.copytree(SEEDS / NOTE, folder)
    return folder


def test_check_and_build_of_dot_name_the_folder(tmp_path):
    folder = copy_note(tmp_path)
    checked = cli(["check", "."], folder)
    assert checked.returncode == 0, checked.stderr
    assert checked.stdout == f"ok {NOTE}\n"
    built = cli(["build", ".", "-o", str(tmp_path / "out"), "--format", "docx"], folder)
    assert built.returncode == 0, built.stderr
    assert sorted(p.name for p in (tmp_path / "out").glob("*.docx")) == [f"{NOTE}.docx"]
