"""Hybrid search: dense (Chroma) and lexical (BM25) scores fused.

Fusion is a convex combination of normalised scores: BM25 divided by the best BM25 score,
cosine min-max scaled over the candidates. On the dev set it beat reciprocal rank fusion and
both single retrievers (see README, "Retrieval").

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
    sentence: str | None = None  # the sentence window that matched best, when one did

    def as_row(self) -> dict[str, object]:
        """What `finder search --json` and GET /v1/search return per hit."""
        return {"id": self.passage.id, "label": self.passage.label, "score": round(self.score, 5),
                "dense": self.dense, "lexical": self.lexical, "source": self.passage.source,
                "text": self.passage.text}


@dataclass(frozen=True)
class FusionWeights:
    lexical_share: float = 0.6  # the rest of the fused score comes from dense similarity
    candidates: int = 40


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
        self.passages = {i: p for i, p in passages.items() if p.kind != "sentence"}
        self.windows = {i: p for i, p in passages.items() if p.kind == "sentence"}
        self.mode: Mode = mode
        self.weights = weights or FusionWeights()

    def with_mode(self, mode: Mode) -> HybridSearcher:
        everything = {**self.passages, **self.windows}
        return HybridSearcher(self.store, self.lexical, everything, mode, self.weights)

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
        matched: dict[str, str] = {}
        if self.mode in ("hybrid", "dense"):
            if vector is None:
                vector = self.store.embedder.embed_query(query)
            dense, matched = self._dense(vector, n, where)
        if self.mode in ("hybrid", "lexical"):
            # the cards say everything in Dutch and English: no glossary for them
            translate = not filters or filters.source != "card"
            hits = self.lexical.search(query, n, where or None, translate)
            lexical = [(h.doc_id, h.score) for h in hits]
        fused = self._fuse(dense, lexical, matched)
        return fused[:k]

    def _dense(
        self, vector: list[float], n: int, where: dict[str, object]
    ) -> tuple[list[tuple[str, float]], dict[str, str]]:
        """Dense ranks of passages, each scored by itself or its best sentence window, and
        the window text that matched for each passage where a window won."""
        best: dict[str, float] = {}
        matched: dict[str, str] = {}
        for doc_id, score in self.store.query(vector, 4 * n, where or None):
            window = self.windows.get(doc_id)
            target = window.parent if window and window.parent else doc_id
            if target not in self.passages or score <= best.get(target, -2.0):
                continue
            best[target] = score
            if window:
                matched[target] = window.text
            else:
                matched.pop(target, None)
        return sorted(best.items(), key=lambda item: -item[1])[:n], matched

    def _fuse(
        self,
        dense: list[tuple[str, float]],
        lexical: list[tuple[str, float]],
        matched: Mapping[str, str],
    ) -> list[SearchHit]:
        share = self.weights.lexical_share if dense and lexical else (1.0 if lexical else 0.0)
        scores: dict[str, float] = {}
        if lexical:
            top = max(score for _, score in lexical) or 1.0
            for doc_id, score in lexical:
                scores[doc_id] = share * score / top
        if dense:
            low, high = min(s for _, s in dense), max(s for _, s in dense)
            span = (high - low) or 1.0
            for doc_id, score in dense:
                scores[doc_id] = scores.get(doc_id, 0.0) + (1 - share) * (score - low) / span
        dense_score, lexical_score = dict(dense), dict(lexical)
        ordered = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
        return [
            SearchHit(
                passage=self.passages[doc_id],
                score=score,
                dense=dense_score.get(doc_id),
                lexical=lexical_score.get(doc_id),
                sentence=matched.get(doc_id),
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
