"""Loading and validating the instrument cards."""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import ValidationError

from instruments.models import InstrumentCard

CARDS_DIR = Path(__file__).parent / "cards"
SIGNPOSTS_DIR = Path(__file__).parent / "signposts"  # adjacent schemes (kind: signpost)
SCHEMA_PATH = Path(__file__).parent / "card.schema.json"


class CatalogError(ValueError):
    """A card file that cannot be read or does not validate."""


@dataclass(frozen=True)
class Catalog:
    """All instrument cards, by id, in file order."""

    cards: dict[str, InstrumentCard]

    def get(self, instrument_id: str) -> InstrumentCard:
        try:
            return self.cards[instrument_id]
        except KeyError:
            known = ", ".join(sorted(self.cards))
            raise KeyError(f"unknown instrument id {instrument_id!r}; known ids: {known}") from None

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.cards.values())

    def __len__(self) -> int:
        return len(self.cards)

    def ids(self) -> list[str]:
        return list(self.cards)


def load_card(path: Path) -> InstrumentCard:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise CatalogError(f"{path.name}: not valid YAML: {exc}") from exc
    try:
        card = InstrumentCard.model_validate(data)
    except ValidationError as exc:
        raise CatalogError(f"{path.name}: {exc}") from exc
    if card.id != path.stem:
        raise CatalogError(f"{path.name}: id {card.id!r} does not match the file name")
    return card


def load_catalog(cards_dir: Path = CARDS_DIR) -> Catalog:
    if not cards_dir.is_dir():
        raise CatalogError(f"the cards folder {cards_dir} is not a folder")
    cards = [load_card(p) for p in sorted(cards_dir.glob("*.yaml"))]
    if not cards:
        raise CatalogError(f"the cards folder {cards_dir} holds no card (*.yaml)")
    return Catalog({c.id: c for c in cards})


def load_signposts(signposts_dir: Path = SIGNPOSTS_DIR) -> Catalog:
    """The signpost cards: same model, kind "signpost", ids from shared/signposts.tsv."""
    catalog = load_catalog(signposts_dir)
    wrong = [c.id for c in catalog if c.kind != "signpost"]
    if wrong:
        raise CatalogError(f"signposts of another kind than 'signpost': {wrong}")
    return catalog


def read_instrument_ids(tsv_path: Path) -> list[str]:
    """The canonical ids (first column of instruments.tsv)."""
    with tsv_path.open(encoding="utf-8") as handle:
        return [row["id"] for row in csv.DictReader(handle, delimiter="\t")]


def write_schema(path: Path = SCHEMA_PATH) -> None:
    schema = InstrumentCard.model_json_schema()
    path.write_text(json.dumps(schema, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
