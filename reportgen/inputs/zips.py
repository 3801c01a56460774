"""Zip archives (Excel workbooks, DOCX files) checked before they are parsed: a file
that is not an archive, or whose parts would inflate past a limit (a "zip bomb": 1 GB
of XML in 5 MB), is an input error naming it, found from the archive's directory
without inflating anything."""

from __future__ import annotations

from pathlib import Path

from reportgen.errors import InputError
from reportgen.inputs.limits import MB


def check_zip(path: Path, limit: int, what: str, needs: str | None = None) -> None:
    """Refuse `path` unless it is a zip archive (holding the part `needs`) whose parts
    together inflate to at most `limit` bytes. The sizes are those of the archive's
    directory: Python's zip reader stops at the declared size, so they bound the read."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError):
        raise InputError.one(path, f"not {what} (not a zip archive)") from None
    except OSError as err:
        raise InputError.one(path, f"cannot read the file: {err.strerror or err}") from None
    total = sum(info.file_size for info in infos)
    if total > limit:
        size = f"{total // MB:,}".replace(",", " ")
        raise InputError.one(
            path,
            f"its parts inflate to {size} MB, more than {limit // MB} MB",
            hint="is this the right file?",
        )
    if needs and needs not in {info.filename for info in infos}:
        raise InputError.one(path, f"not {what} (no {needs} in it)")
