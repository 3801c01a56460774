"""Time whole `reportgen` processes: wall median of N runs, min–max, peak memory, pages.

    python benchmarks/run.py            # every case, 5 runs each
    python benchmarks/run.py --runs 3 --no-large

Each run is a fresh process (start-up included), timed with os.wait4 for its peak
resident memory (the largest of the process and the PDF process it forks). Output
goes to a temporary folder. reportgen's modules are byte-compiled first, as
`pip install` does, so that an environment with PYTHONDONTWRITEBYTECODE set does
not measure Python compiling them on every start. One untimed build first fills
the font cache (see reportgen/writers/pdf/fontcache.py), as any earlier build has.
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


def run_once(args: list[str]) -> tuple[float, float]:
    """(wall seconds, peak RSS in MB) of one process."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "reportgen", *args],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: reportgen {' '.join(args)}\n{proc.stderr.read().decode()}")
    return wall, usage.ru_maxrss / 1024


def pages(folder: Path) -> int | str:
    """PDF pages written into `folder`; blank when the case wrote no PDF."""
    from pypdf import PdfReader

    pdfs = list(folder.glob("*.pdf"))
    return sum(len(PdfReader(p).pages) for p in pdfs) if pdfs else ""


def cases(out: Path, large: Path | None) -> list[tuple[str, list[str], int | None]]:
    """(label, arguments, runs or None for the default) of every measurement."""
    budget = "seeds/budget-2022-s16"
    found: list[tuple[str, list[str], int | None]] = [
        ("reportgen --help (start-up)", ["--help"], None)
    ]
    for fmt in ("docx", "pdf", "docx,pdf"):
        found.append(
            (
                f"budget-2022-s16 → {fmt}",
                ["build", budget, "-o", str(out / fmt), "--format", fmt, "--force"],
                None,
            )
        )
    cores = os.cpu_count() or 1
    for jobs in sorted({1, cores}):
        found.append(
            (
                f"all examples, --jobs {jobs}",
                ["build", "seeds", "-o", str(out / f"all-{jobs}"), "--jobs", str(jobs), "--force"],
                None,
            )
        )
    found.append(
        ("all examples, nothing changed", ["build", "seeds", "-o", str(out / f"all-{cores}")], None)
    )
    if large is not None:
        found.append(
            (
                "budget ×10 (90 subprogrammes) → docx,pdf",
                ["build", str(large), "-o", str(out / "large"), "--force"],
                None,
            )
        )
    return found


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
        for label, argv, runs in cases(out, large):
            walls, peaks = [], []
            for _ in range(runs or args.runs):
                wall, peak = run_once(argv)
                walls.append(wall)
                peaks.append(peak)
            target = Path(argv[argv.index("-o") + 1]) if "-o" in argv else None
            n = pages(target) if target and target.exists() else ""
            print(
                f"| {label} | {statistics.median(walls):.2f} | {min(walls):.2f}–{max(walls):.2f}"
                f" | {max(peaks):.0f} | {n} |",
                flush=True,
            )


if __name__ == "__main__":
    main()
