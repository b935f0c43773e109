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
