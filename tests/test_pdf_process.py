"""The PDF process a build forks: errors come back, bad input leaves nothing behind."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

import reportgen.writers.pdf as pdf_writer
from reportgen.build import build_document
from reportgen.errors import InputError

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def _no_children_left() -> bool:
    try:
        os.waitpid(-1, os.WNOHANG)
    except ChildProcessError:
        return True
    return False


def test_an_error_in_the_pdf_process_is_raised_by_the_build(tmp_path, fonts, monkeypatch):
    def broken(model, fonts):
        raise RuntimeError("the PDF writer failed")

    monkeypatch.setattr(pdf_writer, "write_pdf", broken)  # the forked process sees it
    with pytest.raises(RuntimeError, match="the PDF writer failed"):
        build_document(SEEDS / "fingov-note-2022", tmp_path, ("docx", "pdf"), fonts)
    assert list(tmp_path.iterdir()) == []
    assert _no_children_left()


def test_bad_input_ends_the_pdf_process_unused(tmp_path, fonts):
    folder = tmp_path / "doc"
    shutil.copytree(SEEDS / "fingov-note-2022", folder)
    (folder / "document.yaml").write_text("layout: [", encoding="utf-8")
    with pytest.raises(InputError):
        build_document(folder, tmp_path / "out", ("docx", "pdf"), fonts)
    assert not (tmp_path / "out").exists()
    assert _no_children_left()


def test_pdf_alone_and_both_formats_give_the_same_pdf(tmp_path, fonts):
    folder = SEEDS / "fingov-note-2022"
    alone = build_document(folder, tmp_path / "a", ("pdf",), fonts).outputs[0]
    both = build_document(folder, tmp_path / "b", ("docx", "pdf"), fonts).outputs[1]
    assert alone.read_bytes() == both.read_bytes()
