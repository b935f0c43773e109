"""Activities read by meaning: the decision rule (with the guard tests' fake embedder), the bank
file, its place in the reading, and with the real model a held-out split of its own bank."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.dialogue import Conversation
from assistant.meaning import ActivityReader, read_bank
from tests.test_guard import AxisEmbeddings, BrokenEmbeddings

BANK = {"demonstration": ["a pilot at a port"], "own_rnd": ["wbso hours of our lab"],
        "none": ["a recipe for the canteen"]}


def _reader(**kw: float) -> ActivityReader:
    return ActivityReader(AxisEmbeddings(), BANK, **kw)


def test_the_nearest_label_is_read_when_close_and_clearly_not_ordinary() -> None:
    assert _reader().activity("we want a pilot with a customer") == "demonstration"
    assert _reader().activity("something else entirely") is None  # far from every example
    # as near to an ordinary plan as to an activity: not read
    assert _reader().activity("a pilot recipe") is None


def test_a_failing_model_reads_nothing() -> None:
    assert ActivityReader(BrokenEmbeddings(), BANK).activity("a pilot at a port") is None


def test_a_bank_row_without_a_text_is_refused(tmp_path: Path) -> None:
    bank = tmp_path / "bank.tsv"
    bank.write_text("# comment\nlabel\ttext\ndemonstration\ta pilot\nown_rnd\t\n")
    with pytest.raises(ValueError, match="without a label or a text"):
        read_bank(bank)


def test_the_shipped_bank_uses_known_activities() -> None:
    from typing import get_args

    from instruments.models import Activity

    labels = set(read_bank())
    assert "none" in labels
    assert labels - {"none"} <= set(get_args(Activity))


def test_a_meaning_read_activity_is_searched_not_taken_as_a_fact(built_finder) -> None:  # type: ignore[no-untyped-def]
    service = built_finder.service
    kept = service.activities
    service.activities = ActivityReader(AxisEmbeddings(), BANK, threshold=0.5, margin=0.05)
    try:  # "autopilot" is near the fake's pilot example, and no word rule reads an activity
        reading = service.reader.read("we are 12 people: which scheme helps us try our autopilot",
                                      Conversation())
    finally:
        service.activities = kept
    assert reading.intent == "recommend"
    assert reading.meant == ("demonstration",)
    assert reading.facts.activities == []


@pytest.mark.slow
def test_held_out_examples_are_read_by_the_rest() -> None:
    """Leave-one-out over the bank with the real USE model. Measured 2026-12-07 (54 examples,
    threshold 0.5): 15 right, 4 wrong, 25 not read; 9 of 10 ordinary plans read as none.
    Floors: what it reads is right at least 3 times in 4, and ordinary plans stay ordinary."""
    from retrieval.embedders import make_embedder

    reader = ActivityReader(make_embedder("use", "bundled"))
    right = wrong = ordinary_read = 0
    for label, texts in reader.examples.items():
        for i, text in enumerate(texts):
            got = reader.leave_out(label, i).activity(text)
            if label == "none":
                ordinary_read += got is not None
            elif got is not None:
                right += got == label
                wrong += got != label
    assert right / (right + wrong) >= 0.75, (right, wrong)
    assert ordinary_read <= 1
    assert right >= 12
