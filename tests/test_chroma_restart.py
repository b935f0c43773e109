"""The Chroma server going down, hanging or restarting while the page is in use.

What the user must see: a clear message in their own language (never a traceback), within a
bounded time, and normal answers again as soon as the server is back, without restarting the
app. Each test runs its own `chroma run` so it can stop, freeze and restart it.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import app
from app_render import ChatState
from assistant.feedback import FeedbackStore
from assistant.finder import build_finder
from assistant.settings import Settings
from retrieval.store import StoreUnavailable

pytestmark = pytest.mark.server

NL_QUESTION = "Welke regeling past bij ons bedrijf van 12 medewerkers dat software ontwikkelt?"
EN_QUESTION = "Which scheme fits our company of 12 employees that develops software?"
BOUND_S = 15.0  # a correctness bound: no request may hang, not a performance target
NL_DOWN = "zoekdienst is even niet bereikbaar"
EN_DOWN = "search service is unavailable"


class ChromaServer:
    """`chroma run` on a fixed folder and port, which the test may stop, freeze and restart."""

    def __init__(self, data: Path) -> None:
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = int(sock.getsockname()[1])
        self.data = data
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        chroma = shutil.which("chroma") or str(Path(sys.executable).parent / "chroma")
        self.proc = subprocess.Popen(
            [chroma, "run", "--path", str(self.data), "--host", "127.0.0.1",
             "--port", str(self.port)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            env={**os.environ, "ANONYMIZED_TELEMETRY": "False"},
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.5).close()
                return
            except OSError:
                if self.proc.poll() is not None:
                    raise RuntimeError("chroma run exited early (port still taken?)") from None
                time.sleep(0.3)
        self.stop()
        raise RuntimeError("chroma run did not start within 60 s")

    def stop(self) -> None:
        if self.proc is None:
            return
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGCONT)  # a frozen server cannot act on SIGTERM
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)
        self.proc = None

    def freeze(self) -> None:
        assert self.proc is not None
        self.proc.send_signal(signal.SIGSTOP)

    def thaw(self) -> None:
        assert self.proc is not None
        self.proc.send_signal(signal.SIGCONT)


@pytest.fixture
def server(tmp_path: Path) -> Iterator[ChromaServer]:
    chroma = ChromaServer(tmp_path / "chroma-data")
    chroma.start()
    try:
        yield chroma
    finally:
        chroma.stop()


@pytest.fixture
def page(server: ChromaServer, tmp_path: Path) -> app.Page:
    settings = Settings(embedder="hashing", chroma_url=server.url, collection="restart",
                        index_dir=tmp_path / "unused", feedback_db=tmp_path / "fb.sqlite3")
    finder = build_finder(settings)
    finder.ingest()
    return app.Page(finder, FeedbackStore(settings.feedback_db), stream_delay=0,
                    csv_dir=tmp_path)


def ask(page: app.Page, question: str, lang: str = "nl") -> tuple[dict[str, Any], float]:
    """The page's last view for one question, and how long it took; fails if it hangs."""
    result: dict[str, Any] = {}

    def run() -> None:
        try:
            result["views"] = list(page.respond(question, ChatState(), lang))
        except BaseException as exc:  # recorded: nothing may escape the handler
            result["error"] = exc

    started = time.monotonic()
    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(timeout=BOUND_S + 30)
    elapsed = time.monotonic() - started
    assert not worker.is_alive(), f"the handler hung for more than {elapsed:.0f} s"
    assert "error" not in result, f"an exception escaped the handler: {result.get('error')!r}"
    return result["views"][-1], elapsed


def reply(view: dict[str, Any]) -> str:
    return str(view["chatbot"][-1]["content"])


def assert_answered(view: dict[str, Any], lang: str) -> None:
    answer = view["state"].last
    assert answer is not None and answer.lang == lang
    assert answer.citations and answer.recommendations, answer.text
    assert answer.notice is None
    assert '<button type="button" class="cite"' in reply(view)


def assert_unavailable(view: dict[str, Any], elapsed: float, lang: str) -> None:
    text = reply(view)
    assert elapsed < BOUND_S, f"took {elapsed:.1f} s"
    assert (NL_DOWN if lang == "nl" else EN_DOWN) in text, text
    assert "Traceback" not in text and "Errno" not in text and "httpx" not in text, text
    answer = view["state"].last
    assert answer is not None and answer.lang == lang
    assert answer.notice == "store_unavailable"
    assert not answer.citations and not answer.recommendations, "nothing half-answered"


def test_server_down_then_restarted_mid_session(server: ChromaServer, page: app.Page) -> None:
    view, _ = ask(page, NL_QUESTION)
    assert_answered(view, "nl")
    searcher = page.finder.searcher

    server.stop()
    view, elapsed = ask(page, NL_QUESTION)
    assert_unavailable(view, elapsed, "nl")
    view, elapsed = ask(page, EN_QUESTION, "en")
    assert_unavailable(view, elapsed, "en")
    payload = page.api_ask(NL_QUESTION)
    assert NL_DOWN in payload["text"] and payload["notice"] == "store_unavailable"

    server.start()  # same folder, same port
    view, _ = ask(page, NL_QUESTION)
    assert_answered(view, "nl")
    view, _ = ask(page, EN_QUESTION, "en")
    assert_answered(view, "en")
    assert page.finder.searcher is searcher, "recovered without rebuilding the finder"


def test_frozen_server_times_out_instead_of_hanging(server: ChromaServer, page: app.Page) -> None:
    """A server that accepts connections but never answers (SIGSTOP) hits the time-out."""
    view, _ = ask(page, NL_QUESTION)
    assert_answered(view, "nl")
    server.freeze()
    try:
        view, elapsed = ask(page, NL_QUESTION)
    finally:
        server.thaw()
    assert_unavailable(view, elapsed, "nl")
    view, _ = ask(page, NL_QUESTION)
    assert_answered(view, "nl")


def test_collection_recreated_while_the_app_runs_is_picked_up(
    server: ChromaServer, page: app.Page
) -> None:
    """A rebuild elsewhere (`finder ingest --rebuild`) gives the collection a new id: the
    running app opens the new one at once instead of failing until it is restarted."""
    view, _ = ask(page, NL_QUESTION)
    assert_answered(view, "nl")
    other = build_finder(page.finder.settings)
    other.ingest(rebuild=True)
    view, _ = ask(page, NL_QUESTION)
    assert_answered(view, "nl")


def test_app_started_while_the_server_is_down_recovers_when_it_starts(
    server: ChromaServer, page: app.Page
) -> None:
    """A fresh app (nothing opened yet) while the server is down: a clear, bounded error,
    then normal answers once the server is up, still without rebuilding the finder."""
    fresh = app.Page(build_finder(page.finder.settings), page.store, stream_delay=0,
                     csv_dir=page.csv_dir)
    server.stop()
    view, elapsed = ask(fresh, NL_QUESTION)
    text = reply(view)
    assert elapsed < BOUND_S and "Traceback" not in text
    assert server.url in text and "notice-error" in text, text
    server.start()
    view, _ = ask(fresh, NL_QUESTION)
    assert_answered(view, "nl")


def test_store_unavailable_is_still_raised_below_the_service(
    server: ChromaServer, page: app.Page
) -> None:
    """The store and searcher keep raising StoreUnavailable (the CLI and eval abort on it)."""
    ask(page, NL_QUESTION)
    server.stop()
    started = time.monotonic()
    with pytest.raises(StoreUnavailable):
        page.finder.search("WBSO")
    assert time.monotonic() - started < BOUND_S
