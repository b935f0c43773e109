"""Nearest labelled examples, by meaning, with the finder's own embedder.

A bank maps each label to short example texts. A text is compared with every example (cosine
similarity of the embeddings) and gets, per label, the similarity of its nearest example. The
guard (assistant.guard) and the reading of activities (assistant.meaning) are such banks; the
examples are data files, not Python.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field, replace
from typing import ClassVar, Self

import numpy as np
from langchain_core.embeddings import Embeddings

log = logging.getLogger(__name__)


def units(vectors: list[list[float]]) -> np.ndarray:
    matrix = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(matrix, axis=-1, keepdims=True)
    return matrix / np.where(norms == 0, 1.0, norms)


@dataclass
class ExampleBank:
    """A bank's `label` is the label whose nearest example is at least `threshold` close and
    `margin` closer than the nearest of `REFERENCE` (the label that means "none of these")."""

    REFERENCE: ClassVar[str]
    embedder: Embeddings
    examples: dict[str, list[str]]
    _vectors: dict[str, np.ndarray] | None = field(default=None, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    threshold: float = 1.0
    margin: float = 0.0

    def label(self, text: str) -> str | None:
        return self.nearest_label(text, self.REFERENCE, self.threshold, self.margin)

    def vectors(self) -> dict[str, np.ndarray]:
        """The examples embedded once (the page warms this up before serving)."""
        with self._lock:
            if self._vectors is None:
                self._vectors = {
                    label: units(self.embedder.embed_documents(texts))
                    for label, texts in self.examples.items()
                }
            return self._vectors

    def nearest(self, text: str) -> dict[str, float]:
        """Label -> cosine similarity of the text to that label's nearest example."""
        query = units([self.embedder.embed_query(text)])[0]
        return {
            label: float((vectors @ query).max()) if len(vectors) else -1.0
            for label, vectors in self.vectors().items()
        }

    def nearest_label(self, text: str, reference: str, threshold: float, margin: float
                      ) -> str | None:
        """The label whose nearest example is close (at least `threshold`) and clearly closer
        (by `margin`) than the `reference` label's nearest; None otherwise, and when the model
        fails (logged, never shown: the word rules have already run)."""
        try:
            near = self.nearest(text)
        except Exception as exc:  # a model that fails must not take the answer down with it
            log.warning("%s skipped: %s", type(self).__name__, type(exc).__name__)
            return None
        beside = near.pop(reference, -1.0)
        if not near:
            return None
        label, score = max(near.items(), key=lambda item: item[1])
        return label if score >= threshold and score - beside >= margin else None

    def leave_out(self, label: str, index: int) -> Self:
        """The same bank without one example (its vectors reused): how well would the bank
        judge a text it had not seen?"""
        vectors = self.vectors()
        return replace(
            self,
            examples={lab: [t for i, t in enumerate(texts) if lab != label or i != index]
                      for lab, texts in self.examples.items()},
            _vectors={lab: np.delete(v, index, axis=0) if lab == label else v
                      for lab, v in vectors.items()},
            _lock=threading.Lock(),
        )
