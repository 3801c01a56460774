"""Building many documents: one per worker process, skipping those whose inputs, tool,
fonts and formats are unchanged since their outputs were written."""

from __future__ import annotations

import hashlib
import json
import os
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from reportgen.cache import reportgen_files
from reportgen.fonts import FontChoice
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
    for font in font_files:
        if font is not None:
            stat = font.path.stat()
            digest.update(f"{font.path}#{font.index}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(folder)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _stamp_path(out_dir: Path, name: str) -> Path:
    return out_dir / STAMPS / f"{name}.json"


def up_to_date(out_dir: Path, name: str, key: str) -> dict | None:
    """The stamp of outputs built from the same inputs, if they are all still there."""
    try:
        stamp = json.loads(_stamp_path(out_dir, name).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if stamp.get("fingerprint") != key:
        return None
    for output, digest in stamp.get("outputs", {}).items():
        path = out_dir / output
        if not path.is_file() or _sha(path) != digest:
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
    stamp = None if force else up_to_date(out_dir, name, key)
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
    except InputError as err:
        return Outcome(
            name,
            "failed",
            problems=[str(p) for p in err.problems],
            code=2,
            seconds=time.perf_counter() - start,
        )
    except Exception as err:  # reported, and the rest of the batch goes on
        import traceback

        detail = traceback.format_exc() if debug else f"internal error: {err!r}"
        return Outcome(
            name,
            "failed",
            problems=[f"{name}: {detail}"],
            code=1,
            seconds=time.perf_counter() - start,
        )
    outputs = {p.name: _sha(p) for p in result.outputs}
    record = {"fingerprint": key, "outputs": outputs, "pages": result.pages}
    write_atomic(_stamp_path(out_dir, name), json.dumps(record, indent=1).encode())
    return Outcome(name, "built", list(outputs), result.pages, time.perf_counter() - start)


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
                _preload_pdf_writer(fonts)  # for the documents still to come
    else:
        if force:  # every document will be built: its worker and PDF process inherit it
            _preload_pdf_writer(fonts)
        from concurrent.futures import ProcessPoolExecutor, as_completed

        with ProcessPoolExecutor(max_workers=min(jobs, len(folders))) as pool:
            futures = {
                pool.submit(build_one, folder, out_dir, formats, fonts, force, debug): folder
                for folder in folders
            }
            try:
                for future in as_completed(futures):
                    done(futures[future], future.result())
            except KeyboardInterrupt:
                pool.shutdown(wait=False, cancel_futures=True)
                raise
    return [outcomes[f] for f in folders]


def _preload_pdf_writer(fonts: FontChoice) -> None:
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
