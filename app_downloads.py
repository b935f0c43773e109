"""Files the page hands out (the advisor desk's CSV): private to this process, short-lived.

An eligibility CSV holds a company's facts ("U heeft 12 medewerkers..."), so it is written
0600 into a folder of this process (0700), never into a temp folder other instances share.
Gradio's own copies go to a private folder too (`GRADIO_TEMP_DIR`, set by app.py before
gradio is imported) that its cache sweep empties. Both folders go when the process ends.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
import time
from pathlib import Path

# Ten minutes: time enough to press "download" after a check (the issue asked for a short
# expiry; no user need for longer was seen).
KEEP_S = 600
# How often Gradio sweeps its copies (Blocks(delete_cache=...)).
SWEEP_EVERY_S = 60


def private_folder(prefix: str) -> Path:
    """A new 0700 folder, removed when the process exits."""
    folder = Path(tempfile.mkdtemp(prefix=prefix))  # mkdtemp makes it 0700
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder


def new_file(folder: Path, prefix: str, suffix: str) -> Path:
    """A new empty 0600 file in the folder, after files older than KEEP_S are removed."""
    prune(folder)
    handle, name = tempfile.mkstemp(dir=folder, prefix=prefix, suffix=suffix)  # 0600
    os.close(handle)
    return Path(name)


def prune(folder: Path, now: float | None = None) -> None:
    cutoff = (time.time() if now is None else now) - KEEP_S
    for path in folder.iterdir():
        if path.is_file() and path.stat().st_mtime < cutoff:
            path.unlink(missing_ok=True)
