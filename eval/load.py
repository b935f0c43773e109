"""Load test with simulated users asking eval-set questions, through the JSON API or the page.

    python -m eval.load --url http://127.0.0.1:7860 [--url http://127.0.0.1:7861]
        --users 1 10 50 [--think 0 1] [--target api|page] [--baseline]
        [--requests 200] [--seconds 120] [--out eval/results/load.md]

`--target api` (default) posts to `/v1/ask` with httpx from asyncio (one coroutine per user, no
thread per user, so the generator itself stays light); `--target page` drives the page's own
Gradio `/ask` endpoint with gradio_client. `--think S` waits S seconds between a user's
questions (0: back to back). `--baseline` first answers the questions in this process, one
thread, with the default settings: the throughput the server is compared with.

Bounded: every level stops after --requests requests or --seconds, whichever comes first.
Loopback only: any address outside 127.0.0.0/8 or localhost is refused. Users are spread over
the given URLs round-robin (one app process per URL, e.g. two processes sharing a Chroma server).
"""

from __future__ import annotations

import argparse
import asyncio
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


def _page_user(url: str, questions: list[str], budget: dict[str, Any],
               think: float) -> list[tuple[float, bool]]:
    """One simulated page user: asks questions in turn until the shared budget runs out."""
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
        time.sleep(think)
    return results


def _summary(users: int, think: float, samples: list[tuple[float, bool]],
             wall: float) -> dict[str, float]:
    latencies = [ms for ms, ok in samples if ok]
    return {
        "users": users, "think": think, "requests": len(samples),
        "errors": sum(1 for _, ok in samples if not ok),
        "p50": percentile(latencies, 50), "p95": percentile(latencies, 95),
        "p99": percentile(latencies, 99), "throughput": len(samples) / wall if wall else 0.0,
    }


def run_page_level(urls: list[str], users: int, think: float, questions: list[str],
                   requests: int, seconds: float) -> dict[str, float]:
    budget = {"left": requests, "deadline": time.monotonic() + seconds, "lock": threading.Lock()}
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=users) as pool:
        futures = [
            pool.submit(_page_user, urls[i % len(urls)], questions[i:] + questions[:i], budget,
                        think)
            for i in range(users)
        ]
        samples = [s for f in futures for s in f.result()]
    return _summary(users, think, samples, time.perf_counter() - started)


async def _api_level(urls: list[str], users: int, think: float, questions: list[str],
                     requests: int, seconds: float) -> dict[str, float]:
    import httpx

    budget = {"left": requests, "deadline": time.monotonic() + seconds}
    samples: list[tuple[float, bool]] = []
    limits = httpx.Limits(max_connections=users, max_keepalive_connections=users)

    async def user(index: int, http: httpx.AsyncClient) -> None:
        url = f"{urls[index % len(urls)]}/v1/ask"
        for question in itertools.cycle(questions[index:] + questions[:index]):
            if budget["left"] <= 0 or time.monotonic() > budget["deadline"]:
                return
            budget["left"] -= 1
            started = time.perf_counter()
            try:
                reply = await http.post(url, json={"question": question})
                ok = reply.status_code == 200
            except httpx.HTTPError:
                ok = False
            samples.append(((time.perf_counter() - started) * 1000, ok))
            await asyncio.sleep(think)

    started = time.perf_counter()
    async with httpx.AsyncClient(timeout=60, limits=limits, trust_env=False) as http:
        await asyncio.gather(*(user(i, http) for i in range(users)))
    return _summary(users, think, samples, time.perf_counter() - started)


def run_api_level(urls: list[str], users: int, think: float, questions: list[str],
                  requests: int, seconds: float) -> dict[str, float]:
    return asyncio.run(_api_level(urls, users, think, questions, requests, seconds))


def in_process_baseline(questions: list[str], requests: int) -> dict[str, float]:
    """One thread answering in this process (default settings): what the server is compared
    with, measured in the same run on the same machine."""
    from assistant.finder import build_finder
    from assistant.settings import Settings

    finder = build_finder(Settings())
    finder.ask(questions[0])  # warm: the index, the lexical index and the guard
    samples = []
    started = time.perf_counter()
    for question in itertools.islice(itertools.cycle(questions), requests):
        began = time.perf_counter()
        finder.ask(question)
        samples.append(((time.perf_counter() - began) * 1000, True))
    return _summary(1, 0.0, samples, time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", action="append", required=True, help="app address (repeatable)")
    parser.add_argument("--users", type=int, nargs="+", default=[1, 10, 50])
    parser.add_argument("--think", type=float, nargs="+", default=[0.0],
                        help="seconds between a user's questions (several: one table each)")
    parser.add_argument("--target", choices=["api", "page"], default="api")
    parser.add_argument("--baseline", action="store_true",
                        help="first measure one in-process thread with the default settings")
    parser.add_argument("--requests", type=int, default=200, help="per level, at most")
    parser.add_argument("--seconds", type=float, default=120, help="per level, at most")
    parser.add_argument("--set", default="eval/questions.jsonl")
    parser.add_argument("--label", default="", help="what was measured, for the report")
    parser.add_argument("--out", help="append a Markdown table here")
    args = parser.parse_args()
    urls = [loopback_only(u) for u in args.url]
    questions = [item.question for item in load_set(Path(args.set))]
    level = run_api_level if args.target == "api" else run_page_level
    rows = [level(urls, n, think, questions, args.requests, args.seconds)
            for think in args.think for n in args.users]
    what = "POST /v1/ask" if args.target == "api" else "the page's Gradio /ask"
    lines = [
        f"{args.label or ', '.join(urls)}: {what} ({len(urls)} process(es); at most "
        f"{args.requests} requests or {args.seconds:.0f} s per level):", "",
        "| users | think s | requests | errors | p50 ms | p95 ms | p99 ms | requests/s |",
        "|---|---|---|---|---|---|---|---|",
    ]
    if args.baseline:
        base = in_process_baseline(questions, args.requests)
        lines.insert(2, f"In-process baseline, one thread: {base['throughput']:.1f} answers/s "
                        f"(p50 {base['p50']:.0f} ms, p95 {base['p95']:.0f} ms).\n")
    lines += [
        f"| {r['users']} | {r['think']:g} | {r['requests']} | {r['errors']} | {r['p50']:.0f} | "
        f"{r['p95']:.0f} | {r['p99']:.0f} | {r['throughput']:.1f} |" for r in rows
    ]
    text = "\n".join(lines) + "\n"
    print(text)
    if args.out:
        with open(args.out, "a", encoding="utf-8") as handle:
            handle.write("\n" + text)


if __name__ == "__main__":
    main()
