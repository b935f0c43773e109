"""Feedback on answers (thumbs up/down, an optional comment, optionally the instruments the user
expected), stored in SQLite in WAL mode and turned into eval-set lines.

Only what the user explicitly sends is stored: the page calls `add` on a click, never on its own.
Each call opens its own connection, so the store is safe to share between the page's threads.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from assistant.answer import Answer

Rating = Literal["up", "down"]
EVAL_TYPES = ("recommend", "explain", "policy", "eligibility", "out_of_scope", "adversarial")
_DECLINE_TYPES = ("out_of_scope", "adversarial")
_INTENT_TYPE = {"compare": "explain"}  # intents the eval contract names differently
_CONTRACT_PROFILE_KEYS = (
    "size", "employees", "stage", "sector", "collaboration", "is_startup",
    "is_knowledge_institution", "region",
)
_SCHEMA = """
CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created TEXT NOT NULL,
    rating TEXT NOT NULL CHECK (rating IN ('up', 'down')),
    comment TEXT NOT NULL DEFAULT '',
    question TEXT NOT NULL,
    lang TEXT NOT NULL,
    intent TEXT NOT NULL,
    declined INTEGER NOT NULL,
    answer_text TEXT NOT NULL,
    recommended TEXT NOT NULL,
    citations TEXT NOT NULL,
    expected_instruments TEXT NOT NULL,
    profile TEXT NOT NULL,
    config TEXT NOT NULL
)
"""


class FeedbackError(ValueError):
    """Feedback that cannot be stored (unknown rating)."""


@dataclass(frozen=True)
class FeedbackRecord:
    """One stored click, as read back from the database."""

    id: int
    created: str
    rating: Rating
    comment: str
    question: str
    lang: str
    intent: str
    declined: bool
    answer_text: str
    recommended: list[str]
    citations: list[dict[str, Any]]
    expected_instruments: list[str]
    profile: dict[str, Any]
    config: dict[str, str]


class FeedbackStore:
    """SQLite file of feedback rows; the folder and table are created on first use."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with closing(self._connect()) as conn:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute(_SCHEMA)
            conn.commit()

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=30)
        conn.row_factory = sqlite3.Row
        return conn

    def journal_mode(self) -> str:
        with closing(self._connect()) as conn:
            return str(conn.execute("PRAGMA journal_mode").fetchone()[0])

    def add(
        self,
        answer: Answer,
        rating: Rating,
        comment: str = "",
        expected_instruments: Sequence[str] = (),
    ) -> int:
        """Store one click; returns the row id."""
        if rating not in ("up", "down"):
            raise FeedbackError(f"rating must be 'up' or 'down', got {rating!r}")
        row = (
            datetime.now(UTC).isoformat(timespec="seconds"), rating, comment.strip(),
            answer.question, answer.lang, answer.intent, int(answer.declined), answer.text,
            _json(answer.recommended_ids()), _json([c.model_dump() for c in answer.citations]),
            _json(list(dict.fromkeys(expected_instruments))), _json(answer.profile),
            _json(answer.config),
        )
        with closing(self._connect()) as conn, conn:
            cursor = conn.execute(
                "INSERT INTO feedback (created, rating, comment, question, lang, intent, declined,"
                " answer_text, recommended, citations, expected_instruments, profile, config)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                row,
            )
            return int(cursor.lastrowid or 0)

    def all(self) -> list[FeedbackRecord]:
        with closing(self._connect()) as conn:
            rows = conn.execute("SELECT * FROM feedback ORDER BY id").fetchall()
        return [_record(row) for row in rows]

    def count(self) -> int:
        with closing(self._connect()) as conn:
            return int(conn.execute("SELECT COUNT(*) FROM feedback").fetchone()[0])

    def export_eval_lines(
        self, records: Iterable[FeedbackRecord] | None = None, prefix: str = "feedback-"
    ) -> list[str]:
        """Eval-set JSON lines (shared/eval-contract.md) from feedback that teaches something.

        - a correction (instruments the user expected): those become expected_instruments;
        - thumbs up on recommendations: the first becomes expected, the next two acceptable;
        - thumbs up on a declined question: an unanswerable item.
        Other feedback (thumbs down without a correction) is left out.
        """
        items = (eval_item(r, prefix) for r in (self.all() if records is None else records))
        return [json.dumps(item, ensure_ascii=False) for item in items if item is not None]


def eval_item(record: FeedbackRecord, prefix: str = "feedback-") -> dict[str, Any] | None:
    """One eval item for a feedback record, or None when it teaches nothing."""
    item: dict[str, Any] = {
        "id": f"{prefix}{record.id}", "question": record.question, "lang": record.lang,
        "profile": contract_profile(record.profile),
        "notes": f"from feedback #{record.id} ({record.rating}): {record.comment}".strip(),
    }
    kind = _INTENT_TYPE.get(record.intent, record.intent)
    kind = kind if kind in EVAL_TYPES else "recommend"
    if record.expected_instruments:
        kind = "recommend" if kind in _DECLINE_TYPES else kind
        return {**item, "type": kind, "expected_instruments": record.expected_instruments,
                "answerable": True}
    if record.rating != "up":
        return None
    if record.declined:
        kind = kind if kind in _DECLINE_TYPES else "out_of_scope"
        return {**item, "type": kind, "answerable": False}
    if not record.recommended:
        return None
    return {**item, "type": kind, "expected_instruments": record.recommended[:1],
            "acceptable_instruments": record.recommended[1:3], "answerable": True}


def contract_profile(profile: dict[str, Any]) -> dict[str, Any]:
    """The eval contract's profile object from a stored CompanyProfile dump."""
    out = {k: profile[k] for k in _CONTRACT_PROFILE_KEYS if profile.get(k) not in (None, [], "")}
    if profile.get("activities"):
        out["activity"] = list(profile["activities"])
    return out


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _record(row: sqlite3.Row) -> FeedbackRecord:
    return FeedbackRecord(
        id=row["id"], created=row["created"], rating=row["rating"], comment=row["comment"],
        question=row["question"], lang=row["lang"], intent=row["intent"],
        declined=bool(row["declined"]), answer_text=row["answer_text"],
        recommended=json.loads(row["recommended"]), citations=json.loads(row["citations"]),
        expected_instruments=json.loads(row["expected_instruments"]),
        profile=json.loads(row["profile"]), config=json.loads(row["config"]),
    )
