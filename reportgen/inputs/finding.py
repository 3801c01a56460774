"""Finding document folders: no input is read or validated here, so the command
finds them (and forks its PDF process) before the input models are imported."""

from __future__ import annotations

from pathlib import Path

from reportgen.errors import InputError

DOCUMENT_FILE = "document.yaml"


def find_documents(paths: list[Path]) -> list[Path]:
    """Each path is a document folder or a folder searched recursively for them."""
    found: list[Path] = []
    for path in paths:
        if not path.exists():
            raise InputError.one(path, "no such file or folder")
        if path.is_file():
            if path.name != DOCUMENT_FILE:
                raise InputError.one(path, f"not a document folder or {DOCUMENT_FILE}")
            path = path.parent
        if path.name in ("", ".."):  # `.` or `..`: the folder's own name names the outputs
            path = path.resolve()
        if (path / DOCUMENT_FILE).is_file():
            found.append(path)
            continue
        nested = sorted(p.parent for p in path.rglob(DOCUMENT_FILE))
        if not nested:
            raise InputError.one(
                path,
                f"no {DOCUMENT_FILE} here or in any folder below",
                hint="a document folder holds document.yaml and its body.md",
            )
        found.extend(nested)
    unique: dict[Path, Path] = {}
    for p in found:
        unique.setdefault(p.resolve(), p)
    return list(unique.values())
