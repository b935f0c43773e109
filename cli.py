"""The `finder` command line: an outer layer like app.py, so it may call eval/ and assistant/.

Output goes to stdout; problems become one clear line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import time
from collections.abc import Callable, Sequence

from assistant.settings import Settings

Handler = Callable[[argparse.Namespace], int]
_COMMANDS: dict[str, Handler] = {}


def _quiet_environment() -> None:
    """No phoning home and no hub downloads, whatever the user's environment says."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")


def command(name: str) -> Callable[[Handler], Handler]:
    def register(func: Handler) -> Handler:
        _COMMANDS[name] = func
        return func

    return register


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="finder",
        description="Innovation Instrument Finder: search the 2022 innovation letter and the "
        "instrument cards, ask which scheme fits, run the eval.",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress details")
    sub = parser.add_subparsers(dest="command", required=True)

    ingest = sub.add_parser("ingest", help="embed the letter and the cards into Chroma")
    ingest.add_argument("--rebuild", action="store_true", help="drop the index and build anew")

    search = sub.add_parser("search", help="ranked passages for a question")
    search.add_argument("query", help="the question or keywords")
    search.add_argument("--k", type=int, default=8, help="how many passages (default 8)")
    search.add_argument("--json", action="store_true", help="print JSON")
    search.add_argument("--mode", choices=["hybrid", "dense", "lexical"], help="search mode")
    search.add_argument("--source", choices=["letter", "card"], help="only this source")
    search.add_argument("--instrument", help="only this instrument's card")
    search.add_argument("--part", choices=["Inleiding", "Deel I", "Deel II", "Actieplan"])

    return parser


@command("ingest")
def _ingest(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from assistant.finder import build_finder

    finder = build_finder(Settings())
    total = len(finder.passages)
    started = time.perf_counter()
    with tqdm(total=total, desc="embedding", unit="passage", file=sys.stderr) as bar:
        report = finder.ingest(rebuild=args.rebuild, progress=bar.update)
        bar.update(total - bar.n)
    seconds = time.perf_counter() - started
    print(
        f"index {finder.settings.chroma_url or finder.settings.index_dir}: {report.added} embedded, {report.deleted} removed, "
        f"{report.unchanged} unchanged ({total} passages, embedder "
        f"{finder.embedder.identity}, {seconds:.1f} s)"
    )
    return 0


@command("search")
def _search(args: argparse.Namespace) -> int:
    from assistant.finder import build_finder
    from retrieval.hybrid import SearchFilters

    finder = build_finder(Settings())
    filters = SearchFilters(source=args.source, instrument_id=args.instrument, part=args.part)
    hits = finder.search(args.query, k=args.k, filters=filters, mode=args.mode)
    if args.json:
        rows = [
            {"id": h.passage.id, "label": h.passage.label, "score": round(h.score, 5),
             "dense": h.dense, "lexical": h.lexical, "source": h.passage.source,
             "text": h.passage.text}
            for h in hits
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    if not hits:
        print("no passages found")
    for rank, hit in enumerate(hits, 1):
        text = hit.passage.text if len(hit.passage.text) < 240 else hit.passage.text[:237] + "..."
        print(f"{rank:>2}. [{hit.score:.4f}] {hit.passage.label}  ({hit.passage.id})\n    {text}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    _quiet_environment()
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    from assistant.errors import user_message

    try:
        return _COMMANDS[args.command](args)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - every failure becomes one clear line
        message = user_message(exc)
        if message is None:
            raise
        print(f"finder: {message}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
