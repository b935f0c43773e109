"""The letter passages an answer is composed from.

Policy questions get the search hits, reordered by the question's cues. Answers about
instruments get each instrument's own letter passages first (the one its card chose, then body
text over action-plan rows over footnotes, then the most relevant), then the search hits.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from assistant.answer import Intent
from assistant.knowledge import LETTER_KIND_ORDER
from assistant.rerank import rerank_for_policy
from retrieval.hybrid import HybridSearcher, SearchFilters, SearchHit

SECOND_PASSAGE_FOR = 2  # the first instruments also bring their second-best letter passage
WIDE_SEARCH = 40  # letter passages scored when choosing the ones about an instrument


@dataclass
class LetterEvidence:
    searcher: HybridSearcher
    letter_refs: Mapping[str, Sequence[str]]  # instrument id -> letter passages about it
    top_k: int = 8
    # instrument id -> the passage its card's first letter reference points at (the first, in
    # letter order, that holds the phrase; the letter repeats a few paragraphs): the card
    # author's choice of the passage to quote about it
    chosen: Mapping[str, str] = field(default_factory=dict)

    def embed(self, query: str) -> list[float] | None:
        """The query vector, or None when the search is lexical only."""
        if self.searcher.mode == "lexical":
            return None
        return self.searcher.store.embedder.embed_query(query)

    def gather(
        self, text: str, intent: Intent, focus: Sequence[str], names: str
    ) -> list[SearchHit]:
        """Searched with the question plus instrument names; for answers about instruments,
        each focus instrument's best passage first, then the second-best of the first two,
        then the search hits."""
        query = f"{text} {names}".strip()
        wide = self.searcher.search(
            query, WIDE_SEARCH, SearchFilters(source="letter"), vector=self.embed(query)
        )
        if intent == "policy":
            cover = self.searcher.lexical.coverage(text)
            return rerank_for_policy(text, wide[: 2 * self.top_k], cover)[: self.top_k]
        by_id = {h.passage.id: h for h in wide}
        about = [self.passages_about(iid, by_id) for iid in focus]
        first = [found[0] for found in about if found]
        second = [found[1] for found in about[:SECOND_PASSAGE_FOR] if len(found) > 1]
        unique = {h.passage.id: h for h in [*first, *second, *wide[: self.top_k]]}
        return list(unique.values())[: self.top_k]

    def passages_about(self, iid: str, by_id: Mapping[str, SearchHit]) -> list[SearchHit]:
        """The letter passages about an instrument, best first: the card's chosen one, then
        body text over action rows over footnotes, then the one the search scored highest,
        then the card's order."""
        passages = self.searcher.passages
        candidates = [p for p in self.letter_refs.get(iid, []) if p in passages]
        chosen = self.chosen.get(iid)

        def key(pair: tuple[int, str]) -> tuple[bool, int, float, int]:
            order, pid = pair
            kind = LETTER_KIND_ORDER.get(passages[pid].kind, 3)
            return pid != chosen, kind, -(by_id[pid].score if pid in by_id else 0.0), order

        ordered = [pid for _, pid in sorted(enumerate(candidates), key=key)]
        return [by_id.get(pid) or SearchHit(passages[pid], 0.0) for pid in ordered]
