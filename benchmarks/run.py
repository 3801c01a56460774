"""Time whole `reportgen` processes: wall median of N runs, min–max, peak memory, pages.

    python benchmarks/run.py            # every case, 5 runs each
    python benchmarks/run.py --runs 3 --no-large

Each run is a fresh process (start-up included), timed with os.wait4 for its peak
resident memory (the largest of the process and the PDF process it forks). Output
goes to a temporary folder. reportgen's modules are byte-compiled first, as
`pip install` does, so that an environment with PYTHONDONTWRITEBYTECODE set does
not measure Python compiling them on every start. One untimed build first fills
reportgen's cache (see reportgen/cache.py: parsed fonts, compiled templates, parsed
narrative and YAML, chart pictures), as any earlier build on the machine has; two
cases show what it saves: the budget example with an empty cache, and after an edit
to one of its narrative files (which is read, rendered and parsed again).

`reportgen watch` is measured apart: the time from saving one paragraph of
seeds/ed-report-2017/body.md to the new PDF on disk, the watch process running.
"""

from __future__ import annotations

import argparse
import compileall
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


def run_once(args: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """(wall seconds, peak RSS in MB) of one process."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "reportgen", *args],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ, **(env or {})},
    )
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: reportgen {' '.join(args)}\n{proc.stderr.read().decode()}")
    return wall, usage.ru_maxrss / 1024


@dataclass
class Case:
    label: str
    args: list[str]
    runs: int | None = None  # None: --runs
    prepare: Callable[[int], dict[str, str]] | None = None  # untimed, before run n: its env


def pages(folder: Path) -> int | str:
    """PDF pages written into `folder`; blank when the case wrote no PDF."""
    from pypdf import PdfReader

    pdfs = list(folder.glob("*.pdf"))
    return sum(len(PdfReader(p).pages) for p in pdfs) if pdfs else ""


def cases(out: Path, large: Path | None) -> list[Case]:
    """Every measurement."""
    budget = "seeds/budget-2022-s16"
    found = [Case("reportgen --help (start-up)", ["--help"])]
    for fmt in ("docx", "pdf", "docx,pdf"):
        found.append(
            Case(
                f"budget-2022-s16 → {fmt}",
                ["build", budget, "-o", str(out / fmt), "--format", fmt, "--force"],
            )
        )

    def empty_cache(n: int) -> dict[str, str]:
        return {"REPORTGEN_CACHE": str(out / f"empty-cache-{n}")}

    found.append(
        Case(
            "budget-2022-s16 → docx,pdf, empty cache",
            ["build", budget, "-o", str(out / "cold"), "--force"],
            prepare=empty_cache,
        )
    )
    edited = out / "edited" / "budget-2022-s16"
    shutil.copytree(ROOT / budget, edited)
    run_once(["build", str(edited), "-o", str(out / "edited-out")])  # its files cached

    def edit(n: int) -> dict[str, str]:
        with (edited / "part-a-2.md").open("a", encoding="utf-8") as f:
            f.write(f"\n<!-- edit {n} -->\n")
        return {}

    found.append(
        Case(
            "budget-2022-s16 → docx,pdf, one narrative file edited",
            ["build", str(edited), "-o", str(out / "edited-out"), "--force"],
            prepare=edit,
        )
    )
    cores = os.cpu_count() or 1
    for jobs in sorted({1, cores}):
        found.append(
            Case(
                f"all examples, --jobs {jobs}",
                ["build", "seeds", "-o", str(out / f"all-{jobs}"), "--jobs", str(jobs), "--force"],
            )
        )
    found.append(
        Case("all examples, nothing changed", ["build", "seeds", "-o", str(out / f"all-{cores}")])
    )
    if large is not None:
        found.append(
            Case(
                "budget ×10 (90 subprogrammes) → docx,pdf",
                ["build", str(large), "-o", str(out / "large"), "--force"],
            )
        )
    return found


def save_to_pdf(out: Path, runs: int) -> list[float]:
    """Seconds from saving one paragraph of the ED report to its new PDF, under
    `reportgen watch` (started once; each save changes one paragraph's text)."""
    folder = out / "watched" / "ed-report-2017"
    shutil.copytree(SEEDS / "ed-report-2017", folder)
    pdf = out / "watched-out" / "ed-report-2017.pdf"
    body = folder / "body.md"
    text = body.read_text(encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "reportgen", "watch", str(folder), "-o", str(pdf.parent)]
        + ["--format", "pdf"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        for line in proc.stdout:
            if line.startswith("watching"):
                break
        times = []
        for n in range(runs):
            time.sleep(0.5)  # the watcher idle, as between a drafter's saves
            before = pdf.stat().st_mtime_ns
            start = time.perf_counter()
            body.write_text(text.replace("。", f"。（第 {n + 1} 次修改）", 1), encoding="utf-8")
            while pdf.stat().st_mtime_ns == before:
                if time.perf_counter() - start > 30:
                    raise SystemExit("reportgen watch wrote no new PDF in 30 s")
                time.sleep(0.005)
            times.append(time.perf_counter() - start)
            proc.stdout.readline()  # its "built" line
        return times
    finally:
        proc.send_signal(signal.SIGINT)
        proc.wait(30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-large", action="store_true", help="skip the ten-times section")
    args = parser.parse_args()
    compileall.compile_dir(ROOT / "reportgen", quiet=1)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        run_once(["build", "seeds/fingov-note-2022", "-o", str(out / "warm-up"), "--force"])
        large = None
        if not args.no_large:
            subprocess.run(
                [sys.executable, str(ROOT / "benchmarks" / "large_section.py"), str(out / "gen")],
                check=True,
                stdout=subprocess.DEVNULL,
            )
            large = out / "gen" / "budget-large"
        print("| case | wall median (s) | min–max (s) | peak memory (MB) | pages |")
        print("| --- | ---: | ---: | ---: | ---: |")
        for case in cases(out, large):
            walls, peaks = [], []
            for n in range(case.runs or args.runs):
                env = case.prepare(n) if case.prepare else None
                wall, peak = run_once(case.args, env)
                walls.append(wall)
                peaks.append(peak)
            argv = case.args
            target = Path(argv[argv.index("-o") + 1]) if "-o" in argv else None
            n = pages(target) if target and target.exists() else ""
            print(
                f"| {case.label} | {statistics.median(walls):.2f}"
                f" | {min(walls):.2f}–{max(walls):.2f}"
                f" | {max(peaks):.0f} | {n} |",
                flush=True,
            )
        walls = save_to_pdf(out, args.runs)
        print(
            f"| watch: save a paragraph of ed-report-2017 → new PDF"
            f" | {statistics.median(walls):.2f} | {min(walls):.2f}–{max(walls):.2f} |  |  |"
        )


if __name__ == "__main__":
    main()
