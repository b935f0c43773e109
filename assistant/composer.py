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
from assistant.question_forms import asks_who
from assistant.quotes import best_quote
from assistant.ranking import Ranked
from assistant.rerank import sentence_cue
from instruments.eligibility import Criterion
from instruments.labels import VERDICT_WORDS
from instruments.models import InstrumentCard, Lang
from instruments.reasons import OPEN_POINTS
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
             applicants: frozenset[str] = frozenset(), verified_first: bool = False,
             about: Callable[[str], int] | None = None) -> list[str]:
    """The latest figures for this applicant, each with its year (and a flag when unverified);
    a figure for other applicants (the employer rate, for a self-employed person) is left out.
    `verified_first`: a confirmed figure before a later unconfirmed one (for a short answer).
    `about`: how many of the question's terms a figure shares; more come first (the ISDE's
    heat-pump amount for a heat pump, not its heat-network amount: dev4 cd4-32)."""
    mine = [f for f in card.figures
            if not f.applies_to or not applicants or applicants & set(f.applies_to)]

    def order(f):  # type: ignore[no-untyped-def]
        near = about(f.text.get(lang)) if about else 0
        return (f.verified, near, year_order(f.year)) if verified_first else (
            near, year_order(f.year))

    latest = sorted(mine, key=order, reverse=True)[:limit]
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


CLAUSE_MIN_WORDS = 6  # a clause shorter than this ("Regeling in de Vpb:") keeps what follows


def first_clause(text: str) -> str:
    """The first sentence, cut at its first colon or semicolon when what comes before says
    something on its own: "Mkb'ers vragen aan via mijn.rvo.nl", without the conditions."""
    sentence = first_sentence(text)
    for mark in re.finditer(r"[:;] ", sentence):
        head = sentence[: mark.start()]
        if len(head.split()) >= CLAUSE_MIN_WORDS:
            return head.rstrip(",") + "."
    return sentence


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


def open_points(criteria: Sequence[CriterionView], lang: Lang) -> list[str]:
    """What is still to check, in a few words each: "hoeveel geld uw plan vraagt", not the
    whole rule (that stays in the criteria); a prerequisite or an hours minimum keeps its
    own short reason, which says what must be in place."""
    points = []
    for criterion in criteria:
        if criterion.outcome == "meets":
            continue
        words = OPEN_POINTS.get(criterion.name)
        points.append(words[lang == "en"] if words else
                      _small_after_colons(first_clause(criterion.reason)).rstrip(". "))
    return list(dict.fromkeys(points))


def _small_after_colons(text: str) -> str:
    """"Voorwaarde vooraf: Een verklaring" -> "voorwaarde vooraf: een verklaring" (an acronym,
    "MKB", keeps its capitals), to stand inside a list of points."""
    return ": ".join(after_colon(part) for part in text.split(": "))


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
    ctx: Context, hit: SearchHit, sentences: int = 2, max_chars: int = 480,
    about: InstrumentCard | None = None,
) -> tuple[int, str]:
    """Sentences of the passage, verbatim. `about`: the sentences naming that instrument come
    first, before the one the search matched."""
    terms = ctx.question_terms
    if about is not None:
        terms = terms | set(ctx.terms_of(about.name.nl))
    quote = best_quote(
        hit.passage.text,
        terms,
        ctx.terms_of,
        None if about is not None else hit.sentence,
        max_sentences=sentences,
        max_chars=max_chars,
        cue=sentence_cue(ctx.question),
    )
    return ctx.citations.cite(hit.passage, quote), quote


def recommendation(ctx: Context, item: Ranked, rank: int) -> tuple[Recommendation, str]:
    """The typed recommendation and its paragraph of text."""
    card, lang = item.card, ctx.lang
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
    return rec, paragraph(ctx, item, rec, rank, cite)


OPEN_POINTS_SHOWN = 3  # open points named per scheme in the chat (the card panel has them all)


def paragraph(ctx: Context, item: Ranked, rec: Recommendation, rank: int,
              cite: int | None) -> str:
    """One scheme in a few lines: what it is, one dated figure, what is still to check and the
    next step with the address. The typed recommendation carries the full reasons; the page
    shows them on the card. (A three-card answer ran to 450-680 words: dev4 blind grading.)"""
    card, lang, t = item.card, ctx.lang, ctx.templates
    figure = figures_of(card, lang, limit=1, applicants=ctx.applicants, verified_first=True)
    points = open_points(rec.criteria, lang)[:OPEN_POINTS_SHOWN]
    return t.render(
        "recommendation",
        rank=rank,
        name=short_name(card, lang),
        verdict=VERDICT_WORDS[lang][item.result.verdict],
        what=first_clause(card.summary.get(lang)),
        figures=t.render("figures", figures=figure[0]) if figure else "",
        to_check=t.render("to_check", items="; ".join(points)) if points else "",
        next_step=first_clause(rec.next_step),
        url=rec.url,
        cite=cite or "",
    )


EXPLAIN_FIGURES = 2  # figures in a "what is X" answer (three made a 300-680 word card: dev4)


def explain_card(ctx: Context, card: InstrumentCard) -> str:
    """What the instrument is, in the first sentence of each part of its card; the whole card
    is one click away in the sources."""
    t, lang = ctx.templates, ctx.lang
    figures = figures_of(card, lang, limit=EXPLAIN_FIGURES, applicants=ctx.applicants,
                         verified_first=True)
    who = card.eligibility.who_applies.get(lang)
    return t.render(
        "explain",
        name=card.name.get(lang),
        summary=card.summary.get(lang),
        offers=first_sentence(card.offers.get(lang)),
        figures=t.render("figures", figures="; ".join(figures)) if figures else "",
        who=who if asks_who(ctx.question) else first_sentence(who),
        how=first_sentence(card.how_to_apply.get(lang)),
        as_of=card.status.as_of,
        status=first_sentence(card.status.note.get(lang)),
        cite=cite_card(ctx, card) or "",
    )


REMARK_CHARS = 480  # a remark's quote at most (two sentences, or one beside recommendations)


def letter_remark(ctx: Context, card: InstrumentCard, sentences: int = 2) -> str | None:
    """The letter's words on the instrument; none when that passage is quoted already (two
    instruments of one passage printed it twice: dev4 cd4-11, cd4-14)."""
    hit = letter_passage_for(ctx, card.id)
    if hit is None or any(cit.passage_id == hit.passage.id for cit in ctx.citations.items):
        return None
    n, quote = quote_letter(ctx, hit, sentences, REMARK_CHARS, about=card)
    return ctx.templates.render("letter_remark", quote=quote, n=n,
                                name=short_name(card, ctx.lang))


def _named_in_question(ctx: Context) -> InstrumentCard | None:
    """The one instrument a question about the letter names, when it names one."""
    named = [r.card for r in ctx.ranked if r.card.id in ctx.mentioned]
    return named[0] if len(named) == 1 else None


def policy_quotes(ctx: Context, max_quotes: int = 2) -> list[str]:
    """The letter's own sentences, most relevant first; a second only when close to the first.
    Footnotes (references to other documents) are quoted only when nothing else was found."""
    lines = []
    hits = [h for h in ctx.letter_hits if h.passage.kind != "footnote"] or list(ctx.letter_hits)
    about = _named_in_question(ctx)
    if about is not None:  # "wat staat er over de MIT in?": the passages naming it, first
        naming = [h for h in hits if about.id in ctx.concepts_of(h.passage.text)]
        hits = [*naming, *(h for h in hits if h not in naming)]
    for index, hit in enumerate(hits[:max_quotes]):
        names_it = about is not None and about.id in ctx.concepts_of(hit.passage.text)
        if index > 0 and hit.score < SECOND_QUOTE_SHARE * hits[0].score and not names_it:
            break
        n, quote = (
            quote_letter(ctx, hit, POLICY_SENTENCES, POLICY_QUOTE_CHARS,
                         about=about if names_it else None)
            if index == 0
            else quote_letter(ctx, hit, about=about if names_it else None)
        )
        lines.append(
            ctx.templates.render("policy_quote", quote=quote, n=n, label=hit.passage.label)
        )
    return lines


def signpost(ctx: Context, item: Ranked, rank: int) -> tuple[Recommendation, str]:
    """A signpost (an adjacent scheme): what it is, a dated figure, who runs it and where."""
    card, lang = item.card, ctx.lang
    figures = figures_of(card, lang, limit=1, applicants=ctx.applicants, verified_first=True,
                         about=lambda text: len(set(ctx.terms_of(text)) & ctx.question_terms))
    rec, _ = recommendation(ctx, item, rank)
    text = ctx.templates.render(
        "signpost", rank=rank, name=card.name.get(lang), summary=card.summary.get(lang),
        figures=ctx.templates.render("figures", figures="; ".join(figures)) if figures else "",
        administered_by=card.administered_by.name_in(lang), url=str(card.administered_by.url),
        status=card.status.note.get(lang) if card.status.state != "open" else "",
    )
    return rec, text


def body_name(card: InstrumentCard, lang: Lang = "nl") -> str:
    """Who administers it, short: "RVO", not "RVO (Rijksdienst ...), in opdracht van ..."; a
    long name has its own short form on the card ("het Interreg-programma")."""
    body = card.administered_by
    if body.short is not None:
        return body.short.get(lang)
    return re.split(r" \(|, |; ", body.name_in(lang))[0]


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
