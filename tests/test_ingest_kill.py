"""A real `finder ingest` process killed with SIGKILL halfway, then run again: the index ends
complete and consistent (every passage once, nothing extra, searchable)."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from assistant.finder import build_finder
from assistant.settings import Settings

FINDER = Path(sys.executable).with_name("finder")
PROGRESS = re.compile(rb"(\d+)/(\d+) \[")


def _env(index: Path) -> dict[str, str]:
    return {**os.environ, "FINDER_EMBEDDER": "hashing", "FINDER_INDEX_DIR": str(index),
            "HF_HUB_OFFLINE": "1", "ANONYMIZED_TELEMETRY": "False"}


def _kill_halfway(index: Path) -> int:
    """Start an ingest, SIGKILL it once some but not all passages are embedded; the count."""
    proc = subprocess.Popen([str(FINDER), "ingest"], env=_env(index), stderr=subprocess.PIPE,
                            stdout=subprocess.DEVNULL)
    assert proc.stderr is not None
    seen, deadline = b"", time.monotonic() + 120
    try:
        while time.monotonic() < deadline:
            chunk = os.read(proc.stderr.fileno(), 4096)
            if not chunk:
                break
            seen += chunk
            done = [(int(a), int(b)) for a, b in PROGRESS.findall(seen)]
            if done and 0 < done[-1][0] < done[-1][1]:
                proc.send_signal(signal.SIGKILL)
                proc.wait(timeout=30)
                return done[-1][0]
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=30)
    pytest.fail(f"the ingest finished or stalled before it could be killed: {seen[-300:]!r}")


@pytest.mark.server
def test_killed_ingest_then_rerun_leaves_a_complete_consistent_index(tmp_path: Path) -> None:
    index = tmp_path / "index"
    embedded_before_kill = _kill_halfway(index)
    assert embedded_before_kill > 0

    broken = subprocess.run([str(FINDER), "search", "WBSO"], env=_env(index),
                            capture_output=True, text=True, timeout=120)
    assert broken.returncode != 0 and "finder ingest" in (broken.stdout + broken.stderr)
    assert "Traceback" not in broken.stderr

    rerun = subprocess.run([str(FINDER), "ingest"], env=_env(index), capture_output=True,
                           text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr[-1000:]

    finder = build_finder(Settings(embedder="hashing", index_dir=index))
    expected = {p.id for p in finder.passages}
    stored = finder.store.all_passages()
    assert len(stored) == len(expected), "every passage exactly once"
    assert {p.id for p in stored} == expected, "nothing missing, nothing left over"
    assert finder.search("WBSO", k=3), "the index answers searches again"
