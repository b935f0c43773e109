"""Metric functions of the eval contract. Each is small, pure and unit-tested by hand."""

from __future__ import annotations

import statistics
from collections.abc import Sequence

from retrieval.passages import normalise


def _words(text: str) -> list[str]:
    return normalise(text).split(" ") if text.strip() else []


def longest_common_run(quote: Sequence[str], passage: Sequence[str]) -> int:
    """Length of the longest run of consecutive quote words standing consecutively in passage."""
    best = 0
    previous = [0] * (len(passage) + 1)
    for q in quote:
        current = [0] * (len(passage) + 1)
        for j, p in enumerate(passage, 1):
            if q == p:
                current[j] = previous[j - 1] + 1
                best = max(best, current[j])
        previous = current
    return best


def supports(passage_text: str, quote: str, threshold: float = 0.6) -> bool:
    """The contract's test: the longest shared run covers at least 60% of the quote's words."""
    quote_words = _words(quote)
    if not quote_words:
        return False
    run = longest_common_run(quote_words, _words(passage_text))
    return run >= threshold * len(quote_words)


def supports_any(passage_text: str, quotes: Sequence[str]) -> bool:
    return any(supports(passage_text, q) for q in quotes)


def hit_at(recommended: Sequence[str], expected: Sequence[str], k: int) -> float:
    return 1.0 if set(recommended[:k]) & set(expected) else 0.0


def recall_at(recommended: Sequence[str], expected: Sequence[str], k: int) -> float:
    if not expected:
        return 0.0
    return len(set(recommended[:k]) & set(expected)) / len(set(expected))


def passage_hit_at(passages: Sequence[str], quotes: Sequence[str], k: int = 5) -> float:
    """passages: texts of the retrieved letter passages, best first."""
    return 1.0 if any(supports_any(t, quotes) for t in passages[:k]) else 0.0


def reciprocal_rank(passages: Sequence[str], quotes: Sequence[str], k: int = 10) -> float:
    for rank, text in enumerate(passages[:k], 1):
        if supports_any(text, quotes):
            return 1.0 / rank
    return 0.0


def citation_precision(cited: Sequence[str], quotes: Sequence[str]) -> float:
    """cited: texts of the cited letter passages. Citing nothing counts 0."""
    if not cited:
        return 0.0
    return sum(1 for t in cited if supports_any(t, quotes)) / len(cited)


def mentions_found(answer_text: str, must_mention: Sequence[str]) -> tuple[int, int]:
    """(found, total) of the strings a correct answer contains."""
    text = normalise(answer_text)
    return sum(1 for m in must_mention if normalise(m) in text), len(must_mention)


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0..100), linear interpolation; 0 for no values."""
    if not values:
        return 0.0
    if len(values) == 1:
        return float(values[0])
    cuts = statistics.quantiles(values, n=100, method="inclusive")
    index = min(max(round(q) - 1, 0), 98)
    return float(cuts[index])


def mean(values: Sequence[float]) -> float | None:
    return float(sum(values) / len(values)) if values else None
