"""One runner for every question set and configuration: ask, score each item, aggregate."""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Protocol

from assistant.answer import Answer
from assistant.language import answer_language
from eval import metrics as m
from eval.dataset import EvalItem
from eval.turns import turn_failures


class Asker(Protocol):
    """What the runner asks through: one question, or one turn of a kept conversation."""

    def __call__(self, item: EvalItem) -> Answer: ...

    def start(self, item: EvalItem) -> Any:
        """A new conversation (with the item's profile when the run says so)."""

    def turn(self, say: str, conversation: Any) -> Answer:
        """One turn; the conversation remembers it, as the page does."""


METRICS = (
    "instrument_hit_at_3", "instrument_recall_at_5", "misfit_at_3", "passage_hit_at_5",
    "passage_mrr_at_10", "citation_precision", "must_mention_coverage", "abstention_accuracy",
    "false_abstention_rate", "language_match", "turn_success", "conversation_success",
    "latency_ms_p50", "latency_ms_p95",
)
_MEANS = (
    "instrument_hit_at_3", "instrument_recall_at_5", "misfit_at_3", "passage_hit_at_5",
    "passage_mrr_at_10", "citation_precision",
)


def score_item(
    item: EvalItem, answer: Answer, letter: Mapping[str, str], latency_ms: float
) -> dict[str, Any]:
    """Per-item detail plus the item's contribution to each metric (None: not applicable)."""
    retrieved = [pid for pid in answer.retrieved if pid in letter]
    cited = [pid for pid in answer.cited_ids() if pid in letter]
    recommended = answer.recommended_ids()
    retrieved_texts = [letter[pid] for pid in retrieved]
    found, total = m.mentions_found(answer.text, item.answer_must_mention)
    expected, quotes = item.expected_instruments, item.gold_quotes
    forbidden = item.forbidden_instruments
    return {
        "id": item.id, "type": item.type, "lang": item.lang,
        "recommended": recommended, "retrieved": retrieved, "cited": cited,
        "declined": answer.declined, "intent": answer.intent,
        "answer_lang": answer_language(answer.text, item.lang),
        "latency_ms": round(latency_ms, 1),
        "mentions_found": found, "mentions_total": total,
        "instrument_hit_at_3": m.hit_at(recommended, expected, 3) if expected else None,
        "instrument_recall_at_5": m.recall_at(recommended, expected, 5) if expected else None,
        "misfit_at_3": m.hit_at(recommended, forbidden, 3) if forbidden else None,
        "passage_hit_at_5": m.passage_hit_at(retrieved_texts, quotes, 5) if quotes else None,
        "passage_mrr_at_10": m.reciprocal_rank(retrieved_texts, quotes, 10) if quotes else None,
        "citation_precision": (
            m.citation_precision([letter[pid] for pid in cited], quotes) if quotes else None
        ),
        "abstention_accuracy": (1.0 if answer.declined else 0.0) if not item.answerable else None,
        "false_abstention_rate": (1.0 if answer.declined else 0.0) if item.answerable else None,
        "language_match": 1.0 if answer_language(answer.text, item.lang) == item.lang else 0.0,
        "turns_ok": 0, "turns_checked": 0, "conversation_success": None,
    }


def _turn_row(say: str, answer: Answer, item: EvalItem, index: int, ms: float) -> dict[str, Any]:
    expect = item.turns[index].expect
    failed = turn_failures(expect, answer) if expect else []
    return {
        "say": say, "recommended": answer.recommended_ids(), "declined": answer.declined,
        "asks": bool(answer.clarifying_question), "intent": answer.intent,
        "profile": answer.profile, "checked": expect is not None, "failed": failed,
        "latency_ms": round(ms, 1),
    }


def score_conversation(item: EvalItem, turns: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """A conversation item's row: it counts in turn_success, conversation_success and latency
    only (the single-question metrics are None for it)."""
    checked = [t for t in turns if t["checked"]]
    ok = sum(1 for t in checked if not t["failed"])
    return {
        "id": item.id, "type": item.type, "lang": item.lang, "turns": list(turns),
        **{name: None for name in (*_MEANS, "abstention_accuracy", "false_abstention_rate",
                                   "language_match")},
        "mentions_found": 0, "mentions_total": 0,
        "latency_ms": max((t["latency_ms"] for t in turns), default=0.0),
        "turn_latencies_ms": [t["latency_ms"] for t in turns],
        "turns_ok": ok, "turns_checked": len(checked),
        "conversation_success": 1.0 if ok == len(checked) else 0.0,
    }


def aggregate(rows: Sequence[Mapping[str, Any]]) -> dict[str, float | None]:
    """Every contract metric over the rows (None where no item applies)."""
    result: dict[str, float | None] = {}
    for name in _MEANS:
        result[name] = m.mean([r[name] for r in rows if r.get(name) is not None])
    found = sum(r["mentions_found"] for r in rows)
    total = sum(r["mentions_total"] for r in rows)
    result["must_mention_coverage"] = found / total if total else None
    for name in ("abstention_accuracy", "false_abstention_rate", "language_match"):
        result[name] = m.mean([r[name] for r in rows if r.get(name) is not None])
    checked = sum(r.get("turns_checked", 0) for r in rows)
    result["turn_success"] = sum(r.get("turns_ok", 0) for r in rows) / checked if checked else None
    result["conversation_success"] = m.mean(
        [r["conversation_success"] for r in rows if r.get("conversation_success") is not None]
    )
    latencies = [ms for r in rows for ms in r.get("turn_latencies_ms", [r["latency_ms"]])]
    result["latency_ms_p50"] = m.percentile(latencies, 50)
    result["latency_ms_p95"] = m.percentile(latencies, 95)
    return result


def _converse(ask: Asker, item: EvalItem) -> dict[str, Any]:
    conversation = ask.start(item)
    turns = []
    for index, turn in enumerate(item.turns):
        started = time.perf_counter()
        answer = ask.turn(turn.say, conversation)
        ms = (time.perf_counter() - started) * 1000
        turns.append(_turn_row(turn.say, answer, item, index, ms))
    return score_conversation(item, turns)


def run_set(
    ask: Asker,
    items: Sequence[EvalItem],
    letter: Mapping[str, str],
    config: Mapping[str, str],
    progress: Callable[[int], None] | None = None,
) -> dict[str, Any]:
    """Ask every question (after one warm-up) and build the contract's report."""
    if items:  # warm process: models and index loaded before timing
        first = items[0]
        if first.turns:
            ask.turn(first.turns[0].say, ask.start(first))
        else:
            ask(first)
    rows = []
    for item in items:
        if item.type == "conversation":
            rows.append(_converse(ask, item))
        else:
            started = time.perf_counter()
            answer = ask(item)
            rows.append(score_item(item, answer, letter, (time.perf_counter() - started) * 1000))
        if progress:
            progress(1)
    types = sorted({r["type"] for r in rows})
    return {
        "n": len(rows),
        "config": dict(config),
        "metrics": aggregate(rows),
        "by_type": {t: aggregate([r for r in rows if r["type"] == t]) for t in types},
        "items": rows,
    }
