"""Build documents: load and validate, lay out once, render each format, write atomically."""

from __future__ import annotations

import dataclasses
import gc
import os
import pickle
import signal
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from reportgen.errors import InputError
from reportgen.fonts import FontChoice, discover
from reportgen.model import Contents, Document
from reportgen.output import write_outputs

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
    # imported here, so that a PDF process forked before it does not wait for them
    from reportgen.inputs.folder import load_document
    from reportgen.layouts import build_model
    from reportgen.layouts.narrative import narrative_problems

    try:
        doc = load_document(folder)
    except InputError as err:  # the narrative's mistakes too, all reported together
        raise InputError(err.problems + _new(err.problems, narrative_problems(folder))) from None
    return build_model(doc)


def _new(reported: list, more: list) -> list:
    """The problems of `more` not reported already, nor about a file (other than
    document.yaml) whose reading stopped with a problem reported already."""
    shown = {str(p) for p in reported}
    stopped = {str(p.file) for p in reported if Path(p.file).name != "document.yaml"}
    return [p for p in more if str(p) not in shown and str(p.file) not in stopped]


@dataclass
class Rendered:
    files: dict[str, bytes]
    pages: int


def can_fork() -> bool:
    return hasattr(os, "fork") and (os.cpu_count() or 1) > 1


class PdfProcess:
    """The PDF written by a forked process on the other core.

    It is forked before the document is read, so that it imports the PDF writer and
    loads the fonts while this process builds the document model; it then receives
    the model (pickled, once) and sends back the PDF and the page of every heading.
    If the model is never sent (bad input), it exits without writing anything."""

    def __init__(self, fonts: FontChoice):
        model_read, self._model_write = os.pipe()
        self._result_read, result_write = os.pipe()
        parent = os.getpid()
        self.pid = os.fork()
        if self.pid == 0:
            _die_with(parent)
            os.close(self._model_write)
            os.close(self._result_read)
            self._child(model_read, result_write, fonts)  # never returns
        os.close(model_read)
        os.close(result_write)
        self._reaped = False

    @staticmethod
    def _child(model_read: int, result_write: int, fonts: FontChoice) -> None:
        code = 0
        try:
            from reportgen.writers.pdf import preload, write_pdf

            preload(fonts)
            with os.fdopen(model_read, "rb") as pipe:
                data = pipe.read()
            if not data:  # the parent found the input bad, or stopped
                os._exit(0)
            # the fonts and the model live as long as this process, which ends when the
            # PDF is sent: nothing is worth the collector's passes (~8 % of the PDF's time)
            gc.freeze()
            gc.disable()
            model = pickle.loads(data)
            result = write_pdf(model, fonts)
            payload = pickle.dumps((result.data, result.pages, result.heading_pages))
        except BaseException as err:  # handed to the parent, which raises it
            payload = pickle.dumps(err)
            code = 1
        try:
            with os.fdopen(result_write, "wb") as pipe:
                pipe.write(payload)
        finally:
            os._exit(code)

    def send(self, model: Document) -> None:
        """Hand the model over; if the PDF process has ended already (it failed to load
        the fonts, or was killed), what it said, or how it died, is raised instead."""
        data = pickle.dumps(model, protocol=pickle.HIGHEST_PROTOCOL)
        fd, self._model_write = self._model_write, -1
        try:
            with os.fdopen(fd, "wb") as pipe:
                pipe.write(data)
        except BrokenPipeError:
            self.result()  # raises the PDF process's own error, or PdfProcessDied
            raise PdfProcessDied("the PDF process stopped reading the document") from None

    def result(self) -> tuple[bytes, int, dict[str, int]]:
        """Wait for the PDF; an error raised in the PDF process is raised here."""
        with os.fdopen(self._result_read, "rb") as pipe:
            payload = pipe.read()
        self._result_read = -1
        _, status = os.waitpid(self.pid, 0)
        self._reaped = True
        try:
            received = pickle.loads(payload) if payload else None
        except Exception:  # cut short: the process died while sending
            received = None
        if received is None:
            raise PdfProcessDied(_how_it_ended(status))
        if isinstance(received, BaseException):
            raise received
        return received

    def cancel(self) -> None:
        """No model will come: end the process (it has written nothing) and reap it."""
        for fd in (self._model_write, self._result_read):
            if fd >= 0:
                os.close(fd)
        self._model_write = self._result_read = -1
        if not self._reaped:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
            self._reaped = True


class PdfProcessDied(RuntimeError):
    """The forked PDF process ended without sending the PDF (killed, out of memory)."""


def _how_it_ended(status: int) -> str:
    if os.WIFSIGNALED(status):
        number = os.WTERMSIG(status)
        try:
            name = signal.Signals(number).name
        except ValueError:
            name = f"signal {number}"
        hint = ", perhaps by the out-of-memory killer" if number == signal.SIGKILL else ""
        return f"the PDF process died: killed by {name}{hint}"
    return f"the PDF process died (exit status {os.WEXITSTATUS(status)})"


def _die_with(parent: int) -> None:
    """A PDF process ends when the build that forked it is killed (Linux), instead of
    finishing work nobody will read."""
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # killed before the line above took effect
        os._exit(0)


def _needs_pages(model: Document) -> bool:
    return any(isinstance(b, Contents) for b in model.front + model.body)


def render(
    model: Document, formats: tuple[str, ...], fonts: FontChoice, pdf_process: PdfProcess | None
) -> Rendered:
    """Every requested format's bytes; nothing is written here.

    With a PDF process (where processes can be forked) the PDF is made there. The DOCX
    needs the PDF's page numbers only for its contents: it is written with a token in
    their place while the PDF process lays out the PDF (the two writers run on two
    cores), then the document part is completed and zipped last."""
    want_pdf = "pdf" in formats or ("docx" in formats and _needs_pages(model))
    # a PDF laid out only for the DOCX's page numbers is not tagged (the same pages)
    pdf_model = model if "pdf" in formats else _untagged(model)
    if pdf_process and want_pdf:
        return _render_in_parallel(model, pdf_model, formats, pdf_process, fonts)
    if pdf_process:
        pdf_process.cancel()
    out: dict[str, bytes] = {}
    page_numbers: dict[str, int] = {}
    pages = 0
    if want_pdf:
        from reportgen.writers.pdf import write_pdf

        result = write_pdf(pdf_model, fonts)
        page_numbers, pages = result.heading_pages, result.pages
        if "pdf" in formats:
            out["pdf"] = result.data
    if "docx" in formats:
        from reportgen.writers.docx import write_docx

        out["docx"] = write_docx(model, page_numbers, fonts)
    return Rendered(out, pages)


def _untagged(model: Document) -> Document:
    return dataclasses.replace(model, page=dataclasses.replace(model.page, tagged=False))


def _render_in_parallel(
    model: Document,
    pdf_model: Document,
    formats: tuple[str, ...],
    pdf: PdfProcess,
    fonts: FontChoice,
) -> Rendered:
    pdf.send(pdf_model)
    if "docx" not in formats:
        data, pages, _ = pdf.result()
        return Rendered({"pdf": data}, pages)
    try:
        from reportgen.writers.docx import start_docx

        docx = start_docx(model, fonts)
    except BaseException:
        pdf.cancel()
        raise
    try:
        data, pages, heading_pages = pdf.result()
    except BaseException:
        docx.discard()
        raise
    out = {"docx": docx.finish(heading_pages)}
    if "pdf" in formats:
        out["pdf"] = data
    return Rendered(out, pages)


def build_document(
    folder: Path, out_dir: Path, formats: tuple[str, ...], fonts: FontChoice | None = None
) -> BuildResult:
    """Build one document folder into `out_dir`; outputs are written only if all render."""
    start = time.perf_counter()
    name = folder.name
    # the PDF (or, for a DOCX with contents, its page numbers) is made in a process
    # forked now; a DOCX-only build of a document without contents ends it unused
    pdf_process = PdfProcess(fonts or discover(need_cjk=True)) if can_fork() else None
    # Objects that outlive what follows (modules, then the document model) are set
    # aside from the cyclic garbage collector, whose full collections would otherwise
    # scan the whole model again and again while a writer runs (a third of the PDF's
    # time); they are handed back at the end, so a batch of documents frees each model.
    # While the input is read and laid out (imports, validation, layout: short-lived
    # objects by the hundred thousand, few cycles) the collector does not run at all
    # (~3 % of that work); it runs again, and frees what became garbage, when it is done.
    gc.freeze()
    collecting = gc.isenabled()
    gc.disable()
    try:
        model = check_document(folder)
    except BaseException:
        gc.unfreeze()
        if pdf_process:
            pdf_process.cancel()
        raise
    finally:
        if collecting:
            gc.enable()
    cjk = bool(model.fonts and model.fonts.script == "cjk")
    fonts = fonts or discover(need_cjk=cjk)
    gc.freeze()
    try:
        rendered = render(model, formats, fonts, pdf_process)
    finally:
        gc.unfreeze()
    files = {out_dir / f"{name}.{fmt}": rendered.files[fmt] for fmt in formats}
    write_outputs(files)  # every format replaced together, or none
    return BuildResult(name, list(files), rendered.pages, time.perf_counter() - start)
