"""Write a budget section ten times the size of seeds/budget-2022-s16 (90 subprogrammes,
part A repeated ten times, part B for every subprogramme) to check that time and memory
grow linearly.

    python benchmarks/large_section.py OUT_FOLDER [--times 10]
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import shutil
from pathlib import Path

import yaml

SEED = Path(__file__).resolve().parents[1] / "seeds" / "budget-2022-s16"
KEYED = re.compile(
    r"\{(table (?:deliverables|performance|mandates)|figure|ref (?:deliverables|"
    r"performance|mandates|figure|para)|label) ([\w-]+)\}"
)
NOTE = re.compile(r"\[\^([^\]]+)\]")


def suffixed(text: str, k: int) -> str:
    text = KEYED.sub(lambda m: f"{{{m.group(1)} {m.group(2)}-{k}}}", text)
    return NOTE.sub(lambda m: f"[^{m.group(1)}-{k}]", text)


def notes(value, k: int):
    """Footnote marks inside table cells of the plan data, made unique like the text's."""
    if isinstance(value, str):
        return NOTE.sub(lambda m: f"[^{m.group(1)}-{k}]", value)
    if isinstance(value, list):
        return [notes(v, k) for v in value]
    if isinstance(value, dict):
        return {key: notes(v, k) for key, v in value.items()}
    return value


def widen(rows: list[dict], subprogrammes: int, times: int) -> list[dict]:
    """Component C rows copied for subprogrammes 10, 11, … (one copy per round)."""
    out = []
    for k in range(times):
        for row in rows:
            if row["component"] != "C":
                if k == 0:
                    out.append(row)
                continue
            copy = dict(row)
            copy["subprogramme"] = str(int(row["subprogramme"]) + k * subprogrammes)
            out.append(copy)
    return out


def write_csv(path: Path, rows: list[dict]) -> None:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--times", type=int, default=10)
    args = parser.parse_args()
    out: Path = args.out / "budget-large"
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(SEED, out)
    meta = yaml.safe_load((SEED / "document.yaml").read_text("utf-8"))
    budget = meta["budget"]
    base = budget["subprogrammes"]
    n = len(base)
    budget["subprogrammes"] = {
        i + k * n: f"{base[i]} ({k + 1})" for k in range(args.times) for i in base
    }
    for name in ("financial", "posts"):
        path = out / budget[name]
        rows = list(csv.DictReader(path.open(encoding="utf-8")))
        write_csv(path, widen(rows, n, args.times))
    # part A: every file repeated, keys made unique per round
    bodies, plan = [], []
    for name in meta["body"][:-1]:
        text = (SEED / name).read_text("utf-8")
        for k in range(args.times):
            copy = text if k == 0 else re.sub(r"^# .*$", "", text, count=1, flags=re.M)
            target = f"{Path(name).stem}-{k}.md"
            (out / target).write_text(suffixed(copy, k), "utf-8")
            bodies.append(target)
    for name in budget["plan_data"]:
        if not Path(name).stem.startswith("part-a"):  # part B's figures: once, as they are
            plan.append(name)
            continue
        data = yaml.safe_load((SEED / name).read_text("utf-8"))
        for k in range(args.times):
            part = {
                kind: {f"{key}-{k}": notes(value, k) for key, value in entries.items()}
                for kind, entries in data.items()
            }
            target = f"data/{Path(name).stem}-{k}.yaml"
            (out / target).write_text(yaml.safe_dump(part, allow_unicode=True), "utf-8")
            plan.append(target)
    # part B: the section's tables once, then every subprogramme's paragraph and table
    part_b = (SEED / meta["body"][-1]).read_text("utf-8")
    extra = []
    for k in range(1, args.times):
        for i in base:
            unit = i + k * n
            extra.append(
                f"### 次级方案 {unit} {{-}}\n\n2022 年拟议经常预算资源为 "
                f"{{{{ rb.sp({unit}).estimate | usd }}}}。\n\n"
                f"{{table unit-evolution C{unit}}}\n"
            )
    marker = "## 方案支助 {-}"
    part_b = part_b.replace(marker, "\n".join(extra) + "\n" + marker)
    (out / "part-b.md").write_text(part_b, "utf-8")
    meta["body"] = bodies + ["part-b.md"]
    budget["plan_data"] = plan
    (out / "document.yaml").write_text(yaml.safe_dump(meta, allow_unicode=True), "utf-8")
    print(out)


if __name__ == "__main__":
    main()
