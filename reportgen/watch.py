"""`reportgen watch`: rebuild the documents whose files change, each time one is saved.

The same build as `reportgen build` (`batch.build_one`: a document whose inputs did
not change is skipped, outputs are replaced whole or not at all, so a broken input
keeps the last good output). This process keeps the input libraries and the PDF
writer loaded between saves, so a rebuild costs what the document costs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from reportgen import warnings
from reportgen.batch import Outcome, build_one, preload_pdf_writer
from reportgen.errors import InputError
from reportgen.fonts import FontChoice
from reportgen.inputs.finding import find_documents

Report = Callable[[Outcome], None]


def affected(folders: list[Path], changed: Iterable[Path]) -> list[Path]:
    """The document folders holding a changed file, in the order of `folders`."""
    changed = [p.resolve() for p in changed]
    return [f for f in folders if any(p.is_relative_to(f.resolve()) for p in changed)]


def rebuild(
    folders: list[Path],
    out_dir: Path,
    formats: tuple[str, ...],
    fonts: FontChoice,
    report: Report,
    debug: bool = False,
) -> None:
    """Build each folder (skipped when up to date) and report its outcome."""
    warnings.forget()  # a slip still there is warned at each rebuild
    for folder in folders:
        report(build_one(folder, out_dir, formats, fonts, False, debug))


def watch(
    paths: list[Path],
    out_dir: Path,
    formats: tuple[str, ...],
    fonts: FontChoice,
    report: Report,
    on_error: Callable[[InputError], None],
    debug: bool = False,
    ready: Callable[[list[Path]], None] | None = None,
) -> None:
    """Build the documents under `paths`, then again each one whose files change, until
    interrupted (KeyboardInterrupt is the caller's to catch). Folders added under a
    path are found at the next change; changes inside `out_dir` are ignored."""
    import watchfiles

    folders = find_documents(paths)
    rebuild(folders, out_dir, formats, fonts, report, debug)
    preload_pdf_writer(fonts)  # each rebuild's PDF process inherits the writer
    if ready:
        ready(folders)
    out = out_dir.resolve()

    def wanted(change: watchfiles.Change, path: str) -> bool:
        return watchfiles.DefaultFilter()(change, path) and not Path(path).is_relative_to(out)

    for changes in watchfiles.watch(*paths, watch_filter=wanted, debounce=400, step=30):
        try:
            folders = find_documents(paths)  # a folder may have come or gone
        except InputError as err:
            on_error(err)
            continue
        changed = [Path(path) for _, path in changes]
        rebuild(affected(folders, changed), out_dir, formats, fonts, report, debug)
