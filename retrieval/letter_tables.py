"""The action plan's tables: one row per intervention, with its initiator and deadline.

The PDF extraction flattens each table ("Initiatief / Initiatiefnemer / Deadline / status") into
a run of lines. Two layouts occur:

* double-spaced (part I of the plan): every cell line is followed by a blank line; the initiator
  and the start of the deadline share a line after the initiative ("EZK/FIN Vanaf 2023"), and an
  initiator or deadline may wrap over several short lines ("EZK, / vakdepartemente / n en
  Topsectoren / Q2 2023", "Deadline voor / derde NGF- / ronde is 3 / februari 2023.");
* single-spaced (part II): cells are blocks separated by blank lines; the deadline block starts
  with the initiator ("EZK De komende 10 jaar wordt / ingezet op ...").

A row may also sit on one line ("Opstellen Nationale Technologiestrategie EZK Q3 2023") or be cut
by a page break, its initiative continuing after the initiator line on the next page.

Initiators are recognised against `INITIATORS`, the explicit vocabulary of every initiator the
letter names; matching ignores spacing and punctuation, so cells broken over lines still match.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

log = logging.getLogger(__name__)

INITIATORS: tuple[str, ...] = (
    "EZK", "EZK/FIN", "EZK/BZ", "EZK/RVO", "EZK/KVK", "EZK/RVO (PIANOo)", "Min EZK", "OCW",
    "EZK en OCW", "OCW en EZK", "RVO", "RVO en ROM’s", "ROM’s", "Provincies", "Provincies/EZK",
    "Provincies/EZK/ROM’s", "Provincies/ROM’s/EZK", "Provincies/ROM’s en andere partners",
    "EZK, vakdepartementen en Topsectoren", "EZK en alle KIC-partners",
    "EZK en Topsector Creatieve Industrie", "Topsector Creatieve Industrie",
    "Indienende departementen", "Groeifondscommissie i.s.m. vakdepartementen",
    "EZK in samenwerking met departementen en topsectoren", "EZK met KIC-partners",
    "EZK/vakdepartementen met KIC-partners", "EZK/KVK/RVO/brancheorganisaties",
)
"""Every initiator in the letter's tables, as displayed."""

ALIASES: dict[str, str] = {
    "Provincies/ROMS’s en andere partners": "Provincies/ROM’s en andere partners",
}
"""Spellings in the letter that differ from the displayed name."""

_COMPLETE = re.compile(
    r"(\.|\b(19|20)\d\d|Doorlopend|Lopend|Loopt|Uitgevoerd|Gestart|uitvoering)[)’”]?$"
)
_NARROW = 25  # characters: a deadline cell's continuation lines are never wider


def squash(text: str) -> str:
    """Lowercase letters and digits only: 'EZK, vakdepartemente' + 'n en ...' compare equal."""
    return "".join(ch for ch in text.lower() if ch.isalnum())


_BY_KEY: dict[str, str] = {squash(name): name for name in INITIATORS}
_BY_KEY.update({squash(raw): name for raw, name in ALIASES.items()})


def _pattern(name: str) -> str:
    """A regex for a name that tolerates spacing around '/' and either apostrophe."""
    parts = [re.escape(ch) if ch not in "’' " else ("[’']" if ch != " " else r"\s+") for ch in name]
    return r"\s*/\s*".join("".join(parts).split("/"))


_INLINE = re.compile(
    r"(?:^|(?<=\s))("
    + "|".join(_pattern(n) for n in sorted({*INITIATORS, *ALIASES}, key=len, reverse=True))
    + r")\s+([A-Z0-9].*)$"
)


@dataclass
class Row:
    """One intervention: initiative lines, its initiator and the deadline lines."""

    initiative: list[Any] = field(default_factory=list)
    initiator: str | None = None
    deadline: list[Any] = field(default_factory=list)


def is_header(text: str) -> bool:
    """The first line of a table header ('Initiatief Initiatiefnemer ...')."""
    return bool(re.match(r"Initiatief\s+Initiatiefnemer\b", text))


def header_length(lines: Sequence[Any], i: int) -> int:
    """How many lines the header starting at i takes ('Deadline /' and 'status' may follow)."""
    n = 1
    while i + n < len(lines) and lines[i + n].text.rstrip(" /") in ("Deadline", "status"):
        n += 1
    return n


def _cell(lines: Sequence[Any], i: int) -> tuple[str, int] | None:
    """An initiator cell over one or more whole lines starting at i: (name, next index)."""
    acc, best, j = "", None, i
    while j < len(lines) and (j == i or not lines[j].page_start):
        acc += squash(lines[j].text)
        if acc in _BY_KEY:
            best = (_BY_KEY[acc], j + 1)
        if not any(key.startswith(acc) for key in _BY_KEY):
            break
        j += 1
    if best and best[1] < len(lines) and lines[best[1]].text[:1].isalnum():
        first = lines[best[1]].text[:1]
        if first.isupper() or first.isdigit():
            return best
    return None


def match_initiator(lines: Sequence[Any], i: int) -> tuple[str, str, str, int] | None:
    """At line i: (initiative text before it, initiator, deadline start, next index) or None."""
    whole = _cell(lines, i)
    if whole:
        return "", whole[0], "", whole[1]
    found = _INLINE.search(lines[i].text)
    if not found:
        return None
    name = _BY_KEY[squash(found.group(1))]
    return lines[i].text[: found.start()].strip(), name, found.group(2), i + 1


def _deadline(lines: Sequence[Any], i: int, spaced: bool) -> int:
    """Index after the deadline cell whose first line is lines[i - 1]."""
    text = lines[i - 1].text
    while i < len(lines) and not lines[i].page_start:
        ln = lines[i]
        if spaced:
            more = not _COMPLETE.search(text.strip()) and len(ln.text) <= _NARROW
        else:
            more = not ln.gap
        if not more:
            break
        text += " " + ln.text
        i += 1
    return i


def _continues(ln: Any, previous: Row, already: bool) -> bool:
    """Does ln carry on the previous row's initiative (cut by a page break)?"""
    if ln.page_start:
        return ln.text[:1].islower()
    if not already:
        return False
    last = previous.initiative[-1].text.rstrip()
    return not ln.gap or ln.text[:1].islower() or not re.search(r"[.!?][)’”]*$", last)


def parse_rows(lines: Sequence[Any]) -> list[Row]:
    """Rows of a table body (the lines after its header, up to the next heading or box)."""
    gaps = sum(1 for ln in lines if ln.gap)
    spaced = bool(lines) and gaps >= 0.7 * len(lines)
    rows: list[Row] = []
    cur = Row()
    carry, i = False, 0
    while i < len(lines):
        ln = lines[i]
        carry = not cur.initiative and bool(rows) and _continues(ln, rows[-1], carry)
        if carry:
            rows[-1].initiative.append(ln)
            i += 1
            continue
        found = match_initiator(lines, i)
        if found is None:
            cur.initiative.append(ln)
            i += 1
            continue
        before, cur.initiator, start, i = found
        if before:
            cur.initiative.append(replace(ln, text=before))
        first = replace(ln, text=start) if start else lines[i]
        end = _deadline(lines, i if start else i + 1, spaced)
        cur.deadline = [first, *lines[(i if start else i + 1) : end]]
        rows.append(cur)
        cur, i = Row(), end
    if cur.initiative:
        log.warning("table text without an initiator: %r", cur.initiative[0].text)
        rows.append(cur)
    return rows
