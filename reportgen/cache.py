"""Where reportgen keeps what it can compute again: parsed fonts, compiled templates,
parsed narrative, YAML and language files, chart images.

`$REPORTGEN_CACHE`, else `$XDG_CACHE_HOME/reportgen`, else `~/.cache/reportgen`.
Every entry is keyed by what it was made from, so a stale entry is never used;
deleting the folder only costs time. A folder that cannot be written is not used.
Each kind keeps its most recently written entries only (`KEEP`, more for the kinds
of which one document makes dozens or hundreds): every edit makes a new entry.

Nothing in the cache is trusted: an entry is stored with its length and checksum, and
one that does not match them (cut short, damaged, written by something else), fails to
load, or holds the wrong kind of thing is a miss, made again.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import struct
import tempfile
import time
import zlib
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

KEEP = 256  # entries per kind


def cache_dir(kind: str) -> Path:
    if os.environ.get("REPORTGEN_CACHE"):
        return Path(os.environ["REPORTGEN_CACHE"]) / kind
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "reportgen" / kind


def entry(kind: str, key: str, suffix: str) -> Path:
    """The file of the entry made from `key` (any text) in folder `kind`."""
    return cache_dir(kind) / f"{hashlib.sha256(key.encode()).hexdigest()[:32]}{suffix}"


# every entry starts with this, then the length and CRC-32 of what follows
_MAGIC = b"RGC1"
_HEADER = struct.Struct(">4sQI")


def read(entry: Path) -> bytes | None:
    """An entry's data as written, or None (no entry, or one that is not whole)."""
    try:
        stored = entry.read_bytes()
    except OSError:
        return None
    if len(stored) < _HEADER.size:
        return None
    magic, length, crc = _HEADER.unpack_from(stored)
    data = stored[_HEADER.size :]
    if magic != _MAGIC or length != len(data) or crc != zlib.crc32(data):
        return None
    return data


def write(entry: Path, data: bytes, keep: int | None = None) -> None:
    """Store an entry whole or not at all (a temporary file renamed); the folder keeps
    its `keep` newest entries (`KEEP` unless given). Nothing is left behind when it
    cannot be written (a read-only home, a full disk: the cache is an optimisation)."""
    tmp = None
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=entry.parent, suffix=".part")
        with os.fdopen(fd, "wb") as f:
            f.write(_HEADER.pack(_MAGIC, len(data), zlib.crc32(data)))
            f.write(data)
        os.replace(tmp, entry)
        tmp = None
        _prune(entry.parent, KEEP if keep is None else keep)
    except OSError:
        pass
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


def remembered(
    kind: str,
    key: str,
    make: Callable[[], T],
    keep: int | None = None,
    valid: Callable[[object], bool] | None = None,
) -> T:
    """What `make()` returned before for the same `key` (kept pickled, folder `kind`),
    else `make()`, stored. An exception from `make` is raised and nothing is stored;
    an entry that cannot be read back, was stored for another key, or is not `valid`,
    is made again."""
    path = entry(kind, key, ".pickle")
    stamp = hashlib.sha256(key.encode()).hexdigest()
    stored = read(path)
    if stored is not None:
        try:
            found_stamp, value = pickle.loads(stored)
            if found_stamp == stamp and (valid is None or valid(value)):
                return value
        except Exception:  # damaged, another shape, another version of a class
            pass
    value = make()
    write(path, pickle.dumps((stamp, value), protocol=pickle.HIGHEST_PROTOCOL), keep)
    return value


@lru_cache
def reportgen_files() -> str:
    """reportgen's version and every file of the installed package (code, labels,
    styles), as one digest: part of the key of whatever reportgen's code made."""
    from reportgen import __version__

    root = Path(__file__).parent
    digest = hashlib.sha256(__version__.encode())
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".yaml"):
            digest.update(str(path.relative_to(root)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


@lru_cache
def installed(*packages: str) -> str:
    """Installed packages, by their files' sizes and times: part of a key, found
    without importing them (once a process)."""
    from importlib.util import find_spec

    stamps = []
    for name in packages:
        spec = find_spec(name)
        origin = Path(spec.origin) if spec and spec.origin else None
        stat = origin.stat() if origin else None
        stamps.append(f"{origin}:{stat.st_size}:{stat.st_mtime_ns}" if stat else name)
    return "|".join(stamps)


def _prune(folder: Path, keep: int) -> None:
    """Keep the newest entries; drop what a killed writer left half-written. A full
    folder is cut back by a tenth at once, so that not every new entry has every
    entry's date read."""
    entries = []
    for p in folder.iterdir():
        if not p.name.endswith(".part"):
            entries.append(p)
        elif time.time() - _mtime(p) / 1e9 > 3600:
            p.unlink(missing_ok=True)
    if len(entries) <= keep:
        return
    keep -= keep // 10
    entries.sort(key=_mtime)
    for old in entries[: len(entries) - keep]:
        old.unlink(missing_ok=True)


def _mtime(path: Path) -> int:
    """A file's modification time; 0 for one removed meanwhile (by another build)."""
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return 0
