"""AnswerService: one question (plus the conversation so far) in, one typed `Answer` out."""

from __future__ import annotations

import logging
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from assistant import composer as c
from assistant import flows
from assistant.answer import Answer, Intent, Recommendation
from assistant.evidence import LetterEvidence
from assistant.followup import resolve_followup
from assistant.guard import SemanticGuard
from assistant.intent import ALTERNATIVE, classify, is_gibberish, named_only_as_background
from assistant.language import detect_language
from assistant.llm import LlmAnswerer
from assistant.ranking import Ranked, rank_instruments, with_inferred_activities
from instruments.catalog import Catalog
from instruments.models import Lang
from instruments.profile import CompanyProfile, describe, extract_profile, merge
from prompts.loader import load_templates
from retrieval.hybrid import HybridSearcher, SearchFilters, SearchHit
from retrieval.lexical import Analyzer, Lexicon
from retrieval.passages import Passage
from retrieval.store import StoreUnavailable

FOCUS = 3  # instruments whose own letter passage leads a recommendation's evidence

log = logging.getLogger(__name__)


@dataclass
class Conversation:
    """What the assistant remembers between turns: the profile and the previous answers."""

    profile: CompanyProfile = field(default_factory=CompanyProfile)
    answers: list[Answer] = field(default_factory=list)

    def add(self, answer: Answer) -> None:
        self.answers.append(answer)
        self.profile = CompanyProfile.model_validate(answer.profile)

    @property
    def lang(self) -> Lang | None:
        return self.answers[-1].lang if self.answers else None


def clean_question(text: str) -> str:
    """Printable text with whitespace collapsed (control and format characters dropped)."""
    kept = "".join(
        ch if unicodedata.category(ch)[0] != "C" else " "
        for ch in unicodedata.normalize("NFC", text)
    )
    return " ".join(kept.split())


@dataclass
class AnswerService:
    catalog: Catalog
    searcher: HybridSearcher
    analyzer: Analyzer
    lexicon: Lexicon
    known_words: frozenset[str]
    letter_refs: dict[str, list[str]] = field(default_factory=dict)
    chosen_passages: dict[str, str] = field(default_factory=dict)  # card's first letter ref
    llm: LlmAnswerer | None = None
    llm_problem: str | None = None  # why a configured LLM could not be set up
    max_chars: int = 2000
    top_k: int = 8
    config: dict[str, str] = field(default_factory=dict)
    guard: SemanticGuard | None = None  # a second look, by meaning, after the word rules

    def __post_init__(self) -> None:
        self.card_passages: dict[tuple[str, str], Passage] = {
            (p.instrument_id, p.section): p
            for p in self.searcher.passages.values()
            if p.source == "card" and p.instrument_id and p.section
        }
        self.evidence = LetterEvidence(
            self.searcher, self.letter_refs, self.top_k, self.chosen_passages
        )

    # -- entry point ------------------------------------------------------------------
    def ask(
        self,
        question: str,
        conversation: Conversation | None = None,
        profile: CompanyProfile | None = None,
    ) -> Answer:
        conversation = conversation or Conversation()
        text = clean_question(question)
        previous_lang = conversation.lang or "nl"
        lang = (
            detect_language(self.lexicon.without_names(text), previous_lang)
            if text
            else previous_lang
        )
        if not text or len(text) > self.max_chars:
            base = merge(conversation.profile, profile) if profile else conversation.profile
            return self._refuse_input(question, text, lang, base)
        facts = extract_profile(text)
        # what the question says updates the conversation; an explicit profile (a correction
        # made in the page, a profile file) has the last word
        merged = merge(conversation.profile, facts)
        if profile:
            merged = merge(merged, profile)
        mentioned = resolve_followup(text, self.lexicon.concepts(text), conversation.answers)
        # "we had the WBSO for years; can we pay less tax?" asks afresh
        background = bool(mentioned) and named_only_as_background(text, self.lexicon.concepts)
        if background:
            mentioned = []
        intent = classify(text, mentioned, facts != CompanyProfile())
        if background and intent not in ("adversarial", "smalltalk"):
            intent = "recommend"
        if (
            intent not in ("adversarial", "smalltalk")
            and not mentioned
            and is_gibberish(text, self.known_words)
        ):
            intent = "adversarial"
        if intent not in ("adversarial", "out_of_scope", "smalltalk") and self.guard:
            intent = self.guard.verdict(text) or intent
        handler = self._handlers().get(intent, self._answer_with_sources)
        try:
            answer = handler(text, lang, intent, merged, mentioned)
        except StoreUnavailable as exc:  # the Chroma server is down or restarting
            log.warning("search unavailable: %s", exc)
            return self._unavailable(text, lang, intent, merged)
        if handler == self._answer_with_sources:
            answer = self._through_llm(answer, conversation.answers)
        return answer

    def _through_llm(self, draft: Answer, previous: Sequence[Answer]) -> Answer:
        """The LLM's rewrite when one is configured and answers in time; else the draft."""
        if self.llm is None:
            if self.llm_problem:
                return draft.model_copy(update={"notice": self._fallback_notice(draft.lang)})
            return draft
        rewritten = self.llm.rewrite(draft, previous)
        if rewritten is None:
            return draft.model_copy(update={"notice": self._fallback_notice(draft.lang)})
        return rewritten

    @staticmethod
    def _fallback_notice(lang: Lang) -> str:
        return {
            "nl": "Het taalmodel was niet bereikbaar; "
            "dit antwoord is samengesteld zonder taalmodel.",
            "en": "The language model was unavailable; this answer was composed without it.",
        }[lang]

    def _handlers(self) -> dict[str, Callable[..., Answer]]:
        return {
            "adversarial": self._decline,
            "out_of_scope": self._decline,
            "smalltalk": self._smalltalk,
        }

    # -- answers without sources -------------------------------------------------------
    def _answer(
        self, question: str, lang: Lang, intent: Intent, profile: CompanyProfile, **kw: object
    ) -> Answer:
        return Answer(
            question=question,
            lang=lang,
            intent=intent,
            profile=profile.model_dump(exclude_none=True),
            understood=describe(profile, lang),
            config=self.config,
            **kw,  # type: ignore[arg-type]
        )

    def _decline(
        self, text: str, lang: Lang, intent: Intent, profile: CompanyProfile, _m: object
    ) -> Answer:
        template = "decline_hostile" if intent == "adversarial" else "decline"
        body = load_templates(lang).render(template)
        return self._answer(text, lang, intent, profile, text=body, declined=True)

    def _smalltalk(
        self, text: str, lang: Lang, intent: Intent, profile: CompanyProfile, _m: object
    ) -> Answer:
        return self._answer(
            text, lang, intent, profile, text=load_templates(lang).render("smalltalk")
        )

    def _refuse_input(
        self, question: str, text: str, lang: Lang, profile: CompanyProfile
    ) -> Answer:
        if not text:
            body = {
                "nl": "Stel gerust een vraag, bijvoorbeeld: welke regeling past bij mijn bedrijf?",
                "en": "Please ask a question, for example: which scheme fits my company?",
            }[lang]
        else:
            body = {
                "nl": f"Uw vraag is te lang ({len(text)} tekens; maximaal {self.max_chars}). "
                "Kort hem in tot de kern, dan help ik u graag.",
                "en": f"Your question is too long ({len(text)} characters; at most "
                f"{self.max_chars}). Please shorten it to the essentials.",
            }[lang]
        return self._answer(
            question[: self.max_chars],
            lang,
            "smalltalk",
            profile,
            text=body,
            notice="input_refused",
        )

    def _unavailable(
        self, text: str, lang: Lang, intent: Intent, profile: CompanyProfile
    ) -> Answer:
        """No half answer without sources: say so, and keep what the user told us."""
        body = {
            "nl": "De zoekdienst is even niet bereikbaar, dus ik kan uw vraag nu niet met bronnen "
            "beantwoorden. Probeer het over een minuut opnieuw; wat u over uw bedrijf vertelde, "
            "onthoud ik.",
            "en": "The search service is unavailable right now, so I cannot answer your question "
            "with sources. Please try again in a minute; I will remember what you told me about "
            "your company.",
        }[lang]
        return self._answer(text, lang, intent, profile, text=body, notice="store_unavailable")

    # -- answers with sources ------------------------------------------------------------
    def _ranked(
        self, text: str, intent: Intent, assessed: CompanyProfile, mentioned: Sequence[str]
    ) -> tuple[list[Ranked], list[SearchHit], Sequence[str]]:
        """The instruments ranked for the question, the card hits behind the ranking and the
        instruments the answer is about ("what else besides X?" leaves X out)."""
        excluded: set[str] = set()
        if intent == "recommend" and ALTERNATIVE.search(text):
            excluded, mentioned = set(mentioned), ()
        names = " ".join(self.catalog.get(i).name.nl for i in mentioned)
        card_query = f"{text} {names}".strip()
        card_hits = self.searcher.search(
            card_query, 12, SearchFilters(source="card"), vector=self.evidence.embed(card_query)
        )
        ranked = rank_instruments(self.catalog, assessed, card_hits, text, mentioned)
        return [r for r in ranked if r.card.id not in excluded], card_hits, mentioned

    def _answer_with_sources(
        self,
        text: str,
        lang: Lang,
        intent: Intent,
        profile: CompanyProfile,
        mentioned: Sequence[str],
    ) -> Answer:
        # what ranking and the clarifying question judge: the profile plus activities its
        # stage implies (the answer still shows the profile as the user gave it)
        assessed = with_inferred_activities(profile)
        ranked, card_hits, mentioned = self._ranked(text, intent, assessed, mentioned)
        leading = [r.card.id for r in ranked if r.result.verdict != "does_not_fit"][:FOCUS]
        focus = list(mentioned)[:3] or (leading if intent == "recommend" else [])
        named = mentioned or focus[:1]
        names = " ".join(self.catalog.get(i).name.nl.split(" (")[0] for i in named)
        letter_hits = self.evidence.gather(text, intent, focus, names)
        ctx = c.Context(
            question=text,
            lang=lang,
            intent=intent,
            templates=load_templates(lang),
            ranked=ranked,
            letter_hits=letter_hits,
            card_passages=self.card_passages,
            terms_of=self.analyzer.terms,
            concepts_of=self.lexicon.concepts,
            mentioned=mentioned,
            understood=describe(profile, lang),
            letter_refs=self.letter_refs,
        )
        body, recommendations, extra = flows.FLOWS.get(intent, flows.policy)(
            ctx, assessed, self.catalog
        )
        return self._answer(
            text,
            lang,
            intent,
            profile,
            text=c.tidy(body),
            recommendations=recommendations,
            citations=ctx.citations.items,
            retrieved=self._given(letter_hits, card_hits, recommendations),
            **extra,
        )

    def _given(
        self,
        letter_hits: Sequence[SearchHit],
        card_hits: Sequence[SearchHit],
        recs: Sequence[Recommendation],
    ) -> list[str]:
        """Every passage the answer was composed from: letter and card hits, then the cards of
        the instruments it presents (ranking weighs every card, so those are given too)."""
        ids = [h.passage.id for h in letter_hits] + [h.passage.id for h in card_hits]
        for rec in recs:
            ids += [p.id for (iid, _), p in self.card_passages.items() if iid == rec.instrument_id]
        return list(dict.fromkeys(ids))
