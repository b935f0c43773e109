"""The optional LLM answerer against a real local HTTP endpoint that is up, down, slow or broken.

A stdlib server on 127.0.0.1 speaks the OpenAI chat-completions protocol (POST
/v1/chat/completions) and the Ollama protocol (POST /api/chat, streamed NDJSON or one object).
The finder is built through the real path (Settings -> init_chat_model -> ChatOpenAI /
ChatOllama), so time-outs, retries and parsing are those of the real clients.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import logging
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from assistant.answer import Answer
from assistant.feedback import FeedbackStore
from assistant.finder import Finder, build_finder
from assistant.settings import Settings

TIMEOUT_S = 1.5
MARGIN_S = 3.0  # a correctness bound (nothing hangs), not a performance target
SECRET = "sk-test-DUMMY-never-log-me-0123456789"
QUESTION_NL = "Wat is de WBSO en past die bij een bedrijf met 12 medewerkers?"
QUESTION_EN = "What is the WBSO and does it fit a company with 12 employees?"
NOTICE = {"nl": "taalmodel was niet bereikbaar", "en": "language model was unavailable"}
GOOD_TEXT = "De WBSO verlaagt de loonheffing voor speur- en ontwikkelwerk [1]. Zie ook [9]."
FAILURES = ["slow", "garbage", "not_json_reply", "wrong_shape", "error"]


@dataclass
class Endpoint:
    """What the fake endpoint does (`mode`) and what it received."""

    mode: str = "good"
    requests: list[dict[str, Any]] = field(default_factory=list)
    headers: list[dict[str, str]] = field(default_factory=list)
    release: threading.Event = field(default_factory=threading.Event)


def _reply_content(mode: str) -> str:
    if mode == "not_json_reply":
        return "Sure! The WBSO is a great scheme for you, no JSON needed."
    return json.dumps({"text": GOOD_TEXT, "cited": [1, 9], "declined": False})


def _openai_body(model: str, mode: str) -> dict[str, Any]:
    if mode == "wrong_shape":
        return {"hello": "world"}
    return {
        "id": "chatcmpl-test",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model,
        "choices": [{
            "index": 0,
            "message": {"role": "assistant", "content": _reply_content(mode)},
            "finish_reason": "stop",
        }],
        "usage": {"prompt_tokens": 10, "completion_tokens": 10, "total_tokens": 20},
    }


def _ollama_lines(model: str, mode: str, stream: bool) -> list[dict[str, Any]]:
    if mode == "wrong_shape":
        return [{"hello": "world"}]
    stamp = "2024-01-01T00:00:00Z"
    content = _reply_content(mode)
    done = {"model": model, "created_at": stamp, "done": True, "done_reason": "stop",
            "message": {"role": "assistant", "content": "" if stream else content}}
    if not stream:
        return [done]
    part = {"model": model, "created_at": stamp, "done": False,
            "message": {"role": "assistant", "content": content}}
    return [part, done]


class Handler(BaseHTTPRequestHandler):
    server: EndpointServer

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_POST(self) -> None:
        endpoint = self.server.endpoint
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
        endpoint.requests.append(body)
        endpoint.headers.append({k.lower(): v for k, v in self.headers.items()})
        mode = endpoint.mode
        if mode == "slow":
            endpoint.release.wait(30)  # released at teardown; the client gives up long before
        with contextlib.suppress(OSError):  # the client hung up (time-out): nothing to answer
            self._answer(mode, body)

    def _answer(self, mode: str, body: dict[str, Any]) -> None:
        model = str(body.get("model", ""))
        if mode == "error":
            self._send(500, b'{"error": {"message": "boom", "type": "server_error"}}')
        elif mode == "garbage":
            self._send(200, b"<html>502 Bad Gateway \x00\xff not json", "application/json")
        elif self.path.startswith("/v1/chat/completions"):
            self._send(200, json.dumps(_openai_body(model, mode)).encode())
        elif self.path.startswith("/api/chat"):
            lines = _ollama_lines(model, mode, bool(body.get("stream", True)))
            payload = "".join(json.dumps(line) + "\n" for line in lines)
            self._send(200, payload.encode(), "application/x-ndjson")
        else:
            self._send(404, b'{"error": "not found"}')

    def _send(self, status: int, payload: bytes, kind: str = "application/json") -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)


class EndpointServer(ThreadingHTTPServer):
    daemon_threads = True
    endpoint: Endpoint


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def server() -> Iterator[tuple[EndpointServer, str]]:
    httpd = EndpointServer(("127.0.0.1", 0), Handler)
    httpd.endpoint = Endpoint()
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd, f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.endpoint.release.set()
    httpd.shutdown()
    httpd.server_close()
    thread.join(5)


@pytest.fixture
def endpoint(server: tuple[EndpointServer, str]) -> Iterator[Endpoint]:
    """A fresh endpoint state per test, in mode `good` unless the test changes it."""
    httpd, _ = server
    httpd.endpoint.release.set()  # let a slow handler of an earlier test finish
    httpd.endpoint = Endpoint()
    yield httpd.endpoint
    httpd.endpoint.release.set()


def _settings(index: Path, spec: str, base_url: str) -> Settings:
    return Settings(embedder="hashing", index_dir=index, collection="llm-test", answerer="llm",
                    llm=spec, llm_base_url=base_url, llm_timeout_s=TIMEOUT_S)


def _ready(finder: Finder) -> Finder:
    assert finder.service.llm is not None, finder.llm_problem  # index opened before timing
    return finder


def _sharing_index(base: Finder, finder: Finder) -> Finder:
    """`finder` (its LLM wired through the real path) answering with `base`'s opened index and
    service, only to keep this file fast: opening the index costs seconds per finder."""
    finder.__dict__["service"] = dataclasses.replace(
        base.service, llm=finder.llm, llm_problem=finder.llm_problem, config=finder.config()
    )
    return _ready(finder)


@pytest.fixture(scope="module")
def openai_finder(llm_index: Path, server: tuple[EndpointServer, str]) -> Iterator[Finder]:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("OPENAI_API_KEY", SECRET)
        yield _ready(build_finder(_settings(llm_index, "openai:test-model", f"{server[1]}/v1")))


@pytest.fixture(scope="module")
def ollama_finder(llm_index: Path, server: tuple[EndpointServer, str], openai_finder: Finder
                  ) -> Finder:
    finder = build_finder(_settings(llm_index, "ollama:test-model", server[1]))
    return _sharing_index(openai_finder, finder)


@pytest.fixture(scope="module")
def down_finder(llm_index: Path, openai_finder: Finder) -> Iterator[Finder]:
    base_url = f"http://127.0.0.1:{_closed_port()}/v1"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("OPENAI_API_KEY", SECRET)
        finder = build_finder(_settings(llm_index, "openai:test-model", base_url))
    yield _sharing_index(openai_finder, finder)


def _executor_threads() -> set[threading.Thread]:
    return {t for t in threading.enumerate() if t.name.startswith("ThreadPoolExecutor")}


def _timed_ask(finder: Finder, question: str) -> tuple[Answer, float]:
    started = time.monotonic()
    answer = finder.ask(question)
    return answer, time.monotonic() - started


def _assert_fallback(answer: Answer, elapsed: float, lang: str, caplog: Any) -> None:
    assert elapsed < TIMEOUT_S + MARGIN_S, f"fallback took {elapsed:.2f} s"
    assert answer.notice and NOTICE[lang] in answer.notice, answer.notice
    assert answer.lang == lang
    assert "WBSO" in answer.text and answer.citations, "the composer's answer is kept"
    assert GOOD_TEXT not in answer.text
    assert set(answer.cited_ids()) <= set(answer.retrieved)
    assert SECRET not in answer.model_dump_json() and SECRET not in caplog.text


def _assert_worker_ends(before: set[threading.Thread]) -> None:
    """The LLM call does not keep a thread busy after the fallback (the client times out)."""
    deadline = time.monotonic() + TIMEOUT_S + MARGIN_S
    while (_executor_threads() - before) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not (_executor_threads() - before), "the LLM worker thread is still running"


# -- OpenAI-compatible endpoint -----------------------------------------------------------
@pytest.mark.server
def test_openai_good_reply_is_used(openai_finder: Finder, endpoint: Endpoint, caplog) -> None:  # type: ignore[no-untyped-def]
    caplog.set_level(logging.DEBUG)
    answer, _ = _timed_ask(openai_finder, QUESTION_NL)
    assert answer.notice is None
    assert answer.config["answerer"] == "llm:openai:test-model"
    assert answer.text.startswith("De WBSO verlaagt de loonheffing voor speur- en ontwikkelwerk")
    assert "[9]" not in answer.text, "a source the model was not given is dropped"
    assert [c.n for c in answer.citations] == [1]
    assert set(answer.cited_ids()) <= set(answer.retrieved)
    assert len(endpoint.requests) == 1, "one request, no retries"
    sent = endpoint.requests[0]
    assert sent["model"] == "test-model" and sent["temperature"] == 0
    system, user = sent["messages"]
    assert system["role"] == "system" and user["role"] == "user"
    assert "Dutch" in system["content"] and "never instructions" in system["content"]
    for key in ('"text"', '"cited"', '"declined"', "JSON"):
        assert key in system["content"], f"the model is told the reply format ({key})"
    assert "SOURCES:" in user["content"] and "[1] Instrumentkaart WBSO" in user["content"]
    assert QUESTION_NL in user["content"]
    assert endpoint.headers[0]["authorization"] == f"Bearer {SECRET}"
    assert any(r.name.startswith("openai") for r in caplog.records), "client debug log captured"
    assert SECRET not in caplog.text and SECRET not in answer.model_dump_json()


@pytest.mark.server
@pytest.mark.parametrize("mode", FAILURES)
def test_openai_failure_falls_back_in_time(  # type: ignore[no-untyped-def]
    openai_finder: Finder, endpoint: Endpoint, mode: str, caplog
) -> None:
    caplog.set_level(logging.DEBUG)
    endpoint.mode = mode
    before = _executor_threads()
    answer, elapsed = _timed_ask(openai_finder, QUESTION_NL)
    _assert_fallback(answer, elapsed, "nl", caplog)
    assert len(endpoint.requests) == 1, "no retries beyond the time-out"
    assert "LLM" in caplog.text, "the fallback is logged"
    _assert_worker_ends(before)
    print(f"openai {mode}: fallback after {elapsed:.2f} s")


@pytest.mark.server
@pytest.mark.parametrize("mode", ["not_json_reply", "error"])
def test_english_question_gets_english_notice(  # type: ignore[no-untyped-def]
    openai_finder: Finder, endpoint: Endpoint, mode: str, caplog
) -> None:
    endpoint.mode = mode
    answer, elapsed = _timed_ask(openai_finder, QUESTION_EN)
    _assert_fallback(answer, elapsed, "en", caplog)


def test_openai_endpoint_down_falls_back_at_once(down_finder: Finder, caplog) -> None:  # type: ignore[no-untyped-def]
    caplog.set_level(logging.DEBUG)
    before = _executor_threads()
    answer, elapsed = _timed_ask(down_finder, QUESTION_NL)
    _assert_fallback(answer, elapsed, "nl", caplog)
    assert "LLM failed" in caplog.text and "timed out" not in caplog.text, "refused, not waited"
    _assert_worker_ends(before)
    print(f"openai down: fallback after {elapsed:.2f} s")


# -- Ollama endpoint ------------------------------------------------------------------------
@pytest.mark.server
def test_ollama_good_reply_is_used(ollama_finder: Finder, endpoint: Endpoint) -> None:
    answer, _ = _timed_ask(ollama_finder, QUESTION_NL)
    assert answer.notice is None and answer.config["answerer"] == "llm:ollama:test-model"
    assert [c.n for c in answer.citations] == [1] and "[9]" not in answer.text
    sent = endpoint.requests[0]
    assert sent["model"] == "test-model"
    assert [m["role"] for m in sent["messages"]] == ["system", "user"]
    assert "[1] Instrumentkaart WBSO" in sent["messages"][1]["content"]


@pytest.mark.server
@pytest.mark.parametrize("mode", ["slow", "garbage", "not_json_reply", "wrong_shape", "error"])
def test_ollama_failure_falls_back_in_time(  # type: ignore[no-untyped-def]
    ollama_finder: Finder, endpoint: Endpoint, mode: str, caplog
) -> None:
    endpoint.mode = mode
    before = _executor_threads()
    answer, elapsed = _timed_ask(ollama_finder, QUESTION_NL)
    _assert_fallback(answer, elapsed, "nl", caplog)
    _assert_worker_ends(before)
    print(f"ollama {mode}: fallback after {elapsed:.2f} s")


# -- the page ------------------------------------------------------------------------------
def _page_reply(finder: Finder, tmp_path: Path) -> tuple[dict[str, Any], float]:
    import app  # gradio: imported only by the page tests

    page = app.Page(finder, FeedbackStore(tmp_path / "feedback.sqlite3"), stream_delay=0,
                    csv_dir=tmp_path)
    started = time.monotonic()
    views = list(page.respond(QUESTION_NL, app.ChatState(), "nl"))
    return views[-1], time.monotonic() - started


def test_page_answers_with_the_composer_when_the_endpoint_is_down(  # type: ignore[no-untyped-def]
    down_finder: Finder, tmp_path: Path
) -> None:
    final, elapsed = _page_reply(down_finder, tmp_path)
    assert elapsed < TIMEOUT_S + MARGIN_S
    answer = final["state"].last
    assert answer is not None and answer.notice and NOTICE["nl"] in answer.notice
    reply = final["chatbot"][-1]["content"]
    assert "Traceback" not in reply and "notice-error" not in reply
    assert "WBSO" in reply and '<button type="button" class="cite"' in reply


def test_page_shows_the_fallback_notice(down_finder: Finder, tmp_path: Path) -> None:
    final, _ = _page_reply(down_finder, tmp_path)
    assert NOTICE["nl"] in final["chatbot"][-1]["content"], "the user sees the fallback notice"
