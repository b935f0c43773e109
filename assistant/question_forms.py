"""The forms of a question about named instruments, in words: "X vs Y", "MIT of
Innovatiekrediet?", "how much would we get?", "can I combine X with Y?". `intent` reads them
beside its other rules; the flows that answer them are `compare`, `how_much` and `combine`.
"""

from __future__ import annotations

import re

# a comparison asked in so many words ("X vs Y", "verschil tussen X en Y"): with one name
# recognised (named twice, or beside an unknown one) it is still a comparison, answered so
PAIR_ASKED = re.compile(
    r"\b(vs\.?|versus|verschil tussen|vergelijk\w*|compare|difference between)\b", re.IGNORECASE
)
# "how much would we get?": an estimate from the profile's numbers (assistant/how_much.py);
# "hoeveel budget heeft de MIT?" asks for a figure of the scheme, not for an estimate
HOW_MUCH = re.compile(
    r"\b(hoeveel (?:geld |subsidie |korting |voordeel |belasting )?(?:krijg|krijgen|kan|kunnen"
    r"|levert|leveren|bespaar|besparen|zou|zouden|lenen|leen|scheelt|is dat voor|oplevert)"
    r"|wat (?:levert|leveren|scheelt|bespaar)|what would (?:i|we) get|what do (?:i|we) get"
    r"|how much (?:would|do|does|can|could|will|money|of a|tax|subsidy|is that for|we|i))",
    re.IGNORECASE,
)


# "can I combine X with Y?", "WBSO en innovatiebox stapelen", "X naast Y aanvragen"
COMBINE = re.compile(
    r"\b(combiner\w*|combine[sd]?|combining|combination|stapel\w*|stack\w*|cumul\w*"
    r"|tegelijk(?:ertijd)?|at the same time|both at once|allebei (?:aanvragen|krijgen|gebruiken)"
    r"|naast (?:de |het |een )?\S+ (?:aanvragen|krijgen|gebruiken)|on top of)\b",
    re.IGNORECASE,
)


def asks_how_much(text: str) -> bool:
    return bool(HOW_MUCH.search(text))


# "MIT of Innovatiekrediet?": two names and an "or" in a question
EITHER = re.compile(r"\b(of|or)\b[^.!?]*\?\s*$", re.IGNORECASE)
