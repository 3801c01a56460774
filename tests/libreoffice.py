"""LibreOffice as a second reader of our DOCX files: convert to PDF, update every index
and field as an editor would (through UNO, see lo_update.py), and read PDFs back page by
page (text, lines, pictures) with pypdfium2.

Every soffice run gets its own user profile in a temporary folder and its own process
group, is killed (the whole group) when it outlives its timeout, and leaves nothing
behind: parallel or repeated runs do not collide.
"""

from __future__ import annotations

import ctypes
import functools
import json
import os
import re
import shutil
import signal
import subprocess
import tempfile
import unicodedata
import zipfile
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from lxml import etree

HERE = Path(__file__).resolve().parent
UPDATE_SCRIPT = HERE / "lo_update.py"
SOFFICE_PATHS = ("/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice")
UNO_PYTHONS = ("/usr/bin/python3", "/usr/lib/libreoffice/program/python")
TIMEOUT = 180.0  # seconds for one soffice run

# PDF export as Word prints: keep the blank pages that odd-page section breaks insert
# (LibreOffice leaves them out by default). JSON filter options need LibreOffice 7.4.
PDF_FILTER = 'pdf:writer_pdf_Export:{"IsSkipEmptyPages":{"type":"boolean","value":"false"}}'

# Running heads and page numbers lie within these many points of the top or bottom edge.
# LibreOffice puts them inside the page margins; a two-line head reaches 55 pt from the
# top, and on the first page of a section that starts on an odd page LibreOffice 7.4's
# body comes to 50 pt from the edge (it imports that page style without header spacing).
EDGE = 80.0
PAGE_NUMBER_EDGE = 50.0
LEADER = re.compile(r"[.·…]{4,}")  # the dots of a contents line's tab leader
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

Box = tuple[float, float, float, float]  # left, bottom, right, top in PDF points


class LibreOfficeError(RuntimeError):
    """soffice failed, timed out, or produced nothing."""


# --- finding LibreOffice --------------------------------------------------------------


@functools.cache
def soffice() -> str | None:
    """The soffice launcher: $SOFFICE, PATH, or Debian's locations."""
    for candidate in (os.environ.get("SOFFICE"), shutil.which("soffice"), *SOFFICE_PATHS):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


@functools.cache
def uno_python() -> str | None:
    """A Python that can `import uno` (the system one on Debian: python3-uno)."""
    for candidate in (os.environ.get("UNO_PYTHON"), *UNO_PYTHONS):
        if not candidate or not os.access(candidate, os.X_OK):
            continue
        try:
            check = subprocess.run([candidate, "-c", "import uno"], capture_output=True, timeout=30)
        except (OSError, subprocess.TimeoutExpired):
            continue
        if check.returncode == 0:
            return candidate
    return None


def missing() -> str | None:
    """Why the LibreOffice tests cannot run, or None."""
    if soffice() is None:
        return "soffice not found (apt-get install libreoffice-writer-nogui)"
    if uno_python() is None:
        return "no Python with the uno module (apt-get install python3-uno)"
    return None


def available() -> bool:
    return missing() is None


# --- running soffice ------------------------------------------------------------------


def _run(
    args: Sequence[str], timeout: float, what: str, pgid_file: Path | None = None
) -> subprocess.CompletedProcess:
    """Run in a new process group; on timeout kill the group, and the group whose id the
    command wrote to `pgid_file` (lo_update.py's soffice). Afterwards kill whatever of
    the group is left (soffice.bin may outlive its oosplash launcher)."""
    proc = subprocess.Popen(
        args,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        errors="replace",
        start_new_session=True,
    )
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill_group(proc.pid)
        if pgid_file is not None and pgid_file.is_file():
            _kill_group(int(pgid_file.read_text()))
        out, err = proc.communicate()
        raise LibreOfficeError(
            f"{what}: no result after {timeout:.0f} s, killed\nstdout: {out}\nstderr: {err}"
        ) from None
    finally:
        _kill_group(proc.pid)
    return subprocess.CompletedProcess(args, proc.returncode, out, err)


def _kill_group(pgid: int) -> None:
    try:
        os.killpg(pgid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def _profile_option(folder: Path) -> str:
    _font_replacements(folder / "profile")
    return f"-env:UserInstallation={(folder / 'profile').as_uri()}"


# LibreOffice's replacement table (Tools > Options > Fonts) in a fresh profile: the
# DOCX names Word's Arabic face, which a Linux machine lacks; LibreOffice is given the
# face the PDF embeds in its place, as Word on Windows has Simplified Arabic.
_XCU = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
 xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Common/Font/Substitution"><prop oor:name="Replacement"
 oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Font/Substitution/FontPairs"><node oor:name="_0"
 oor:op="replace"><prop oor:name="Always" oor:op="fuse"><value>true</value></prop><prop
 oor:name="OnScreenOnly" oor:op="fuse"><value>false</value></prop><prop oor:name="ReplaceFont"
 oor:op="fuse"><value>{word}</value></prop><prop oor:name="SubstituteFont"
 oor:op="fuse"><value>{face}</value></prop></node></item>
</oor:items>
"""


def _font_replacements(profile: Path) -> None:
    from fontTools.ttLib import TTFont

    from reportgen.fonts import discover
    from reportgen.model import FontSet

    arabic = discover().arabic
    if arabic is None:
        return
    face = TTFont(str(arabic.path), fontNumber=arabic.index, lazy=True)["name"].getDebugName(1)
    user = profile / "user"
    user.mkdir(parents=True, exist_ok=True)
    xcu = _XCU.format(word=FontSet().complex_script, face=face)
    (user / "registrymodifications.xcu").write_text(xcu, "utf-8")


def _copies(docxs: Sequence[Path], folder: Path) -> list[Path]:
    """The DOCX files copied to folder/<n>/<name>: LibreOffice writes its lock files
    (.~lock.*#, left behind when soffice is killed) next to what it opens."""
    copies = []
    for n, docx in enumerate(docxs):
        (folder / str(n)).mkdir(parents=True)
        copies.append(Path(shutil.copy2(docx, folder / str(n) / docx.name)))
    return copies


def to_pdfs(docxs: Sequence[Path], out_dir: Path, timeout: float = TIMEOUT) -> list[Path]:
    """Convert DOCX files to PDF in one headless soffice run; the PDFs, in order."""
    if missing():
        raise LibreOfficeError(missing())
    docxs = [Path(d).resolve() for d in docxs]
    stems = [d.stem for d in docxs]
    if len(set(stems)) != len(stems):
        raise ValueError(f"two DOCX files would write the same PDF: {stems}")
    out_dir.mkdir(parents=True, exist_ok=True)
    pdfs = [out_dir / f"{stem}.pdf" for stem in stems]
    for pdf in pdfs:
        pdf.unlink(missing_ok=True)  # so a stale PDF is never taken for a result
    with tempfile.TemporaryDirectory(prefix="reportgen-lo-", ignore_cleanup_errors=True) as tmp:
        copies = _copies(docxs, Path(tmp) / "in")
        args = [soffice(), _profile_option(Path(tmp)), "--headless", "--norestore",
                "--nolockcheck", "--convert-to", PDF_FILTER, "--outdir", str(out_dir),
                *map(str, copies)]  # fmt: skip
        run = _run(args, timeout, "soffice --convert-to pdf")
    lost = [d.name for d, pdf in zip(docxs, pdfs, strict=True) if not pdf.is_file()]
    if run.returncode != 0 or lost:
        raise LibreOfficeError(
            f"soffice --convert-to pdf exited with {run.returncode}; no PDF for {lost}\n"
            f"stdout: {run.stdout}\nstderr: {run.stderr}"
        )
    return pdfs


def to_pdf(docx: Path, out_dir: Path, timeout: float = TIMEOUT) -> Path:
    """Convert one DOCX to `out_dir/<stem>.pdf`."""
    return to_pdfs([docx], out_dir, timeout)[0]


def update_all(
    docxs: Sequence[Path], pdf_dir: Path | None = None, timeout: float = TIMEOUT
) -> dict[Path, dict]:
    """Open each DOCX in one soffice, update every index and field (lo_update.py), and
    return {docx: {"before": state, "after": state, "notes": [...], "pdf": path|None}}.

    A state holds the counts of footnotes, endnotes and document indexes, and the lines
    of the contents. With `pdf_dir`, the updated documents are also saved there as PDF.
    """
    if missing():
        raise LibreOfficeError(missing())
    docxs = [Path(d).resolve() for d in docxs]
    with tempfile.TemporaryDirectory(prefix="reportgen-lo-", ignore_cleanup_errors=True) as tmp:
        copies = _copies(docxs, Path(tmp) / "in")
        report, pgid = Path(tmp) / "update.json", Path(tmp) / "soffice.pgid"
        _font_replacements(Path(tmp) / "profile")
        args = [uno_python(), str(UPDATE_SCRIPT), "--soffice", soffice(),
                "--profile", str(Path(tmp) / "profile"), "--json", str(report),
                "--pgid-file", str(pgid)]  # fmt: skip
        if pdf_dir is not None:
            pdf_dir.mkdir(parents=True, exist_ok=True)
            args += ["--pdf-dir", str(pdf_dir.resolve())]
        run = _run([*args, *map(str, copies)], timeout + 30 * len(docxs), "lo_update.py", pgid)
        if run.returncode != 0 or not report.is_file():
            raise LibreOfficeError(
                f"lo_update.py exited with {run.returncode}\n"
                f"stdout: {run.stdout}\nstderr: {run.stderr}"
            )
        results = json.loads(report.read_text(encoding="utf-8"))
    out = {}
    for docx, copy in zip(docxs, copies, strict=True):
        result = results.get(str(copy)) or {"error": "no result"}
        if result.get("error"):
            raise LibreOfficeError(f"{docx.name}: {result['error']}")
        out[docx] = result
    return out


def update_everything(docx: Path, pdf_out: Path | None = None) -> dict:
    """Update every index and field of one DOCX in LibreOffice; {"before", "after", ...}.
    With `pdf_out`, the updated document is saved there as PDF."""
    with tempfile.TemporaryDirectory(prefix="reportgen-lo-pdf-") as tmp:
        result = update_all([docx], Path(tmp) if pdf_out else None)[Path(docx).resolve()]
        if pdf_out:
            pdf_out.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(result["pdf"], pdf_out)
            result["pdf"] = str(pdf_out)
    return result


# --- reading a PDF back ---------------------------------------------------------------


@dataclass
class Char:
    text: str
    box: Box
    size: float  # font size in points


@dataclass(eq=False)  # compared by identity
class Line:
    """A run of characters pdfium reads as one line (a table row may be one line)."""

    chars: list[Char]

    @property
    def text(self) -> str:
        joined = "".join(c.text for c in self.chars)
        return joined.encode("utf-16", "surrogatepass").decode("utf-16", "replace")

    @property
    def box(self) -> Box:
        return union(c.box for c in self.chars)

    @property
    def size(self) -> float:
        return max(c.size for c in self.chars)

    @property
    def middle(self) -> float:
        _, bottom, _, top = self.box
        return (bottom + top) / 2


@dataclass
class Picture:
    box: Box  # the part shown: the placed image cut by its clip path
    placed: Box  # the whole image as placed


@dataclass
class Page:
    number: int  # from 1
    width: float
    height: float
    text: str  # pdfium's text of the page
    lines: list[Line]  # in the order of the content stream
    pictures: list[Picture]
    links: list[str] = field(default_factory=list)  # URIs of link annotations

    @property
    def chars(self) -> list[Char]:
        return [c for line in self.lines for c in line.chars]

    def is_furniture(self, line: Line, furniture: Collection[str] = ()) -> bool:
        """A running head or footer: a line near the top or bottom edge that is part of a
        header or footer text (`furniture`, squashed); or a page number: digits nearer
        still (footnotes come down to the bottom margin, 72 pt)."""
        edge = min(line.middle, self.height - line.middle)
        text = squash(line.text)
        if text.isdigit():
            return edge < PAGE_NUMBER_EDGE
        return edge < EDGE and any(text in f for f in furniture)

    def parts(self, furniture: Collection[str] = ()) -> tuple[list[Line], list[Line], list[Line]]:
        """(body, footnotes, running heads and page numbers) lines; `furniture`: the
        header and footer texts (see `docx_furniture`).

        Footnotes are small type (under 9 pt) below the page's last line of body-size type
        (9.5 pt or more), as readback.pdf_text has it. (LibreOffice does not draw the
        footnote separator on every page, so the rule cannot tell.)
        """
        heads = [line for line in self.lines if self.is_furniture(line, furniture)]
        rest = [line for line in self.lines if line not in heads]
        lowest = min((line.box[1] for line in rest if line.size >= 9.5), default=0.0)
        notes = [line for line in rest if line.size < 9 and line.box[3] < lowest]
        body = [line for line in rest if line not in notes]
        return body, notes, heads


def squash(text: str) -> str:
    """White space removed, full-width forms folded (as readback.normalise)."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def docx_furniture(docx: Path) -> set[str]:
    """The squashed text of every paragraph of the DOCX's headers and footers."""
    texts = set()
    with zipfile.ZipFile(docx) as z:
        for name in z.namelist():
            if re.fullmatch(r"word/(header|footer)\d*\.xml", name):
                root = etree.fromstring(z.read(name))
                for p in root.iter(f"{W}p"):
                    text = squash("".join(t.text or "" for t in p.iter(f"{W}t")))
                    if text:
                        texts.add(text)
    return texts


def union(boxes: Iterable[Box]) -> Box:
    boxes = list(boxes)
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


def intersection(a: Box, b: Box) -> Box | None:
    box = (max(a[0], b[0]), max(a[1], b[1]), min(a[2], b[2]), min(a[3], b[3]))
    return box if box[0] < box[2] and box[1] < box[3] else None


def _lines(textpage: pdfium.PdfTextPage) -> list[Line]:
    """Characters grouped into lines at pdfium's own (generated) line breaks; white
    space dropped."""
    lines, current = [], []
    for i in range(textpage.count_chars()):
        text = chr(pdfium_c.FPDFText_GetUnicode(textpage, i))
        if text == "\x02":  # pdfium's mark for a hyphen at the end of a line
            text = "-"
        if text == "\n" or text == "\r":
            if current:
                lines.append(Line(current))
                current = []
            continue
        if text.isspace() or text == "\x00" or pdfium_c.FPDFText_IsGenerated(textpage, i):
            continue
        size = pdfium_c.FPDFText_GetFontSize(textpage, i)
        current.append(Char(text, textpage.get_charbox(i), size))
    if current:
        lines.append(Line(current))
    return lines


def _clip_box(obj: pdfium.PdfObject) -> Box | None:
    """Bounding box of the object's clip path (the intersection of its paths)."""
    clip = pdfium_c.FPDFPageObj_GetClipPath(obj)
    if not clip:
        return None
    box: Box | None = None
    for p in range(pdfium_c.FPDFClipPath_CountPaths(clip)):
        xs, ys = [], []
        for s in range(pdfium_c.FPDFClipPath_CountPathSegments(clip, p)):
            segment = pdfium_c.FPDFClipPath_GetPathSegment(clip, p, s)
            x, y = ctypes.c_float(), ctypes.c_float()
            if pdfium_c.FPDFPathSegment_GetPoint(segment, x, y):
                xs.append(x.value)
                ys.append(y.value)
        if xs:
            path = (min(xs), min(ys), max(xs), max(ys))
            box = path if box is None else intersection(box, path) or (0.0, 0.0, 0.0, 0.0)
    return box


def _pictures(page: pdfium.PdfPage) -> list[Picture]:
    """Images on the page (top level only: LibreOffice does not nest them in forms)."""
    pictures = []
    for obj in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=1):
        placed = tuple(obj.get_bounds())
        clip = _clip_box(obj)
        shown = placed if clip is None else intersection(placed, clip)
        pictures.append(Picture(shown or (placed[0], placed[1], placed[0], placed[1]), placed))
    return pictures


def _links(page: pdfium.PdfPage) -> list[str]:
    uris, pos, link = [], ctypes.c_int(0), pdfium_c.FPDF_LINK()
    while pdfium_c.FPDFLink_Enumerate(page, ctypes.byref(pos), ctypes.byref(link)):
        action = pdfium_c.FPDFLink_GetAction(link)
        if not action:
            continue
        n = pdfium_c.FPDFAction_GetURIPath(page.pdf, action, None, 0)
        if n > 1:
            buffer = ctypes.create_string_buffer(n)
            pdfium_c.FPDFAction_GetURIPath(page.pdf, action, buffer, n)
            uris.append(buffer.value.decode("utf-8", "replace"))
    return uris


def read_pdf(path: Path) -> list[Page]:
    """Every page of a PDF: text, lines with character boxes and font sizes, pictures
    and links."""
    pdf = pdfium.PdfDocument(str(path))
    pages = []
    try:
        for index in range(len(pdf)):
            page = pdf[index]
            width, height = page.get_size()
            textpage = page.get_textpage()
            pages.append(
                Page(
                    number=index + 1,
                    width=width,
                    height=height,
                    text=textpage.get_text_range(),
                    lines=_lines(textpage),
                    pictures=_pictures(page),
                    links=_links(page),
                )
            )
            textpage.close()
            page.close()
    finally:
        pdf.close()
    return pages


def reading_text(pages: Sequence[Page], furniture: Collection[str] = ()) -> str:
    """Text as a reader follows it (as readback.pdf_text orders ours): the body across
    pages (without tab leaders), then the footnotes, then running heads and page numbers,
    then link targets."""
    body, notes, heads, links = [], [], [], []
    for page in pages:
        b, n, f = page.parts(furniture)
        body += [LEADER.sub("", line.text) for line in b]
        notes += [line.text for line in n]
        heads += [line.text for line in f]
        links += page.links
    return "\n".join(["".join(body), "\n".join(notes), "\n".join(heads), *links])


def text_over_pictures(page: Page, tolerance: float = 1.0) -> list[tuple[Picture, str]]:
    """(picture, text) for each picture with characters drawn inside its shown box; a
    character counts when its box reaches more than `tolerance` points into the picture."""
    found = []
    for picture in page.pictures:
        left, bottom, right, top = picture.box
        inner = (left + tolerance, bottom + tolerance, right - tolerance, top - tolerance)
        if inner[0] >= inner[2] or inner[1] >= inner[3]:
            continue
        over = "".join(c.text for c in page.chars if intersection(c.box, inner))
        if over:
            found.append((picture, over))
    return found
