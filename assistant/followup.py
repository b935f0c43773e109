"""Follow-up questions: "en die tweede?", "what about the loan?" resolve against the last answer."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from assistant.answer import Answer, Recommendation
from assistant.question_forms import COMBINE, COMBINE_WITH_OTHERS, asks_how_much, asks_when

# "de eerste", "the second one"; not "als eerste afnemen" or "first customer" (conversations-dev2
# d2c026: a municipality as first buyer pointed back to the first recommendation)
_ORDINALS = {
    n: rf"(?:de|het|die|the) {word}(?! (?:klant|afnemer|keer|stap|customer|buyer|time|step))"
    rf"|{word} (?:one|regeling|optie|option)|nummer {n}|number {n}|#{n}"
    for n, word in ((1, "(?:eerste|first)"), (2, "(?:tweede|second)"), (3, "(?:derde|third)"))
}
_KIND_WORDS = {
    "loan": r"lening|krediet|loan|credit",
    "fiscal": r"belasting|fiscale|tax",
    "subsidy": r"subsidie|subsidy|grant",
    "equity": r"fonds|investering|equity|fund",
    "procurement": r"aanbesteding|procurement|inkoop",
}
_KIND_MATCH = {
    "loan": {"loan", "subsidy-and-loan", "financing"},
    "fiscal": {"fiscal"},
    "subsidy": {"subsidy", "subsidy-and-loan"},
    "equity": {"equity", "fund-financing", "fund-of-funds", "financing"},
    "procurement": {"procurement"},
}
# a message this short that says "dat", "daar", "it" points back at the first scheme of the
# last answer; a question of up to 10 words too ("kan ik daar als mkb'er nog geld uit
# krijgen?", 9 words: dev4 cd4-20), not a statement ("we denken dat we ook ... nodig hebben")
POINTING_WORDS = 10
_REFERS = re.compile(
    r"\b(die|deze|dat|daar|die regeling|it|that|this|that one|the one|those)\b", re.I
)


def only_signposts(recs: Sequence[Recommendation]) -> bool:
    """Adjacent schemes only: offered together for one need, so a question is asked of all."""
    return all(r.kind == "signpost" for r in recs)


def resolve_followup(text: str, mentioned: Sequence[str], history: Sequence[Answer]) -> list[str]:
    """The instruments a message is about: named ones, else those it points back to. Asked
    to combine, a message that names one scheme ("kan ik dat combineren met de KIA?") means it
    and the scheme just discussed; one that names none ("can I get both?") the last two."""
    previous = next((a for a in reversed(history) if a.recommendations), None)
    combined = _combined(text, mentioned, previous)
    if combined or mentioned or not history:
        return combined or list(mentioned)
    if previous is None or len(text) > 160:
        return []
    recs = previous.recommendations
    lowered = text.lower()
    if _BETWEEN_THE_TWO.search(lowered) and len(recs) >= 2:  # "het verschil tussen die twee?"
        return [r.instrument_id for r in recs[:2]]
    counted = _counted(lowered, history)
    if counted:
        return counted
    for kind, pattern in _KIND_WORDS.items():
        if re.search(rf"\b({pattern})\b", lowered):
            match = [r.instrument_id for r in recs if r.kind in _KIND_MATCH[kind]]
            if match:
                return match[:1]
    words = len(text.split())
    if _REFERS.search(lowered) and (words <= 8 or (words <= POINTING_WORDS
                                                    and text.rstrip().endswith("?"))):
        if (only_signposts(recs) and not asks_how_much(text)
                and asks_about_the_last(text)):
            return []  # offered together for one need: asked of all of them (pointed_at)
        return [recs[0].instrument_id]  # "hoeveel scheelt dat?": the first, to estimate
    return []


def _counted(lowered: str, history: Sequence[Answer]) -> list[str]:
    """"de tweede": that one of the list it counts in, the last list that long."""
    for n, pattern in _ORDINALS.items():
        if re.search(rf"\b({pattern})\b", lowered):
            listed = next((a.recommendations for a in reversed(history)
                           if len(a.recommendations) >= n), [])
            if listed:
                return [listed[n - 1].instrument_id]
    return []


def _combined(text: str, mentioned: Sequence[str], previous: Answer | None) -> list[str]:
    """The pair a combining question means, from the last answer; [] when it is no such."""
    if previous is None or not COMBINE.search(text) or COMBINE_WITH_OTHERS.search(text):
        return []
    recs = [r.instrument_id for r in previous.recommendations]
    if len(mentioned) == 1:
        return list(dict.fromkeys([recs[0], *mentioned]))
    return recs[:2] if not mentioned and len(recs) >= 2 and len(text) <= 160 else []


# a question about what was just recommended: how much, how to apply, when, the difference
_QUESTION_START = re.compile(
    r"^(?:en |and |ok(?:e|é|ay)?[,.]? (?:en |and )?|oké[,.]? |so )?(?:hoe|hoeveel|wat|wanneer"
    r"|waar|moet|moeten|kan|kunnen|mag|mogen|is|zijn|krijg|how|what|when|where|which|do|does"
    r"|can|is|are|should|must|will|would)\b", re.I
)
# the two just named, compared ("het verschil tussen die twee?"), not "maakt dat verschil?"
_BETWEEN_THE_TWO = re.compile(r"\b(?:verschil|difference|compare|vergelijk)\w*\b.*\b(?:tussen"
                              r"|between|die twee|de twee|the two|both|beide)\b", re.I)
_COMPARE_BACK = re.compile(r"\b(?:verschil|difference|compare|vergelijk|versus|vs)\b", re.I)


# what such a question asks of the schemes just named: a pointer back, the amount, applying
_BACK = re.compile(
    r"\b(?:dat|die|dit|deze|daar\w*|ervoor|it|that|this|those|them|the two|de twee|beide|both"
    r"|hoeveel|how much|krijg(?:en)? (?:ik|we|wij)|(?:we|i) get|aanvragen|aanvraag|apply"
    r"|application|deadlines?|voorwaarden|conditions|verschil|difference)\b", re.I
)


def asks_difference(text: str) -> bool:
    return bool(_COMPARE_BACK.search(text))


def asks_about_the_last(text: str) -> bool:
    """A question that points back at what the last answer named ("how much would we get?",
    "moeten we dat voor de aankoop aanvragen?"), not one with a subject of its own."""
    said = text.strip()
    return (said.endswith("?") or bool(_QUESTION_START.match(said))) and bool(_BACK.search(said))


def pointed_at(text: str, history: Sequence[Answer], catalog_ids: Collection[str]) -> list[str]:
    """The instruments of the last recommendations such a question is about: the first, the
    first two for "what's the difference between the two?", or all of them for the timing or
    after signposts (adjacent schemes are offered together, for one need)."""
    previous = next((a for a in reversed(history) if a.recommendations), None)
    if previous is None:
        return []
    shown = [r.instrument_id for r in previous.recommendations]
    if _COMPARE_BACK.search(text) and len(shown) >= 2:
        return shown[:2]
    if asks_when(text) or only_signposts(previous.recommendations):
        # "what are the deadlines?": of each scheme just named; "moeten we dat voor of na de
        # aankoop aanvragen?" after the EIA and the ISDE: of both
        return [i for i in shown if i in catalog_ids][:3]
    return [i for i in shown if i in catalog_ids][:1]
