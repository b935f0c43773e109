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


# Content words that belong to one language only; they decide when the function words tie
# (telegraphic questions such as "WBSO application costs" or "uitleg MIT haalbaarheid").
_NL_CONTENT = frozenset(
    ["instructies", "vorige", "voorgaande", "negeer", "vergeet", "uitleg", "leg", "aanvraag",
     "kosten", "eisen", "voorwaarden", "samenwerking", "haalbaarheid", "haalbaarheidsproject",
     "weer", "morgen", "gisteren", "vandaag", "innovatie", "onderzoek", "ontwikkeling",
     "leningen", "financiering", "aanmerking", "uren", "loon", "toon", "vertel", "mop",
     "recept", "samenvatting", "alsjeblieft", "vraag", "vragen", "snel", "hoeveel", "waarvoor",
     "bedrijven", "ondernemers", "kennis", "zorg", "uitgelegd", "betekent", "verschil",
     "regels", "regelingen", "instellingen", "beleid", "toekomst", "eigen", "nieuwe", "nieuw",
     "zonder", "bedragen", "bedrag", "terugbetalen", "aanvraagtermijn", "wanneer", "stap"]
)
_EN_CONTENT = frozenset(
    ["instructions", "previous", "ignore", "forget", "explain", "application", "applications",
     "costs", "cost", "requirements", "collaboration", "feasibility", "weather", "tomorrow",
     "yesterday", "today", "innovation", "development", "grants", "subsidy", "subsidies",
     "loans", "eligible", "eligibility", "support", "hours", "salary", "print", "show", "tell",
     "joke", "recipe", "summary", "pls", "thx", "quick", "question", "companies", "knowledge",
     "healthcare", "difference", "rules", "schemes", "settings", "policy", "future", "own",
     "new", "without", "amounts", "amount", "repay", "step", "steps", "overview"]
)
_NL_SPELLING = re.compile(r"ij|aa|oe|uu|sch|heid|lijk|cht|tje\b|ieu")
_EN_SPELLING = re.compile(r"th|wh|tion\b|ght|ea|y\b|ck|sh")

_QUOTED = re.compile(r"“.*”|\"[^\"\n]*\"")  # greedy within a line: quotes may nest


def answer_language(text: str, default: Lang = "nl") -> Lang:
    """The language an answer is written in: its own prose, not the sources it quotes."""
    return detect_language(_QUOTED.sub(" ", text), default)


def detect_language(text: str, default: Lang = "nl") -> Lang:
    """'nl' or 'en' by which language's function words the text uses more; on a tie, by its
    language-specific content words, then by spelling (Dutch when still undecided)."""
    words = _WORD.findall(text.lower())
    for score in (_function_words, _content_words, _spelling):
        lead = score(words)
        if lead:
            return "nl" if lead > 0 else "en"
    return default


def _count(words: list[str], nl: frozenset[str], en: frozenset[str]) -> int:
    """Dutch words minus English words."""
    return sum(1 for w in words if w in nl) - sum(1 for w in words if w in en)


def _function_words(words: list[str]) -> int:
    return _count(words, _NL, _EN)


def _content_words(words: list[str]) -> int:
    return _count(words, _NL_CONTENT, _EN_CONTENT)


def _spelling(words: list[str]) -> int:
    """Letter groups typical of Dutch minus those typical of English."""
    joined = " ".join(words)
    return len(_NL_SPELLING.findall(joined)) - len(_EN_SPELLING.findall(joined))


COMMON_WORDS = frozenset(w.strip("'") for w in _NL | _EN | _NL_CONTENT | _EN_CONTENT)
