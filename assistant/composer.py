"""The default answerer: composes grounded answers from cards, verdicts and passages. No LLM.

Every sentence comes from a template in prompts/, a card, an eligibility reason or a verbatim
quote of a passage the search returned; every source used is numbered and listed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from assistant.answer import Citation, CriterionView, Intent, Recommendation
from assistant.needs import Need
from assistant.quotes import best_quote
from assistant.ranking import Ranked
from assistant.rerank import sentence_cue
from instruments.eligibility import Criterion
from instruments.labels import VERDICT_WORDS
from instruments.models import InstrumentCard, Lang
from instruments.years import year_label, year_order
from prompts.loader import Templates
from retrieval.hybrid import SearchHit
from retrieval.passages import Passage

SECOND_QUOTE_SHARE = 0.9  # quote a second passage when its score is this close to the first
POLICY_SENTENCES = 4  # sentences quoted from the passage that answers a policy question
POLICY_QUOTE_CHARS = 900  # and their length at most (other quotes: 2 sentences, 480)
VERDICT_SENTENCE = {
    "nl": {
        "fits": "Op basis van wat u vertelt komt u waarschijnlijk in aanmerking.",
        "may_fit": "U komt mogelijk in aanmerking; een paar dingen zijn nog onbekend.",
        "does_not_fit": "Op basis van wat u vertelt komt u niet in aanmerking.",
        "closed": "De regeling is nu niet open voor aanvragen.",
        "not_a_scheme": "Dit is een hulpmiddel of netwerk, geen regeling waarvoor u aanvraagt.",
    },
    "en": {
        "fits": "Based on what you told me you are likely eligible.",
        "may_fit": "You may be eligible; a few things are still unknown.",
        "does_not_fit": "Based on what you told me you are not eligible.",
        "closed": "The scheme is not open for applications now.",
        "not_a_scheme": "This is a tool or network, not a scheme you apply to.",
    },
}


@dataclass
class CitationList:
    """Numbers sources in order of first use; a passage cited twice keeps its number."""

    items: list[Citation] = field(default_factory=list)

    def cite(self, passage: Passage, quote: str) -> int:
        for existing in self.items:
            if existing.passage_id == passage.id:
                return existing.n
        n = len(self.items) + 1
        self.items.append(
            Citation(
                n=n,
                passage_id=passage.id,
                label=passage.label,
                source=passage.source,
                quote=quote,
                url=passage.url,
                seen=passage.seen,
            )
        )
        return n


@dataclass
class Context:
    """Everything the composer may use for one answer."""

    question: str
    lang: Lang
    intent: Intent
    templates: Templates
    ranked: Sequence[Ranked]
    letter_hits: Sequence[SearchHit]
    card_passages: Mapping[tuple[str, str], Passage]
    terms_of: Callable[[str], list[str]]
    concepts_of: Callable[[str], list[str]]
    mentioned: Sequence[str] = ()
    understood: Sequence[tuple[str, str]] = ()
    need: Need = field(default_factory=Need)
    signposts: Sequence[Ranked] = ()  # the signposts of the need, evaluated for the profile
    applicants: frozenset[str] = frozenset()  # the profile's applicant types (for figures)
    letter_refs: Mapping[str, Sequence[str]] = field(default_factory=dict)
    citations: CitationList = field(default_factory=CitationList)

    @property
    def question_terms(self) -> set[str]:
        return set(self.terms_of(self.question))


def _reason(criterion: Criterion, lang: Lang) -> str:
    return criterion.reason.get(lang)


def figures_of(card: InstrumentCard, lang: Lang, limit: int = 2,
             applicants: frozenset[str] = frozenset()) -> list[str]:
    """The latest figures for this applicant, each with its year (and a flag when unverified);
    a figure for other applicants (the employer rate, for a self-employed person) is left out."""
    mine = [f for f in card.figures
            if not f.applies_to or not applicants or applicants & set(f.applies_to)]
    latest = sorted(mine, key=lambda f: year_order(f.year), reverse=True)[:limit]
    flag = {"nl": "niet bevestigd", "en": "unverified"}[lang]
    return [f"{f.text.get(lang)} ({year_label(f.year, lang)}{'' if f.verified else ', ' + flag})"
            for f in latest]


FIRST_SENTENCE_CHARS = 40  # shorter ("In two steps.", "Zo werkt het:") takes the next one too


def first_sentence(text: str) -> str:
    """The first sentence, or the first two when the first only announces the second."""
    sentences = re.findall(r".+?[.!?:](?=\s|$)|.+$", text.strip())
    if not sentences:
        return text.strip()
    first = sentences[0].strip()
    if (len(first) < FIRST_SENTENCE_CHARS or first.endswith(":")) and len(sentences) > 1:
        first = f"{first} {sentences[1].strip()}"
    return first


def after_colon(text: str) -> str:
    """A sentence to follow a colon: its first letter small ("uw project ..."), an acronym
    kept ("MKB ...")."""
    if len(text) > 1 and text[0].isupper() and not text[1].isupper():
        return text[0].lower() + text[1:]
    return text


def short_name(card: InstrumentCard, lang: Lang) -> str:
    """The name for a sentence: "WBSO", not "WBSO (Wet Bevordering ...)"; an acronym in
    brackets stays ("SME innovation stimulus (MIT)")."""
    name = card.name.get(lang)
    head, _, rest = name.partition(" (")
    return name if rest and " " not in rest.rstrip(")") else head


def cite_card(ctx: Context, card: InstrumentCard, section: str = "overzicht") -> int | None:
    passage = ctx.card_passages.get((card.id, section))
    if passage is None:
        return None
    quote = card.summary.get(ctx.lang) if section == "overzicht" else passage.text[:300]
    return ctx.citations.cite(passage, quote)


def letter_passage_for(ctx: Context, instrument_id: str) -> SearchHit | None:
    """The first retrieved letter passage about the instrument (`letter_refs` holds both the
    passages its card refers to and those that name it)."""
    about = set(ctx.letter_refs.get(instrument_id, ()))
    for hit in ctx.letter_hits:
        if hit.passage.id in about:
            return hit
    return None


def quote_letter(
    ctx: Context, hit: SearchHit, sentences: int = 2, max_chars: int = 480
) -> tuple[int, str]:
    quote = best_quote(
        hit.passage.text,
        ctx.question_terms,
        ctx.terms_of,
        hit.sentence,
        max_sentences=sentences,
        max_chars=max_chars,
        cue=sentence_cue(ctx.question),
    )
    return ctx.citations.cite(hit.passage, quote), quote


def recommendation(ctx: Context, item: Ranked, rank: int) -> tuple[Recommendation, str]:
    """The typed recommendation and its paragraph of text."""
    card, lang, t = item.card, ctx.lang, ctx.templates
    criteria = [
        CriterionView(name=c.name, outcome=c.outcome, reason=_reason(c, lang), source=c.source)
        for c in item.result.criteria
    ]
    why = [c.reason for c in criteria if c.outcome == "meets"] or [card.summary.get(lang)]
    to_check = [c.reason for c in criteria if c.outcome != "meets"]
    figures = figures_of(card, lang, applicants=ctx.applicants)
    next_step = first_sentence(card.how_to_apply.get(lang))
    cite = cite_card(ctx, card)
    status = f"{card.status.state} ({card.status.as_of})"
    rec = Recommendation(
        instrument_id=card.id,
        name=card.name.get(lang),
        kind=card.kind,
        verdict=item.result.verdict,
        score=item.score,
        why=why,
        to_check=to_check,
        next_step=next_step,
        administered_by=card.administered_by.name_in(lang),
        url=str(card.administered_by.url),
        figures=figures,
        status=status,
        criteria=criteria,
    )
    text = t.render(
        "recommendation",
        rank=rank,
        name=card.name.get(lang),
        verdict=VERDICT_WORDS[lang][item.result.verdict],
        why=" ".join(why[:2]),
        to_check=t.render("to_check", items="; ".join(x.rstrip(". ") for x in to_check[:2]))
        if to_check else "",
        figures=t.render("figures", figures="; ".join(figures)) if figures else "",
        next_step=next_step,
        administered_by=card.administered_by.name_in(lang),
        url=str(card.administered_by.url),
        cite=cite or "",
    )
    return rec, text


def explain_card(ctx: Context, card: InstrumentCard) -> str:
    t, lang = ctx.templates, ctx.lang
    figures = figures_of(card, lang, limit=3)
    return t.render(
        "explain",
        name=card.name.get(lang),
        summary=card.summary.get(lang),
        offers=card.offers.get(lang),
        figures=t.render("figures", figures="; ".join(figures)) if figures else "",
        who=card.eligibility.who_applies.get(lang),
        how=first_sentence(card.how_to_apply.get(lang)),
        as_of=card.status.as_of,
        status=card.status.note.get(lang),
        cite=cite_card(ctx, card) or "",
    )


def letter_remark(ctx: Context, instrument_id: str) -> str | None:
    hit = letter_passage_for(ctx, instrument_id)
    if hit is None:
        return None
    n, quote = quote_letter(ctx, hit)
    return ctx.templates.render("letter_remark", quote=quote, n=n)


def policy_quotes(ctx: Context, max_quotes: int = 2) -> list[str]:
    """The letter's own sentences, most relevant first; a second only when close to the first.
    Footnotes (references to other documents) are quoted only when nothing else was found."""
    lines = []
    hits = [h for h in ctx.letter_hits if h.passage.kind != "footnote"] or list(ctx.letter_hits)
    for index, hit in enumerate(hits[:max_quotes]):
        if index > 0 and hit.score < SECOND_QUOTE_SHARE * hits[0].score:
            break
        n, quote = (
            quote_letter(ctx, hit, POLICY_SENTENCES, POLICY_QUOTE_CHARS)
            if index == 0
            else quote_letter(ctx, hit)
        )
        lines.append(
            ctx.templates.render("policy_quote", quote=quote, n=n, label=hit.passage.label)
        )
    return lines


def signpost(ctx: Context, item: Ranked, rank: int) -> tuple[Recommendation, str]:
    """A signpost (an adjacent scheme): what it is, a dated figure, who runs it and where."""
    card, lang = item.card, ctx.lang
    figures = figures_of(card, lang, limit=1, applicants=ctx.applicants)
    rec, _ = recommendation(ctx, item, rank)
    text = ctx.templates.render(
        "signpost", rank=rank, name=card.name.get(lang), summary=card.summary.get(lang),
        figures=ctx.templates.render("figures", figures="; ".join(figures)) if figures else "",
        administered_by=card.administered_by.name_in(lang), url=str(card.administered_by.url),
        status=card.status.note.get(lang) if card.status.state != "open" else "",
    )
    return rec, text


def body_name(card: InstrumentCard, lang: Lang = "nl") -> str:
    """Who administers it, short: "RVO", not "RVO (Rijksdienst ...), in opdracht van ..."."""
    return re.split(r" \(|, |; ", card.administered_by.name_in(lang))[0]


def disclaimer(ctx: Context, cards: Sequence[InstrumentCard]) -> str:
    bodies = sorted({body_name(c, ctx.lang) for c in cards}) or ["RVO"]
    return ctx.templates.render("disclaimer", bodies=", ".join(bodies))


_MARKER = re.compile(r"\[(\d+)\]")


def in_reading_order(
    text: str, citations: list[Citation]
) -> tuple[Callable[[str], str], list[Citation]]:
    """Sources numbered in the order the text first cites them (a lead written last may cite
    before the paragraphs that cited first); sources the text never cites keep their place
    after those. Returns the renumbering (for the text and its lead) and the citations."""
    first = list(dict.fromkeys(int(m) for m in _MARKER.findall(text)))
    known = {cit.n for cit in citations}
    order = [n for n in first if n in known] + [cit.n for cit in citations if cit.n not in first]
    new = {old: index for index, old in enumerate(order, 1)}
    by_n = {cit.n: cit for cit in citations}

    def renumber(part: str) -> str:
        return _MARKER.sub(lambda m: f"[{new.get(int(m.group(1)), int(m.group(1)))}]", part)

    return renumber, [by_n[old].model_copy(update={"n": new[old]}) for old in order]


def tidy(text: str) -> str:
    """Collapse doubled spaces and empty brackets left by optional template parts."""
    text = re.sub(r" ?\[\]", "", text)
    return re.sub(r"[ \t]{2,}", " ", text).strip()
