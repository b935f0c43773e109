"""Load test of the page's JSON API (`/ask`) with simulated users asking eval-set questions.

    python -m eval.load --url http://127.0.0.1:7860 [--url http://127.0.0.1:7861]
        --users 1 10 50 [--requests 200] [--seconds 120] [--out eval/results/load.md]

Bounded: every level stops after --requests requests or --seconds, whichever comes first.
Loopback only: any address outside 127.0.0.0/8 or localhost is refused. Users are spread over
the given URLs round-robin (one app process per URL, e.g. two processes sharing a Chroma server).
"""

from __future__ import annotations

import argparse
import ipaddress
import itertools
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from eval.dataset import load_set
from eval.metrics import percentile


def loopback_only(url: str) -> str:
    host = urlparse(url).hostname or ""
    if host != "localhost":
        try:
            if not ipaddress.ip_address(host).is_loopback:
                raise ValueError
        except ValueError:
            raise SystemExit(f"refusing {url}: load tests target loopback addresses only") from None
    return url


def _user(url: str, questions: list[str], budget: dict[str, Any]) -> list[tuple[float, bool]]:
    """One simulated user: asks questions in turn until the shared budget runs out."""
    from gradio_client import Client

    client = Client(url, verbose=False)
    results: list[tuple[float, bool]] = []
    lock: threading.Lock = budget["lock"]
    for question in itertools.cycle(questions):
        with lock:
            if budget["left"] <= 0 or time.monotonic() > budget["deadline"]:
                return results
            budget["left"] -= 1
        started = time.perf_counter()
        try:
            answer = client.predict(question, api_name="/ask")
            ok = isinstance(answer, dict) and "error" not in answer
        except Exception:  # any failure counts as an error
            ok = False
        results.append(((time.perf_counter() - started) * 1000, ok))
    return results


def run_level(urls: list[str], users: int, questions: list[str], requests: int,
              seconds: float) -> dict[str, float]:
    budget = {"left": requests, "deadline": time.monotonic() + seconds, "lock": threading.Lock()}
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=users) as pool:
        futures = [
            pool.submit(_user, urls[i % len(urls)], questions[i:] + questions[:i], budget)
            for i in range(users)
        ]
        samples = [s for f in futures for s in f.result()]
    wall = time.perf_counter() - started
    latencies = [ms for ms, ok in samples if ok]
    return {
        "users": users, "requests": len(samples), "errors": sum(1 for _, ok in samples if not ok),
        "p50": percentile(latencies, 50), "p95": percentile(latencies, 95),
        "p99": percentile(latencies, 99), "throughput": len(samples) / wall if wall else 0.0,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", action="append", required=True, help="app address (repeatable)")
    parser.add_argument("--users", type=int, nargs="+", default=[1, 10, 50])
    parser.add_argument("--requests", type=int, default=200, help="per level, at most")
    parser.add_argument("--seconds", type=float, default=120, help="per level, at most")
    parser.add_argument("--set", default="eval/questions.jsonl")
    parser.add_argument("--label", default="", help="what was measured, for the report")
    parser.add_argument("--out", help="append a Markdown table here")
    args = parser.parse_args()
    urls = [loopback_only(u) for u in args.url]
    questions = [item.question for item in load_set(Path(args.set))]
    rows = [run_level(urls, n, questions, args.requests, args.seconds) for n in args.users]
    lines = [
        f"{args.label or ', '.join(urls)} ({len(urls)} process(es); at most {args.requests} "
        f"requests or {args.seconds:.0f} s per level):", "",
        "| users | requests | errors | p50 ms | p95 ms | p99 ms | requests/s |",
        "|---|---|---|---|---|---|---|",
    ]
    lines += [
        f"| {r['users']} | {r['requests']} | {r['errors']} | {r['p50']:.0f} | {r['p95']:.0f} | "
        f"{r['p99']:.0f} | {r['throughput']:.1f} |" for r in rows
    ]
    text = "\n".join(lines) + "\n"
    print(text)
    if args.out:
        with open(args.out, "a", encoding="utf-8") as handle:
            handle.write("\n" + text)


if __name__ == "__main__":
    main()
