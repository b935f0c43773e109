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
