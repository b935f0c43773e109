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


def rerank_for_policy(question: str, hits: Sequence[SearchHit]) -> list[SearchHit]:
    """The hits with adjusted scores, best first (stable for equal scores)."""
    adjusted = [replace(h, score=h.score * factor(question, h)) for h in hits]
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
