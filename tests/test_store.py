"""Real Chroma in a temporary folder (and once against a `chroma run` server)."""

from __future__ import annotations

from pathlib import Path

import pytest

from retrieval.embedders import HashingEmbeddings, NamedEmbeddings
from retrieval.passages import Passage, stable_id
from retrieval.store import (
    IndexMismatch,
    IndexMissing,
    PassageStore,
    StoreLocation,
    StoreUnavailable,
    connect,
)


class CountingEmbeddings(HashingEmbeddings):
    """The hashing embedder, counting how many texts it embedded."""

    def __init__(self) -> None:
        super().__init__()
        self.embedded = 0

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        self.embedded += len(texts)
        return super().embed_documents(texts)


class OtherEmbeddings(HashingEmbeddings):
    @property
    def identity(self) -> str:
        return "other:1"


def _passage(text: str, **extra: object) -> Passage:
    return Passage(
        id=stable_id("t", text), text=text, source="letter", kind="paragraph", label=text[:20],
        **extra,  # type: ignore[arg-type]
    )


TEXTS = [
    "De WBSO verlaagt de loonkosten voor speur- en ontwikkelingswerk.",
    "Het Innovatiekrediet financiert risicovolle ontwikkelprojecten.",
    "De MIT-regeling ondersteunt haalbaarheidsprojecten van het mkb.",
]


def _store(path: Path, embedder: NamedEmbeddings) -> PassageStore:
    return PassageStore(connect(StoreLocation(path=path)), "unit-test", embedder)


def test_sync_embeds_only_what_changed(tmp_path: Path) -> None:
    embedder = CountingEmbeddings()
    store = _store(tmp_path, embedder)
    passages = [_passage(t) for t in TEXTS]
    first = store.sync(passages)
    assert (first.added, first.deleted, first.unchanged) == (3, 0, 0)
    assert embedder.embedded == 3

    again = store.sync(passages)
    assert (again.added, again.deleted, again.unchanged) == (0, 0, 3)
    assert embedder.embedded == 3, "nothing changed, nothing may be embedded"

    changed = [*passages[:2], _passage(TEXTS[2] + " Aangepast in 2024.")]
    report = store.sync(changed)
    assert (report.added, report.deleted, report.unchanged) == (1, 1, 2)
    assert embedder.embedded == 4
    assert {p.id for p in store.all_passages()} == {p.id for p in changed}


def test_removed_passages_are_deleted(tmp_path: Path) -> None:
    store = _store(tmp_path, HashingEmbeddings())
    store.sync([_passage(t) for t in TEXTS])
    store.sync([_passage(TEXTS[0])])
    assert store.count() == 1


def test_metadata_round_trips_and_query_filters(tmp_path: Path) -> None:
    store = _store(tmp_path, HashingEmbeddings())
    passages = [
        _passage(TEXTS[0], part="Deel I", section="1. Waarom", paragraph=2),
        _passage(TEXTS[1], part="Deel II"),
    ]
    store.sync(passages)
    back = {p.id: p for p in store.all_passages()}
    assert back[passages[0].id] == passages[0]
    vector = store.embedder.embed_query("loonkosten speur")
    assert store.query(vector, 5, {"part": "Deel II"})[0][0] == passages[1].id
    assert store.query(vector, 5)[0][0] == passages[0].id


def test_index_built_with_another_embedder_is_refused(tmp_path: Path) -> None:
    _store(tmp_path, HashingEmbeddings()).sync([_passage(TEXTS[0])])
    other = _store(tmp_path, OtherEmbeddings())
    with pytest.raises(IndexMismatch, match="ingest --rebuild"):
        other.count()


def test_missing_index_says_how_to_build_it(tmp_path: Path) -> None:
    with pytest.raises(IndexMissing, match="finder ingest"):
        _store(tmp_path, HashingEmbeddings()).count()


def test_unreachable_server_is_a_clear_error() -> None:
    location = StoreLocation(url="http://127.0.0.1:9")  # discard port: nothing listens
    with pytest.raises(StoreUnavailable, match=r"127\.0\.0\.1:9"):
        store = PassageStore(connect(location), "unit-test", HashingEmbeddings())
        store.count()


@pytest.mark.server
def test_sync_and_query_against_a_chroma_server(chroma_server: str) -> None:
    embedder = CountingEmbeddings()
    store = PassageStore(connect(StoreLocation(url=chroma_server)), "server-test", embedder)
    passages = [_passage(t) for t in TEXTS]
    assert store.sync(passages).added == 3
    assert store.sync(passages).added == 0
    assert embedder.embedded == 3
    hits = store.query(embedder.embed_query("haalbaarheidsprojecten mkb"), 2)
    assert hits[0][0] == passages[2].id


@pytest.mark.server
def test_server_going_away_mid_session_is_a_clear_error(tmp_path: Path) -> None:
    """Start a private server, open the store, stop the server: queries raise StoreUnavailable."""
    import os
    import shutil
    import socket
    import subprocess
    import sys
    import time

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    chroma = shutil.which("chroma") or str(Path(sys.executable).parent / "chroma")
    proc = subprocess.Popen(
        [chroma, "run", "--path", str(tmp_path), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        env={**os.environ, "ANONYMIZED_TELEMETRY": "False"},
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                time.sleep(0.3)
        client = connect(StoreLocation(url=f"http://127.0.0.1:{port}"))
        store = PassageStore(client, "gone", HashingEmbeddings())
        store.sync([_passage(t) for t in TEXTS])
        vector = store.embedder.embed_query("WBSO")
        assert store.query(vector, 2)
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    started = time.monotonic()
    with pytest.raises(StoreUnavailable, match="did not answer"):
        store.query(vector, 2)
    assert time.monotonic() - started < 30, "no request may hang"


class FailingAfter(HashingEmbeddings):
    """Embeds `batches` batches, then dies like a killed process would."""

    def __init__(self, batches: int) -> None:
        super().__init__()
        self.left = batches

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        if self.left == 0:
            raise KeyboardInterrupt
        self.left -= 1
        return super().embed_documents(texts)


def test_an_interrupted_ingest_is_detected_and_finished_by_rerunning(tmp_path: Path) -> None:
    from retrieval.store import IndexIncomplete

    passages = [
        _passage(f"Passage nummer {i} over innovatie en subsidie {i * 7}.") for i in range(150)
    ]
    with pytest.raises(KeyboardInterrupt):
        _store(tmp_path, FailingAfter(batches=1)).sync(passages)
    half = _store(tmp_path, HashingEmbeddings())
    assert 0 < half.count() < len(passages)
    with pytest.raises(IndexIncomplete, match="finder ingest"):
        half.all_passages()
    already = half.count()
    report = _store(tmp_path, HashingEmbeddings()).sync(passages)
    assert report.added == len(passages) - already, "only the missing passages are embedded"
    complete = _store(tmp_path, HashingEmbeddings())
    assert {p.id for p in complete.all_passages()} == {p.id for p in passages}
