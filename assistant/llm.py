"""The optional LLM answerer, through LangChain.

It rewrites the composer's answer in natural language from the same numbered sources and the
composer's eligibility verdicts. Whatever the model says, only sources it was given can be
cited: other numbers are dropped from the text and the citation list. Any failure (time-out,
unreachable endpoint, unparsable reply) returns None, and the caller keeps the composer's answer
with a notice.
"""

from __future__ import annotations

import concurrent.futures
import json
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import HumanMessage, SystemMessage
from pydantic import BaseModel, Field, ValidationError

from assistant.answer import Answer, Citation
from prompts.loader import load_llm_prompts

log = logging.getLogger(__name__)
_LANGUAGE = {"nl": "Dutch (Nederlands)", "en": "English"}
_JSON = re.compile(r"\{.*\}", re.DOTALL)
_MARKER = re.compile(r"\[(\d+)\]")


class LlmReply(BaseModel):
    """What the model must return, as one JSON object."""

    text: str = Field(min_length=1)
    cited: list[int] = Field(default_factory=list)
    declined: bool = False


class LlmUnavailable(RuntimeError):
    pass


def make_chat_model(spec: str, base_url: str | None, timeout_s: float) -> BaseChatModel:
    """`openai:<model>` (key from OPENAI_API_KEY) or `ollama:<model>`, via init_chat_model."""
    from langchain.chat_models import init_chat_model

    provider, _, model = spec.partition(":")
    if provider not in ("openai", "ollama") or not model:
        raise LlmUnavailable(
            f"FINDER_LLM must be 'openai:<model>' or 'ollama:<model>', not {spec!r}"
        )
    # a client-side time-out too, so a slow endpoint does not keep the worker thread busy
    kwargs: dict[str, Any] = (
        {"timeout": timeout_s, "max_retries": 0}
        if provider == "openai"
        else {"client_kwargs": {"timeout": timeout_s}}
    )
    if base_url:
        kwargs["base_url"] = base_url
    try:
        return init_chat_model(model, model_provider=provider, temperature=0, **kwargs)  # type: ignore[return-value]
    except Exception as exc:  # missing key, missing package ...
        raise LlmUnavailable(f"cannot set up the LLM {spec!r}: {exc}") from exc


def _sources(citations: Sequence[Citation]) -> str:
    lines = [f"[{c.n}] {c.label}: {c.quote}" for c in citations]
    return "\n".join(lines) or "(none)"


def _facts(answer: Answer) -> str:
    rows = [
        f"- {r.name}: {r.verdict}. " + " ".join(c.reason for c in r.criteria[:4])
        for r in answer.recommendations
    ]
    return "\n".join(rows) or "(no instruments evaluated)"


def _history(previous: Sequence[Answer]) -> str:
    return (
        "\n".join(f"user: {a.question}\nassistant: {a.text[:300]}" for a in previous[-3:])
        or "(none)"
    )


@dataclass
class LlmAnswerer:
    model: BaseChatModel
    timeout_s: float = 30.0
    name: str = "llm"

    def messages(self, draft: Answer, previous: Sequence[Answer]) -> list[Any]:
        prompts = load_llm_prompts()
        system = prompts["system"].format(language=_LANGUAGE[draft.lang])
        user = prompts["user"].format(
            sources=_sources(draft.citations),
            facts=_facts(draft),
            history=_history(previous),
            question=draft.question,
        )
        return [SystemMessage(system), HumanMessage(user)]

    def rewrite(self, draft: Answer, previous: Sequence[Answer] = ()) -> Answer | None:
        """The draft rewritten by the model, or None when the model failed."""
        messages = self.messages(draft, previous)
        pool = concurrent.futures.ThreadPoolExecutor(max_workers=1)
        try:
            reply = pool.submit(self.model.invoke, messages).result(timeout=self.timeout_s)
        except concurrent.futures.TimeoutError:
            log.warning("LLM timed out after %.1f s", self.timeout_s)
            return None
        except Exception as exc:  # network errors, auth errors, provider errors
            log.warning("LLM failed: %s", type(exc).__name__)
            return None
        finally:
            pool.shutdown(wait=False, cancel_futures=True)
        parsed = parse_reply(str(getattr(reply, "content", reply)))
        if parsed is None:
            log.warning("LLM reply was not the expected JSON")
            return None
        return apply_reply(draft, parsed, self.name)


def parse_reply(content: str) -> LlmReply | None:
    match = _JSON.search(content)
    if not match:
        return None
    try:
        return LlmReply.model_validate(json.loads(match.group(0)))
    except (json.JSONDecodeError, ValidationError):
        return None


def apply_reply(draft: Answer, reply: LlmReply, name: str) -> Answer:
    """Keep only citations the draft gave the model; renumber them in order of use."""
    given = {c.n: c for c in draft.citations}
    used = [n for n in dict.fromkeys(int(x) for x in _MARKER.findall(reply.text)) if n in given]
    used += [n for n in reply.cited if n in given and n not in used]
    renumber = {old: new for new, old in enumerate(used, 1)}

    def swap(match: re.Match[str]) -> str:
        n = int(match.group(1))
        return f"[{renumber[n]}]" if n in renumber else ""

    text = re.sub(r"[ \t]{2,}", " ", _MARKER.sub(swap, reply.text)).strip()
    citations = [given[old].model_copy(update={"n": new}) for old, new in renumber.items()]
    return draft.model_copy(
        update={
            "text": text,
            "citations": citations,
            "declined": reply.declined,
            "config": {**draft.config, "answerer": name},
        }
    )
