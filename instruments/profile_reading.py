"""Reading company facts from free Dutch or English text, rule-based: the regular expressions
and word lists of instruments.lexicon_quantities and instruments.lexicon_topics, no ML.

Text is normalised first (see normalise); every reader then takes normalised text and returns
None, or an empty list, when the text does not state the fact. read_facts gathers them all;
instruments.profile.extract_profile turns those facts into a CompanyProfile.
"""

from __future__ import annotations

import math
import re
import unicodedata
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from instruments.lexicon_quantities import (
    AGE_PHRASES,
    AGE_RELATIVE,
    ALL_FOR_RND,
    ALL_WAGES_AFTER,
    ALL_WAGES_BEFORE,
    AMBIGUOUS_STAFF_NOUNS,
    AMOUNT_WORDS,
    ARTICLE_ONE,
    DUTCH_GROUP_WORDS,
    EMPLOYEE_PATTERNS,
    FOUNDED_YEAR,
    GROUP_HEADCOUNT,
    MULTIPLIERS,
    NOT_STAFF_BEFORE,
    PROFIT_AFTER,
    PROFIT_BEFORE,
    PROJECT_AMOUNT,
    PROJECT_CONTEXT,
    PUNCTUATION,
    SIZE_WORDS,
    SUBSIDIARY,
    TURNOVER_AFTER,
    TURNOVER_BEFORE,
    WAGES_AFTER,
    WAGES_BEFORE,
    YEAR_BEFORE,
    number_word,
)
from instruments.lexicon_topics import (
    ACTIVITIES,
    APPLICANT_TYPES,
    COMPANY_WORDS,
    INSTITUTION_NAMES,
    KNOWLEDGE_INSTITUTION,
    NO_COLLABORATION,
    NOT_DEVELOPING,
    OWN_BUSINESS,
    PAST_STAGE,
    REGIONS,
    SECTOR_PHRASE,
    SPIN_OFF,
    STAGE_ORDER,
    STAGE_STRONG,
    STAGE_WEAK,
    STARTUP,
    STARTUP_IN_RESIDENCE,
    SUPPORT,
    THEMES,
)
from instruments.models import Activity, ApplicantType, Region, Stage, SupportType, Theme

MAX_TEXT_CHARS = 10_000
COUNTRIES = Path(__file__).parent / "data" / "countries.tsv"
BUSINESS_KINDS = Path(__file__).parent / "data" / "business_kinds.txt"
DEVELOPING_ACTIVITIES = frozenset({"own_rnd", "development_project", "demonstration"})
COUNTRY_CODES = Path(__file__).parent / "data" / "country_codes.txt"
# units that make a number money on their own ("ongeveer 200k", "een ton"); "m" needs a
# currency or a word of need ("10m" may be metres)
MONEY_UNITS = frozenset({"k", "ton", "mln", "miljoen", "million", "mio", "duizend", "thousand"})
NOT_MONEY_AFTER = re.compile(
    r" ?(?:users|gebruikers|klanten|customers|downloads|views|bezoekers|visitors|km|kilometer"
    r"|liter|litres?|kilo|kg|ton co2|stuks|units|pieces|items)\b"
)
PROJECT_CONTEXT_WINDOW = 40  # characters either side of an amount searched for "need", "budget"
MAX_FREE_TEXT_CHARS = 80  # a sector is a few words; issue 15 saw 1,000,000 characters echoed
MAX_PROJECT_EUR = 1e11  # a larger "need" is a misreading, not a plan (the largest IPCEI is ~1e10)


def normalise(text: str) -> str:
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
    low = match.groupdict().get("lo") or match.groupdict().get("lo2")
    if number is not None and low is not None:
        if float(low) >= number:  # "2012 en 40 medewerkers" is no range
            return number if match.groupdict().get("lo") is None else None
        number = (float(low) + number) / 2  # a range: its middle
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


def read_group(text: str) -> tuple[int | None, str]:
    """The headcount of the group the company belongs to, when the text says it does and
    gives it ("een dochter van een concern met 800 medewerkers"), and the text with that
    headcount blanked, so the company's own is read from the rest."""
    belongs = SUBSIDIARY.search(text)
    if not belongs:
        return None, text
    match = GROUP_HEADCOUNT.search(text, belongs.start())
    number = parse_number(match.group("n")) if match else None
    if match is None or number is None or number > 1_000_000:
        return None, text
    start, end = match.span("n")
    return math.ceil(number), text[:start] + " " * (end - start) + text[end:]


def read_turnover(text: str) -> float | None:
    return _amount_beside(text, TURNOVER_AFTER, TURNOVER_BEFORE)


def read_rnd_wage_eur(text: str) -> float | None:
    """The yearly wage costs of the R&D ("S&O-loonkosten van 250k", "€300,000 in salaries")."""
    rnd = _amount_beside(text, WAGES_AFTER, WAGES_BEFORE)
    if rnd is None and ALL_FOR_RND.search(text):  # "€ 500k loon, bijna alles voor R&D"
        rnd = _amount_beside(text, ALL_WAGES_AFTER, ALL_WAGES_BEFORE)
    return _plausible(rnd)


def read_profit_eur(text: str) -> float | None:
    """The yearly (innovation) profit ("winst van 2 ton", "400k profit")."""
    return _plausible(_amount_beside(text, PROFIT_AFTER, PROFIT_BEFORE))


def _short(text: str | None) -> str | None:
    """A free text read from a message, or None when it is too long to be what it names (the
    fuzzer read a sector of 90 characters of "&&&...?software")."""
    return text if text is None or len(text) <= MAX_FREE_TEXT_CHARS else None


def _plausible(amount: float | None) -> float | None:
    return amount if amount is not None and 0 < amount <= MAX_PROJECT_EUR else None


def _amount_beside(text: str, *patterns: re.Pattern[str]) -> float | None:
    """An amount beside the word the patterns name: with a unit, or 1000 or more and no year."""
    for pattern in patterns:
        for match in pattern.finditer(text):
            amount, unit = parse_number(match.group("amount")), match.group("unit") or ""
            if amount is None:
                continue
            year_like = 1900 <= amount <= 2100 and "€" not in match.group(0)
            if unit or not (amount < 1000 or year_like):
                return amount * MULTIPLIERS.get(unit, 1.0)
    return None


def _amount_spans(text: str) -> list[tuple[int, int]]:
    """Where the turnover, the wages and the profit stand: no need for money there."""
    beside = (TURNOVER_AFTER, TURNOVER_BEFORE, WAGES_AFTER, WAGES_BEFORE, ALL_WAGES_AFTER,
              ALL_WAGES_BEFORE, PROFIT_AFTER, PROFIT_BEFORE)
    return [m.span() for p in beside for m in p.finditer(text)]


def read_project_eur(text: str) -> float | None:
    """The money the plan needs, in euros: an amount with a currency or a unit ("40k", "een
    ton", "€ 4 miljoen") that is not the turnover and stands near a word of need or cost, or
    carries the euro sign. None when no such amount is stated."""
    turnover = _amount_spans(text)
    for match in PROJECT_AMOUNT.finditer(text):
        unit, cur = match.group("unit"), match.group("cur") or match.group("after")
        word = match.group("amount")
        if not (unit or cur) or (word in AMOUNT_WORDS and not unit):
            continue
        if any(start <= match.start() < end for start, end in turnover):
            continue
        amount = AMOUNT_WORDS.get(word) or parse_number(word)
        if amount is None or (unit is None and 1900 <= amount <= 2100):
            continue
        lo = max(0, match.start() - PROJECT_CONTEXT_WINDOW)
        near_need = PROJECT_CONTEXT.search(text[lo : match.end() + PROJECT_CONTEXT_WINDOW])
        counted = NOT_MONEY_AFTER.match(text, match.end())  # "30k users", "2 mln downloads"
        if counted or not (cur or near_need or unit in MONEY_UNITS):
            continue
        value = amount * MULTIPLIERS.get(unit or "", 1.0)
        if 0 < value <= MAX_PROJECT_EUR:
            return value
    return None


@cache
def _country_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    rows = [line.split("\t") for line in COUNTRIES.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith(("#", "code\t"))]
    return tuple((code, re.compile(rf"\b(?:{words.strip()})\b")) for code, words in rows)


_PARTNER_CONTEXT = re.compile(
    r"\b(partners?|partnerbedrijf|samenwerk\w*|samen met|collaborat\w*|cooperat\w*|consorti\w*"
    r"|together with|with an? \w+ (?:company|firm|university|partner)|bedrijf uit|company from"
    r"|firm from|universiteit in|university in|bedrijf in|company in|klant in|customer in"
    r"|leverancier|supplier)\b"
)


# "willen met een Duits en een Belgisch bedrijf een membraan ontwikkelen": a firm one works
# with, when the message says what is made together ("we concurreren met twee Chinese
# fabrikanten" is no partnership)
_WITH_A_FIRM = re.compile(
    r"\bmet (?:een|twee|drie|\d+) (?:\w+ ){0,4}?(?:bedrij\w*|partners?|universiteit\w*"
    r"|onderneming\w*|firma\w*|startups?|fabrikant\w*)\b")
_MAKING_TOGETHER = re.compile(r"\b(?:ontwikkel\w*|onderzo\w*|bouwen|maken|testen|project\w*)\b")


def read_partner_countries(text: str) -> list[str]:
    """ISO codes of the countries named beside a word of partnering ("a partner in Germany",
    "samen met een Duits bedrijf"), in order of mention; none otherwise."""
    with_a_firm = bool(_WITH_A_FIRM.search(text) and _MAKING_TOGETHER.search(text))
    if not (_PARTNER_CONTEXT.search(text) or with_a_firm):
        return []
    hits = sorted((m.start(), code) for code, p in _country_patterns() if (m := p.search(text)))
    return list(dict.fromkeys(code for _, code in hits))


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
    """ "in de bouwsector" -> "bouw"; else the kind of business one has ("we zijn een
    meubelmakerij", not its "cnc machine"); else the word holding the first theme keyword."""
    match = SECTOR_PHRASE.search(text)
    if match:
        return match.group("sector").strip()
    business = read_own_business(text)
    if business:
        return business
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


@cache
def _business_kinds() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(whole words, word ends) of business kinds: instruments/data/business_kinds.txt."""
    words = [line.strip() for line in BUSINESS_KINDS.read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    return (tuple(w for w in words if not w.startswith("-")),
            tuple(w[1:] for w in words if w.startswith("-")))


def read_own_business(text: str) -> str | None:
    """The kind of business one says one has ("ik heb een bakkerij" -> "bakkerij"), or None
    when the word names no business ("ik heb een idee", "I have a bomb")."""
    match = OWN_BUSINESS.search(text)
    business = match.group("business") if match else None
    if business is None:
        return None
    starts, ends = _business_kinds()
    kind = business in starts or any(business.endswith(e) and business != e for e in ends)
    return business if kind else None


def read_applicant(text: str, startup: bool, employees: int | None) -> ApplicantType | None:
    for applicant, pattern in APPLICANT_TYPES:
        if pattern.search(text):
            return applicant
    if startup:
        return "startup"
    if (employees or 0) >= 2 or COMPANY_WORDS.search(text) or read_own_business(text):
        return "company"
    return None


def _read_relations(text: str, facts: dict[str, Any], spin_off: bool) -> None:
    """Collaboration and knowledge-institution links, into `facts`."""
    if NO_COLLABORATION.search(text):
        facts["collaboration"] = False
        facts["activities"] = [a for a in facts["activities"] if a != "collaboration"]
    elif "collaboration" in facts["activities"] or facts["partner_countries"]:
        facts["collaboration"] = True  # a partner's country named: "met een Duits bedrijf"
        if "collaboration" not in facts["activities"]:
            facts["activities"].append("collaboration")
    if facts["applicant_type"] in ("researcher", "knowledge_institution"):
        facts["is_knowledge_institution"] = True
    elif spin_off or KNOWLEDGE_INSTITUTION.search(text):
        facts["knowledge_institution_partner"] = True
    if spin_off and "valorisation" not in facts["activities"]:
        facts["activities"].append("valorisation")


def read_facts(text: str, today: date | None = None) -> dict[str, Any]:
    """CompanyProfile fields stated in free Dutch or English text; `size` only without a headcount.

    Facts the text does not state are None or empty. `today` dates "founded in 2019".
    """
    norm = PAST_STAGE.sub(" market entry ", STARTUP_IN_RESIDENCE.sub(" ", normalise(text)))
    activities, support = read_activities(norm)
    developing = not NOT_DEVELOPING.search(norm)  # "we ontwikkelen zelf niks nieuws"
    if not developing:
        activities = [a for a in activities if a not in DEVELOPING_ACTIVITIES]
    group, own = read_group(norm)
    facts: dict[str, Any] = {
        "employees": read_employees(own), "group_employees": group,
        "turnover_eur": read_turnover(norm),
        "age_years": read_age(norm, today or date.today()),
        "stage": read_stage(norm) if developing else None,
        "sector": _short(read_sector(norm)),
        "themes": read_themes(norm), "activities": activities,
        "region": read_region(norm), "support_wanted": support,
        "financing_need": support[0] if support else None,
        "project_eur": read_project_eur(norm), "partner_countries": read_partner_countries(norm),
        "rnd_wage_eur": read_rnd_wage_eur(norm), "profit_eur": read_profit_eur(norm),
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
    return facts



def country_codes() -> frozenset[str]:
    """Every ISO 3166-1 code a profile may hold (instruments/data/country_codes.txt)."""
    return _all_codes()


@cache
def _all_codes() -> frozenset[str]:
    words = COUNTRY_CODES.read_text(encoding="utf-8").split()
    return frozenset(w for w in words if len(w) == 2 and w.isupper())
