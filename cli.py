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
from pathlib import Path

from assistant.settings import MAX_K, Settings

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
    search.add_argument("--k", type=_passages, default=8,
                        help=f"how many passages, 1 to {MAX_K} (default 8)")
    search.add_argument("--json", action="store_true", help="print JSON")
    search.add_argument("--mode", choices=["hybrid", "dense", "lexical"], help="search mode")
    search.add_argument("--source", choices=["letter", "card"], help="only this source")
    search.add_argument("--instrument", help="only this instrument's card")
    search.add_argument("--part", choices=["Inleiding", "Deel I", "Deel II", "Actieplan"])

    ask = sub.add_parser("ask", help="ask the assistant a question")
    ask.add_argument("question", help="your question, in Dutch or English")
    ask.add_argument("--json", action="store_true", help="print the whole Answer as JSON")
    ask.add_argument("--profile", type=_file_to_read,
                     help="JSON file with what you know about the company")

    check = sub.add_parser("check", help="eligibility of every instrument for a profile")
    check.add_argument("--profile", required=True, type=_file_to_read,
                       help="JSON file with the company profile")
    fmt = check.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true", help="print JSON")
    fmt.add_argument("--csv", action="store_true", help="print CSV")
    check.add_argument("--lang", choices=["nl", "en"], default="nl", help="language of reasons")

    ev = sub.add_parser("eval", help="run a question set (shared eval contract)")
    ev.add_argument("--set", required=True, dest="set_path", type=_file_to_read,
                    help="JSON Lines question set")
    ev.add_argument("--json", dest="json_out", type=_file_to_write,
                    help="write the full report as JSON here")
    ev.add_argument("--with-profile", action="store_true", help="also pass each item's profile")
    ev.add_argument("--compare", action="store_true",
                    help="run lexical, dense USE, dense MiniLM, hybrid (and the LLM if set)")
    ev.add_argument("--report", type=_folder_to_write,
                    help="folder for latest.md, latest.json and latest.png")

    sub.add_parser("serve", help="serve the page at / and the JSON API at /v1 (FINDER_HOST:PORT)")

    fb = sub.add_parser("feedback-export", help="turn stored feedback into eval-set lines")
    fb.add_argument("--out", type=_file_to_write,
                    help="write the JSON Lines here (default: stdout)")
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
        f"index {finder.settings.chroma_url or finder.settings.index_dir}: "
        f"{report.added} embedded, {report.deleted} removed, "
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
        print(json.dumps([h.as_row() for h in hits], ensure_ascii=False, indent=2))
        return 0
    if not hits:
        print("no passages found")
    for rank, hit in enumerate(hits, 1):
        text = hit.passage.text if len(hit.passage.text) < 240 else hit.passage.text[:237] + "..."
        print(f"{rank:>2}. [{hit.score:.4f}] {hit.passage.label}  ({hit.passage.id})\n    {text}")
    return 0


def _no_constant(name: str) -> None:
    raise ValueError(f"{name} is not a number a profile can hold")


def _short(exc: BaseException) -> str:
    return "nested too deeply" if isinstance(exc, RecursionError) else str(exc)[:120]


def _read_profile(path: str):  # type: ignore[no-untyped-def]
    from assistant.errors import InputError
    from instruments.profile import CompanyProfile, ProfileError

    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}: not valid JSON (line {exc.lineno}: {exc.msg})") from exc
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text") from exc
    except (ValueError, RecursionError) as exc:  # NaN, a 5,000-digit number, deep nesting
        raise InputError(f"{path}: not a usable profile ({_short(exc)})") from exc
    if not isinstance(data, dict):
        raise InputError(f"{path}: a profile is a JSON object, e.g. {{\"employees\": 12}}")
    try:
        return CompanyProfile.from_contract(data)
    except ProfileError as exc:
        raise InputError(f"{path}: {exc}") from exc


@command("ask")
def _ask(args: argparse.Namespace) -> int:
    from assistant.finder import build_finder

    profile = _read_profile(args.profile) if args.profile else None
    answer = build_finder(Settings()).ask(args.question, profile=profile)
    if args.json:
        print(answer.model_dump_json(indent=2))
        return 0
    print(answer.text)
    if answer.citations:
        print("\nBronnen / sources:")
        for cit in answer.citations:
            where = f" {cit.url} ({cit.seen})" if cit.url else ""
            print(f"[{cit.n}] {cit.label}{where}\n    “{cit.quote}”")
    return 0


@command("check")
def _check(args: argparse.Namespace) -> int:
    import csv

    from instruments.catalog import load_catalog
    from instruments.eligibility import eligibility_rows, evaluate_all

    settings = Settings()
    profile = _read_profile(args.profile)
    results = evaluate_all(list(load_catalog(settings.cards_dir)), profile)
    rows = eligibility_rows(results, args.lang)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    elif args.csv:
        writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]) if rows else ["instrument_id"])
        writer.writeheader()
        writer.writerows(rows)
    else:
        for row in rows:
            print(f"{row['instrument_id']:<30} {row['verdict']}")
    return 0


@command("eval")
def _eval(args: argparse.Namespace) -> int:
    from eval.dataset import load_set
    from eval.report import table, write_reports

    items = load_set(Path(args.set_path))  # a malformed set stops here, before any question
    settings = Settings()
    if args.compare:
        from eval.compare import compare

        reports = compare(settings, items, args.with_profile,
                          progress=lambda name: print(f"running {name} ...", file=sys.stderr))
    else:
        from assistant.finder import build_finder
        from eval.compare import evaluate_finder

        reports = {"default": evaluate_finder(build_finder(settings), items, args.with_profile)}
    print(table({name: r["metrics"] for name, r in reports.items()}))
    if len(reports) > 1:
        from eval.intervals import interval_table

        print(interval_table(reports, "hybrid" if "hybrid" in reports else next(iter(reports))))
    main_report = reports.get("hybrid") or next(iter(reports.values()))
    if args.json_out:
        with open(args.json_out, "w", encoding="utf-8") as handle:
            json.dump(main_report, handle, ensure_ascii=False, indent=1)
    if args.report:
        command_line = "finder " + " ".join(sys.argv[1:]) if sys.argv[1:] else "finder eval"
        for path in write_reports(reports, Path(args.report), args.set_path, command_line):
            print(f"wrote {path}", file=sys.stderr)
    return 0


@command("serve")
def _serve(args: argparse.Namespace) -> int:
    import app

    app.serve(Settings())
    return 0


@command("feedback-export")
def _feedback_export(args: argparse.Namespace) -> int:
    from assistant.feedback import FeedbackUnavailable, open_feedback_store

    settings = Settings()
    if not settings.feedback_url and not settings.feedback_db.exists():
        print(f"no feedback stored yet ({settings.feedback_db})", file=sys.stderr)
        return 0
    try:
        lines = open_feedback_store(settings).export_eval_lines()
    except FeedbackUnavailable as exc:  # one line, the password masked
        print(f"finder: {exc}", file=sys.stderr)
        return 2
    text = "".join(line + "\n" for line in lines)
    if args.out:
        with open(args.out, "w", encoding="utf-8") as handle:
            handle.write(text)
        print(f"wrote {len(lines)} eval lines to {args.out}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0




def _file_to_read(text: str) -> str:
    """A path option naming an input: checked when the command line is read."""
    path = Path(text)
    if path.is_dir():
        raise argparse.ArgumentTypeError(f"{text} is a folder, not a file")
    if not path.is_file():
        raise argparse.ArgumentTypeError(f"no file {text}")
    return text


def _file_to_write(text: str) -> str:
    """An output path: checked before any work, so a long eval run never fails at its end."""
    path = Path(text)
    if path.is_dir():
        raise argparse.ArgumentTypeError(f"{text} is a folder, not a file")
    folder = path.parent
    if not folder.is_dir() or not os.access(folder, os.W_OK):
        raise argparse.ArgumentTypeError(f"cannot write into {folder}: no such writable folder")
    return text


def _folder_to_write(text: str) -> str:
    path = Path(text)
    if path.exists() and not path.is_dir():
        raise argparse.ArgumentTypeError(f"{text} is a file, not a folder")
    nearest = next(p for p in (path, *path.parents) if p.exists())
    if not os.access(nearest, os.W_OK):
        raise argparse.ArgumentTypeError(f"cannot write into {nearest}")
    return text


def _passages(text: str) -> int:
    """--k: a whole number from 1 to MAX_K (argparse says which option was wrong)."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if not 1 <= value <= MAX_K:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number from 1 to {MAX_K}")
    return value


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
    except Exception as exc:  # every failure becomes one clear line
        message = user_message(exc)
        if message is None:
            raise
        print(f"finder: {message}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
