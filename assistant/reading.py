"""One typed reading of each message, computed once: language, intent, facts with where each
came from, the instruments named or pointed back to, the support asked for and the cues.

The intent is decided here and nowhere else, in this order:
1. hostile wording is declined (whatever else the message holds);
2. a reply to the assistant's pending question fills that slot and is never refused: it is a
   recommendation asked again with the new fact;
3. the word rules (assistant.intent) and the meaning-based guard decide what is out of scope;
   a short reply to a pending question that fits nothing is asked again in other words;
4. a message with nothing to go on (no facts known, no scheme named, not about the letter)
   starts an intake instead of a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from assistant.answer import Intent
from assistant.clarify import ESTIMATE_FIELDS
from assistant.dialogue import Conversation, Provenance
from assistant.followup import (
    asks_about_the_last,
    asks_difference,
    only_signposts,
    pointed_at,
    resolve_followup,
)
from assistant.guard import SemanticGuard
from assistant.intent import (
    ALTERNATIVE,
    asks_about_the_letter,
    classify,
    is_gibberish,
    is_hostile,
    is_off_topic,
    is_opening_greeting,
    named_only_as_background,
    names_the_letter,
    speaks_of_own_business,
)
from assistant.language import detect_language
from assistant.meaning import ActivityReader
from assistant.needs import read_need
from assistant.question_forms import (
    asks_how_much,
    asks_if_it_matters,
    asks_letter_identity,
    asks_sme_status,
    asks_what_it_says,
    asks_when,
    bare_mention,
)
from assistant.ranking import support_asked
from assistant.replies import any_option, slot_value
from instruments.lexicon_quantities import SUBSIDIARY
from instruments.lexicon_topics import NOT_DEVELOPING, SECTOR_PHRASE, SELF_DESCRIPTION
from instruments.models import Lang
from instruments.profile import CompanyProfile, extract_profile, merge, with_size
from instruments.profile_reading import normalise, read_own_business
from instruments.spelling import correct
from retrieval.lexical import Lexicon

DECLINES: frozenset[Intent] = frozenset({"adversarial", "out_of_scope"})
SHORT_REPLY_WORDS = 4  # a reply this short is searched together with what came before it
# a reply this short to a pending question that fills no slot is asked again ("blauw");
# "de bank zei nee" (4 words) is news, not a failed answer (conversations-dev c015)
UNCLEAR_REPLY_WORDS = 2
# a follow-up this short in a conversation under way ("we don't have an investor yet") is read
# by the word rules only: the guard's examples are whole requests, and it declined such
# follow-ups by their few words (conversations-dev c001, c027)
FOLLOW_UP_WORDS = 8
# a message this short that only states who the company is adds to the need under way
# (conversations-dev c002 "ik ben zzp'er", c020 "we are a startup of 4 people", c017 a 10-word
# list of facts: each lost the need it answered)
DESCRIPTION_WORDS = 12
# a correction may be longer and still only describe ("Oh sorry, ik bedoel: wij zijn een
# dochter van dat bedrijf, wij zelf zijn met 35 mensen", 16 words: conversations-dev4 cd4-39)
CORRECTION_WORDS = 24
CORRECTS = re.compile(r"^\W*(?:oh,? |o )?(?:sorry|excuse me|pardon|correctie|correction|oops"
                      r"|oeps)\b|\b(?:ik bedoel|i meant?|eigenlijk|actually)\b", re.IGNORECASE)
TOPIC_WORDS = 80  # the need and the details added to it, searched as one text
# a range and nothing else ("10-50", "50 - 249"): said like the headcount quick replies
BARE_RANGE = re.compile(r"^\s*(\d{1,6})\s*(?:-|tot|to)\s*(\d{1,6})\s*(?:man|mensen|people)?\s*$")
# a question this short with nothing of its own is about the last recommendations; 16 takes
# in two questions at once ("and can I deduct it somehow? roughly how much would that save
# me?", 13 words: dev4 cd4-08 got the intake again at 12)
FOLLOW_UP_QUESTION_WORDS = 16
# asking for another kind of support ("is er ook een lening voor?"), not about the one named
# ("is dat een subsidie of moet ik het terugbetalen?": dev3 cd3-23)
ASKS_FOR_MORE = re.compile(r"\b(?:is er|zijn er|bestaat er|is there|are there|any|iets|ook een"
                           r"|something|anything|also an?|another|ander\w*|other)\b", re.I)
MEANING_MIN_WORDS = 5  # shorter messages are replies and descriptions, read by the word rules
# facts about the company itself (not about a plan: "a pilot with the city" is a request)
# (nor a place: "wordt het morgen droog in Utrecht?")
COMPANY_FACTS = ("employees", "size", "turnover_eur", "age_years", "applicant_type",
                 "project_eur", "rnd_wage_eur", "profit_eur")
DESCRIBING_FACTS = ("employees", "size", "turnover_eur", "age_years")
# facts that tell the ranking something; an applicant kind alone ("my company") does not
# What the company or its plan is. The kind of support wanted is not among them: "ik zoek
# subsidie" alone is a vague opening (conversations-dev3 cd3-02: it got Horizon Europe).
TELLING = ("employees", "size", "stage", "sector", "activities", "themes", "project_eur",
           "is_startup", "collaboration", "is_knowledge_institution", "region")


@dataclass(frozen=True)
class Reading:
    """Everything the answer needs to know about one message."""

    text: str
    lang: Lang
    intent: Intent
    facts: CompanyProfile  # read from this message; empty when it is declined
    provenance: dict[str, Provenance] = field(default_factory=dict)
    mentioned: tuple[str, ...] = ()
    support: frozenset[str] = frozenset()
    alternative: bool = False  # "what else besides X?": X is left out of the ranking
    answered: str | None = None  # the pending question's field this message answered
    ask_again: str | None = None  # intent "clarify": the field whose question is asked again
    topic: str = ""  # what searches look for: the message, or for a reply what it answers
    # activities read by meaning where the word rules found none: searched for, never judged
    # as facts (the bank is right about three times in four, tests/test_meaning.py)
    meant: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not self.topic:
            object.__setattr__(self, "topic", self.text)

    @property
    def declined(self) -> bool:
        return self.intent in DECLINES


def _knows_enough(profile: CompanyProfile) -> bool:
    """Something to rank on; "I have an idea" (stage idea) alone is still a vague opening."""
    return any(
        getattr(profile, name) not in (None, [])
        for name in TELLING
        if not (name == "stage" and profile.stage == "idea")
    )


def _asks_the_letter(
    text: str, plain: str, mentioned: list[str], follow_up: bool, conversation: Conversation
) -> bool:
    """"When was the letter sent, and who sent it?" (dev4 cd4-19); "and what does it say about
    startups?" after a question about the letter: "it" is the letter still (dev4 cd4-36)."""
    if not mentioned and asks_letter_identity(text) and names_the_letter(plain):
        return True
    return follow_up and _last_helpful(conversation) == "policy" and asks_what_it_says(plain)


def _asked_again(
    text: str, facts: CompanyProfile, mentioned: list[str], conversation: Conversation
) -> tuple[Intent, list[str]] | None:
    """"We bestaan pas 2 jaar, maakt dat uit?" after an estimate: the estimate again, now with
    that fact; after anything else about one scheme, whether it fits. The scheme is the one
    named, else the one just answered about. None for other messages."""
    last = conversation.answers[-1] if conversation.answers else None
    if (last is None or facts == CompanyProfile() or not asks_if_it_matters(text)
            or last.intent not in ("estimate", "eligibility", "explain")):
        return None
    about = mentioned or last.recommended_ids()[:1]
    if len(about) != 1:
        return None
    return ("estimate" if last.intent == "estimate" else "eligibility"), about


def _the_group_said_before(
    text: str, facts: CompanyProfile, conversation: Conversation
) -> CompanyProfile:
    """"Wij zijn een dochter van dat bedrijf, wij zelf zijn met 35" after "800 medewerkers":
    the headcount said before is the group's, and counts for the size (dev4 cd4-39)."""
    before = conversation.profile.employees
    if (facts.group_employees is not None or facts.employees is None or before is None
            or before <= facts.employees or not SUBSIDIARY.search(text.lower())):
        return facts
    return with_size(facts.model_copy(update={"group_employees": before, "size": None}))


def _filled(facts: CompanyProfile) -> list[str]:
    return [name for name, value in facts.model_dump().items() if value not in (None, [])]


@dataclass
class MessageReader:
    lexicon: Lexicon
    known_words: frozenset[str]
    guard: SemanticGuard | None = None
    activities: ActivityReader | None = None
    # the schemes a follow-up may point back to: the instruments and the signposts
    pointable_ids: frozenset[str] = frozenset()

    def read(self, text: str, conversation: Conversation) -> Reading:
        previous = conversation.lang or "nl"
        lang = detect_language(self.lexicon.without_names(text), previous) if text else previous
        if is_hostile(text):
            return Reading(text, lang, "adversarial", CompanyProfile())
        plain = correct(text, self.known_words)  # what the fact readers see: typos mended
        read = extract_profile(plain)  # read once: a reply's slot and the facts both use it
        reply = self._reply(text, plain, read, lang, conversation)
        if reply is not None:
            return reply
        facts = _the_group_said_before(plain, self._facts(text, read), conversation)
        lowered = plain.lower()
        if (conversation.profile.sector and facts.sector and not SELF_DESCRIPTION.search(lowered)
                and not SECTOR_PHRASE.search(lowered)):
            facts = facts.model_copy(update={"sector": None})  # a word in passing, not who
        mentioned = resolve_followup(
            text, self.lexicon.concepts(text), conversation.answers
        )
        back = self._about_the_last(text, plain, facts, mentioned, lang, conversation)
        if back is not None:
            return back
        background = bool(mentioned) and named_only_as_background(text, self.lexicon.concepts)
        if background:
            mentioned = []
        intent = self._intent(text, plain, mentioned, facts, background, conversation)
        if intent in ABOUT_THE_NAMED and facts.activities:
            # "kan ik wbso krijgen?", "what about WBSO?" ask about the scheme; they say nothing
            # of R&D done ("we had WBSO for years", background, does; dev3 cd3-22)
            unnamed = extract_profile(self.lexicon.without_names(plain)).activities
            facts = facts.model_copy(
                update={"activities": [a for a in facts.activities if a in unnamed]})
        intent, mentioned = self._by_form(intent, plain, facts, mentioned, conversation)
        if intent in DECLINES:
            facts = CompanyProfile()
        pending = conversation.pending
        support = frozenset(support_asked(plain) | set(facts.support_wanted))
        adds_to_need = _under_way(conversation) and not mentioned and (
            len(text.split()) <= SHORT_REPLY_WORDS or _only_describes(text, facts, support)
            or bool(NOT_DEVELOPING.search(lowered))  # "gewoon een standaard machine": the need
        )
        meant = self._meant(text, intent, facts)
        return Reading(
            text, lang, intent, facts,
            provenance=dict.fromkeys(_filled(facts), "stated"),  # type: ignore[arg-type]
            mentioned=tuple(mentioned),
            support=support,
            alternative=intent == "recommend" and bool(ALTERNATIVE.search(text)),
            ask_again=pending.field if intent == "clarify" and pending else None,
            # "en DEI+?" after a hotel's solar panels is judged against that need (the name
            # itself, "WBSO", would read as R&D)
            topic=_topic(text, conversation) if adds_to_need else (
                conversation.topic or text
                if intent == "eligibility" and mentioned and _under_way(conversation) else text),
            meant=meant,
        )

    def _guarded(self, text: str, plain: str, in_scope: bool) -> Intent | None:
        """The guard's verdict by meaning, which reads only the one message. The kind of
        business one has is no off-topic subject ("hoi, ik heb een bakkerij": the guard's
        examples read a bakery as one). Neither is, in a conversation under way, a message
        that names a scheme or a kind of support ("en die regeling mijn digitale zaak van de
        kvk, bestaat die nog?", "and can I deduct the equipment from my taxes?": dev3 cd3-07,
        cd3-39); hostile wordings are the word rules' to catch, before this."""
        assert self.guard is not None
        verdict = self.guard.verdict(text)
        if verdict == "out_of_scope" and (in_scope or read_own_business(normalise(plain))):
            return None  # the guard's "deceptive" stays: "can I fake the hours for the WBSO?"
        return verdict

    def _by_form(
        self, intent: Intent, plain: str, facts: CompanyProfile, mentioned: list[str],
        conversation: Conversation,
    ) -> tuple[Intent, list[str]]:
        """The intent a question's form gives in the conversation, and what it is about."""
        if (intent == "explain" and len(mentioned) == 1 and _under_way(conversation)
                and conversation.profile != CompanyProfile()
                and bare_mention(self.lexicon.without_names(plain))):
            return "eligibility", mentioned  # "en DEI+?" after a hotel's solar panels: fits?
        again = _asked_again(plain, facts, mentioned, conversation)
        if again is not None:
            return again
        if not mentioned and intent not in DECLINES and asks_sme_status(plain):
            return "sme_status", mentioned  # "tellen we dan als mkb?" (dev4 cd4-39)
        return intent, mentioned

    def _about_the_last(
        self, text: str, plain: str, facts: CompanyProfile, mentioned: list[str], lang: Lang,
        conversation: Conversation,
    ) -> Reading | None:
        """A short question with no facts, need or name of its own, in a conversation that has
        recommended something ("how much would we get?", "moeten we dat voor de aankoop
        aanvragen?", "what's the difference between the two?"): it is about those
        recommendations, not a new request (conversations-dev2 d2c013, d2c024, d2c034)."""
        said = facts.model_copy(update={"support_wanted": [], "financing_need": None})
        if (mentioned or said != CompanyProfile() or len(text.split()) > FOLLOW_UP_QUESTION_WORDS
                or not _under_way(conversation) or not conversation.last_recommendations
                or is_off_topic(plain) or read_need(plain, facts).signposts
                or not asks_about_the_last(text) or names_the_letter(plain)
                or (self.guard is not None and not support_asked(plain)
                    and self.guard.verdict(text) is not None)):
            return None
        ids = pointed_at(text, conversation.answers, self.pointable_ids)
        if ids and support_asked(plain) and ASKS_FOR_MORE.search(plain):
            return None  # "is there a loan for that?" after the WBSO: a new request
        # several schemes pointed at are compared, unless each is asked about: the deadlines,
        # or adjacent schemes offered together for one need
        each = only_signposts(conversation.last_recommendations) or asks_when(text)
        compared = len(ids) > 1 and (asks_difference(text) or not each)
        intent: Intent = ("compare" if compared else "explain") if ids else "recommend"
        if ids and asks_how_much(text):
            intent, ids = "estimate", ids[:1]
        return Reading(text, lang, intent, facts, mentioned=tuple(ids),
                       topic=_topic(text, conversation))

    def _meant(self, text: str, intent: Intent, facts: CompanyProfile) -> tuple[str, ...]:
        """The activity by meaning of a request for advice that names none in words."""
        if (self.activities is None or intent != "recommend" or facts.activities
                or len(text.split()) < MEANING_MIN_WORDS):
            return ()
        activity = self.activities.activity(text)
        return (activity,) if activity else ()

    # -- the steps ---------------------------------------------------------------------------
    def _facts(self, text: str, facts: CompanyProfile) -> CompanyProfile:
        option = any_option(text)  # a quick-reply text sent with no question pending
        if option and getattr(facts, option[0]) is None:
            facts = with_size(facts.model_copy(update={option[0]: option[1]}))
        bare = BARE_RANGE.match(text)  # "10-50" on its own: the headcount classes' wording
        if bare and facts.employees is None and int(bare.group(1)) < int(bare.group(2)) and not (
            1900 <= int(bare.group(1)) <= 2100
        ):
            middle = (int(bare.group(1)) + int(bare.group(2))) // 2
            facts = with_size(facts.model_copy(update={"employees": middle}))
        return facts

    def _reply(
        self, text: str, plain: str, read: CompanyProfile, lang: Lang, conversation: Conversation
    ) -> Reading | None:
        """The reading of an answer to the pending question, or None when it is not one."""
        pending = conversation.pending
        if pending is None:
            return None
        slot = slot_value(pending.field, plain, read)
        if slot is None:
            return None
        name, value = slot
        stated = {name: value}
        if name == "applicant_type" and value in ("knowledge_institution", "researcher"):
            stated["is_knowledge_institution"] = True
        facts = merge(read, CompanyProfile.model_validate(stated))
        provenance: dict[str, Any] = dict.fromkeys(_filled(facts), "stated")
        provenance.update({name: "answered", pending.field: "answered"})
        if name == "employees":
            provenance["size"] = "answered"
        about = conversation.answers[-1] if conversation.answers else None
        if pending.field in ESTIMATE_FIELDS and about is not None and about.recommendations:
            return Reading(  # the number an estimate asked for: the estimate, worked out
                text, pending.lang, "estimate", facts, provenance=provenance,
                mentioned=(about.recommendations[0].instrument_id,), answered=pending.field,
                topic=about.topic or about.question,
            )
        return Reading(
            text, lang if len(text.split()) > SHORT_REPLY_WORDS else pending.lang, "recommend",
            facts, provenance=provenance, support=frozenset(facts.support_wanted),
            answered=pending.field, topic=_topic(text, conversation),
        )

    def _intent(
        self,
        text: str,
        plain: str,
        mentioned: list[str],
        facts: CompanyProfile,
        background: bool,
        conversation: Conversation,
    ) -> Intent:
        has_facts = facts != CompanyProfile()
        # only a fact about the company itself puts a message without a domain word in scope
        # ("capital" reads as equity wanted and "France" as a partner country, but "What's the
        # capital of France?" is not about anyone's company); so does a follow-up in a
        # conversation under way ("en hoeveel krijg ik dan?", "when can we apply?")
        about_company = any(getattr(facts, name) is not None for name in COMPANY_FACTS)
        # who the company is (a headcount, a size, a turnover, an age) describes it; an amount
        # or "a company" in passing does not: hostile requests name sums and SMEs too
        described = any(getattr(facts, n) is not None for n in DESCRIBING_FACTS)
        follow_up = _under_way(conversation) and not is_off_topic(plain)
        intent = classify(plain, mentioned, has_facts, about_company or follow_up)
        if is_opening_greeting(text) and not conversation.answers:
            return "intake"
        if intent not in ("adversarial", "out_of_scope", "smalltalk") and _asks_the_letter(
                text, plain, mentioned, follow_up, conversation):
            return "policy"
        if background and intent not in ("adversarial", "smalltalk"):
            intent = "recommend"
        if intent not in ("adversarial", "smalltalk") and not mentioned and not described and (
            not follow_up and is_gibberish(text, self.known_words)
        ):
            intent = "adversarial"
        # the guard's look by meaning is for requests; a message stating facts about the
        # company is a description (its hostile wordings are the word rules' to catch)
        brief_follow_up = follow_up and len(text.split()) <= FOLLOW_UP_WORDS
        if intent not in ("adversarial", "out_of_scope", "smalltalk") and self.guard and not (
            described or brief_follow_up
        ):
            in_scope = follow_up and bool(mentioned or support_asked(plain))
            intent = self._guarded(text, plain, in_scope) or intent
        if (
            intent in (*DECLINES, "intake", "policy")
            and conversation.pending
            and not has_facts
            and not mentioned
            and len(text.split()) <= UNCLEAR_REPLY_WORDS
            and not is_off_topic(plain)
        ):
            if read_need(plain, facts).needs:  # "personeel opleiden": a need, so a request
                return "recommend"
            return "clarify"  # meant as an answer ("blauw"), but it fits no question
        if intent == "policy" and follow_up and not asks_about_the_letter(plain) and (
            _last_helpful(conversation) not in (None, "policy")
        ):
            # "en voor het opleiden van ons personeel?", "elektrisch trouwens": more about the
            # need under way, not a question about the letter (conversations-dev c028, c034);
            # also after a scheme was explained ("anything for the brewing equipment itself?"
            # after "how do I apply?", dev4 cd4-25)
            intent = "recommend"
        known = merge(conversation.profile, facts)
        need = read_need(plain, known)
        signposted = bool(need.signposts)
        if intent == "policy" and signposted and speaks_of_own_business(plain, has_facts) and (
            not asks_about_the_letter(plain)
        ):
            intent = "recommend"  # "een elektrische bus kopen: kan ik daar iets voor krijgen?"
        # a need the signposts answer ("een elektrische bus kopen", "de bank doet moeilijk"), or
        # one nothing here covers, is specific enough: no headcount changes where to go
        vague = (not mentioned and not _knows_enough(known) and not asks_about_the_letter(plain)
                 and not (signposted or need.uncovered))
        return "intake" if vague and intent in ("recommend", "policy") else intent


# questions about named schemes: the names in them are no facts about the company
ABOUT_THE_NAMED: frozenset[str] = frozenset(
    {"eligibility", "explain", "compare", "estimate", "combine"})


def _last_helpful(conversation: Conversation) -> Intent | None:
    """The intent of the last answer that helped (not declined, not small talk or a re-ask)."""
    for answer in reversed(conversation.answers):
        if not answer.declined and answer.intent not in ("clarify", "smalltalk"):
            return answer.intent
    return None


def _under_way(conversation: Conversation) -> bool:
    """The conversation has an answer that helped (not a refusal, not small talk)."""
    return any(not a.declined and a.intent != "smalltalk" for a in conversation.answers)


def _only_describes(text: str, facts: CompanyProfile, support: frozenset[str]) -> bool:
    """A message that tells who the company is and adds no need of its own ("we are a startup
    of 4 people", "ik ben zzp'er", "allemaal mkb, tussen de 10 en 50 man, begroting 400k")."""
    need = (facts.activities or facts.themes or facts.support_wanted or support
            or read_need(text, facts).needs)  # "ook een hefbrug kopen van 15k" is a need
    limit = CORRECTION_WORDS if CORRECTS.search(text) else DESCRIPTION_WORDS
    return (len(text.split()) <= limit and not need
            and any(getattr(facts, name) is not None for name in (*COMPANY_FACTS, "is_startup")))


def _topic(reply: str, conversation: Conversation) -> str:
    """A reply ("8", "ja") or a description searched together with the need the conversation
    is about (its first TOPIC_WORDS words: the need is stated before the details)."""
    said = reply.split()
    return " ".join(conversation.topic.split()[: max(0, TOPIC_WORDS - len(said))] + said)

