"""Atomic output: every file is written to a temporary file beside its target, then
renamed; the formats of one document are replaced together or not at all.

A failed or killed build never leaves a partial file and never replaces an earlier
good output; two builds into the same folder at once never remove each other's
temporary files (each name holds the process id of its writer, and only the files of
writers no longer running are removed).
"""

from __future__ import annotations

import os
import signal
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

TEMP_SUFFIX = ".part"
STALE_SECONDS = 24 * 3600  # a temporary file this old is a leftover whoever wrote it

# every output this process has put in place, for a message when it is interrupted
written: list[Path] = []


class OutputError(Exception):
    """An output could not be written (disk full, read-only folder, a name taken by a
    folder): one line naming the path; exit status 1."""

    exit_code = 1

    def __init__(self, path: Path, err: OSError | str):
        reason = err if isinstance(err, str) else (err.strerror or str(err))
        self.path = path
        super().__init__(f"{path}: cannot write: {reason}")


def _writer_running(name: str) -> bool:
    """Whether the process whose id is in a temporary file's name still runs."""
    parts = name.split(".")
    pid = next((int(p[3:]) for p in parts if p.startswith("pid") and p[3:].isdigit()), None)
    if pid is None:
        return False
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process: running
        return True
    return True


def remove_stale(path: Path) -> None:
    """Temporary files that a killed build left beside `path`; never those of a build
    still running."""
    for stale in path.parent.glob(f".{path.name}.*{TEMP_SUFFIX}"):
        try:
            old = time.time() - stale.lstat().st_mtime > STALE_SECONDS
        except OSError:
            continue
        if old or not _writer_running(stale.name):
            stale.unlink(missing_ok=True)


def _temporary(path: Path, data: bytes) -> str:
    """`data` in a new temporary file beside `path`, synced; its name."""
    fd, tmp = tempfile.mkstemp(
        prefix=f".{path.name}.pid{os.getpid()}.", suffix=TEMP_SUFFIX, dir=path.parent
    )
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o644)
    except BaseException:
        _unlink(tmp)
        raise
    return tmp


def _unlink(name: str) -> None:
    try:
        os.unlink(name)
    except OSError:
        pass


@contextmanager
def _signals_held() -> Iterator[None]:
    """SIGTERM and SIGINT wait while the renames of a group are made (so that a group
    is replaced whole and `written` says what was), then take effect."""
    held = {signal.SIGTERM, signal.SIGINT}
    try:
        before = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    except (AttributeError, OSError, ValueError):
        yield
        return
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


def write_outputs(files: dict[Path, bytes]) -> None:
    """Replace every file of `files` or none: all are written to temporary files first,
    then renamed one after the other; if a rename fails, the files renamed before it
    are put back as they were. Any failure is an `OutputError` naming the path."""
    temps: dict[Path, str] = {}
    current: Path | None = None
    try:
        for path, data in files.items():
            current = path
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except FileExistsError:
                raise OutputError(path.parent, "a file has the name of the folder") from None
            if path.is_dir():
                raise OutputError(path, "a folder has that name")
            remove_stale(path)
            temps[path] = _temporary(path, data)
        current = None
        _rename_all(temps)
    except OSError as err:
        raise OutputError(current or next(iter(files)), err) from None
    finally:
        for tmp in temps.values():
            if os.path.exists(tmp):
                _unlink(tmp)


def _rename_all(temps: dict[Path, str]) -> None:
    """Rename each temporary file onto its target, undoing every rename if one fails.
    An earlier output is kept as a hard link until all are in place."""
    backups: dict[Path, str | None] = {}
    done: list[Path] = []
    with _signals_held():
        try:
            for path in temps:
                backups[path] = None
                if path.exists():
                    backup = f"{temps[path]}.old{TEMP_SUFFIX}"
                    try:
                        os.link(path, backup)
                        backups[path] = backup
                    except OSError:  # no hard links here: this file is not restorable
                        pass
            for path, tmp in temps.items():
                try:
                    os.replace(tmp, path)
                except OSError as err:
                    raise OutputError(path, err) from None
                done.append(path)
        except BaseException:
            for path in reversed(done):
                backup = backups.get(path)
                try:
                    if backup:
                        os.replace(backup, path)
                    else:
                        os.unlink(path)
                except OSError:
                    pass
            raise
        finally:
            for backup in backups.values():
                if backup and os.path.exists(backup):
                    _unlink(backup)
        written.extend(done)


def write_atomic(path: Path, data: bytes) -> None:
    """One file, replaced whole or not at all."""
    write_outputs({path: data})
