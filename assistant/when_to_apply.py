"""'What are the deadlines?', 'wanneer kan ik aanvragen?': when and how each scheme just named is
applied for, from the card's own words (the sentences of how to apply and of the status that
speak of time), with the status and the date of that information. Which questions ask this is
assistant/question_forms.py's (asks_when)."""

from __future__ import annotations

import re

from assistant import composer as c
from instruments.labels import label
from instruments.models import InstrumentCard
from retrieval.sentences import split_sentences

# sentences of a card that speak of time
TIMING = re.compile(
    r"\b(?:deadline|vóór|voor de start|before|uiterlijk|at the latest|open(?:staat|stelling)?"
    r"|call|calls|ronde|rondes|round|jaarlijks|annual(?:ly)?|elk jaar|every year|doorlopend"
    r"|continuous(?:ly)?|januari|februari|maart|april|mei|juni|juli|augustus|september"
    r"|oktober|november|december|january|february|march|may|june|july|august|october"
    r"|\d{4}|maand|month|week|dag|day)\b", re.IGNORECASE)
TIMING_SENTENCES = 2  # of how to apply, per scheme: when, and the step it hangs on


def when_line(ctx: c.Context, card: InstrumentCard) -> str:
    lang = ctx.lang
    steps = split_sentences(card.how_to_apply.get(lang))
    timed = [s for s in steps if TIMING.search(s)][:TIMING_SENTENCES] or steps[:1]
    status = split_sentences(card.status.note.get(lang))[:1]  # is it open now, and since when
    return ctx.templates.render(
        "when_line", name=c.short_name(card, lang), when=" ".join([*timed, *status]),
        status=label(card.status.state, lang), as_of=card.status.as_of)
