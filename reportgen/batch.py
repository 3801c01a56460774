"""Building many documents: one per worker process, skipping those whose inputs, tool,
fonts and formats are unchanged since their outputs were written."""

from __future__ import annotations

import hashlib
import json
import os
import stat
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from reportgen.cache import reportgen_files
from reportgen.fonts import FontChoice
from reportgen.inputs.limits import MAX_FINGERPRINT_BYTES
from reportgen.output import write_atomic

STAMPS = ".reportgen"  # beside the outputs: one JSON stamp per document


@dataclass
class Outcome:
    name: str
    status: str  # built | skipped | failed
    outputs: list[str] = field(default_factory=list)
    pages: int = 0
    seconds: float = 0.0
    problems: list[str] = field(default_factory=list)
    code: int = 0  # 0 built or skipped, 2 input error, 1 anything else


def fingerprint(folder: Path, formats: tuple[str, ...], fonts: FontChoice) -> str:
    """Everything an output depends on: the folder's files, the tool, fonts, formats."""
    digest = hashlib.sha256(reportgen_files().encode())
    digest.update(",".join(formats).encode())
    digest.update(os.environ.get("SOURCE_DATE_EPOCH", "").encode())
    font_files = [*fonts.latin.values(), fonts.cjk_body, fonts.cjk_heading]
    font_files += [fonts.arabic, fonts.arabic_bold]
    for font in font_files:
        if font is not None:
            stat = font.path.stat()
            digest.update(f"{font.path}#{font.index}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    for relative, entry in _entries(folder):
        digest.update(b"\0" + relative.encode() + b"\0")
        digest.update(_entry_digest(entry))
    return digest.hexdigest()


def _entries(folder: Path):
    """Every entry under `folder` (sorted by relative path), links not followed."""
    found = []
    stack = [(folder, "")]
    while stack:
        where, prefix = stack.pop()
        try:
            with os.scandir(where) as entries:
                for entry in entries:
                    relative = prefix + entry.name
                    found.append((relative, entry))
                    if entry.is_dir(follow_symlinks=False):
                        stack.append((Path(entry.path), relative + "/"))
        except OSError:  # an unreadable folder: its name is all that is known
            continue
    return sorted(found, key=lambda item: item[0])


def _entry_digest(entry: os.DirEntry) -> bytes:
    """What an entry of a document folder contributes to the fingerprint, read without
    following a link (a link's target path is enough: what it leads to inside the folder
    is an entry itself, and a file outside is never read) and without opening anything
    but a regular file (a FIFO would block). A file larger than MAX_FINGERPRINT_BYTES,
    or one that cannot be read, is known by its size and time; the build reports it."""
    try:
        if entry.is_symlink():
            return b"link:" + os.fsencode(os.readlink(entry.path))
        info = entry.stat(follow_symlinks=False)
    except OSError:
        return b"gone"
    if stat.S_ISDIR(info.st_mode):
        return b"folder"
    if not stat.S_ISREG(info.st_mode):
        return b"special:%o" % stat.S_IFMT(info.st_mode)
    known = b"file:%d:%d" % (info.st_size, info.st_mtime_ns)
    if info.st_size > MAX_FINGERPRINT_BYTES:
        return known
    try:
        return b"sha:" + _file_sha(entry.path, info.st_size).encode()
    except OSError:
        return known


def _file_sha(path: str | Path, size: int | None = None) -> str:
    """A regular file's SHA-256, read in blocks; opened without following a link and
    without blocking, and refused (OSError) if it is not a regular file."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    fd = os.open(path, flags)
    with os.fdopen(fd, "rb") as f:
        if not stat.S_ISREG(os.fstat(f.fileno()).st_mode):
            raise OSError(f"{path}: not a regular file")
        if size is not None and size <= 1 << 20:  # most inputs: one read
            return hashlib.sha256(f.read()).hexdigest()
        digest = hashlib.sha256()
        while block := f.read(1 << 20):
            digest.update(block)
        return digest.hexdigest()


def _sha(path: Path) -> str:
    return _file_sha(path)


def _stamp_path(out_dir: Path, name: str) -> Path:
    return out_dir / STAMPS / f"{name}.json"


def up_to_date(
    out_dir: Path, name: str, key: str, formats: tuple[str, ...] | None = None
) -> dict | None:
    """The stamp of outputs built from the same inputs, if they are all still there as
    they were written. A stamp that is not exactly what this module writes (damaged,
    edited, naming other files) is no stamp: the document is built again."""
    try:
        stamp = json.loads(_stamp_path(out_dir, name).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(stamp, dict) or stamp.get("fingerprint") != key:
        return None
    outputs = stamp.get("outputs")
    expected = {f"{name}.{fmt}" for fmt in formats} if formats else None
    if not isinstance(outputs, dict) or not outputs:
        return None
    if expected is not None and set(outputs) != expected:
        return None
    if not isinstance(stamp.get("pages", 0), int):
        return None
    for output, digest in outputs.items():
        if not isinstance(output, str) or not isinstance(digest, str):
            return None
        if output != Path(output).name or not output.startswith(f"{name}."):
            return None  # only the document's own outputs, in OUT
        try:
            if _sha(out_dir / output) != digest:
                return None
        except OSError:
            return None
    return stamp


def build_one(
    folder: Path,
    out_dir: Path,
    formats: tuple[str, ...],
    fonts: FontChoice,
    force: bool = False,
    debug: bool = False,
) -> Outcome:
    """Build one document unless it is up to date; never raises for a bad document."""
    from reportgen.build import build_document
    from reportgen.errors import InputError

    name = folder.name
    start = time.perf_counter()
    key = fingerprint(folder, formats, fonts)
    stamp = None if force else up_to_date(out_dir, name, key, formats)
    if stamp is not None:
        return Outcome(
            name,
            "skipped",
            list(stamp["outputs"]),
            stamp.get("pages", 0),
            time.perf_counter() - start,
        )
    try:
        result = build_document(folder, out_dir, formats, fonts)
        outputs = {p.name: _sha(p) for p in result.outputs}
        record = {"fingerprint": key, "outputs": outputs, "pages": result.pages}
        write_atomic(_stamp_path(out_dir, name), json.dumps(record, indent=1).encode())
    except InputError as err:
        return Outcome(
            name,
            "failed",
            problems=capped(err.problems),
            code=2,
            seconds=time.perf_counter() - start,
        )
    except Exception as err:  # reported, and the rest of the batch goes on
        return Outcome(
            name,
            "failed",
            problems=[f"{name}: {failure(err, debug)}"],
            code=1,
            seconds=time.perf_counter() - start,
        )
    return Outcome(name, "built", list(outputs), result.pages, time.perf_counter() - start)


def failure(err: BaseException, debug: bool = False) -> str:
    """One line for a failure that is not an input mistake: what happened where it is
    known (an output that cannot be written, the PDF process killed), else "internal
    error" (with the traceback under --debug)."""
    from reportgen.build import PdfProcessDied
    from reportgen.output import OutputError

    if isinstance(err, (OutputError, PdfProcessDied)):
        return str(err)
    if isinstance(err, MemoryError):
        return "out of memory"
    if debug:
        import traceback

        return "".join(traceback.format_exception(err))
    return f"internal error: {err!r}"


def capped(problems: list) -> list[str]:
    """The messages of a document's problems (already capped per file by InputError)."""
    return [str(p) for p in problems]


def run_batch(
    folders: list[Path],
    out_dir: Path,
    formats: tuple[str, ...],
    fonts: FontChoice,
    jobs: int,
    force: bool = False,
    debug: bool = False,
    on_done=None,
) -> list[Outcome]:
    """Every document, `jobs` at a time; outcomes in the order of `folders`."""
    outcomes: dict[Path, Outcome] = {}

    def done(folder: Path, outcome: Outcome) -> None:
        outcomes[folder] = outcome
        if on_done:
            on_done(outcome, len(outcomes), len(folders))

    if jobs <= 1 or len(folders) <= 1:
        for n, folder in enumerate(folders):
            outcome = build_one(folder, out_dir, formats, fonts, force, debug)
            done(folder, outcome)
            if outcome.status == "built" and n + 1 < len(folders):
                preload_pdf_writer(fonts)  # for the documents still to come
    else:
        if force:  # every document will be built: its worker and PDF process inherit it
            preload_pdf_writer(fonts)
        left = _in_pool(
            folders, min(jobs, len(folders)), done, out_dir, formats, fonts, force, debug
        )
        for folder in left:  # a worker died (killed, out of memory): each alone, once more
            if not _in_pool([folder], 1, done, out_dir, formats, fonts, force, debug):
                continue
            done(
                folder,
                Outcome(
                    folder.name,
                    "failed",
                    problems=[
                        f"{folder.name}: the process building it died (killed, or out of memory)"
                    ],
                    code=1,
                ),
            )
    return [outcomes[f] for f in folders]


def _in_pool(
    folders: list[Path], workers: int, done, out_dir, formats, fonts, force, debug
) -> list[Path]:
    """Build `folders` in a pool of `workers` processes; the folders whose worker died
    before it reported (all those unfinished once one dies) are returned."""
    from concurrent.futures import ProcessPoolExecutor, as_completed
    from concurrent.futures.process import BrokenProcessPool

    left: list[Path] = []
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = {
            pool.submit(build_one, folder, out_dir, formats, fonts, force, debug): folder
            for folder in folders
        }
        try:
            for future in as_completed(futures):
                try:
                    outcome = future.result()
                except BrokenProcessPool:
                    left.append(futures[future])
                    continue
                done(futures[future], outcome)
        except KeyboardInterrupt:
            pool.shutdown(wait=False, cancel_futures=True)
            raise
    return sorted(left, key=folders.index)


def preload_pdf_writer(fonts: FontChoice) -> None:
    """With several documents to build, the PDF writer and its fonts are loaded once,
    here, before the next PDF process (or worker) is forked: each inherits them instead
    of loading them again (~0.3 s a document). The first document leaves it to its own
    PDF process, which loads them while the document is being read; nothing is loaded
    for documents that are up to date. Loading twice is a no-op."""
    from reportgen.build import can_fork
    from reportgen.writers.pdf import preload

    if can_fork():
        preload(fonts)


def summary(outcomes: list[Outcome], seconds: float) -> dict:
    counts = {s: sum(o.status == s for o in outcomes) for s in ("built", "skipped", "failed")}
    return {"documents": [asdict(o) for o in outcomes], **counts, "seconds": round(seconds, 3)}
