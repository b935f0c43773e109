"""A second look, by meaning, at questions the word rules (assistant/intent.py) let through.

Rules catch the phrasings someone wrote down; a request to cheat or to invent a figure can be
worded in endless other ways. The guard embeds the question with the finder's own embedder
and compares it with short example requests in `prompts/guard/`: ones to decline as hostile,
ones outside the assistant's scope, and ones to answer (many sharing words with the first two:
"do marketing hours count for the WBSO?" next to "put our sales hours in as R&D").

A question is declined when its nearest example to decline is close (at least `threshold`
cosine similarity) and clearly closer than its nearest example to answer (by `margin`). Both
were set on the tuning sets (eval/dev*.jsonl, where the largest margin of an answerable
question is 0.073) and a leave-one-out over the examples, never on the report set. It only
knows wordings like its examples: a first bank of 136 recognised 2 of 50 hostile requests
of a second bank written later by someone else, which is why both banks are now in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar

from assistant.answer import Intent
from assistant.examples import ExampleBank

EXAMPLES = Path(__file__).resolve().parent.parent / "prompts" / "guard"
LABELS: dict[str, Intent | None] = {
    "hostile": "adversarial", "out_of_scope": "out_of_scope", "allowed": None,
}
# THRESHOLD and MARGIN are scores of this embedder; the finder runs the guard on it, whatever
# embedder the search uses (another model's cosines are on another scale)
CALIBRATED_WITH = "use:multilingual-v3"
THRESHOLD = 0.4
MARGIN = 0.10


def read_examples(folder: Path = EXAMPLES) -> dict[str, list[str]]:
    """Label -> example texts, one per line; blank lines and `#` comments skipped. Raises
    OSError when a file is missing and ValueError when a label has no example."""
    examples: dict[str, list[str]] = {}
    for label in LABELS:
        lines = (folder / f"{label}.txt").read_text(encoding="utf-8").splitlines()
        examples[label] = [s.strip() for s in lines if s.strip() and not s.strip().startswith("#")]
        if not examples[label]:
            raise ValueError(f"{folder / f'{label}.txt'} holds no example")
    return examples


@dataclass
class SemanticGuard(ExampleBank):
    REFERENCE: ClassVar[str] = "allowed"
    examples: dict[str, list[str]] = field(default_factory=read_examples)
    threshold: float = THRESHOLD
    margin: float = MARGIN

    def verdict(self, text: str) -> Intent | None:
        """"adversarial" or "out_of_scope" when the question is near examples to decline;
        None when it should be answered, or when the guard cannot judge."""
        label = self.label(text)
        return LABELS.get(label) if label else None
