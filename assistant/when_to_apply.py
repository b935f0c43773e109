"""'What are the deadlines?', 'wanneer kan ik aanvragen?': when and how each scheme just named is
applied for, from the card's own words (the sentences of how to apply and of the status that
speak of time), with the status and the date of that information."""

from __future__ import annotations

import re

from assistant import composer as c
from instruments.labels import label
from instruments.models import InstrumentCard
from retrieval.sentences import split_sentences

# a question about timing: "deadline", "wanneer", "tot wanneer", "when can we apply"
ASKS_WHEN = re.compile(
    r"\b(?:deadlines?|sluitingsdatum|wanneer|tot wanneer|hoe lang nog|openstelling|when|until"
    r" when|closing date|how long)\b", re.IGNORECASE)
# sentences of a card that speak of time
TIMING = re.compile(
    r"\b(?:deadline|vóór|voor de start|before|uiterlijk|at the latest|open(?:staat|stelling)?"
    r"|call|calls|ronde|rondes|round|jaarlijks|annual(?:ly)?|elk jaar|every year|doorlopend"
    r"|continuous(?:ly)?|januari|februari|maart|april|mei|juni|juli|augustus|september"
    r"|oktober|november|december|january|february|march|may|june|july|august|october"
    r"|\d{4}|maand|month|week|dag|day)\b", re.IGNORECASE)
TIMING_SENTENCES = 2  # per scheme: when, and the step it hangs on


# "wat is SLIM precies en wanneer kan ik aanvragen?" asks what it is as well: the card answers
WHAT_IS = re.compile(r"\b(?:wat is|wat zijn|wat houdt|what is|what's|what are .+ exactly)\b",
                     re.IGNORECASE)


def asks_when(text: str) -> bool:
    return bool(ASKS_WHEN.search(text)) and not WHAT_IS.search(text)


def when_line(ctx: c.Context, card: InstrumentCard) -> str:
    lang = ctx.lang
    sentences = [*split_sentences(card.how_to_apply.get(lang)),
                 *split_sentences(card.status.note.get(lang))]
    timed = [s for s in sentences if TIMING.search(s)][:TIMING_SENTENCES] or sentences[:1]
    return ctx.templates.render(
        "when_line", name=c.short_name(card, lang), when=" ".join(timed),
        status=label(card.status.state, lang), as_of=card.status.as_of)
