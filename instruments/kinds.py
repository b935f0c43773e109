"""What each instrument is to an applicant: its category, read from instruments/data/kinds.tsv
(the card's `kind` is the finer label shown; the category decides how it is rated)."""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path
from typing import cast, get_args

from instruments.models import Category, InstrumentCard, Kind

KINDS_PATH = Path(__file__).parent / "data" / "kinds.tsv"
# Categories with nothing to apply for: never rated as a scheme that fits.
SERVICES: frozenset[Category] = frozenset({"network", "tool"})


@cache
def categories() -> dict[str, Category]:
    """Kind -> category; every Kind must be listed, with a known category."""
    with KINDS_PATH.open(encoding="utf-8") as handle:
        rows = {row["kind"]: row["category"] for row in csv.DictReader(handle, delimiter="\t")}
    unknown = set(rows.values()) - set(get_args(Category))
    missing = set(get_args(Kind)) - set(rows)
    if unknown or missing:
        raise ValueError(f"{KINDS_PATH.name}: unknown categories {sorted(unknown)}, "
                         f"kinds without a category {sorted(missing)}")
    return {kind: cast(Category, category) for kind, category in rows.items()}


def category_of(card: InstrumentCard) -> Category:
    return categories()[card.kind]
