"""Where reportgen keeps what it can compute again: parsed fonts, compiled templates,
parsed narrative, chart images.

`$REPORTGEN_CACHE`, else `$XDG_CACHE_HOME/reportgen`, else `~/.cache/reportgen`.
Every entry is keyed by what it was made from, so a stale entry is never used;
deleting the folder only costs time. A folder that cannot be written is not used.
Each kind keeps its most recently written entries only (`KEEP`, more for charts,
of which a long budget section has hundreds): every edit of a narrative makes a new
template entry.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

KEEP = 256  # entries per kind


def cache_dir(kind: str) -> Path:
    if os.environ.get("REPORTGEN_CACHE"):
        return Path(os.environ["REPORTGEN_CACHE"]) / kind
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "reportgen" / kind


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
    entry = cache_dir(kind) / f"{hashlib.sha256(key.encode()).hexdigest()[:32]}.pickle"
    stored = read(entry)
    if stored is not None:
        try:
            return pickle.loads(stored)
        except Exception:  # truncated, or from another version of a class: make it again
            pass
    value = make()
    write(entry, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL), keep)
    return value


def installed(*packages: str) -> str:
    """Installed packages, by their files' sizes and times: part of a key, found
    without importing them."""
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
