"""'What are the deadlines?', 'wanneer kan ik aanvragen?': when and how each scheme just named is
applied for, from the card's own words (the sentences of how to apply and of the status that
speak of time), with the status and the date of that information."""

from __future__ import annotations

import re

from assistant import composer as c
from instruments.labels import label
from instruments.models import InstrumentCard
from retrieval.sentences import split_sentences

# a question about when to apply: "what are the deadlines?", "wanneer kan ik aanvragen?",
# "when can we apply?"; not "when was the letter sent?" nor "wanneer gaan de wijzigingen in?"
ASKS_WHEN = re.compile(
    r"\b(?:deadlines?|sluitingsdatum|closing dates?|openstelling(?:en)?)\b"
    r"|\b(?:wanneer|tot wanneer|when|until when)\b(?:\W+\w+){0,5}?\W+"
    r"(?:aanvra\w*|indienen|apply|applying|application|submit\w*|open)\b"
    # "is the training one open now?", "is die nu nog open?": the window, now
    r"|\b(?:is|are|zijn)\b(?:\W+\w+){1,4}?\W+(?:nu |now |still |nog |op dit moment )+open\b"
    r"|\bopen (?:now|right now|nu|op dit moment)\b",
    re.IGNORECASE)
# sentences of a card that speak of time
TIMING = re.compile(
    r"\b(?:deadline|vóór|voor de start|before|uiterlijk|at the latest|open(?:staat|stelling)?"
    r"|call|calls|ronde|rondes|round|jaarlijks|annual(?:ly)?|elk jaar|every year|doorlopend"
    r"|continuous(?:ly)?|januari|februari|maart|april|mei|juni|juli|augustus|september"
    r"|oktober|november|december|january|february|march|may|june|july|august|october"
    r"|\d{4}|maand|month|week|dag|day)\b", re.IGNORECASE)
TIMING_SENTENCES = 2  # of how to apply, per scheme: when, and the step it hangs on


# "wat is SLIM precies en wanneer kan ik aanvragen?" asks what it is as well: the card answers
WHAT_IS = re.compile(r"\b(?:wat is|wat zijn|wat houdt|what is|what's|what are)\b"
                     r"(?! (?:de |the )?(?:deadlines?|sluitingsdatum|closing date))", re.IGNORECASE)
# reporting afterwards is no applying: "when do I submit the final report?"
REPORTING = re.compile(r"\b(?:report\w*|rapport\w*|verantwoording|realisatie|urenadministratie"
                       r"|eindverslag|vaststelling)\b", re.IGNORECASE)


# the asker applying ("wanneer kan ik ...", "wanneer gaat die open?"), not the timing of a
# measure in the letter ("When is the deadline for the third Growth Fund round?")
I_APPLY = re.compile(
    r"\b(?:kan ik|kunnen (?:we|wij)|can (?:i|we)|moet(?:en)? (?:ik|we|wij)|should (?:i|we)"
    r"|do (?:i|we)|mag ik|mogen (?:we|wij)|tot wanneer|until when|open(?:s|t|en)?|now|nu)\b",
    re.IGNORECASE)


def asks_when(text: str) -> bool:
    return (bool(ASKS_WHEN.search(text)) and not WHAT_IS.search(text)
            and not REPORTING.search(text))


def asks_when_i_apply(text: str) -> bool:
    return asks_when(text) and bool(I_APPLY.search(text))


def when_line(ctx: c.Context, card: InstrumentCard) -> str:
    lang = ctx.lang
    steps = split_sentences(card.how_to_apply.get(lang))
    timed = [s for s in steps if TIMING.search(s)][:TIMING_SENTENCES] or steps[:1]
    status = split_sentences(card.status.note.get(lang))[:1]  # is it open now, and since when
    return ctx.templates.render(
        "when_line", name=c.short_name(card, lang), when=" ".join([*timed, *status]),
        status=label(card.status.state, lang), as_of=card.status.as_of)
