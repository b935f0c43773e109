"""Coverage-guided fuzzing (atheris) of profile JSON, eval-set lines and question text.

The harness is tests/fuzz/fuzz_inputs.py; it runs in a subprocess because atheris takes over the
process (libFuzzer exits it when done). Seeds are in tests/fuzz/corpus/ (copied, so the run's
new corpus entries never land in the repository); known crashing inputs in tests/fuzz/crashes/.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

pytest.importorskip(
    "atheris",
    reason="atheris is not installed: it ships wheels for Linux x86_64 only "
    "(pip install 'atheris>=2.3', part of the dev extra there)",
)

FUZZ = Path(__file__).resolve().parent / "fuzz"
HARNESS = FUZZ / "fuzz_inputs.py"
RUNS = 20_000
MAX_SECONDS = 60  # a cap: on a slow machine fewer runs, never a hang


def _harness(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run the harness; the files it reads are written in memory (/dev/shm) where there is one,
    in a folder removed afterwards whatever happened."""
    scratch = tempfile.mkdtemp(prefix="fuzz-inputs-",
                               dir="/dev/shm" if os.path.isdir("/dev/shm") else None)
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "ANONYMIZED_TELEMETRY": "False",
           "GRADIO_ANALYTICS_ENABLED": "False", "FUZZ_SCRATCH": scratch}
    try:
        return subprocess.run(
            [sys.executable, str(HARNESS), *args], capture_output=True, text=True, env=env,
            cwd=cwd, timeout=MAX_SECONDS + 240,
        )
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


@pytest.mark.slow
def test_fuzzing_the_inputs_finds_no_crash(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(FUZZ / "corpus", corpus)
    result = _harness(
        [str(corpus), f"-atheris_runs={RUNS}", f"-max_total_time={MAX_SECONDS}",
         f"-artifact_prefix={tmp_path}/", "-print_final_stats=1"],
        tmp_path,
    )
    output = result.stdout + result.stderr
    tail = output[-4000:]
    assert "Uncaught Python exception" not in output, tail
    assert result.returncode == 0, tail
    done = re.search(r"Done (\d+) in (\d+) second", output)
    assert done, tail
    runs, seconds = int(done[1]), int(done[2])
    assert runs >= min(RUNS, 2_000), f"only {runs} runs in {seconds} s: {tail}"
    assert not list(tmp_path.glob("crash-*")), "libFuzzer saved a crashing input"


def test_the_seed_corpus_runs_clean(tmp_path: Path) -> None:
    """Each seed once (quick): the harness and its seeds stay valid."""
    seeds = sorted(str(p) for p in (FUZZ / "corpus").iterdir())
    assert len(seeds) >= 3
    result = _harness(seeds, tmp_path)
    output = result.stdout + result.stderr
    assert result.returncode == 0 and "Uncaught Python exception" not in output, output[-4000:]
    assert output.count("Executed ") == len(seeds), output[-4000:]


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(p.name for p in (FUZZ / "crashes").iterdir()))
def test_inputs_that_once_crashed(name: str, tmp_path: Path) -> None:
    result = _harness([str(FUZZ / "crashes" / name)], tmp_path)
    output = result.stdout + result.stderr
    assert result.returncode == 0 and "Uncaught Python exception" not in output, output[-2000:]
