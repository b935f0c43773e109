"""The feedback store: WAL mode, round trips, eval-line export, concurrent writers."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest

from assistant.answer import Answer, Citation, Recommendation
from assistant.feedback import FeedbackError, FeedbackStore, contract_profile
from eval.dataset import parse_set


def _answer(question: str = "Welke regeling past bij ons softwarebedrijf?", **kw: object) -> Answer:
    data: dict[str, object] = dict(
        question=question, lang="nl", intent="recommend", text="WBSO past [1].",
        recommendations=[
            Recommendation(instrument_id=i, name=i.upper(), kind="fiscal", verdict="fits",
                           score=1.0)
            for i in ("wbso", "mit", "innovatiekrediet")
        ],
        citations=[Citation(n=1, passage_id="card-wbso-1", label="WBSO, voorwaarden",
                            source="card", quote="WBSO past.", url="https://www.rvo.nl/wbso",
                            seen="2024-11")],
        profile={"employees": 12, "size": "small", "themes": ["ict_digital"],
                 "activities": ["own_rnd"], "sector": "software", "turnover_eur": None},
        config={"embedder": "hashing", "retriever": "hybrid"},
    )
    data.update(kw)
    return Answer.model_validate(data)


@pytest.fixture
def store(tmp_path: Path) -> FeedbackStore:
    return FeedbackStore(tmp_path / "sub" / "feedback.sqlite3")


def test_wal_mode_is_on(store: FeedbackStore) -> None:
    assert store.journal_mode().lower() == "wal"
    assert store.path.exists()


def test_rows_round_trip(store: FeedbackStore) -> None:
    answer = _answer()
    row_id = store.add(answer, "down", comment="  MIT had eerst gemoeten ",
                       expected_instruments=["mit"])
    [record] = store.all()
    assert record.id == row_id
    assert record.rating == "down"
    assert record.comment == "MIT had eerst gemoeten"
    assert record.question == answer.question
    assert record.answer_text == answer.text
    assert record.recommended == ["wbso", "mit", "innovatiekrediet"]
    assert record.citations[0]["passage_id"] == "card-wbso-1"
    assert record.citations[0]["quote"] == "WBSO past."
    assert record.config == {"embedder": "hashing", "retriever": "hybrid"}
    assert record.expected_instruments == ["mit"]
    assert record.profile["employees"] == 12
    assert record.created.endswith("+00:00")


def test_unknown_rating_is_refused(store: FeedbackStore) -> None:
    with pytest.raises(FeedbackError):
        store.add(_answer(), "meh")  # type: ignore[arg-type]
    assert store.count() == 0


def test_export_produces_valid_eval_lines(store: FeedbackStore) -> None:
    store.add(_answer(), "down", expected_instruments=["mit", "innovatiekrediet"])
    store.add(_answer("Is de WBSO iets voor mij?", intent="compare"), "up")
    store.add(_answer("Wat is het weer morgen?", intent="out_of_scope", declined=True,
                      recommendations=[], citations=[]), "up")
    store.add(_answer("Geen idee", recommendations=[]), "down")  # teaches nothing: left out
    lines = store.export_eval_lines()
    items = parse_set("\n".join(lines), "feedback")
    assert len(items) == 3
    corrected, confirmed, declined = items
    assert corrected.expected_instruments == ["mit", "innovatiekrediet"]
    assert corrected.type == "recommend" and corrected.answerable
    assert corrected.profile == {"employees": 12, "size": "small", "sector": "software",
                                 "activity": ["own_rnd"]}
    assert confirmed.type == "explain"
    assert confirmed.expected_instruments == ["wbso"]
    assert confirmed.acceptable_instruments == ["mit", "innovatiekrediet"]
    assert declined.type == "out_of_scope" and declined.answerable is False
    assert len({i.id for i in items}) == 3
    assert all(json.loads(line)["lang"] == "nl" for line in lines)


def test_contract_profile_reads_back_as_a_profile() -> None:
    from instruments.profile import CompanyProfile

    profile = CompanyProfile.from_contract(contract_profile(_answer().profile))
    assert profile.employees == 12
    assert "own_rnd" in profile.activities


def write_concurrently(store: FeedbackStore, threads: int, per_thread: int) -> None:
    """`threads` threads each add `per_thread` rows at once; any error fails the test."""
    errors: list[BaseException] = []

    def write(worker: int) -> None:
        try:
            for i in range(per_thread):
                store.add(_answer(f"vraag {worker}-{i}"), "up" if i % 2 else "down")
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    workers = [threading.Thread(target=write, args=(w,)) for w in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert not errors


def test_concurrent_writes_lose_no_rows(store: FeedbackStore) -> None:
    threads, per_thread = 8, 25
    write_concurrently(store, threads, per_thread)
    records = store.all()
    assert store.count() == len(records) == threads * per_thread
    assert len({r.question for r in records}) == threads * per_thread
