"""The lead of an answer: verdict first, in at most `LEAD_WORDS` words, before the details.

The page shows the lead and folds the details beneath it; the CLI prints the lead, a blank
line and the details. Each lead is a template filled from the verdicts: the first instrument
and the first criterion it meets (its first clause: "U heeft 8 medewerkers"), the verdict per
named instrument, or the signposts of an ordinary need.
"""

from __future__ import annotations

from collections.abc import Sequence

from assistant import composer as c
from assistant.ranking import Ranked
from instruments.labels import VERDICT_WORDS
from instruments.models import Lang

LEAD_WORDS = 60  # issue 13: "a lead of at most 60 words saying which fits and why"
# criteria every scheme open to companies meets alike: no reason to name one first, and
# none to prefer one of two (assistant/compare.py)
UNTELLING = frozenset({"applicant_type"})


def _clause(reason: str) -> str:
    """The first clause of a reason, to follow a colon: the fact about the company, not the
    scheme's list ("uw project is in de fase ...", "MKB" keeps its capital)."""
    return c.after_colon(reason.split(";")[0].rstrip(". "))


def why_first(item: Ranked, lang: Lang) -> str:
    """Why the instrument comes first: the first criterion it meets that tells, or what it is."""
    for criterion in item.result.criteria:
        if criterion.outcome == "meets" and criterion.name not in UNTELLING:
            return _clause(criterion.reason.get(lang))
    return c.first_sentence(item.card.summary.get(lang)).rstrip(". ")


def _names(ctx: c.Context, items: Sequence[Ranked]) -> str:
    names = [c.short_name(item.card, ctx.lang) for item in items]
    joiner = {"nl": " en ", "en": " and "}[ctx.lang]
    return ", ".join(names[:-1]) + joiner + names[-1] if len(names) > 1 else "".join(names)


def _cited(ctx: c.Context, lead: str, item: Ranked, section: str = "overzicht") -> str:
    """The lead with the source of the instrument it puts first: the lead shows when the
    details are folded, so its claim carries its own [n]."""
    n = c.cite_card(ctx, item.card, section)
    return f"{lead} [{n}]" if n else lead


def recommend_lead(ctx: c.Context, top: Sequence[Ranked]) -> str:
    t, lang = ctx.templates, ctx.lang
    best = top[0]
    others = t.render("lead_others", names=_names(ctx, top[1:])) if len(top) > 1 else ""
    return _cited(ctx, t.render(
        "recommend_lead",
        best=c.short_name(best.card, lang),
        verdict=VERDICT_WORDS[lang][best.result.verdict],
        reason=why_first(best, lang),
        others=others,
    ).rstrip(), best)


def signpost_lead(ctx: c.Context, signposts: Sequence[Ranked]) -> str:
    return _cited(ctx, ctx.templates.render(
        "signpost_lead", needs=ctx.need.words(ctx.lang), names=_names(ctx, signposts)
    ), signposts[0])


def not_for_the_need_lead(ctx: c.Context, named: Sequence[Ranked],
                          signposts: Sequence[Ranked]) -> str:
    """"DEI+ is not meant for energy-saving equipment: ...; look at EIA and ISDE instead." """
    names = _names(ctx, named)
    return _cited(ctx, ctx.templates.render(
        "eligibility_need", names=names, needs=ctx.need.words(ctx.lang),
        signposts=_names(ctx, signposts)), signposts[0])


def eligibility_lead(
    ctx: c.Context, items: Sequence[Ranked], instead: Sequence[Ranked] = ()
) -> str:
    """Per named instrument its verdict, with the first reason it fails where it does, and
    the schemes that may fit instead."""
    lang, parts = ctx.lang, []
    for item in items:
        verdict = VERDICT_WORDS[lang][item.result.verdict]
        fails = [cr for cr in item.result.criteria if cr.outcome == "fails"]
        reason = f", {_clause(fails[0].reason.get(lang))}" if fails else ""
        parts.append(f"{c.short_name(item.card, lang)}: {verdict}{reason}")
    others = ctx.templates.render("lead_instead", names=_names(ctx, instead)) if instead else ""
    lead = ctx.templates.render("eligibility_lead", verdicts="; ".join(parts), others=others)
    return _cited(ctx, lead.rstrip(), items[0], "voorwaarden") if items else lead


def words(text: str) -> int:
    return len(text.split())
