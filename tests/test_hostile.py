"""Hostile and broken input (issue 16): never a wrong figure, never a read outside the
document folder, never a hang. Each risky case runs `reportgen` in a process of its own
with a time limit and an address-space limit, so a regression fails here instead of
hanging CI or exhausting the machine. The cases with an exact message are in
tests/bad_inputs/."""

from __future__ import annotations

import json
import os
import resource
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from clirun import run_cli
from conftest import SEEDS

MEMORY = 3 * 2**30  # address space of each reportgen process (a build needs ~1 GB of it)


def limited(args: list[str], cwd: Path, timeout: float = 60, **kw) -> subprocess.CompletedProcess:
    """`reportgen ARGS` with at most `timeout` seconds and `MEMORY` of address space."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))

    return run_cli(args, cwd, timeout, preexec_fn=limit, **kw)


def one_line_error(result: subprocess.CompletedProcess, code: int) -> str:
    assert result.returncode == code, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert errors, result.stderr
    return errors[0]


@pytest.fixture
def note(tmp_path) -> Path:
    """A copy of the smallest example, as `doc`."""
    shutil.copytree(SEEDS / "fingov-note-2022", tmp_path / "doc")
    return tmp_path / "doc"


# -- wrong figures ------------------------------------------------------------------


def test_a_stamp_that_does_not_match_the_outputs_means_rebuild(note):
    tmp = note.parent
    assert limited(["build", "doc", "-o", "out"], tmp).returncode == 0
    stamp = tmp / "out" / ".reportgen" / "doc.json"
    good = json.loads(stamp.read_text())
    lies = [{}, [], "abc", {"../secret": "x"}, {"doc.docx": 1}, {"doc.pdf": "0" * 64}]
    for outputs in lies:
        stamp.write_text(json.dumps({**good, "outputs": outputs}))
        if outputs == {}:  # and the outputs deleted: never "up to date" with nothing
            for name in ("doc.docx", "doc.pdf"):
                (tmp / "out" / name).unlink()
        result = limited(["build", "doc", "-o", "out"], tmp)
        assert result.returncode == 0, result.stderr
        assert "1 built" in result.stdout, outputs
        assert (tmp / "out" / "doc.docx").is_file() and (tmp / "out" / "doc.pdf").is_file()
        good = json.loads(stamp.read_text())
    for damaged in ("[]", "{", '{"fingerprint": 1}'):
        stamp.write_text(damaged)
        assert "1 built" in limited(["build", "doc", "-o", "out"], tmp).stdout
    assert "1 up to date" in limited(["build", "doc", "-o", "out"], tmp).stdout


def test_an_interrupted_build_says_what_it_wrote(tmp_path):
    from reportgen import cli, output

    output.written[:] = [tmp_path / "doc.docx", tmp_path / "doc.pdf"]
    try:
        assert cli._interrupted([]).startswith("interrupted: wrote doc.docx, doc.pdf")
        output.written.clear()
        assert cli._interrupted([]).startswith("interrupted: no output was written")
    finally:
        output.written.clear()


# -- reads outside the document folder -----------------------------------------------


@pytest.mark.parametrize("language", ["/etc/passwd", "../../evil", "zh/../../x", "en.yaml"])
def test_a_language_is_a_code_never_a_path(note, language):
    text = (note / "document.yaml").read_text(encoding="utf-8")
    (note / "document.yaml").write_text(
        text.replace("language: zh", f"language: {language}"), encoding="utf-8"
    )
    line = one_line_error(limited(["check", "doc"], note.parent), 2)
    assert "language: a language is a code" in line


def test_a_language_file_that_is_not_a_mapping(note, tmp_path):
    languages = tmp_path / "langs"
    languages.mkdir()
    (languages / "xx.yaml").write_text("- a list\n- not words\n")
    text = (note / "document.yaml").read_text(encoding="utf-8")
    (note / "document.yaml").write_text(text.replace("language: zh", "language: xx"))
    env = {**os.environ, "REPORTGEN_LANGUAGES": str(languages)}
    line = one_line_error(limited(["check", "doc"], tmp_path, env=env), 2)
    assert "xx.yaml: a language file is a mapping" in line


def test_a_document_yaml_linked_out_of_the_folder_is_refused(note, tmp_path):
    outside = tmp_path / "elsewhere.yaml"
    shutil.copy(note / "document.yaml", outside)
    (note / "document.yaml").unlink()
    (note / "document.yaml").symlink_to(outside)
    line = one_line_error(limited(["build", "doc", "-o", "out"], tmp_path), 2)
    assert "document.yaml: links to a file outside the document folder" in line


def test_a_body_linked_out_of_the_folder_is_refused(note, tmp_path):
    outside = tmp_path / "elsewhere.md"
    shutil.copy(note / "body.md", outside)
    (note / "body.md").unlink()
    (note / "body.md").symlink_to(outside)
    line = one_line_error(limited(["build", "doc", "-o", "out"], tmp_path), 2)
    assert "`body.md` links to a file outside the document folder" in line


def test_the_fingerprint_reads_only_regular_files_inside_the_folder(note, tmp_path):
    # a FIFO outside (opening it would block for ever), a link to it, a FIFO inside, and
    # a 5 GB sparse file: the build ends in seconds and within its memory
    os.mkfifo(tmp_path / "outside-fifo")
    (note / "notes.txt").symlink_to(tmp_path / "outside-fifo")
    (note / "shadow").symlink_to("/etc/shadow")
    os.mkfifo(note / "inside-fifo")
    with open(note / "huge.bin", "wb") as f:
        f.truncate(5 * 2**30)
    (note / "loop").symlink_to(note)
    start = time.monotonic()
    result = limited(["build", "doc", "-o", "out"], tmp_path, timeout=60)
    assert result.returncode == 0, result.stderr
    assert time.monotonic() - start < 30
    again = limited(["build", "doc", "-o", "out"], tmp_path, timeout=60)
    assert "1 up to date" in again.stdout
    (note / "shadow").unlink()
    (note / "shadow").symlink_to("/etc/hostname")  # a link changed: built again
    assert "1 built" in limited(["build", "doc", "-o", "out"], tmp_path).stdout


# -- outputs: all or nothing -----------------------------------------------------------


def test_a_format_that_cannot_be_written_leaves_every_output_as_it_was(note, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "doc.docx").write_bytes(b"earlier docx")
    (out / "doc.pdf").mkdir()  # the name taken by a folder
    line = one_line_error(limited(["build", "doc", "-o", "out"], tmp_path), 1)
    assert line == "error: doc: out/doc.pdf: cannot write: a folder has that name"
    assert (out / "doc.docx").read_bytes() == b"earlier docx"
    assert sorted(p.name for p in out.iterdir()) == ["doc.docx", "doc.pdf"]


def test_a_rename_that_fails_puts_back_the_outputs_renamed_before_it(tmp_path, monkeypatch):
    from reportgen import output

    (tmp_path / "a.docx").write_bytes(b"old docx")
    real = os.replace
    calls = []

    def failing(src, dst):
        calls.append(dst)
        if str(dst).endswith(".pdf"):
            raise OSError(28, "No space left on device")
        return real(src, dst)

    monkeypatch.setattr(output.os, "replace", failing)
    with pytest.raises(output.OutputError, match="a.pdf: cannot write: No space left"):
        output.write_outputs({tmp_path / "a.docx": b"new docx", tmp_path / "a.pdf": b"new pdf"})
    monkeypatch.setattr(output.os, "replace", real)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.docx"]
    assert (tmp_path / "a.docx").read_bytes() == b"old docx"


def test_an_output_folder_that_is_a_file_is_one_line(note, tmp_path):
    (tmp_path / "out").write_text("a file")
    line = one_line_error(limited(["build", "doc", "-o", "out"], tmp_path), 1)
    assert line.startswith("error: doc: out: cannot write:")


def test_two_builds_into_the_same_folder_at_once(note, tmp_path):
    for _ in range(4):
        runs = [
            subprocess.Popen(
                [sys.executable, "-m", "reportgen", "build", "doc", "-o", "out", "--force"],
                cwd=tmp_path,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(3)
        ]
        for run in runs:
            _, err = run.communicate(timeout=120)
            assert run.returncode == 0, err
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert names == [".reportgen", "doc.docx", "doc.pdf"]


def test_a_stale_temporary_file_of_a_dead_build_is_removed_not_a_live_ones(tmp_path):
    from reportgen import output

    gone = tmp_path / ".a.pdf.pid999999999.x.part"
    live = tmp_path / f".a.pdf.pid{os.getppid()}.y.part"
    gone.write_bytes(b"")
    live.write_bytes(b"")
    output.write_atomic(tmp_path / "a.pdf", b"new")
    assert not gone.exists() and live.exists()


def _killer(folder, *args, **kw):
    from reportgen import batch

    if folder.name == "victim":
        os.kill(os.getpid(), signal.SIGKILL)  # as the out-of-memory killer would
    return batch.build_one_real(folder, *args, **kw)


def test_a_killed_worker_fails_its_document_and_the_others_build(tmp_path, fonts, monkeypatch):
    from reportgen import batch

    for name in ("good", "victim", "other"):
        shutil.copytree(SEEDS / "fingov-note-2022", tmp_path / name)
    monkeypatch.setattr(batch, "build_one_real", batch.build_one, raising=False)
    monkeypatch.setattr(batch, "build_one", _killer)
    folders = [tmp_path / n for n in ("good", "victim", "other")]
    outcomes = batch.run_batch(folders, tmp_path / "out", ("docx",), fonts, jobs=2)
    status = {o.name: o.status for o in outcomes}
    assert status == {"good": "built", "victim": "failed", "other": "built"}
    victim = next(o for o in outcomes if o.name == "victim")
    assert victim.code == 1 and "the process building it died" in victim.problems[0]


def test_a_killed_pdf_process_is_named(fonts):
    from reportgen.build import PdfProcess, PdfProcessDied, can_fork, check_document

    if not can_fork():
        pytest.skip("no PDF process here")
    model = check_document(SEEDS / "fingov-note-2022")
    process = PdfProcess(fonts)
    os.kill(process.pid, signal.SIGKILL)
    with pytest.raises(PdfProcessDied, match="the PDF process died: killed by SIGKILL"):
        process.send(model)
        process.result()


def test_a_cjk_font_that_is_not_a_font_is_a_warning(note, tmp_path):
    fake = tmp_path / "fake.ttf"
    fake.write_text("not a font")
    result = limited(["build", "doc", "-o", "out", "--cjk-font", str(fake)], tmp_path)
    assert result.returncode == 0, result.stderr
    assert "is not a TrueType font; using an installed font instead" in result.stderr
    strict = limited(["--strict", "build", "doc", "-o", "o2", "--cjk-font", str(fake)], tmp_path)
    assert strict.returncode == 2 and "Traceback" not in strict.stderr


# -- resource exhaustion ----------------------------------------------------------------


def test_a_template_that_never_ends_is_stopped(note, tmp_path):
    body = note / "body.md"
    loop = (
        "{% set l = range(100000)|list %}{% for a in l %}{% for b in l %}{% endfor %}{% endfor %}"
    )
    body.write_text(body.read_text(encoding="utf-8") + "\n" + loop + "\n", encoding="utf-8")
    start = time.monotonic()
    line = one_line_error(limited(["check", "doc"], tmp_path, timeout=60), 2)
    assert "rendering took more than 10 s" in line and "body.md:" in line
    assert time.monotonic() - start < 30


def test_a_macro_doubling_its_output_is_stopped(note, tmp_path):
    body = note / "body.md"
    doubling = (
        "{% macro f(n) %}{% if n %}{{ f(n - 1) }}{{ f(n - 1) }}{% else %}xxxxxxxx{% endif %}"
        "{% endmacro %}{{ f(30) }}"
    )
    body.write_text(doubling + "\n", encoding="utf-8")
    line = one_line_error(limited(["check", "doc"], tmp_path, timeout=60), 2)
    assert "template too large" in line


def test_a_large_yaml_file_is_refused_at_once(note, tmp_path):
    with open(note / "data.yaml", "w", encoding="utf-8") as f:
        f.write("period: {start: 2021-10-18, end: 2021-11-26}\nrows:\n")
        f.write("  - [1, 2, 3, 4, 5, 6, 7, 8]\n" * 700_000)  # 19 MB
    start = time.monotonic()
    line = one_line_error(limited(["check", "doc"], tmp_path), 2)
    assert line == "error: doc/data.yaml: file is larger than 4 MB (is this the right file?)"
    assert time.monotonic() - start < 10


def _bomb(path: Path, member: str, size: int, extra: dict[str, bytes] | None = None) -> None:
    """A zip whose `member` inflates to `size` bytes of spaces, written in pieces."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
        with archive.open(member, "w", force_zip64=True) as f:
            block = b" " * 2**20
            for _ in range(size // len(block)):
                f.write(block)


def test_an_excel_zip_bomb_is_refused_before_it_is_inflated(tmp_path):
    case = Path(__file__).parent / "bad_inputs" / "budget-excel-non-numeric"
    shutil.copytree(case, tmp_path / "doc", ignore=shutil.ignore_patterns("expected.txt"))
    workbook = tmp_path / "doc" / "data" / "financial.xlsx"
    with zipfile.ZipFile(workbook) as original:
        parts = {n: original.read(n) for n in original.namelist() if "sheet1" not in n}
    workbook.unlink()
    _bomb(workbook, "xl/worksheets/sheet1.xml", 1024 * 2**20, parts)
    line = one_line_error(limited(["build", "doc", "-o", "out"], tmp_path), 2)
    assert "financial.xlsx: its parts inflate to 1 024 MB, more than 200 MB" in line


def test_diff_of_a_docx_zip_bomb_or_random_bytes_is_one_line(tmp_path):
    bomb = tmp_path / "bomb.docx"
    _bomb(bomb, "word/document.xml", 1024 * 2**20, {"[Content_Types].xml": b"<Types/>"})
    noise = tmp_path / "noise.docx"
    noise.write_bytes(os.urandom(4096))
    line = one_line_error(limited(["diff", "bomb.docx", "bomb.docx"], tmp_path), 2)
    assert "bomb.docx: its parts inflate to 1 024 MB, more than 500 MB" in line
    line = one_line_error(limited(["diff", "noise.docx", "noise.docx"], tmp_path), 2)
    assert line == "error: noise.docx: not a DOCX file (not a zip archive)"


def test_preview_of_a_huge_page_is_limited_in_pixels(tmp_path):
    from reportlab.pdfgen import canvas

    page = tmp_path / "big.pdf"
    drawing = canvas.Canvas(str(page), pagesize=(200 * 72, 200 * 72))
    drawing.drawString(72, 72, "a 200-inch page")
    drawing.save()
    start = time.monotonic()
    result = limited(["preview", "big.pdf", "-o", "preview", "--dpi", "600"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert time.monotonic() - start < 60
    from PIL import Image

    from reportgen.inputs.limits import MAX_PREVIEW_PIXELS

    with Image.open(tmp_path / "preview" / "big" / "page-001.png") as image:
        assert image.width * image.height <= MAX_PREVIEW_PIXELS * 1.01


def test_preview_of_a_text_file_named_pdf_is_one_line(tmp_path):
    (tmp_path / "fake.pdf").write_text("not a PDF")
    line = one_line_error(limited(["preview", "fake.pdf", "-o", "preview"], tmp_path), 2)
    assert line.startswith("error: fake.pdf: cannot read the PDF")


def test_many_bad_rows_print_a_capped_list(tmp_path):
    case = Path(__file__).parent / "bad_inputs" / "budget-non-numeric"
    shutil.copytree(case, tmp_path / "doc", ignore=shutil.ignore_patterns("expected.txt"))
    table = tmp_path / "doc" / "data" / "financial.csv"
    header = table.read_text().splitlines()[0]
    row = "regular_budget,A,,other_staff_costs,x,1,0,0,0\n"
    table.write_text(header + "\n" + row * 1_000_000)
    result = limited(["build", "doc", "-o", "out"], tmp_path, timeout=120)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) < 120
    assert "error: doc/data/financial.csv: … and 999 950 more" in lines


# -- input mistakes that said "internal error" -------------------------------------------


def test_a_plain_scalar_without_digits_is_text(note, tmp_path):
    text = (note / "document.yaml").read_text(encoding="utf-8")
    (note / "document.yaml").write_text(
        text.replace("original_language: English", "original_language: -_")
    )
    result = limited(["check", "doc"], tmp_path)
    assert result.returncode == 0, result.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_an_unreadable_file_is_named(note, tmp_path):
    (note / "body.md").chmod(0)
    try:
        line = one_line_error(limited(["build", "doc", "-o", "out"], tmp_path), 2)
        assert "body.md: cannot read the file: Permission denied" in line
    finally:
        (note / "body.md").chmod(0o644)


def test_a_long_title_builds(note, tmp_path):
    """The DOCX core property takes at most 255 characters; the document keeps it whole."""
    text = (note / "document.yaml").read_text(encoding="utf-8")
    title = "改进联合国毒品和犯罪问题办公室治理和财务状况" * 12  # 264 characters
    text = "\n".join(
        f"title: {title}" if line.startswith("title:") else line for line in text.splitlines()
    )
    (note / "document.yaml").write_text(text + "\n", encoding="utf-8")
    result = limited(["build", "doc", "-o", "out"], tmp_path)
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(tmp_path / "out" / "doc.docx") as z:
        core = z.read("docProps/core.xml").decode()
        body = z.read("word/document.xml").decode()
    assert title[:255] in core and title[:256] not in core and title in body


def test_check_and_build_share_one_error_path(note, monkeypatch):
    from click.testing import CliRunner

    from reportgen import build, cli

    def broken(folder):
        raise RuntimeError("boom")

    monkeypatch.setattr(build, "check_document", broken)
    result = CliRunner().invoke(cli.main, ["check", str(note)])
    assert result.exit_code == 1
    assert "error: doc: internal error: RuntimeError('boom')" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


@pytest.mark.parametrize(
    "args",
    [
        ["new", "secretariat-note", "blocker/doc"],
        ["preview", "seeds-pdf", "-o", "blocker/preview"],
    ],
)
def test_an_output_below_a_regular_file_is_one_line(tmp_path, args):
    (tmp_path / "blocker").write_text("a file")
    from reportlab.pdfgen import canvas

    (tmp_path / "seeds-pdf").mkdir()
    drawing = canvas.Canvas(str(tmp_path / "seeds-pdf" / "a.pdf"))
    drawing.drawString(72, 72, "a page")
    drawing.showPage()
    drawing.save()
    line = one_line_error(limited(args, tmp_path), 1)
    assert "blocker" in line and "cannot write" in line


def test_a_second_sigterm_ends_quietly(tmp_path):
    generator = SEEDS.parent / "benchmarks" / "large_section.py"
    subprocess.run([sys.executable, str(generator), str(tmp_path)], check=True, capture_output=True)
    proc = subprocess.Popen(
        [sys.executable, "-m", "reportgen", "build", "budget-large", "-o", "out"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    time.sleep(2.0)
    proc.send_signal(signal.SIGTERM)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode != 0
    assert b"Traceback" not in err


# -- the cache ------------------------------------------------------------------------


@pytest.fixture
def cache_root(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("REPORTGEN_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_cache_entries_holding_the_wrong_thing_are_misses(cache_root, tmp_path):
    import marshal
    import pickle

    from reportgen import cache
    from reportgen.inputs.yamlfile import load_yaml
    from reportgen.numbers import NumberStyle
    from reportgen.templating import render

    source = "{{ 2 * 3 }}\n"
    assert render(source, Path("t.md"), {}, NumberStyle()) == "6\n"
    (entry,) = (cache_root / "templates").iterdir()
    cache.write(entry, marshal.dumps(42))  # whole, but not code
    assert render(source, Path("t.md"), {}, NumberStyle()) == "6\n"

    data = tmp_path / "data.yaml"
    data.write_text("a: 1\n")
    assert load_yaml(data) == {"a": 1}
    (entry,) = (cache_root / "yaml").iterdir()
    cache.write(entry, pickle.dumps("a string"))  # whole, but not what was stored
    assert load_yaml(data) == {"a": 1}
    entry.write_bytes(entry.read_bytes()[:-3])  # cut short
    assert load_yaml(data) == {"a": 1}

    png = cache.entry("charts", "key", ".png")
    cache.write(png, b"\x89PNG whole")
    png.write_bytes(png.read_bytes()[:-2])  # a truncated chart picture: a miss
    assert cache.read(png) is None


def test_a_full_cache_leaves_no_temporary_files(cache_root, monkeypatch):
    from reportgen import cache

    def full(*args, **kw):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(cache.os, "replace", full)
    cache.write(cache.entry("charts", "k", ".png"), b"data")
    assert [p.name for p in (cache_root / "charts").iterdir()] == []


def test_line_breaking_is_linear_in_the_length_of_a_paragraph(note):
    """1.6 MB of text with no place to break: each page's lines are broken once (before,
    every page broke all the rest again: 0.8 MB took 12 s, this would take minutes)."""
    body = note / "body.md"
    unbroken = "".join("abcdefghij"[(i * 7) % 10] for i in range(1_600_000))
    body.write_text(body.read_text(encoding="utf-8") + "\n\n" + unbroken + "\n", "utf-8")
    start = time.monotonic()
    result = limited(["build", "doc", "-o", "out", "--format", "pdf"], note.parent, timeout=60)
    assert result.returncode == 0, result.stderr
    assert time.monotonic() - start < 30


@pytest.mark.parametrize(
    "case, culprit",
    [
        ("footnote", "“A paragraph with a long note.1”"),
        ("many-notes", "“Many notes." + "".join(map(str, range(1, 30))) + "…”"),
        ("table-cell", "the table row “Ad Hoc Committee to Elaborate a Comprehensive Internati"),
    ],
)
def test_a_block_taller_than_a_page_is_an_input_error_naming_it(tmp_path, case, culprit):
    """A 90 000-character footnote, 3 000 notes cited by one paragraph, a table cell of
    60 000 characters: no page holds them, and the message says which block it is."""
    if case == "table-cell":
        doc = tmp_path / "doc"
        shutil.copytree(SEEDS / "budget-2022-s16-en", doc)
        organs = doc / "data" / "policymaking_organs.yaml"
        text = organs.read_text(encoding="utf-8").replace(
            "  description: The modalities", "  description: " + "word " * 12000 + "The modalities"
        )
        organs.write_text(text, encoding="utf-8")
    else:
        doc = tmp_path / "doc"
        shutil.copytree(SEEDS / "fingov-note-2022-en", doc)
        body = doc / "body.md"
        if case == "footnote":
            extra = "A paragraph with a long note.[^big]\n\n[^big]: " + "x " * 45000
        else:
            refs = "".join(f"[^n{i}]" for i in range(3000))
            extra = (
                "Many notes."
                + refs
                + "\n\n"
                + "\n".join(f"[^n{i}]: Note {i}." for i in range(3000))
            )
        body.write_text(body.read_text(encoding="utf-8") + "\n\n" + extra + "\n", "utf-8")
    result = limited(["build", "doc", "-o", "out", "--format", "pdf"], tmp_path, timeout=120)
    assert result.returncode == 2, result.stderr
    assert f"error: narrative: {culprit}" in result.stderr
    assert "does not fit on a page" in result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "out" / "doc.pdf").exists()


def test_a_character_no_embedded_face_has_is_named_once(note):
    """An emoji or a rare ideograph would print as an empty box: a warning names it, once;
    under --strict it is an error."""
    body = note / "body.md"
    extra = "\n\n一个表情 😀 和罕见字 𪚥 在这里，又一个 😀。\n"
    body.write_text(body.read_text(encoding="utf-8") + extra, encoding="utf-8")
    result = limited(["build", "doc", "-o", "out", "--format", "pdf"], note.parent)
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 2, result.stderr
    assert "no embedded face has U+1F600 “😀”" in warnings[0]
    assert "no embedded face has U+2A6A5 “𪚥”" in warnings[1]
    strict = limited(["--strict", "build", "doc", "-o", "out2", "--format", "pdf"], note.parent)
    assert strict.returncode == 2 and "error: --strict: no embedded face has U+1F600" in (
        strict.stderr
    )
