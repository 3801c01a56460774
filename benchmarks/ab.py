"""Compare two checkouts of reportgen on one command, runs alternated (A B, B A, …) so
that a machine whose speed drifts treats both alike: wall median and fastest, and the
CPU time of each run (the process and the PDF process it forks).

    python benchmarks/ab.py OLD_CHECKOUT NEW_CHECKOUT --runs 20 -- \\
        build seeds/budget-2022-s16 --format pdf

Each run is `python -m reportgen ARGS -o TMP --force` in the checkout's folder (its
own reportgen and seeds); one untimed run of each first fills the cache.
"""

from __future__ import annotations

import argparse
import compileall
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def run(tree: Path, args: list[str], out: str) -> tuple[float, float]:
    """(wall, CPU) seconds of one build in `tree`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "reportgen", *args, "-o", out, "--force"],
        cwd=tree,
        env={**os.environ, "PYTHONPATH": str(tree)},
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("old", type=Path)
    parser.add_argument("new", type=Path)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("args", nargs="+", help="reportgen's arguments, after --")
    args = parser.parse_args()
    trees = {"A": args.old.resolve(), "B": args.new.resolve()}
    for tree in trees.values():
        compileall.compile_dir(tree / "reportgen", quiet=1)
    walls: dict[str, list[float]] = {k: [] for k in trees}
    cpus: dict[str, list[float]] = {k: [] for k in trees}
    with tempfile.TemporaryDirectory() as out:
        for tree in trees.values():
            run(tree, args.args, out)
        for n in range(args.runs):
            for key in ("A", "B") if n % 2 == 0 else ("B", "A"):
                wall, cpu = run(trees[key], args.args, out)
                walls[key].append(wall)
                cpus[key].append(cpu)
    for key, tree in trees.items():
        print(
            f"{key} {tree}: wall median {statistics.median(walls[key]):.3f} s, "
            f"fastest {min(walls[key]):.3f} s; CPU median {statistics.median(cpus[key]):.3f} s"
        )

    def change(values: dict[str, list[float]], measure) -> str:
        return f"{measure(values['B']) / measure(values['A']) - 1:+.1%}"

    print(
        f"B against A: wall median {change(walls, statistics.median)}, fastest "
        f"{change(walls, min)}; CPU median {change(cpus, statistics.median)}"
    )


if __name__ == "__main__":
    main()
