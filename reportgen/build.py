"""Build documents: load and validate, lay out once, render each format, write atomically."""

from __future__ import annotations

import os
import pickle
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
    """Every requested format's bytes; nothing is written here.

    The DOCX needs the PDF's page numbers only for its contents: it is written with a
    token in their place while a forked process lays out the PDF (the two writers run
    on two cores), then the tokens are replaced."""
    needs_pages = any(isinstance(b, Contents) for b in model.front + model.body)
    want_pdf = "pdf" in formats or ("docx" in formats and needs_pages)
    if "docx" in formats and want_pdf and _can_fork():
        return _render_in_parallel(model, formats, fonts)
    out: dict[str, bytes] = {}
    page_numbers: dict[str, int] = {}
    pages = 0
    if want_pdf:
        from reportgen.writers.pdf import write_pdf

        result = write_pdf(model, fonts)
        page_numbers, pages = result.heading_pages, result.pages
        if "pdf" in formats:
            out["pdf"] = result.data
    if "docx" in formats:
        from reportgen.writers.docx import write_docx

        out["docx"] = write_docx(model, page_numbers, fonts)
    return Rendered(out, pages)


def _can_fork() -> bool:
    return hasattr(os, "fork") and (os.cpu_count() or 1) > 1


PAGE_TOKEN = "@@page:{}@@"


def _render_in_parallel(model: Document, formats: tuple[str, ...], fonts: FontChoice) -> Rendered:
    from reportgen.writers.docx import fill_page_numbers, write_docx
    from reportgen.writers.pdf import write_pdf

    read, write = os.pipe()
    child = os.fork()
    if child == 0:  # the PDF, in the child
        os.close(read)
        code = 0
        try:
            result = write_pdf(model, fonts)
            payload = pickle.dumps((result.data, result.pages, result.heading_pages))
        except BaseException as err:  # handed to the parent, which raises it
            payload = pickle.dumps(err)
            code = 1
        with os.fdopen(write, "wb") as pipe:
            pipe.write(payload)
        os._exit(code)
    os.close(write)
    try:
        tokens = _PageTokens()
        docx = write_docx(model, tokens, fonts)
    finally:
        with os.fdopen(read, "rb") as pipe:
            payload = pipe.read()
        os.waitpid(child, 0)
    received = pickle.loads(payload) if payload else RuntimeError("the PDF process died")
    if isinstance(received, BaseException):
        raise received
    data, pages, heading_pages = received
    out = {
        "docx": fill_page_numbers(
            docx, {PAGE_TOKEN.format(a): str(n) for a, n in heading_pages.items()}
        )
    }
    if "pdf" in formats:
        out["pdf"] = data
    return Rendered(out, pages)


class _PageTokens(dict):
    """Page numbers not known yet: each anchor's page is a token, replaced later."""

    def get(self, key, default=None):
        return PAGE_TOKEN.format(key)


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
