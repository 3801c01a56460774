"""Build documents: load and validate, lay out once, render each format, write atomically."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from reportgen.errors import InputError
from reportgen.fonts import FontChoice, discover
from reportgen.inputs.folder import load_document
from reportgen.layouts import build_model
from reportgen.model import Contents, Document
from reportgen.output import write_atomic

FORMATS = ("docx", "pdf")


@dataclass
class BuildResult:
    name: str
    outputs: list[Path] = field(default_factory=list)
    pages: int = 0
    seconds: float = 0.0
    error: InputError | None = None


def check_document(folder: Path) -> Document:
    """Load, validate and lay out a document without rendering it."""
    return build_model(load_document(folder))


@dataclass
class Rendered:
    files: dict[str, bytes]
    pages: int


def render(model: Document, formats: tuple[str, ...], fonts: FontChoice) -> Rendered:
    """Every requested format's bytes; nothing is written here."""
    out: dict[str, bytes] = {}
    page_numbers: dict[str, int] = {}
    pages = 0
    needs_pages = any(isinstance(b, Contents) for b in model.front + model.body)
    if "pdf" in formats or ("docx" in formats and needs_pages):
        from reportgen.writers.pdf import write_pdf

        result = write_pdf(model, fonts)
        page_numbers = result.heading_pages
        pages = result.pages
        if "pdf" in formats:
            out["pdf"] = result.data
    if "docx" in formats:
        from reportgen.writers.docx import write_docx

        out["docx"] = write_docx(model, page_numbers, fonts)
    return Rendered(out, pages)


def build_document(
    folder: Path, out_dir: Path, formats: tuple[str, ...], fonts: FontChoice | None = None
) -> BuildResult:
    """Build one document folder into `out_dir`; outputs are written only if all render."""
    start = time.perf_counter()
    name = folder.name
    model = check_document(folder)
    cjk = bool(model.fonts and model.fonts.script == "cjk")
    fonts = fonts or discover(need_cjk=cjk)
    rendered = render(model, formats, fonts)
    outputs = []
    for fmt in formats:
        path = out_dir / f"{name}.{fmt}"
        write_atomic(path, rendered.files[fmt])
        outputs.append(path)
    return BuildResult(name, outputs, rendered.pages, time.perf_counter() - start)
