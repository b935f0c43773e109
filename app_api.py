"""The JSON API beside the page (`finder serve`): POST /v1/ask, POST /v1/check,
GET /v1/search, GET /v1/health, described at /openapi.json and /docs.

Bodies are the models the CLI's JSON prints: an ask returns the Answer of `finder ask --json`
plus the conversation id; a check returns the rows of `finder check --json`; a search the rows
of `finder search --json`. Every field has a limit; bad input is a 4xx with the field named,
never a traceback. Conversations are kept here, bounded in number and expiring.
"""

from __future__ import annotations

import json
import logging
import secrets
import threading
import time
from collections import OrderedDict
from typing import Annotated, Any, Literal

from fastapi import APIRouter, FastAPI, HTTPException, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field

from app_pool import Answerer
from assistant.answer import Answer
from assistant.dialogue import Conversation
from assistant.errors import user_message
from assistant.finder import Finder
from assistant.settings import MAX_K
from instruments.eligibility import eligibility_rows, evaluate_all
from instruments.profile import CompanyProfile, ProfileError

log = logging.getLogger(__name__)

# Conversations kept at once and how long an idle one lives. 1,000 x ~20 KB of answers stays
# far below the machine's memory; 30 minutes is longer than a sitting with the page.
CONVERSATIONS_KEPT = 1000
CONVERSATION_IDLE_S = 1800
MAX_PROFILE_KEYS = 40  # the contract's profile has 13 keys; room for the page's own fields
MAX_QUERY_CHARS = 500  # a search query; questions have FINDER_MAX_QUESTION_CHARS
ID_PATTERN = r"^[A-Za-z0-9_-]{8,64}$"


class AskRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    question: str = Field(min_length=1, max_length=100_000, description=(
        "What the user typed; longer than FINDER_MAX_QUESTION_CHARS is refused with 422."))
    conversation_id: str | None = Field(default=None, pattern=ID_PATTERN, description=(
        "From an earlier reply, to go on with that conversation; unknown or expired ids start a "
        "new one (the reply says so)."))
    profile: dict[str, Any] | None = Field(default=None, max_length=MAX_PROFILE_KEYS,
                                           description="What is known about the company, in "
                                           "the eval contract's profile keys.")
    lang: Literal["nl", "en"] | None = Field(default=None, description=(
        "Language until the messages show one (a quick reply such as 'ja' says nothing)."))


class AskReply(Answer):
    conversation_id: str = Field(description="Send it back to go on with this conversation.")
    conversation_note: str | None = Field(default=None, description=(
        "Set when the conversation_id sent was unknown or expired and a new one began."))


class CheckRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    profile: dict[str, Any] = Field(max_length=MAX_PROFILE_KEYS)
    lang: Literal["nl", "en"] = "nl"


class Conversations:
    """Conversations by id: at most CONVERSATIONS_KEPT, each forgotten after being idle."""

    def __init__(self, kept: int = CONVERSATIONS_KEPT, idle_s: float = CONVERSATION_IDLE_S):
        self.kept, self.idle_s = kept, idle_s
        self._items: OrderedDict[str, tuple[float, Conversation]] = OrderedDict()
        self._lock = threading.Lock()

    def take(self, conversation_id: str | None) -> tuple[str, Conversation, bool]:
        """(id, conversation, found): a new one when the id is absent, unknown or expired."""
        now = time.monotonic()
        with self._lock:
            self._forget_idle(now)
            if conversation_id and conversation_id in self._items:
                return conversation_id, self._items[conversation_id][1], True
        return secrets.token_urlsafe(16), Conversation(), False

    def keep(self, conversation_id: str, conversation: Conversation) -> None:
        with self._lock:
            self._items[conversation_id] = (time.monotonic(), conversation)
            self._items.move_to_end(conversation_id)
            while len(self._items) > self.kept:
                self._items.popitem(last=False)

    def _forget_idle(self, now: float) -> None:
        while self._items:
            first, (seen, _) = next(iter(self._items.items()))
            if now - seen <= self.idle_s:
                return
            del self._items[first]


def _field_error(field: str, message: str) -> HTTPException:
    return HTTPException(422, [{"loc": ["body", field], "msg": message, "type": "value_error"}])


def _profile(data: dict[str, Any] | None) -> CompanyProfile | None:
    if data is None:
        return None
    try:
        return CompanyProfile.from_contract(data)
    except ProfileError as exc:
        raise _field_error("profile", str(exc)) from None


NEW_CONVERSATION = {
    "nl": "Dat gesprek ken ik niet (meer); dit is een nieuw gesprek.",
    "en": "That conversation is unknown or has expired; this is a new one.",
}


def build_router(finder: Finder, answerer: Answerer | None = None) -> APIRouter:
    router = APIRouter(prefix="/v1")
    conversations = Conversations()

    @router.post("/ask", response_model=AskReply)
    def ask(request: AskRequest) -> AskReply:
        if len(request.question) > finder.settings.max_question_chars:
            raise _field_error("question", f"at most {finder.settings.max_question_chars} "
                               "characters (FINDER_MAX_QUESTION_CHARS)")
        profile = _profile(request.profile)
        conversation_id, conversation, found = conversations.take(request.conversation_id)
        if request.lang and not conversation.answers:
            conversation.preferred_lang = request.lang
        answer = (answerer or finder).ask(request.question, conversation, profile)
        conversation.add(answer)
        conversations.keep(conversation_id, conversation)
        note = None
        if request.conversation_id and not found:
            note = NEW_CONVERSATION[answer.lang]
        return AskReply(**answer.model_dump(), conversation_id=conversation_id,
                        conversation_note=note)

    @router.post("/check")
    def check(request: CheckRequest) -> list[dict[str, str]]:
        profile = _profile(request.profile)
        assert profile is not None
        return eligibility_rows(evaluate_all(list(finder.catalog), profile), request.lang)

    @router.get("/search")
    def search(q: Annotated[str, Query(min_length=1, max_length=MAX_QUERY_CHARS)],
               k: Annotated[int, Query(ge=1, le=MAX_K)] = 8) -> list[dict[str, Any]]:
        return [hit.as_row() for hit in finder.search(q, k=k)]

    @router.get("/health")
    def health() -> dict[str, Any]:
        return {"status": "ok", "passages": finder.store.count(),
                "embedder": finder.embedder.identity}

    return router


def add_api(app: FastAPI, finder: Finder, answerer: Answerer | None = None) -> None:
    """The /v1 routes, and every known failure as one clear JSON reply (503: the index or a
    server it needs; the message says what to run)."""
    app.include_router(build_router(finder, answerer))

    @app.exception_handler(Exception)
    async def known_failure(request: Request, exc: Exception) -> JSONResponse:
        message = user_message(exc)
        if message is None:  # a real bug: its traceback, never the request body
            log.error("%s %s failed", request.method, request.url.path, exc_info=exc)
            return JSONResponse({"detail": "internal error"}, status_code=500)
        return JSONResponse({"detail": message}, status_code=503)


# A question (2,000 characters), a full profile and the page's own requests stay under 16 KB;
# four times that leaves room without letting a client make the server read megabytes.
MAX_BODY_BYTES = 64 * 1024
UPLOAD_PATH_END = "/upload"  # gradio's upload route: the page has no upload component


class RequestLimits:
    """ASGI middleware around the page and the API: a body over MAX_BODY_BYTES gets 413, the
    upload route 404, and a failure gradio leaves unhandled one warning line and a 400 (an
    unknown fn_index used to write a traceback into the log)."""

    def __init__(self, app: Any, max_body: int = MAX_BODY_BYTES):
        self.app, self.max_body = app, max_body

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        refusal = self._refusal(scope)
        if refusal:
            await _reply(send, *refusal)
            return
        exchange = _Exchange(receive, send, self.max_body)
        try:
            await self.app(scope, exchange.receive, exchange.send)
        except Exception as exc:  # gradio's routes leave some errors unhandled
            log.warning("%s %s refused: %s", scope["method"], scope["path"], type(exc).__name__)
            await exchange.fail(400, "this request cannot be handled")
        else:
            await exchange.flush()

    def _refusal(self, scope: dict[str, Any]) -> tuple[int, str] | None:
        if scope["path"].endswith(UPLOAD_PATH_END) and scope["method"] == "POST":
            return 404, "this server accepts no uploads"
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_body):
            return 413, f"request body over {self.max_body} bytes"
        return None


class _Exchange:
    """One request's receive and send: the body counted (past the limit: a 413 at once), a 500
    reply held back (starlette sends its error page just before it re-raises, and we answer
    that failure ourselves)."""

    def __init__(self, receive: Any, send: Any, max_body: int):
        self._receive, self._send, self.max_body = receive, send, max_body
        self.received, self.started = 0, False
        self.held: list[dict[str, Any]] = []

    async def receive(self) -> dict[str, Any]:
        message = dict(await self._receive())
        self.received += len(message.get("body", b""))
        if self.received > self.max_body:  # a body without a length, grown past the limit:
            await self.fail(413, f"request body over {self.max_body} bytes")  # answer now,
            return {"type": "http.disconnect"}  # and the app sees a client that went away
        return message

    async def send(self, message: dict[str, Any]) -> None:
        if self.received > self.max_body:
            return  # the 413 is sent
        if self.held or (message["type"] == "http.response.start" and message["status"] == 500):
            self.held.append(message)
            return
        self.started = self.started or message["type"] == "http.response.start"
        await self._send(message)

    async def fail(self, status: int, detail: str) -> None:
        if not self.started:
            self.started = True
            await _reply(self._send, status, detail)

    async def flush(self) -> None:
        for message in self.held:
            await self._send(message)


async def _reply(send: Any, status: int, detail: str) -> None:
    body = json.dumps({"detail": detail}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})
