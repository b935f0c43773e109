"""Reordering the letter passages found for a question about the letter itself.

The fused search score knows words, not what kind of answer a question asks for. Three cues
from the question adjust it: whether it asks about the action plan (its table rows) or the
letter's argument (its paragraphs), and whether it asks for an amount or a date (passages
that hold figures or years). Footnotes and lists of parliamentary papers, which point to
other documents, come last.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from retrieval.hybrid import SearchHit
from retrieval.sentences import split_sentences

ACTION_PLAN = re.compile(r"\b(actie ?plan\w*|action ?plan\w*)\b", re.IGNORECASE)
AMOUNT = re.compile(
    r"\b(hoeveel|hoe ?veel|how (much|many)|welk bedrag|what amount|budget|percentage)\b",
    re.IGNORECASE,
)
WHEN = re.compile(
    r"\b(wanneer|vanaf welk jaar|in welk jaar|tot wanneer|when|which year|what year|by when)\b",
    re.IGNORECASE,
)
FIGURE = re.compile(r"(€|\d+ ?%|\bmln\b|\bmiljoen\b|\bmiljard\b|\bmillion\b|\d[\d.,]*)")
YEAR = re.compile(r"\b(19|20)\d\d\b|\b(januari|februari|maart|april|mei|juni|juli|augustus|"
                  r"september|oktober|november|december|voorjaar|najaar|zomer)\b", re.IGNORECASE)

REFERENCE = re.compile(r"\bKamerstuk\b")
REFERENCE_LIST = 3  # a passage citing this many parliamentary papers is a list of references

MATCHING_KIND = 1.3  # an action-plan row for an action-plan question
OTHER_KIND = 0.85  # an action-plan row for a question about the letter's argument
FOOTNOTE = 0.8
CUE_MET = 1.15  # a figure for an amount question, a date for a when question
COVERAGE = 1.0  # a sentence holding every question term doubles the passage's score


def factor(question: str, hit: SearchHit) -> float:
    """How much the question's cues raise or lower one passage's score."""
    passage, weight = hit.passage, 1.0
    wants_plan = bool(ACTION_PLAN.search(question))
    if passage.kind == "action":
        weight *= MATCHING_KIND if wants_plan else OTHER_KIND
    elif passage.kind == "footnote" or len(REFERENCE.findall(passage.text)) >= REFERENCE_LIST:
        weight *= FOOTNOTE
    if AMOUNT.search(question) and FIGURE.search(passage.text):
        weight *= CUE_MET
    if WHEN.search(question) and YEAR.search(passage.text):
        weight *= CUE_MET
    return weight


def rerank_for_policy(
    question: str,
    hits: Sequence[SearchHit],
    coverage: Callable[[str], float] | None = None,
) -> list[SearchHit]:
    """The hits with adjusted scores, best first (stable for equal scores). `coverage` gives,
    for a sentence, the share of the question's weight it holds: the best sentence of a
    passage raises it (an answer usually stands in one sentence)."""

    def best_sentence(hit: SearchHit) -> float:
        if coverage is None:
            return 0.0
        return max((coverage(s) for s in split_sentences(hit.passage.text)), default=0.0)

    adjusted = [
        replace(h, score=h.score * factor(question, h) * (1 + COVERAGE * best_sentence(h)))
        for h in hits
    ]
    return sorted(adjusted, key=lambda h: -h.score)


def sentence_cue(question: str) -> Callable[[str], float]:
    """For choosing quoted sentences: one point for a sentence with what the question asks
    for (a figure for an amount question, a date for a when question)."""
    wants_amount, wants_date = bool(AMOUNT.search(question)), bool(WHEN.search(question))

    def cue(sentence: str) -> float:
        return float(
            (wants_amount and bool(FIGURE.search(sentence)))
            or (wants_date and bool(YEAR.search(sentence)))
        )

    return cue
