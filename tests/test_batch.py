"""CI builds: byte-identical outputs, incremental rebuilds, previews and diffs."""

from __future__ import annotations

import json
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

from clirun import run_cli
from conftest import SEEDS
from pypdf import PdfReader

from reportgen.batch import run_batch
from reportgen.inputs.folder import find_documents

SMALL = ["fingov-note-2022", "strategy-note-2008-2011", "ed-report-2017"]


def cli(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    return run_cli(args, cwd, timeout=600)


def test_two_builds_of_every_example_are_byte_identical(built, tmp_path, fonts):
    again = tmp_path / "again"
    outcomes = run_batch(find_documents([SEEDS]), again, ("docx", "pdf"), fonts, jobs=2)
    assert all(o.status == "built" for o in outcomes)
    names = sorted(p.name for p in built.iterdir() if p.suffix in (".docx", ".pdf"))
    assert len(names) == 2 * len(outcomes)
    for name in names:
        assert (again / name).read_bytes() == (built / name).read_bytes(), name


def test_a_changed_figure_rebuilds_only_its_document_and_diff_shows_it(tmp_path):
    docs = tmp_path / "docs"
    for name in SMALL:
        shutil.copytree(SEEDS / name, docs / name)
    first = cli(["build", "docs", "-o", "out", "--json", "--jobs", "2"], tmp_path)
    assert first.returncode == 0, first.stderr
    assert json.loads(first.stdout)["built"] == 3
    shutil.copytree(tmp_path / "out", tmp_path / "before")

    unchanged = json.loads(cli(["build", "docs", "-o", "out", "--json"], tmp_path).stdout)
    assert (unchanged["built"], unchanged["skipped"]) == (0, 3)

    data = docs / "ed-report-2017" / "data.yaml"
    data.write_text(
        data.read_text(encoding="utf-8").replace(
            "pledges_2016: 285000000", "pledges_2016: 291000000"
        ),
        encoding="utf-8",
    )
    second = json.loads(cli(["build", "docs", "-o", "out", "--json"], tmp_path).stdout)
    assert (second["built"], second["skipped"]) == (1, 2)
    assert [d["name"] for d in second["documents"] if d["status"] == "built"] == ["ed-report-2017"]

    review = cli(["diff", "before", "out", "--json", "--markdown", "review.md"], tmp_path)
    assert review.returncode == 1
    changes = {d["name"]: d["changes"] for d in json.loads(review.stdout)}
    assert changes["fingov-note-2022"] == [] and changes["strategy-note-2008-2011"] == []
    (change,) = changes["ed-report-2017"]
    assert change["kind"] == "paragraph-changed" and change["where"] == "paragraph 90"
    assert "2.[-85-]{+91+} 亿美元" in change["inline"]
    assert "paragraph 90" in (tmp_path / "review.md").read_text(encoding="utf-8")
    same = cli(["diff", "before", "before"], tmp_path)
    assert same.returncode == 0 and "no differences" in same.stdout


def test_diff_names_the_cells_of_a_changed_budget_figure(built, tmp_path):
    changed = tmp_path / "budget-2022-s16"
    shutil.copytree(SEEDS / "budget-2022-s16", changed)
    path = changed / "data" / "financial.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    for i, line in enumerate(lines):
        if line.startswith("regular_budget,C,1,travel_of_staff,"):
            cells = line.split(",")
            cells[5] = str(float(cells[5]) + 100_000)
            lines[i] = ",".join(cells)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    review = cli(["diff", str(built / "budget-2022-s16.docx"), ".", "--json"], tmp_path)
    assert review.returncode == 1, review.stderr
    (doc,) = json.loads(review.stdout)
    cells = {(c["where"], c["old"], c["new"]) for c in doc["changes"] if c["kind"] == "cell"}
    assert ("表 16.30, row 工作人员差旅, column 2021 年 拨款数", "217.8", "317.8") in cells
    assert (
        "表 16.33 (1), row 1. 打击跨国组织犯罪, column 2021 年 批款数",
        "3 198.6",
        "3 298.6",
    ) in cells
    assert all(w.startswith(("表 16.30", "表 16.33", "表 16.35", "表 16.40")) for w, _, _ in cells)
    paragraphs = [c["where"] for c in doc["changes"] if c["kind"] == "paragraph-changed"]
    assert paragraphs == [
        "paragraph 16.261",
        "paragraph 16.264",
        "paragraph 16.277",
        "paragraph 16.278",
    ]


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.links += [v for k, v in attrs if k in ("href", "src")]


def test_preview_writes_a_png_per_page_and_a_valid_index(built, tmp_path):
    result = cli(["preview", str(built), "-o", "preview", "--dpi", "40"], tmp_path)
    assert result.returncode == 0, result.stderr
    out = tmp_path / "preview"
    for pdf in built.glob("*.pdf"):
        pages = len(PdfReader(pdf).pages)
        assert len(list((out / pdf.stem).glob("page-*.png"))) == pages
        assert (out / pdf.stem / "page-001.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    parser = _Links()
    parser.feed((out / "index.html").read_text(encoding="utf-8"))
    assert parser.links and all((out / link).exists() for link in parser.links)
