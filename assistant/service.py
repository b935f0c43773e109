"""AnswerService: one question (plus the conversation so far) in, one typed `Answer` out."""

from __future__ import annotations

import logging
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from assistant import composer as c
from assistant import flows
from assistant.answer import Answer, Intent, Recommendation
from assistant.clarify import (
    QUESTIONS,
    innovates,
    intake_field,
    states_a_plan,
)
from assistant.dialogue import Conversation
from assistant.evidence import LetterEvidence
from assistant.guard import SemanticGuard
from assistant.hostile_rules import is_abuse
from assistant.language import detect_language
from assistant.llm import LlmAnswerer
from assistant.meaning import ActivityReader
from assistant.needs import Need, read_need
from assistant.ranking import Ranked, activity_words, rank_instruments
from assistant.reading import MessageReader, Reading
from assistant.replies import rephrased
from instruments.catalog import Catalog
from instruments.criteria import applicant_types
from instruments.eligibility import with_inferred_activities
from instruments.models import Lang
from instruments.profile import CompanyProfile, describe, merge
from prompts.loader import load_templates
from retrieval.hybrid import HybridSearcher, SearchFilters, SearchHit
from retrieval.lexical import Analyzer, Lexicon
from retrieval.passages import Passage
from retrieval.store import StoreUnavailable

MAX_SIGNPOSTS = 3  # adjacent schemes named in one answer, as many as recommendations
CARD_HITS = 12  # card passages searched to rank the instruments (about a third of the cards)
FOCUS = 3  # instruments whose own letter passage leads a recommendation's evidence
# activities that name only the kind of help wanted, not a plan: "ik zoek gewoon financiering
# om mijn team uit te breiden" says what is wanted, not what the start-up does, so it is asked
# first (conversations-dev4 cd4-35: VFF, Invest-NL and the Deep Tech Fund were named)
HELP_ONLY_ACTIVITIES = frozenset({"financing"})

log = logging.getLogger(__name__)


def _plans(profile: CompanyProfile) -> bool:
    """The profile says something of what the company wants to do, beyond the help wanted."""
    return bool(set(profile.activities) - HELP_ONLY_ACTIVITIES)


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
    activities: ActivityReader | None = None  # what the user wants to do, by meaning
    signposts: Catalog = field(default_factory=lambda: Catalog({}))  # adjacent schemes
    message_lexicon: Lexicon | None = None  # names read in messages; None: `lexicon`

    def __post_init__(self) -> None:
        self.card_passages: dict[tuple[str, str], Passage] = {
            (p.instrument_id, p.section): p
            for p in self.searcher.passages.values()
            if p.source == "card" and p.instrument_id and p.section
        }
        self.evidence = LetterEvidence(
            self.searcher, self.letter_refs, self.top_k, self.chosen_passages
        )
        # what a message may name or point back to: an innovation instrument or a signpost
        # ("kan ik dat combineren met de KIA?", conversations-dev3 cd3-01, cd3-33, cd3-37)
        self.nameable = Catalog({**self.catalog.cards, **self.signposts.cards})
        self.names = self.message_lexicon or self.lexicon  # the lexicon messages are read with


    @property
    def reader(self) -> MessageReader:
        """The reader of messages, with the guard as it is set now."""
        return MessageReader(self.names, self.known_words, self.guard,
                             self.activities,
                             frozenset(self.nameable.cards))

    # -- entry point ------------------------------------------------------------------
    def ask(
        self,
        question: str,
        conversation: Conversation | None = None,
        profile: CompanyProfile | None = None,
    ) -> Answer:
        """The answer to one message; `profile` is a correction made in the page or a profile
        file, and has the last word over what the conversation understood."""
        conversation = conversation or Conversation()
        if profile:
            conversation = conversation.corrected(merge(conversation.profile, profile))
        text = clean_question(question)
        if not text or len(text) > self.max_chars:
            lang = conversation.lang or "nl"
            if text:
                lang = detect_language(self.names.without_names(text), lang)
            return self._refuse_input(question, text, lang, conversation.profile)
        reading = self.reader.read(text, conversation)
        merged = merge(conversation.profile, reading.facts)
        if profile:
            merged = merge(merged, profile)
        handler = self._handlers().get(reading.intent, self._answer_with_sources)
        try:
            answer = handler(reading, merged)
        except StoreUnavailable as exc:  # the Chroma server is down or restarting
            log.warning("search unavailable: %s", exc)
            return self._unavailable(reading, merged)
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

    def _handlers(self) -> dict[str, Callable[[Reading, CompanyProfile], Answer]]:
        return {
            "adversarial": self._decline,
            "out_of_scope": self._decline,
            "smalltalk": self._smalltalk,
            "intake": self._intake,
            "clarify": self._ask_again,
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

    def _from(self, reading: Reading, profile: CompanyProfile, **kw: object) -> Answer:
        return self._answer(
            reading.text, reading.lang, reading.intent, profile,
            provenance=dict(reading.provenance), topic=reading.topic, **kw,
        )

    def _decline(self, reading: Reading, profile: CompanyProfile) -> Answer:
        template = "decline" if reading.intent != "adversarial" else (
            "decline_abuse" if is_abuse(reading.text) else "decline_hostile")
        body = load_templates(reading.lang).render(template)
        return self._from(reading, profile, text=body, declined=True)

    def _smalltalk(self, reading: Reading, profile: CompanyProfile) -> Answer:
        return self._from(reading, profile, text=load_templates(reading.lang).render("smalltalk"))

    def _question_fields(self, field: str, question: str, lang: Lang) -> dict[str, object]:
        return {
            "clarifying_question": question,
            "clarifying_options": QUESTIONS[field][2][lang],
            "clarifying_field": field,
        }

    def _intake(self, reading: Reading, profile: CompanyProfile) -> Answer:
        """A vague opening: what the assistant can do, then the one question to start with."""
        field = intake_field(profile)
        nl, en, _ = QUESTIONS[field]
        question = nl if reading.lang == "nl" else en
        body = load_templates(reading.lang).render("intake", question=question)
        return self._from(
            reading, profile, text=body, **self._question_fields(field, question, reading.lang)
        )

    def _plan_question(self, reading: Reading, profile: CompanyProfile) -> Answer:
        """Who the company is, but not what it wants to do ("wij zijn een bakkerij met 8
        man"): what was understood, then what it wants support for, with quick replies. Three
        guesses here were poor fits (a garage got the Biotech Booster)."""
        nl, en, _ = QUESTIONS["plan"]
        question = nl if reading.lang == "nl" else en
        who = ", ".join(f"{k}: {v}" for k, v in describe(profile, reading.lang))
        templates = load_templates(reading.lang)
        body = (templates.render("plan_question", profile=who, question=question) if who
                else templates.render("intake", question=question))
        return self._from(replace(reading, intent="intake"), profile, text=body, lead=body,
                          **self._question_fields("plan", question, reading.lang))

    def _ask_again(self, reading: Reading, profile: CompanyProfile) -> Answer:
        """A reply that answers nothing asked: the pending question again, in other words."""
        field = reading.ask_again or intake_field(profile)
        question = rephrased(field, reading.lang)
        body = load_templates(reading.lang).render("ask_again", question=question)
        return self._from(
            reading, profile, text=body, **self._question_fields(field, question, reading.lang)
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

    def _unavailable(self, reading: Reading, profile: CompanyProfile) -> Answer:
        """No half answer without sources: say so, and keep what the user told us."""
        body = {
            "nl": "De zoekdienst is even niet bereikbaar, dus ik kan uw vraag nu niet met bronnen "
            "beantwoorden. Probeer het over een minuut opnieuw; wat u over uw bedrijf vertelde, "
            "onthoud ik.",
            "en": "The search service is unavailable right now, so I cannot answer your question "
            "with sources. Please try again in a minute; I will remember what you told me about "
            "your company.",
        }[reading.lang]
        return self._from(reading, profile, text=body, notice="store_unavailable")

    # -- answers with sources ------------------------------------------------------------
    def _ranked(
        self, reading: Reading, assessed: CompanyProfile, stated: Sequence[str] = ()
    ) -> tuple[list[Ranked], list[SearchHit], Sequence[str]]:
        """The instruments ranked for the question, the card hits behind the ranking and the
        instruments the answer is about ("what else besides X?" leaves X out)."""
        # a signpost is ranked only when the message names it or points back to it
        mentioned: Sequence[str] = [i for i in reading.mentioned if i in self.nameable.cards]
        cards = [*self.catalog, *(self.signposts.get(i) for i in mentioned
                                  if i in self.signposts.cards)]
        excluded: set[str] = set()
        if reading.alternative:
            excluded, mentioned = set(mentioned), ()
        names = " ".join(self.nameable.get(i).name.nl for i in mentioned)
        card_query = f"{reading.topic} {names}".strip()
        card_hits = self._card_search(card_query)
        # what the user wants to do (the activities stated, not those a stage implies) is
        # searched for on its own, and weighs beside the words of the message
        wanted = activity_words(stated)
        need_hits = self._card_search(wanted) if wanted else []
        ranked = rank_instruments(cards, assessed, card_hits, reading.support, mentioned,
                                  need_hits)
        return [r for r in ranked if r.card.id not in excluded], card_hits, mentioned


    def _card_search(self, query: str) -> list[SearchHit]:
        return self.searcher.search(
            query, CARD_HITS, SearchFilters(source="card"), vector=self.evidence.embed(query)
        )

    def _answer_with_sources(self, reading: Reading, profile: CompanyProfile) -> Answer:
        text, lang, intent = reading.text, reading.lang, reading.intent
        # what ranking and the clarifying question judge: the profile plus activities its
        # stage implies (the answer still shows the profile as the user gave it)
        assessed = with_inferred_activities(profile)
        ranked, card_hits, mentioned = self._ranked(
            reading, assessed, [*profile.activities, *reading.meant]
        )
        alone = with_inferred_activities(reading.facts) if reading.topic == text else None
        need = Need()
        if intent == "recommend":
            need = read_need(reading.topic, assessed, alone)
        elif intent == "eligibility":  # of the need, the scheme's name aside ("kan een
            # website met boekingssysteem met de wbso?": a website, which the WBSO is not for)
            need = read_need(self.names.without_names(reading.topic), assessed)
        # who the company is, but nothing of what it wants to do (a kind of support alone,
        # "any subsidies?", says no more): ask that first
        if intent == "recommend" and not (mentioned or reading.meant or need.needs
                                          or need.uncovered or _plans(assessed)
                                          or assessed.project_eur or innovates(assessed)
                                          or states_a_plan(reading.topic)):
            return self._plan_question(reading, profile)
        signposts = [r for r in rank_instruments(
            [self.nameable.get(i) for i in need.signposts if i in self.nameable.cards],
            assessed, (), reading.support) if r.result.verdict != "does_not_fit"]
        signposts.sort(key=lambda r: need.signposts.index(r.card.id))
        leading = [r.card.id for r in ranked if r.result.verdict != "does_not_fit"][:FOCUS]
        focus = list(mentioned)[:3] or (leading if intent == "recommend" else [])
        named = mentioned or focus[:1]
        names = " ".join(self.nameable.get(i).name.nl.split(" (")[0] for i in named)
        letter_hits = self.evidence.gather(reading.topic, intent, focus, names)
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
            understood=describe(profile, lang, brief=True),
            letter_refs=self.letter_refs,
            need=need,
            signposts=signposts[:MAX_SIGNPOSTS],
            applicants=frozenset(applicant_types(assessed)),
        )
        body, recommendations, extra = flows.FLOWS.get(intent, flows.policy)(
            ctx, assessed, self.nameable
        )
        tidied = c.tidy(body)
        renumber, citations = c.in_reading_order(tidied, ctx.citations.items)
        text = renumber(tidied)
        if extra.get("lead"):
            extra["lead"] = renumber(c.tidy(extra["lead"]))
        return self._from(
            reading,
            profile,
            text=text,
            recommendations=recommendations,
            citations=citations,
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
