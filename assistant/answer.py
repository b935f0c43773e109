"""The typed result of one question: what the page, the CLI and the eval runner all read."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Intent = Literal[
    "recommend", "explain", "compare", "eligibility", "policy", "out_of_scope", "adversarial",
    "smalltalk",
    "intake",  # a vague opening: what the assistant can do, and the one question to start with
    "clarify",  # a reply that did not answer the pending question: asked again in other words
    "estimate",  # "how much would we get?": worked out from the profile's numbers
    "combine",  # "can I combine X with Y?": yes, no or partly, with the rule
    "sme_status",  # "tellen we als mkb?": the EU SME test on the profile's own numbers
]
Verdict = Literal["fits", "may_fit", "not_a_scheme", "closed", "does_not_fit"]


class Citation(BaseModel):
    """A numbered source the answer text refers to as [n]."""

    model_config = ConfigDict(extra="forbid")

    n: int = Field(description="Number used in the text, [n].")
    passage_id: str
    label: str = Field(description="Where it stands: part, section, paragraph, page.")
    source: Literal["letter", "card"]
    quote: str = Field(description="The cited sentence(s), verbatim from the passage.")
    url: str | None = Field(default=None, description="Card sources: the official address.")
    seen: str | None = Field(default=None, description="Card sources: date of the facts.")


class CriterionView(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str
    outcome: Literal["meets", "fails", "undetermined"]
    reason: str
    source: str


class Recommendation(BaseModel):
    """One ranked instrument with its verdict and what to do next."""

    model_config = ConfigDict(extra="forbid")

    instrument_id: str
    name: str
    kind: str
    verdict: Verdict
    score: float = Field(description="Ranking score (verdict, relevance, support type).")
    why: list[str] = Field(default_factory=list, description="Reasons it fits.")
    to_check: list[str] = Field(default_factory=list, description="What is still unknown.")
    next_step: str = ""
    administered_by: str = ""
    url: str = ""
    figures: list[str] = Field(default_factory=list, description="Figures, each with its year.")
    status: str = Field(default="", description="Status with its date.")
    criteria: list[CriterionView] = Field(default_factory=list)


class Answer(BaseModel):
    """Everything about one answer, serialisable as JSON (`finder ask --json`)."""

    model_config = ConfigDict(extra="forbid")

    question: str
    lang: Literal["nl", "en"]
    intent: Intent
    text: str = Field(description="The answer, with [n] citation markers.")
    lead: str = Field(
        default="",
        description="The verdict first, at most 60 words; `text` starts with it and the details "
        "follow after a blank line (empty: no separate lead).",
    )
    recommendations: list[Recommendation] = Field(default_factory=list)
    citations: list[Citation] = Field(default_factory=list)
    retrieved: list[str] = Field(
        default_factory=list, description="Passage ids retrieved, best first."
    )
    profile: dict[str, Any] = Field(default_factory=dict, description="The profile understood.")
    understood: list[tuple[str, str]] = Field(
        default_factory=list, description="The profile in words, for the user to correct."
    )
    provenance: dict[str, str] = Field(
        default_factory=dict,
        description="Where this message's facts came from: stated, or answered (to a question).",
    )
    topic: str = Field(
        default="",
        description="What the searches looked for: this message, or with the need it adds to.",
    )
    clarifying_question: str | None = None
    clarifying_options: list[str] = Field(default_factory=list)
    clarifying_field: str | None = None
    declined: bool = False
    notice: str | None = Field(default=None, description="E.g. LLM unavailable, fell back.")
    config: dict[str, str] = Field(default_factory=dict, description="What produced it.")

    def recommended_ids(self) -> list[str]:
        return [r.instrument_id for r in self.recommendations]

    def cited_ids(self) -> list[str]:
        return [c.passage_id for c in self.citations]
