"""Shared fixtures. Tests choose fakes explicitly: the hashing embedder, fake chat models."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture
def settings(tmp_path: Path):  # type: ignore[no-untyped-def]
    """Settings for a real Chroma in a temporary folder, with the hashing embedder."""
    from assistant.settings import Settings

    return Settings(
        embedder="hashing",
        index_dir=tmp_path / "index",
        collection=f"test-{tmp_path.name[-20:]}".replace("_", "-"),
        feedback_db=tmp_path / "feedback.sqlite3",
    )


@pytest.fixture(scope="session")
def built_finder(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """One ingested finder (hashing embedder) shared by read-only tests."""
    from assistant.finder import build_finder
    from assistant.settings import Settings

    folder = tmp_path_factory.mktemp("shared-index")
    finder = build_finder(
        Settings(embedder="hashing", index_dir=folder / "index", collection="shared-test",
                 feedback_db=folder / "feedback.sqlite3")
    )
    finder.ingest()
    return finder


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def chroma_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real `chroma run` server on 127.0.0.1, stopped after the session."""
    chroma = shutil.which("chroma") or str(Path(sys.executable).parent / "chroma")
    port = _free_port()
    data = tmp_path_factory.mktemp("chroma-server")
    env = {**os.environ, "ANONYMIZED_TELEMETRY": "False"}
    proc = subprocess.Popen(
        [chroma, "run", "--path", str(data), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                break
        except OSError as exc:
            if proc.poll() is not None:
                raise RuntimeError("chroma run exited early") from exc
            time.sleep(0.3)
    else:
        proc.kill()
        raise RuntimeError("chroma run did not start within 60 s")
    yield url
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


class RecordingChatModel:
    """Factory for LangChain fake chat models that record every prompt they receive."""

    @staticmethod
    def replying(*replies: str):  # type: ignore[no-untyped-def]
        from langchain_core.language_models.fake_chat_models import FakeListChatModel

        class Recording(FakeListChatModel):
            prompts: list = []  # noqa: RUF012 - one list per instance, set below

            def _call(self, messages, stop=None, run_manager=None, **kwargs):  # type: ignore[no-untyped-def]
                self.prompts.append(messages)
                return super()._call(messages, stop, run_manager, **kwargs)

        model = Recording(responses=list(replies))
        model.prompts = []
        return model

    @staticmethod
    def failing(error: Exception):  # type: ignore[no-untyped-def]
        from langchain_core.language_models.fake_chat_models import FakeListChatModel

        class Failing(FakeListChatModel):
            def _call(self, messages, stop=None, run_manager=None, **kwargs):  # type: ignore[no-untyped-def]
                raise error

        return Failing(responses=["unused"])

    @staticmethod
    def slow(seconds: float, reply: str):  # type: ignore[no-untyped-def]
        from langchain_core.language_models.fake_chat_models import FakeListChatModel

        class Slow(FakeListChatModel):
            def _call(self, messages, stop=None, run_manager=None, **kwargs):  # type: ignore[no-untyped-def]
                time.sleep(seconds)
                return reply

        return Slow(responses=[reply])


@pytest.fixture
def chat_models() -> type[RecordingChatModel]:
    return RecordingChatModel


@pytest.fixture(scope="session")
def llm_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An index folder (hashing embedder) for LLM-answerer finders to share."""
    from assistant.finder import build_finder
    from assistant.settings import Settings

    folder = tmp_path_factory.mktemp("llm-index") / "index"
    build_finder(Settings(embedder="hashing", index_dir=folder, collection="llm-test")).ingest()
    return folder


@pytest.fixture(scope="session")
def default_finder(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """The default configuration (multilingual USE, hybrid, composer) on a fresh index."""
    from assistant.finder import build_finder
    from assistant.settings import Settings

    folder = tmp_path_factory.mktemp("default-index")
    finder = build_finder(Settings(index_dir=folder / "index", collection="default-test"))
    finder.ingest()
    return finder
