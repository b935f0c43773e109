"""Run one question set through several configurations in one process."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any

from assistant.finder import Finder, build_finder
from assistant.settings import Settings
from eval.dataset import EvalItem
from eval.runner import run_set
from instruments.profile import CompanyProfile

log = logging.getLogger(__name__)

# name -> settings overrides; the default configuration is "hybrid"
CONFIGURATIONS: dict[str, dict[str, Any]] = {
    "lexical": {"retriever": "lexical", "embedder": "use"},
    "dense-use": {"retriever": "dense", "embedder": "use"},
    "dense-minilm": {"retriever": "dense", "embedder": "sentence-transformers"},
    "hybrid-minilm": {"retriever": "hybrid", "embedder": "sentence-transformers"},
    "hybrid": {"retriever": "hybrid", "embedder": "use"},
}


def asker(finder: Finder, with_profile: bool) -> Callable[[EvalItem], Any]:
    """The function the runner calls per item: only the question, or also the stated profile."""

    def ask(item: EvalItem) -> Any:
        profile = None
        if with_profile and item.profile:
            profile = CompanyProfile.from_contract(item.profile)
        return finder.ask(item.question, profile=profile)

    return ask


def evaluate_finder(
    finder: Finder, items: Sequence[EvalItem], with_profile: bool = False,
    progress: Callable[[int], None] | None = None,
) -> dict[str, Any]:
    letter = {p.id: p.text for p in finder.letter}
    return run_set(asker(finder, with_profile), items, letter, finder.config(), progress)


def configurations(base: Settings) -> dict[str, Settings]:
    """Every configuration to compare, plus the LLM answerer when one is configured."""
    configs = {name: base.model_copy(update=over) for name, over in CONFIGURATIONS.items()}
    if base.llm:
        configs["llm"] = base.model_copy(update={"answerer": "llm"})
    return configs


def compare(
    base: Settings, items: Sequence[EvalItem], with_profile: bool = False,
    progress: Callable[[str], None] | None = None,
) -> dict[str, dict[str, Any]]:
    """A report per configuration; indexes are brought up to date first (cheap if current)."""
    reports = {}
    for name, settings in configurations(base).items():
        if progress:
            progress(name)
        finder = build_finder(settings)
        finder.ingest()
        reports[name] = evaluate_finder(finder, items, with_profile)
        reports[name]["config"]["name"] = name
    return reports
