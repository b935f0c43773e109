"""How each kind of question is answered: which parts, in which order, from the context.

Each flow takes the composer `Context`, the profile and the catalog, and returns the answer
body, the typed recommendations and any extra `Answer` fields (the clarifying question).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from assistant import compare as side_by_side
from assistant import composer as c
from assistant import leads
from assistant.answer import Recommendation
from assistant.clarify import clarifying_question
from assistant.combine import combine
from assistant.how_much import estimate_answer
from assistant.question_forms import asks_letter_identity, asks_when
from assistant.ranking import Ranked
from assistant.sme_status import sme_answer
from assistant.when_to_apply import when_line
from instruments.catalog import Catalog
from instruments.kinds import SERVICES, category_of
from instruments.models import InstrumentCard
from instruments.profile import CompanyProfile
from retrieval.letter import LETTER_URL

TOP_RECOMMENDATIONS = 3
# when every instrument asked about is ruled out (it does not fit, or it is closed), this many
# others that may fit are named after the "no" (ordinary-dev o026: MIT for 400 employees)
INSTEAD = 2
# criteria met that compare a stated fact with the scheme's own number or rule: an eligibility
# answer says them beside what is still open (the applicant type or theme adds nothing)
CHECKED_FACTS = frozenset({"amount", "partners", "hours", "company_size", "startup_age"})
# Verdicts recommended: schemes one can apply to, and helpers (named as such, ranked below).
SHOWN = frozenset({"fits", "may_fit", "not_a_scheme"})
Flow = Callable[
    [c.Context, CompanyProfile, Catalog], tuple[str, list[Recommendation], dict[str, Any]]
]


def _with_clarifying(
    ctx: c.Context,
    profile: CompanyProfile,
    parts: list[str],
) -> dict[str, Any]:
    extra = clarifying_question(profile, ctx)
    if extra.get("clarifying_question"):
        parts.append(ctx.templates.render("clarify", question=extra["clarifying_question"]))
    return extra


def recommend(
    ctx: c.Context, profile: CompanyProfile, catalog: Catalog
) -> tuple[str, list[Recommendation], dict[str, Any]]:
    """The best instruments for the profile, each with why, what to check and the next step. An
    ordinary need (equipment, a loan, training) gets the signposts instead, or, when nothing
    covers it, an honest "none of these fit" with where to go."""
    if ctx.need.outside_innovation:
        return outside_innovation(ctx, profile)
    top = [r for r in ctx.ranked if r.result.verdict in SHOWN][:TOP_RECOMMENDATIONS]
    t = ctx.templates
    understood = ", ".join(f"{k}: {v}" for k, v in ctx.understood)
    lead = leads.recommend_lead(ctx, top) if top else ""
    parts = [lead] if lead else []
    parts.append(
        t.render("recommend_intro", profile=understood)
        if understood
        else t.render("recommend_intro_open")
    )
    recs = []
    for rank, item in enumerate(top, 1):
        rec, paragraph = c.recommendation(ctx, item, rank)
        recs.append(rec)
        parts.append(paragraph)
    # one sentence of the letter on the first scheme (two sentences beside three schemes made
    # a wall of text: dev4 blind grading); the page opens the whole passage
    remark = c.letter_remark(ctx, top[0].card, sentences=1) if top else None
    if remark:
        parts.append(remark)
    if ctx.signposts:  # an innovation that also needs an ordinary purchase or loan
        parts.append(t.render("signpost_also", needs=ctx.need.words(ctx.lang)))
        parts += [c.signpost(ctx, item, n)[1] for n, item in enumerate(ctx.signposts, 1)]
    extra = _with_clarifying(ctx, profile, parts)
    parts.append(c.disclaimer(ctx, [r.card for r in [*top, *ctx.signposts]]))
    return "\n\n".join(parts), recs, {**extra, "lead": lead}


def outside_innovation(
    ctx: c.Context, profile: CompanyProfile
) -> tuple[str, list[Recommendation], dict[str, Any]]:
    """The need is not an innovation: say so, name the signposts (or where to go)."""
    t = ctx.templates
    if not ctx.signposts:
        return t.render("none_fit"), [], {}
    lead = leads.signpost_lead(ctx, ctx.signposts)
    parts = [lead, t.render("signpost_intro", needs=ctx.need.words(ctx.lang))]
    recs = []
    for rank, item in enumerate(ctx.signposts, 1):
        rec, paragraph = c.signpost(ctx, item, rank)
        recs.append(rec)
        parts.append(paragraph)
    parts.append(t.render("signpost_outro"))
    parts.append(c.disclaimer(ctx, [r.card for r in ctx.signposts]))
    return "\n\n".join(parts), recs, {"lead": lead}


def explain(
    ctx: c.Context, profile: CompanyProfile, catalog: Catalog
) -> tuple[str, list[Recommendation], dict[str, Any]]:
    """What the named instruments are, with the letter's words."""
    ids = list(ctx.mentioned) or [ctx.ranked[0].card.id]
    cards = [catalog.get(i) for i in ids[:3]]
    by_id = {r.card.id: r for r in ctx.ranked}
    if asks_when(ctx.question):  # "what are the deadlines?", "wanneer kan ik aanvragen?"
        lines = [ctx.templates.render("when_intro"), *(when_line(ctx, card) for card in cards)]
        recs = [c.recommendation(ctx, by_id[card.id], n)[0] for n, card in enumerate(cards, 1)]
        return "\n".join(lines) + "\n\n" + c.disclaimer(ctx, cards), recs, {}
    parts = []
    for card in cards:
        parts.append(c.explain_card(ctx, card))
        remark = c.letter_remark(ctx, card)
        if remark:
            parts.append(remark)
    recs = [c.recommendation(ctx, by_id[card.id], rank)[0] for rank, card in enumerate(cards, 1)]
    parts.append(c.disclaimer(ctx, cards))
    return "\n\n".join(parts), recs, {}


def compare(
    ctx: c.Context, profile: CompanyProfile, catalog: Catalog
) -> tuple[str, list[Recommendation], dict[str, Any]]:
    """Two or three instruments side by side, led by which fits the profile better and why.
    With one instrument recognised (named twice, or beside an unknown name) it says so in one
    line and explains that one."""
    items = side_by_side.ordered(ctx, ctx.mentioned)[:3]
    t = ctx.templates
    if len(items) < 2:
        body, recs, extra = explain(ctx, profile, catalog)
        if not items:
            return t.render("compare_none"), [], {}
        line = t.render("compare_one", name=c.short_name(items[0].card, ctx.lang))
        return line + "\n\n" + body, recs, extra
    cards = [item.card for item in items]
    lead = side_by_side.verdict_sentence(ctx, items[0], items[1])
    parts = [
        lead,
        t.render("compare_intro"),
        side_by_side.table(ctx, cards),
    ]
    for card in cards:
        remark = c.letter_remark(ctx, card)
        if remark:
            parts.append(remark)
    recs = [c.recommendation(ctx, item, rank)[0] for rank, item in enumerate(items, 1)]
    parts.append(c.disclaimer(ctx, cards))
    return "\n\n".join(parts), recs, {"lead": lead}


def eligibility(
    ctx: c.Context, profile: CompanyProfile, catalog: Catalog
) -> tuple[str, list[Recommendation], dict[str, Any]]:
    """Per named instrument: the verdict and the reasons that decide it."""
    by_id = {r.card.id: r for r in ctx.ranked}
    named = [by_id[i] for i in ctx.mentioned[:3]]
    if ctx.need.outside_innovation and ctx.signposts and not any(
            item.card.id in ctx.need.signposts for item in named):
        return _not_for_the_need(ctx, named)
    parts, recs = [], []
    for rank, iid in enumerate(ctx.mentioned[:3], 1):
        item = by_id[iid]
        rec, _ = c.recommendation(ctx, item, rank)
        recs.append(rec)
        open_points = [cr.reason for cr in rec.criteria if cr.outcome != "meets"]
        # a fact of the user's checked against the scheme's number is said too: "Uw plan
        # vraagt € 200.000; de regeling: project vanaf € 150.000" (dev4 cd4-10)
        checked = [cr.reason for cr in rec.criteria
                   if cr.outcome == "meets" and cr.name in CHECKED_FACTS]
        figure = c.figures_of(item.card, ctx.lang, limit=1, applicants=ctx.applicants,
                              verified_first=True)
        parts.append(
            ctx.templates.render(
                "eligibility",
                name=rec.name,
                verdict_sentence=c.VERDICT_SENTENCE[ctx.lang][rec.verdict],
                reasons=" ".join([*checked, *open_points]) or " ".join(rec.why[:2]),
                figures=ctx.templates.render("figures", figures=figure[0]) if figure else "",
                cite=c.cite_card(ctx, item.card, "voorwaarden") or "",
            )
        )
        remark = c.letter_remark(ctx, item.card)
        if remark:
            parts.append(remark)
    shown = [item.card for item in named]
    instead: list[Ranked] = []
    if recs and all(r.verdict in ("does_not_fit", "closed") for r in recs):
        instead = _instead(ctx, list(shown))
        if instead:
            parts.append(ctx.templates.render("eligibility_instead"))
        for item in instead:
            rec, paragraph = c.recommendation(ctx, item, len(recs) + 1)
            recs.append(rec)
            parts.append(paragraph)
            shown.append(item.card)
    lead = leads.eligibility_lead(ctx, named, instead)
    parts.insert(0, lead)
    extra = _with_clarifying(ctx, profile, parts)
    parts.append(c.disclaimer(ctx, shown))
    return "\n\n".join(parts), recs, {**extra, "lead": lead}


def _not_for_the_need(
    ctx: c.Context, named: list[Ranked]
) -> tuple[str, list[Recommendation], dict[str, Any]]:
    """"en DEI+?" after a hotel asked about buying solar panels: the scheme is not for that
    need, whatever the profile; the signposts of the need follow (dev4 cd4-32)."""
    lead = leads.not_for_the_need_lead(ctx, named, ctx.signposts)
    parts, recs = [lead], []
    for rank, item in enumerate(ctx.signposts, 1):
        rec, paragraph = c.signpost(ctx, item, rank)
        recs.append(rec)
        parts.append(paragraph)
    parts.append(c.disclaimer(ctx, [item.card for item in [*named, *ctx.signposts]]))
    return "\n\n".join(parts), recs, {"lead": lead}


def _instead(ctx: c.Context, asked: list[InstrumentCard]) -> list[Ranked]:
    """Schemes that may fit for what the ruled-out ones were asked for: those supporting the
    most alike activities first (shared over all named), then by rank."""
    doing = {a for card in asked for a in card.eligibility.activities}
    names = {card.id for card in asked}
    open_ = [r for r in ctx.ranked if r.result.verdict in ("fits", "may_fit")
             and r.card.id not in names and category_of(r.card) not in SERVICES]
    def alike(r: Ranked) -> float:
        theirs = set(r.card.eligibility.activities)
        return len(doing & theirs) / len(doing | theirs) if doing | theirs else 0.0

    open_.sort(key=lambda r: -alike(r))  # stable: by rank among equally alike schemes
    return open_[:INSTEAD]


def policy(
    ctx: c.Context, profile: CompanyProfile, catalog: Catalog
) -> tuple[str, list[Recommendation], dict[str, Any]]:
    """The letter's own sentences, quoted and cited, plus the instruments they name."""
    if asks_letter_identity(ctx.question) and not ctx.concepts_of(ctx.question):
        # the letter's identification, from shared/reference/letter.md
        return ctx.templates.render("letter_identity", url=LETTER_URL), [], {}
    quotes = c.policy_quotes(ctx)
    if not quotes:
        return ctx.templates.render("policy_none"), [], {}
    parts = [ctx.templates.render("policy_intro"), "\n".join(quotes)]
    named = [i for h in ctx.letter_hits[:1] for i in ctx.concepts_of(h.passage.text)]
    ids = [i for i in dict.fromkeys([*ctx.mentioned, *named]) if i in catalog.cards][:2]
    by_id = {r.card.id: r for r in ctx.ranked}
    recs = [c.recommendation(ctx, by_id[i], n)[0] for n, i in enumerate(ids, 1)]
    parts.append(c.disclaimer(ctx, [by_id[i].card for i in ids]))
    return "\n\n".join(parts), recs, {}


FLOWS: dict[str, Flow] = {
    "recommend": recommend,
    "explain": explain,
    "compare": compare,
    "eligibility": eligibility,
    "policy": policy,
    "estimate": estimate_answer,
    "combine": combine,
    "sme_status": sme_answer,
}
