"""Follow-up questions: "en die tweede?", "what about the loan?" resolve against the last answer."""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.answer import Answer

_ORDINALS = {
    1: r"eerste|first|nummer 1|number 1|#1",
    2: r"tweede|second|nummer 2|number 2|#2",
    3: r"derde|third|nummer 3|number 3|#3",
}
_KIND_WORDS = {
    "loan": r"lening|krediet|loan|credit",
    "fiscal": r"belasting|fiscale|tax",
    "subsidy": r"subsidie|subsidy|grant",
    "equity": r"fonds|investering|equity|fund",
    "procurement": r"aanbesteding|procurement|inkoop",
}
_KIND_MATCH = {
    "loan": {"loan", "subsidy-and-loan", "financing"},
    "fiscal": {"fiscal"},
    "subsidy": {"subsidy", "subsidy-and-loan"},
    "equity": {"equity", "fund-financing", "fund-of-funds", "financing"},
    "procurement": {"procurement"},
}
_REFERS = re.compile(
    r"\b(die|deze|dat|daar|die regeling|it|that|this|that one|the one|those)\b", re.I
)


def resolve_followup(text: str, mentioned: Sequence[str], history: Sequence[Answer]) -> list[str]:
    """The instruments a message is about: named ones, else those it points back to."""
    if mentioned or not history:
        return list(mentioned)
    previous = next((a for a in reversed(history) if a.recommendations), None)
    if previous is None or len(text) > 160:
        return []
    recs = previous.recommendations
    lowered = text.lower()
    for n, pattern in _ORDINALS.items():
        if re.search(rf"\b({pattern})\b", lowered) and len(recs) >= n:
            return [recs[n - 1].instrument_id]
    for kind, pattern in _KIND_WORDS.items():
        if re.search(rf"\b({pattern})\b", lowered):
            match = [r.instrument_id for r in recs if r.kind in _KIND_MATCH[kind]]
            if match:
                return match[:1]
    if _REFERS.search(lowered) and len(text.split()) <= 8:
        return [recs[0].instrument_id]
    return []
