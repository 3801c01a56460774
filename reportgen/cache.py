"""Where reportgen keeps what it can compute again: parsed fonts, compiled templates,
parsed narrative, YAML and language files, chart images.

`$REPORTGEN_CACHE`, else `$XDG_CACHE_HOME/reportgen`, else `~/.cache/reportgen`.
Every entry is keyed by what it was made from, so a stale entry is never used;
deleting the folder only costs time. A folder that cannot be written is not used.
Each kind keeps its most recently written entries only (`KEEP`, more for the kinds
of which one document makes dozens or hundreds): every edit makes a new entry.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
import time
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


def read(entry: Path) -> bytes | None:
    try:
        return entry.read_bytes()
    except OSError:
        return None


def write(entry: Path, data: bytes, keep: int | None = None) -> None:
    """Store an entry whole or not at all (a temporary file renamed); the folder keeps
    its `keep` newest entries (`KEEP` unless given)."""
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=entry.parent, suffix=".part")
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, entry)
        _prune(entry.parent, KEEP if keep is None else keep)
    except OSError:  # a read-only home, a full disk: the cache is an optimisation only
        pass


def remembered(kind: str, key: str, make: Callable[[], T], keep: int | None = None) -> T:
    """What `make()` returned before for the same `key` (kept pickled, folder `kind`),
    else `make()`, stored. An exception from `make` is raised and nothing is stored;
    an entry that cannot be read back is made again."""
    path = entry(kind, key, ".pickle")
    stored = read(path)
    if stored is not None:
        try:
            return pickle.loads(stored)
        except Exception:  # truncated, or from another version of a class: make it again
            pass
    value = make()
    write(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL), keep)
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
        elif time.time() - p.stat().st_mtime > 3600:
            p.unlink(missing_ok=True)
    if len(entries) <= keep:
        return
    keep -= keep // 10
    entries.sort(key=lambda p: p.stat().st_mtime_ns)
    for old in entries[: len(entries) - keep]:
        old.unlink(missing_ok=True)
