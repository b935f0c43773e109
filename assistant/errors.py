"""Mapping failures to one clear sentence for the user (CLI and page alike)."""

from __future__ import annotations

from pydantic import ValidationError

from instruments.catalog import CatalogError
from instruments.profile import ProfileError
from retrieval.embedders import EmbedderUnavailable
from retrieval.store import StoreError


class InputError(ValueError):
    """The user's input cannot be used (empty, too long, malformed file...)."""


class Unavailable(RuntimeError):
    """A part of the service is down for a moment (a worker restarting); asking again helps."""


_KNOWN: tuple[type[BaseException], ...] = (
    InputError, Unavailable, StoreError, CatalogError, EmbedderUnavailable, FileNotFoundError,
    KeyError,
    ProfileError,
)


def settings_message(exc: ValidationError) -> str:
    """A bad setting in one line per field: the variable and what it must be (its value is
    not repeated: a setting may be a secret)."""
    return "; ".join(
        f"setting FINDER_{'_'.join(str(p) for p in error['loc']).upper()}: "
        + error["msg"].removeprefix("Value error, ")
        for error in exc.errors()
    )


def user_message(exc: BaseException) -> str | None:
    """The message to show for a known failure, or None for a real bug."""
    if isinstance(exc, ValidationError) and exc.title == "Settings":
        return settings_message(exc)
    if isinstance(exc, KeyError) and exc.args:
        return str(exc.args[0])
    if isinstance(exc, FileNotFoundError):
        return f"file not found: {exc.filename}"
    if isinstance(exc, OSError) and exc.filename:  # a folder for a file, no permission...
        return f"cannot use {exc.filename}: {exc.strerror or type(exc).__name__}"
    if isinstance(exc, _KNOWN):
        return str(exc)
    return None
