"""The feedback store on a real PostgreSQL that this test run starts (Debian's package).

The server is initdb'd into a temporary folder and listens on 127.0.0.1 only, on a free port,
with its socket in that folder; password authentication (scram) over TCP. PostgreSQL refuses to
run as root, so as root it runs as the `postgres` system user. Where it cannot start (package
missing, no such user) the tests are skipped with the precise reason.
"""

from __future__ import annotations

import dataclasses
import glob
import logging
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from assistant.feedback import (
    FeedbackRecord,
    FeedbackStore,
    FeedbackUnavailable,
    open_feedback_store,
)
from assistant.settings import Settings
from tests.test_feedback import _answer, write_concurrently

USER, PASSWORD = "finder", "pg-test-Secret-42"


@dataclasses.dataclass(frozen=True)
class Server:
    port: int
    folder: Path

    def url(self, database: str = "postgres", password: str = PASSWORD) -> str:
        return f"postgresql+psycopg://{USER}:{password}@127.0.0.1:{self.port}/{database}"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _bin_dir() -> Path:
    found = glob.glob("/usr/lib/postgresql/*/bin/initdb")
    if not found:
        pytest.skip("PostgreSQL not installed: no /usr/lib/postgresql/*/bin/initdb "
                    "(`make postgresql` installs Debian's package)")
    newest = max(found, key=lambda p: int(Path(p).parts[-3].split(".")[0]))
    return Path(newest).parent


def _as_server_user(folder: Path) -> list[str]:
    """The command prefix: none, or `runuser -u postgres --` when we are root."""
    if os.geteuid() != 0:
        return []
    try:
        pwd.getpwnam("postgres")
    except KeyError:
        pytest.skip("running as root and there is no `postgres` system user to run PostgreSQL as")
    if shutil.which("runuser") is None:
        pytest.skip("running as root and `runuser` is missing to run PostgreSQL as `postgres`")
    shutil.chown(folder, "postgres", "postgres")
    return ["runuser", "-u", "postgres", "--"]


def _run(command: list[str], what: str, log: Path | None = None) -> None:
    result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip().splitlines()
        if log is not None and log.exists():
            detail += log.read_text(errors="replace").strip().splitlines()
        pytest.skip(f"PostgreSQL {what} failed: {' | '.join(detail[-3:])}")


def _start(binaries: Path, folder: Path, prefix: list[str]) -> Server:
    data, log, pwfile = folder / "data", folder / "server.log", folder / "pw"
    pwfile.write_text(PASSWORD + "\n")
    if prefix:
        shutil.chown(pwfile, "postgres", "postgres")
    _run([*prefix, str(binaries / "initdb"), "-D", str(data), "-U", USER, f"--pwfile={pwfile}",
          "--auth-local=trust", "--auth-host=scram-sha-256", "--no-locale", "-E", "UTF8",
          "--no-sync"], "initdb")
    port = _free_port()
    options = (f"-c listen_addresses=127.0.0.1 -p {port} -c unix_socket_directories={folder} "
               "-c fsync=off -c max_connections=50")
    _run([*prefix, str(binaries / "pg_ctl"), "-D", str(data), "-l", str(log), "-o", options,
          "-w", "-t", "60", "start"], "start", log)
    return Server(port, folder)


@pytest.fixture(scope="session")
def server() -> Iterator[Server]:
    binaries = _bin_dir()
    folder = Path(tempfile.mkdtemp(prefix="finder-pg-"))  # not under pytest's 0700 root folder
    prefix: list[str] = []
    try:
        prefix = _as_server_user(folder)
        yield _start(binaries, folder, prefix)
    finally:
        if (folder / "data" / "postmaster.pid").exists():
            subprocess.run([*prefix, str(binaries / "pg_ctl"), "-D", str(folder / "data"),
                            "-m", "fast", "-w", "stop"], capture_output=True, timeout=60)
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def pg_url(server: Server) -> str:
    """A fresh, empty database for each test."""
    name = f"feedback_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server.url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return server.url(name)


def _fill(store: FeedbackStore) -> None:
    store.add(_answer(), "down", comment="  MIT had eerst gemoeten ",
              expected_instruments=["mit", "innovatiekrediet", "mit"])
    store.add(_answer("Is de WBSO iets voor mij? — ‘café’ €", intent="compare"), "up")
    store.add(_answer("Wat is het weer morgen?", intent="out_of_scope", declined=True,
                      recommendations=[], citations=[]), "up")
    store.add(_answer("Geen idee", recommendations=[]), "down")


def _filled_pair(pg_url: str, folder: Path) -> tuple[FeedbackStore, FeedbackStore]:
    """A PostgreSQL and a SQLite store holding the same four rows."""
    postgres, sqlite = FeedbackStore(pg_url), FeedbackStore(folder / "feedback.sqlite3")
    _fill(postgres)
    _fill(sqlite)
    return postgres, sqlite


def _comparable(records: list[FeedbackRecord]) -> list[FeedbackRecord]:
    return [dataclasses.replace(r, created="") for r in records]


@pytest.mark.server
def test_rows_round_trip_as_on_sqlite(pg_url: str, tmp_path: Path) -> None:
    postgres, sqlite = _filled_pair(pg_url, tmp_path)
    records = postgres.all()
    assert len(records) == postgres.count() == 4
    assert _comparable(records) == _comparable(sqlite.all())
    first = records[0]
    assert first.comment == "MIT had eerst gemoeten" and first.declined is False
    assert first.expected_instruments == ["mit", "innovatiekrediet"]
    assert first.created.endswith("+00:00") and first.profile["employees"] == 12
    assert records[1].question == "Is de WBSO iets voor mij? — ‘café’ €"
    assert records[2].declined is True
    assert postgres.journal_mode() == "" and postgres.path is None


@pytest.mark.server
def test_export_eval_lines_match_sqlite(pg_url: str, tmp_path: Path) -> None:
    postgres, sqlite = _filled_pair(pg_url, tmp_path)
    lines = postgres.export_eval_lines()
    assert len(lines) == 3
    assert lines == sqlite.export_eval_lines()


@pytest.mark.server
def test_concurrent_writes_lose_no_rows(pg_url: str) -> None:
    store = FeedbackStore(pg_url)
    threads, per_thread = 8, 25
    write_concurrently(store, threads, per_thread)
    records = FeedbackStore(pg_url).all()  # a second store: what another process would see
    assert store.count() == len(records) == threads * per_thread
    assert len({r.question for r in records}) == threads * per_thread
    assert len({r.id for r in records}) == threads * per_thread


@pytest.mark.server
def test_a_second_store_creates_nothing_twice(pg_url: str) -> None:
    FeedbackStore(pg_url).add(_answer(), "up")
    again = FeedbackStore(pg_url)
    again.add(_answer("tweede"), "up")
    assert [r.id for r in again.all()] == [1, 2]


@pytest.mark.server
def test_processes_starting_together_all_store(pg_url: str) -> None:
    """Several stores (as in several app processes) create the table at the same moment."""
    barrier, errors = threading.Barrier(6), []

    def first_click(n: int) -> None:
        store = FeedbackStore(pg_url)
        barrier.wait()
        try:
            store.add(_answer(f"eerste {n}"), "up")
        except FeedbackUnavailable as exc:  # pragma: no cover - reported below
            errors.append(exc)

    workers = [threading.Thread(target=first_click, args=(n,)) for n in range(6)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert not errors
    assert FeedbackStore(pg_url).count() == 6


def test_closed_port_fails_fast_without_the_password() -> None:
    store = FeedbackStore(
        f"postgresql+psycopg://{USER}:{PASSWORD}@127.0.0.1:{_free_port()}/finder"
    )  # constructing connects to nothing: a database that is down must not stop the page
    start = time.monotonic()
    with pytest.raises(FeedbackUnavailable) as caught:
        store.add(_answer(), "up")
    assert time.monotonic() - start < 5
    message = str(caught.value)
    assert PASSWORD not in message and "\n" not in message
    assert message.startswith(f"feedback database postgresql+psycopg://{USER}:***@127.0.0.1:")
    with pytest.raises(FeedbackUnavailable):
        store.count()


def test_silent_server_hits_the_connect_timeout() -> None:
    with socket.socket() as silent:  # accepts the TCP connection, never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        port = silent.getsockname()[1]
        store = FeedbackStore(f"postgresql+psycopg://{USER}@127.0.0.1:{port}/x", connect_timeout=2)
        start = time.monotonic()
        with pytest.raises(FeedbackUnavailable, match="unavailable"):
            store.count()
        assert time.monotonic() - start < 10


@pytest.mark.server
def test_wrong_password_is_a_clear_error_without_it(server: Server) -> None:
    wrong = "not-the-Password-7"
    with pytest.raises(FeedbackUnavailable) as caught:
        FeedbackStore(server.url(password=wrong)).count()
    message = str(caught.value)
    assert wrong not in message and PASSWORD not in message
    assert "password authentication failed" in message


@pytest.mark.server
def test_settings_url_is_honoured(
    pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("FINDER_FEEDBACK_URL", pg_url)
    monkeypatch.setenv("FINDER_FEEDBACK_DB", str(tmp_path / "unused.sqlite3"))
    settings = Settings()
    assert PASSWORD not in repr(settings)
    with caplog.at_level(logging.INFO, logger="assistant.feedback"):
        store = open_feedback_store(settings)
    assert store.url.get_backend_name() == "postgresql"
    store.add(_answer(), "up")
    assert FeedbackStore(pg_url).count() == 1
    assert not (tmp_path / "unused.sqlite3").exists()
    assert "127.0.0.1" in caplog.text and PASSWORD not in caplog.text
    assert PASSWORD not in repr(store)


def test_without_a_url_the_sqlite_file_is_used(tmp_path: Path) -> None:
    store = open_feedback_store(Settings(feedback_url=None, feedback_db=tmp_path / "f.sqlite3"))
    store.add(_answer(), "up")
    assert store.journal_mode() == "wal" and (tmp_path / "f.sqlite3").exists()
    url_store = FeedbackStore(f"sqlite:///{tmp_path / 'f.sqlite3'}")
    assert url_store.count() == 1 and url_store.journal_mode() == "wal"
