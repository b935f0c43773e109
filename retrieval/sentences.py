"""Sentences of a passage, and sentence windows for fine-grained dense search.

A passage of a hundred words often answers a question in one sentence. Multilingual USE is a
sentence encoder, so each letter passage is also embedded sentence by sentence; a search scores
a passage by its best sentence as well as by the whole ("small-to-big" retrieval). Windows are
never shown or cited themselves: hits map back to their passage.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from retrieval.passages import Passage, stable_id

_SENTENCE_END = re.compile(r"(?<=[.!?;:])\s+(?=[A-Z€“‘(•0-9])")
MIN_WORDS = 8


def split_sentences(text: str) -> list[str]:
    """Sentences of a passage (bullets and semicolons end a sentence too)."""
    parts = [s.strip() for s in _SENTENCE_END.split(text.replace(" • ", " \n• "))]
    return [p for p in (s.strip("• ").strip() for part in parts for s in part.split("\n")) if p]


def _windows(text: str) -> list[str]:
    """Sentences, a short one joined to the next so every window has some content."""
    windows: list[str] = []
    pending = ""
    for sentence in split_sentences(text):
        pending = f"{pending} {sentence}".strip()
        if len(pending.split()) >= MIN_WORDS:
            windows.append(pending)
            pending = ""
    if pending:
        if windows:
            windows[-1] = f"{windows[-1]} {pending}"
        else:
            windows.append(pending)
    return windows


def sentence_windows(passages: Iterable[Passage]) -> list[Passage]:
    """One window per sentence of every multi-sentence passage, pointing at its passage."""
    result = []
    for passage in passages:
        windows = _windows(passage.text)
        if len(windows) < 2:
            continue
        for index, window in enumerate(windows):
            result.append(
                Passage(
                    id=stable_id("sent", passage.id, str(index), window),
                    text=window,
                    source=passage.source,
                    kind="sentence",
                    label=passage.label,
                    part=passage.part,
                    parent=passage.id,
                )
            )
    return result
