"""What we know about the user's company: the profile model, merging, and reading it from a form
(the eval contract's `profile` object) or from free Dutch or English text.

Every fact is optional: None (or an empty list) means "not known", never "no". Reading free text
is rule-based (instruments.profile_reading, with the word lists of instruments.lexicon_quantities
and instruments.lexicon_topics), no ML; the words shown for values are in instruments.labels.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Mapping
from datetime import date
from typing import Any, cast, get_args

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from instruments.labels import FIELD_LABELS, euros, label
from instruments.lexicon_quantities import NO_WORDS, SIZE_ALIASES, YES_WORDS
from instruments.lexicon_topics import NATIONWIDE_WORDS, STAGE_ALIASES
from instruments.models import (
    Activity,
    ApplicantType,
    Lang,
    Region,
    Size,
    Stage,
    SupportType,
    Theme,
)
from instruments.profile_reading import (
    MAX_FREE_TEXT_CHARS,
    MAX_PROJECT_EUR,
    country_codes,
    normalise,
    parse_number,
    read_activities,
    read_facts,
    read_project_eur,
    read_region,
    read_stage,
    read_themes,
)

__all__ = [
    "FIELD_LABELS",
    "CompanyProfile",
    "ProfileError",
    "describe",
    "extract_profile",
    "label",
    "merge",
    "parse_number",
    "size_class",
    "with_size",
]

log = logging.getLogger(__name__)

SIZE_ORDER: tuple[Size, ...] = ("micro", "small", "medium", "large")
_HEADCOUNT_BELOW = {"micro": 10, "small": 50, "medium": 250}
_TURNOVER_AT_MOST = {"micro": 2e6, "small": 10e6, "medium": 50e6}
MAX_PARTNERS = 1000  # more partners than any consortium the cards know
HOURS_PER_YEAR = 8784  # hours in a leap year: no one works more R&D hours than that
_FLAGS = (
    "large_partner", "collaboration", "is_startup", "is_knowledge_institution",
    "knowledge_institution_partner",
)


class ProfileError(ValueError):
    """A profile value that cannot be understood; the message names the field."""


class CompanyProfile(BaseModel):
    """Facts about the applicant. None or an empty list: unknown (never counts as meeting)."""

    model_config = ConfigDict(extra="forbid")

    size: Size | None = Field(
        default=None, description="EU size class: micro <10, small <50, medium <250, else large."
    )
    employees: int | None = Field(default=None, ge=0, description="Headcount, owners included.")
    group_employees: int | None = Field(
        default=None, ge=0,
        description="Headcount of the group the company belongs to: linked enterprises count "
        "in the EU SME definition (2003/361/EC), so a small subsidiary of a large group is large.",
    )
    turnover_eur: float | None = Field(default=None, ge=0, description="Annual turnover, euros.")
    is_startup: bool | None = Field(default=None, description="Young company, start-up, spin-off.")
    age_years: float | None = Field(default=None, ge=0, description="Years since founding.")
    stage: Stage | None = Field(default=None, description="Stage of the project or product.")
    sector: str | None = Field(
        default=None, max_length=MAX_FREE_TEXT_CHARS,
        description="Sector as the user put it (free text).",
    )
    themes: list[Theme] = Field(default_factory=list, description="Themes the sector maps onto.")
    activities: list[Activity] = Field(default_factory=list, description="What the user plans.")
    applicant_type: ApplicantType | None = Field(
        default=None, description="Who applies: company, self_employed (zzp'er), researcher ..."
    )
    collaboration: bool | None = Field(default=None, description="Works with partners on it.")
    knowledge_institution_partner: bool | None = Field(
        default=None, description="Works with, or is a spin-off of, a university or TO2 institute."
    )
    is_knowledge_institution: bool | None = Field(
        default=None, description="The applicant is a knowledge institution or its researcher."
    )
    region: Region | None = Field(default=None, description="Province where the company is.")
    financing_need: SupportType | None = Field(default=None, description="Main support wanted.")
    support_wanted: list[SupportType] = Field(
        default_factory=list, description="Every kind of support mentioned, in order."
    )
    project_eur: float | None = Field(
        default=None, ge=0, le=MAX_PROJECT_EUR, description="Money the plan needs, euros."
    )
    rnd_wage_eur: float | None = Field(
        default=None, ge=0, le=MAX_PROJECT_EUR,
        description="Yearly wage costs of the R&D, euros (for a WBSO estimate).",
    )
    profit_eur: float | None = Field(
        default=None, ge=0, le=MAX_PROJECT_EUR,
        description="Yearly (innovation) profit, euros (for an Innovation Box estimate).",
    )
    partner_countries: list[str] = Field(
        default_factory=list, description="ISO 3166 codes of partner countries named."
    )
    partners: int | None = Field(
        default=None, ge=0, le=MAX_PARTNERS, description="Partners besides the applicant."
    )
    large_partner: bool | None = Field(
        default=None, description="A large company is among the partners."
    )
    rnd_hours: float | None = Field(
        default=None, ge=0, le=HOURS_PER_YEAR, description="R&D hours a year (own work)."
    )
    holds: list[str] = Field(
        default_factory=list,
        description="Prerequisites already in place, by the ids cards use (e.g. so_declaration).",
    )

    @classmethod
    def from_contract(cls, data: Mapping[str, Any]) -> CompanyProfile:
        """A profile from the eval contract's `profile` object (shared/eval-contract.md).

        `activity` (text or list) maps onto activities and `sector` onto themes where it can;
        other profile fields pass through; unknown keys are logged and ignored. A value that
        cannot be read raises ProfileError naming the field.
        """
        if not isinstance(data, Mapping):
            raise ProfileError(f"profile: expected an object, got {type(data).__name__}")
        fields: dict[str, Any] = {}
        for key, value in data.items():
            if value is not None:
                _contract_field(str(key), value, fields)
        try:
            profile = cls.model_validate(fields)
        except ValidationError as exc:
            first = exc.errors()[0]
            name = ".".join(str(p) for p in first["loc"]) or "profile"
            raise ProfileError(f"profile field {name!r}: {first['msg']}") from None
        return with_size(profile)


# -- size and merging ---------------------------------------------------------------------------

def size_class(employees: int, turnover_eur: float | None = None) -> Size:
    """EU size class by headcount; a turnover above the class ceiling pushes it up, never down."""
    if employees < 0:
        raise ValueError(f"employees must be >= 0, got {employees}")
    index = next((i for i, s in enumerate(SIZE_ORDER[:3]) if employees < _HEADCOUNT_BELOW[s]), 3)
    while index < 3 and turnover_eur is not None:
        if turnover_eur <= _TURNOVER_AT_MOST[SIZE_ORDER[index]]:
            break
        index += 1
    return SIZE_ORDER[index]


def headcount_for_size(profile: CompanyProfile) -> int | None:
    """The headcount the size class rests on: the group's when the company belongs to a larger
    one (linked enterprises are added up, shared/reference/instrument-facts.md), else its own."""
    counts = [n for n in (profile.employees, profile.group_employees) if n is not None]
    return max(counts) if counts else None


def with_size(profile: CompanyProfile, recompute: bool = False) -> CompanyProfile:
    """The profile with `size` derived from the headcount (and turnover) when unknown, or asked."""
    headcount = headcount_for_size(profile)
    # a group known decides the size even over a size word ("een klein bedrijf, dochter van
    # een concern met 800 medewerkers")
    recompute = recompute or profile.group_employees is not None
    if headcount is None or (profile.size is not None and not recompute):
        return profile
    return profile.model_copy(update={"size": size_class(headcount, profile.turnover_eur)})


def merge(old: CompanyProfile, new: CompanyProfile) -> CompanyProfile:
    """New facts override old ones, unknowns keep the old value, lists are united in order.

    The size is derived again when the new facts bring a headcount or turnover but no size.
    """
    data = old.model_dump()
    for name, value in new.model_dump().items():
        if isinstance(value, list):
            data[name] = list(dict.fromkeys([*data[name], *value]))
        elif value is not None:
            data[name] = value
    merged = CompanyProfile.model_validate(data)
    news = new.size is None and any(
        n is not None for n in (new.employees, new.group_employees, new.turnover_eur))
    # a group known stays counted when the own headcount is said again ("we're only 40 here")
    grouped = merged.group_employees is not None and new.employees is not None
    return with_size(merged, recompute=news or grouped)


# -- the eval contract --------------------------------------------------------------------------

def _contract_field(key: str, value: Any, fields: dict[str, Any]) -> None:
    if key in ("size", "stage"):
        fields[key] = _choice(key, value)
    elif key in ("employees", "group_employees"):
        fields[key] = _count(key, value)
    elif key in _FLAGS:
        fields[key] = _flag(key, value)
    elif key == "sector":
        fields["sector"] = _text(key, value)
        if len(fields["sector"]) > MAX_FREE_TEXT_CHARS:
            raise ProfileError(f"profile field 'sector': {len(fields['sector']):,} characters, "
                               f"at most {MAX_FREE_TEXT_CHARS}")
        fields["themes"] = _union(fields.get("themes"), _contract_themes(fields["sector"]))
    elif key in ("activity", "activities"):
        fields["activities"] = _union(fields.get("activities"), _contract_activities(key, value))
    elif key == "region":
        fields[key] = _contract_region(value)
    elif key in _NEW_KEYS:
        _NEW_KEYS[key](key, value, fields)
    elif key in CompanyProfile.model_fields:
        fields[key] = value
    else:
        log.warning("profile: ignoring unknown key %r", key)


def _self_employed(key: str, value: Any, fields: dict[str, Any]) -> None:
    if _flag(key, value):
        fields["applicant_type"] = "self_employed"


# contract keys added with conversations (2026-12): how each lands in the profile
_NEW_KEYS = {
    "is_self_employed": _self_employed,
    "project_eur": lambda k, v, f: f.update({k: _amount(k, v)}),
    "rnd_wage_eur": lambda k, v, f: f.update({k: _amount(k, v)}),
    "profit_eur": lambda k, v, f: f.update({k: _amount(k, v)}),
    "partner_countries": lambda k, v, f: f.update({k: _countries(k, v)}),
}


def _union(old: list[Any] | None, new: list[Any]) -> list[Any]:
    return list(dict.fromkeys([*(old or []), *new]))


def _text(field: str, value: Any) -> str:
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return ", ".join(v.strip() for v in value)
    raise ProfileError(f"profile field {field!r}: expected text, got {value!r}")


def _choice(field: str, value: Any) -> str | None:
    text = normalise(_text(field, value))
    word = text.replace("_", " ").replace("-", " ")
    aliases = SIZE_ALIASES if field == "size" else STAGE_ALIASES
    if word in aliases:
        return aliases[word]
    stage = read_stage(text) if field == "stage" else None
    if stage is not None:
        return stage
    allowed = get_args(Size) if field == "size" else get_args(Stage)
    raise ProfileError(f"profile field {field!r}: {value!r} is not one of {', '.join(allowed)}")


def _count(field: str, value: Any) -> int:
    number = value if isinstance(value, int | float) and not isinstance(value, bool) else None
    if isinstance(value, str):
        number = parse_number(normalise(value))
    if number is None or not math.isfinite(number) or number < 0:
        raise ProfileError(f"profile field {field!r}: expected a number >= 0, got {value!r}")
    return math.ceil(number)


def _amount(field: str, value: Any) -> float:
    number = value if isinstance(value, int | float) and not isinstance(value, bool) else None
    if isinstance(value, str):
        number = read_project_eur(normalise(value) + " euro") or parse_number(normalise(value))
    if number is None or not math.isfinite(number) or not 0 <= number <= MAX_PROJECT_EUR:
        raise ProfileError(
            f"profile field {field!r}: expected an amount in euros between 0 and "
            f"{MAX_PROJECT_EUR:.0e}, got {value!r}"
        )
    return float(number)


def _countries(field: str, value: Any) -> list[str]:
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
        raise ProfileError(f"profile field {field!r}: expected a list of ISO country codes")
    codes = [i.strip().upper() for i in items]
    unknown = [c for c in codes if c not in country_codes()]
    if unknown:
        raise ProfileError(f"profile field {field!r}: unknown country code(s) {', '.join(unknown)}")
    return list(dict.fromkeys(codes))


def _flag(field: str, value: Any) -> bool:
    if isinstance(value, bool):
        return value
    word = normalise(str(value)) if isinstance(value, str | int) else ""
    if word in YES_WORDS or word in NO_WORDS:
        return word in YES_WORDS
    raise ProfileError(f"profile field {field!r}: expected true or false, got {value!r}")


def _contract_themes(sector: str) -> list[Theme]:
    literal = normalise(sector).replace(" ", "_").replace("-", "_")
    return [cast(Theme, literal)] if literal in get_args(Theme) else read_themes(normalise(sector))


def _contract_activities(field: str, value: Any) -> list[Activity]:
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
        raise ProfileError(f"profile field {field!r}: expected text or a list, got {value!r}")
    found: list[Activity] = []
    for item in items:
        literal = normalise(item).replace(" ", "_").replace("-", "_")
        if literal in get_args(Activity):
            found.append(cast(Activity, literal))
            continue
        matched = read_activities(normalise(item))[0]
        if not matched:
            log.warning("profile: activity %r not recognised; ignored", item)
        found.extend(matched)
    return list(dict.fromkeys(found))


def _contract_region(value: Any) -> Region | None:
    text = normalise(_text("region", value))
    region = read_region(text)
    if region is None and text not in NATIONWIDE_WORDS:
        log.warning("profile: region %r not recognised; left unknown", value)
    return region


# -- reading free text --------------------------------------------------------------------------

def extract_profile(text: str, today: date | None = None) -> CompanyProfile:
    """Facts stated in free Dutch or English text; anything not stated stays unknown."""
    return with_size(CompanyProfile.model_validate(read_facts(text, today)))


# -- showing what was understood ----------------------------------------------------------------

def _value_text(name: str, value: Any, lang: Lang) -> str:
    if isinstance(value, bool):
        return ("ja" if value else "nee") if lang == "nl" else ("yes" if value else "no")
    if isinstance(value, list):
        return ", ".join(label(v, lang) for v in value)
    if name == "partner_countries":
        return ", ".join(value)
    if name in ("turnover_eur", "project_eur", "rnd_wage_eur", "profit_eur"):
        return euros(value)[0 if lang == "nl" else 1]
    if name == "age_years":
        return f"{value:g} jaar" if lang == "nl" else f"{value:g} year{'' if value == 1 else 's'}"
    return (str(value) if name in ("employees", "group_employees", "sector")
            else label(str(value), lang))


def describe(profile: CompanyProfile, lang: Lang, brief: bool = False) -> list[tuple[str, str]]:
    """(field label, value) pairs for the known facts, to show the user what was understood.
    `brief` (a line in the chat): the size class goes with the headcount ("5 (micro-
    onderneming)") and the plain applicant type "company" is left out."""
    known = {name: value for name, value in profile.model_dump().items()
             if value is not None and value != []}
    if brief:
        if known.get("applicant_type") == "company":
            del known["applicant_type"]
        if "employees" in known and "size" in known:
            size = label(str(known.pop("size")), lang)
            group = known.pop("group_employees", None)
            with_group = {"nl": f"met de groep van {group}: ", "en": f"with the group of {group}: "}
            known["employees"] = f"{known['employees']} ({with_group[lang] if group else ''}{size})"
    return [(FIELD_LABELS[name][0 if lang == "nl" else 1], _value_text(name, value, lang))
            for name, value in known.items()]
