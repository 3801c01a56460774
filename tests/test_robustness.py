"""Nothing is ever lost: symlink escapes, batches with a failure, --strict, builds
killed halfway, and random damage to the examples."""

from __future__ import annotations

import random
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
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reportgen.errors import InputError

run = run_cli


def test_a_link_out_of_the_folder_is_refused(tmp_path):
    doc = tmp_path / "doc"
    shutil.copytree(SEEDS / "fingov-note-2022", doc)
    (tmp_path / "secret.yaml").write_text("period: {start: 2021-10-18, end: 2021-11-26}\n")
    (doc / "data.yaml").unlink()
    (doc / "data.yaml").symlink_to(tmp_path / "secret.yaml")
    result = run(["build", "doc", "-o", "out"], tmp_path)
    assert result.returncode == 2
    assert "links to a file outside the document folder" in result.stderr
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_one_failing_document_does_not_stop_the_batch(tmp_path):
    shutil.copytree(SEEDS / "fingov-note-2022", tmp_path / "docs" / "good")
    shutil.copytree(SEEDS / "fingov-note-2022", tmp_path / "docs" / "bad")
    (tmp_path / "docs" / "bad" / "document.yaml").write_text("layout: [\n", encoding="utf-8")
    result = run(["build", "docs", "-o", "out"], tmp_path)
    assert result.returncode == 2
    outputs = sorted(p.name for p in (tmp_path / "out").iterdir() if p.name != ".reportgen")
    assert outputs == ["good.docx", "good.pdf"]
    assert "1 of 2 documents failed: bad" in result.stderr


def test_strict_turns_a_font_warning_into_an_error(tmp_path):
    shutil.copytree(SEEDS / "fingov-note-2022", tmp_path / "doc")
    result = run(["--strict", "build", "doc", "-o", "out", "--cjk-font", "/no/such.ttf"], tmp_path)
    assert result.returncode == 2 and "CJK font `/no/such.ttf` not found" in result.stderr
    lenient = run(["build", "doc", "-o", "out", "--cjk-font", "/no/such.ttf"], tmp_path)
    assert lenient.returncode == 0
    assert lenient.stderr.count("warning: CJK font") == 1


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL])
def test_a_build_killed_halfway_keeps_the_earlier_outputs(tmp_path, sig):
    # the budget section ten times over (~800 pages): a build of well over 2 s anywhere
    generator = SEEDS.parent / "benchmarks" / "large_section.py"
    subprocess.run([sys.executable, str(generator), str(tmp_path)], check=True, capture_output=True)
    out = tmp_path / "out"
    out.mkdir()
    names = ("budget-large.docx", "budget-large.pdf")
    earlier = {name: f"earlier {name}".encode() for name in names}
    for name, data in earlier.items():
        (out / name).write_bytes(data)
    proc = subprocess.Popen(
        [sys.executable, "-m", "reportgen", "build", "budget-large", "-o", "out"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    time.sleep(2.0)  # into laying out and rendering
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode != 0
    assert b"Traceback" not in err
    assert {p.name: p.read_bytes() for p in out.iterdir()} == earlier


# -- random damage ---------------------------------------------------------------------

SMALL = ["fingov-note-2022", "strategy-note-2008-2011"]


def damage(text: str, how: str, rnd: random.Random) -> bytes:
    lines = text.splitlines(keepends=True)
    if how == "truncate":
        return text[: rnd.randrange(len(text))].encode()
    if how == "drop-line" and lines:
        del lines[rnd.randrange(len(lines))]
        return "".join(lines).encode()
    if how == "garble-number":
        digits = [i for i, c in enumerate(text) if c.isdigit()]
        if digits:
            i = rnd.choice(digits)
            text = text[:i] + rnd.choice(["x", "-", "9999999", "1.5", ""]) + text[i + 1 :]
        return text.encode()
    if how == "wrong-type" and lines:
        i = rnd.randrange(len(lines))
        if ":" in lines[i]:
            key = lines[i].split(":", 1)[0]
            lines[i] = f"{key}: [1, {{a: b}}]\n"
        return "".join(lines).encode()
    if how == "control-character":
        i = rnd.randrange(len(text) + 1)
        return (text[:i] + rnd.choice("\x00\x07\x0b\x1b\x7f") + text[i:]).encode()
    if how == "bad-encoding":
        raw = text.encode()
        i = rnd.randrange(len(raw) + 1)
        return raw[:i] + rnd.choice([b"\xff", b"\xc3", b"\xed\xa0\x80"]) + raw[i:]
    return text.encode()


def whole(path: Path) -> bool:
    """A whole DOCX (a zip whose document part parses) or PDF (one that pypdf reads)."""
    if path.suffix == ".docx":
        with zipfile.ZipFile(path) as z:
            return z.testzip() is None and b"</w:document>" in z.read("word/document.xml")
    from pypdf import PdfReader

    return len(PdfReader(path).pages) > 0


@settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    doc=st.sampled_from(SMALL),
    target=st.sampled_from(["document.yaml", "body.md", "data.yaml"]),
    how=st.sampled_from(
        [
            "truncate",
            "drop-line",
            "garble-number",
            "wrong-type",
            "control-character",
            "bad-encoding",
        ]
    ),
    seed=st.integers(0, 10_000),
)
def test_random_damage_never_crashes_or_loses_outputs(
    tmp_path_factory, fonts, doc, target, how, seed
):
    from reportgen.build import build_document

    root = tmp_path_factory.mktemp("damage")
    folder = root / doc
    shutil.copytree(SEEDS / doc, folder)
    path = folder / target
    if not path.exists():
        return
    path.write_bytes(damage(path.read_text(encoding="utf-8"), how, random.Random(seed)))
    out = root / "out"
    out.mkdir()
    earlier = {f"{doc}.docx": b"earlier docx", f"{doc}.pdf": b"earlier pdf"}
    for name, data in earlier.items():
        (out / name).write_bytes(data)
    try:
        build_document(folder, out, ("docx", "pdf"), fonts)
    except InputError as err:  # exit 2: a clear message, earlier outputs untouched
        assert err.problems and all(str(p) for p in err.problems)
        assert {p.name: p.read_bytes() for p in out.iterdir()} == earlier
        return
    for name in earlier:  # built: whole new files, nothing left over
        assert whole(out / name)
    assert sorted(p.name for p in out.iterdir()) == sorted(earlier)
