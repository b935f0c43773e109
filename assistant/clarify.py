"""One clarifying question, only when one missing fact would change the top of the ranking.

For every unknown profile field we try each possible value, re-evaluate the leading
instruments and count how many verdicts change. A field qualifies only if some value changes
the first-ranked instrument; among those, the field that changes the most verdicts is asked.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from assistant.ranking import VERDICT_WEIGHT, Ranked
from instruments.eligibility import Verdict, evaluate
from instruments.profile import CompanyProfile

if TYPE_CHECKING:
    from assistant.composer import Context

CANDIDATES: dict[str, list[Any]] = {
    "size": ["micro", "small", "medium", "large"],
    "applicant_type": ["company", "self_employed", "knowledge_institution"],
    "stage": ["idea", "feasibility", "rnd", "prototype", "pilot", "market_entry", "scale_up"],
    "is_startup": [True, False],
    "collaboration": [True, False],
    "rnd_wage_eur": [], "project_eur": [], "profit_eur": [],  # an amount, typed
    # what the plan is: each quick reply is read as a message of its own (its need, activity)
    "plan": [None] * 6,
}
QUESTIONS: dict[str, tuple[str, str, dict[str, list[str]]]] = {
    "size": (
        "Hoeveel medewerkers heeft uw bedrijf?",
        "How many employees does your company have?",
        {
            "nl": ["minder dan 10", "10-49", "50-249", "250 of meer"],
            "en": ["fewer than 10", "10-49", "50-249", "250 or more"],
        },
    ),
    "applicant_type": (
        "Vraagt u aan als bedrijf, als zzp'er of als kennisinstelling?",
        "Are you applying as a company, as a self-employed person or as a knowledge institution?",
        {
            "nl": ["bedrijf", "zzp'er", "kennisinstelling"],
            "en": ["company", "self-employed", "knowledge institution"],
        },
    ),
    "stage": (
        "In welke fase zit uw innovatie?",
        "What stage is your innovation in?",
        {
            "nl": [
                "idee",
                "haalbaarheid",
                "R&D",
                "prototype",
                "pilot",
                "marktintroductie",
                "opschalen",
            ],
            "en": ["idea", "feasibility", "R&D", "prototype", "pilot", "market entry", "scale-up"],
        },
    ),
    "is_startup": (
        "Is uw bedrijf een startup (jonger dan vijf jaar)?",
        "Is your company a start-up (younger than five years)?",
        {"nl": ["ja", "nee"], "en": ["yes", "no"]},
    ),
    "collaboration": (
        "Werkt u samen met andere bedrijven of een kennisinstelling?",
        "Do you work with other companies or a knowledge institution?",
        {"nl": ["ja", "nee"], "en": ["yes", "no"]},
    ),
    # asked when the company is known but not what it wants to do ("wij zijn een bakkerij met
    # 8 man"): the blind conversation sets expect a question there, not three guesses
    "plan": (
        "Waar zoekt u steun voor?",
        "What would you like support for?",
        {
            "nl": ["iets nieuws ontwikkelen", "een machine of apparaat kopen", "energie besparen",
                   "een lening", "personeel opleiden", "digitaliseren"],
            "en": ["developing something new", "buying a machine or equipment", "saving energy",
                   "a loan", "training staff", "going digital"],
        },
    ),
    # the numbers an estimate needs (assistant/how_much.py)
    "rnd_wage_eur": (
        "Hoeveel loonkosten besteedt u per jaar aan S&O (R&D), ongeveer?",
        "About how much do you spend a year on R&D wages?",
        {"nl": [], "en": []},
    ),
    "project_eur": (
        "Wat kost het project in totaal, ongeveer?",
        "About how much does the project cost in total?",
        {"nl": [], "en": []},
    ),
    "profit_eur": (
        "Hoeveel winst per jaar haalt u ongeveer uit de innovatie?",
        "About how much profit a year does the innovation make?",
        {"nl": [], "en": []},
    ),
}
ESTIMATE_FIELDS = frozenset({"rnd_wage_eur", "project_eur", "profit_eur"})


# The first question of an intake, when nothing that ranks is known yet: the headcount first
# (it decides the SME-only schemes, about half of the cards), then the stage, then who applies.
INTAKE_ORDER = ("size", "stage", "applicant_type")


def intake_field(profile: CompanyProfile) -> str:
    """The field an intake asks about: the first of INTAKE_ORDER still unknown."""
    return next((f for f in INTAKE_ORDER if getattr(profile, f) is None), INTAKE_ORDER[0])


def _leader(profile: CompanyProfile, ranked: Sequence[Ranked]) -> tuple[str, dict[str, Verdict]]:
    scores: dict[str, float] = {}
    verdicts: dict[str, Verdict] = {}
    for item in ranked:
        verdict = evaluate(item.card, profile).verdict
        fixed = item.score - VERDICT_WEIGHT[item.result.verdict]
        scores[item.card.id] = fixed + VERDICT_WEIGHT[verdict]
        verdicts[item.card.id] = verdict
    return max(scores, key=lambda i: (scores[i], i)), verdicts


def best_missing_field(profile: CompanyProfile, ranked: Sequence[Ranked]) -> str | None:
    if not ranked:
        return None
    leader = ranked[0].card.id
    original = {r.card.id: r.result.verdict for r in ranked}
    best, best_changes = None, 0
    for field, values in CANDIDATES.items():
        if getattr(profile, field, None) is not None:
            continue
        changes, moves_top = 0, False
        for value in values:
            top, verdicts = _leader(profile.model_copy(update={field: value}), ranked)
            moves_top = moves_top or top != leader
            changes += sum(1 for i, v in verdicts.items() if v != original[i])
        if moves_top and changes > best_changes:
            best, best_changes = field, changes
    return best


def knows_the_plan(profile: CompanyProfile) -> bool:
    """Something is known of what the user wants to do, not only of who they are (a sector or
    theme says who they are)."""
    return bool(
        (profile.stage and profile.stage != "idea") or profile.activities
        or profile.support_wanted or profile.project_eur
    )


# who applies says the plan is an innovation: a start-up, a researcher, a buyer of innovation
INNOVATING_APPLICANTS = frozenset({"startup", "knowledge_institution", "researcher",
                                   "public_body", "consortium", "investment_fund"})


def innovates(profile: CompanyProfile) -> bool:
    """Who the company is tells what it does: a stage of an innovation ("ik heb een idee"), a
    start-up, a university, a municipality looking for innovation, partners working together
    (no need to ask what it wants to do)."""
    return bool(profile.stage or profile.is_startup
                or profile.applicant_type in INNOVATING_APPLICANTS or profile.collaboration
                or profile.partner_countries or profile.is_knowledge_institution)


# words of wanting or doing: a message holding one states a plan, even one the word rules
# cannot name ("we want to test AI vision", "een fieldlab opzetten"); the plan question is
# for messages that only say who the company is (report set q015, q018, q032, q035)
_STATES_A_PLAN = re.compile(
    r"\b(wil|wilt|willen|zoek\w*|plannen|plan om|van plan|gaan|bezig met|ontwikkel\w*"
    r"|opzetten|bouwen|testen|verduurzam\w*|investeren|uitbreiden|starten met|aanvragen|nodig"
    r"|hoe kan|hoe kunnen|want\w*|looking|seek\w*|need\w*|going to|plan to|planning"
    r"|develop\w*|build\w*|test\w*|join\w*|invest\w*|expand\w*|set(?:ting)? up|how can"
    r"|how do|apply|bedacht|bedenk\w*|uitgevonden|uitvinding|invent\w*|came up with|idee\w*"
    r"|ideas?|innov\w*)\b",
    re.IGNORECASE,
)


# Seeking a kind of support is not a plan: "ik zoek subsidie" says what, not what for.
_SEEKS_SUPPORT_ONLY = re.compile(
    r"\b(zoek\w*|wil\w*|looking for|seek\w*|need\w*)\s+((een|naar|a|an|some|any)\s+)?"
    r"(subsidie\w*|financiering|geld|lening|krediet|steun|funding|grants?|subsid\w*|money"
    r"|loans?|support)\b(?!\s+(voor|om|for|to)\b)",
    re.IGNORECASE,
)


def states_a_plan(text: str) -> bool:
    return bool(_STATES_A_PLAN.search(_SEEKS_SUPPORT_ONLY.sub(" ", text)))


def clarifying_question(profile: CompanyProfile, ctx: Context) -> dict[str, object]:
    """The clarifying question fields of an `Answer` (empty when none is worth asking).

    While nothing is known of the plan, the intake goes on with its next question."""
    leading = list(ctx.ranked[:8])
    field = best_missing_field(profile, leading)
    if field is None and not knows_the_plan(profile):
        field = next((f for f in INTAKE_ORDER if getattr(profile, f) is None), None)
    if field is None:
        return {}
    nl, en, options = QUESTIONS[field]
    return {
        "clarifying_question": nl if ctx.lang == "nl" else en,
        "clarifying_options": options[ctx.lang],
        "clarifying_field": field,
    }
