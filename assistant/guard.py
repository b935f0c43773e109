"""A second look, by meaning, at questions the word rules (assistant/intent.py) let through.

Rules catch the phrasings someone wrote down; a request to cheat or to invent a figure can be
worded in endless other ways. The guard embeds the question with the finder's own embedder
and compares it with short example requests in `prompts/guard/`: ones to decline as hostile,
ones outside the assistant's scope, and ones to answer (many sharing words with the first two:
"do marketing hours count for the WBSO?" next to "put our sales hours in as R&D").

A question is declined when its nearest example to decline is close (at least `threshold`
cosine similarity) and clearly closer than its nearest example to answer (by `margin`). Both
were set on the tuning sets (eval/dev*.jsonl), never on the report set.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from langchain_core.embeddings import Embeddings

from assistant.answer import Intent

T = TypeVar("T")
EXAMPLES = Path(__file__).resolve().parent.parent / "prompts" / "guard"
LABELS: dict[str, Intent | None] = {
    "hostile": "adversarial", "out_of_scope": "out_of_scope", "allowed": None,
}
THRESHOLD = 0.4
MARGIN = 0.12


def read_examples(folder: Path = EXAMPLES) -> dict[str, list[str]]:
    """Label -> example texts, one per line; blank lines and `#` comments skipped."""
    examples: dict[str, list[str]] = {}
    for label in LABELS:
        lines = (folder / f"{label}.txt").read_text(encoding="utf-8").splitlines()
        examples[label] = [s.strip() for s in lines if s.strip() and not s.startswith("#")]
    return examples


def _unit(vector: Sequence[float]) -> list[float]:
    norm = math.sqrt(sum(x * x for x in vector)) or 1.0
    return [x / norm for x in vector]


@dataclass
class SemanticGuard:
    embedder: Embeddings
    examples: dict[str, list[str]] = field(default_factory=read_examples)
    threshold: float = THRESHOLD
    margin: float = MARGIN
    _vectors: dict[str, list[list[float]]] | None = field(default=None, repr=False)

    def vectors(self) -> dict[str, list[list[float]]]:
        """The examples embedded once, on first use."""
        if self._vectors is None:
            self._vectors = {
                label: [_unit(v) for v in self.embedder.embed_documents(texts)]
                for label, texts in self.examples.items()
            }
        return self._vectors

    def leave_out(self, label: str, index: int) -> SemanticGuard:
        """The same guard without one example (its vectors reused): how well would the bank
        judge a request it had not seen?"""
        def drop(items: list[T], lab: str) -> list[T]:
            return [x for i, x in enumerate(items) if lab != label or i != index]

        return SemanticGuard(
            self.embedder,
            {lab: drop(texts, lab) for lab, texts in self.examples.items()},
            self.threshold,
            self.margin,
            {lab: drop(vectors, lab) for lab, vectors in self.vectors().items()},
        )

    def nearest(self, text: str) -> dict[str, float]:
        """Label -> cosine similarity of the question to that label's nearest example."""
        query = _unit(self.embedder.embed_query(text))
        return {
            label: max((sum(a * b for a, b in zip(query, v, strict=True)) for v in vectors),
                       default=-1.0)
            for label, vectors in self.vectors().items()
        }

    def verdict(self, text: str) -> Intent | None:
        """"adversarial" or "out_of_scope" when the question is near examples to decline;
        None when it should be answered."""
        near = self.nearest(text)
        allowed = near.pop("allowed", -1.0)
        label, score = max(near.items(), key=lambda item: item[1])
        if score >= self.threshold and score - allowed >= self.margin:
            return LABELS[label]
        return None
