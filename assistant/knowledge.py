"""Turning cards into passages and a lexicon; resolving cards' letter references.

This is where the two domain packages meet: `instruments/` knows cards, `retrieval/` knows
passages, and neither imports the other.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from instruments.catalog import Catalog
from instruments.models import InstrumentCard
from instruments.years import year_label
from retrieval.lexical import Lexicon
from retrieval.passages import Passage, normalise, stable_id

_SECTIONS = ("overzicht", "voorwaarden", "aanvragen")
_SECTION_EN = {"overzicht": "overview", "voorwaarden": "eligibility", "aanvragen": "how to apply"}


def _card_section_texts(card: InstrumentCard) -> dict[str, str]:
    figures = " ".join(
        f"{f.text.nl} ({year_label(f.year, 'nl')}). {f.text.en} ({f.year})." for f in card.figures
    )
    pitfalls = " ".join(f"{p.nl} {p.en}" for p in card.pitfalls)
    keywords = ", ".join(card.keywords)
    return {
        "overzicht": f"{card.name.nl} / {card.name.en}. {card.summary.nl} {card.summary.en} "
        f"Ook bekend als / also known as: {keywords}.",
        "voorwaarden": f"{card.name.nl}: wie kan aanvragen / who can apply. "
        f"{card.eligibility.who_applies.nl} {card.eligibility.who_applies.en} "
        f"{card.offers.nl} {card.offers.en} {figures}",
        "aanvragen": f"{card.name.nl}: aanvragen / how to apply. {card.how_to_apply.nl} "
        f"{card.how_to_apply.en} {pitfalls} Status ({card.status.as_of}): "
        f"{card.status.note.nl} {card.status.note.en}",
    }


def card_passages(card: InstrumentCard) -> list[Passage]:
    """Three passages per card: overview, eligibility and offer, how to apply and status."""
    passages = []
    for section, text in _card_section_texts(card).items():
        passages.append(
            Passage(
                id=stable_id(f"card-{card.id}", section, text),
                text=" ".join(text.split()),
                source="card",
                kind="card",
                label=f"Instrumentkaart {card.name.nl.split(' (')[0]}: {section} "
                f"/ card: {_SECTION_EN[section]}",
                section=section,
                instrument_id=card.id,
                url=str(card.administered_by.url),
                seen=card.status.as_of,
            )
        )
    return passages


def catalog_passages(catalog: Catalog) -> list[Passage]:
    return [p for card in catalog for p in card_passages(card)]


def letter_mentions(tsv_path: Path) -> dict[str, list[str]]:
    """The 'letter_mentions' column of instruments.tsv, per id."""
    with tsv_path.open(encoding="utf-8") as handle:
        rows = csv.DictReader(handle, delimiter="\t")
        return {
            row["id"]: [m.strip() for m in row["letter_mentions"].split(",") if m.strip()]
            for row in rows
        }


def build_lexicon(catalog: Catalog, mentions: dict[str, list[str]]) -> Lexicon:
    """Every name a user or the letter may give an instrument -> its id."""
    phrases: dict[str, list[str]] = {}
    for card in catalog:
        names = [card.name.nl, card.name.en, *card.aliases, *mentions.get(card.id, [])]
        short = [n.split(" (")[0] for n in (card.name.nl, card.name.en)]
        phrases[card.id] = sorted({n for n in names + short if len(n) >= 2})
    return Lexicon(phrases)


def resolve_letter_refs(
    refs: Iterable[str], letter: Sequence[Passage]
) -> dict[str, list[str]]:
    """Each exact phrase -> ids of the letter passages that contain it (empty if none)."""
    normalised = [(p.id, normalise(p.text)) for p in letter]
    return {ref: [pid for pid, text in normalised if normalise(ref) in text] for ref in refs}


LETTER_KIND_ORDER = {"paragraph": 0, "box": 0, "action": 1, "footnote": 2}


def instrument_letter_passages(
    letter: Sequence[Passage],
    refs: dict[str, list[str]],
    concepts_of: Callable[[str], list[str]],
) -> dict[str, list[str]]:
    """Instrument id -> the letter passages about it: those its card refers to and those that
    name it. Body text (paragraphs, boxes) first, then action-plan rows, then footnotes; within
    a kind the card's own references first, then the letter's order."""
    by_id = {p.id: p for p in letter if p.kind in LETTER_KIND_ORDER}
    named: dict[str, list[str]] = {}
    for passage in by_id.values():
        for iid in concepts_of(passage.text):
            named.setdefault(iid, []).append(passage.id)
    out: dict[str, list[str]] = {}
    for iid in refs.keys() | named.keys():
        ids = [p for p in dict.fromkeys([*refs.get(iid, []), *named.get(iid, [])]) if p in by_id]
        out[iid] = sorted(ids, key=lambda pid: LETTER_KIND_ORDER[by_id[pid].kind])
    return out
