"""Two or three instruments side by side: a table of what each is, who may apply, what it
gives (with its year), how to apply and its status, led by one sentence on which fits the
profile better and why.

The table is Markdown (the CLI and the API return it as it is; the page turns it into an HTML
table). The sentence comes from the eligibility verdicts: a criterion one scheme meets and the
other fails decides first, then one it meets and the other leaves open; when neither decides
it says what would (with nothing known about the company, its size often does).
"""

from __future__ import annotations

from collections.abc import Sequence

from assistant import composer as c
from assistant.leads import UNTELLING
from assistant.ranking import Ranked
from instruments.eligibility import Criterion
from instruments.labels import STATUS_WORDS
from instruments.models import InstrumentCard, Lang

# the rows of the table, in order, and their words
ROWS: dict[str, tuple[str, str]] = {
    "what": ("Wat het is", "What it is"),
    "who": ("Wie kan aanvragen", "Who may apply"),
    "gives": ("Wat het oplevert", "What it gives"),
    "apply": ("Aanvragen", "How to apply"),
    "status": ("Status", "Status"),
}
# verdicts from best to worst: the better of two is the one whose verdict comes first
VERDICT_ORDER = ("fits", "may_fit", "not_a_scheme", "closed", "does_not_fit")


def _cell(text: str) -> str:
    """One line of a Markdown table cell: no pipes, no line breaks."""
    return " ".join(text.replace("|", "/").split())


def _gives(card: InstrumentCard, lang: Lang, applicants: frozenset[str]) -> str:
    figures = c.figures_of(card, lang, limit=1, applicants=applicants, verified_first=True)
    return figures[0] if figures else c.first_sentence(card.offers.get(lang))


def _status(card: InstrumentCard, lang: Lang) -> str:
    word = STATUS_WORDS[card.status.state][0 if lang == "nl" else 1]
    return f"{word} ({card.status.as_of})"


def table(ctx: c.Context, cards: Sequence[InstrumentCard]) -> str:
    """The Markdown table, one column per card, each name citing its card."""
    lang = ctx.lang
    head = [""] + [
        f"**{_cell(card.name.get(lang))}** [{c.cite_card(ctx, card) or ''}]" for card in cards
    ]
    cells = {
        "what": [c.first_sentence(card.summary.get(lang)) for card in cards],
        "who": [c.first_clause(card.eligibility.who_applies.get(lang)) for card in cards],
        "gives": [_gives(card, lang, ctx.applicants) for card in cards],
        "apply": [c.first_clause(card.how_to_apply.get(lang)) for card in cards],
        "status": [_status(card, lang) for card in cards],
    }
    lines = [
        "| " + " | ".join(c.tidy(h) for h in head) + " |",
        "|" + "---|" * len(head),
    ]
    for row, words in ROWS.items():
        label = words[0 if lang == "nl" else 1]
        lines.append("| " + " | ".join([label, *(_cell(x) for x in cells[row])]) + " |")
    return "\n".join(lines)


def _outcomes(item: Ranked) -> dict[str, Criterion]:
    return {cr.name: cr for cr in item.result.criteria if cr.name not in UNTELLING}


def verdict_sentence(ctx: c.Context, better: Ranked, other: Ranked) -> str:
    """Which of two fits this profile better, and the criterion that decides it."""
    t, lang = ctx.templates, ctx.lang
    names = {"better": c.short_name(better.card, lang), "other": c.short_name(other.card, lang)}
    if better.result.verdict in ("does_not_fit", "closed"):  # neither is open to this profile
        return t.render("compare_neither", **names)
    mine, theirs = _outcomes(better), _outcomes(other)
    for name, criterion in theirs.items():  # the other fails where this one does not
        if criterion.outcome == "fails" and (name not in mine or mine[name].outcome != "fails"):
            reason = c.after_colon(criterion.reason.get(lang))
            return t.render("compare_fails", reason=reason, **names)
    for name, criterion in mine.items():  # this one meets where the other leaves it open
        left_open = name in theirs and theirs[name].outcome == "undetermined"
        if criterion.outcome == "meets" and left_open:
            reason = c.after_colon(criterion.reason.get(lang))
            return t.render("compare_meets", reason=reason, **names)
    if VERDICT_ORDER.index(better.result.verdict) < VERDICT_ORDER.index(other.result.verdict):
        verdict = c.after_colon(c.VERDICT_SENTENCE[lang][better.result.verdict]).rstrip(".")
        return t.render("compare_meets", reason=f"{verdict} ({names['better']})", **names)
    unknown = _deciding_unknowns(ctx, better, other)
    if unknown:
        return t.render("compare_depends", reason=unknown, **names)
    return t.render("compare_alike", **names)


def _deciding_unknowns(ctx: c.Context, better: Ranked, other: Ranked) -> str:
    """What is still unknown for one scheme and not for the other, per scheme: "Bij VFF: een
    intentieverklaring van een investeerder. Bij Innovatiekrediet: hoeveel geld uw plan vraagt."
    (The first open point of one scheme alone read as the decider: dev4 cd4-14, cd4-21.)"""
    lang = ctx.lang
    views = {item.card.id: c.open_points(
        [c.CriterionView(name=cr.name, outcome=cr.outcome, reason=cr.reason.get(lang),
                         source=cr.source) for cr in _outcomes(item).values()], lang)
        for item in (better, other)}
    mine, theirs = views[better.card.id], views[other.card.id]
    word = {"nl": "Bij", "en": "For"}[lang]
    parts = []
    for item, points, beside in ((better, mine, theirs), (other, theirs, mine)):
        own = [p for p in points if p not in beside][:2]
        if own:
            parts.append(f"{word} {c.short_name(item.card, lang)}: {'; '.join(own)}.")
    return " ".join(parts)


def ordered(ctx: c.Context, ids: Sequence[str]) -> list[Ranked]:
    """The named instruments found in the ranking, best for the profile first."""
    by_id = {r.card.id: r for r in ctx.ranked}
    found = [by_id[i] for i in dict.fromkeys(ids) if i in by_id]
    found.sort(key=lambda r: (VERDICT_ORDER.index(r.result.verdict), ctx.ranked.index(r)))
    return found
