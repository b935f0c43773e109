"""Choosing the sentences of a passage that answer a question, to quote them verbatim."""

from __future__ import annotations

from collections.abc import Callable

from retrieval.sentences import split_sentences


def best_quote(
    text: str,
    question_terms: set[str],
    terms_of: Callable[[str], list[str]],
    max_sentences: int = 2,
    max_chars: int = 420,
) -> str:
    """The passage's sentences that share most terms with the question, in text order."""
    sentences = split_sentences(text)
    if len(sentences) <= 1:
        return _clip(text, max_chars)
    scored = []
    for index, sentence in enumerate(sentences):
        terms = set(terms_of(sentence))
        overlap = len(terms & question_terms)
        scored.append((overlap + (0.5 if any(t.startswith("@") for t in terms & question_terms) else 0), -index, index))
    scored.sort(reverse=True)
    chosen = sorted(i for _, _, i in scored[:max_sentences] if scored[0][0] > 0) or [0]
    # keep the quote contiguous where the best two are neighbours; else just the best one
    if len(chosen) == 2 and chosen[1] - chosen[0] != 1:
        chosen = [scored[0][2]]
    return _clip(" ".join(sentences[i] for i in chosen), max_chars)


def _clip(text: str, max_chars: int) -> str:
    if len(text) <= max_chars:
        return text
    cut = text[:max_chars].rsplit(" ", 1)[0]
    return cut + " …"
