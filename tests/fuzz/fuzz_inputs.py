"""atheris harness over what users and evaluators hand us: profile JSON files, eval-set lines and
question text (the part of the question path that needs no index).

    .venv/bin/python tests/fuzz/fuzz_inputs.py tests/fuzz/corpus -atheris_runs=20000

The first byte picks the target, the rest is its input. Only the documented errors may come out:
InputError (with a message naming the file or line) from the profile and eval-set readers,
ProfileError (naming the field) from an eval item's profile, and nothing at all from the
question path. Anything else is a crash that atheris reports together with the input.
"""

from __future__ import annotations

import atexit
import logging
import os
import shutil
import sys
import tempfile
from pathlib import Path

import atheris

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
logging.disable(logging.CRITICAL)  # unknown profile keys are logged; not a failure

with atheris.instrument_imports(include=["assistant", "instruments", "eval", "retrieval", "cli"]):
    import cli
    from assistant.answer import Answer, Recommendation
    from assistant.errors import InputError
    from assistant.followup import resolve_followup
    from assistant.intent import classify, is_gibberish
    from assistant.knowledge import build_lexicon, catalog_passages, letter_mentions
    from assistant.language import COMMON_WORDS, detect_language
    from assistant.service import clean_question
    from assistant.settings import Settings
    from eval.dataset import EvalSetError, load_set
    from instruments.catalog import load_catalog
    from instruments.profile import CompanyProfile, ProfileError, describe, extract_profile

SETTINGS = Settings()
CATALOG = load_catalog(SETTINGS.cards_dir)
LEXICON = build_lexicon(CATALOG, letter_mentions(SETTINGS.instruments_tsv))
KNOWN = frozenset(
    {w for p in catalog_passages(CATALOG) for w in p.text.lower().split()} | COMMON_WORDS
)
HISTORY = [
    Answer(question="Welke regeling past?", lang="nl", intent="recommend", text="…",
           recommendations=[
               Recommendation(instrument_id=card.id, name=card.name.nl, kind=card.kind,
                              verdict="may_fit", score=1.0)
               for card in list(CATALOG)[:3]
           ])
]
# The readers take a file: in memory where possible (a file on disk costs milliseconds a run).
# FUZZ_SCRATCH names a folder the caller removes (libFuzzer ends the process without running
# atexit when it finds a crash).
if os.environ.get("FUZZ_SCRATCH"):
    SCRATCH = Path(os.environ["FUZZ_SCRATCH"])
else:
    SCRATCH = Path(tempfile.mkdtemp(prefix="fuzz-inputs-",
                                    dir="/dev/shm" if os.path.isdir("/dev/shm") else None))
    atexit.register(shutil.rmtree, SCRATCH, ignore_errors=True)


class Unexpected(AssertionError):
    """A documented error type with a message that does not say what is wrong."""


def _file(data: bytes, name: str) -> Path:
    path = SCRATCH / name
    path.write_bytes(data)
    return path


def profile_file(data: bytes) -> None:
    """`finder ask/check --profile FILE`: a profile, or InputError naming the file."""
    path = _file(data, "profile.json")
    try:
        profile = cli._read_profile(str(path))
    except InputError as exc:
        if not str(exc).startswith(str(path)):
            raise Unexpected(f"message does not name the file: {exc}") from exc
        return
    CompanyProfile.model_validate(profile.model_dump())
    for lang in ("nl", "en"):
        describe(profile, lang)


def eval_set(data: bytes) -> None:
    """`finder eval --set FILE [--with-profile]`: items, or EvalSetError naming the line."""
    path = _file(data, "set.jsonl")
    try:
        items = load_set(path)
    except EvalSetError as exc:
        message = str(exc)
        if not message.startswith(str(path)) or not (
            "line" in message or "no questions" in message or "UTF-8" in message
        ):
            raise Unexpected(f"message does not say where: {message}") from exc
        return
    for item in items:
        if item.profile:
            try:
                CompanyProfile.from_contract(item.profile)
            except ProfileError as exc:
                if "profile" not in str(exc):
                    raise Unexpected(f"message does not name the field: {exc}") from exc


def question(data: bytes) -> None:
    """What AnswerService.ask does before it searches: this must never raise."""
    fdp = atheris.FuzzedDataProvider(data)
    history = HISTORY if fdp.ConsumeBool() else []
    text = clean_question(fdp.ConsumeUnicode(fdp.remaining_bytes()))
    if len(text) > SETTINGS.max_question_chars:  # refused before anything reads it
        return
    lang = detect_language(LEXICON.without_names(text), "nl") if text else "nl"
    facts = extract_profile(text)
    mentioned = resolve_followup(text, LEXICON.concepts(text), history)
    classify(text, mentioned, facts != CompanyProfile())
    is_gibberish(text, KNOWN)
    describe(facts, lang)


TARGETS = (profile_file, eval_set, question)


def test_one_input(data: bytes) -> None:
    if not data:
        return
    TARGETS[data[0] % len(TARGETS)](data[1:])


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
