"""The eligibility engine: pure functions from (instrument card, company profile) to a verdict.

Each criterion a card sets is checked on its own (instruments.criteria) and gives "meets", "fails"
or "undetermined", with a one-line reason in Dutch and English and the card source it rests on.

Rules:
- A fact the profile does not state gives "undetermined"; missing facts never count as meeting.
- Verdict: any "fails" -> does_not_fit; else any "undetermined" -> may_fit; else fits. Two
  verdicts come before those: a scheme whose only failing criterion is its status (closed,
  ended, replaced) is "closed"; a network or tool (instruments.kinds), which has nothing to
  apply for, is "not_a_scheme" unless a criterion fails.
- Amounts: the money the plan needs must lie within one applicable route's range.
- Partners: fail on a large partner where none may take part, too few participants, partner
  countries all outside the required ones, or only Dutch partners where several countries are
  required; undetermined while the partners are not described.
- Prerequisites (an S&O-verklaring, a published call ...) stay undetermined until held.
- Size, stage, theme, region: fails only when the profile states a value outside the card's list.
- Activities say what a scheme supports, not who may apply, so they never fail: no overlap with
  the stated activities is "undetermined" (it ranks lower), not an exclusion.
- Applicant type: a startup and a farmer also count as a company. A self-employed person on a
  card that names companies but not the self-employed is "undetermined". A business on a card
  for consortia meets when it collaborates, fails when it says it does not.
- Not open to companies: fails for a business, meets for a listed type (institution, fund ...).
- Collaboration / knowledge institution required: fail only on an explicit "no".
- Startup age: fails when age_years exceeds the card's limit.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from instruments.criteria import CRITERIA, Criterion, CriterionName, check_criteria
from instruments.kinds import SERVICES, category_of
from instruments.models import InstrumentCard, Lang, Text
from instruments.profile import CompanyProfile

__all__ = [
    "CRITERIA",
    "OPEN_VERDICTS",
    "Criterion",
    "EligibilityResult",
    "eligibility_rows",
    "evaluate",
    "evaluate_all",
    "most_informative_missing_fact",
    "verdict_of",
    "with_inferred_activities",
]

Verdict = Literal["fits", "may_fit", "not_a_scheme", "closed", "does_not_fit"]
# Verdicts an applicant can act on now: the ones recommended as schemes.
OPEN_VERDICTS: frozenset[str] = frozenset({"fits", "may_fit"})
# Facts asked about first when they would change equally many verdicts.
ASK_ORDER = ("applicant_type", "size", "stage", "sector", "region", "activities", "collaboration",
             "knowledge_institution_partner", "age_years")


class EligibilityResult(BaseModel):
    """The verdict for one instrument with the criteria it rests on."""

    model_config = ConfigDict(extra="forbid")

    instrument_id: str
    verdict: Verdict = Field(description="fits, may_fit or does_not_fit (see the module rules).")
    criteria: list[Criterion] = Field(default_factory=list)
    not_open_to_companies: bool = Field(description="Only others (institutions, funds) apply.")
    who_applies: Text = Field(description="Who applies, in words, from the card.")

    def criterion(self, name: CriterionName) -> Criterion | None:
        return next((c for c in self.criteria if c.name == name), None)


def verdict_of(criteria: Iterable[Criterion]) -> Verdict:
    outcomes = {c.outcome for c in criteria}
    if "fails" in outcomes:
        return "does_not_fit"
    return "may_fit" if "undetermined" in outcomes else "fits"


_RND_STAGES = {"feasibility", "rnd", "prototype"}


# -- public functions ----------------------------------------------------------------------------

# activities that go with R&D rather than replace it: developing "together with another SME"
# or "with money from" is still developing (conversations-dev2 d2c006, d2c026: a joint
# development read only as a collaboration left the WBSO out)
ALONGSIDE_RND = frozenset({"collaboration", "financing", "export", "valorisation"})
_RND_ACTIVITIES = ("own_rnd", "development_project")


def with_inferred_activities(profile: CompanyProfile) -> CompanyProfile:
    """A profile in an R&D stage does R&D: add it to the activities when none or only those
    that go alongside R&D are stated.
    Every verdict (chat, page, `finder check`) is given on this assessed profile."""
    stated = set(profile.activities)
    if profile.stage not in _RND_STAGES or not stated <= ALONGSIDE_RND:
        return profile
    doing = [*profile.activities, *(a for a in _RND_ACTIVITIES if a not in stated)]
    return profile.model_copy(update={"activities": doing})


def evaluate(card: InstrumentCard, profile: CompanyProfile) -> EligibilityResult:
    """Check every criterion the card sets against the (assessed) profile."""
    criteria = check_criteria(card, with_inferred_activities(profile))
    verdict = verdict_of(criteria)
    failing = {c.name for c in criteria if c.outcome == "fails"}
    if failing == {"status"}:
        verdict = "closed"
    elif verdict != "does_not_fit" and category_of(card) in SERVICES:
        verdict = "not_a_scheme"
    return EligibilityResult(
        instrument_id=card.id, verdict=verdict, criteria=criteria,
        not_open_to_companies=not card.eligibility.open_to_companies,
        who_applies=card.eligibility.who_applies,
    )


def evaluate_all(
    cards: Iterable[InstrumentCard], profile: CompanyProfile
) -> list[EligibilityResult]:
    """One result per card, in the cards' order."""
    return [evaluate(card, profile) for card in cards]


def most_informative_missing_fact(
    items: Sequence[EligibilityResult] | Sequence[InstrumentCard],
    profile: CompanyProfile | None = None,
) -> str | None:
    """The profile field that, once known, could change the most verdicts; None if none would.

    Takes results, or cards plus the profile. Only "may_fit" verdicts can change (a
    "does_not_fit" already fails on a known fact). Each may_fit instrument adds 1 to every fact
    it waits on, plus 0.5 when that fact is the only one missing (knowing it settles the
    verdict). Ties go to the first field in ASK_ORDER.
    """
    known = profile or CompanyProfile()
    results = [i if isinstance(i, EligibilityResult) else evaluate(i, known) for i in items]
    scores: dict[str, float] = defaultdict(float)
    for result in results:
        if result.verdict != "may_fit":
            continue
        missing = {c.missing_fact for c in result.criteria
                   if c.outcome == "undetermined" and c.missing_fact}
        for fact in missing:
            scores[fact] += 1.5 if len(missing) == 1 else 1.0
    if not scores:
        return None
    order = {name: i for i, name in enumerate(ASK_ORDER)}
    return min(scores, key=lambda f: (-scores[f], order.get(f, math.inf), f))


def eligibility_rows(results: Iterable[EligibilityResult], lang: Lang) -> list[dict[str, str]]:
    """One flat row per instrument for advisors (CSV/JSON), every row with the same keys.

    Keys: instrument_id, verdict, not_open_to_companies, and per criterion `<name>` (its outcome)
    and `<name>_reason`; both are "" when the card does not set that criterion.
    """
    rows: list[dict[str, str]] = []
    for result in results:
        row = {"instrument_id": result.instrument_id, "verdict": result.verdict,
               "not_open_to_companies": "yes" if result.not_open_to_companies else "no"}
        for name in CRITERIA:
            criterion = result.criterion(name)
            row[name] = criterion.outcome if criterion else ""
            row[f"{name}_reason"] = criterion.reason.get(lang) if criterion else ""
        rows.append(row)
    return rows
