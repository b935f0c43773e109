"""'Tellen we als mkb?': whether the company is an SME under the EU definition, from what it
told (its own headcount, its group's, its turnover), and which schemes here are for SMEs only.

The definition is shared/reference/instrument-facts.md, "SME definition" (Commission
Recommendation 2003/361/EC): under 250 staff and a turnover up to €50 million or a balance
sheet up to €43 million; a firm in a group adds its linked and partner enterprises.
"""

from __future__ import annotations

from typing import Any

from assistant import composer as c
from assistant.answer import Recommendation
from assistant.composer import short_name
from instruments.catalog import Catalog
from instruments.criteria import effective_size
from instruments.labels import label
from instruments.profile import SIZE_ORDER, CompanyProfile, headcount_for_size

SME_SIZES = frozenset(SIZE_ORDER[:3])
SME_HEADCOUNT_BELOW = 250  # the medium enterprise's headcount ceiling (2003/361/EC)
NAMED_SCHEMES = 4  # SME-only schemes named in the answer: examples, not the whole list


def _sme_only(ctx: c.Context) -> str:
    """Open innovation schemes for SMEs only (the ranked cards: the signposts are not)."""
    names = [short_name(r.card, ctx.lang) for r in sorted(ctx.ranked, key=lambda r: r.card.id)
             if r.card.eligibility.company_sizes and r.card.status.state == "open"
             and set(r.card.eligibility.company_sizes) <= SME_SIZES]
    return ", ".join(names[:NAMED_SCHEMES])


def sme_answer(
    ctx: c.Context, profile: CompanyProfile, catalog: Catalog
) -> tuple[str, list[Recommendation], dict[str, Any]]:
    t, lang = ctx.templates, ctx.lang
    size = effective_size(profile)
    headcount = headcount_for_size(profile)
    schemes = _sme_only(ctx)
    if size is None or headcount is None:
        return t.render("sme_unknown", schemes=schemes), [], {}
    words = label(size, lang)
    group = profile.group_employees
    in_group = group is not None and (profile.employees is None or group > profile.employees)
    by_turnover = (size not in SME_SIZES and headcount < SME_HEADCOUNT_BELOW
                   and profile.turnover_eur is not None)
    if by_turnover:  # over the turnover ceiling: then the balance sheet decides (2003/361/EC)
        text = t.render("sme_balance_sheet", headcount=headcount)
    elif size in SME_SIZES:
        turnover = "" if profile.turnover_eur is not None else t.render("sme_turnover_unknown")
        text = t.render("sme_yes", headcount=headcount, size=words, turnover=turnover)
    elif in_group and profile.employees is None:
        text = t.render("sme_no_group_only", group=group, size=words, schemes=schemes)
    elif in_group:
        text = t.render("sme_no_group", own=profile.employees, group=group, size=words,
                        schemes=schemes)
    else:
        text = t.render("sme_no", headcount=headcount, size=words, schemes=schemes)
    return "\n\n".join([text, t.render("sme_rule")]), [], {}
