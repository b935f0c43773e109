"""Ranking instruments: eligibility verdicts, relevance to the question, support type asked.

score = verdict weight + relevance (the card's rank in a card-only search) + the share of
criteria known to be met + bonuses for the support type asked for, matching activities and
instruments the user named; advice-only helpers (networks, tools) rank below schemes that fund
unless advice is asked for; procurement programmes only come up when selling to a government
body is asked; closed schemes rank below open ones; more criteria met breaks ties.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from instruments.eligibility import Criterion, EligibilityResult, evaluate
from instruments.kinds import category_of
from instruments.models import InstrumentCard
from instruments.profile import CompanyProfile
from retrieval.hybrid import SearchHit

RELEVANCE_WEIGHT = 2.5
RELEVANCE_DECAY = 0.35  # relevance of the card hit at rank r (from 0): 1 / (1 + DECAY * r)
# the card's rank in a search for the activities the user named (activity_queries.tsv), below
# the message's own words: 1.0 found the developing schemes for "an app for farmers"
# (conversations-dev c002, c012) while the subject's own schemes stayed first (dev4 t018, t040)
NEED_WEIGHT = 1.0
MET_WEIGHT = 0.4  # times the share of the card's criteria known to be met
SUPPORT_BONUS = 0.5  # the card gives the kind of support asked for
NAMED_BONUS = 1.0  # the user named the instrument
ACTIVITY_BONUS = 0.25  # the card supports an activity the user does
MEETS_EACH = 0.05  # per criterion met: more known to fit breaks ties
ADVICE_ONLY_PENALTY = 0.6
# A scheme whose partners must come from abroad (Eurostars: two countries), for a user who
# works with partners and names none abroad ("samen met een ander mkb-bedrijf"): an advisor
# names the domestic schemes first. 1.0 put Eurostars below the WBSO in conversations-dev2
# d2c006 and d2c026 (it stays in the list, and comes back when a foreign partner is named).
ABROAD_UNNAMED_PENALTY = 1.0
# The other way round: partners abroad are named and the scheme's partner rule, which asks for
# them, is met. That is what the scheme is for, as an activity met is (ACTIVITY_BONUS), but
# rarer, so twice that: 0.5 put Eurostars in the top 3 for "met een Duits en een Belgisch
# bedrijf een membraan ontwikkelen" (conversations-dev4 cd4-33; it was 4th, under EFRO).
ABROAD_NAMED_BONUS = 0.5
# A procurement programme is for selling to a government body: below every other scheme unless
# that is asked, so more than the largest relevance (the blind ordinary set's misfits, 2026-12:
# SBIR and Startup in Residence for funding needs; tried as a new user: Startup in Residence
# third after the reply "minder dan 10").
PROCUREMENT_PENALTY = RELEVANCE_WEIGHT + 0.5
# A scheme whose smallest ticket is in the millions, for a micro company (under 10 people)
# whose need is not known: an advisor does not name it first, as such tickets go with rounds
# far beyond a company that size (issue 12: Invest-NL, minimum ticket €5m, for a founder with a
# first product; conversations-dev4 cd4-35, a 4-person start-up). Once the need is stated the
# amount criterion decides instead. 1.0, the weight of naming a scheme, put Invest-NL below
# the ROMs there; named, it is ranked as before.
MILLIONS_TICKET_EUR = 1_000_000
MICRO_MILLIONS_PENALTY = 1.0
# not_a_scheme between may_fit and closed: a helper is named after schemes one can apply to;
# a closed scheme below every open one (issue 12).
VERDICT_WEIGHT = {"fits": 1.0, "may_fit": 0.55, "not_a_scheme": 0.3, "closed": -0.6,
                  "does_not_fit": -1.0}
# Criteria that say nothing about how well the plan fits (what must be in place, the window).
NOT_FIT_CRITERIA = frozenset({"prerequisite", "status"})
# Criteria only some cards model (issue 12): while undetermined they neither lower the share met
# nor turn "fits" into "may fit" for ranking, or cards with more modelled rules would sink
# below cards with fewer (report set 2026-12-07: inst@3 0.895 -> 0.853 before this rule).
ONLY_WHEN_KNOWN = frozenset({"amount", "partners", "hours"})
SUPPORT_WORDS = {
    "tax": (
        "belasting", "fiscaal", "fiscale", "aftrek", "tax", "loonheffing",
        "vennootschapsbelasting", "vpb", "winst", "profit", "deduct", "write off",
    ),
    "loan": ("lening", "krediet", "loan", "credit", "lenen", "financiering", "financing"),
    "subsidy": ("subsidie", "subsidy", "grant", "bijdrage", "subsdie", "subisidie", "subsidi"),
    "equity": (
        "investeerder", "investering", "kapitaal", "equity", "investor", "venture", "aandelen",
        "participatie", "financieringsronde", "funding round", "seed round", "investment round",
        "financiering", "financing",
    ),
    "procurement": (
        "aanbesteding", "inkoop", "launching customer", "procurement", "gemeente als klant",
        "uitvraag", "tender",
    ),
    "advice": ("advies", "advice", "coaching", "netwerk", "network", "partner zoeken"),
}


def _met_fraction(result: EligibilityResult) -> float:
    """Share of the card's criteria the profile is known to meet (unknowns count against)."""
    judged = _judged(result)
    if not judged:
        return 0.0
    return sum(1 for c in judged if c.outcome == "meets") / len(judged)


def _judged(result: EligibilityResult) -> list[Criterion]:
    """The criteria that say how well the plan fits, as far as the profile tells."""
    return [c for c in result.criteria if c.name not in NOT_FIT_CRITERIA
            and not (c.name in ONLY_WHEN_KNOWN and c.outcome == "undetermined")]


def _verdict_weight(result: EligibilityResult) -> float:
    if result.verdict not in ("fits", "may_fit"):
        return VERDICT_WEIGHT[result.verdict]
    unknown = any(c.outcome == "undetermined" for c in _judged(result))
    return VERDICT_WEIGHT["may_fit" if unknown else "fits"]


@dataclass(frozen=True)
class Ranked:
    card: InstrumentCard
    result: EligibilityResult
    score: float
    relevance: float


def support_asked(question: str) -> set[str]:
    """Kinds of support the question asks for in words ("a loan", "fiscale regeling")."""
    text = question.lower()
    return {kind for kind, words in SUPPORT_WORDS.items() if any(w in text for w in words)}


ACTIVITY_QUERIES = Path(__file__).resolve().parent.parent / "instruments" / "data" / (
    "activity_queries.tsv")


@cache
def _activity_queries() -> dict[str, str]:
    lines = [line for line in ACTIVITY_QUERIES.read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#")]
    return {row["activity"]: row["words"] for row in csv.DictReader(lines, delimiter="\t")}


def activity_words(activities: Iterable[str]) -> str:
    """Words for the activities the user named, added to the card search."""
    queries = _activity_queries()
    return " ".join(queries[a] for a in dict.fromkeys(activities) if a in queries)


def card_relevance(card_hits: Sequence[SearchHit]) -> dict[str, float]:
    """1.0 for the instrument of the best card hit, decaying with rank."""
    relevance: dict[str, float] = {}
    for hit in card_hits:
        iid = hit.passage.instrument_id
        if iid and iid not in relevance:
            relevance[iid] = 1.0 / (1.0 + RELEVANCE_DECAY * len(relevance))
    return relevance


def _does_what_is_wanted(result: EligibilityResult) -> bool:
    """The card supports an activity the user named: a network for going abroad, to one who
    wants to go abroad (conversations-dev4 cd4-34), is what was asked, not a lesser helper."""
    return any(c.name == "activity" and c.outcome == "meets" for c in result.criteria)


def _millions_for_a_micro(card: InstrumentCard, profile: CompanyProfile) -> bool:
    smallest = [a.min_eur for a in card.eligibility.amounts if a.min_eur is not None]
    return (profile.size == "micro" and profile.project_eur is None and bool(smallest)
            and min(smallest) >= MILLIONS_TICKET_EUR)


def _needs_abroad(card: InstrumentCard) -> bool:
    rule = card.eligibility.partners
    return rule is not None and bool((rule.min_countries or 0) >= 2 or rule.countries_from)


def _abroad(profile: CompanyProfile) -> bool:
    return any(code != "NL" for code in profile.partner_countries)


def rank_instruments(
    cards: Iterable[InstrumentCard],
    profile: CompanyProfile,
    card_hits: Sequence[SearchHit],
    support: Iterable[str] = (),
    mentioned: Sequence[str] = (),
    need_hits: Sequence[SearchHit] = (),
) -> list[Ranked]:
    """`support`: the kinds of support the message asks for (the reading's); the profile's
    support wanted counts too. `need_hits`: the card hits for what the user wants to do."""
    relevance = card_relevance(card_hits)
    need_relevance = card_relevance(need_hits)
    wanted = set(support) | set(profile.support_wanted or [])
    ranked = []
    for card in cards:
        result = evaluate(card, profile)
        rel = relevance.get(card.id, 0.0)
        score = (
            _verdict_weight(result)
            + RELEVANCE_WEIGHT * rel
            + MET_WEIGHT * _met_fraction(result)
            + NEED_WEIGHT * need_relevance.get(card.id, 0.0)
        )
        if wanted and set(card.support) & wanted:
            score += SUPPORT_BONUS
        if card.id in mentioned:
            score += NAMED_BONUS
        elif (set(card.support) <= {"advice"} and "advice" not in wanted
              and not _does_what_is_wanted(result)):
            score -= ADVICE_ONLY_PENALTY  # a helper or network, not a scheme that funds you
        if (category_of(card) == "procurement" and card.id not in mentioned
                and "procurement" not in wanted and "procurement" not in profile.activities):
            score -= PROCUREMENT_PENALTY
        if card.id not in mentioned and _millions_for_a_micro(card, profile):
            score -= MICRO_MILLIONS_PENALTY
        if _needs_abroad(card) and profile.collaboration and not _abroad(profile):
            score -= ABROAD_UNNAMED_PENALTY
        elif _needs_abroad(card) and _abroad(profile) and any(
                c.name == "partners" and c.outcome == "meets" for c in result.criteria):
            score += ABROAD_NAMED_BONUS
        score += MEETS_EACH * sum(1 for c in result.criteria if c.outcome == "meets")
        if _does_what_is_wanted(result):
            score += ACTIVITY_BONUS
        ranked.append(Ranked(card, result, round(score, 4), rel))
    ranked.sort(key=lambda r: (-r.score, r.card.id))
    return ranked
