"""`reportgen watch` end to end: a save rebuilds, a broken input keeps the good output."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from conftest import SEEDS

DOC = "ed-report-2017"
TIMEOUT = 60  # seconds for any one step


class Watcher:
    """`reportgen watch` as a subprocess, its output lines gathered as they come."""

    def __init__(self, args: list[str], cwd: Path):
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "reportgen", "watch", *args],
            cwd=cwd,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.out: list[str] = []
        self.err: list[str] = []
        for stream, lines in ((self.proc.stdout, self.out), (self.proc.stderr, self.err)):
            threading.Thread(target=self._read, args=(stream, lines), daemon=True).start()

    @staticmethod
    def _read(stream, lines: list[str]) -> None:
        for line in stream:
            lines.append(line.rstrip("\n"))

    def wait_for(self, text: str, after: int = 0) -> list[str]:
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            if any(text in line for line in self.out[after:]):
                return self.out
            assert self.proc.poll() is None, "\n".join(self.out + self.err)
            time.sleep(0.05)
        raise AssertionError(f"no {text!r} in {self.out} {self.err}")

    def stop(self) -> int:
        self.proc.send_signal(signal.SIGINT)
        try:
            return self.proc.wait(TIMEOUT)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            raise


def test_watch_rebuilds_on_save_keeps_the_good_output_and_stops_on_ctrl_c(tmp_path):
    shutil.copytree(SEEDS / DOC, tmp_path / DOC)
    body = tmp_path / DOC / "body.md"
    pdf = tmp_path / "out" / f"{DOC}.pdf"
    watcher = Watcher([DOC, "-o", "out", "--format", "pdf"], tmp_path)
    try:
        watcher.wait_for("watching 1 document")
        assert watcher.out[0].startswith(f"built {DOC}: {DOC}.pdf (")
        first = pdf.read_bytes()

        seen = len(watcher.out)
        text = body.read_text(encoding="utf-8")
        body.write_text(text.replace("。", "。这是新加的一句。", 1), encoding="utf-8")
        watcher.wait_for(f"built {DOC}", seen)
        good = pdf.read_bytes()
        assert good != first

        seen = len(watcher.out)
        body.write_text(text + "\n{{ perod | num }}\n", encoding="utf-8")
        watcher.wait_for(f"failed {DOC}: the last good output is kept", seen)
        line = text.count("\n") + 2
        assert f"error: {DOC}/body.md:{line}: template: 'perod' is undefined" in "\n".join(
            watcher.err
        )
        assert pdf.read_bytes() == good
        assert sorted(os.listdir(pdf.parent)) == [".reportgen", f"{DOC}.pdf"]
    finally:
        code = watcher.stop()
    assert code == 0, watcher.err
    assert watcher.out[-1] == "stopped watching"
    assert "Traceback" not in "\n".join(watcher.out + watcher.err)
