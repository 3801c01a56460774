"""Running `reportgen` as a user would: a separate process, output captured."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def run_cli(
    args: list[str], cwd: Path | None = None, timeout: float = 300, **kw
) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "reportgen", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        **kw,
    )
