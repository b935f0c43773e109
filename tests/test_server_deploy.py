"""Several app processes answering from one Chroma server (the "many users" deployment)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _env(server: str, home: Path) -> dict[str, str]:
    return {"PATH": "/usr/bin:/bin", "HOME": str(home), "FINDER_EMBEDDER": "hashing",
            "FINDER_CHROMA_URL": server, "FINDER_COLLECTION": "deploy",
            "FINDER_INDEX_DIR": str(home / "unused"), "ANONYMIZED_TELEMETRY": "False"}


def _cli(args: list[str], server: str, home: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(ROOT / "cli.py"), *args], capture_output=True,
                          text=True, env=_env(server, home), cwd=ROOT, timeout=300)


@pytest.mark.server
def test_two_processes_answer_from_one_chroma_server(chroma_server: str, tmp_path: Path) -> None:
    ingest = _cli(["ingest"], chroma_server, tmp_path)
    assert ingest.returncode == 0, ingest.stderr
    procs = [
        subprocess.Popen(
            [sys.executable, str(ROOT / "cli.py"), "ask", question, "--json"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
            env=_env(chroma_server, tmp_path),
        )
        for question in ("Wat is de WBSO?", "What is the Innovation credit?")
    ]
    answers = []
    for proc in procs:
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
        answers.append(json.loads(out))
    first = [a["recommendations"][0]["instrument_id"] for a in answers]
    assert first == ["wbso", "innovatiekrediet"]
    assert all(a["citations"] for a in answers)
    assert not (tmp_path / "unused").exists(), "no local index is created in server mode"
    again = _cli(["ingest"], chroma_server, tmp_path)
    assert " 0 embedded, 0 removed" in again.stdout


@pytest.mark.server
def test_unreachable_server_is_one_clear_line(tmp_path: Path) -> None:
    result = _cli(["search", "WBSO"], "http://127.0.0.1:9", tmp_path)
    assert result.returncode == 2 and "127.0.0.1:9" in result.stderr
    assert "Traceback" not in result.stderr
