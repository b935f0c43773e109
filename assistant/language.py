"""Dutch or English? Function-word counting, tuned for short, informal questions."""

from __future__ import annotations

import re
from typing import Literal

Lang = Literal["nl", "en"]

_WORD = re.compile(r"[a-zà-ÿ']+")
_NL = frozenset(
    ["de", "het", "een", "en", "van", "ik", "je", "jij", "u", "uw", "wij", "we", "ons", "onze",
     "zijn", "is", "niet", "wat", "welke", "hoe", "waar", "wanneer", "kan", "kunnen", "mag",
     "moet", "voor", "met", "bij", "als", "dat", "dit", "die", "er", "ook", "nog", "naar", "uit",
     "over", "maar", "of", "om", "te", "heb", "hebben", "heeft", "wordt", "worden", "mijn",
     "bedrijf", "regeling", "subsidie", "zoek", "zoeken", "aanvragen", "krijgen", "goed", "dag",
     "hoi", "hallo", "bedankt", "dank", "waarom", "wie", "welk", "graag", "iets", "geen", "meer",
     "veel", "klein", "groot", "onderneming", "ondernemer", "mkb", "zzp'er", "zzper",
     "ontwikkelen", "bouwen", "werken", "zijn", "samen", "kabinet", "brief", "wil", "willen",
     "zou", "zouden", "deze", "doen", "doet", "gaan", "gaat", "jullie", "hun", "haar", "hem",
     "zij", "ze", "geld", "lening"]
)
_EN = frozenset(
    ["the", "a", "an", "and", "of", "i", "you", "your", "we", "our", "is", "are", "not", "what",
     "which", "how", "where", "when", "can", "could", "may", "must", "for", "with", "at", "as",
     "that", "this", "there", "also", "to", "from", "about", "but", "or", "my", "company",
     "scheme", "grant", "apply", "get", "good", "hello", "hi", "thanks", "thank", "why", "who",
     "please", "some", "any", "no", "more", "many", "small", "big", "business", "do", "does",
     "did", "would", "should", "will", "want", "looking", "need", "tax", "credit", "loan", "fund",
     "funding", "government", "letter", "say", "says", "doing", "build", "building", "develop",
     "developing", "have", "has", "it", "they", "their", "them", "be", "been", "into", "than",
     "then", "so", "if", "on", "by", "work", "working"]
)


_QUOTED = re.compile(r"“.*”|\"[^\"\n]*\"")  # greedy within a line: quotes may nest


def answer_language(text: str, default: Lang = "nl") -> Lang:
    """The language an answer is written in: its own prose, not the sources it quotes."""
    return detect_language(_QUOTED.sub(" ", text), default)


def detect_language(text: str, default: Lang = "nl") -> Lang:
    """'nl' or 'en' by which language's function words the text uses more (Dutch on a tie)."""
    words = _WORD.findall(text.lower())
    nl = sum(1 for w in words if w in _NL)
    en = sum(1 for w in words if w in _EN)
    if nl == en:
        return default
    return "nl" if nl > en else "en"


COMMON_WORDS = frozenset(w.strip("'") for w in _NL | _EN)
