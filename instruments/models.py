"""Domain models: instrument cards, company profiles and eligibility results.

Cards are YAML files validated by `InstrumentCard` (strict: unknown keys are errors, closed
vocabularies are Literals). `make schema` writes `instruments/card.schema.json` for editors.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    HttpUrl,
    model_validator,
)

from instruments.years import check_year

Lang = Literal["nl", "en"]
Year = Annotated[str, AfterValidator(check_year)]  # the forms in instruments/years.py
Kind = Literal[
    "fiscal", "loan", "subsidy", "fund-financing", "procurement", "equity", "fund-of-funds",
    "financing", "financing-and-advice", "subsidy-and-loan", "public-investment",
    "knowledge-partner", "state-aid-project", "guidance", "tool", "support", "network",
    "pilot", "programme", "institute", "competition", "signpost",
]
# What an instrument is to an applicant; instruments/data/kinds.tsv gives each Kind's category.
Category = Literal[
    "scheme",  # a scheme one applies to (tax credit, subsidy, loan, competition)
    "fund",  # a fund that invests in companies
    "fund_of_funds",  # invests in funds, not in companies
    "procurement",  # a government body buys an innovation
    "network",  # a network, advice or guidance; nothing to apply for
    "tool",  # a calculator or decision aid
    "signpost",  # an adjacent scheme for what innovation instruments do not cover
]
SupportType = Literal["tax", "subsidy", "loan", "equity", "procurement", "advice"]
ApplicantType = Literal[
    "company",  # a business with staff (BV, NV, VOF ...)
    "self_employed",  # zzp'er / IB-ondernemer
    "startup",  # a young innovative company
    "knowledge_institution",  # university, UMC, TO2, hogeschool
    "researcher",  # an individual academic
    "consortium",  # a partnership applying together
    "investment_fund",  # funds and business-angel groups
    "public_body",  # ministry, province, municipality
    "farmer",  # agrarian entrepreneur
]
Size = Literal["micro", "small", "medium", "large"]
Stage = Literal[
    "idea", "feasibility", "rnd", "prototype", "pilot", "market_entry", "scale_up"
]
Activity = Literal[
    "own_rnd",  # R&D done by own staff
    "development_project",  # a risky project towards a product, process or service
    "demonstration",  # pilot or demo of a new technology in practice
    "digitalisation",
    "export",  # international markets or partners
    "procurement",  # solving a challenge for a public buyer
    "collaboration",  # R&D together with others
    "financing",  # raising risk capital or a loan
    "valorisation",  # bringing research results to market
    "advice",  # advice, training, coaching
]
Theme = Literal[
    "energy_climate", "circular", "agri_food", "health", "ict_digital", "hightech",
    "chemistry", "water_maritime", "logistics", "security", "creative", "biotech",
    "oncology", "space_aviation",
]
Region = Literal[
    "groningen", "friesland", "drenthe", "overijssel", "flevoland", "gelderland", "utrecht",
    "noord-holland", "zuid-holland", "zeeland", "noord-brabant", "limburg",
]
# closed: no window open now (may reopen); ended: no new applications, for good; moved: replaced
# by another scheme (named in Status.successor)
StatusState = Literal["open", "changed", "closed", "ended", "moved", "unknown"]
StatusNotOpen: frozenset[str] = frozenset({"closed", "ended", "moved"})
AmountMeasure = Literal["project", "loan", "ticket", "subsidy", "investment"]


class Text(BaseModel):
    """A text in both languages."""

    model_config = ConfigDict(extra="forbid")

    nl: str = Field(min_length=1, description="Dutch text.")
    en: str = Field(min_length=1, description="English text.")

    def get(self, lang: Lang) -> str:
        return self.nl if lang == "nl" else self.en


class Source(BaseModel):
    """A public page a fact was taken from."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(description="Short key cited by figures, e.g. 'rvo-2024'.")
    url: HttpUrl | None = Field(default=None, description="Address; None for the letter.")
    title: str = Field(description="What the page is.")
    date: str = Field(description="Date shown or seen, e.g. '2024-11-19', '2023', 'unknown'.")


class Figure(BaseModel):
    """One figure (rate, amount, budget) with the year it applies to and its source."""

    model_config = ConfigDict(extra="forbid")

    text: Text = Field(description="The figure in words, e.g. '36% over the first €380,000'.")
    year: Year = Field(description="Year(s) the figure applies to, e.g. '2025' or '2021-2025'.")
    source: str = Field(description="Id of an entry in `sources`.")
    verified: bool = Field(default=True, description="False when one third-party page only.")
    applies_to: list[ApplicantType] = Field(
        default_factory=list,
        description="Shown only to these applicants (the self-employed deduction); empty: all.",
    )


class Administrator(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(description="Body that administers the instrument, e.g. RVO.")
    name_en: str | None = Field(
        default=None, description="The same in English, where the Dutch name has Dutch words."
    )
    short: Text | None = Field(
        default=None,
        description="A few words for a sentence when the name is long ('the Interreg programme').",
    )
    url: HttpUrl = Field(description="Where to check current terms.")

    def name_in(self, lang: Lang) -> str:
        return self.name_en if lang == "en" and self.name_en else self.name


class AmountLimit(BaseModel):
    """One route's range for the money a plan needs (project costs, loan, ticket): a need
    outside every applicable route's range excludes the applicant. Caps that only limit the
    contribution are figures, not limits."""

    model_config = ConfigDict(extra="forbid")

    measure: AmountMeasure = Field(description="What the range is of: project, loan, ticket ...")
    min_eur: float | None = Field(default=None, ge=0, description="Smallest accepted, euros.")
    max_eur: float | None = Field(default=None, ge=0, description="Largest accepted, euros.")
    sizes: list[Size] = Field(default_factory=list, description="Route only for these sizes.")
    applies_to: list[ApplicantType] = Field(
        default_factory=list, description="Route only for these applicants; empty: all."
    )
    route: Text | None = Field(default=None, description="Which route, e.g. 'starters'.")
    year: Year = Field(description="Year the range applies to.")
    source: str = Field(description="Id of an entry in `sources`.")
    verified: bool = Field(default=True, description="False when one third-party page only.")

    @model_validator(mode="after")
    def _a_range(self) -> AmountLimit:
        if self.min_eur is None and self.max_eur is None:
            raise ValueError("an amount limit needs min_eur or max_eur")
        if None not in (self.min_eur, self.max_eur) and self.min_eur > self.max_eur:  # type: ignore[operator]
            raise ValueError(f"min_eur {self.min_eur} above max_eur {self.max_eur}")
        return self


class PartnerRule(BaseModel):
    """Who the partners must be, beyond "partners needed"."""

    model_config = ConfigDict(extra="forbid")

    min_participants: int | None = Field(
        default=None, ge=2, description="Independent participants, the applicant included."
    )
    min_countries: int | None = Field(
        default=None, ge=2, description="Participants from at least this many countries."
    )
    countries_from: list[str] = Field(
        default_factory=list,
        description="ISO codes: at least one partner must come from one of these (empty: any).",
    )
    no_large_partners: bool = Field(
        default=False, description="Large companies cannot take part (or get no money)."
    )
    established_in: list[str] = Field(
        default_factory=list,
        description="ISO codes: the partners must be established here, so partners named only "
        "abroad rule it out (empty: anywhere).",
    )
    text: Text = Field(description="The rule in words.")
    year: Year
    source: str = Field(description="Id of an entry in `sources`.")


class Prerequisite(BaseModel):
    """Something that must already be in place (an S&O-verklaring, a published call ...). It
    stays undetermined until the profile says it is held (CompanyProfile.holds)."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[a-z0-9_]+$", description="Key, e.g. 'so_declaration'.")
    text: Text = Field(description="What must be in place, in words.")
    source: str = Field(description="Id of an entry in `sources`.")


class HoursRule(BaseModel):
    """A minimum of R&D hours a year, for some applicants (WBSO for the self-employed)."""

    model_config = ConfigDict(extra="forbid")

    min_hours: int = Field(ge=1)
    applies_to: list[ApplicantType] = Field(min_length=1)
    year: Year
    source: str = Field(description="Id of an entry in `sources`.")


class Eligibility(BaseModel):
    """Who may apply, as criteria the eligibility engine evaluates. Empty list = no limit."""

    model_config = ConfigDict(extra="forbid")

    open_to_companies: bool = Field(description="Can a company apply (alone or as lead)?")
    who_applies: Text = Field(description="Who applies, in words (named when not companies).")
    applicant_types: list[ApplicantType] = Field(description="Who may apply.")
    company_sizes: list[Size] = Field(default_factory=list, description="Empty: any size.")
    stages: list[Stage] = Field(default_factory=list, description="Empty: any stage.")
    activities: list[Activity] = Field(default_factory=list, description="What it supports.")
    themes: list[Theme] = Field(default_factory=list, description="Empty: any theme.")
    regions: list[Region] = Field(default_factory=list, description="Empty: whole country.")
    requires_collaboration: bool = Field(default=False, description="Partners needed.")
    requires_knowledge_institution: bool = Field(
        default=False, description="A knowledge institution must take part."
    )
    startup_max_age_years: int | None = Field(
        default=None, description="Only companies at most this old (years)."
    )
    excluded_applicant_types: list[ApplicantType] = Field(
        default_factory=list, description="Applicants ruled out outright (e.g. IB-ondernemers)."
    )
    excluded_stages: list[Stage] = Field(
        default_factory=list, description="Stages ruled out outright (e.g. seed for Invest-NL)."
    )
    region_parts: Text | None = Field(
        default=None,
        description="Only parts of the listed provinces qualify (named here): a listed province "
        "is then undetermined, not met.",
    )
    amounts: list[AmountLimit] = Field(
        default_factory=list, description="Ranges for the money the plan needs, per route."
    )
    partners: PartnerRule | None = Field(default=None, description="Partner number and country.")
    prerequisites: list[Prerequisite] = Field(
        default_factory=list, description="What must already be in place."
    )
    hours: HoursRule | None = Field(default=None, description="Minimum R&D hours a year.")
    source: str = Field(description="Id of the source these criteria rest on.")


class Status(BaseModel):
    model_config = ConfigDict(extra="forbid")

    state: StatusState
    as_of: str = Field(description="Date of the latest information, e.g. '2024-11'.")
    note: Text
    successor: str | None = Field(
        default=None, description="Id of the instrument or signpost that replaced it, if named."
    )


class InstrumentCard(BaseModel):
    """One instrument, in our own words, every figure dated and sourced."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[a-z0-9-]+$", description="Id from shared/instruments.tsv.")
    name: Text
    kind: Kind
    support: list[SupportType] = Field(description="Kind of support, for ranking.")
    summary: Text = Field(description="Two or three sentences: what it is and for whom.")
    administered_by: Administrator
    eligibility: Eligibility
    offers: Text = Field(description="What it pays for and in which form.")
    figures: list[Figure] = Field(default_factory=list, description="Dated, sourced figures.")
    how_to_apply: Text
    pitfalls: list[Text] = Field(default_factory=list)
    status: Status
    sources: list[Source] = Field(min_length=1)
    letter_refs: list[str] = Field(
        default_factory=list,
        description="Exact phrases from the letter; resolved to passage ids at ingest.",
    )
    keywords: list[str] = Field(
        default_factory=list, description="Words users type for it (nl and en), for search."
    )
    aliases: list[str] = Field(
        default_factory=list,
        description="Other exact names of this instrument only (no topic words): the lexicon "
        "uses them to recognise the instrument in questions and in the letter.",
    )

    @model_validator(mode="after")
    def _sources_exist(self) -> InstrumentCard:
        known = {s.id for s in self.sources}
        rules = self.eligibility
        cited = {f.source for f in self.figures} | {rules.source}
        cited |= {a.source for a in rules.amounts} | {p.source for p in rules.prerequisites}
        cited |= {r.source for r in (rules.partners, rules.hours) if r is not None}
        missing = cited - known
        if missing:
            raise ValueError(f"{self.id}: cites unknown source ids {sorted(missing)}")
        return self
