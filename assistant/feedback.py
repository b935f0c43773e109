"""Feedback on answers (thumbs up/down, an optional comment, optionally the instruments the user
expected), stored through SQLAlchemy Core and turned into eval-set lines.

SQLite (a file, WAL mode) by default; a SQLAlchemy URL (`FINDER_FEEDBACK_URL`, e.g.
`postgresql+psycopg://finder@db:5432/finder`) puts it in a shared PostgreSQL instead.
Only what the user explicitly sends is stored: the page calls `add` on a click, never on its own.
Every call takes its own connection (SQLite: a new one; PostgreSQL: one from the pool), so the
store is safe to share between the page's threads. The table is created on first use, so a
database that is down at start-up only makes the clicks fail, with FeedbackUnavailable.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from sqlalchemy import (
    CheckConstraint,
    Column,
    Connection,
    Engine,
    Integer,
    MetaData,
    Table,
    Text,
    create_engine,
    event,
    func,
    insert,
    select,
    text,
)
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import (
    ArgumentError,
    IntegrityError,
    NoSuchModuleError,
    ProgrammingError,
    SQLAlchemyError,
)
from sqlalchemy.pool import NullPool

from assistant.answer import Answer

if TYPE_CHECKING:
    from assistant.settings import Settings

log = logging.getLogger(__name__)
Rating = Literal["up", "down"]
EVAL_TYPES = ("recommend", "explain", "policy", "eligibility", "out_of_scope", "adversarial")
_DECLINE_TYPES = ("out_of_scope", "adversarial")
_INTENT_TYPE = {"compare": "explain"}  # intents the eval contract names differently
_CONTRACT_PROFILE_KEYS = (
    "size", "employees", "stage", "sector", "collaboration", "is_startup",
    "is_knowledge_institution", "region",
)
_SQLITE_BUSY_TIMEOUT_S = 30
_JSON_COLUMNS = ("recommended", "citations", "expected_instruments", "profile", "config")

metadata = MetaData()
feedback_table = Table(
    "feedback", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("created", Text, nullable=False),
    Column("rating", Text, CheckConstraint("rating IN ('up', 'down')"), nullable=False),
    Column("comment", Text, nullable=False, server_default=""),
    Column("question", Text, nullable=False),
    Column("lang", Text, nullable=False),
    Column("intent", Text, nullable=False),
    Column("declined", Integer, nullable=False),
    Column("answer_text", Text, nullable=False),
    *(Column(name, Text, nullable=False) for name in _JSON_COLUMNS),
    sqlite_autoincrement=True,
)


class FeedbackError(ValueError):
    """Feedback that cannot be stored (unknown rating, a comment too long)."""


MAX_COMMENT_CHARS = 2000  # a few paragraphs; issue 15 saw 5,000,000 characters stored
MAX_EXPECTED = 20  # instruments named as expected: the catalog has about forty


class FeedbackUnavailable(RuntimeError):
    """The feedback database cannot be reached or used; the message is one line, no password."""


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
    """Feedback rows in SQLite (a file path or `sqlite:///` URL) or any SQLAlchemy URL."""

    def __init__(self, target: Path | str, connect_timeout: int = 5) -> None:
        self.url = _parse_url(target)
        self.location = self.url.render_as_string(hide_password=True)
        self.path: Path | None = None
        if self.url.get_backend_name() == "sqlite" and self.url.database not in (None, ""):
            self.path = Path(self.url.database or "")
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self.engine = _engine(self.url, connect_timeout)
        self._created = False
        self._lock = threading.Lock()
        if self.path is not None:
            with self._connection():  # a local file: create it (and the table) at once
                pass

    def __repr__(self) -> str:
        return f"FeedbackStore({self.location!r})"

    @contextmanager
    def _connection(self, write: bool = False) -> Iterator[Connection]:
        """A connection (in a transaction that commits when `write`), with the table in place."""
        try:
            self._create_table()
            with self.engine.begin() if write else self.engine.connect() as conn:
                yield conn
        except SQLAlchemyError as exc:
            raise FeedbackUnavailable(_reason(self.url, self.location, exc)) from exc

    def _create_table(self) -> None:
        with self._lock:
            if self._created:
                return
            try:
                metadata.create_all(self.engine, checkfirst=True)
            except (IntegrityError, ProgrammingError):  # another process created it just now
                metadata.create_all(self.engine, checkfirst=True)
            self._created = True

    def journal_mode(self) -> str:
        """SQLite's journal mode ('wal'); other databases have none."""
        if self.url.get_backend_name() != "sqlite":
            return ""
        with self._connection() as conn:
            return str(conn.execute(text("PRAGMA journal_mode")).scalar_one())

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
        if len(comment) > MAX_COMMENT_CHARS:
            raise FeedbackError(f"the comment has {len(comment):,} characters; at most "
                                f"{MAX_COMMENT_CHARS:,} are stored")
        if len(expected_instruments) > MAX_EXPECTED:
            raise FeedbackError(f"at most {MAX_EXPECTED} expected instruments")
        row = {
            "created": datetime.now(UTC).isoformat(timespec="seconds"), "rating": rating,
            "comment": comment.strip(), "question": answer.question, "lang": answer.lang,
            "intent": answer.intent, "declined": int(answer.declined), "answer_text": answer.text,
            "recommended": _json(answer.recommended_ids()),
            "citations": _json([c.model_dump() for c in answer.citations]),
            "expected_instruments": _json(list(dict.fromkeys(expected_instruments))),
            "profile": _json(answer.profile), "config": _json(answer.config),
        }
        with self._connection(write=True) as conn:
            result = conn.execute(insert(feedback_table).values(**row))
            key = result.inserted_primary_key
            return int(key[0]) if key else 0

    def all(self) -> list[FeedbackRecord]:
        with self._connection() as conn:
            rows = conn.execute(select(feedback_table).order_by(feedback_table.c.id)).mappings()
            return [_record(row) for row in rows]

    def count(self) -> int:
        with self._connection() as conn:
            return int(conn.execute(select(func.count()).select_from(feedback_table)).scalar_one())

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


def open_feedback_store(settings: Settings) -> FeedbackStore:
    """The store the settings name: FINDER_FEEDBACK_URL when set, else the SQLite feedback_db."""
    store = FeedbackStore(settings.feedback_url or settings.feedback_db)
    log.info("feedback stored in %s", store.location)  # never with the password
    return store


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


def _parse_url(target: Path | str) -> URL:
    """A path (or a string without '://') is a SQLite file; anything else a SQLAlchemy URL."""
    if isinstance(target, Path) or "://" not in target:
        return URL.create("sqlite", database=str(Path(target)))
    try:
        url = make_url(target)
    except ArgumentError:  # its message repeats the URL, password and all
        raise FeedbackUnavailable(
            "feedback URL cannot be parsed; expected e.g. "
            "postgresql+psycopg://user@host:5432/db or sqlite:///path/feedback.sqlite3"
        ) from None
    if url.drivername == "postgresql":  # SQLAlchemy's default driver (psycopg2) is not installed
        url = url.set(drivername="postgresql+psycopg")
    return url


def _engine(url: URL, connect_timeout: int) -> Engine:
    try:
        if url.get_backend_name() == "sqlite":
            engine = create_engine(
                url, poolclass=NullPool, hide_parameters=True,
                connect_args={"timeout": _SQLITE_BUSY_TIMEOUT_S},
            )
            event.listen(engine, "connect", _sqlite_wal)
            return engine
        args: dict[str, Any] = {}
        if url.get_backend_name() == "postgresql" and "connect_timeout" not in url.query:
            args["connect_timeout"] = connect_timeout
        return create_engine(url, connect_args=args, pool_pre_ping=True, hide_parameters=True)
    except (ArgumentError, NoSuchModuleError, ImportError) as exc:
        masked = url.render_as_string(hide_password=True)
        raise FeedbackUnavailable(f"feedback database {masked} not supported: {exc}") from None


def _sqlite_wal(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA journal_mode=WAL")
    finally:
        cursor.close()


def _reason(url: URL, location: str, exc: SQLAlchemyError) -> str:
    """One line: where, and the driver's first line of why; the password masked if echoed."""
    cause = getattr(exc, "orig", None) or exc
    lines = [line.strip() for line in str(cause).splitlines() if line.strip()]
    why = lines[0] if lines else type(cause).__name__
    if url.password:
        why = why.replace(str(url.password), "***")
    return f"feedback database {location} unavailable: {why}"


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _record(row: Any) -> FeedbackRecord:
    return FeedbackRecord(
        id=row["id"], created=row["created"], rating=row["rating"], comment=row["comment"],
        question=row["question"], lang=row["lang"], intent=row["intent"],
        declined=bool(row["declined"]), answer_text=row["answer_text"],
        recommended=json.loads(row["recommended"]), citations=json.loads(row["citations"]),
        expected_instruments=json.loads(row["expected_instruments"]),
        profile=json.loads(row["profile"]), config=json.loads(row["config"]),
    )
