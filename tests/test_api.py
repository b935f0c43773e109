"""The JSON API beside the page (app_api): the same answers as the CLI, limits, clear 4xx."""

from __future__ import annotations

import logging

import pytest
from fastapi.testclient import TestClient

import app
from app_api import MAX_BODY_BYTES, Conversations
from assistant.dialogue import Conversation


@pytest.fixture(scope="module")
def client(built_finder) -> TestClient:  # type: ignore[no-untyped-def]
    return TestClient(app.create_app(built_finder), raise_server_exceptions=False)


def test_ask_returns_the_cli_answer_and_a_conversation_that_goes_on(client, built_finder) -> None:  # type: ignore[no-untyped-def]
    first = client.post("/v1/ask", json={"question": "Wij zijn een bakkerij met 8 man."})
    assert first.status_code == 200
    body = first.json()
    cli_answer = built_finder.ask("Wij zijn een bakkerij met 8 man.").model_dump(mode="json")
    assert set(cli_answer) <= set(body) and body["text"] == cli_answer["text"]
    again = client.post("/v1/ask", json={"question": "Welke regeling past?",
                                         "conversation_id": body["conversation_id"]})
    assert again.json()["profile"]["employees"] == 8, "the conversation kept the stated facts"
    assert again.json()["conversation_id"] == body["conversation_id"]


def test_an_unknown_conversation_id_starts_a_new_one_and_says_so(client) -> None:  # type: ignore[no-untyped-def]
    reply = client.post("/v1/ask", json={"question": "Wat is de WBSO?",
                                         "conversation_id": "no-such-conversation"}).json()
    assert reply["conversation_note"] and reply["conversation_id"] != "no-such-conversation"
    assert client.post("/v1/ask", json={"question": "Wat is de WBSO?"}).json()[
        "conversation_note"] is None


def test_lang_holds_until_a_message_shows_one(client) -> None:  # type: ignore[no-untyped-def]
    assert client.post("/v1/ask", json={"question": "ok", "lang": "en"}).json()["lang"] == "en"
    assert client.post("/v1/ask", json={"question": "ok", "lang": "nl"}).json()["lang"] == "nl"


def test_conversations_are_bounded_and_expire() -> None:
    kept = Conversations(kept=2)
    for name in ("a" * 8, "b" * 8, "c" * 8):
        kept.keep(name, Conversation())
    assert not kept.take("a" * 8)[2] and kept.take("c" * 8)[2]
    idle = Conversations(idle_s=0)
    idle.keep("d" * 8, Conversation())
    assert not idle.take("d" * 8)[2]


@pytest.mark.parametrize("body, field", [
    ({"question": 5}, "question"),
    ({"question": "x" * 2001}, "question"),
    ({"question": ""}, "question"),
    ({"question": "WBSO?", "conversation_id": "../../etc"}, "conversation_id"),
    ({"question": "WBSO?", "profile": {"employees": "veel"}}, "profile"),
    ({"question": "WBSO?", "lang": "de"}, "lang"),
    ({"question": "WBSO?", "debug": True}, "debug"),
])
def test_a_bad_field_is_a_422_naming_it(client, body, field) -> None:  # type: ignore[no-untyped-def]
    reply = client.post("/v1/ask", json=body)
    assert reply.status_code == 422
    assert any(field in error["loc"] for error in reply.json()["detail"]), reply.json()


def test_invalid_json_is_a_422(client) -> None:  # type: ignore[no-untyped-def]
    reply = client.post("/v1/ask", content=b"{oops", headers={"content-type": "application/json"})
    assert reply.status_code == 422


def test_a_body_over_the_limit_is_a_413(client) -> None:  # type: ignore[no-untyped-def]
    big = b'{"question": "' + b"x" * MAX_BODY_BYTES + b'"}'
    assert client.post("/v1/ask", content=big,
                       headers={"content-type": "application/json"}).status_code == 413



@pytest.mark.parametrize("k", ["0", "-5", "1000", "abc"])
def test_search_k_must_be_sensible(client, k) -> None:  # type: ignore[no-untyped-def]
    reply = client.get("/v1/search", params={"q": "WBSO", "k": k})
    assert reply.status_code == 422 and "k" in reply.json()["detail"][0]["loc"]


def test_search_returns_the_cli_rows(client, built_finder) -> None:  # type: ignore[no-untyped-def]
    rows = client.get("/v1/search", params={"q": "WBSO", "k": 3}).json()
    assert [r["id"] for r in rows] == [h.passage.id for h in built_finder.search("WBSO", k=3)]


def test_check_returns_a_row_per_instrument(client, built_finder) -> None:  # type: ignore[no-untyped-def]
    rows = client.post("/v1/check", json={"profile": {"employees": 12}}).json()
    assert {r["instrument_id"] for r in rows} == set(built_finder.catalog.ids())
    assert client.post("/v1/check", json={"profile": {"size": "huge"}}).status_code == 422


def test_health_openapi_and_docs(client) -> None:  # type: ignore[no-untyped-def]
    assert client.get("/v1/health").json()["passages"] > 1000
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/v1/ask", "/v1/check", "/v1/search", "/v1/health"} <= set(paths)
    assert client.get("/docs").status_code == 200
    assert client.get("/").status_code == 200, "the page is served at /"
    assert client.get("/monitoring").status_code != 200


def test_uploads_are_refused(client) -> None:  # type: ignore[no-untyped-def]
    reply = client.post("/gradio_api/upload", files={"files": ("a.txt", b"hello")})
    assert reply.status_code == 404


def test_an_unknown_event_is_one_warning_line(client, caplog) -> None:  # type: ignore[no-untyped-def]
    with caplog.at_level(logging.WARNING):
        reply = client.post("/gradio_api/queue/join",
                            json={"data": ["typed-secret"], "fn_index": 999, "session_hash": "s1"})
    assert reply.status_code == 400
    lines = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(lines) == 1 and lines[0].exc_info is None
    assert "typed-secret" not in caplog.text
