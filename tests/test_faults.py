"""Faults the finder must survive with a clear message: damaged index folder, foreign index."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.finder import build_finder
from assistant.settings import Settings
from retrieval.store import IndexMissing, StoreError


def _settings(folder: Path, **kw) -> Settings:  # type: ignore[no-untyped-def]
    values = {"embedder": "hashing", "index_dir": folder / "index", "collection": "faults", **kw}
    return Settings(**values)


def test_damaged_index_folder_is_explained_then_rebuilt_and_kept_aside(tmp_path: Path) -> None:
    build_finder(_settings(tmp_path)).ingest()
    for sqlite in (tmp_path / "index").glob("*.sqlite3"):
        sqlite.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match="ingest --rebuild"):
        build_finder(_settings(tmp_path)).search("WBSO")
    finder = build_finder(_settings(tmp_path))
    report = finder.ingest(rebuild=True)
    assert report.added == len(finder.passages)
    assert finder.search("WBSO")
    kept = list(tmp_path.glob("index.damaged-*"))
    assert len(kept) == 1 and any(kept[0].iterdir()), "the damaged folder is kept, not deleted"


def test_switching_embedder_asks_for_an_ingest(tmp_path: Path) -> None:
    """Each embedder has its own collection; a missing one is named with the command to run."""
    build_finder(_settings(tmp_path)).ingest()
    with pytest.raises(IndexMissing, match="finder ingest"):
        build_finder(_settings(tmp_path, embedder="sentence-transformers")).search("WBSO")


def _truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 3])


def _zero(path: Path) -> None:
    path.write_bytes(bytes(path.stat().st_size))


DAMAGES = {  # each of these made Chroma's native reader abort the process (rc 134 or 139)
    "truncated header": ("header.bin", _truncate),
    "zeroed header": ("header.bin", _zero),
    "zeroed link lists": ("link_lists.bin", _zero),
    "truncated link lists": ("link_lists.bin", _truncate),
    "truncated vectors": ("data_level0.bin", _truncate),
}


@pytest.fixture(scope="module")
def segment_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A built index whose HNSW segment files are on disk (the letter and cards: > 1000)."""
    folder = tmp_path_factory.mktemp("segments")
    build_finder(_settings(folder)).ingest()
    assert list((folder / "index").glob("*/header.bin")), "Chroma wrote no segment files"
    return folder / "index"


def test_a_sound_index_shows_no_damage(segment_index: Path) -> None:
    from retrieval.segment_check import damage

    assert damage(segment_index) == []


@pytest.mark.parametrize("kind", DAMAGES)
def test_damaged_segment_files_are_found(segment_index: Path, tmp_path: Path, kind: str) -> None:
    import shutil

    from retrieval.segment_check import damage

    copy = tmp_path / "index"
    shutil.copytree(segment_index, copy)
    name, spoil = DAMAGES[kind]
    for segment_file in copy.glob(f"*/{name}"):
        spoil(segment_file)
    assert damage(copy), kind


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["truncated header", "zeroed link lists"])
def test_a_damaged_index_is_one_line_not_a_native_crash(segment_index: Path, tmp_path: Path,
                                                        kind: str) -> None:
    """In a child process: before the check, these two killed `finder ask` outright."""
    import os
    import shutil
    import subprocess
    import sys

    copy = tmp_path / "index"
    shutil.copytree(segment_index, copy)
    name, spoil = DAMAGES[kind]
    for segment_file in copy.glob(f"*/{name}"):
        spoil(segment_file)
    env = {**os.environ, "FINDER_EMBEDDER": "hashing", "FINDER_INDEX_DIR": str(copy),
           "FINDER_COLLECTION": "faults"}
    root = Path(__file__).resolve().parent.parent
    result = subprocess.run([sys.executable, str(root / "cli.py"), "ask", "Wat is de WBSO?"],
                            capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 2, (result.returncode, result.stderr[-300:])
    assert "ingest --rebuild" in result.stderr and "Traceback" not in result.stderr
    finder = build_finder(_settings(tmp_path))
    assert finder.ingest(rebuild=True).added == len(finder.passages)
    assert finder.search("WBSO") and list(tmp_path.glob("index.damaged-*"))
