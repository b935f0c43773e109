"""The Chroma store: connect (embedded folder or server), sync passages, query.

The collection records which embedder built it and an index format version; querying with
another embedder raises `IndexMismatch` with the command that fixes it. Embeddings are always
computed by our embedder and passed explicitly: Chroma's own default embedding function (which
would download a model) is never used.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from retrieval.embedders import NamedEmbeddings
from retrieval.passages import Passage

log = logging.getLogger(__name__)

INDEX_FORMAT = "1"
_BATCH = 64


class StoreError(RuntimeError):
    """The index cannot be used; the message says why and what to run."""


class IndexMissing(StoreError):
    pass


class IndexMismatch(StoreError):
    pass


class StoreUnavailable(StoreError):
    pass


class IndexIncomplete(StoreError):
    pass


class IndexMisplaced(StoreError):
    """The index path names a file: never moved aside, even by --rebuild."""


@dataclass(frozen=True)
class StoreLocation:
    """Where the index lives: a local folder, or a Chroma server address."""

    path: Path | None = None
    url: str | None = None
    auth_token: str | None = None
    timeout_s: float = 10.0  # per request to a server: none may hang the page
    create: bool = False  # make a missing folder (ingest); reading never creates one

    def describe(self) -> str:
        return self.url or str(self.path)


def connect(location: StoreLocation) -> Any:
    """A Chroma client for the location, telemetry off."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    settings = ChromaSettings(anonymized_telemetry=False)
    if location.url:
        parsed = urlparse(location.url)
        host, ssl = parsed.hostname or "127.0.0.1", parsed.scheme == "https"
        port = parsed.port or (443 if ssl else 8000)
        headers = (
            {"Authorization": f"Bearer {location.auth_token}"} if location.auth_token else None
        )
        try:
            _heartbeat(f"{'https' if ssl else 'http'}://{host}:{port}", location.timeout_s)
            client = chromadb.HttpClient(
                host=host,
                port=port,
                ssl=ssl,
                headers=headers,
                settings=settings,
            )
            _bound_requests(client, location.timeout_s)
            return client
        except Exception as exc:  # chromadb raises several types when the server is down
            raise StoreUnavailable(
                f"cannot reach the Chroma server at {location.url}: {exc}. "
                "Is it running? (make serve-chroma)"
            ) from exc
    assert location.path is not None
    _check_folder(location)
    try:
        client = chromadb.PersistentClient(path=str(location.path), settings=settings)
        client.list_collections()
    except Exception as exc:  # a damaged sqlite file or segment folder
        from chromadb.api.client import SharedSystemClient

        SharedSystemClient.clear_system_cache()  # Chroma caches a client per folder
        raise StoreUnavailable(
            f"the index folder {location.path} cannot be read ({type(exc).__name__}); "
            "rebuild it with `finder ingest --rebuild` (the damaged folder is kept aside)"
        ) from exc
    return client


def _check_folder(location: StoreLocation) -> None:
    """A missing, misplaced or damaged folder is a message, never a native crash of Chroma's
    reader (see segment_check) and never a folder made as a side effect of a read."""
    from retrieval.segment_check import damage

    path = location.path
    assert path is not None
    if path.exists() and not path.is_dir():
        raise IndexMisplaced(f"the index folder {path} is a file, not a folder")
    if not path.exists():
        if not location.create:
            raise IndexMissing(f"no index at {path} yet: run `finder ingest` (or `make ingest`)")
        path.mkdir(parents=True)
        return
    problems = damage(path)
    if problems:
        raise StoreUnavailable(
            f"the index folder {path} is damaged ({'; '.join(problems[:2])}); "
            "rebuild it with `finder ingest --rebuild` (the damaged folder is kept aside)"
        )


def _heartbeat(base_url: str, timeout_s: float) -> None:
    """Fail fast on a server that is down or frozen: chromadb's own first requests never time
    out, so a server that accepts connections but does not answer would hang `connect`."""
    import httpx

    httpx.get(f"{base_url}/api/v2/heartbeat", timeout=timeout_s)


def _bound_requests(client: Any, timeout_s: float) -> None:
    """Put a time-out on every request of a Chroma HTTP client.

    chromadb 1.5 builds its httpx session with `timeout=None` and has no setting for it, so a
    server that stops answering would hang the request (and the page) for ever.
    """
    import httpx

    session = getattr(getattr(client, "_server", None), "_session", None)
    if isinstance(session, httpx.Client):
        session.timeout = httpx.Timeout(timeout_s, connect=min(timeout_s, 3.0))
    else:
        log.warning("cannot set a time-out on the Chroma client: requests may wait for ever")


@dataclass(frozen=True)
class SyncReport:
    added: int
    deleted: int
    unchanged: int


class PassageStore:
    """One Chroma collection of passages built by one embedder."""

    def __init__(self, client: Any, name: str, embedder: NamedEmbeddings) -> None:
        self._client = client
        self._name = name
        self._embedder = embedder
        self._collection: Any = None

    @property
    def embedder(self) -> NamedEmbeddings:
        return self._embedder

    def _open(self, create: bool) -> Any:
        if self._collection is not None:
            return self._collection
        try:
            if create:
                collection = self._client.get_or_create_collection(
                    self._name,
                    embedding_function=None,
                    metadata=self._metadata(complete=False),
                    configuration={"hnsw": {"space": "cosine"}},
                )
            else:
                collection = self._client.get_collection(self._name, embedding_function=None)
        except Exception as exc:
            if not create and "does not exist" in str(exc).lower():
                raise IndexMissing(
                    f"no index named {self._name!r} yet: run `finder ingest` (or `make ingest`)"
                ) from exc
            raise StoreUnavailable(f"the Chroma store failed to open: {exc}") from exc
        self._check_builder(collection)
        self._collection = collection
        return collection

    def _metadata(self, complete: bool) -> dict[str, str]:
        """What the collection records about itself (Chroma replaces it whole on modify)."""
        return {
            "embedder": self._embedder.identity,
            "format": INDEX_FORMAT,
            "complete": "yes" if complete else "no",
        }

    def _check_builder(self, collection: Any) -> None:
        meta = collection.metadata or {}
        built_with, fmt = meta.get("embedder"), meta.get("format")
        if built_with != self._embedder.identity:
            raise IndexMismatch(
                f"the index was built with embedder {built_with!r} but {self._embedder.identity!r} "
                "is configured: rebuild with `finder ingest --rebuild`, or set FINDER_EMBEDDER "
                "to the embedder that built it"
            )
        if fmt != INDEX_FORMAT:
            raise IndexMismatch(
                f"the index has format {fmt!r}, this version reads {INDEX_FORMAT!r}: "
                "rebuild with `finder ingest --rebuild`"
            )

    def drop(self) -> None:
        """Delete the collection (for a rebuild)."""
        self._collection = None
        try:
            self._client.delete_collection(self._name)
        except Exception as exc:  # absent already
            log.debug("nothing to drop: %s", exc)

    def sync(
        self,
        passages: Sequence[Passage],
        progress: Callable[[int], None] | None = None,
    ) -> SyncReport:
        """Make the collection hold exactly these passages; embed only what is new.

        The collection is marked incomplete while this runs, so an interrupted ingest is
        detected on the next search, and re-running it finishes the job.
        """
        collection = self._open(create=True)
        collection.modify(metadata=self._metadata(complete=False))
        existing = set(collection.get(include=[])["ids"])
        wanted = {p.id: p for p in passages}
        stale = sorted(existing - set(wanted))
        fresh = [p for p in passages if p.id not in existing]
        for start in range(0, len(fresh), _BATCH):
            batch = fresh[start : start + _BATCH]
            vectors = self._embedder.embed_documents([p.text for p in batch])
            collection.upsert(
                ids=[p.id for p in batch],
                embeddings=vectors,
                documents=[p.text for p in batch],
                metadatas=[p.metadata() for p in batch],
            )
            if progress:
                progress(len(batch))
        for start in range(0, len(stale), _BATCH):
            collection.delete(ids=stale[start : start + _BATCH])
        collection.modify(metadata=self._metadata(complete=True))
        return SyncReport(added=len(fresh), deleted=len(stale), unchanged=len(wanted) - len(fresh))

    def all_passages(self) -> list[Passage]:
        """Every stored passage (to build the lexical index from the same data)."""
        collection = self._open(create=False)
        if (collection.metadata or {}).get("complete") != "yes":
            raise IndexIncomplete(
                "the index is incomplete (an ingest was interrupted or is still running): "
                "run `finder ingest` to finish it"
            )
        data = self._read(lambda c: c.get(include=["documents", "metadatas"]))
        return [
            Passage(id=i, text=doc, **(meta or {}))
            for i, doc, meta in zip(data["ids"], data["documents"], data["metadatas"], strict=True)
        ]

    def count(self) -> int:
        return int(self._read(lambda c: c.count()))

    def _read(self, request: Callable[[Any], Any]) -> Any:
        """One request to the collection; a failure is StoreUnavailable, and the collection is
        looked up again on the next request (the server may be back, the collection rebuilt).
        A collection rebuilt since it was opened (a new id: not found) is re-opened at once."""
        from chromadb.errors import NotFoundError

        for attempt in (1, 2):
            collection = self._open(create=False)
            try:
                return request(collection)
            except Exception as exc:  # the server went away, or the folder broke under us
                self._collection = None
                if attempt == 1 and isinstance(exc, NotFoundError):
                    continue
                raise StoreUnavailable(f"the Chroma store did not answer: {exc}") from exc
        raise AssertionError("unreachable")

    def query(
        self, vector: list[float], k: int, where: dict[str, object] | None = None
    ) -> list[tuple[str, float]]:
        """(passage id, cosine similarity) pairs, best first."""
        n = min(k, self.count())
        if n == 0:
            return []
        result = self._read(
            lambda c: c.query(
                query_embeddings=[vector], n_results=n, where=_chroma_where(where),
                include=["distances"],
            )
        )
        ids, dists = result["ids"][0], result["distances"][0]
        return [(i, 1.0 - float(d)) for i, d in zip(ids, dists, strict=True)]


def _chroma_where(where: dict[str, object] | None) -> dict[str, Any] | None:
    if not where:
        return None
    clauses = [{key: value} for key, value in where.items()]
    return clauses[0] if len(clauses) == 1 else {"$and": clauses}
