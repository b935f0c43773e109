"""Mapping failures to one clear sentence for the user (CLI and page alike)."""

from __future__ import annotations

from instruments.catalog import CatalogError
from instruments.profile import ProfileError
from retrieval.embedders import EmbedderUnavailable
from retrieval.store import StoreError


class InputError(ValueError):
    """The user's input cannot be used (empty, too long, malformed file...)."""


_KNOWN: tuple[type[BaseException], ...] = (
    InputError, StoreError, CatalogError, EmbedderUnavailable, FileNotFoundError, KeyError,
    ProfileError,
)


def user_message(exc: BaseException) -> str | None:
    """The message to show for a known failure, or None for a real bug."""
    if isinstance(exc, KeyError) and exc.args:
        return str(exc.args[0])
    if isinstance(exc, FileNotFoundError):
        return f"file not found: {exc.filename}"
    if isinstance(exc, _KNOWN):
        return str(exc)
    return None
