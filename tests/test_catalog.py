"""Every canonical id has a valid card; every card's letter reference resolves to a passage."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from assistant.knowledge import card_passages, resolve_letter_refs
from instruments.catalog import CatalogError, load_card, load_catalog, read_instrument_ids
from instruments.models import InstrumentCard
from retrieval.letter import load_letter

ROOT = Path(__file__).resolve().parent.parent
SHARED_TSV = ROOT.parent / "shared" / "instruments.tsv"


def test_every_canonical_id_has_a_card() -> None:
    ids = read_instrument_ids(ROOT / "data" / "instruments.tsv")
    catalog = load_catalog()
    assert len(ids) == 40
    assert sorted(catalog.ids()) == sorted(ids)


@pytest.mark.skipif(not SHARED_TSV.exists(), reason="../shared is not beside this checkout")
def test_project_copy_of_the_ids_matches_shared() -> None:
    assert read_instrument_ids(SHARED_TSV) == read_instrument_ids(ROOT / "data" / "instruments.tsv")


def test_kinds_match_the_canonical_table() -> None:
    import csv

    with (ROOT / "data" / "instruments.tsv").open(encoding="utf-8") as handle:
        kinds = {row["id"]: row["kind"] for row in csv.DictReader(handle, delimiter="\t")}
    for card in load_catalog():
        assert card.kind == kinds[card.id], card.id


def test_every_figure_has_a_year_and_a_known_source() -> None:
    for card in load_catalog():
        sources = {s.id for s in card.sources}
        for figure in card.figures:
            assert any(ch.isdigit() for ch in figure.year), (card.id, figure)
            assert figure.source in sources, (card.id, figure.source)


def test_every_letter_reference_resolves_to_a_passage() -> None:
    letter = load_letter()
    unresolved = []
    for card in load_catalog():
        for ref, ids in resolve_letter_refs(card.letter_refs, letter).items():
            if not ids:
                unresolved.append(f"{card.id}: {ref!r}")
    assert not unresolved, "\n".join(unresolved)


def test_cards_not_open_to_companies_name_who_can_apply() -> None:
    closed = [c for c in load_catalog() if not c.eligibility.open_to_companies]
    assert {"sbo"} <= {c.id for c in closed}
    for card in closed:
        assert len(card.eligibility.who_applies.nl) > 10


def test_card_passages_are_stable_and_bilingual() -> None:
    card = load_catalog().get("wbso")
    first, second = card_passages(card), card_passages(card)
    assert [p.id for p in first] == [p.id for p in second]
    assert all(p.instrument_id == "wbso" and p.source == "card" for p in first)
    assert "R&D" in first[0].text and "speur" in first[0].text.lower()


def test_unknown_keys_and_figures_without_year_are_rejected(tmp_path: Path) -> None:
    data = yaml.safe_load((ROOT / "instruments" / "cards" / "wbso.yaml").read_text())
    data["colour"] = "blue"
    bad = tmp_path / "wbso.yaml"
    bad.write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(CatalogError, match="colour"):
        load_card(bad)
    del data["colour"]
    data["figures"][0]["year"] = "recent"
    with pytest.raises(ValueError, match="year"):
        InstrumentCard.model_validate(data)


def test_unknown_instrument_id_names_the_known_ones() -> None:
    with pytest.raises(KeyError, match="known ids"):
        load_catalog().get("wbs0")
