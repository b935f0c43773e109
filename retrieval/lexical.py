"""Lexical search: BM25 over Dutch and English stems, plus an instrument lexicon.

Each word is indexed under its Dutch and its English Snowball stem, so "subsidies" and
"subsidie" meet, and so do "innovations" and "innovation". The lexicon maps the many names of
an instrument ("S&O", "WBSO", "R&D tax credit") to one concept token, which is added to both
passages and queries; the lexicon itself comes from the caller (built from the cards).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache

import snowballstemmer

from retrieval.glossary import EN_NL

_WORD = re.compile(r"[0-9a-zà-ÿ][0-9a-zà-ÿ&'’\-]*", re.IGNORECASE)
_STOP = frozenset(
    ["de", "het", "een", "en", "of", "van", "in", "op", "te", "voor", "met", "aan", "door", "bij",
     "als", "is", "zijn", "wordt", "worden", "dat", "die", "dit", "deze", "er", "ook", "om", "tot",
     "naar", "uit", "over", "we", "wij", "ons", "onze", "ze", "zij", "hun", "je", "jij", "u", "uw",
     "ik", "mijn", "niet", "geen", "wat", "welke", "hoe", "kan", "kunnen", "moet", "the", "a",
     "an", "and", "or", "of", "in", "on", "to", "for", "with", "at", "by", "as", "is", "are", "be",
     "was", "were", "that", "this", "these", "those", "it", "its", "we", "our", "you", "your", "i",
     "my", "not", "no", "what", "which", "how", "can", "could", "should", "do", "does", "from",
     "into", "about", "than", "then", "there", "their", "they", "them",
     # more function words (nl, en): frequent in questions, telling nothing about a scheme
     "maar", "heb", "hebt", "heeft", "hebben", "had", "veel", "eerst", "wil", "wilt", "willen",
     "daar", "hier", "waar", "gaan", "gaat", "echt", "voordat", "al", "nog", "wel", "dan", "zo",
     "nu", "meer", "wie", "waarom", "wanneer", "zou", "zouden", "mag", "mogen", "kun", "kunt",
     "zal", "zullen", "was", "waren", "ben", "bent", "iets", "heel", "erg", "even", "toch",
     "want", "omdat", "dus", "zich", "me", "mij", "hem", "haar", "men", "hebt", "doen", "doet",
     "have", "has", "had", "will", "would", "also", "just", "like", "some", "any", "very", "so",
     "if", "but", "because", "get", "got", "im", "i'm", "we're", "were", "been", "being", "us",
     "there's", "it's", "one", "me", "am", "here", "where", "who", "when", "why"]
)


_LEAD = re.compile(r"[\w-]+")


@cache
def _glossary() -> list[tuple[str, re.Pattern[str], tuple[str, ...]]]:
    """(first word, pattern, Dutch words), compiled on first use (not at import): a pattern
    is tried only when its first word stands in the question, so 649 entries cost a set
    lookup each."""
    return [
        (lead.group(), re.compile(r"(?<![\w-])" + re.escape(english) + r"(?![\w-])"), dutch)
        for english, dutch in EN_NL.items()
        if (lead := _LEAD.match(english))
    ]

# Words that stand in every passage of this corpus ("what does the letter say about ...").
_QUERY_NOISE = frozenset(
    ["brief", "kamerbrief", "letter", "kabinet", "cabinet", "zegt", "say", "says", "said", "staat",
     "stated", "mention", "mentioned", "noemt"]
)


def _stemmers() -> tuple[object, object]:
    return snowballstemmer.stemmer("dutch"), snowballstemmer.stemmer("english")


def _fold(text: str) -> str:
    return text.replace("\u00ad", "").replace("’", "'").lower()


# acronyms that are also words in lower case ("mooi", "bom", "rom", "go", "slim"); the others
# are read in any case, as people type them ("mit of innovatiekrediet?", ordinary-dev o036)
_CASE_SENSITIVE_WORDS = frozenset({"mooi", "sabe", "marin", "bom", "nom", "rom", "go", "slim"})


def _exact(name: str) -> bool:
    """Match case-sensitively: acronyms that are also words."""
    bare = name.removesuffix("'s").removesuffix("s")
    return bare.isupper() and bare.lower() in _CASE_SENSITIVE_WORDS


@dataclass
class Lexicon:
    """Concept id -> phrases that name it. Matching is on folded, whitespace-collapsed text."""

    phrases: Mapping[str, Sequence[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # Two alternations, longest phrase first: all-caps acronyms that are also ordinary
        # words ("ROM", "MOOI") only match in capitals; the rest case-folded.
        self._exact: dict[str, str] = {}
        self._folded: dict[str, str] = {}
        for concept, names in self.phrases.items():
            for raw in names:
                name = " ".join(raw.split())
                if len(name) < 2:
                    continue
                if _exact(name):
                    self._exact.setdefault(name, concept)
                else:
                    self._folded.setdefault(_fold(name), concept)
        self._exact_re = _alternation(self._exact)
        self._folded_re = _alternation(self._folded)

    def without_names(self, text: str) -> str:
        """The text with every instrument name taken out (names belong to no language)."""
        plain = " ".join(text.replace("\u00ad", "").split())
        if self._exact_re is not None:
            plain = self._exact_re.sub(" ", plain)
        if self._folded_re is not None:
            plain = self._folded_re.sub(" ", _fold(plain))
        return plain

    def concepts(self, text: str) -> list[str]:
        """Concept ids named in the text (each once, in order of first appearance)."""
        plain = " ".join(text.replace("\u00ad", "").split())
        found: list[tuple[int, str]] = []
        for pattern, table, subject in (
            (self._exact_re, self._exact, plain),
            (self._folded_re, self._folded, _fold(plain)),
        ):
            if pattern is not None:
                found += [(m.start(), table[m.group(1)]) for m in pattern.finditer(subject)]
        return list(dict.fromkeys(concept for _, concept in sorted(found)))


def _alternation(table: Mapping[str, str]) -> re.Pattern[str] | None:
    if not table:
        return None
    names = sorted(table, key=lambda n: (-len(n), n))
    return re.compile(r"(?<![\w&])(" + "|".join(map(re.escape, names)) + r")(?![\w&])")


class Analyzer:
    """Text -> index terms (Dutch and English stems, concept tokens)."""

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self._nl, self._en = _stemmers()
        self._lexicon = lexicon or Lexicon()
        self._stems: dict[str, tuple[str, str]] = {}

    def _stem(self, word: str) -> tuple[str, str]:
        """Dutch and English stems of a word, memoised (the vocabulary repeats a lot)."""
        stems = self._stems.get(word)
        if stems is None:
            stems = (self._nl.stemWord(word), self._en.stemWord(word))  # type: ignore[attr-defined]
            self._stems[word] = stems
        return stems

    def query_terms(self, text: str, translate: bool = True) -> list[str]:
        """Terms of a question: noise words dropped; with `translate`, English words also as
        the Dutch words the letter uses (the cards need no translation: they are bilingual)."""
        folded = _fold(text)
        words_in = set(_LEAD.findall(folded)) if translate else set()
        extra = [
            " ".join(dutch)
            for lead, pattern, dutch in _glossary()
            if lead in words_in and pattern.search(folded)
        ]
        words = [w for w in _WORD.findall(folded) if w not in _QUERY_NOISE]
        terms = [t for t in self.terms(" ".join([*words, *extra])) if not t.startswith("@")]
        return terms + [f"@{c}" for c in self._lexicon.concepts(text)]

    def terms(self, text: str) -> list[str]:
        words = [w.strip("-'") for w in _WORD.findall(_fold(text))]
        words += [part for w in words if "-" in w for part in w.split("-") if len(part) > 2]
        words = [w for w in words if w and w not in _STOP]
        terms: list[str] = []
        for word in words:
            nl, en = self._stem(word)
            terms.append(nl)
            if en != nl:
                terms.append(en)
        terms.extend(f"@{c}" for c in self._lexicon.concepts(text))
        return terms


@dataclass(frozen=True)
class LexicalHit:
    doc_id: str
    score: float


class BM25Index:
    """Okapi BM25 over a fixed set of documents, with metadata filters."""

    def __init__(
        self,
        docs: Iterable[tuple[str, str, Mapping[str, object]]],
        analyzer: Analyzer,
        k1: float = 1.4,
        b: float = 0.75,
        concept_boost: float = 2.0,
    ) -> None:
        self._analyzer = analyzer
        self._k1, self._b, self._boost = k1, b, concept_boost
        self._ids: list[str] = []
        self._meta: list[Mapping[str, object]] = []
        self._tf: list[Counter[str]] = []
        self._len: list[int] = []
        df: Counter[str] = Counter()
        for doc_id, text, meta in docs:
            tf = Counter(analyzer.terms(text))
            self._ids.append(doc_id)
            self._meta.append(meta)
            self._tf.append(tf)
            self._len.append(sum(tf.values()))
            df.update(tf.keys())
        n = len(self._ids)
        self._avg = (sum(self._len) / n) if n else 1.0
        self._idf = {t: math.log(1 + (n - f + 0.5) / (f + 0.5)) for t, f in df.items()}

    def __len__(self) -> int:
        return len(self._ids)

    def coverage(self, query: str) -> Callable[[str], float]:
        """For a text, the share of the query's weight (idf of its distinct terms) it contains;
        the query is analysed once."""
        weights = {t: self._idf.get(t, 0.0) for t in self._analyzer.query_terms(query)}
        total = sum(weights.values())

        def share(text: str) -> float:
            if not total:
                return 0.0
            return sum(weights[t] for t in weights.keys() & set(self._analyzer.terms(text))) / total

        return share

    def search(
        self,
        query: str,
        k: int = 10,
        where: Mapping[str, object] | None = None,
        translate: bool = True,
    ) -> list[LexicalHit]:
        """Best passages first; `translate` adds the glossary's Dutch words to an English
        question (needless for the bilingual cards)."""
        q_terms = Counter(self._analyzer.query_terms(query, translate))
        if not q_terms:
            return []
        hits = []
        for i, tf in enumerate(self._tf):
            if where and any(self._meta[i].get(key) != value for key, value in where.items()):
                continue
            score = self._score(q_terms, tf, self._len[i])
            if score > 0:
                hits.append(LexicalHit(self._ids[i], score))
        hits.sort(key=lambda h: (-h.score, h.doc_id))
        return hits[:k]

    def _score(self, q_terms: Counter[str], tf: Counter[str], length: int) -> float:
        score = 0.0
        norm = self._k1 * (1 - self._b + self._b * length / self._avg)
        for term, q_count in q_terms.items():
            freq = tf.get(term)
            if not freq:
                continue
            weight = self._idf[term] * freq * (self._k1 + 1) / (freq + norm)
            if term.startswith("@"):
                weight *= self._boost
            score += weight * q_count
        return score
