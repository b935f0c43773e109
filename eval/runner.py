"""One runner for every question set and configuration: ask, score each item, aggregate."""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from assistant.answer import Answer
from assistant.language import answer_language
from eval import metrics as m
from eval.dataset import EvalItem

Ask = Callable[[EvalItem], Answer]
METRICS = (
    "instrument_hit_at_3", "instrument_recall_at_5", "passage_hit_at_5", "passage_mrr_at_10",
    "citation_precision", "must_mention_coverage", "abstention_accuracy",
    "false_abstention_rate", "language_match", "latency_ms_p50", "latency_ms_p95",
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
    return {
        "id": item.id, "type": item.type, "lang": item.lang,
        "recommended": recommended, "retrieved": retrieved, "cited": cited,
        "declined": answer.declined, "intent": answer.intent,
        "answer_lang": answer_language(answer.text, item.lang),
        "latency_ms": round(latency_ms, 1),
        "mentions_found": found, "mentions_total": total,
        "instrument_hit_at_3": m.hit_at(recommended, expected, 3) if expected else None,
        "instrument_recall_at_5": m.recall_at(recommended, expected, 5) if expected else None,
        "passage_hit_at_5": m.passage_hit_at(retrieved_texts, quotes, 5) if quotes else None,
        "passage_mrr_at_10": m.reciprocal_rank(retrieved_texts, quotes, 10) if quotes else None,
        "citation_precision": (
            m.citation_precision([letter[pid] for pid in cited], quotes) if quotes else None
        ),
        "abstention_accuracy": (1.0 if answer.declined else 0.0) if not item.answerable else None,
        "false_abstention_rate": (1.0 if answer.declined else 0.0) if item.answerable else None,
        "language_match": 1.0 if answer_language(answer.text, item.lang) == item.lang else 0.0,
    }


def aggregate(rows: Sequence[Mapping[str, Any]]) -> dict[str, float | None]:
    """Every contract metric over the rows (None where no item applies)."""
    result: dict[str, float | None] = {}
    for name in METRICS[:5]:
        result[name] = m.mean([r[name] for r in rows if r[name] is not None])
    found = sum(r["mentions_found"] for r in rows)
    total = sum(r["mentions_total"] for r in rows)
    result["must_mention_coverage"] = found / total if total else None
    for name in ("abstention_accuracy", "false_abstention_rate", "language_match"):
        result[name] = m.mean([r[name] for r in rows if r[name] is not None])
    latencies = [r["latency_ms"] for r in rows]
    result["latency_ms_p50"] = m.percentile(latencies, 50)
    result["latency_ms_p95"] = m.percentile(latencies, 95)
    return result


def run_set(
    ask: Ask,
    items: Sequence[EvalItem],
    letter: Mapping[str, str],
    config: Mapping[str, str],
    progress: Callable[[int], None] | None = None,
) -> dict[str, Any]:
    """Ask every question (after one warm-up) and build the contract's report."""
    if items:
        ask(items[0])  # warm process: models and index loaded before timing
    rows = []
    for item in items:
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
