"""Retrieval benchmark: hit@5 and MRR@10 on gold passages for every retriever, side by side,
plus ingest time and search latency on this machine.

    python -m eval.bench_retrieval --set eval/questions.jsonl [--out eval/results/retrieval.md]

Each embedder's index is built from scratch in a temporary folder, so ingest time is a cold
full build (model load included). Searches ask the letter only, with the raw question.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path
from typing import Any

from assistant.finder import build_finder
from assistant.settings import Settings
from eval import metrics as m
from eval.dataset import EvalItem, load_set
from retrieval.hybrid import SearchFilters

RUNS: list[tuple[str, str, str]] = [  # (name, embedder, mode)
    ("lexical (BM25)", "use", "lexical"),
    ("dense USE", "use", "dense"),
    ("dense MiniLM", "sentence-transformers", "dense"),
    ("hybrid MiniLM", "sentence-transformers", "hybrid"),
    ("dense e5", "e5", "dense"),
    ("hybrid e5", "e5", "hybrid"),
    ("hybrid USE (default)", "use", "hybrid"),
]


def _score(finder: Any, mode: str, items: list[EvalItem]) -> dict[str, float]:
    letter = {p.id: p.text for p in finder.letter}
    hits5, rr, latencies = [], [], []
    finder.search("warm-up", k=1, mode=mode)
    for item in items:
        started = time.perf_counter()
        hits = finder.search(item.question, k=10, filters=SearchFilters(source="letter"), mode=mode)
        latencies.append((time.perf_counter() - started) * 1000)
        texts = [letter[h.passage.id] for h in hits if h.passage.id in letter]
        hits5.append(m.passage_hit_at(texts, item.gold_quotes, 5))
        rr.append(m.reciprocal_rank(texts, item.gold_quotes, 10))
    return {
        "hit@5": sum(hits5) / len(hits5), "mrr@10": sum(rr) / len(rr),
        "p50_ms": m.percentile(latencies, 50), "p95_ms": m.percentile(latencies, 95),
    }


def run(set_path: Path) -> tuple[list[dict[str, Any]], dict[str, float], int]:
    items = [i for i in load_set(set_path) if i.gold_quotes]
    rows, ingest_s = [], {}
    with tempfile.TemporaryDirectory() as folder:
        finders = {}
        for embedder in ("use", "sentence-transformers", "e5"):
            settings = Settings(embedder=embedder, index_dir=Path(folder) / "index")  # type: ignore[arg-type]
            finder = build_finder(settings)
            started = time.perf_counter()
            finder.ingest()
            ingest_s[embedder] = time.perf_counter() - started
            finders[embedder] = finder
        for name, embedder, mode in RUNS:
            rows.append({"retriever": name, **_score(finders[embedder], mode, items)})
    return rows, ingest_s, len(items)


def markdown(rows: list[dict[str, Any]], ingest_s: dict[str, float], n: int, set_path: Path) -> str:
    lines = [
        f"Retrieval on the {n} questions of `{set_path}` with gold quotes (letter passages only):",
        "",
        "| retriever | hit@5 | MRR@10 | search p50 ms | search p95 ms |",
        "|---|---|---|---|---|",
    ]
    lines += [
        f"| {r['retriever']} | {r['hit@5']:.3f} | {r['mrr@10']:.3f} | {r['p50_ms']:.1f} | "
        f"{r['p95_ms']:.1f} |" for r in rows
    ]
    lines += ["", "Cold full ingest (model load + embedding every passage): " + ", ".join(
        f"{k} {v:.1f} s" for k, v in ingest_s.items()) + f". Machine: {os.cpu_count()} cores.", ""]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", default="eval/questions.jsonl")
    parser.add_argument("--out", default="eval/results/retrieval.md")
    args = parser.parse_args()
    rows, ingest_s, n = run(Path(args.set))
    text = markdown(rows, ingest_s, n, Path(args.set))
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
