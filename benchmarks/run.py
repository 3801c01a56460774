"""Time whole `reportgen` processes: wall median of N runs, min–max, peak memory, pages.

    python benchmarks/run.py            # every case, 5 runs each
    python benchmarks/run.py --runs 3

Each run is a fresh process (start-up included), timed with os.wait4 for its peak
resident memory. Output goes to a temporary folder.
"""

from __future__ import annotations

import argparse
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
    proc = subprocess.Popen([sys.executable, "-m", "reportgen", *args], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: reportgen {' '.join(args)}\n{proc.stderr.read().decode()}")
    return wall, usage.ru_maxrss / 1024


def pages(folder: Path) -> int:
    from pypdf import PdfReader

    return sum(len(PdfReader(p).pages) for p in folder.glob("*.pdf"))


def cases(out: Path) -> list[tuple[str, list[str]]]:
    docs = sorted(p.parent.name for p in SEEDS.glob("*/document.yaml"))
    found = [("reportgen --help (start-up)", ["--help"])]
    for name in docs:
        for fmt in ("docx", "pdf", "docx,pdf"):
            found.append((f"{name} → {fmt}",
                          ["build", f"seeds/{name}", "-o", str(out / name / fmt), "--format", fmt]))
    found.append(("all examples → docx,pdf", ["build", "seeds", "-o", str(out / "all")]))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        print("| case | wall median (s) | min–max (s) | peak memory (MB) | pages |")
        print("| --- | ---: | ---: | ---: | ---: |")
        for label, argv in cases(out):
            walls, peaks = [], []
            for _ in range(args.runs):
                wall, peak = run_once(argv)
                walls.append(wall)
                peaks.append(peak)
            target = Path(argv[argv.index("-o") + 1]) if "-o" in argv else None
            n = pages(target) if target and target.exists() else ""
            print(f"| {label} | {statistics.median(walls):.2f} | {min(walls):.2f}–{max(walls):.2f}"
                  f" | {max(peaks):.0f} | {n} |")


if __name__ == "__main__":
    main()
