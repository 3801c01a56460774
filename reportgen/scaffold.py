"""`reportgen new`: a new document folder of a layout with every file a drafter fills."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment

from reportgen.labels import TEMPLATES, load_labels
from reportgen.output import write_atomic

STYLES = {"en": "english", "zh": "vienna-2017"}


def scaffold(layout: str, lang: str, folder: Path) -> list[Path]:
    """Write document.yaml, body.md and, as the layout needs, data files into `folder`."""
    load_labels(lang)  # an unknown language is an input error before anything is written
    if folder.exists() and any(folder.iterdir()):
        from reportgen.errors import InputError

        raise InputError.one(
            folder, "folder exists and is not empty", hint="choose a new folder name"
        )
    source = TEMPLATES / "scaffold"
    env = Environment(keep_trailing_newline=True, autoescape=False)
    values = {"layout": layout, "lang": lang, "style": STYLES.get(lang, "english")}
    written = []
    for name in ("document.yaml", "body.md"):
        text = env.from_string((source / f"{name}.j2").read_text("utf-8")).render(values)
        write_atomic(folder / name, text.encode())
        written.append(folder / name)
    if layout == "executive-director-report":
        write_atomic(
            folder / "data.yaml", b"# Figures the text quotes, in full units.\npledges: 285000000\n"
        )
        written.append(folder / "data.yaml")
    if layout == "budget-section":
        for src, dst in (
            ("financial.csv", "financial.csv"),
            ("posts.csv", "posts.csv"),
            ("data-readme.md", "README.md"),
        ):
            write_atomic(folder / "data" / dst, (source / src).read_bytes())
            written.append(folder / "data" / dst)
    return written
