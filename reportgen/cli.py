"""The command line: `reportgen build`, `reportgen check`.

Heavy libraries are imported inside the commands, so `reportgen --help` is quick.
"""

from __future__ import annotations

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


def _stop(signum, frame) -> None:
    """SIGTERM ends a build like Ctrl-C: temporary files are removed on the way out."""
    raise KeyboardInterrupt


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
    warnings.strict = strict
    ctx.obj = {"debug": debug}


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--out",
    "out_dir",
    type=click.Path(path_type=Path),
    default=Path("build"),
    show_default=True,
    help="Folder for the outputs, named after each document folder.",
)
@click.option(
    "--format",
    "formats",
    default="docx,pdf",
    show_default=True,
    help="Comma-separated formats to write: docx, pdf.",
)
@click.option(
    "--cjk-font",
    metavar="PATH[#INDEX]",
    help="TrueType CJK font for the PDF (a .ttc takes #index); default: discovered.",
)
@click.option("--latin-font", metavar="PATH", help="TrueType Latin font for the PDF.")
@click.pass_context
def build(
    ctx,
    paths: tuple[Path, ...],
    out_dir: Path,
    formats: str,
    cjk_font: str | None,
    latin_font: str | None,
) -> None:
    """Build each document folder in PATHS (or every document folder found below
    them) into OUT as NAME.docx and NAME.pdf.

    Exit status: 0 when all built, 2 when an input is wrong, 1 otherwise."""
    from reportgen.build import build_document
    from reportgen.errors import InputError
    from reportgen.fonts import discover
    from reportgen.inputs.folder import find_documents
    from reportgen.warnings import warn

    chosen = _formats(formats)
    try:
        folders = find_documents(list(paths))
    except InputError as err:
        _report_input_error(err)
        sys.exit(2)
    fonts = discover(cjk_font, latin_font)
    try:
        for warning in fonts.warnings:
            warn(warning)
    except InputError as err:
        _report_input_error(err)
        sys.exit(2)
    failed: list[tuple[str, int]] = []
    for folder in folders:
        try:
            result = build_document(folder, out_dir, chosen, fonts)
        except KeyboardInterrupt:
            click.echo("interrupted: no output of the document in progress was written", err=True)
            sys.exit(130)
        except InputError as err:
            _report_input_error(err)
            failed.append((folder.name, 2))
            continue
        except Exception as err:  # an unexpected failure: say so, keep building the rest
            if ctx.obj["debug"]:
                raise
            click.echo(
                f"error: {folder.name}: internal error: {err!r} (run with --debug for details)",
                err=True,
            )
            failed.append((folder.name, 1))
            continue
        names = ", ".join(str(p) for p in result.outputs)
        click.echo(f"built {result.name}: {names} ({result.pages} pages, {result.seconds:.2f} s)")
    if failed:
        click.echo(
            f"{len(failed)} of {len(folders)} documents failed: "
            + ", ".join(name for name, _ in failed),
            err=True,
        )
        sys.exit(1 if any(code == 1 for _, code in failed) else 2)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
def check(paths: tuple[Path, ...]) -> None:
    """Validate document folders without rendering (for editors and CI)."""
    from reportgen.build import check_document
    from reportgen.errors import InputError
    from reportgen.inputs.folder import find_documents

    try:
        folders = find_documents(list(paths))
    except InputError as err:
        _report_input_error(err)
        sys.exit(2)
    bad = 0
    for folder in folders:
        try:
            check_document(folder)
        except InputError as err:
            _report_input_error(err)
            bad += 1
            continue
        click.echo(f"ok {folder.name}")
    if bad:
        click.echo(f"{bad} of {len(folders)} documents have errors", err=True)
        sys.exit(2)
