"""The dialogue state of one conversation: what the assistant remembers between turns.

- the profile, and for each slot where its value came from (`Provenance`);
- the clarifying question it asked and is waiting on (`Pending`), with its field and options;
- the previous answers, the last recommendations among them.

`add` is the one way an answer updates the state. A declined answer leaves the profile as it
was (facts read from a refused message are not kept; the service already answers with the old
profile), and a new clarifying question replaces the pending one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from assistant.answer import Answer, Recommendation
from instruments.models import Lang
from instruments.profile import CompanyProfile

Provenance = Literal["stated", "answered", "form"]


@dataclass(frozen=True)
class Pending:
    """The clarifying question the assistant asked last, awaiting an answer."""

    field: str
    question: str
    options: tuple[str, ...]
    lang: Lang


@dataclass
class Conversation:
    """The dialogue state: profile slots with provenance, the pending question, the answers."""

    profile: CompanyProfile = field(default_factory=CompanyProfile)
    answers: list[Answer] = field(default_factory=list)
    provenance: dict[str, Provenance] = field(default_factory=dict)
    pending: Pending | None = None
    preferred_lang: Lang | None = None  # chosen by the caller (API `lang`): until a message says

    def add(self, answer: Answer) -> None:
        self.answers.append(answer)
        if answer.declined:
            return  # neither its facts nor a question: the state stays as before the message
        self.profile = CompanyProfile.model_validate(answer.profile)
        for name in set(answer.provenance) & set(answer.profile):
            self.provenance[name] = answer.provenance[name]  # type: ignore[assignment]
        self.pending = (
            Pending(
                answer.clarifying_field,
                answer.clarifying_question,
                tuple(answer.clarifying_options),
                answer.lang,
            )
            if answer.clarifying_field and answer.clarifying_question
            else None
        )

    def corrected(self, profile: CompanyProfile) -> Conversation:
        """The same conversation with the profile as corrected in the form."""
        changed = {
            name for name, value in profile.model_dump().items()
            if value != getattr(self.profile, name)
        }
        provenance = {**self.provenance, **dict.fromkeys(changed, "form")}
        return Conversation(profile, list(self.answers), provenance, self.pending,  # type: ignore[arg-type]
                            self.preferred_lang)

    @property
    def topic(self) -> str:
        """The need the conversation is about: what the last helpful answer searched for."""
        for answer in reversed(self.answers):
            if not answer.declined and answer.intent not in ("clarify", "smalltalk"):
                return answer.topic or answer.question
        return ""

    @property
    def lang(self) -> Lang | None:
        return self.answers[-1].lang if self.answers else self.preferred_lang

    @property
    def last_recommendations(self) -> list[Recommendation]:
        previous = next((a for a in reversed(self.answers) if a.recommendations), None)
        return list(previous.recommendations) if previous else []
