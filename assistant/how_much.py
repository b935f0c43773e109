"""'How much would we get?': an estimate from the profile's own numbers, marked as one, with
the year of the rates and the card source; or the number still needed, asked as the clarifying
question; or, for an instrument without a rule, the dated figures the card has.

The rules and their arithmetic are in instruments/estimates.py; this words them.
"""

from __future__ import annotations

from typing import Any

from assistant import composer as c
from assistant.answer import Recommendation
from assistant.clarify import QUESTIONS
from instruments.catalog import Catalog
from instruments.estimates import Estimate, estimate, routes
from instruments.labels import euros, label
from instruments.models import InstrumentCard, Lang
from instruments.profile import CompanyProfile
from instruments.years import year_label

GIVES: dict[str, tuple[str, str]] = {
    "tax_reduction": ("minder loonheffing per jaar", "less payroll tax a year"),
    "deduction": ("aftrek van uw winst per jaar", "deducted from your taxable profit a year"),
    "tax_saving": ("minder vennootschapsbelasting per jaar", "less corporate tax a year"),
    "subsidy": ("subsidie", "subsidy"),
    "loan": ("lening", "loan"),
}


ROUND_TO = -2  # a worked-out amount to the hundred: an estimate, not a quote


def _eur(amount: float, lang: Lang, rounded: bool = False) -> str:
    shown = round(amount, ROUND_TO) if rounded and amount >= 1000 else amount
    return euros(shown)[0 if lang == "nl" else 1]


def _pct(rate: float, lang: Lang) -> str:
    text = f"{rate * 100:.1f}".rstrip("0").rstrip(".")
    return (text.replace(".", ",") if lang == "nl" else text) + "%"


def _working(found: Estimate, lang: Lang, as_starter: bool = False) -> str:
    over = {"nl": "over", "en": "of"}[lang]
    parts = found.starter_parts if as_starter else found.parts
    steps = [f"{_pct(p.rate, lang)} {over} {_eur(p.over, lang)}" for p in parts]
    return " + ".join(steps)


def _lines(ctx: c.Context, found: Estimate, name: str) -> tuple[str, list[str]]:
    """The lead (the amount) and the details (the working, what is left out) of one route."""
    t, lang, rule = ctx.templates, ctx.lang, found.rule
    i = 0 if lang == "nl" else 1
    flag = ("niet bevestigd", "unverified")[i]
    year = year_label(rule.year, lang) + ("" if rule.verified else f", {flag}")
    assert found.amount is not None
    worked = bool(found.parts)  # a fixed amount is shown as the card gives it
    amount, as_starter = found.amount, False
    if found.starter is True and found.starter_amount is not None:
        amount, as_starter = found.starter_amount, True
    lead = t.render("estimate_lead", name=name,
                    route=rule.route.get(lang), amount=_eur(amount, lang, rounded=worked),
                    gives=GIVES[rule.gives][i], year=year)
    details = []
    if found.parts:
        details.append(t.render("estimate_working", working=_working(found, lang, as_starter)))
    if found.assumed_size is not None:
        details.append(t.render("estimate_size_assumed", size=label(found.assumed_size, lang)))
    if rule.taxed_at is not None:
        details.append(t.render("estimate_taxed_at", rate=_pct(rule.taxed_at, lang),
                                year=year_label(rule.taxed_at_year or rule.year, lang)))
    if as_starter:
        rule_words = rule.starter_rule.get(lang) if rule.starter_rule else ""
        details.append(t.render("estimate_as_starter", rule=rule_words,
                                amount=_eur(found.amount, lang, rounded=worked)))
    elif found.starter_amount is not None and found.starter is None:
        details.append(t.render("estimate_starter",
                                amount=_eur(found.starter_amount, lang, rounded=worked)))
    if found.capped and rule.max_eur is not None:
        details.append(t.render("estimate_capped", max=_eur(rule.max_eur, lang)))
    if rule.not_counted is not None:
        details.append(t.render("estimate_not_counted", what=rule.not_counted.get(lang)))
    return lead, details


def _no_rule(
    ctx: c.Context, card: InstrumentCard, name: str, recs: list[Recommendation]
) -> tuple[str, list[Recommendation], dict[str, Any]]:
    """No rule to work it out: the dated figures the card has, and who to ask."""
    figures = c.figures_of(card, ctx.lang, limit=3, applicants=ctx.applicants)
    template = "estimate_none" if figures else "estimate_none_known"
    lead = ctx.templates.render(template, name=name, body=c.body_name(card, ctx.lang))
    cite = c.cite_card(ctx, card)
    listed = "\n".join(f"- {f}" for f in figures) + (f" [{cite}]" if cite else "")
    parts = [lead, listed] if figures else [lead + (f" [{cite}]" if cite else "")]
    return "\n\n".join([*parts, c.disclaimer(ctx, [card])]), recs, {"lead": parts[0]}


def _ask_for(
    ctx: c.Context, card: InstrumentCard, name: str, unworked: list[Estimate],
    leads: list[str], details: list[str],
) -> dict[str, Any]:
    """The clarifying question for the number a route still needs (adds to leads, details)."""
    field = next((item.rule.base for item in unworked if item.rule.base), None)
    if field is None:
        return {}
    t, lang = ctx.templates, ctx.lang
    if leads:  # the routes worked out lead; this one waits for the number
        leads.append(t.render("estimate_route_needs", route=unworked[0].rule.route.get(lang)))
    else:
        what = {"nl": "één getal", "en": "one number"}[lang]
        leads.append(t.render("estimate_needs", name=name, what=what))
        details += [f"- {f}" for f in c.figures_of(card, lang, limit=2,
                                                   applicants=ctx.applicants)]
    question = QUESTIONS[field][0 if lang == "nl" else 1]
    return {"clarifying_question": question, "clarifying_field": field, "clarifying_options": []}


def estimate_answer(
    ctx: c.Context, profile: CompanyProfile, catalog: Catalog
) -> tuple[str, list[Recommendation], dict[str, Any]]:
    t, lang = ctx.templates, ctx.lang
    iid = (list(ctx.mentioned) or [ctx.ranked[0].card.id])[0]
    card = catalog.get(iid)
    by_id = {r.card.id: r for r in ctx.ranked}
    recs = [c.recommendation(ctx, by_id[iid], 1)[0]] if iid in by_id else []
    name = c.short_name(card, lang)
    found = [estimate(rule, profile) for rule in routes(iid, profile)]
    if not found:
        return _no_rule(ctx, card, name, recs)
    leads, details = [], []
    worked_out = [item for item in found if item.amount is not None]
    for item in found:
        if item.amount is not None:
            lead, more = _lines(ctx, item, name)
            leads.append(lead)
            if more and len(worked_out) > 1:  # whose working this is
                route = item.rule.route.get(lang)
                more[0] = f"{route[0].upper()}{route[1:]}. {more[0]}"
            details += more
        elif item.below_minimum and item.rule.min_base_eur and item.base is not None:
            leads.append(t.render("estimate_below", name=name, route=item.rule.route.get(lang),
                                  base=_eur(item.base, lang),
                                  min=_eur(item.rule.min_base_eur, lang)))
    unworked = [item for item in found if item.amount is None and not item.below_minimum]
    extra = _ask_for(ctx, card, name, unworked, leads, details)
    lead = " ".join(leads)
    cite = c.cite_card(ctx, card)
    parts = [lead]
    if details:
        parts.append("\n".join(details) if details[0].startswith("- ") else " ".join(details))
    if worked_out:
        parts.append(t.render("estimate_note", body=c.body_name(card, ctx.lang))
                     + (f" [{cite}]" if cite else ""))
    if extra:
        parts.append(t.render("clarify", question=extra["clarifying_question"]))
    parts.append(c.disclaimer(ctx, [card]))
    return "\n\n".join(parts), recs, {**extra, "lead": lead}
