"""From the letter's content lines to passage text: titles, paragraphs, hyphens, short passages.

* titles: a heading may wrap onto a short next line ("... van kanker"); a box title is "Kader N.
  ..." or a "Topic: title" line over a wide, double-spaced body ("Voorbeeld: ...");
* paragraphs: a stream of lines splits where a sentence ends on a short line, at a blank line, at
  a list item (unless a list or a colon leads into it); a page break joins a sentence cut in two;
* line-end hyphens: kept before "en"/"of" ("onderzoeks- en"), kept in compounds ("R&D-uitgaven",
  "publiek-private": the letter writes them so elsewhere, or the parts call for a hyphen),
  otherwise the word is joined;
* passages shorter than `MIN_WORDS` words join a neighbour of their stream.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from retrieval.letter_scan import KADER, Line
from retrieval.letter_tables import Row
from retrieval.passages import Part, PassageKind

MIN_WORDS = 25
"""Passages shorter than this (a closing sentence, a lone 'Doelstelling') join a neighbour."""

LIST = re.compile(r"(?:•|\d{1,2}\.|[a-z]\)|[IVX]+\.)\s")
"""A list item's opening: a bullet, '3. ', 'b) ' or 'IV. '."""
TERMINAL = re.compile(r"[.!?][)’”\"']*$")
"""The end of a sentence, closing brackets and quotes included."""
_WS = re.compile(r"\s+")
_WORD = re.compile(r"[^\W\d_](?:[\w&’'-]*[^\W_])?")
_VOWELS = set("aeiouyéëïöü")
Vocab = tuple[set[str], set[str]]  # words of the letter, and prefixes seen before a hyphen


@dataclass
class Draft:
    """A passage in the making: where it sits, its lines, and (once joined) its text."""

    kind: PassageKind
    part: Part
    heads: tuple[str, ...]  # ("3. Kansen ...",) or ("I. Versterken ...", "a) Kennis ...")
    box: str | None
    lines: list[Line]
    prefix: str | None = None
    row: Row | None = None
    text: str = ""
    deadline: str | None = None


def words(text: str) -> int:
    return len(text.split())


def _wraps(ln: Line) -> bool:
    """A short line ending a title wrapped over two lines ('van kanker', 'LNV')."""
    text = ln.text
    short = words(text) <= 4 and text[-1] not in ".,;:!?"
    return short and (text[:1].islower() or (" " not in text and text.isupper()))


def title(lines: Sequence[Line], i: int, most: int) -> tuple[str, int] | None:
    """A title at i, possibly wrapped onto a short next line: (title, next index)."""
    text, j = lines[i].text, i + 1
    if j < len(lines) and _wraps(lines[j]):
        text, j = f"{text} {lines[j].text}", j + 1
    if words(text) > most or text[-1] in ".,;:":
        return None
    if j < len(lines) and not lines[j].gap and not lines[j].text[:1].isupper():
        return None  # the sentence goes on: not a title
    return text, j


def box_title(lines: Sequence[Line], i: int, in_table: bool) -> tuple[str, int] | None:
    """A box title at i: 'Kader N. ...', or 'Topic: title' over a wide, double-spaced body."""
    text = lines[i].text
    if KADER.match(text):
        return title(lines, i, 30) or (text, i + 1)
    if ": " not in text or text.startswith("Doelstelling") or not text[:1].isupper():
        return None
    got = title(lines, i, 14)
    if got is None or got[1] + 1 >= len(lines):
        return None
    body, after = lines[got[1]], lines[got[1] + 1]
    if len(body.text) < 60 or not body.text[:1].isupper():
        return None
    return got if in_table or (after.gap and len(after.text) >= 40) else None


def build_vocab(lines: Sequence[Line]) -> Vocab:
    """The letter's words (lower case), and every prefix written before a hyphen in them."""
    found = {w.lower() for ln in lines for w in _WORD.findall(ln.text)}
    prefixes = {p + "-" for w in found for p in w.split("-")[:-1]}
    return found, prefixes


def _glue(left: str, right: str, vocab: Vocab) -> str:
    """How a line ending in '-' meets the next: '' (split word), '-' (compound), '- ' (en/of)."""
    head = left.rsplit(None, 1)[-1][:-1].lstrip("(‘“'\"")
    first = right.split(None, 1)[0]
    if first.rstrip(",").lower() in ("en", "of", "tot") or first[0] == ",":
        return "- "
    tail = re.findall(r"^[^\W\d_]*", first)[0]
    if not head or not tail or not first[0].islower() or re.search(r"[/.\d]", head):
        return "-"
    known, prefixes = vocab
    if (head + tail).lower() in known:
        return ""
    keep = (
        f"{head}-{tail}".lower() in known or head.lower() + "-" in prefixes
        or not head[-1].islower() or head[0].isupper() or len(head) <= 3
        or (head[-1] in _VOWELS and tail[0] in _VOWELS)
    )
    return "-" if keep else ""


def join_lines(texts: Sequence[str], vocab: Vocab) -> str:
    """Lines to one string: collapse whitespace, undo line-end hyphenation."""
    out = ""
    for text in texts:
        if out.endswith("-") and not out.endswith(" -"):
            glue = _glue(out, text, vocab)
            out = f"{out} {text}" if glue == "- " else out[:-1] + glue + text
        else:
            out = f"{out} {text}" if out else text
    return _WS.sub(" ", out).strip()


def _breaks(prev: Line, ln: Line, width: float, spaced: bool, listing: bool) -> bool:
    """Does ln open a new paragraph after prev?"""
    before, text = prev.text, ln.text
    if LIST.match(text):
        return not (listing or before.endswith(":"))
    ended = bool(TERMINAL.search(before))
    if ln.page_start:  # a page break joins a sentence cut in two
        return ended and not text[:1].islower()
    if ln.gap and not spaced:
        return ended or not text[:1].islower()
    return ended and len(before) < width and text[:1].isupper()  # a short last line


def paragraphs(items: Sequence[Line], spaced: bool) -> list[tuple[str | None, list[Line]]]:
    """Split a stream into paragraphs; subheading markers open the paragraph after them."""
    sizes = sorted(len(ln.text) for ln in items if not ln.head) or [80]
    width = 0.8 * sizes[3 * len(sizes) // 4]
    out: list[tuple[str | None, list[Line]]] = []
    prefix: str | None = None
    cur: list[Line] = []
    listing = False
    for ln in items:
        if ln.head:
            prefix, cur = (f"{prefix} — {ln.text}" if prefix and not cur else ln.text), []
            continue
        if not cur or _breaks(cur[-1], ln, width, spaced, listing):
            cur, listing = [ln], False
            out.append((prefix, cur))
            prefix = None
        else:
            cur.append(ln)
        listing = listing or bool(LIST.match(ln.text))
    return out


def fill_texts(drafts: Sequence[Draft], vocab: Vocab) -> None:
    """Set each draft's text: its lines joined, after its prefix, with a row's initiator."""
    for d in drafts:
        body = join_lines([ln.text for ln in d.lines], vocab)
        d.text = f"{d.prefix} — {body}" if d.prefix else body
        if d.row is not None and d.row.initiator:
            d.deadline = join_lines([ln.text for ln in d.row.deadline], vocab)
            d.text += f" (Initiatiefnemer: {d.row.initiator}; deadline: {d.deadline})"


def merge_short(drafts: Sequence[Draft]) -> list[Draft]:
    """Fold paragraphs under MIN_WORDS into the previous one of their stream (else the next)."""
    out: list[Draft] = []
    last: dict[tuple[object, ...], Draft] = {}
    carry: dict[tuple[object, ...], Draft] = {}
    for d in sorted(drafts, key=lambda d: d.lines[0].n):
        key = (d.kind, d.part, d.heads, d.box)
        if key in carry:
            early = carry.pop(key)
            d.text, d.lines = f"{early.text} {d.text}", early.lines + d.lines
        if d.kind == "action" or words(d.text) >= MIN_WORDS:
            out.append(d)
            last[key] = d
        elif key in last:
            last[key].text += " " + d.text
            last[key].lines += d.lines
        else:
            carry[key] = d
    return sorted([*out, *carry.values()], key=lambda d: d.lines[0].n)
