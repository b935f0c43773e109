"""Reading past typos: a word that is no known word but lies within a small edit distance of a
key term (instruments/data/spelling.txt) is read as that term ("medewerkres" -> "medewerkers",
"subsdie" -> "subsidie"). Known words are never changed, so "mensen" stays "mensen".
"""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import cache
from pathlib import Path

VOCABULARY = Path(__file__).parent / "data" / "spelling.txt"
# edits allowed by word length: short words have too many neighbours to correct safely
# (set by hand on the vocabulary: at 4 letters "bank" -> "bakkerij"-like slips start to appear)
MIN_LENGTH = 5
ONE_EDIT_UP_TO = 7  # words of 5-7 letters: one edit; longer words: two
_WORD = re.compile(r"[a-zà-ÿ'-]+")


@cache
def vocabulary(path: Path = VOCABULARY) -> frozenset[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(s.strip().lower() for s in lines if s.strip() and not s.startswith("#"))


def within(a: str, b: str, limit: int) -> bool:
    """Damerau-Levenshtein (adjacent swaps count one) distance of a and b is at most limit."""
    if abs(len(a) - len(b)) > limit:
        return False
    before: list[int] = []
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            current[j] = min(row[j] + 1, current[j - 1] + 1, row[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], before[j - 2] + 1)
        if min(current) > limit:
            return False
        before, row = row, current
    return row[-1] <= limit


def correct_word(word: str, known: Collection[str] = ()) -> str:
    """The key term a mistyped word stands for, or the word itself."""
    terms = vocabulary()
    if len(word) < MIN_LENGTH or word in terms or word in known or not word.isascii():
        return word  # short, known, or accented ("crédit" is French, not a slip)
    same_start = sorted(t for t in terms if t[0] == word[0])
    for limit in range(1, (1 if len(word) <= ONE_EDIT_UP_TO else 2) + 1):  # the closest first
        matches = [t for t in same_start if within(word, t, limit)]
        if matches:
            return matches[0]
    # a slip in the first letter: one edit at most
    return next((t for t in sorted(terms) if within(word, t, 1)), word)


def correct(text: str, known: Collection[str] = ()) -> str:
    """The text (lower case) with mistyped key terms corrected."""
    return _WORD.sub(lambda m: correct_word(m.group(0), known), text.lower())
