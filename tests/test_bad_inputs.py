"""Each folder in tests/bad_inputs/ is a broken document with the exact message it must give.

The case is copied to a temporary folder as `doc/` and built from there; an earlier
good output in the output folder must survive the failure untouched.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from clirun import run_cli

CASES = Path(__file__).parent / "bad_inputs"


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    return run_cli(args, cwd, timeout=120)


@pytest.mark.parametrize("case", sorted(p.name for p in CASES.iterdir() if p.is_dir()))
def test_bad_input_gives_its_message(case, tmp_path):
    shutil.copytree(CASES / case, tmp_path / "doc", ignore=shutil.ignore_patterns("expected.txt"))
    out = tmp_path / "out"
    out.mkdir()
    earlier = out / "doc.pdf"
    earlier.write_bytes(b"%PDF-1.4 earlier good output")
    result = run(["build", "doc", "-o", "out"], tmp_path)
    expected = (CASES / case / "expected.txt").read_text(encoding="utf-8")
    assert result.returncode == 2, result.stderr
    assert result.stderr == expected
    assert "Traceback" not in result.stderr + result.stdout
    assert sorted(p.name for p in out.iterdir()) == ["doc.pdf"]
    assert earlier.read_bytes() == b"%PDF-1.4 earlier good output"


def test_check_reports_without_rendering(tmp_path):
    shutil.copytree(
        CASES / "misspelt-field", tmp_path / "doc", ignore=shutil.ignore_patterns("expected.txt")
    )
    result = run(["check", "doc"], tmp_path)
    assert result.returncode == 2
    assert "did you mean `distribution`?" in result.stderr
