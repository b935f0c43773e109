"""Hybrid search: dense (Chroma) and lexical (BM25) ranks fused by reciprocal rank fusion.

`HybridSearcher.search` returns typed hits for the assistant; `HybridRetriever` wraps it as a
LangChain `BaseRetriever` so it plugs into chains that expect one.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import BaseModel, ConfigDict, Field

from retrieval.lexical import BM25Index
from retrieval.passages import Passage, Source
from retrieval.store import PassageStore

Mode = Literal["hybrid", "dense", "lexical"]


class SearchFilters(BaseModel):
    """Restrict a search to a source, an instrument or a part of the letter."""

    model_config = ConfigDict(extra="forbid")

    source: Source | None = Field(default=None, description="letter or card.")
    instrument_id: str | None = Field(default=None, description="Only this instrument's card.")
    part: str | None = Field(default=None, description="Deel I, Deel II, Actieplan, Inleiding.")

    def as_where(self) -> dict[str, object]:
        return {k: v for k, v in self.model_dump().items() if v is not None}


@dataclass(frozen=True)
class SearchHit:
    passage: Passage
    score: float
    dense: float | None = None
    lexical: float | None = None


@dataclass(frozen=True)
class FusionWeights:
    dense: float = 1.0
    lexical: float = 1.0
    rrf_k: int = 60
    candidates: int = 40
    footnote: float = 0.5  # footnotes rarely answer a question by themselves


class HybridSearcher:
    """Searches one passage collection densely, lexically or both."""

    def __init__(
        self,
        store: PassageStore,
        lexical: BM25Index,
        passages: Mapping[str, Passage],
        mode: Mode = "hybrid",
        weights: FusionWeights | None = None,
    ) -> None:
        self.store = store
        self.lexical = lexical
        self.passages = dict(passages)
        self.mode: Mode = mode
        self.weights = weights or FusionWeights()

    def with_mode(self, mode: Mode) -> HybridSearcher:
        return HybridSearcher(self.store, self.lexical, self.passages, mode, self.weights)

    def search(
        self,
        query: str,
        k: int = 8,
        filters: SearchFilters | None = None,
        vector: list[float] | None = None,
    ) -> list[SearchHit]:
        """Best passages first. `vector` reuses a query embedding computed by the caller."""
        where = filters.as_where() if filters else {}
        n = max(k, self.weights.candidates)
        dense: list[tuple[str, float]] = []
        lexical: list[tuple[str, float]] = []
        if self.mode in ("hybrid", "dense"):
            if vector is None:
                vector = self.store.embedder.embed_query(query)
            dense = self.store.query(vector, n, where or None)
        if self.mode in ("hybrid", "lexical"):
            lexical = [(h.doc_id, h.score) for h in self.lexical.search(query, n, where or None)]
        fused = self._fuse(dense, lexical)
        return fused[:k]

    def _fuse(
        self, dense: list[tuple[str, float]], lexical: list[tuple[str, float]]
    ) -> list[SearchHit]:
        w = self.weights
        scores: dict[str, float] = {}
        dense_score = dict(dense)
        lexical_score = dict(lexical)
        for weight, ranked in ((w.dense, dense), (w.lexical, lexical)):
            for rank, (doc_id, _) in enumerate(ranked):
                scores[doc_id] = scores.get(doc_id, 0.0) + weight / (w.rrf_k + rank + 1)
        for doc_id in scores:
            passage = self.passages.get(doc_id)
            if passage is not None and passage.kind == "footnote":
                scores[doc_id] *= w.footnote
        ordered = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
        return [
            SearchHit(
                passage=self.passages[doc_id],
                score=score,
                dense=dense_score.get(doc_id),
                lexical=lexical_score.get(doc_id),
            )
            for doc_id, score in ordered
            if doc_id in self.passages
        ]


class HybridRetriever(BaseRetriever):
    """LangChain retriever over a `HybridSearcher`."""

    searcher: Any = Field(description="The HybridSearcher doing the work.")
    k: int = Field(default=8, description="Passages to return.")
    filters: SearchFilters | None = Field(default=None, description="Optional restrictions.")

    def _get_relevant_documents(
        self, query: str, *, run_manager: CallbackManagerForRetrieverRun
    ) -> list[Document]:
        hits: list[SearchHit] = self.searcher.search(query, self.k, self.filters)
        return [
            Document(
                page_content=hit.passage.text,
                id=hit.passage.id,
                metadata={**hit.passage.metadata(), "id": hit.passage.id, "score": hit.score},
            )
            for hit in hits
        ]
