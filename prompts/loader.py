"""Prompt and answer templates live in files; this loads them and checks their placeholders.

`REGISTRY` names every template and the variables the code passes to it. A template may leave
a variable out (the English policy quote does not repeat the Dutch label) but may not use one
the code does not pass; a test renders each file against its entry, so a renamed placeholder
fails the build, not a user.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

from langchain_core.prompts import PromptTemplate

HERE = Path(__file__).parent
Lang = Literal["nl", "en"]

REGISTRY: dict[str, frozenset[str]] = {
    "recommend_intro": frozenset({"profile"}),
    "recommend_intro_open": frozenset(),
    "recommendation": frozenset(
        {"rank", "name", "verdict", "what", "to_check", "figures", "next_step", "url", "cite"}
    ),
    "to_check": frozenset({"items"}),
    "figures": frozenset({"figures"}),
    "explain": frozenset(
        {"name", "summary", "offers", "figures", "who", "how", "as_of", "status", "cite"}
    ),
    "letter_remark": frozenset({"quote", "n", "name"}),
    "eligibility": frozenset({"name", "verdict_sentence", "reasons", "figures", "cite"}),
    "eligibility_instead": frozenset(),
    "eligibility_need": frozenset({"names", "needs", "signposts"}),
    "policy_intro": frozenset(),
    "policy_quote": frozenset({"quote", "n", "label"}),
    "policy_none": frozenset(),
    "letter_identity": frozenset({"url"}),
    "sme_yes": frozenset({"headcount", "size", "turnover"}),
    "sme_turnover_unknown": frozenset(),
    "sme_no_group": frozenset({"own", "group", "size", "schemes"}),
    "sme_no": frozenset({"headcount", "size", "schemes"}),
    "sme_unknown": frozenset({"schemes"}),
    "sme_rule": frozenset(),
    "sme_balance_sheet": frozenset({"headcount"}),
    "sme_no_group_only": frozenset({"group", "size", "schemes"}),
    "when_line": frozenset({"name", "when", "status", "as_of"}),
    "when_intro": frozenset(),
    "compare_intro": frozenset(),
    "compare_fails": frozenset({"better", "other", "reason"}),
    "compare_meets": frozenset({"better", "other", "reason"}),
    "compare_depends": frozenset({"better", "other", "reason"}),
    "compare_alike": frozenset({"better", "other"}),
    "compare_one": frozenset({"name"}),
    "compare_none": frozenset(),
    "compare_neither": frozenset({"better", "other"}),
    "estimate_lead": frozenset({"name", "route", "amount", "gives", "year"}),
    "estimate_working": frozenset({"working"}),
    "estimate_taxed_at": frozenset({"rate", "year"}),
    "estimate_starter": frozenset({"amount"}),
    "estimate_as_starter": frozenset({"rule", "amount"}),
    "estimate_capped": frozenset({"max"}),
    "estimate_not_counted": frozenset({"what"}),
    "estimate_below": frozenset({"name", "route", "base", "min"}),
    "estimate_needs": frozenset({"name", "what"}),
    "estimate_route_needs": frozenset({"route"}),
    "estimate_none": frozenset({"name", "body"}),
    "estimate_none_known": frozenset({"name", "body"}),
    "estimate_size_assumed": frozenset({"size"}),
    "estimate_note": frozenset({"body"}),
    "combine_lead": frozenset({"names", "verdict"}),
    "combine_others": frozenset({"names", "verdict"}),
    "combine_rule": frozenset({"rule", "dated", "url"}),
    "combine_general": frozenset({"names"}),
    "combine_unknown": frozenset({"names", "bodies"}),
    "combine_unknown_one": frozenset({"names", "bodies"}),
    "combine_known": frozenset({"names"}),
    "combine_none": frozenset(),
    "combine_ask": frozenset({"bodies"}),
    "recommend_lead": frozenset({"best", "verdict", "reason", "others"}),
    "lead_others": frozenset({"names"}),
    "signpost_lead": frozenset({"needs", "names"}),
    "eligibility_lead": frozenset({"verdicts", "others"}),
    "lead_instead": frozenset({"names"}),
    "clarify": frozenset({"question"}),
    "intake": frozenset({"question"}),
    "plan_question": frozenset({"profile", "question"}),
    "ask_again": frozenset({"question"}),
    "disclaimer": frozenset({"bodies"}),
    "signpost_intro": frozenset({"needs"}),
    "signpost_also": frozenset({"needs"}),
    "signpost": frozenset(
        {"rank", "name", "summary", "figures", "administered_by", "url", "status"}
    ),
    "signpost_outro": frozenset(),
    "none_fit": frozenset(),
    "decline": frozenset(),
    "decline_hostile": frozenset(),
    "decline_abuse": frozenset(),
    "smalltalk": frozenset(),
}
LLM_REGISTRY: dict[str, frozenset[str]] = {
    "system": frozenset({"language"}),
    "user": frozenset({"sources", "facts", "history", "question"}),
}


class PromptError(ValueError):
    """A template file is missing or its placeholders do not match the code."""


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _read(path: Path, expected: frozenset[str]) -> str:
    if not path.exists():
        raise PromptError(f"missing template file {path}")
    text = path.read_text(encoding="utf-8").rstrip("\n")
    unknown = placeholders(text) - expected
    if unknown:
        raise PromptError(
            f"{path}: placeholders {sorted(unknown)} are not passed by the code "
            f"(it passes {sorted(expected)})"
        )
    return text


@dataclass(frozen=True)
class Templates:
    """The composer's templates for one language."""

    lang: Lang
    texts: dict[str, str]

    def render(self, template: str, /, **values: object) -> str:
        return self.texts[template].format(**values)


@cache
def load_templates(lang: Lang, root: Path = HERE / "templates") -> Templates:
    texts = {name: _read(root / lang / f"{name}.txt", vars_) for name, vars_ in REGISTRY.items()}
    return Templates(lang, texts)


@cache
def load_llm_prompts(root: Path = HERE / "llm") -> dict[str, PromptTemplate]:
    """LangChain prompt templates for the optional LLM answerer."""
    return {
        name: PromptTemplate.from_template(_read(root / f"{name}.txt", vars_))
        for name, vars_ in LLM_REGISTRY.items()
    }
