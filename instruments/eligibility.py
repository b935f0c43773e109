"""The eligibility engine: pure functions from (instrument card, company profile) to a verdict.

Each criterion a card sets is checked on its own and gives "meets", "fails" or "undetermined",
with a one-line reason in Dutch and English and the card source it rests on.

Rules:
- A fact the profile does not state gives "undetermined"; missing facts never count as meeting.
- Verdict: any "fails" -> does_not_fit; else any "undetermined" -> may_fit; else fits.
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
from collections.abc import Callable, Iterable, Sequence
from typing import Literal, cast, get_args

from pydantic import BaseModel, ConfigDict, Field

from instruments.models import ApplicantType, InstrumentCard, Lang, Size, Text
from instruments.profile import CompanyProfile, label, size_class

CriterionName = Literal[
    "open_to_companies", "applicant_type", "company_size", "stage", "activity", "theme", "region",
    "collaboration", "knowledge_institution", "startup_age",
]
Outcome = Literal["meets", "fails", "undetermined"]
Verdict = Literal["fits", "may_fit", "does_not_fit"]
CRITERIA: tuple[CriterionName, ...] = get_args(CriterionName)
BUSINESS_TYPES: frozenset[ApplicantType] = frozenset(
    {"company", "self_employed", "startup", "farmer"}
)
SME: frozenset[Size] = frozenset({"micro", "small", "medium"})
# Facts asked about first when they would change equally many verdicts.
ASK_ORDER = ("applicant_type", "size", "stage", "sector", "region", "activities", "collaboration",
             "knowledge_institution_partner", "age_years")
Both = tuple[str, str]  # the same value in Dutch and in English

# Reasons, one line each; {placeholders} are filled per language.
REASONS: dict[str, Both] = {
    "open.unknown": ("Bedrijven kunnen niet aanvragen; alleen: {who}",
                     "Companies cannot apply; only: {who}"),
    "open.meets": ("Aanvrager: {you}; aanvragen kan door: {who}",
                   "Applicant: {you}; who can apply: {who}"),
    "open.business": ("Aanvrager: {you}; bedrijven kunnen niet aanvragen, alleen: {who}",
                      "Applicant: {you}; companies cannot apply, only: {who}"),
    "open.other": ("Aanvrager: {you}; alleen: {who}", "Applicant: {you}; only: {who}"),
    "type.unknown": ("Niet bekend als wie u aanvraagt; de regeling staat open voor: {them}.",
                     "Not known who applies; the scheme is open to: {them}."),
    "type.meets": ("Aanvrager: {you}; de regeling staat open voor: {them}.",
                   "Applicant: {you}; the scheme is open to: {them}."),
    "type.fails": ("Aanvrager: {you}; de regeling staat alleen open voor: {them}.",
                   "Applicant: {you}; the scheme is only open to: {them}."),
    "type.self_employed": ("U bent zzp'er; de regeling noemt: {them}; controleer of dat u omvat.",
                           "You are self-employed; the scheme names: {them}; check that it fits."),
    "type.partners_unknown": ("De regeling is voor: {them}; werkt u samen met partners?",
                              "The scheme is for: {them}; do you work with partners?"),
    "type.partners_meets": ("U werkt samen met partners; de regeling is voor: {them}.",
                            "You work with partners; the scheme is for: {them}."),
    "type.partners_fails": ("U werkt niet samen met partners; de regeling is voor: {them}.",
                            "You do not work with partners; the scheme is for: {them}."),
    "size.unknown": ("Uw bedrijfsgrootte is niet bekend; de regeling staat open voor {card}.",
                     "Your company size is not known; the scheme is open to {card}."),
    "size.meets": ("{you}; de regeling staat open voor {card}.",
                   "{you}; the scheme is open to {card}."),
    "size.fails": ("{you}; de regeling staat alleen open voor {card}.",
                   "{you}; the scheme is only open to {card}."),
    "stage.unknown": ("De fase van uw project is niet bekend; de regeling ondersteunt: {card}.",
                      "Your project's stage is not known; the scheme supports: {card}."),
    "stage.meets": ("Uw project is in de fase {got}; de regeling ondersteunt: {card}.",
                    "Your project is at the {got} stage; the scheme supports: {card}."),
    "stage.fails": ("Uw project is in de fase {got}; de regeling ondersteunt alleen: {card}.",
                    "Your project is at the {got} stage; the scheme only supports: {card}."),
    "theme.unknown": ("Uw sector is niet bekend; de regeling is voor: {card}.",
                      "Your sector is not known; the scheme is for: {card}."),
    "theme.unmapped": ("Uw sector ({got}) valt onder geen bekend thema; de regeling: {card}.",
                       "Your sector ({got}) matches no known theme; the scheme is for: {card}."),
    "theme.meets": ("Uw sector ({got}) past bij de regeling, die is voor: {card}.",
                    "Your sector ({got}) fits the scheme, which is for: {card}."),
    "theme.fails": ("Uw sector ({got}) valt buiten de regeling, die alleen is voor: {card}.",
                    "Your sector ({got}) is outside the scheme, which is only for: {card}."),
    "region.unknown": ("Uw provincie is niet bekend; de regeling geldt in: {card}.",
                       "Your province is not known; the scheme applies in: {card}."),
    "region.meets": ("U zit in {got}; de regeling geldt in: {card}.",
                     "You are based in {got}; the scheme applies in: {card}."),
    "region.fails": ("U zit in {got}; de regeling geldt alleen in: {card}.",
                     "You are based in {got}; the scheme only applies in: {card}."),
    "activity.unknown": ("Niet bekend wat u wilt doen; de regeling ondersteunt: {card}.",
                         "Not known what you plan to do; the scheme supports: {card}."),
    "activity.meets": ("U noemt {got}; de regeling ondersteunt: {card}.",
                       "You mention {got}; the scheme supports: {card}."),
    "activity.other": ("U noemt {got}; de regeling ondersteunt vooral: {card}.",
                       "You mention {got}; the scheme mainly supports: {card}."),
    "collab.unknown": ("Niet bekend of u met partners samenwerkt; de regeling vereist dat.",
                       "Not known whether you work with partners; the scheme requires it."),
    "collab.meets": ("U werkt samen met partners; de regeling vereist samenwerking.",
                     "You work with partners; the scheme requires collaboration."),
    "collab.fails": ("U werkt niet samen met partners; de regeling vereist samenwerking.",
                     "You do not work with partners; the scheme requires collaboration."),
    "ki.unknown": ("Niet bekend of een kennisinstelling meedoet; de regeling vereist dat.",
                   "Not known whether a knowledge institution takes part; it is required."),
    "ki.self": ("U bent een kennisinstelling; de regeling vereist dat er een meedoet.",
                "You are a knowledge institution; the scheme requires one to take part."),
    "ki.partner": ("U werkt met (of bent een spin-off van) een kennisinstelling; dat is vereist.",
                   "You work with (or are a spin-off of) a knowledge institution, as required."),
    "ki.fails": ("U werkt niet met een kennisinstelling; de regeling vereist dat er een meedoet.",
                 "You do not work with a knowledge institution; the scheme requires one."),
    "age.unknown": ("De leeftijd van uw bedrijf is niet bekend; de grens is {card} jaar.",
                    "Your company's age is not known; the limit is {card} years."),
    "age.meets": ("Uw bedrijf is {got} jaar oud; de regeling is voor bedrijven tot {card} jaar.",
                  "Your company is {got} years old; the scheme is for firms up to {card} years."),
    "age.fails": ("Uw bedrijf is {got} jaar oud; de grens van de regeling is {card} jaar.",
                  "Your company is {got} years old; the scheme's limit is {card} years."),
}


class Criterion(BaseModel):
    """One eligibility condition of one instrument, checked against the profile."""

    model_config = ConfigDict(extra="forbid")

    name: CriterionName = Field(description="Which condition.")
    outcome: Outcome = Field(description="meets, fails, or undetermined when a fact is missing.")
    reason: Text = Field(description="One concrete line in Dutch and English.")
    source: str = Field(description="The card source it rests on: 'card:<instrument>#<source>'.")
    missing_fact: str | None = Field(
        default=None, description="Profile field whose absence made it undetermined, if any."
    )


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


# -- facts derived from the profile -------------------------------------------------------------

def effective_size(profile: CompanyProfile) -> Size | None:
    """Stated size, else derived from employees (and turnover); a self-employed person is micro."""
    if profile.size is not None:
        return profile.size
    if profile.employees is not None:
        return size_class(profile.employees, profile.turnover_eur)
    return "micro" if profile.applicant_type == "self_employed" else None


def applicant_types(profile: CompanyProfile) -> set[ApplicantType]:
    """Every applicant type the profile counts as (a startup or a farmer is also a company)."""
    types: set[ApplicantType] = set()
    if profile.applicant_type is not None:
        types.add(profile.applicant_type)
    if profile.is_knowledge_institution:
        types.add("knowledge_institution")
    if profile.is_startup and not types - BUSINESS_TYPES:
        types.add("startup")
    stated_business = (profile.employees, profile.size, profile.turnover_eur) != (None, None, None)
    if not types and stated_business:
        types.add("company")
    if types & {"startup", "farmer"}:
        types.add("company")
    return types


def collaborates(profile: CompanyProfile) -> bool | None:
    if profile.collaboration is not None:
        return profile.collaboration
    if "collaboration" in profile.activities or profile.applicant_type == "consortium":
        return True
    return None


def _both(values: Iterable[str]) -> Both:
    values = list(values)
    return ", ".join(label(v, "nl") for v in values), ", ".join(label(v, "en") for v in values)


# -- the criteria ---------------------------------------------------------------------------------

class _Check:
    """Builds the criteria of one card against one profile."""

    def __init__(self, card: InstrumentCard, profile: CompanyProfile) -> None:
        self.rules, self.profile = card.eligibility, profile
        self.cite = f"card:{card.id}#{card.eligibility.source}"

    def say(self, name: CriterionName, outcome: Outcome, key: str, missing: str | None = None,
            **values: Both) -> Criterion:
        nl, en = REASONS[key]
        reason = Text(nl=" ".join(nl.format(**{k: v[0] for k, v in values.items()}).split()),
                      en=" ".join(en.format(**{k: v[1] for k, v in values.items()}).split()))
        return Criterion(name=name, outcome=outcome, reason=reason, source=self.cite,
                         missing_fact=missing)

    def you(self) -> Both:
        """The profile's applicant type in words."""
        types = applicant_types(self.profile)
        return _both([self.profile.applicant_type or min(types - {"company"} or types)])

    def open_to_companies(self) -> Criterion | None:
        if self.rules.open_to_companies:
            return None
        types, who = applicant_types(self.profile), self.rules.who_applies
        name: CriterionName = "open_to_companies"
        if not types:
            return self.say(name, "undetermined", "open.unknown", "applicant_type",
                            who=(who.nl, who.en))
        if types & set(self.rules.applicant_types):
            return self.say(name, "meets", "open.meets", you=self.you(), who=(who.nl, who.en))
        key = "open.business" if types & BUSINESS_TYPES else "open.other"
        return self.say(name, "fails", key, you=self.you(), who=(who.nl, who.en))

    def applicant_type(self) -> Criterion | None:
        allowed = set(self.rules.applicant_types)
        if not self.rules.open_to_companies or not allowed:
            return None
        types, them = applicant_types(self.profile), _both(self.rules.applicant_types)
        if not types:
            return self.say("applicant_type", "undetermined", "type.unknown", "applicant_type",
                            them=them)
        if types & allowed:
            return self.say("applicant_type", "meets", "type.meets", you=self.you(), them=them)
        if "self_employed" in types and "company" in allowed:
            return self.say("applicant_type", "undetermined", "type.self_employed", them=them)
        if types & BUSINESS_TYPES and "consortium" in allowed:
            together = collaborates(self.profile)
            if together is None:
                return self.say("applicant_type", "undetermined", "type.partners_unknown",
                                "collaboration", them=them)
            outcome: Outcome = "meets" if together else "fails"
            return self.say("applicant_type", outcome, f"type.partners_{outcome}", them=them)
        return self.say("applicant_type", "fails", "type.fails", you=self.you(), them=them)

    def company_size(self) -> Criterion | None:
        sizes = self.rules.company_sizes
        if not sizes:
            return None
        card = ("mkb", "SMEs") if set(sizes) == SME else _both(sizes)
        size = effective_size(self.profile)
        if size is None:
            return self.say("company_size", "undetermined", "size.unknown", "size", card=card)
        outcome: Outcome = "meets" if size in sizes else "fails"
        return self.say("company_size", outcome, f"size.{outcome}", you=self._size_words(size),
                        card=card)

    def _size_words(self, size: Size) -> Both:
        p, (nl, en) = self.profile, _both([size])
        if p.employees is None:
            return f"Uw bedrijf is een {nl}", f"Your company is a {en}"
        money_nl = money_en = ""
        if p.turnover_eur is not None:
            money_nl = f" en € {p.turnover_eur:,.0f} omzet".replace(",", ".")
            money_en = f" and €{p.turnover_eur:,.0f} turnover"
        return (f"U heeft {p.employees} medewerkers{money_nl} ({nl})",
                f"You have {p.employees} employees{money_en} ({en})")

    def _listed(self, name: CriterionName, key: str, allowed: Sequence[str],
                stated: Sequence[str], missing: str) -> Criterion | None:
        """Stage, theme, region: meets when a stated value is listed, fails when none is."""
        if not allowed:
            return None
        if not stated:
            return self.say(name, "undetermined", f"{key}.unknown", missing, card=_both(allowed))
        outcome: Outcome = "meets" if set(stated) & set(allowed) else "fails"
        return self.say(name, outcome, f"{key}.{outcome}", got=_both(stated), card=_both(allowed))

    def stage(self) -> Criterion | None:
        stated = [self.profile.stage] if self.profile.stage else []
        return self._listed("stage", "stage", self.rules.stages, stated, "stage")

    def theme(self) -> Criterion | None:
        p = self.profile
        if self.rules.themes and not p.themes and p.sector:
            return self.say("theme", "undetermined", "theme.unmapped", got=(p.sector, p.sector),
                            card=_both(self.rules.themes))
        return self._listed("theme", "theme", self.rules.themes, p.themes, "sector")

    def region(self) -> Criterion | None:
        stated = [self.profile.region] if self.profile.region else []
        return self._listed("region", "region", self.rules.regions, stated, "region")

    def activity(self) -> Criterion | None:
        supported, stated = self.rules.activities, self.profile.activities
        if not supported:
            return None
        if not stated:
            return self.say("activity", "undetermined", "activity.unknown", "activities",
                            card=_both(supported))
        common = [a for a in stated if a in supported]
        if common:
            return self.say("activity", "meets", "activity.meets", got=_both(common),
                            card=_both(supported))
        return self.say("activity", "undetermined", "activity.other", got=_both(stated),
                        card=_both(supported))

    def collaboration(self) -> Criterion | None:
        if not self.rules.requires_collaboration:
            return None
        together = collaborates(self.profile)
        if together is None:
            return self.say("collaboration", "undetermined", "collab.unknown", "collaboration")
        outcome: Outcome = "meets" if together else "fails"
        return self.say("collaboration", outcome, f"collab.{outcome}")

    def knowledge_institution(self) -> Criterion | None:
        if not self.rules.requires_knowledge_institution:
            return None
        p, name = self.profile, cast(CriterionName, "knowledge_institution")
        if p.is_knowledge_institution:
            return self.say(name, "meets", "ki.self")
        if p.knowledge_institution_partner:
            return self.say(name, "meets", "ki.partner")
        if p.knowledge_institution_partner is False or p.collaboration is False:
            return self.say(name, "fails", "ki.fails")
        return self.say(name, "undetermined", "ki.unknown", "knowledge_institution_partner")

    def startup_age(self) -> Criterion | None:
        limit, age = self.rules.startup_max_age_years, self.profile.age_years
        if limit is None:
            return None
        card = (str(limit), str(limit))
        if age is None:
            return self.say("startup_age", "undetermined", "age.unknown", "age_years", card=card)
        outcome: Outcome = "meets" if age <= limit else "fails"
        return self.say("startup_age", outcome, f"age.{outcome}", got=(f"{age:g}", f"{age:g}"),
                        card=card)

    def all(self) -> list[Criterion]:
        checks: list[Callable[[], Criterion | None]] = [
            self.open_to_companies, self.applicant_type, self.company_size, self.stage,
            self.activity, self.theme, self.region, self.collaboration,
            self.knowledge_institution, self.startup_age,
        ]
        return [c for c in (check() for check in checks) if c is not None]


# -- public functions ----------------------------------------------------------------------------

def evaluate(card: InstrumentCard, profile: CompanyProfile) -> EligibilityResult:
    """Check every criterion the card sets against the profile."""
    criteria = _Check(card, profile).all()
    return EligibilityResult(
        instrument_id=card.id, verdict=verdict_of(criteria), criteria=criteria,
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
