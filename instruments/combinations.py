"""Which schemes can be combined: the rules of instruments/data/combinations.tsv, each from the
reference with its year, its address and whether a primary page confirms it."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

from instruments.models import Lang

RULES_FILE = Path(__file__).resolve().parent / "data" / "combinations.tsv"
ANY = "*"  # b: any other scheme
EU = "eu"  # b: any other EU funding
CombineVerdict = Literal["yes", "no", "partly"]


@dataclass(frozen=True)
class CombinationRule:
    a: str
    b: str
    verdict: CombineVerdict
    rule_en: str
    rule_nl: str
    year: str
    source_url: str
    verified: bool

    def rule(self, lang: Lang) -> str:
        return self.rule_nl if lang == "nl" else self.rule_en


@cache
def load_rules(path: Path = RULES_FILE) -> tuple[CombinationRule, ...]:
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines()
             if ln.strip() and not ln.startswith("#")]
    rules = []
    for row in csv.DictReader(lines, delimiter="\t"):
        verdict = row["verdict"]
        if verdict not in ("yes", "no", "partly"):
            raise ValueError(f"{path.name}: verdict {verdict!r} for {row['a']}+{row['b']}")
        rules.append(CombinationRule(
            a=row["a"], b=row["b"], verdict=verdict,  # type: ignore[arg-type]
            rule_en=row["rule_en"], rule_nl=row["rule_nl"], year=row["year"],
            source_url=row["source_url"], verified=row["verified"] == "true",
        ))
    return tuple(rules)


def rules_for(
    first: str, second: str | None
) -> tuple[list[CombinationRule], list[CombinationRule]]:
    """(rules about exactly this pair, general rules of either: "with any other scheme" and
    "with other EU funding"). With no second scheme, the general rules of the first."""
    pair = [] if second is None else [
        r for r in load_rules() if {r.a, r.b} == {first, second}
    ]
    named = {first} if second is None else {first, second}
    general = [r for r in load_rules() if r.a in named and r.b in (ANY, EU)]
    return pair, general
