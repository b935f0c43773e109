"""Answers computed in worker processes, shared by the page and the JSON API.

Composing an answer is CPU-bound Python (about 30 ms), so threads in one process share one
core. `AnswerPool` keeps FINDER_WORKERS processes (one per core by default), each with its own
finder built and warmed once at start; a request sends the question, the conversation and the
profile, and gets the Answer back. Nothing is rebuilt per request. The server process keeps its
own finder for what is cheap (the catalog, the source panel, search, check).
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
import time
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Protocol

from assistant.answer import Answer
from assistant.dialogue import Conversation
from assistant.errors import Unavailable
from assistant.settings import Settings
from instruments.profile import CompanyProfile

log = logging.getLogger(__name__)

# Longest wait for one answer: a worker answers in well under a second; a minute means it hung.
ANSWER_TIMEOUT_S = 60.0


class Answerer(Protocol):
    def ask(self, question: str, conversation: Conversation | None = None,
            profile: CompanyProfile | None = None) -> Answer: ...


class WorkerStopped(Unavailable):
    """A worker process died (killed, out of memory); the pool was restarted."""


_FINDER = None  # the worker's own finder, built by _start_worker


def _start_worker(settings: Settings) -> None:
    global _FINDER
    from assistant.finder import build_warm_finder

    _exit_with_parent()
    _FINDER = build_warm_finder(settings)


PARENT_CHECK_S = 2.0  # how soon a worker notices that the server process is gone


def _exit_with_parent() -> None:
    """A worker ends when the server process does, however that ended (a SIGKILL of the server
    left its workers running, found by the load runs)."""
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_S)
        os._exit(0)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _answer(question: str, conversation: Conversation | None,
            profile: CompanyProfile | None) -> Answer:
    assert _FINDER is not None, "the worker was started without its finder"
    return _FINDER.ask(question, conversation, profile)


def _ready() -> bool:
    return _FINDER is not None


class AnswerPool:
    """`ask` like Finder.ask, computed in one of `workers` processes."""

    def __init__(self, settings: Settings, workers: int):
        cores = os.cpu_count() or 1
        # each worker's models get its share of the cores: threads beyond them spin and stall
        self.settings = settings.model_copy(
            update={"model_threads": max(1, min(settings.model_threads, cores // workers))})
        self.workers = workers
        self._lock = threading.Lock()
        self._executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        # spawn, not fork: the server process runs threads (uvicorn, gradio) when a pool restarts
        return ProcessPoolExecutor(
            self.workers, mp_context=multiprocessing.get_context("spawn"),
            initializer=_start_worker, initargs=(self.settings,),
        )

    def warm(self) -> None:
        """Start every worker now (each builds its finder), not on the first questions."""
        futures = [self._executor.submit(_ready) for _ in range(self.workers * 2)]
        for future in futures:
            future.result(timeout=300)

    def ask(self, question: str, conversation: Conversation | None = None,
            profile: CompanyProfile | None = None) -> Answer:
        future: Future[Answer]
        try:
            future = self._executor.submit(_answer, question, conversation, profile)
            return future.result(timeout=ANSWER_TIMEOUT_S)
        except BrokenProcessPool:
            self._restart()
            raise WorkerStopped("an answer worker stopped; please ask again") from None
        except TimeoutError:
            raise Unavailable(
                f"no answer within {ANSWER_TIMEOUT_S:.0f} s; please ask again") from None

    def _restart(self) -> None:
        with self._lock:
            log.warning("an answer worker stopped; restarting the pool")
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = self._start()

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)
