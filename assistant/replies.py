"""Reading a reply to the clarifying question the assistant asked (the dialogue's `Pending`).

A reply fills the slot the question was about: the text of a quick reply the assistant offered
(in either language), or a typed answer that carries the value ("8", "twaalf man", "ja hoor",
"nog maar een idee", "als freelancer"). `slot_value` gives the value, or None when the reply
does not answer that question ("blauw" to "how many employees?"); the service then asks again
in other words (`REPHRASED`), never refuses.
"""

from __future__ import annotations

import math
import re
from typing import Any

from assistant.clarify import CANDIDATES, ESTIMATE_FIELDS, QUESTIONS
from instruments.lexicon_quantities import NO_WORDS, YES_WORDS
from instruments.profile import CompanyProfile, extract_profile, parse_number
from instruments.profile_reading import MAX_PROJECT_EUR, normalise, read_project_eur, read_stage

MAX_REPLY_WORDS = 12  # a longer message is a new question that may also answer (its facts count)
_NUMBER = re.compile(r"(?<![\d.,])(\d{1,7}(?:[.,]\d{3})*)(?![\d.,]*\s*(?:%|k\b|euro|eur|€))")

# a number typed alone as an amount, with at most "about", a euro sign and "a year" ("10
# biljard" is no amount: the word after the number is not a unit we know)
_BARE_AMOUNT = re.compile(
    r"^(?:ongeveer|about|around|circa|ca\.?|zo'?n|rond|roughly|approx\.?)?\s*(?:€|eur|euro)?\s*"
    r"(\d{1,3}(?:[.,]\d{3})+|\d{1,12})\s*(?:euro|eur|euros)?\s*(?:per jaar|a year|per year)?$"
)

REPHRASED: dict[str, tuple[str, str]] = {
    "size": (
        "Met hoeveel mensen werkt u ongeveer, uzelf meegerekend? Een getal is genoeg, "
        "of kies hieronder.",
        "About how many people work in your company, yourself included? A number is enough, "
        "or pick one below.",
    ),
    "applicant_type": (
        "Wie zou de aanvraag doen: een bedrijf (bv, vof ...), u als zzp'er, of een "
        "kennisinstelling zoals een universiteit?",
        "Who would apply: a company, you as a self-employed person, or a knowledge institution "
        "such as a university?",
    ),
    "stage": (
        "Hoe ver bent u: is het nog een idee, werkt u aan een prototype, test u het al in de "
        "praktijk, of verkoopt u het al?",
        "How far along are you: still an idea, building a prototype, testing it in practice, "
        "or already selling it?",
    ),
    "is_startup": (
        "Bestaat uw bedrijf korter dan vijf jaar? Ja of nee is genoeg.",
        "Has your company existed for less than five years? Yes or no is enough.",
    ),
    "collaboration": (
        "Doet u het project samen met een ander bedrijf, een hogeschool of een universiteit? "
        "Ja of nee is genoeg.",
        "Are you doing the project together with another company, a college or a university? "
        "Yes or no is enough.",
    ),
    "plan": (
        "Wat wilt u doen: iets nieuws ontwikkelen of testen, iets kopen, energie besparen, "
        "lenen, opleiden of digitaliseren? Een paar woorden is genoeg.",
        "What do you want to do: develop or test something new, buy something, save energy, "
        "borrow, train staff or go digital? A few words are enough.",
    ),
    **dict.fromkeys(ESTIMATE_FIELDS, (
        "Noem een bedrag in euro's, bijvoorbeeld 250.000 of 250k.",
        "Give an amount in euros, for example 250,000 or 250k.",
    )),
}


def option_value(field: str, text: str) -> Any | None:
    """The value behind a quick-reply text of `field`'s question, in either language."""
    said = normalise(text).strip(" .!?")
    for options in QUESTIONS[field][2].values():
        for option, value in zip(options, CANDIDATES[field], strict=True):
            if said == normalise(option):
                return value
    return None


def any_option(text: str) -> tuple[str, Any] | None:
    """(field, value) when the text is exactly one of the quick replies of a question that
    names its own fact (a headcount class, an applicant kind, a stage); yes/no needs the
    question it answers, so it never counts here."""
    for field in ("size", "applicant_type", "stage"):
        value = option_value(field, text)
        if value is not None:
            return field, value
    return None


def _yes_no(text: str) -> bool | None:
    said = normalise(text).strip(" .!?")
    words = said.replace(",", " ").split()
    for candidate in (said, " ".join(words[:2]), words[0] if words else ""):
        if candidate in YES_WORDS or candidate in NO_WORDS:
            return candidate in YES_WORDS
    return None


def _headcount(text: str, facts: CompanyProfile) -> int | None:
    if facts.employees is not None:
        return facts.employees
    norm = normalise(text)
    match = _NUMBER.search(norm)
    number = parse_number(match.group(1)) if match else None
    if number is None:
        words = norm.strip(" .!?").split()
        number = parse_number(words[-1]) if 0 < len(words) <= 3 else None
    if number is None or not math.isfinite(number) or not 0 < number <= 1_000_000:
        return None
    return math.ceil(number)


def _amount(text: str) -> float | None:
    """An amount typed as the reply to "how much?" ("250k", "ongeveer 2 ton", "€ 80.000")."""
    norm = normalise(text).strip(" .!?")
    amount = read_project_eur(norm + " euro")
    bare = _BARE_AMOUNT.match(norm) if amount is None else None  # "80.000", "about 80000"
    if bare:
        amount = parse_number(bare.group(1))
    return amount if amount is not None and 0 < amount <= MAX_PROJECT_EUR else None


def slot_value(
    field: str, text: str, facts: CompanyProfile | None = None
) -> tuple[str, Any] | None:
    """(profile field, value) the reply gives for the pending question's field, or None.

    A headcount fills `employees` (the size class follows from it); a size class picked from
    the quick replies fills `size`. `facts`: the text's facts when the caller has read them."""
    if len(text.split()) > MAX_REPLY_WORDS or field == "plan":  # a plan is read as a message
        return None
    value = option_value(field, text)
    if value is not None:
        return field, value
    facts = facts if facts is not None else extract_profile(text)
    if field == "size":
        count = _headcount(text, facts)
        if count is not None:
            return "employees", count
        return ("size", facts.size) if facts.size else None
    if field == "stage":
        stage = facts.stage or read_stage(normalise(text))
        return ("stage", stage) if stage else None
    if field == "applicant_type":
        return ("applicant_type", facts.applicant_type) if facts.applicant_type else None
    if field in ESTIMATE_FIELDS:
        amount = getattr(facts, field) or _amount(text)
        return (field, amount) if amount is not None else None
    answer = _yes_no(text)
    return (field, answer) if answer is not None else None


def rephrased(field: str, lang: str) -> str:
    nl, en = REPHRASED[field]
    return nl if lang == "nl" else en
