"""The question-set format of shared/eval-contract.md: JSON Lines, one typed item per line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from assistant.errors import InputError

QuestionType = Literal[
    "recommend", "explain", "policy", "eligibility", "compare", "out_of_scope", "adversarial",
    "conversation",
]
MAX_TURNS = 20  # a conversation item longer than this is a mistake in the set, not a test


class EvalSetError(InputError):
    """A malformed question set; the message names the line."""


class Expect(BaseModel):
    """Checks on one conversation turn's answer; every key given must hold."""

    model_config = ConfigDict(extra="ignore")

    declined: bool | None = None
    asks: bool | None = None
    profile: dict[str, Any] | None = None
    expected_instruments: list[str] = Field(default_factory=list)
    acceptable_instruments: list[str] = Field(default_factory=list)
    forbidden_instruments: list[str] = Field(default_factory=list)
    answer_must_mention: list[str] = Field(default_factory=list)
    lang: Literal["nl", "en"] | None = None


class Turn(BaseModel):
    """What the user sends in one turn of a conversation, and what its answer must do."""

    model_config = ConfigDict(extra="ignore")

    say: str
    expect: Expect | None = None


class EvalItem(BaseModel):
    """One question, or one conversation (`turns`). Unknown extra fields are ignored, as the
    contract says."""

    model_config = ConfigDict(extra="ignore")

    id: str = Field(min_length=1)
    question: str = ""
    turns: list[Turn] = Field(default_factory=list, max_length=MAX_TURNS)
    lang: Literal["nl", "en"]
    type: QuestionType
    profile: dict[str, Any] | None = None
    expected_instruments: list[str] = Field(default_factory=list)
    acceptable_instruments: list[str] = Field(default_factory=list)
    gold_quotes: list[str] = Field(default_factory=list)
    forbidden_instruments: list[str] = Field(default_factory=list)
    answer_must_mention: list[str] = Field(default_factory=list)
    answerable: bool = True
    notes: str = ""

    @model_validator(mode="after")
    def _question_or_turns(self) -> EvalItem:
        if self.type == "conversation" and not self.turns:
            raise ValueError("a conversation item needs turns")
        if self.type != "conversation" and not self.question:
            raise ValueError("question is required (turns only for type conversation)")
        return self


def _no_constant(name: str) -> None:
    raise ValueError(f"{name} is not a valid number here")


def parse_set(text: str, name: str = "<set>") -> list[EvalItem]:
    """Every line parsed and validated; the first bad line stops everything."""
    items: list[EvalItem] = []
    seen: set[str] = set()
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            data = json.loads(line, parse_constant=_no_constant)
        except json.JSONDecodeError as exc:
            raise EvalSetError(f"{name}, line {number}: not valid JSON ({exc.msg})") from exc
        except (ValueError, RecursionError) as exc:  # NaN, huge numbers, deep nesting
            why = "nested too deeply" if isinstance(exc, RecursionError) else str(exc)[:120]
            raise EvalSetError(f"{name}, line {number}: not usable JSON ({why})") from exc
        if not isinstance(data, dict):
            raise EvalSetError(f"{name}, line {number}: expected a JSON object")
        try:
            item = EvalItem.model_validate(data)
        except ValidationError as exc:
            problems = "; ".join(
                f"{'.'.join(map(str, e['loc'])) or 'item'}: {e['msg']}" for e in exc.errors()
            )
            raise EvalSetError(f"{name}, line {number}: {problems}") from exc
        if item.id in seen:
            raise EvalSetError(f"{name}, line {number}: duplicate id {item.id!r}")
        seen.add(item.id)
        items.append(item)
    if not items:
        raise EvalSetError(f"{name}: no questions in the set")
    return items


def load_set(path: Path) -> list[EvalItem]:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise EvalSetError(f"{path}: not UTF-8 text") from exc
    return parse_set(text, str(path))
