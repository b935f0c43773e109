"""Answers from worker processes (app_pool): the same answers, conversations kept, a dead
worker replaced."""

from __future__ import annotations

import os
import signal

import pytest

from app_pool import AnswerPool, WorkerStopped
from assistant.dialogue import Conversation


@pytest.fixture(scope="module")
def pool(built_finder):  # type: ignore[no-untyped-def]
    answers = AnswerPool(built_finder.settings, workers=2)
    answers.warm()
    yield answers
    answers.close()


def test_a_worker_gives_the_same_answer_as_the_finder(pool, built_finder) -> None:  # type: ignore[no-untyped-def]
    question = "Welke regeling past bij een softwarebedrijf met 12 medewerkers dat R&D doet?"
    assert pool.ask(question).text == built_finder.ask(question).text


def test_the_conversation_travels_to_the_worker_and_back(pool) -> None:  # type: ignore[no-untyped-def]
    conversation = Conversation()
    conversation.add(pool.ask("Wij zijn een bakkerij met 8 man.", conversation))
    answer = pool.ask("Welke regeling past?", conversation)
    assert answer.profile["employees"] == 8


def test_a_killed_worker_is_one_message_and_the_pool_goes_on(pool) -> None:  # type: ignore[no-untyped-def]
    victim = next(iter(pool._executor._processes))  # a worker's pid
    os.kill(victim, signal.SIGKILL)
    with pytest.raises(WorkerStopped):
        for _ in range(4):  # the pool notices the dead worker on the next submissions
            pool.ask("Wat is de WBSO?")
    assert pool.ask("Wat is de WBSO?").text


def test_each_worker_gets_its_share_of_the_cores(built_finder) -> None:  # type: ignore[no-untyped-def]
    """More BLAS threads than cores made two embedding processes 14x slower (load.md)."""
    settings = built_finder.settings.model_copy(update={"model_threads": 8})
    answers = AnswerPool(settings, workers=2)
    try:
        assert answers.settings.model_threads == max(1, (os.cpu_count() or 1) // 2)
    finally:
        answers.close()
