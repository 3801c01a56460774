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


def test_numbers_typed_by_hand_and_uncited_footnotes_are_warned(tmp_path):
    folder = copy_note(tmp_path)
    body = folder / "body.md"
    lines = body.read_text(encoding="utf-8").split("\n")
    lines[0] = "# 一. 审议情况"
    lines[4] = "70. " + lines[4]
    lines[6] = "71．" + lines[6]
    lines.append("[^lost]: 没有引用的脚注。")
    body.write_text("\n".join(lines), encoding="utf-8")
    result = cli(["build", NOTE, "-o", "out", "--format", "docx"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [
        f"warning: {NOTE}/body.md:1: heading starts with a number typed by hand, `一.`"
        " (remove '一.': headings are numbered for you)",
        f"warning: {NOTE}/body.md:5: paragraph starts with a number typed by hand, `70.`,"
        " read as a list (remove '70.': paragraphs are numbered for you)",
        f"warning: {NOTE}/body.md:7: paragraph starts with a number typed by hand, `71．`"
        " (remove '71．': paragraphs are numbered for you)",
        f"warning: {NOTE}/body.md:{len(lines)}: footnote [^lost] is defined but never cited"
        " (cite it with [^lost] where it belongs, or delete it)",
    ]
    strict = cli(["--strict", "check", NOTE], tmp_path)
    assert strict.returncode == 2
    assert "headings are numbered for you" in strict.stderr


def test_newpage_on_a_heading_breaks_the_page(tmp_path):
    from reportgen.build import check_document
    from reportgen.model import Heading

    folder = copy_note(tmp_path)
    body = folder / "body.md"
    text = body.read_text(encoding="utf-8")
    body.write_text(text.replace("# 组织和行政事项", "# 组织和行政事项 {.newpage}"), "utf-8")
    headings = [b for b in check_document(folder).body if isinstance(b, Heading)]
    assert [h.page_break_before for h in headings] == [False, True]
    assert "".join(t.text for t in headings[1].content) == "组织和行政事项"


def test_what_counts_as_a_typed_number():
    from reportgen.layouts.slips import TYPED_HEADING, TYPED_PARAGRAPH

    typed = [
        TYPED_HEADING.match(t) for t in ("一. 导言", "一、导言", "IV. Work", "A. 成果", "2.1. x")
    ]
    assert [m.group(1) for m in typed] == ["一.", "一、", "IV.", "A.", "2.1."]
    for text in ("一体化", "Agenda", "2022 年", "U.S. policy", "A.B. Smith"):
        assert TYPED_HEADING.match(text) is None, text
    assert TYPED_PARAGRAPH.match("70．工作组").group(1) == "70．"
    for text in ("3.5 亿美元", "2022 年", "1.5%"):
        assert TYPED_PARAGRAPH.match(text) is None, text
