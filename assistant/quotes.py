"""Choosing the sentences of a passage that answer a question, to quote them verbatim.

A quote is one or more whole sentences of the passage, in text order; sentences that are not
neighbours are joined with " … ", so every piece between ellipses stands verbatim in the passage.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from retrieval.sentences import split_sentences

GAP = " … "


def _overlap_order(
    sentences: list[str],
    question_terms: set[str],
    terms_of: Callable[[str], list[str]],
    cue: Callable[[str], float] | None = None,
) -> list[int]:
    """Sentence indexes, most question terms shared first (concept tokens count extra, and
    a sentence holding what the question asks for, a figure or a date, gains `cue`)."""

    def score(index: int) -> float:
        shared = set(terms_of(sentences[index])) & question_terms
        extra = cue(sentences[index]) if cue else 0.0
        return len(shared) + 0.5 * sum(1 for t in shared if t.startswith("@")) + extra

    return sorted(range(len(sentences)), key=lambda i: (-score(i), i))


def best_quote(
    text: str,
    question_terms: set[str],
    terms_of: Callable[[str], list[str]],
    matched: str | None = None,
    max_sentences: int = 2,
    max_chars: int = 480,
    cue: Callable[[str], float] | None = None,
) -> str:
    """The sentences that share most terms with the question, plus the sentence the dense
    search matched (when it did), in text order."""
    sentences = _rejoined(_lists_joined(split_sentences(text))) or [text]
    if len(sentences) <= 1:
        return _clip(_closed(sentences[0]), max_chars)
    order = _overlap_order(sentences, question_terms, terms_of, cue)
    chosen = [order[0]]
    if matched:
        chosen += [i for i, s in enumerate(sentences) if s in matched and i not in chosen][:1]
    chosen += [i for i in order if i not in chosen][: max(0, max_sentences - len(chosen))]
    pieces: list[str] = []
    previous = None
    for index in sorted(chosen):
        if previous is not None and index == previous + 1:
            pieces[-1] += " " + sentences[index]
        else:
            pieces.append(sentences[index])
        previous = index
    return _clip(GAP.join(_closed(p) for p in pieces), max_chars)


FRAGMENT_WORDS = 4  # a "sentence" this short that closes a bracket it never opened: a tail


MAX_REJOINED = 3  # a stray "(" joins at most this many pieces, not the rest of the passage


def _rejoined(sentences: list[str]) -> list[str]:
    """Sentences the splitter cut inside a bracket joined back ("(Initiatiefnemer:", "EZK;
    deadline:", "Q3 2023)" -> one), so an action's initiator and deadline stay with it."""
    joined: list[str] = []
    added = 0
    for sentence in sentences:
        open_bracket = joined and joined[-1].count("(") > joined[-1].count(")")
        if open_bracket and added < MAX_REJOINED:
            joined[-1] += " " + sentence
            added += 1
        else:
            joined.append(sentence)
            added = 0
    return joined


# a list the letter introduces with a colon ("De visie kent zeven actielijnen: 1. … 7. …"):
# its items stay with the sentence that announces them, or a quote of that sentence would
# leave out what was asked (conversations-dev4 cd4-18, "welke actielijnen zijn er precies?")
LIST_MARKER = re.compile(r"^(?:\d{1,2}[.)]|[•▪·–-]|[a-h][.)])(?:\s|$)")
MAX_LIST_PIECES = 24  # markers and items: a list of twelve at most


def _lists_joined(sentences: list[str]) -> list[str]:
    joined: list[str] = []
    in_list, pieces = False, 0
    for sentence in sentences:
        marker = bool(LIST_MARKER.match(sentence))
        after_marker = bool(joined) and bool(LIST_MARKER.match(joined[-1].split(" ")[-1] + " "))
        if in_list and pieces < MAX_LIST_PIECES and (marker or after_marker):
            joined[-1] += " " + sentence
            pieces += 1
            continue
        in_list = sentence.rstrip().endswith(":")
        pieces = 0
        joined.append(sentence)
    return joined


def _closed(piece: str) -> str:
    """A quote that stops before a bracket it does not close: the letter's action tables end a
    row in "(Initiatiefnemer:" with the name in the next cell. Still a verbatim prefix."""
    if piece.count("(") > piece.count(")"):
        head = piece[: piece.rfind("(")].rstrip(" ,;:—-")
        if len(head.split()) >= FRAGMENT_WORDS:
            return head
    return piece


def _clip(text: str, max_chars: int) -> str:
    if len(text) <= max_chars:
        return text
    cut = text[:max_chars].rsplit(" ", 1)[0]
    return cut + " …"
