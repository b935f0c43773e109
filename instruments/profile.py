"""What we know about the user's company: the profile model, merging, and reading it from a form
(the eval contract's `profile` object) or from free Dutch or English text.

Every fact is optional: None (or an empty list) means "not known", never "no". Reading free text
is rule-based: regular expressions and the small lexicons at the end of this module, no ML.
"""

from __future__ import annotations

import logging
import math
import re
import unicodedata
from collections.abc import Mapping
from datetime import date
from typing import Any, cast, get_args

from pydantic import BaseModel, ConfigDict, Field, ValidationError

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

log = logging.getLogger(__name__)

MAX_TEXT_CHARS = 10_000
SIZE_ORDER: tuple[Size, ...] = ("micro", "small", "medium", "large")
_HEADCOUNT_BELOW = {"micro": 10, "small": 50, "medium": 250}
_TURNOVER_AT_MOST = {"micro": 2e6, "small": 10e6, "medium": 50e6}
_FLAGS = (
    "collaboration", "is_startup", "is_knowledge_institution", "knowledge_institution_partner"
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
    turnover_eur: float | None = Field(default=None, ge=0, description="Annual turnover, euros.")
    is_startup: bool | None = Field(default=None, description="Young company, start-up, spin-off.")
    age_years: float | None = Field(default=None, ge=0, description="Years since founding.")
    stage: Stage | None = Field(default=None, description="Stage of the project or product.")
    sector: str | None = Field(default=None, description="Sector as the user put it (free text).")
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


def with_size(profile: CompanyProfile, recompute: bool = False) -> CompanyProfile:
    """The profile with `size` derived from employees (and turnover) when unknown, or asked."""
    if profile.employees is None or (profile.size is not None and not recompute):
        return profile
    return profile.model_copy(update={"size": size_class(profile.employees, profile.turnover_eur)})


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
    news = new.size is None and (new.employees is not None or new.turnover_eur is not None)
    return with_size(merged, recompute=news)


# -- the eval contract --------------------------------------------------------------------------

def _contract_field(key: str, value: Any, fields: dict[str, Any]) -> None:
    if key in ("size", "stage"):
        fields[key] = _choice(key, value)
    elif key == "employees":
        fields[key] = _count(key, value)
    elif key in _FLAGS:
        fields[key] = _flag(key, value)
    elif key == "sector":
        fields["sector"] = _text(key, value)
        fields["themes"] = _union(fields.get("themes"), _contract_themes(fields["sector"]))
    elif key in ("activity", "activities"):
        fields["activities"] = _union(fields.get("activities"), _contract_activities(key, value))
    elif key == "region":
        fields[key] = _contract_region(value)
    elif key in CompanyProfile.model_fields:
        fields[key] = value
    else:
        log.warning("profile: ignoring unknown key %r", key)


def _union(old: list[Any] | None, new: list[Any]) -> list[Any]:
    return list(dict.fromkeys([*(old or []), *new]))


def _text(field: str, value: Any) -> str:
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return ", ".join(v.strip() for v in value)
    raise ProfileError(f"profile field {field!r}: expected text, got {value!r}")


def _choice(field: str, value: Any) -> str | None:
    text = _normalise(_text(field, value))
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
        number = parse_number(_normalise(value))
    if number is None or not math.isfinite(number) or number < 0:
        raise ProfileError(f"profile field {field!r}: expected a number >= 0, got {value!r}")
    return math.ceil(number)


def _flag(field: str, value: Any) -> bool:
    if isinstance(value, bool):
        return value
    word = _normalise(str(value)) if isinstance(value, str | int) else ""
    if word in YES_WORDS or word in NO_WORDS:
        return word in YES_WORDS
    raise ProfileError(f"profile field {field!r}: expected true or false, got {value!r}")


def _contract_themes(sector: str) -> list[Theme]:
    literal = _normalise(sector).replace(" ", "_").replace("-", "_")
    return [cast(Theme, literal)] if literal in get_args(Theme) else read_themes(_normalise(sector))


def _contract_activities(field: str, value: Any) -> list[Activity]:
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
        raise ProfileError(f"profile field {field!r}: expected text or a list, got {value!r}")
    found: list[Activity] = []
    for item in items:
        literal = _normalise(item).replace(" ", "_").replace("-", "_")
        if literal in get_args(Activity):
            found.append(cast(Activity, literal))
            continue
        matched = read_activities(_normalise(item))[0]
        if not matched:
            log.warning("profile: activity %r not recognised; ignored", item)
        found.extend(matched)
    return list(dict.fromkeys(found))


def _contract_region(value: Any) -> Region | None:
    text = _normalise(_text("region", value))
    region = read_region(text)
    if region is None and text not in NATIONWIDE_WORDS:
        log.warning("profile: region %r not recognised; left unknown", value)
    return region


# -- reading free text --------------------------------------------------------------------------

def _normalise(text: str) -> str:
    """Lower case, accents and curly quotes removed, whitespace collapsed."""
    text = unicodedata.normalize("NFKD", text[:MAX_TEXT_CHARS])
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    return re.sub(r"\s+", " ", text.translate(PUNCTUATION)).strip()


def parse_number(token: str) -> float | None:
    """A number in digits ("1.200", "2,5") or words ("twaalf", "twenty-five", "vijfendertig")."""
    token = token.strip()
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", token):
        return float(re.sub(r"[.,]", "", token))
    if re.fullmatch(r"\d+(?:[.,]\d+)?", token):
        return float(token.replace(",", "."))
    return number_word(token)


def read_employees(text: str) -> int | None:
    """The first headcount stated in normalised text, or None."""
    found: list[tuple[int, float]] = []
    for pattern in EMPLOYEE_PATTERNS:
        for match in pattern.finditer(text):
            number = _staff_number(text, match)
            if number is not None:
                found.append((match.start(), number))
    return math.ceil(min(found)[1]) if found else None


def _staff_number(text: str, match: re.Match[str]) -> float | None:
    """The number a staff pattern matched, unless the context says it is money, a year or users."""
    phrase, parts = match.group("n"), match.group("n").split()
    before = (text[: match.start("n")].split() or [""])[-1]
    number = DUTCH_GROUP_WORDS.get(phrase) or parse_number(phrase)
    if number is None and len(parts) == 2:
        before, number = parts[0], parse_number(parts[1])
    if number is None and match.groupdict().get("unit"):
        number = ARTICLE_ONE.get(phrase)
    noun = match.groupdict().get("noun") or ""
    blocked = (
        before.endswith(("€", "$")) or before in ("eur", "euro")
        or (noun in AMBIGUOUS_STAFF_NOUNS and before in NOT_STAFF_BEFORE)
        or (number is not None and 1900 <= number <= 2100 and before in YEAR_BEFORE)
    )
    return None if blocked or number is None or number > 1_000_000 else number


def read_turnover(text: str) -> float | None:
    for pattern in (TURNOVER_AFTER, TURNOVER_BEFORE):
        for match in pattern.finditer(text):
            amount, unit = parse_number(match.group("amount")), match.group("unit") or ""
            if amount is None:
                continue
            year_like = 1900 <= amount <= 2100 and "€" not in match.group(0)
            if unit or not (amount < 1000 or year_like):
                return amount * MULTIPLIERS.get(unit, 1.0)
    return None


def read_age(text: str, today: date) -> float | None:
    for pattern, years in AGE_PHRASES:
        if pattern.search(text):
            return years
    match = FOUNDED_YEAR.search(text)
    if match and int(match.group("year")) <= today.year:
        return float(today.year - int(match.group("year")))
    for pattern in AGE_RELATIVE:
        for match in pattern.finditer(text):
            number = ARTICLE_ONE.get(match.group("n")) or parse_number(match.group("n"))
            if number is not None and number <= 200:
                return number
    return None


def read_stage(text: str) -> Stage | None:
    """The most advanced stage named by a strong word, else by a weak word."""
    for lexicon in (STAGE_STRONG, STAGE_WEAK):
        found = [stage for stage, pattern in lexicon if pattern.search(text)]
        if found:
            return max(found, key=STAGE_ORDER.index)
    return None


def read_themes(text: str) -> list[Theme]:
    """Themes named in the text, in order of mention; oncology also counts as health."""
    hits = sorted((m.start(), theme) for theme, pattern in THEMES if (m := pattern.search(text)))
    themes = list(dict.fromkeys(theme for _, theme in hits))
    return [*themes, "health"] if "oncology" in themes and "health" not in themes else themes


def read_sector(text: str) -> str | None:
    """ "in de bouwsector" -> "bouw"; else the word holding the first theme keyword."""
    match = SECTOR_PHRASE.search(text)
    if match:
        return match.group("sector").strip()
    hits = sorted((m.start(), m.end()) for _, pattern in THEMES if (m := pattern.search(text)))
    if not hits:
        return None
    start, end = hits[0]
    left = text.rfind(" ", 0, start) + 1
    right = re.search(r"[\s.,;:!?()]|$", text[end:])
    return text[left : end + (right.start() if right else 0)].strip("'\"-") or None


def read_activities(text: str) -> tuple[list[Activity], list[SupportType]]:
    """Activities named in the text, and kinds of support asked for, in order of mention."""
    acts = sorted((m.start(), a) for a, pattern in ACTIVITIES if (m := pattern.search(text)))
    needs = sorted((m.start(), s) for s, pattern in SUPPORT if (m := pattern.search(text)))
    return list(dict.fromkeys(a for _, a in acts)), list(dict.fromkeys(s for _, s in needs))


def read_region(text: str) -> Region | None:
    """The province of the first place named; university names ("TU Delft") do not count."""
    masked = text
    for pattern in INSTITUTION_NAMES:
        masked = pattern.sub(" ", masked)
    hits = sorted((m.start(), r) for r, pattern in REGIONS if (m := pattern.search(masked)))
    return hits[0][1] if hits else None


def read_applicant(text: str, startup: bool, employees: int | None) -> ApplicantType | None:
    for applicant, pattern in APPLICANT_TYPES:
        if pattern.search(text):
            return applicant
    if startup:
        return "startup"
    if (employees or 0) >= 2 or COMPANY_WORDS.search(text):
        return "company"
    return None


def _read_relations(text: str, facts: dict[str, Any], spin_off: bool) -> None:
    """Collaboration and knowledge-institution links, into `facts`."""
    if NO_COLLABORATION.search(text):
        facts["collaboration"] = False
        facts["activities"] = [a for a in facts["activities"] if a != "collaboration"]
    elif "collaboration" in facts["activities"]:
        facts["collaboration"] = True
    if facts["applicant_type"] in ("researcher", "knowledge_institution"):
        facts["is_knowledge_institution"] = True
    elif spin_off or KNOWLEDGE_INSTITUTION.search(text):
        facts["knowledge_institution_partner"] = True
    if spin_off and "valorisation" not in facts["activities"]:
        facts["activities"].append("valorisation")


def extract_profile(text: str, today: date | None = None) -> CompanyProfile:
    """Facts stated in free Dutch or English text; anything not stated stays unknown."""
    norm = STARTUP_IN_RESIDENCE.sub(" ", _normalise(text))
    activities, support = read_activities(norm)
    facts: dict[str, Any] = {
        "employees": read_employees(norm), "turnover_eur": read_turnover(norm),
        "age_years": read_age(norm, today or date.today()), "stage": read_stage(norm),
        "sector": read_sector(norm), "themes": read_themes(norm), "activities": activities,
        "region": read_region(norm), "support_wanted": support,
        "financing_need": support[0] if support else None,
    }
    spin_off = bool(SPIN_OFF.search(norm))
    if spin_off or STARTUP.search(norm) or any(p.search(norm) for p, _ in AGE_PHRASES):
        facts["is_startup"] = True
    facts["applicant_type"] = read_applicant(norm, "is_startup" in facts, facts["employees"])
    _read_relations(norm, facts, spin_off)
    if facts["applicant_type"] == "farmer" and "agri_food" not in facts["themes"]:
        facts["themes"].append("agri_food")
    if facts["applicant_type"] == "self_employed" and facts["employees"] is None:
        facts["employees"] = 1
    if facts["employees"] is None:
        facts["size"] = next((s for s, p in SIZE_WORDS if p.search(norm)), None)
    return with_size(CompanyProfile.model_validate(facts))


# -- showing what was understood ----------------------------------------------------------------

def label(value: str, lang: Lang) -> str:
    """The word for a vocabulary value (size, stage, theme, activity, applicant type, region)."""
    if value in LABELS:
        return LABELS[value][0 if lang == "nl" else 1]
    if value in get_args(Region):
        return "-".join(part.capitalize() for part in value.split("-"))
    return value.replace("_", " ")


def _value_text(name: str, value: Any, lang: Lang) -> str:
    if isinstance(value, bool):
        return ("ja" if value else "nee") if lang == "nl" else ("yes" if value else "no")
    if isinstance(value, list):
        return ", ".join(label(v, lang) for v in value)
    if name == "turnover_eur":
        amount = f"{value:,.0f}"
        return f"€ {amount.replace(',', '.')}" if lang == "nl" else f"€{amount}"
    if name == "age_years":
        return f"{value:g} jaar" if lang == "nl" else f"{value:g} year{'' if value == 1 else 's'}"
    return str(value) if name in ("employees", "sector") else label(str(value), lang)


def describe(profile: CompanyProfile, lang: Lang) -> list[tuple[str, str]]:
    """(field label, value) pairs for the known facts, to show the user what was understood."""
    return [
        (FIELD_LABELS[name][0 if lang == "nl" else 1], _value_text(name, value, lang))
        for name, value in profile.model_dump().items()
        if value is not None and value != []
    ]


# -- lexicon (matched against normalised text: lower case, no accents, straight quotes) ---------
# Kept in this module because the profile reader is its only user; it is data, not logic.

def _rx(*parts: str) -> re.Pattern[str]:
    return re.compile("".join(parts))


PUNCTUATION = str.maketrans(
    {"\u2019": "'", "\u2018": "'", "`": "'", "\u2013": "-", "\u2014": "-", "\u2011": "-"}
)
_NL_NUMBERS = ["twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf",
               "twaalf", "dertien", "veertien", "vijftien", "zestien", "zeventien", "achttien",
               "negentien"]
_EN_NUMBERS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
               "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
               "eighteen", "nineteen"]
_NL_TENS = "twintig|dertig|veertig|vijftig|zestig|zeventig|tachtig|negentig"
_EN_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_NL_UNITS = "een|twee|drie|vier|vijf|zes|zeven|acht|negen"
_EN_UNITS = "one|two|three|four|five|six|seven|eight|nine"
DUTCH_NUMBERS: dict[str, float] = {
    **{w: float(n) for n, w in enumerate(_NL_NUMBERS, 2)},
    **{w: float(n) for w, n in zip(_NL_TENS.split("|"), range(20, 100, 10), strict=True)},
    "honderd": 100.0,
}
NUMBER_WORDS: dict[str, float] = {
    **DUTCH_NUMBERS,
    **{w: float(n) for n, w in enumerate(_EN_NUMBERS, 1)},
    **{w: float(n) for w, n in zip(_EN_TENS.split("|"), range(20, 100, 10), strict=True)},
    "hundred": 100.0, "duizend": 1000.0, "thousand": 1000.0,
}
ARTICLE_ONE = {"een": 1.0, "a": 1.0, "an": 1.0}  # "een" is also the article: only in context


def number_word(token: str) -> float | None:
    """ "twaalf" -> 12, "vijfendertig" -> 35, "twenty-five" -> 25, "tweehonderd" -> 200."""
    token = token.strip().replace("-", " ")
    if token in NUMBER_WORDS:
        return NUMBER_WORDS[token]
    if match := re.fullmatch(rf"({_NL_UNITS})en({_NL_TENS})", token):
        return (ARTICLE_ONE.get(match[1]) or NUMBER_WORDS[match[1]]) + NUMBER_WORDS[match[2]]
    if match := re.fullmatch(rf"({_EN_TENS}) ?({_EN_UNITS})", token):
        return NUMBER_WORDS[match[1]] + NUMBER_WORDS[match[2]]
    if match := re.fullmatch(rf"({_NL_UNITS}|{_EN_UNITS}|a|an) ?(honderd|hundred)", token):
        return (ARTICLE_ONE.get(match[1]) or NUMBER_WORDS[match[1]]) * 100
    return None


def _group_word(word: str) -> str:
    """The Dutch "met z'n ..." form: vijf -> vijven, zes -> zessen, twaalf -> twaalven."""
    if word.endswith("f"):
        return word[:-1] + "ven"
    return "zessen" if word == "zes" else word + "en"


DUTCH_GROUP_WORDS = {_group_word(w): n for w, n in DUTCH_NUMBERS.items()}
_DIGITS = r"(?<![\d.,])\d++(?:[.,]\d++)*+"  # whole numbers only: linear on long digit runs
_NUM = rf"(?P<n>{_DIGITS}|[a-z]+(?:[- ][a-z]+)?)"
EMPLOYEE_PATTERNS = (
    _rx(r"\bmet (?:z'n|zn|zijn|ons) (?P<n>", "|".join(DUTCH_GROUP_WORDS), r"|\d+(?='?en\b))\b"),
    _rx(r"\b", _NUM, r" ?-? ?(?P<noun>medewerkers?|werknemers?|employees?|staff(?: members)?",
        r"|mensen|people|fte'?s?|personen|persons?|man|collega'?s|colleagues|arbeidskrachten",
        r"|workers|personeelsleden)\b"),
    _rx(r"\b(?P<n>\d+|[a-z]+?)[- ]?(?P<unit>mans|persoons)",
        r"(?:bedrijf|zaak|onderneming|team|bureau|organisatie|studio|praktijk)\b"),
    _rx(r"\b(?:team|staff|workforce|headcount|personeelsbestand) (?:of|van) ",
        r"(?:about |around |ongeveer |circa |ca\.? )?(?P<n>", _DIGITS, r"|[a-z]+(?:-[a-z]+)?)\b"),
)
AMBIGUOUS_STAFF_NOUNS = {"mensen", "people", "personen", "persons", "person", "man", "workers"}
NOT_STAFF_BEFORE = {"voor", "for", "to", "aan", "by", "door", "of", "van", "serve", "serves",
                    "help", "helps", "helpen", "bereiken", "reach", "reaches", "bedienen", "over"}
YEAR_BEFORE = {"in", "sinds", "since", "per", "tot", "until", "vanaf", "from", "jaar", "year"}

_AMOUNT = (rf"(?:€|\beur\b|\beuro\b)? ?(?P<amount>{_DIGITS}) ?"
           r"(?P<unit>miljoen|miljard|mln|mld|million|billion|mio|bn|duizend|thousand|k|m)?\b")
_TURNOVER = r"\b(?:jaar)?(?:omzet|turnover|revenues?|sales)\b"
TURNOVER_AFTER = _rx(_TURNOVER, r"[^\d€]{0,30}?", _AMOUNT)
TURNOVER_BEFORE = _rx(_AMOUNT, r" ?(?:euros?|eur)? ?(?:aan |in |of |at )?", _TURNOVER)
MULTIPLIERS = {"miljoen": 1e6, "mln": 1e6, "million": 1e6, "mio": 1e6, "m": 1e6, "miljard": 1e9,
               "mld": 1e9, "billion": 1e9, "bn": 1e9, "duizend": 1e3, "thousand": 1e3, "k": 1e3}

_STARTED = r"(?:opgericht|gestart|begonnen|founded|started|established|set up|incorporated)"
AGE_PHRASES = (
    (_rx(r"\b(?:vorig|verleden) jaar ", _STARTED, r"|\b", _STARTED,
         r" (?:in )?(?:vorig|verleden|last) (?:jaar|year)"), 1.0),
    (_rx(r"\bdit jaar ", _STARTED, r"|\b", _STARTED, r" (?:dit|this) (?:jaar|year)",
         r"|\b(?:net|pas|zojuist|recent) opgericht|\b(?:just|newly|recently) (?:founded|started)"),
     0.0),
)
FOUNDED_YEAR = _rx(r"\b(?:", _STARTED, r"|bestaan sinds|exist(?:ed)? since|in business since",
                   r"|actief sinds)(?: (?:in|op|sinds|since|per))?(?: [a-z]+)? ",
                   r"(?P<year>(?:18|19|20)\d{2})\b")
_YEARS = r"(?P<n>(?<![\d.,])\d++(?:[.,]\d+)?|[a-z]+)[ -](?:jaar|years?|yrs?)"
AGE_RELATIVE = (
    _rx(r"\b", _YEARS, r"[ -](?:oud|old|jong|young)\b"),
    _rx(r"\b", _STARTED, r" (?:ongeveer |about |around |zo'n )?", _YEARS, r" (?:geleden|ago)\b"),
    _rx(r"\b", _YEARS, r" geleden ", _STARTED),
    _rx(r"\b(?:bestaan|exist|existed|in business)(?: (?:al|nu|for))? ", _YEARS, r"\b"),
)

STAGE_ORDER: tuple[Stage, ...] = get_args(Stage)
_RND = (r"\br ?& ?d\b|\bs ?& ?o\b|speur- en ontwikkel|research (?:and|&) development"
        r"|onderzoek en ontwikkeling")
_PILOT = (r"\bpilot|\bdemonstrat|\bdemo\b|\bproeftuin|\bveldtest|\bfield (?:test|trial)"
          r"|\bpraktijkproef")
STAGE_STRONG: tuple[tuple[Stage, re.Pattern[str]], ...] = (
    ("idea", _rx(r"\bidee ?-?fase|\bidea (?:stage|phase)|\b(?:alleen|slechts|nog maar|pas) ",
                 r"een idee\b|\b(?:only|just|still) an idea\b")),
    ("feasibility", _rx(r"haalbaarheid|\bfeasibility")),
    ("rnd", _rx(_RND)),
    ("prototype", _rx(r"\bprototyp|\bproof of concept|\bpoc\b|\bmvp\b")),
    ("pilot", _rx(_PILOT)),
    ("market_entry", _rx(r"marktintroductie|\bmarket (?:entry|launch|introduction)",
                         r"|\bgo[- ]to[- ]market|\bnaar de markt|\bop de markt (?:brengen|zetten)",
                         r"|\bto (?:the )?market\b|\bcommerciali[sz]")),
    ("scale_up", _rx(r"\bopschal|\bscale[- ]?ups?\b|\bscaling(?: up)?\b")),
)
STAGE_WEAK: tuple[tuple[Stage, re.Pattern[str]], ...] = (
    ("idea", _rx(r"\bidee(?:en)?\b|\bideas?\b")),
    ("rnd", _rx(r"\bonderzoek(?:en)?\b|(?<!market )\bresearch\b|\bontwikkel|\bdevelop")),
    ("market_entry", _rx(r"\blaunch|\blancer|\beerste klanten\b|\bfirst customers\b",
                         r"|\bop de markt\b|\bon the market\b")),
    ("scale_up", _rx(r"\bgroei|\bgrow")),
)
STAGE_ALIASES: dict[str, str | None] = {
    **{s.replace("_", " "): s for s in STAGE_ORDER}, "r&d": "rnd", "s&o": "rnd",
    "research": "rnd", "onderzoek": "rnd", "development": "rnd", "idee": "idea",
    "haalbaarheid": "feasibility", "feasibility study": "feasibility",
    "haalbaarheidsstudie": "feasibility", "demo": "pilot", "demonstration": "pilot",
    "demonstratie": "pilot", "marktintroductie": "market_entry", "launch": "market_entry",
    "market": "market_entry", "scaleup": "scale_up", "opschalen": "scale_up",
    "growth": "scale_up", "groei": "scale_up",
}
SIZE_ALIASES: dict[str, str | None] = {
    "micro": "micro", "micro enterprise": "micro", "microbedrijf": "micro",
    "micro onderneming": "micro", "small": "small", "klein": "small", "kleine onderneming": "small",
    "small enterprise": "small", "medium": "medium", "middelgroot": "medium",
    "medium sized": "medium", "mid sized": "medium", "large": "large", "groot": "large",
    "grootbedrijf": "large", "large enterprise": "large",
    "sme": None, "smes": None, "mkb": None, "kmo": None,  # an SME, but which class is not said
}
SIZE_WORDS: tuple[tuple[Size, re.Pattern[str]], ...] = (
    ("micro", _rx(r"\bmicro[- ]?(?:onderneming|bedrijf|enterprise|company|business)")),
    ("small", _rx(r"\bkleine? (?:bedrijf|onderneming)|\bklein mkb\b",
                  r"|\bsmall (?:enterprise|company|business|firm)")),
    ("medium", _rx(r"\bmiddelgro(?:ot|te) (?:bedrijf|onderneming)|\bmiddelgroot mkb",
                   r"|\bmedium[- ]sized|\bmid[- ]sized")),
    ("large", _rx(r"\bgro(?:ot|te) (?:bedrijf|onderneming)|\bgrootbedrijf",
                  r"|\blarge (?:enterprise|company|corporation|firm)|\bmultinational")),
)
YES_WORDS = {"true", "yes", "ja", "1", "y", "j", "waar"}
NO_WORDS = {"false", "no", "nee", "0", "n", "onwaar"}

THEMES: tuple[tuple[Theme, re.Pattern[str]], ...] = (
    ("energy_climate", _rx(r"\benergie|\benergy|waterstof|\bhydrogen|\bzonne|\bsolar",
                           r"|\bwind(?:energie|turbine|park|molen)?\b|klimaat|\bclimate|\bco2",
                           r"|\bemissie|\bemission|\bwarmte|heat pump|\bbatterij|\bbatter(?:y|ies)",
                           r"|\brenewable|verduurzam|netcongestie")),
    ("circular", _rx(r"\bcircula|\brecycl|hergebruik|\breus(?:e|ing)\b|\bafval|\bwaste\b",
                     r"|\bbiobased")),
    ("agri_food", _rx(r"\bagri|landbouw|\bboer|\bfood|voedsel|\bvoeding|tuinbouw|\bhorticult",
                      r"|veehouder|akkerbouw|\bzuivel|\bdairy|\bfarm|\bteler\b|\bkweker",
                      r"|\bgreenhouse|\bgrowers?\b")),
    ("health", _rx(r"\b(?:gezondheids)?zorg(?:sector|instelling\w*|technologie|verlen\w*",
                   r"|innovatie)?\b|\bmedisch|\bmedical|\bhealth|\bmedtech|\bmedische",
                   r"|\bgezondheid|ziekenhui|\bhospital|\bpatient|\bpharma|\bfarma",
                   r"|\blife sciences|\bmedicijn|\bgeneesmiddel")),
    ("ict_digital", _rx(r"software|\bai\b|artificial intelligence|kunstmatige intelligentie",
                        r"|\bapps?\b|\bsaas\b|\bdigita|\bict\b|\bit[- ]bedrijf|big data",
                        r"|\bdata[- ]?(?:analy|science|platform)|\bcloud|machine learning",
                        r"|\bfintech")),
    ("hightech", _rx(r"\bchips?\b|\bsemicon|halfgeleider|fotonica|\bphotonic|\bhigh[- ]?tech",
                     r"|\bmachines?\b(?! learning)|\bmachinebouw|\bmachinery|\brobot|mechatron",
                     r"|\bsensor|\bquantum|\bkwantum|\bnanotech|\blaser|maakindustrie",
                     r"|\bmanufactur")),
    ("chemistry", _rx(r"\bchemi|\bchemical|\bchemisch|katalys|catalys|\bpolymer|\bcoating")),
    ("water_maritime", _rx(r"\bwater(?!stof)|(?:drink|afval|grond)water|wastewater",
                           r"|\bmaritie?m|\bmaritime|scheepvaart|scheepsbouw|\bshipping",
                           r"|shipbuilding|\boffshore|\bhaven|\bdelta\b|\bocean")),
    ("logistics", _rx(r"logistiek|\blogistic|\btransport|supply chain|\bwarehous|\bmagazijn",
                      r"|distributie|\bvracht|\bfreight")),
    ("security", _rx(r"defensie|\bdefen[cs]e|\bsecurity|beveiliging|\bcyber")),
    ("creative", _rx(r"\bcreati|\bgames?\b|\bgaming|\bdesign|\bmedia\b|\bfashion|\bmode\b",
                     r"|\bmuziek|\bmusic\b|\bfilm")),
    ("biotech", _rx(r"biotech|\benzym|\bgenetic|\bgenetisch|\bcrispr|\bbiologics?\b|\bmicrob",
                    r"|\bcell therap|celtherap|synthetic biology")),
    ("oncology", _rx(r"kanker|oncolog|\bcancer|\btumou?r")),
    ("space_aviation", _rx(r"ruimtevaart|luchtvaart|\baerospace|\baviation|\bsatelli",
                           r"|\bspace (?:tech|industry|sector)|\bdrones?\b|\baircraft")),
)
SECTOR_PHRASE = _rx(r"\b(?:in|binnen|within) (?:de|het|the) (?P<sector>[a-z&'-]+?(?: [a-z&'-]+)?)",
                    r" ?-?(?:sector|branche|industrie|industry)\b")

_PROCUREMENT = (r"\b(?:voor|for|met|with) (?:de |het |een |the |a |our )?(?:gemeente|overheid"
                r"|government|municipalit|provincie|ministerie|ministry|rijkswaterstaat"
                r"|public sector|publieke sector)|\bchallenge|\baanbested|\bprocurement"
                r"|launching customer|\b(?:gemeente|overheid|government|municipality) (?:als|as) "
                r"(?:klant|customer|client)")
_EQUITY = (r"investeerder|\binvestor|\bkapitaal|\bcapital\b|\binvestment|\bequity"
           r"|financieringsronde|funding round|durfkapitaal|\bventure|\baandelen|\bseed\b"
           r"|\bseries [ab]\b")
_LOAN = r"\blening|\bloans?\b|krediet|(?<!tax )\bcredit\b|\blenen\b|\bborrow"
_ADVICE = r"\badvies|\badvice|\bcoaching|\bcoach\b|\btraining|\bbegeleiding|\bopleiding|\bmentor"
ACTIVITIES: tuple[tuple[Activity, re.Pattern[str]], ...] = (
    ("own_rnd", _rx(_RND, r"|\beigen onderzoek|\bin-house research|\bwbso\b")),
    ("development_project", _rx(r"ontwikkelproject|innovatieproject|development project",
                                r"|innovation project|\bprototyp|\bnieuw product|\bnew product",
                                r"|\bontwikkel(?:en|t)? (?:van )?(?:een |ons )?(?:nieuw|innovatie)",
                                r"|\bdevelop(?:ing|s)? (?:a |an |our )?(?:new|innovative)\b")),
    ("demonstration", _rx(_PILOT)),
    ("digitalisation", _rx(r"digitali[sz]|\bwebshop|e-?commerce|online verkop",
                           r"|\bsell(?:ing)? online|automatiser|\bautomat(?:e|ion|ing)\b",
                           r"|\berp\b|\bcrm\b")),
    ("export", _rx(r"\bexport|buitenland|\binternationa|\babroad|\bforeign|overseas",
                   r"|wereldwijd|worldwide|global markets?")),
    ("procurement", _rx(_PROCUREMENT)),
    ("collaboration", _rx(r"samenwerk|\bconsortium|\bpartners?\b|\bpartnership|together with",
                          r"|\bcollaborat|\bco-?operat|\bsamen met\b|joint (?:project|research)")),
    ("financing", _rx(_EQUITY, "|", _LOAN, r"|\bfunding\b|\bfinanciering")),
    ("valorisation", _rx(r"valorisat|\btech(?:nology)? transfer|kennisbenutting",
                         r"|\bspin[- ]?(?:off|out)")),
    ("advice", _rx(_ADVICE)),
)
SUPPORT: tuple[tuple[SupportType, re.Pattern[str]], ...] = (
    ("tax", _rx(r"belasting|\btax\b|\bfiscal|\bfiscaal|\bfiscale|\bwbso\b|innovatiebox",
                r"|innovation box|afdrachtvermindering")),
    ("subsidy", _rx(r"subsidie|\bsubsid|\bgrants?\b")),
    ("loan", _rx(_LOAN)),
    ("equity", _rx(_EQUITY)),
    ("procurement", _rx(_PROCUREMENT)),
    ("advice", _rx(_ADVICE)),
)

_I_AM = r"\b(?:ik ben|i am|i'm|im|we zijn|wij zijn|we are|we're|werk als|work as)\s"
_I_AM_A = _I_AM + r"(?:een |a |an )?(?:[a-z-]+ )?"
_FARM = r"boer|boerin|veehouder|tuinder|akkerbouwer|teler|kweker|agrarier|farmer|grower"
_ACADEMIC = (r"onderzoeker|promovendus|postdoc|phd(?:[- ](?:student|candidate))?|hoogleraar"
             r"|professor|wetenschapper|researcher|scientist|universitair (?:hoofd)?docent|lector")
APPLICANT_TYPES: tuple[tuple[ApplicantType, re.Pattern[str]], ...] = (
    ("researcher", _rx(_I_AM_A, r"(?:", _ACADEMIC, r")\b|\b(?:", _ACADEMIC, r") ",
                       r"(?:at|aan|bij|van|of|in) (?:de |het |the |a |an )?(?:[a-z/-]+ )?",
                       r"(?:universiteit|university|umc|hogeschool|tu\b|tno|institu|lab)")),
    ("knowledge_institution", _rx(_I_AM, r"(?:een |a |an |de |the )?(?:[a-z-]+ )?(?:universiteit",
                                  r"|university|hogeschool|kennisinstelling|knowledge institution",
                                  r"|research (?:institute|organi[sz]ation)|onderzoeksinstitu",
                                  r"|onderzoeksinstelling|umc|to2)")),
    ("investment_fund", _rx(_I_AM_A, r"(?:fonds|fund|investeringsfonds|investeerder|investor|vc",
                            r"|venture capitalist|business angels?)\b")),
    ("public_body", _rx(_I_AM_A, r"(?:gemeente|municipality|provincie|province|ministerie",
                        r"|ministry|waterschap)\b")),
    ("farmer", _rx(_I_AM_A, r"[a-z]*(?:", _FARM, r")(?:s|en|in)?\b|\b(?:mijn|onze|my|our",
                   r"|ik heb een|we hebben een|i run a|we run a) (?:[a-z]*boerderij|farm",
                   r"|[a-z]*veehouderij|tuinbouwbedrijf|akkerbouwbedrijf|kwekerij)\b")),
    ("self_employed", _rx(r"\bzzp|\bfreelanc|\beenmanszaak|\bself[- ]employed",
                          r"|\bsole (?:trader|proprietor)|\bzelfstandige? zonder",
                          r"|\bzelfstandig ondernemer|\bik ben zelfstandige?\b|\bik werk alleen\b",
                          r"|\bi work alone\b|\bone[- ](?:man|woman|person) ",
                          r"(?:business|company|band)",
                          r"|\bsolo[- ]?ondernemer|\bib[- ]ondernemer")),
)
COMPANY_WORDS = _rx(r"bedrijf\b|\bcompany\b|\bfirm\b|onderneming\b|\bbusiness\b|\bmkb\b",
                    r"|\bmkb'er|\bsmes?\b|\bshop\b|\bwerkgever|\bemployer|\bscale[- ]?up\b")
STARTUP = _rx(r"\bstart[- ]?ups?\b|\b(?:net|pas) begonnen\b|\bjust started\b",
              r"|\bjonge? (?:onderneming|bedrijf|ondernemer)|\byoung (?:company|business|firm)",
              r"|\bstarters?\b|\bstartende\b|\btechnostarter",
              r"|\bbedrijf (?:op ?)?(?:starten|oprichten|beginnen)",
              r"|\bstart(?:ing)? (?:a|my|our) (?:own )?(?:company|business)\b")
STARTUP_IN_RESIDENCE = _rx(r"\bstart[- ]?up in residence\b")
SPIN_OFF = _rx(r"\bspin[- ]?(?:off|out)s?\b")
KNOWLEDGE_INSTITUTION = _rx(r"universiteit|\buniversit|hogeschool|\btno\b|kennisinstelling",
                            r"|knowledge institution|\btu/e\b|\btue\b|\btu ?delft|\butwente\b",
                            r"|\bwur\b|wageningen (?:university|research|ur)\b|\bumc",
                            r"|research institute|onderzoeksinstitu|onderzoeksinstelling|\bto2\b",
                            r"|\bdeltares\b|\bmarin\b|\bnlr\b|\bacademi|\buva\b|\bvu\b|\bradboud\b",
                            r"|\bfontys\b|\bavans\b|\bsaxion\b|\bhanze")
NO_COLLABORATION = _rx(r"\b(?:werken|werk) (?:niet|nooit) samen|\bgeen (?:partners?|samenwerking)",
                       r"|\bzonder partners?|\bno partners?\b|\bwithout (?:any )?partners?",
                       r"|\bnot (?:working|collaborating) with (?:any|others)",
                       r"|\bby (?:ourselves|myself)\b|\bon (?:our|my) own\b",
                       r"|\balleen (?:doen|uitvoeren)")

INSTITUTION_NAMES = (  # masked before looking for places: "TU Delft" is not a location
    _rx(r"(?:\btu|universiteit(?: van)?|university(?: of)?|\bumc|hogeschool)\s[a-z/'-]+"),
    _rx(r"(?<![a-z'-])[a-z'-]++\s(?:university|universiteit|umc)\b"),
)
REGIONS: tuple[tuple[Region, re.Pattern[str]], ...] = (
    ("groningen", _rx(r"\bgroningen\b")),
    ("friesland", _rx(r"\b(?:friesland|fryslan|leeuwarden|sneek|heerenveen|drachten)\b")),
    ("drenthe", _rx(r"\b(?:drenthe|assen|emmen|meppel|hoogeveen)\b")),
    ("overijssel", _rx(r"\b(?:overijssel|twente|enschede|zwolle|deventer|hengelo|almelo)\b")),
    ("flevoland", _rx(r"\b(?:flevoland|almere|lelystad|dronten|emmeloord)\b")),
    ("gelderland", _rx(r"\b(?:gelderland|nijmegen|arnhem|wageningen|apeldoorn|doetinchem",
                       r"|veluwe|achterhoek)\b")),
    ("utrecht", _rx(r"\b(?:utrecht|amersfoort|nieuwegein|zeist|veenendaal)\b")),
    ("noord-holland", _rx(r"\b(?:noord[- ]holland|north[- ]holland|amsterdam|haarlem|zaandam",
                          r"|zaanstad|hilversum|alkmaar|den helder|schiphol)\b")),
    ("zuid-holland", _rx(r"\b(?:zuid[- ]holland|south[- ]holland|rotterdam|den haag|the hague",
                         r"|delft|leiden|dordrecht|zoetermeer|gouda|westland)\b|s-gravenhage")),
    ("zeeland", _rx(r"\b(?:zeeland|middelburg|vlissingen|terneuzen)\b")),
    ("noord-brabant", _rx(r"\b(?:noord[- ]brabant|north[- ]brabant|brabant|eindhoven|tilburg",
                          r"|breda|den bosch|helmond|roosendaal|veldhoven)\b|s-hertogenbosch")),
    ("limburg", _rx(r"\b(?:limburg|maastricht|venlo|heerlen|sittard|geleen|roermond|weert)\b")),
)
NATIONWIDE_WORDS = {"nederland", "netherlands", "the netherlands", "nl", "landelijk", "national",
                    "nationwide", "heel nederland"}

LABELS: dict[str, tuple[str, str]] = {
    "company": ("bedrijf", "company"), "self_employed": ("zzp'er", "self-employed"),
    "startup": ("startup", "start-up"), "researcher": ("onderzoeker", "researcher"),
    "knowledge_institution": ("kennisinstelling", "knowledge institution"),
    "consortium": ("samenwerkingsverband", "consortium"),
    "investment_fund": ("investeringsfonds", "investment fund"),
    "public_body": ("overheid", "public body"), "farmer": ("agrarisch ondernemer", "farmer"),
    "micro": ("micro-onderneming", "micro enterprise"),
    "small": ("klein bedrijf", "small enterprise"),
    "medium": ("middelgroot bedrijf", "medium-sized enterprise"),
    "large": ("groot bedrijf", "large enterprise"),
    "idea": ("idee", "idea"), "feasibility": ("haalbaarheidsstudie", "feasibility study"),
    "rnd": ("onderzoek en ontwikkeling", "research and development"),
    "prototype": ("prototype", "prototype"), "pilot": ("pilot of demonstratie", "pilot or demo"),
    "market_entry": ("marktintroductie", "market entry"), "scale_up": ("opschalen", "scale-up"),
    "own_rnd": ("eigen R&D", "own R&D"),
    "development_project": ("ontwikkelproject", "development project"),
    "demonstration": ("demonstratie", "demonstration"),
    "digitalisation": ("digitalisering", "digitalisation"),
    "export": ("export en buitenland", "export and international"),
    "procurement": ("overheid als klant", "government as customer"),
    "collaboration": ("samenwerking", "collaboration"), "financing": ("financiering", "financing"),
    "valorisation": ("valorisatie", "valorisation"),
    "advice": ("advies en begeleiding", "advice and coaching"),
    "energy_climate": ("energie en klimaat", "energy and climate"),
    "circular": ("circulaire economie", "circular economy"),
    "agri_food": ("agri en food", "agri-food"), "health": ("gezondheid en zorg", "health and care"),
    "ict_digital": ("ICT en digitaal", "ICT and digital"), "hightech": ("hightech", "high tech"),
    "chemistry": ("chemie", "chemistry"),
    "water_maritime": ("water en maritiem", "water and maritime"),
    "logistics": ("logistiek", "logistics"),
    "security": ("veiligheid en defensie", "security and defence"),
    "creative": ("creatieve industrie", "creative industries"),
    "biotech": ("biotechnologie", "biotechnology"), "oncology": ("oncologie", "oncology"),
    "space_aviation": ("ruimtevaart en luchtvaart", "space and aviation"),
    "tax": ("fiscaal voordeel", "tax benefit"), "subsidy": ("subsidie", "subsidy"),
    "loan": ("lening", "loan"), "equity": ("investering in aandelen", "equity investment"),
}
FIELD_LABELS: dict[str, tuple[str, str]] = {
    "size": ("Bedrijfsgrootte", "Company size"), "employees": ("Medewerkers", "Employees"),
    "turnover_eur": ("Omzet", "Turnover"), "is_startup": ("Startup", "Start-up"),
    "age_years": ("Leeftijd bedrijf", "Company age"), "stage": ("Fase", "Stage"),
    "sector": ("Sector", "Sector"), "themes": ("Thema's", "Themes"),
    "activities": ("Activiteiten", "Activities"), "applicant_type": ("Aanvrager", "Applicant"),
    "collaboration": ("Werkt samen met partners", "Works with partners"),
    "knowledge_institution_partner": (
        "Kennisinstelling als partner", "Knowledge institution as partner"
    ),
    "is_knowledge_institution": ("Is een kennisinstelling", "Is a knowledge institution"),
    "region": ("Provincie", "Province"), "financing_need": ("Belangrijkste behoefte", "Main need"),
    "support_wanted": ("Soorten steun", "Kinds of support"),
}
