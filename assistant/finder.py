"""The composition root: `build_finder(settings)` wires every part together.

Nothing is loaded or connected at import time. Building a Finder reads the cards and the
letter (cheap); the embedder and the index are opened on first use, so `finder ingest` can run
before an index exists and `finder --help` never loads a model.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TypeVar

from langchain_core.language_models import BaseChatModel

from assistant.answer import Answer
from assistant.guard import CALIBRATED_WITH as GUARD_CALIBRATED_WITH
from assistant.guard import SemanticGuard, read_examples
from assistant.knowledge import (
    build_lexicon,
    catalog_passages,
    instrument_letter_passages,
    letter_mentions,
    resolve_letter_refs,
)
from assistant.language import COMMON_WORDS
from assistant.llm import LlmAnswerer, LlmUnavailable, make_chat_model
from assistant.meaning import CALIBRATED_WITH as MEANING_CALIBRATED_WITH
from assistant.meaning import ActivityReader, read_bank
from assistant.service import AnswerService, Conversation
from assistant.settings import Settings
from instruments.catalog import Catalog, load_catalog, load_signposts
from instruments.profile import CompanyProfile
from retrieval.embedders import (
    HashingEmbeddings,
    NamedEmbeddings,
    make_embedder,
    make_embedder_for,
)
from retrieval.hybrid import (
    FusionWeights,
    HybridRetriever,
    HybridSearcher,
    Mode,
    SearchFilters,
    SearchHit,
)
from retrieval.letter import load_letter
from retrieval.lexical import Analyzer, BM25Index, Lexicon
from retrieval.passages import Passage
from retrieval.sentences import sentence_windows
from retrieval.store import (
    INDEX_FORMAT,
    PassageStore,
    StoreLocation,
    StoreUnavailable,
    SyncReport,
    connect,
)

log = logging.getLogger(__name__)
_WORDS = re.compile(r"[a-zà-ÿ]{2,}")


@dataclass
class Finder:
    """Everything the page, the command line and the eval runner need."""

    settings: Settings
    catalog: Catalog
    letter: list[Passage]
    embedder: NamedEmbeddings
    llm: LlmAnswerer | None = None
    llm_problem: str | None = None
    _store: PassageStore | None = field(default=None, repr=False)
    _beside: dict[str, NamedEmbeddings] = field(default_factory=dict, repr=False)

    @cached_property
    def passages(self) -> list[Passage]:
        """What the index should hold: the letter and every card."""
        return self.letter + catalog_passages(self.catalog) + sentence_windows(self.letter)

    @property
    def store(self) -> PassageStore:
        return self._open_store(create=False)

    def _open_store(self, create: bool) -> PassageStore:
        if self._store is None:
            location = StoreLocation(
                path=self.settings.index_dir,
                url=self.settings.chroma_url,
                auth_token=(
                    self.settings.chroma_token.get_secret_value()
                    if self.settings.chroma_token
                    else None
                ),
                create=create,
            )
            self._store = PassageStore(connect(location), self.collection_name, self.embedder)
        return self._store

    @property
    def collection_name(self) -> str:
        """One collection per embedder, so indexes for several embedders can live side by side."""
        slug = re.sub(r"[^a-zA-Z0-9]+", "-", self.embedder.identity).strip("-").lower()
        return f"{self.settings.collection}-{slug}"[:60]

    def ingest(
        self, rebuild: bool = False, progress: Callable[[int], None] | None = None
    ) -> SyncReport:
        if rebuild:
            try:
                self._open_store(create=True).drop()
            except StoreUnavailable:
                if self.settings.chroma_url:
                    raise
                self._set_aside_damaged_index()
                self._open_store(create=True).drop()
        report = self._open_store(create=True).sync(self.passages, progress)
        self.__dict__.pop("searcher", None)
        return report

    def _set_aside_damaged_index(self) -> None:
        """Move an unreadable index folder aside (never delete it) so a new one can be built."""
        folder = self.settings.index_dir
        aside = folder.with_name(f"{folder.name}.damaged-{time.strftime('%Y%m%d-%H%M%S')}")
        log.warning("index folder %s cannot be read; moving it to %s", folder, aside)
        folder.rename(aside)
        self._store = None

    @cached_property
    def analyzer(self) -> Analyzer:
        return Analyzer(self.lexicon)

    @cached_property
    def searcher(self) -> HybridSearcher:
        """Opens the index (raising a clear StoreError if it is missing or mismatched)."""
        stored = {p.id: p for p in self.store.all_passages()}
        lexical = BM25Index(
            ((p.id, p.text, p.metadata()) for p in stored.values() if p.kind != "sentence"),
            self.analyzer,
        )
        weights = FusionWeights(lexical_share=self.settings.lexical_share)
        return HybridSearcher(self.store, lexical, stored, self.settings.retriever, weights)

    def search(
        self,
        query: str,
        k: int | None = None,
        filters: SearchFilters | None = None,
        mode: Mode | None = None,
    ) -> list[SearchHit]:
        searcher = self.searcher if mode is None else self.searcher.with_mode(mode)
        return searcher.search(query, k or self.settings.top_k, filters)

    @cached_property
    def signposts(self) -> Catalog:
        """The adjacent schemes the answers point to when no innovation instrument fits."""
        return load_signposts()

    @cached_property
    def lexicon(self) -> Lexicon:
        return build_lexicon(self.catalog, letter_mentions(self.settings.instruments_tsv))

    @cached_property
    def message_lexicon(self) -> Lexicon:
        """The names read in messages: the signposts' too, since a user names the KIA or the
        EIA as readily as the WBSO. Not for the letter, whose "KIA's" are its innovation
        agendas."""
        return build_lexicon(Catalog({**self.catalog.cards, **self.signposts.cards}),
                             letter_mentions(self.settings.instruments_tsv))

    @cached_property
    def service(self) -> AnswerService:
        words = {w for p in self.searcher.passages.values() for w in _WORDS.findall(p.text.lower())}
        return AnswerService(
            catalog=self.catalog,
            signposts=self.signposts,
            searcher=self.searcher,
            analyzer=self.analyzer,
            lexicon=self.lexicon,
            message_lexicon=self.message_lexicon,
            known_words=frozenset(words | COMMON_WORDS),
            letter_refs=self.instrument_passages,
            chosen_passages={i: ids[0] for i, ids in self.letter_refs.items() if ids},
            llm=self.llm,
            llm_problem=self.llm_problem,
            max_chars=self.settings.max_question_chars,
            top_k=self.settings.top_k,
            config=self.config(),
            guard=self.guard,
            activities=self.activity_reader,
        )

    def _calibrated(self, identity: str) -> NamedEmbeddings | None:
        """The embedder an example bank's thresholds were set with: the search's own when it
        is that model, else that model beside it; none under the hashing fake (tests choose
        it to run with no model at all)."""
        if self.embedder.identity == identity:
            return self.embedder
        if isinstance(self.embedder, HashingEmbeddings):
            return None
        if identity not in self._beside:
            self._beside[identity] = make_embedder_for(identity, self.settings.model_threads)
        return self._beside[identity]

    @cached_property
    def activity_reader(self) -> ActivityReader | None:
        """Activities read by meaning, on the model its thresholds were set with (off when
        that model is not at hand or its bank is unreadable, said in the log)."""
        embedder = self._calibrated(MEANING_CALIBRATED_WITH)
        if embedder is None:
            return None
        return _bank(lambda: ActivityReader(embedder, read_bank()), "activities by meaning")

    @cached_property
    def guard(self) -> SemanticGuard | None:
        """The meaning-based guard, on the model its thresholds were set with; off when
        switched off, when that model is not at hand, or when its examples are unreadable
        (said in the log: the word rules still run)."""
        embedder = self._calibrated(GUARD_CALIBRATED_WITH) if self.settings.guard else None
        if embedder is None:
            return None
        return _bank(lambda: SemanticGuard(embedder, read_examples()), "meaning-based guard")

    @cached_property
    def letter_refs(self) -> dict[str, list[str]]:
        """Instrument id -> ids of the letter passages its card refers to, in card order."""
        refs: dict[str, list[str]] = {}
        for card in self.catalog:
            resolved = resolve_letter_refs(card.letter_refs, self.letter)
            refs[card.id] = list(dict.fromkeys(pid for ids in resolved.values() for pid in ids))
        return refs

    @cached_property
    def instrument_passages(self) -> dict[str, list[str]]:
        """Instrument id -> the letter passages about it (card references and mentions),
        body text first."""
        return instrument_letter_passages(self.letter, self.letter_refs, self.lexicon.concepts)

    def config(self) -> dict[str, str]:
        """What produced an answer: embedder, retriever, answerer, index version, and how
        hostile and off-topic requests are recognised."""
        return {
            "embedder": self.embedder.identity,
            "retriever": self.settings.retriever,
            "answerer": self.llm.name if self.llm else "composer",
            "index": f"{self.collection_name}@format{INDEX_FORMAT}",
            "guard": "rules+examples" if self.guard else "rules",
        }

    def ask(
        self,
        question: str,
        conversation: Conversation | None = None,
        profile: CompanyProfile | None = None,
    ) -> Answer:
        return self.service.ask(question, conversation, profile)

    def retriever(
        self, k: int | None = None, filters: SearchFilters | None = None
    ) -> HybridRetriever:
        return HybridRetriever(searcher=self.searcher, k=k or self.settings.top_k, filters=filters)


B = TypeVar("B")


def _bank(make: Callable[[], B], what: str) -> B | None:
    """An example bank, or None (said in the log) when its file is missing or malformed."""
    try:
        return make()
    except (OSError, ValueError) as exc:
        log.warning("%s off: %s", what, exc)
        return None


def _llm(
    settings: Settings, chat_model: BaseChatModel | None
) -> tuple[LlmAnswerer | None, str | None]:
    if settings.answerer != "llm":
        return None, None
    if chat_model is not None:
        return LlmAnswerer(chat_model, settings.llm_timeout_s, "llm:injected"), None
    if not settings.llm:
        return None, "FINDER_ANSWERER=llm needs FINDER_LLM (openai:<model> or ollama:<model>)"
    try:
        model = make_chat_model(settings.llm, settings.llm_base_url, settings.llm_timeout_s)
    except LlmUnavailable as exc:
        log.warning("%s; answering with the composer", exc)
        return None, str(exc)
    return LlmAnswerer(model, settings.llm_timeout_s, f"llm:{settings.llm}"), None


def build_finder(
    settings: Settings | None = None, chat_model: BaseChatModel | None = None
) -> Finder:
    """Wire everything. `chat_model` injects a chat model (tests pass LangChain's fakes)."""
    settings = settings or Settings()
    catalog = load_catalog(settings.cards_dir)
    letter = load_letter(settings.letter_path)
    embedder = make_embedder(settings.embedder, settings.st_model, settings.model_threads)
    llm, problem = _llm(settings, chat_model)
    return Finder(settings=settings, catalog=catalog, letter=letter, embedder=embedder,
                  llm=llm, llm_problem=problem)


def build_warm_finder(settings: Settings) -> Finder:
    """A finder with its index open, its lexical index built and its guard's examples embedded:
    for a server (and each answer worker), so the first question is as quick as the rest."""
    finder = build_finder(settings)
    try:
        _ = finder.service
    except Exception as exc:  # the index may be missing: each question then says so
        log.warning("index not ready (%s); answers will say so until `finder ingest`",
                    type(exc).__name__)
    if finder.guard:
        finder.guard.verdict("warm-up")  # failures are logged there, never raised
    return finder
