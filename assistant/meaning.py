"""What the user wants to do, read by meaning where the word rules end.

The word rules (instruments/lexicon_topics.py) know the phrasings someone wrote down ("een
prototype bouwen", "samenwerken met"); "we're working on a device that tells farmers when to
water" names none of them. Such a message is compared with the labelled examples in
`prompts/meaning/activities.tsv` (assistant.examples): its activity is the label of the nearest
example when that is close (`threshold`) and clearly closer (`margin`) than the nearest
ordinary plan (`none`). Both values come from a leave-one-out over the bank
(tests/test_meaning.py) and the tuning sets, never from a report set.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar

from assistant.examples import ExampleBank

BANK = Path(__file__).resolve().parent.parent / "prompts" / "meaning" / "activities.tsv"
NONE = "none"  # ordinary plans: no innovation activity
# Leave-one-out over the bank with USE (2026-12-07, 54 examples): at 0.45, 10 read wrong and 14
# missed; at 0.5, 4 wrong (what it reads is right 15 times in 19) and 25 missed. A wrong
# activity pulls the wrong schemes up, a missed one leaves the word rules' reading: 0.5.
THRESHOLD = 0.5
MARGIN = 0.05
CALIBRATED_WITH = "use:multilingual-v3"  # the embedder these scores are of (see the guard)


def read_bank(path: Path = BANK) -> dict[str, list[str]]:
    """Label -> example texts. Raises OSError when the file is missing and ValueError for a row
    without a label or a text."""
    lines = [line for line in path.read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    bank: dict[str, list[str]] = {}
    for row in csv.DictReader(lines, delimiter="\t"):
        label, text = (row.get("label") or "").strip(), (row.get("text") or "").strip()
        if not label or not text:
            raise ValueError(f"{path}: a row without a label or a text: {row}")
        bank.setdefault(label, []).append(text)
    return bank


@dataclass
class ActivityReader(ExampleBank):
    REFERENCE: ClassVar[str] = NONE
    examples: dict[str, list[str]] = field(default_factory=read_bank)
    threshold: float = THRESHOLD
    margin: float = MARGIN

    def activity(self, text: str) -> str | None:
        """The activity the text is nearest to, or None when it is not clearly one."""
        return self.label(text)
