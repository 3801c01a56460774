"""The command line: `reportgen build`, `check`, `watch`, `preview`, `diff`, `new`.

Heavy libraries are imported inside the commands, so `reportgen --help` is quick.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from reportgen import __version__


def _formats(value: str) -> tuple[str, ...]:
    from reportgen.build import FORMATS

    chosen = tuple(dict.fromkeys(v.strip().lower() for v in value.split(",") if v.strip()))
    unknown = [f for f in chosen if f not in FORMATS]
    if unknown or not chosen:
        raise click.BadParameter(f"choose from {', '.join(FORMATS)} (got {value!r})")
    return chosen


def _report_input_error(err) -> None:
    for problem in err.problems:
        click.echo(f"error: {problem}", err=True)


_stopping = False


def _stop(signum, frame) -> None:
    """SIGTERM ends a build like Ctrl-C: temporary files are removed on the way out. A
    second signal while that happens ends the process at once (outputs are replaced
    whole or not at all, and what a killed build leaves is removed by the next)."""
    global _stopping
    if _stopping:
        os.write(2, b"interrupted again: stopped at once\n")
        os._exit(130)
    _stopping = True
    raise KeyboardInterrupt


def _interrupted(outcomes_done: list) -> str:
    """What an interrupted build did: the outputs it replaced, and of the others that
    each kept its earlier outputs (a document's formats are replaced together)."""
    from reportgen.output import written

    mine = [p.name for p in written if p.parent.name != ".reportgen"]
    built = [o.name for o in outcomes_done if o.status == "built"]
    parts = []
    if mine:
        parts.append("wrote " + ", ".join(mine))
    elif built:
        parts.append("built " + ", ".join(built))
    else:
        parts.append("no output was written")
    return "interrupted: " + "; ".join(parts) + "; any other output is as it was before"


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="reportgen")
@click.option("--debug", is_flag=True, help="Show Python tracebacks for unexpected failures.")
@click.option("--strict", is_flag=True, help="Treat warnings (font fallback …) as errors.")
@click.pass_context
def main(ctx: click.Context, debug: bool, strict: bool) -> None:
    """Render UN parliamentary documents (secretariat notes, Executive Director's
    reports, proposed programme budget sections) as DOCX and PDF from structured
    inputs: a document folder holds document.yaml and its Markdown narrative."""
    import signal

    from reportgen import warnings

    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)
    warnings.strict = strict
    ctx.obj = {"debug": debug}


def documents_and_outputs(command):
    """PATHS, -o/--out and --format, as build and watch take them."""
    for option in reversed(
        [
            click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path)),
            click.option(
                "-o",
                "--out",
                "out_dir",
                type=click.Path(path_type=Path),
                default=Path("build"),
                show_default=True,
                help="Folder for the outputs, named after each document folder.",
            ),
            click.option(
                "--format",
                "formats",
                default="docx,pdf",
                show_default=True,
                help="Comma-separated formats to write: docx, pdf.",
            ),
        ]
    ):
        command = option(command)
    return command


def font_choices(command):
    """--cjk-font, --arabic-font and --latin-font, as build and watch take them."""
    command = click.option("--latin-font", metavar="PATH", help="TrueType Latin font for the PDF.")(
        command
    )
    command = click.option(
        "--arabic-font",
        metavar="PATH[#INDEX]",
        help="TrueType Arabic font for the PDF; default: discovered (Noto Naskh Arabic, Amiri).",
    )(command)
    return click.option(
        "--cjk-font",
        metavar="PATH[#INDEX]",
        help="TrueType CJK font for the PDF (a .ttc takes #index); default: discovered.",
    )(command)


@main.command()
@documents_and_outputs
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Documents built at once, one per process (default: all cores).",
)
@click.option("--force", is_flag=True, help="Rebuild documents whose inputs have not changed.")
@click.option("--json", "as_json", is_flag=True, help="Print a machine-readable summary.")
@font_choices
@click.pass_context
def build(
    ctx,
    paths: tuple[Path, ...],
    out_dir: Path,
    formats: str,
    jobs: int | None,
    force: bool,
    as_json: bool,
    cjk_font: str | None,
    latin_font: str | None,
    arabic_font: str | None,
) -> None:
    """Build each document folder in PATHS (or every document folder found below
    them) into OUT as NAME.docx and NAME.pdf.

    A document whose inputs, fonts, formats and reportgen itself are unchanged since
    its outputs were written is skipped (a stamp in OUT/.reportgen/ records them).

    Exit status: 0 when all built or up to date, 2 when an input is wrong, 1 otherwise."""
    import json
    import os
    import time

    from reportgen.batch import run_batch, summary
    from reportgen.errors import InputError
    from reportgen.fonts import discover
    from reportgen.inputs.finding import find_documents
    from reportgen.warnings import warn

    start = time.perf_counter()
    chosen = _formats(formats)
    try:
        folders = find_documents(list(paths))
        _unique_names(folders)
        fonts = discover(cjk_font, latin_font, arabic=arabic_font)
        for warning in fonts.warnings:
            warn(warning)
    except InputError as err:
        _report_input_error(err)
        sys.exit(2)
    progress = _Progress(as_json)
    try:
        outcomes = run_batch(
            folders,
            out_dir,
            chosen,
            fonts,
            jobs or os.cpu_count() or 1,
            force,
            ctx.obj["debug"],
            progress.done,
        )
    except KeyboardInterrupt:
        click.echo(_interrupted(progress.outcomes), err=True)
        sys.exit(130)
    progress.close()
    result = summary(outcomes, time.perf_counter() - start)
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False, indent=1))
    else:
        click.echo(
            f"{len(outcomes)} document{'s' * (len(outcomes) != 1)}: {result['built']} built, "
            f"{result['skipped']} "
            f"up to date, {result['failed']} failed in {result['seconds']:.1f} s"
        )
    failed = [o for o in outcomes if o.status == "failed"]
    if failed:
        click.echo(
            f"{len(failed)} of {len(outcomes)} documents failed: "
            + ", ".join(o.name for o in failed),
            err=True,
        )
        sys.exit(1 if any(o.code == 1 for o in failed) else 2)


def _unique_names(folders: list[Path]) -> None:
    from reportgen.errors import InputError, Problem

    seen: dict[str, Path] = {}
    problems = []
    for folder in folders:
        if folder.name in seen:
            problems.append(
                Problem(
                    folder,
                    f"another document folder is also named `{folder.name}` ({seen[folder.name]})",
                    hint="outputs are named after folders: rename one",
                )
            )
        seen.setdefault(folder.name, folder)
    if problems:
        raise InputError(problems)


class _Progress:
    """A bar on a terminal; one line per document where stdout is a log."""

    def __init__(self, quiet: bool):
        self.quiet = quiet
        self.tty = sys.stdout.isatty() and not quiet
        self.outcomes: list = []

    def done(self, outcome, count: int, total: int) -> None:
        self.outcomes.append(outcome)
        for problem in outcome.problems:
            click.echo(f"error: {problem}", err=True)
        if self.quiet:
            return
        if outcome.status == "built":
            text = (
                f"built {outcome.name}: {', '.join(outcome.outputs)} ({outcome.pages} pages,"
                f" {outcome.seconds:.2f} s)"
            )
        elif outcome.status == "skipped":
            text = f"up to date {outcome.name}"
        else:
            text = f"failed {outcome.name}"
        if self.tty:
            width = 24
            filled = width * count // total
            bar = "#" * filled + "-" * (width - filled)
            click.echo(f"\r[{bar}] {count}/{total} {text[:60]:<60}", nl=False)
        else:
            click.echo(text)

    def close(self) -> None:
        if self.tty:
            click.echo()


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print a machine-readable report.")
@click.pass_context
def check(ctx, paths: tuple[Path, ...], as_json: bool) -> None:
    """Validate document folders without rendering (for editors and CI).

    Exit status: 0 when every document is valid, 2 when one is not, 1 when something
    other than an input went wrong."""
    import json

    from reportgen.batch import capped, failure
    from reportgen.build import check_document
    from reportgen.errors import InputError
    from reportgen.inputs.finding import find_documents

    try:
        folders = find_documents(list(paths))
    except InputError as err:
        _report_input_error(err)
        sys.exit(2)
    report = []
    code = 0
    for folder in folders:
        try:
            check_document(folder)  # the same errors as a build, reported the same way
        except InputError as err:
            problems = capped(err.problems)
            code = code or 2
        except Exception as err:
            problems = [f"{folder.name}: {failure(err, ctx.obj['debug'])}"]
            code = 1
        else:
            problems = []
        report.append({"name": folder.name, "ok": not problems, "problems": problems})
        if as_json:
            continue
        for problem in problems:
            click.echo(f"error: {problem}", err=True)
        if not problems:
            click.echo(f"ok {folder.name}")
    bad = sum(not r["ok"] for r in report)
    if as_json:
        click.echo(json.dumps({"documents": report, "failed": bad}, ensure_ascii=False, indent=1))
    elif bad:
        click.echo(f"{bad} of {len(folders)} documents have errors", err=True)
    if bad:
        sys.exit(code)


@main.command()
@documents_and_outputs
@font_choices
@click.pass_context
def watch(
    ctx,
    paths: tuple[Path, ...],
    out_dir: Path,
    formats: str,
    cjk_font: str | None,
    latin_font: str | None,
    arabic_font: str | None,
) -> None:
    """Build the documents in PATHS, then rebuild each one whose files change every
    time a file is saved, printing one line per rebuild (or its errors with file and
    line; the last good output is kept). Ctrl-C stops it."""
    from reportgen.errors import InputError
    from reportgen.fonts import discover
    from reportgen.inputs.finding import find_documents
    from reportgen.warnings import warn
    from reportgen.watch import watch as watch_documents

    chosen = _formats(formats)
    try:
        find_documents(list(paths))
        fonts = discover(cjk_font, latin_font, arabic=arabic_font)
        for warning in fonts.warnings:
            warn(warning)
    except InputError as err:
        _report_input_error(err)
        sys.exit(2)

    def report(outcome) -> None:
        for problem in outcome.problems:
            click.echo(f"error: {problem}", err=True)
        if outcome.status == "built":
            click.echo(
                f"built {outcome.name}: {', '.join(outcome.outputs)} ({outcome.pages} pages,"
                f" {outcome.seconds:.2f} s)"
            )
        elif outcome.status == "skipped":
            click.echo(f"up to date {outcome.name}")
        else:
            click.echo(f"failed {outcome.name}: the last good output is kept")

    def ready(folders: list[Path]) -> None:
        click.echo(f"watching {len(folders)} document{'s' * (len(folders) != 1)} (Ctrl-C stops)")

    try:
        watch_documents(
            list(paths),
            out_dir,
            chosen,
            fonts,
            report,
            _report_input_error,
            ctx.obj["debug"],
            ready,
        )
    except KeyboardInterrupt:
        click.echo("stopped watching")


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option(
    "-o",
    "--out",
    "out_dir",
    type=click.Path(path_type=Path),
    default=Path("preview"),
    show_default=True,
    help="Folder for the PNG pages and index.html.",
)
@click.option(
    "--pages",
    "first",
    type=click.IntRange(min=1),
    default=None,
    help="Only the first N pages of each document (default: all).",
)
@click.option(
    "--dpi",
    type=click.IntRange(36, 600),
    default=100,
    show_default=True,
    help="Resolution of the page images.",
)
def preview(paths: tuple[Path, ...], out_dir: Path, first: int | None, dpi: int) -> None:
    """PNG images of the pages of each PDF in PATHS (PDF files or folders of outputs)
    and an index.html showing every document's pages as thumbnails, linking to the
    full images and to the PDF and DOCX: for CI artifacts."""
    from reportgen.errors import InputError
    from reportgen.output import write_atomic
    from reportgen.preview import find_pdfs, index_html, render_pages

    pdfs = find_pdfs(list(paths))
    if not pdfs:
        click.echo("error: no PDF in " + ", ".join(map(str, paths)), err=True)
        sys.exit(2)
    previews = []
    for pdf in pdfs:
        try:
            previews.append(render_pages(pdf, out_dir, first, dpi, thumb_width=160))
        except InputError as err:
            _report_input_error(err)
            sys.exit(2)
        click.echo(f"previewed {pdf.name}: {len(previews[-1].pages)} pages")
    write_atomic(out_dir / "index.html", index_html(previews, out_dir).encode())
    click.echo(f"wrote {out_dir / 'index.html'}")


def _docx_outputs(path: Path, scratch: Path) -> dict[str, Path]:
    """NAME → DOCX for a DOCX file, a folder of outputs, or input folders (built here)."""
    from reportgen.inputs.finding import DOCUMENT_FILE, find_documents

    if path.is_file():
        return {path.stem: path}
    if (path / DOCUMENT_FILE).is_file() or not any(path.glob("*.docx")):
        from reportgen.batch import run_batch
        from reportgen.fonts import discover

        folders = find_documents([path])
        outcomes = run_batch(
            folders, scratch, ("docx",), discover(need_cjk=True), jobs=1, force=True
        )
        for outcome in outcomes:
            for problem in outcome.problems:
                click.echo(f"error: {problem}", err=True)
        if any(o.status == "failed" for o in outcomes):
            sys.exit(2)
        path = scratch
    return {p.stem: p for p in sorted(path.glob("*.docx"))}


@main.command()
@click.argument("old", type=click.Path(exists=True, path_type=Path))
@click.argument("new", type=click.Path(exists=True, path_type=Path))
@click.option(
    "--markdown",
    "md_path",
    type=click.Path(path_type=Path),
    help="Also write the review as Markdown (for a CI comment).",
)
@click.option(
    "--html", "html_path", type=click.Path(path_type=Path), help="Also write the review as HTML."
)
@click.option("--json", "as_json", is_flag=True, help="Print the changes as JSON.")
def diff(old: Path, new: Path, md_path: Path | None, html_path: Path | None, as_json: bool) -> None:
    """Compare two builds of the same documents: OLD and NEW are folders of outputs,
    DOCX files, or document (input) folders, which are built first. Prints the
    paragraphs added, removed and changed, the table cells changed (table, row,
    column) and the figures whose drawing changed.

    Exit status: 0 when nothing differs, 1 when something does, 2 on bad input."""
    import json
    import tempfile

    from reportgen.diff import (
        Change,
        DocumentDiff,
        as_html,
        as_markdown,
        as_text,
        compare,
        read_docx,
    )
    from reportgen.diff import as_json as diff_json
    from reportgen.errors import InputError
    from reportgen.output import write_atomic

    with tempfile.TemporaryDirectory() as scratch:
        try:
            olds = _docx_outputs(old, Path(scratch) / "old")
            news = _docx_outputs(new, Path(scratch) / "new")
        except InputError as err:
            _report_input_error(err)
            sys.exit(2)
        diffs = []
        for name in sorted(set(olds) | set(news)):
            if name not in news or name not in olds:
                state = "removed" if name not in news else "added"
                diffs.append(DocumentDiff(name, [Change("document", name, new=state)]))
                continue
            try:
                diffs.append(compare(name, read_docx(olds[name]), read_docx(news[name])))
            except InputError as err:
                _report_input_error(err)
                sys.exit(2)
    if as_json:
        click.echo(json.dumps(diff_json(diffs), ensure_ascii=False, indent=1))
    else:
        text = as_text(diffs)
        click.echo(text if text else "no differences")
    if md_path:
        write_atomic(md_path, as_markdown(diffs).encode())
    if html_path:
        write_atomic(html_path, as_html(diffs).encode())
    sys.exit(1 if any(d.changes for d in diffs) else 0)


@main.command()
@click.argument(
    "layout", type=click.Choice(["secretariat-note", "executive-director-report", "budget-section"])
)
@click.argument("folder", type=click.Path(path_type=Path))
@click.option(
    "--lang",
    default="en",
    show_default=True,
    help="Language of the document (a file in reportgen/templates/lang/).",
)
def new(layout: str, folder: Path, lang: str) -> None:
    """Start a new document of LAYOUT in FOLDER: a commented document.yaml, a body.md
    to write in, and the data files the layout needs. It builds as it is."""
    from reportgen.errors import InputError
    from reportgen.scaffold import scaffold

    try:
        for path in scaffold(layout, lang, folder):
            click.echo(f"wrote {path}")
    except InputError as err:
        _report_input_error(err)
        sys.exit(2)
    click.echo(f"next: edit {folder / 'body.md'}, then: reportgen build {folder} -o build")


def _unexpected(err: Exception) -> int:
    """Report an error no command caught: an input mistake (exit 2), an output that
    cannot be written, or anything else (exit 1; the traceback with --debug)."""
    from reportgen.batch import failure
    from reportgen.errors import InputError

    if isinstance(err, InputError):
        _report_input_error(err)
        return 2
    click.echo(f"error: {failure(err, '--debug' in sys.argv[1:])}", err=True)
    return 1


def run() -> None:
    """The `reportgen` command. Once a command is done (its files written and synced,
    its messages printed), the process ends at once instead of freeing every object
    of the document model and the fonts one by one, which takes longer than writing
    a small document (~0.3 s for a budget section)."""
    # reportgen loads no pydantic plugins: skip looking for them among every installed
    # package's entry points (a user's own setting is kept)
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    try:
        main()
        code = 0
    except SystemExit as done:
        code = done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
    except KeyboardInterrupt:
        click.echo("interrupted", err=True)
        code = 130
    except Exception as err:  # every command: one line, exit 1 (2 for an input mistake)
        code = _unexpected(err)
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
