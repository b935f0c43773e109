"""'Can I combine the WBSO with the Innovation Box?': yes, no or partly, with the rule, its year
and its address; where the reference says nothing about the pair, the general rules it does
know for either, and who to ask. The rules are in instruments/combinations.py."""

from __future__ import annotations

import re
from typing import Any

from assistant import composer as c
from assistant.answer import Recommendation
from instruments.catalog import Catalog
from instruments.combinations import CombinationRule, load_rules, rules_for
from instruments.profile import CompanyProfile

COMBINE_WORDS = {
    "nl": {"yes": "ja", "no": "nee", "partly": "deels"},
    "en": {"yes": "yes", "no": "no", "partly": "partly"},
}
STRICTEST = ("no", "partly", "yes")  # rows about one pair that differ: the strictest leads


def _rule_line(ctx: c.Context, rule: CombinationRule) -> str:
    flag = {"nl": "niet bevestigd", "en": "unverified"}[ctx.lang]
    year = "" if rule.year == "unknown" else rule.year
    said = rule.rule(ctx.lang)
    hedged = re.search(r"niet bevestigd|niet geverifieerd|unverified|not confirmed", said, re.I)
    dated = ", ".join(x for x in (year, "" if rule.verified or hedged else flag) if x)
    return ctx.templates.render(
        "combine_rule", rule=said.rstrip(". "), dated=f" ({dated})" if dated else "",
        url=f" {rule.source_url}" if rule.source_url else "",
    )


def _distinct(rules: list[CombinationRule]) -> list[CombinationRule]:
    """One rule per pair and verdict: the pair's rule is often written under both cards."""
    seen: set[tuple[frozenset[str], str]] = set()
    kept = []
    for rule in rules:
        key = (frozenset({rule.a, rule.b}), rule.verdict)
        if key not in seen:
            seen.add(key)
            kept.append(rule)
    return kept


def combine(
    ctx: c.Context, profile: CompanyProfile, catalog: Catalog
) -> tuple[str, list[Recommendation], dict[str, Any]]:
    t, lang = ctx.templates, ctx.lang
    ids = [i for i in dict.fromkeys(ctx.mentioned) if i in catalog.cards][:2]
    if not ids:  # pointed at nothing this catalog holds: say what it can tell
        return t.render("combine_none"), [], {}
    cards = [catalog.get(i) for i in ids]
    names = [c.short_name(card, lang) for card in cards]
    pair, general = rules_for(ids[0], ids[1] if len(ids) > 1 else None)
    specific: list[CombinationRule] = []
    if len(ids) == 1:  # "with other subsidies": its general rules answer, its pairs inform
        specific = [r for r in load_rules() if r.a == ids[0] and r not in general]
        pair, general = general, []
    pair = _distinct(pair)
    bodies = ", ".join(sorted({c.body_name(card, ctx.lang) for card in cards}))
    joined = {"nl": " en ", "en": " and "}[lang].join(names)
    if pair:
        verdict = min((r.verdict for r in pair), key=STRICTEST.index)
        template = "combine_lead" if len(ids) > 1 else "combine_others"
        lead = t.render(template, names=joined, verdict=COMBINE_WORDS[lang][verdict])
        lines = [_rule_line(ctx, r) for r in pair]
    elif general or specific:
        lead = t.render("combine_general" if general else "combine_known", names=joined)
        lines = [_rule_line(ctx, r) for r in _distinct(general or specific)]
    else:
        template = "combine_unknown" if len(ids) > 1 else "combine_unknown_one"
        lead = t.render(template, names=joined, bodies=bodies)
        lines = []
    if pair and specific:
        lines += [_rule_line(ctx, r) for r in _distinct(specific)]
    parts = [lead, *(["\n".join(f"- {line}" for line in lines)] if lines else [])]
    if lines and not pair:
        parts.append(t.render("combine_ask", bodies=bodies))
    if not lines:  # the cards say who to ask; the rules carry their own addresses
        cites = [n for card in cards if (n := c.cite_card(ctx, card))]
        parts[-1] += " " + "".join(f"[{n}]" for n in cites) if cites else ""
    by_id = {r.card.id: r for r in ctx.ranked}
    recs = [c.recommendation(ctx, by_id[i], n)[0] for n, i in enumerate(ids, 1) if i in by_id]
    parts.append(c.disclaimer(ctx, cards))
    return "\n\n".join(parts), recs, {"lead": lead}
