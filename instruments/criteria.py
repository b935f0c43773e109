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

from instruments.labels import euros, label
from instruments.models import (
    AmountLimit,
    ApplicantType,
    InstrumentCard,
    Size,
    StatusNotOpen,
    Text,
)
from instruments.profile import CompanyProfile, headcount_for_size, size_class
from instruments.reasons import REASONS, Both, amount_range, join_both, partner_words

CriterionName = Literal[
    "status", "open_to_companies", "applicant_type", "company_size", "stage", "activity", "theme",
    "region", "collaboration", "knowledge_institution", "startup_age", "amount", "partners",
    "prerequisite", "hours",
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
    headcount = headcount_for_size(profile)
    if headcount is not None:
        return size_class(headcount, profile.turnover_eur)
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
        self.card, self.rules, self.profile = card, card.eligibility, profile
        self.cite = f"card:{card.id}#{card.eligibility.source}"

    def say(self, name: CriterionName, outcome: Outcome, key: str, missing: str | None = None,
            source: str | None = None, **values: Both) -> Criterion:
        nl, en = REASONS[key]
        reason = Text(nl=" ".join(nl.format(**{k: v[0] for k, v in values.items()}).split()),
                      en=" ".join(en.format(**{k: v[1] for k, v in values.items()}).split()))
        cite = f"card:{self.card.id}#{source}" if source else self.cite
        return Criterion(name=name, outcome=outcome, reason=reason, source=cite,
                         missing_fact=missing)

    def status(self) -> Criterion | None:
        """Closed, ended or replaced: fails (the verdict then says "closed"); unknown:
        undetermined. The date is the card's latest information."""
        state = self.card.status
        if state.state not in StatusNotOpen | {"unknown"}:
            return None
        outcome: Outcome = "undetermined" if state.state == "unknown" else "fails"
        return self.say("status", outcome, f"status.{state.state}", got=(state.as_of, state.as_of),
                        card=(state.note.nl, state.note.en))

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
        excluded = self.profile.applicant_type in self.rules.excluded_applicant_types
        if excluded or (types and types <= set(self.rules.excluded_applicant_types)):
            return self.say("applicant_type", "fails", "type.excluded", you=self.you(), them=them)
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
            money = euros(p.turnover_eur)
            money_nl, money_en = f" en {money[0]} omzet", f" and {money[1]} turnover"
        if p.group_employees is not None and p.group_employees > p.employees:
            return (f"U heeft {p.employees} medewerkers, maar hoort bij een groep van "
                    f"{p.group_employees}, die meetelt ({nl})",
                    f"You have {p.employees} employees, but belong to a group of "
                    f"{p.group_employees}, which counts ({en})")
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
        if self.profile.stage in self.rules.excluded_stages:
            return self.say("stage", "fails", "stage.excluded", got=_both(stated),
                            card=_both(self.rules.excluded_stages))
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
        criterion = self._listed("region", "region", self.rules.regions, stated, "region")
        parts = self.rules.region_parts
        if criterion is not None and criterion.outcome == "meets" and parts is not None:
            return self.say("region", "undetermined", "region.parts", got=_both(stated),
                            parts=(parts.nl, parts.en))
        return criterion

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

    def _routes(self) -> list[AmountLimit]:
        """The amount routes open to this applicant (all when size or type is unknown)."""
        size, types = effective_size(self.profile), applicant_types(self.profile)
        return [r for r in self.rules.amounts
                if (not r.sizes or size is None or size in r.sizes)
                and (not r.applies_to or not types or types & set(r.applies_to))]

    def amount(self) -> Criterion | None:
        routes = self._routes() or self.rules.amounts
        if not routes:
            return None
        card = join_both([amount_range(r) for r in routes])
        need = self.profile.project_eur
        if need is None:
            return self.say("amount", "undetermined", "amount.unknown", "project_eur",
                            source=routes[0].source, card=card)
        inside = [r for r in routes if (r.min_eur is None or need >= r.min_eur)
                  and (r.max_eur is None or need <= r.max_eur)]
        outcome: Outcome = "meets" if inside else "fails"
        return self.say("amount", outcome, f"amount.{outcome}", source=(inside or routes)[0].source,
                        got=euros(need), card=join_both([amount_range(r) for r in inside]) if inside
                        else card)

    def partners(self) -> Criterion | None:
        rule, p = self.rules.partners, self.profile
        if rule is None:
            return None
        card = (rule.text.nl, rule.text.en)

        def say(outcome: Outcome, key: str, got: Both = ("", ""),
                missing: str | None = None) -> Criterion:
            return self.say("partners", outcome, key, missing, source=rule.source, got=got,
                            card=card)

        abroad = [c for c in p.partner_countries if c != "NL"]
        alone = p.collaboration is False or p.partners == 0  # so no large partner either
        named = partner_words(p.partner_countries, p.partners, p.large_partner)
        if rule.no_large_partners and p.large_partner:
            return say("fails", "partners.fails", named)
        few = p.partners is not None and p.partners + 1 < (rule.min_participants or 0)
        if few:
            return say("fails", "partners.fails", named)
        if rule.countries_from and abroad and not set(abroad) & set(rule.countries_from):
            return say("fails", "partners.fails", named)
        if rule.established_in and p.partner_countries and p.stage != "feasibility" and not (
            set(p.partner_countries) & set(rule.established_in)
        ):  # only partners abroad were named (a feasibility study is done alone)
            return say("fails", "partners.fails", named)
        if rule.min_countries and p.partner_countries and not abroad:
            return say("fails", "partners.fails", named)
        # each foreign country named stands for one partner at least ("met een Duits en een
        # Belgisch bedrijf": two), so a count is only missing when those are too few
        unsure = (
            (rule.min_participants and p.partners is None
             and len(set(abroad)) + 1 < rule.min_participants)
            or (rule.countries_from and not abroad)
            or (rule.min_countries and len({"NL", *abroad}) < rule.min_countries)
            or (rule.no_large_partners and p.large_partner is None and not alone)
        )
        if unsure:
            where = rule.countries_from or rule.min_countries
            missing = "partner_countries" if where else "partners"
            key = "partners.more" if p.partner_countries else "partners.unknown"
            return say("undetermined", key, named, missing)
        return say("meets", "partners.meets", named)

    def prerequisites(self) -> list[Criterion]:
        held = set(self.profile.holds)
        return [
            self.say("prerequisite", "meets" if need.id in held else "undetermined",
                     "prerequisite.meets" if need.id in held else "prerequisite.unknown",
                     source=need.source, card=(need.text.nl, need.text.en))
            for need in self.rules.prerequisites
        ]

    def hours(self) -> Criterion | None:
        rule, p = self.rules.hours, self.profile
        if rule is None or not applicant_types(p) & set(rule.applies_to):
            return None
        card = (str(rule.min_hours), str(rule.min_hours))
        if p.rnd_hours is None:
            return self.say("hours", "undetermined", "hours.unknown", "rnd_hours",
                            source=rule.source, card=card)
        outcome: Outcome = "meets" if p.rnd_hours >= rule.min_hours else "fails"
        return self.say("hours", outcome, f"hours.{outcome}", source=rule.source,
                        got=(f"{p.rnd_hours:g}", f"{p.rnd_hours:g}"), card=card)

    def all(self) -> list[Criterion]:
        checks: list[Callable[[], Criterion | None]] = [
            self.status, self.open_to_companies, self.applicant_type, self.company_size,
            self.stage, self.activity, self.theme, self.region, self.collaboration,
            self.knowledge_institution, self.startup_age, self.amount, self.partners,
        ]
        found = [c for c in (check() for check in checks) if c is not None]
        found += self.prerequisites()
        hours = self.hours()
        return found + ([hours] if hours else [])


def check_criteria(card: InstrumentCard, profile: CompanyProfile) -> list[Criterion]:
    """Every criterion the card sets, checked against the profile, in the order of CRITERIA."""
    return _Check(card, profile).all()
