"""The eligibility criteria: each condition an instrument card sets, checked on its own against
the company profile, giving "meets", "fails" or "undetermined" with a one-line reason (the texts
are in instruments.reasons) and the card source it rests on.

The rules each criterion follows are listed in instruments.eligibility, which turns the criteria
into a verdict.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Literal, cast, get_args

from pydantic import BaseModel, ConfigDict, Field

from instruments.labels import label
from instruments.models import ApplicantType, InstrumentCard, Size, Text
from instruments.profile import CompanyProfile, size_class
from instruments.reasons import REASONS, Both

CriterionName = Literal[
    "open_to_companies", "applicant_type", "company_size", "stage", "activity", "theme", "region",
    "collaboration", "knowledge_institution", "startup_age",
]
Outcome = Literal["meets", "fails", "undetermined"]
CRITERIA: tuple[CriterionName, ...] = get_args(CriterionName)
BUSINESS_TYPES: frozenset[ApplicantType] = frozenset(
    {"company", "self_employed", "startup", "farmer"}
)
SME: frozenset[Size] = frozenset({"micro", "small", "medium"})


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
        """A stage outside the card's list stays undetermined: stages are read loosely from
        free text and a project usually spans several, so it lowers the ranking only."""
        stated = [self.profile.stage] if self.profile.stage else []
        criterion = self._listed("stage", "stage", self.rules.stages, stated, "stage")
        if criterion is not None and criterion.outcome == "fails":
            return self.say("stage", "undetermined", "stage.other", got=_both(stated),
                            card=_both(self.rules.stages))
        return criterion

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


def check_criteria(card: InstrumentCard, profile: CompanyProfile) -> list[Criterion]:
    """Every criterion the card sets, checked against the profile, in the order of CRITERIA."""
    return _Check(card, profile).all()
