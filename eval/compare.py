"""Run one question set through several configurations in one process."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from assistant.answer import Answer
from assistant.finder import Finder, build_finder
from assistant.service import Conversation
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
    "dense-e5": {"retriever": "dense", "embedder": "e5"},
    "hybrid-e5": {"retriever": "hybrid", "embedder": "e5"},
    "hybrid": {"retriever": "hybrid", "embedder": "use"},
}


@dataclass
class FinderAsker:
    """What the runner asks through: only the question, or also the stated profile; a
    conversation item's turns share one Conversation, as the page's do."""

    finder: Finder
    with_profile: bool

    def _profile(self, item: EvalItem) -> CompanyProfile | None:
        if self.with_profile and item.profile:
            return CompanyProfile.from_contract(item.profile)
        return None

    def __call__(self, item: EvalItem) -> Answer:
        return self.finder.ask(item.question, profile=self._profile(item))

    def start(self, item: EvalItem) -> Conversation:
        return Conversation(profile=self._profile(item) or CompanyProfile())

    def turn(self, say: str, conversation: Conversation) -> Answer:
        answer = self.finder.ask(say, conversation)
        conversation.add(answer)
        return answer


def asker(finder: Finder, with_profile: bool) -> FinderAsker:
    return FinderAsker(finder, with_profile)


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
