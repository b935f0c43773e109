"""The unit of retrieval: a passage a person can cite.

Letter passages come from `retrieval.letter`; card passages are built by the assistant from
instrument cards. Both share this model so search, citation and evaluation treat them alike.
"""

from __future__ import annotations

import hashlib
import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Source = Literal["letter", "card"]
PassageKind = Literal["paragraph", "box", "footnote", "action", "card", "sentence"]
Part = Literal["Inleiding", "Deel I", "Deel II", "Actieplan"]

_WS = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Lowercase, drop soft hyphens, collapse whitespace (the eval contract's normalisation)."""
    return _WS.sub(" ", text.replace("\u00ad", "").lower()).strip()


def stable_id(prefix: str, *parts: str) -> str:
    """An id that depends only on content: same text, same id across runs."""
    digest = hashlib.sha1("\x1f".join(normalise(p) for p in parts).encode("utf-8"))
    return f"{prefix}-{digest.hexdigest()[:12]}"


class Passage(BaseModel):
    """A citable piece of text with its place in the source."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(description="Stable id derived from the content.")
    text: str = Field(description="Clean text, headers and hyphenation removed.")
    source: Source = Field(description="letter or card.")
    kind: PassageKind = Field(description="What sort of passage this is.")
    label: str = Field(description="Human label, e.g. 'Deel II, 3. ..., alinea 2 (p. 24)'.")
    part: Part | None = Field(default=None, description="Part of the letter.")
    section: str | None = Field(default=None, description="Numbered section with its title.")
    box: str | None = Field(
        default=None, description="Box title, e.g. 'Kader 3. De schone fabriek'."
    )
    paragraph: int | None = Field(default=None, description="Paragraph number within its section.")
    page: int | None = Field(default=None, description="Page of the PDF, where reliably derived.")
    instrument_id: str | None = Field(default=None, description="For card passages: the id.")
    initiator: str | None = Field(default=None, description="Action-plan rows: Initiatiefnemer.")
    deadline: str | None = Field(default=None, description="Action-plan rows: Deadline / status.")
    footnote: int | None = Field(default=None, description="Footnotes: their number.")
    refers_to: str | None = Field(
        default=None, description="Footnotes: id of the passage that references them."
    )
    parent: str | None = Field(
        default=None, description="Sentence windows: id of the passage they belong to."
    )
    url: str | None = Field(default=None, description="Card passages: the official address.")
    seen: str | None = Field(default=None, description="Card passages: date the facts were seen.")

    def metadata(self) -> dict[str, str | int | float | bool]:
        """Flat metadata for Chroma (no None values allowed there)."""
        data = self.model_dump(exclude={"id", "text"})
        return {k: v for k, v in data.items() if v is not None}
