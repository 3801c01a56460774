"""Open DOCX files in LibreOffice, update every index and field as an editor would, and
report what changed.

Runs under the system Python that has LibreOffice's `uno` module (not the project's
virtualenv); `tests/libreoffice.py` calls it:

    python3 lo_update.py --soffice PATH --profile DIR --json OUT [--pdf-dir DIR]
                         [--pgid-file FILE] A.docx ...

It starts one headless soffice listening on a private pipe with its own user profile,
handles every DOCX in that one instance and always terminates it. The JSON maps each
DOCX path to {"before": state, "after": state, "notes": [steps that could not run],
"pdf": path or null, "error": null} or {"error": traceback}, where a state is
{"footnotes", "endnotes", "indexes", "index_kinds", "contents_form", "contents"} (see
`state`). LibreOffice writes a lock file next to each DOCX it opens: pass copies.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import traceback
import uuid
from pathlib import Path

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException

CONNECT_TIMEOUT = 60.0  # seconds for soffice to start listening


def props(**values) -> tuple:
    """UNO property values from keyword arguments."""
    out = []
    for name, value in values.items():
        prop = PropertyValue()
        prop.Name, prop.Value = name, value
        out.append(prop)
    return tuple(out)


def start_soffice(soffice: str, profile: Path, pipe: str, log) -> subprocess.Popen:
    args = [
        soffice,
        f"-env:UserInstallation={profile.resolve().as_uri()}",
        "--headless",
        "--invisible",
        "--nologo",
        "--nodefault",
        "--norestore",
        "--nolockcheck",
        f"--accept=pipe,name={pipe};urp;",
    ]
    # own process group, so that stopping it also stops oosplash's soffice.bin child;
    # output to a file (`log`), which a pipe nobody reads could fill up
    return subprocess.Popen(args, stdout=log, stderr=log, start_new_session=True)


def connect(proc: subprocess.Popen, pipe: str, log):
    """The remote component context, retried until soffice listens (or dies, or times out)."""
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local
    )
    deadline = time.monotonic() + CONNECT_TIMEOUT
    while True:
        try:
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except NoConnectException:
            if proc.poll() is not None:
                log.seek(0)
                err = log.read().decode(errors="replace")
                raise RuntimeError(f"soffice exited with {proc.returncode}: {err}") from None
            if time.monotonic() > deadline:
                raise RuntimeError(f"soffice not listening after {CONNECT_TIMEOUT:.0f} s") from None
            time.sleep(0.25)


def stop_soffice(proc: subprocess.Popen, desktop) -> None:
    """Ask soffice to quit, then make sure its whole process group is gone."""
    if desktop is not None:
        try:
            desktop.terminate()
        except Exception:  # the bridge drops while soffice quits: expected
            pass
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        pass
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            break
        time.sleep(0.5)
    try:
        proc.wait(timeout=5)
    except subprocess.TimeoutExpired:
        pass


def paragraphs(text):
    """Top-level paragraphs of a text, in order (tables are skipped)."""
    walk = text.createEnumeration()
    while walk.hasMoreElements():
        element = walk.nextElement()
        if element.supportsService("com.sun.star.text.Paragraph"):
            yield element


def is_contents_style(name: str) -> bool:
    # Word's "TOC 1" imports as LibreOffice's "Contents 1" (programmatic name)
    return name.startswith(("TOC", "Contents"))


def contents(doc) -> tuple[str, list[str]]:
    """("index", lines) from a real contents index, or ("paragraphs", texts) of the
    paragraphs styled as contents entries, or ("none", [])."""
    indexes = doc.getDocumentIndexes()
    for i in range(indexes.getCount()):
        index = indexes.getByIndex(i)
        if index.supportsService("com.sun.star.text.ContentIndex"):
            lines = index.getAnchor().getString().replace("\r\n", "\n").split("\n")
            title = index.Title
            lines = [line for line in lines if line.strip()]
            if title and lines and lines[0].strip() == title.strip():
                lines = lines[1:]  # LibreOffice's own heading of the index, when it has one
            return "index", lines
    texts = [p.getString() for p in paragraphs(doc.getText()) if is_contents_style(p.ParaStyleName)]
    return ("paragraphs", texts) if texts else ("none", [])


def state(doc) -> dict:
    indexes = doc.getDocumentIndexes()
    kinds = [indexes.getByIndex(i).getImplementationName() for i in range(indexes.getCount())]
    form, lines = contents(doc)
    return {
        "footnotes": doc.getFootnotes().getCount(),
        "endnotes": doc.getEndnotes().getCount(),
        "indexes": indexes.getCount(),
        "index_kinds": kinds,
        "contents_form": form,
        "contents": lines,
    }


def update_all(ctx, doc) -> list[str]:
    """Update indexes and fields the way an editor's "Update all" does; returns notes on
    the steps that could not run (headless, a step may be unavailable)."""
    notes = []
    indexes = doc.getDocumentIndexes()
    for i in range(indexes.getCount()):
        indexes.getByIndex(i).update()
    doc.getTextFields().refresh()
    if hasattr(doc, "refresh"):
        doc.refresh()
    try:
        frame = doc.getCurrentController().getFrame()
        helper = ctx.ServiceManager.createInstanceWithContext(
            "com.sun.star.frame.DispatchHelper", ctx
        )
        helper.executeDispatch(frame, ".uno:UpdateAll", "", 0, ())
    except Exception as exc:  # no controller or frame when loaded hidden: skip
        notes.append(f".uno:UpdateAll not dispatched: {exc}")
    return notes


def handle(ctx, desktop, docx: Path, pdf_dir: Path | None) -> dict:
    doc = desktop.loadComponentFromURL(
        docx.resolve().as_uri(), "_blank", 0, props(Hidden=True, ReadOnly=False)
    )
    if doc is None:
        raise RuntimeError("LibreOffice could not load the document")
    try:
        result = {"before": state(doc)}
        result["notes"] = update_all(ctx, doc)
        result["after"] = state(doc)
        result["pdf"] = None
        if pdf_dir is not None:
            pdf = pdf_dir / (docx.stem + ".pdf")
            # as Word prints: with the blank pages odd-page section breaks insert
            export = props(IsSkipEmptyPages=False)
            filter_data = uno.Any("[]com.sun.star.beans.PropertyValue", export)
            store = props(FilterName="writer_pdf_Export", FilterData=filter_data)
            uno.invoke(doc, "storeToURL", (pdf.resolve().as_uri(), store))
            result["pdf"] = str(pdf)
        return result
    finally:
        doc.close(True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--soffice", required=True)
    parser.add_argument("--profile", required=True, type=Path, help="a fresh folder")
    parser.add_argument("--json", required=True, type=Path)
    parser.add_argument("--pdf-dir", type=Path)
    parser.add_argument("--pgid-file", type=Path, help="where to write soffice's process group")
    parser.add_argument("docx", nargs="+", type=Path)
    args = parser.parse_args(argv)

    pipe = f"reportgen_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    log = tempfile.TemporaryFile()
    proc = start_soffice(args.soffice, args.profile, pipe, log)
    if args.pgid_file:  # so that whoever kills this script can stop soffice too
        args.pgid_file.write_text(str(proc.pid))
    desktop = None
    results = {}
    try:
        ctx = connect(proc, pipe, log)
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        for docx in args.docx:
            try:
                results[str(docx)] = {"error": None, **handle(ctx, desktop, docx, args.pdf_dir)}
            except Exception:
                results[str(docx)] = {"error": traceback.format_exc()}
    finally:
        stop_soffice(proc, desktop)
    args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
