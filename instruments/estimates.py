"""How much an instrument gives for this company: the rules of instruments/data/estimates.yaml
applied to the profile's own numbers (R&D wage costs, project costs, profit).

Each rule is one route of one instrument (the WBSO for employers, an MIT feasibility project),
with the rates and limits of its card, the year they apply to and the card source they come
from. `estimate` returns what the route gives and how it was worked out, or the number it still
needs; nothing here words an answer (the composer does).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

from instruments.models import ApplicantType, Size, Stage, Text, Year
from instruments.profile import CompanyProfile

RULES_FILE = Path(__file__).resolve().parent / "data" / "estimates.yaml"
SIZE_ASSUMED: Size = "small"  # most who ask are SMEs; the answer names the assumption
Base = Literal["rnd_wage_eur", "project_eur", "profit_eur"]
Gives = Literal["tax_reduction", "deduction", "tax_saving", "subsidy", "loan"]


class Bracket(BaseModel):
    """A rate over the part of the base up to `upto_eur` (the last bracket has no limit)."""

    model_config = ConfigDict(extra="forbid")

    upto_eur: float | None = Field(default=None, gt=0)
    rate: float = Field(ge=0, le=1)


class EstimateRule(BaseModel):
    model_config = ConfigDict(extra="forbid")

    instrument: str
    route: Text
    applies_to: list[ApplicantType] = Field(default_factory=list, description="Empty: all.")
    stages: list[Stage] = Field(default_factory=list, description="Route for these stages.")
    gives: Gives
    base: Base | None = Field(default=None, description="The number needed; None: fixed.")
    brackets: list[Bracket] = Field(default_factory=list)
    starter_brackets: list[Bracket] = Field(default_factory=list)
    rate_by_size: dict[Size, float] = Field(default_factory=dict)
    taxed_at: float | None = Field(
        default=None, ge=0, le=1, description="The base is taxed at this rate instead."
    )
    taxed_at_year: Year | None = None
    taxed_at_source: str | None = None
    fixed_eur: float | None = Field(default=None, gt=0)
    starter_extra_eur: float | None = Field(default=None, gt=0)
    # a company this many years old or younger is young enough to be a starter: the starter
    # rule allows at most this many years of staff (or of enterprise) in the last five; the
    # rule's other condition is said beside the estimate (starter_rule)
    starter_max_years: float | None = Field(default=None, gt=0)
    starter_rule: Text | None = None  # the starter rule in words, said beside the estimate
    min_base_eur: float | None = Field(default=None, gt=0)
    max_eur: float | None = Field(default=None, gt=0)
    not_counted: Text | None = None
    year: Year
    source: str
    verified: bool = True


@cache
def load_rules(path: Path = RULES_FILE) -> tuple[EstimateRule, ...]:
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    return tuple(TypeAdapter(list[EstimateRule]).validate_python(raw))


@dataclass(frozen=True)
class Part:
    """One step of the working: `rate` over `over` euros gives `amount`."""

    rate: float
    over: float
    amount: float


@dataclass(frozen=True)
class Estimate:
    rule: EstimateRule
    amount: float | None  # None: the base is missing, or below the route's minimum
    parts: tuple[Part, ...] = ()
    starter_amount: float | None = None  # what a starter gets (the WBSO starters' rate)
    capped: bool = False  # the route's maximum applied
    below_minimum: bool = False
    base: float | None = None
    assumed_size: str | None = None  # the size whose rate was taken, the size being unknown
    starter: bool | None = None  # from the company's age; None: unknown, both amounts are said
    starter_parts: tuple[Part, ...] = ()  # the working at the starters' rates


def routes(instrument_id: str, profile: CompanyProfile) -> list[EstimateRule]:
    """The instrument's routes that apply to this applicant and stage (all when unknown)."""
    applicant = profile.applicant_type
    mine = [r for r in load_rules() if r.instrument == instrument_id]
    if applicant:  # a researcher gets no employer's route: none of these is theirs
        mine = [r for r in mine if not r.applies_to or applicant in r.applies_to]
    if profile.stage:
        staged = [r for r in mine if not r.stages or profile.stage in r.stages]
        mine = staged or mine
    return mine


def _brackets(brackets: list[Bracket], base: float, less: float = 0.0) -> tuple[Part, ...]:
    parts, below = [], 0.0
    for bracket in brackets:
        top = bracket.upto_eur if bracket.upto_eur is not None else float("inf")
        over = max(0.0, min(base, top) - below)
        if over > 0:
            parts.append(Part(bracket.rate - less, over, (bracket.rate - less) * over))
        below = top
        if base <= top:
            break
    return tuple(parts)


def is_starter(rule: EstimateRule, profile: CompanyProfile) -> bool | None:
    """True when the company is young enough to be a starter by the rule's years (its other
    condition, at most 2 years of an S&O-verklaring, is said beside the estimate); None
    otherwise: an older company may still have had staff for fewer years."""
    if rule.starter_max_years is None or profile.age_years is None:
        return None
    return True if profile.age_years <= rule.starter_max_years else None


def estimate(rule: EstimateRule, profile: CompanyProfile) -> Estimate:
    starter = is_starter(rule, profile)
    if rule.fixed_eur is not None:  # a fixed deduction: no number needed
        extra = rule.fixed_eur + rule.starter_extra_eur if rule.starter_extra_eur else None
        return Estimate(rule, rule.fixed_eur, starter_amount=extra, starter=starter)
    base = getattr(profile, rule.base) if rule.base else None
    if base is None:
        return Estimate(rule, None)
    if rule.min_base_eur is not None and base < rule.min_base_eur:
        return Estimate(rule, None, below_minimum=True, base=base)
    assumed: Size | None = None
    if rule.rate_by_size:
        size: Size | None = profile.size if profile.size in rule.rate_by_size else None
        if size is None:  # unknown: the small company's rate, said so in the answer
            size = assumed = SIZE_ASSUMED
        rate = rule.rate_by_size[size]
        parts: tuple[Part, ...] = (Part(rate, base, rate * base),)
    else:
        parts = _brackets(rule.brackets, base, rule.taxed_at or 0.0)
    amount = sum(p.amount for p in parts)
    starter_parts = _brackets(rule.starter_brackets, base) if rule.starter_brackets else ()
    starter_amount = sum(p.amount for p in starter_parts) if starter_parts else None
    capped = rule.max_eur is not None and amount > rule.max_eur
    if rule.max_eur is not None:
        amount = min(amount, rule.max_eur)
        if starter_amount is not None:
            starter_amount = min(starter_amount, rule.max_eur)
    return Estimate(rule, amount, parts, starter_amount, capped, base=base,
                    assumed_size=assumed, starter=starter, starter_parts=starter_parts)
