"""The 2022 letter on innovation and valorisation, parsed into citable passages.

Input is the text extracted from the letter's PDF. Recognised structure:

* parts "Inleiding", "Deel I", "Deel II", "Actieplan"; sections are the numbered headings of
  Deel I/II ("3. Kansen pakken met gezamenlijk actieplan"; Deel II restarts at 1 for its seven
  tracks) and, in the action plan, chapter plus lettered subsection ("I. Versterken
  Innovatiebeleid — a) Kennis en ...");
* unnumbered subheadings ("Meer strategische keuzes") and box titles open the text of the passage
  after them ("Meer strategische keuzes — Middelen voor ..."); boxes are "Kader N. ..." and the
  unnumbered examples ("Voorbeeld: ...", "Winnaar ...: ..."), kind "box" with `box` set;
* action-plan tables: one passage per row, kind "action" (see `retrieval.letter_tables`), text
  ending in "(Initiatiefnemer: X; deadline: Y)" so search finds both;
* footnotes: kind "footnote"; their markers glued to body words ("industrie1.") are cut out and
  `refers_to` names the passage that held the marker.

Running headers ("Directoraat-generaal ... Ons kenmerk ..."), footers ("Pagina N van M") and stray
marker lines (" 36 37") are dropped. Line-end hyphens: kept before "en"/"of" ("onderzoeks- en"),
kept in compounds ("R&D-uitgaven", "publiek-private": the letter writes them so elsewhere, or the
parts call for a hyphen), otherwise the word is joined.

Pages: a new PDF page shows as a line starting with one space (not box titles: boxes come out at
the end of their page), a stray marker line or a running header. That count matches the footers
"Pagina 18 van 29" and "Pagina 19 van 29"; the last footer reads "Pagina 69 van 29" and is wrong.
So `page` is set only up to the last footer the count agrees with (19) and left None after it.

`paragraph` counts a section's passages in order (footnotes excluded); labels count as a reader
would: "alinea k" among the section's paragraphs or within a box, "actie k" among its table rows.
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from retrieval.letter_tables import Row, header_length, is_header, parse_rows
from retrieval.passages import Part, Passage, PassageKind, stable_id

log = logging.getLogger(__name__)

DEFAULT_LETTER_PATH = (
    Path(__file__).resolve().parent.parent / "data" / "kamerbrief-innovatie-valorisatie-2022.txt"
)
MIN_WORDS = 25
"""Passages shorter than this (a closing sentence, a lone 'Doelstelling') join a neighbour."""

PARTS: tuple[Part, ...] = ("Inleiding", "Deel I", "Deel II", "Actieplan")
_PART_RX = (re.compile(r"DEEL I$", re.I), re.compile(r"DEEL II$", re.I), re.compile(r"ACTIEPLAN\b"))
_WS = re.compile(r"\s+")
_FOOTER = re.compile(r"Pagina (\d+) van (\d+)$")
_MARKS = re.compile(r"\s+\d{1,3}(?:\s+\d{1,3})*\s*")
_NOTE = re.compile(r"(\d{1,3}) (\S.*)")
_KADER = re.compile(r"Kader \d+\.")
_LIST = re.compile(r"(?:•|\d{1,2}\.|[a-z]\)|[IVX]+\.)\s")
_NUMBERED = re.compile(r"(\d{1,2})\.\s+\S")
_LETTER = re.compile(r"([a-z])\)\s+\S")
_CHAPTER = re.compile(r"(?:([IVX]+)\.|Deel ([IVX]+):)\s+(\S.*)")
_TERMINAL = re.compile(r"[.!?][)’”\"']*$")
_WORD = re.compile(r"[^\W\d_](?:[\w&’'-]*[^\W_])?")
_ROMAN = ("I", "II", "III", "IV")
_VOWELS = set("aeiouyéëïöü")
Vocab = tuple[set[str], set[str]]  # words of the letter, and prefixes seen before a hyphen


@dataclass
class Line:
    """A content line of the extraction and where it sits."""

    n: int  # 0-based line number in the file
    text: str
    page: int  # counted page; trusted only up to the last agreeing footer
    page_start: bool = False
    gap: bool = False  # a blank line came before it
    head: bool = False  # an unnumbered subheading, kept in the body stream as a marker


@dataclass
class Note:
    number: int
    n: int
    page: int
    lines: list[str]


@dataclass
class Draft:
    kind: PassageKind
    part: Part
    heads: tuple[str, ...]  # ("3. Kansen ...",) or ("I. Versterken ...", "a) Kennis ...")
    box: str | None
    lines: list[Line]
    prefix: str | None = None
    row: Row | None = None
    text: str = ""
    deadline: str | None = None


class _Scanner:
    """Pass 1: drop running headers, footers and marker lines; count pages; take footnotes out."""

    def __init__(self) -> None:
        self.lines: list[Line] = []
        self.notes: list[Note] = []
        self.marks: dict[int, tuple[int, int]] = {}  # number -> (line, page) of a stray marker
        self.anchors: list[tuple[int, int, int]] = []  # (counted page, N, M) per "Pagina N van M"
        self.page, self.pending, self.gap, self.header = 0, True, False, 0
        self.note: Note | None = None

    def feed(self, n: int, raw: str) -> None:
        text = _WS.sub(" ", raw.replace("\uf0b7", "•")).strip()
        if not text:
            self.gap = True
        elif _MARKS.fullmatch(raw):
            self._new_page()
            self.marks.update((int(x), (n, self.page)) for x in text.split())
        elif not self._chrome(text):
            start = self.pending or (bool(re.match(r" \S", raw)) and not _KADER.match(text))
            if start:
                self._new_page()
            if not self._footnote(n, text, start):
                self.lines.append(Line(n, text, self.page, start, self.gap))
                self.gap = False

    def _new_page(self) -> None:
        self.page, self.pending, self.note = self.page + 1, False, None

    def _chrome(self, text: str) -> bool:
        """A running header or a page footer: skip it; the next line opens a page."""
        if self.header:  # lines left in the header: up to 'Ons kenmerk' and its reference
            self.header = 1 if text.startswith("Ons kenmerk") else self.header - 1
            return True
        footer = _FOOTER.match(text)
        if footer:
            self.anchors.append((self.page, int(footer[1]), int(footer[2])))
        if footer or text.startswith("Directoraat-generaal"):
            self.header = 0 if footer else 6
            self.pending, self.note = True, None
            return True
        return False

    def _footnote(self, n: int, text: str, start: bool) -> bool:
        """Footnotes are numbered 1, 2, ... and run to the end of their page (or a box)."""
        found = _NOTE.fullmatch(text)
        opening = found is not None and int(found[1]) == len(self.notes) + 1
        if found and opening and not start and (self.gap or self.note is not None):
            self.note = Note(len(self.notes) + 1, n, self.page, [found[2]])
            self.notes.append(self.note)
            return True
        if self.note is not None and not start and not _KADER.match(text):
            self.note.lines.append(text)
            return True
        self.note = None
        return False


def _trusted(anchors: Sequence[tuple[int, int, int]]) -> int:
    """The last page whose footer agrees with the count (footers like '69 van 29' are skipped)."""
    trusted = 0
    for counted, number, total in anchors:
        if number > total:
            continue
        if counted != number:
            break
        trusted = number
    return trusted


def _glued(text: str, col: int, size: int) -> bool:
    """Is the number at text[col:col+size] a footnote marker glued to what precedes it?"""
    end = col + size
    if col == 0 or (end < len(text) and text[end] not in " .,;:)”’\""):
        return False
    before = text[col - 1]
    if before.isdigit():  # "202226": the year 2022 and marker 26
        return bool(re.search(r"(?<!\d)(19|20)\d\d$", text[:col]))
    if before.isalpha():
        word = re.findall(r"[^\W\d_]+$", text[:col])[-1]
        return not (word.isupper() and len(word) <= 3)  # CO2, TO2 are names, not markers
    return before in ").%’”'"


def _locate(lines: Sequence[Line], number: int, lo: int, hi: int) -> tuple[int, int] | None:
    num = str(number)
    for idx in range(lo, hi):
        text = lines[idx].text
        col = text.find(num)
        while col >= 0:
            if _glued(text, col, len(num)):
                return idx, col
            col = text.find(num, col + 1)
    return None


def _strip_markers(lines: list[Line], notes: Sequence[Note]) -> dict[int, int]:
    """Find each footnote's marker on its page, in order, and cut it out: number -> line n."""
    pages = [ln.page for ln in lines]
    refs: dict[int, int] = {}
    lo = 0
    for note in notes:
        start = max(lo, bisect_left(pages, note.page - 1))
        hit = _locate(lines, note.number, start, bisect_left(pages, note.page + 1))
        if hit is None:
            log.debug("no marker found for footnote %d", note.number)
            continue
        lo, col = hit
        ln = lines[lo]
        ln.text = ln.text[:col] + ln.text[col + len(str(note.number)) :]
        refs[note.number] = ln.n
    return refs


def _words(text: str) -> int:
    return len(text.split())


def _wraps(ln: Line) -> bool:
    """A short line ending a title wrapped over two lines ('van kanker', 'LNV')."""
    text = ln.text
    short = _words(text) <= 4 and text[-1] not in ".,;:!?"
    return short and (text[:1].islower() or (" " not in text and text.isupper()))


def _title(lines: Sequence[Line], i: int, most: int) -> tuple[str, int] | None:
    """A title at i, possibly wrapped onto a short next line: (title, next index)."""
    text, j = lines[i].text, i + 1
    if j < len(lines) and _wraps(lines[j]):
        text, j = f"{text} {lines[j].text}", j + 1
    if _words(text) > most or text[-1] in ".,;:":
        return None
    if j < len(lines) and not lines[j].gap and not lines[j].text[:1].isupper():
        return None  # the sentence goes on: not a title
    return text, j


def _box_title(lines: Sequence[Line], i: int, in_table: bool) -> tuple[str, int] | None:
    """A box title at i: 'Kader N. ...', or 'Topic: title' over a wide, double-spaced body."""
    text = lines[i].text
    if _KADER.match(text):
        return _title(lines, i, 30) or (text, i + 1)
    if ": " not in text or text.startswith("Doelstelling") or not text[:1].isupper():
        return None
    got = _title(lines, i, 14)
    if got is None or got[1] + 1 >= len(lines):
        return None
    body, after = lines[got[1]], lines[got[1] + 1]
    if len(body.text) < 60 or not body.text[:1].isupper():
        return None
    return got if in_table or (after.gap and len(after.text) >= 40) else None


def _vocab(lines: Sequence[Line]) -> Vocab:
    words = {w.lower() for ln in lines for w in _WORD.findall(ln.text)}
    prefixes = {p + "-" for w in words for p in w.split("-")[:-1]}
    return words, prefixes


def _glue(left: str, right: str, vocab: Vocab) -> str:
    """How a line ending in '-' meets the next: '' (split word), '-' (compound), '- ' (en/of)."""
    head = left.rsplit(None, 1)[-1][:-1].lstrip("(‘“'\"")
    first = right.split(None, 1)[0]
    if first.rstrip(",").lower() in ("en", "of", "tot") or first[0] == ",":
        return "- "
    tail = re.findall(r"^[^\W\d_]*", first)[0]
    if not head or not tail or not first[0].islower() or re.search(r"[/.\d]", head):
        return "-"
    words, prefixes = vocab
    if (head + tail).lower() in words:
        return ""
    keep = (
        f"{head}-{tail}".lower() in words or head.lower() + "-" in prefixes
        or not head[-1].islower() or head[0].isupper() or len(head) <= 3
        or (head[-1] in _VOWELS and tail[0] in _VOWELS)
    )
    return "-" if keep else ""


def _join(texts: Sequence[str], vocab: Vocab) -> str:
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
    if _LIST.match(text):
        return not (listing or before.endswith(":"))
    ended = bool(_TERMINAL.search(before))
    if ln.page_start:  # a page break joins a sentence cut in two
        return ended and not text[:1].islower()
    if ln.gap and not spaced:
        return ended or not text[:1].islower()
    return ended and len(before) < width and text[:1].isupper()  # a short last line


def _paragraphs(items: Sequence[Line], spaced: bool) -> list[tuple[str | None, list[Line]]]:
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
        listing = listing or bool(_LIST.match(ln.text))
    return out


class _Router:
    """Pass 2: follow parts, headings, boxes and tables; emit drafts of passages."""

    def __init__(self, lines: list[Line]) -> None:
        self.lines = lines
        self.drafts: list[Draft] = []
        self.part, self.number, self.roman, self.letters = 0, 0, 0, 0  # counters so far
        self.heads: tuple[str, ...] = ()
        self.mode = "body"  # body, box or table
        self.box: str | None = None  # the open box's title
        self.body: list[Line] = []
        self.boxed: list[Line] = []
        self.table: list[Line] = []
        self.toc: list[Line] = []

    def run(self) -> list[Draft]:
        i = 0
        while i < len(self.lines):
            if self.mode == "box" and self.boxed and self.lines[i].page_start:
                self._end_box()  # boxes end their page
            probes = (self._part, self._chapter, self._letter, self._numbered, self._table_start,
                      self._box_start, self._aim, self._subheading)
            nxt = next((j for j in (probe(i) for probe in probes) if j is not None), None)
            if nxt is None:
                self._stream().append(self.lines[i])
            i = i + 1 if nxt is None else nxt
        self._flush()
        return self.drafts

    def _stream(self) -> list[Line]:
        if self.mode != "body":
            return self.boxed if self.mode == "box" else self.table
        return self.toc if PARTS[self.part] == "Actieplan" and not self.roman else self.body

    def _boundary(self, i: int) -> bool:
        ln = self.lines[i]
        return i == 0 or ln.gap or ln.page_start or bool(_TERMINAL.search(self.lines[i - 1].text))

    def _part(self, i: int) -> int | None:
        if self.part + 1 >= len(PARTS) or not _PART_RX[self.part].match(self.lines[i].text):
            return None
        self._flush()
        self.part, self.heads, self.number, self.roman, self.letters = self.part + 1, (), 0, 0, 0
        nxt = self.lines[i + 1 : i + 2]
        subtitle = nxt and not nxt[0].gap and _words(nxt[0].text) <= 15
        return i + 2 if subtitle else i + 1

    def _chapter(self, i: int) -> int | None:
        found = _CHAPTER.fullmatch(self.lines[i].text)
        if PARTS[self.part] != "Actieplan" or not found or self.roman >= len(_ROMAN):
            return None
        roman = found[1] or found[2]
        after = self.lines[i + 1 : i + 3]  # a contents entry is followed by its a), b), ...
        contents = len(after) == 2 and all(_LETTER.match(ln.text) for ln in after)
        if roman != _ROMAN[self.roman] or (contents and not after[1].gap):
            return None
        self._flush()
        self.roman, self.letters, self.heads = self.roman + 1, 0, (f"{roman}. {found[3]}",)
        return i + 1

    def _letter(self, i: int) -> int | None:
        found = _LETTER.match(self.lines[i].text)
        if not self.roman or not found or found[1] != chr(ord("a") + self.letters):
            return None
        got = _title(self.lines, i, 15)
        if got is None:
            return None
        self._flush()
        self.letters, self.heads = self.letters + 1, (self.heads[0], got[0])
        return got[1]

    def _numbered(self, i: int) -> int | None:
        found = _NUMBERED.match(self.lines[i].text)
        if PARTS[self.part] not in ("Deel I", "Deel II") or not found:
            return None
        got = _title(self.lines, i, 15)
        if int(found[1]) not in (1, self.number + 1) or got is None or not self._boundary(i):
            return None
        neighbours = [self.lines[i - 1]] if i and not self.lines[i].gap else []
        if got[1] < len(self.lines) and not self.lines[got[1]].gap:
            neighbours.append(self.lines[got[1]])
        if any(_LIST.match(ln.text) for ln in neighbours):
            return None  # an item of a numbered list
        self._flush()
        self.number, self.heads = int(found[1]), (got[0],)
        return got[1]

    def _table_start(self, i: int) -> int | None:
        if PARTS[self.part] != "Actieplan" or self.mode == "table":
            return None
        if i + 1 < len(self.lines) and is_header(self.lines[i + 1].text):
            return i + 1  # the caption ("Interventies die bijdragen ...") is dropped
        if not is_header(self.lines[i].text):
            return None
        self._end_box()
        self.mode = "table"
        return i + header_length(self.lines, i)

    def _box_start(self, i: int) -> int | None:
        if self._stream() is self.toc:
            return None
        got = _box_title(self.lines, i, self.mode == "table")
        if got is None or not (_KADER.match(self.lines[i].text) or self._boundary(i)):
            return None
        self._end_box()
        self._end_table()
        self.mode, self.box = "box", got[0]
        return got[1]

    def _aim(self, i: int) -> int | None:
        """'Doelstelling: ...' is its own passage; a paragraph it interrupts goes on after it."""
        if self.mode != "body" or not self.lines[i].text.startswith("Doelstelling:"):
            return None
        j = i + 1
        while j < len(self.lines) and not (self.lines[j].gap or self.lines[j].page_start):
            j += 1
        self.drafts.append(self._draft("paragraph", self.lines[i:j]))
        return j

    def _subheading(self, i: int) -> int | None:
        """A short unnumbered heading ('Meer strategische keuzes') above a full-width paragraph."""
        ln = self.lines[i]
        if self._stream() is not self.body or not ln.text[:1].isupper() or _LIST.match(ln.text):
            return None
        got = _title(self.lines, i, 12) if self._boundary(i) else None
        if got is None or (got[1] == i + 1 and len(ln.text) > 65):
            return None
        nxt = self.lines[got[1]] if got[1] < len(self.lines) else None
        if nxt is not None and not nxt.gap and len(nxt.text) < 50:
            return None  # e.g. a signature: a name above 'Minister van ...'
        self.body.append(Line(ln.n, got[0], ln.page, head=True))
        return got[1]

    def _draft(self, kind: PassageKind, lines: Sequence[Line], prefix: str | None = None) -> Draft:
        box = self.box if kind == "box" else None
        return Draft(kind, PARTS[self.part], self.heads, box, list(lines), prefix)

    def _end_box(self) -> None:
        if self.mode == "box":
            spaced = sum(ln.gap for ln in self.boxed) >= 0.6 * len(self.boxed)
            for k, (prefix, lines) in enumerate(_paragraphs(self.boxed, spaced)):
                self.drafts.append(self._draft("box", lines, self.box if k == 0 else prefix))
            self.mode, self.box, self.boxed = "body", None, []

    def _end_table(self) -> None:
        if self.mode == "table":
            for row in parse_rows(self.table):
                draft = self._draft("action" if row.initiator else "paragraph", row.initiative)
                draft.row = row
                self.drafts.append(draft)
            self.mode, self.table = "body", []

    def _flush(self) -> None:
        self._end_box()
        self._end_table()
        if self.toc:
            self.drafts.append(self._draft("paragraph", self.toc))
        for prefix, lines in _paragraphs(self.body, spaced=False):
            self.drafts.append(self._draft("paragraph", lines, prefix))
        self.body, self.toc = [], []


def _texts(drafts: Sequence[Draft], vocab: Vocab) -> None:
    for d in drafts:
        body = _join([ln.text for ln in d.lines], vocab)
        d.text = f"{d.prefix} — {body}" if d.prefix else body
        if d.row is not None and d.row.initiator:
            d.deadline = _join([ln.text for ln in d.row.deadline], vocab)
            d.text += f" (Initiatiefnemer: {d.row.initiator}; deadline: {d.deadline})"


def _merge_short(drafts: Sequence[Draft]) -> list[Draft]:
    """Fold paragraphs under MIN_WORDS into the previous one of their stream (else the next)."""
    out: list[Draft] = []
    last: dict[tuple[object, ...], Draft] = {}
    carry: dict[tuple[object, ...], Draft] = {}
    for d in sorted(drafts, key=lambda d: d.lines[0].n):
        key = (d.kind, d.part, d.heads, d.box)
        if key in carry:
            early = carry.pop(key)
            d.text, d.lines = f"{early.text} {d.text}", early.lines + d.lines
        if d.kind == "action" or _words(d.text) >= MIN_WORDS:
            out.append(d)
            last[key] = d
        elif key in last:
            last[key].text += " " + d.text
            last[key].lines += d.lines
        else:
            carry[key] = d
    return sorted([*out, *carry.values()], key=lambda d: d.lines[0].n)


def _short(text: str, most: int) -> str:
    return text if len(text) <= most else text[: most - 1].rstrip() + "…"


def _label(bits: Sequence[str], page: int | None) -> str:
    """'Deel II, 3. Kansen ..., alinea 2 (p. 24)'; long titles are shortened with '…'."""
    most = 60 if len(bits) <= 4 else 40
    head = [bits[0], *(_short(b, most) for b in bits[1:-1]), bits[-1]]
    return ", ".join(head) + (f" (p. {page})" if page else "")


def _unique(seen: set[str], *parts: str) -> str:
    pid, k = stable_id("letter", *parts), 1
    while pid in seen:
        k += 1
        pid = stable_id("letter", *parts, str(k))
    seen.add(pid)
    return pid


def _build(drafts: Sequence[Draft], trusted: int, seen: set[str]) -> list[Passage]:
    counts: dict[tuple[object, ...], int] = {}
    out = []
    for d in drafts:
        section = " — ".join(d.heads) or None
        para = counts[d.part, d.heads] = counts.get((d.part, d.heads), 0) + 1
        stream = (d.kind == "action", d.part, d.heads, d.box)
        k = counts[stream] = counts.get(stream, 0) + 1
        page = d.lines[0].page if d.lines[0].page <= trusted else None
        word = "actie" if d.kind == "action" else "alinea"
        label = _label([d.part, *d.heads, *([d.box] if d.box else []), f"{word} {k}"], page)
        out.append(Passage(
            id=_unique(seen, d.kind, d.part, section or "", d.box or "", d.text),
            text=d.text, source="letter", kind=d.kind, label=label, part=d.part,
            section=section, box=d.box, paragraph=para, page=page,
            initiator=d.row.initiator if d.row else None, deadline=d.deadline,
        ))
    return out


def _line_numbers(d: Draft) -> set[int]:
    return {ln.n for ln in [*d.lines, *(d.row.deadline if d.row else [])]}


def _referrer(
    note: Note, refs: dict[int, int], marks: dict[int, tuple[int, int]],
    pairs: Sequence[tuple[Draft, Passage]],
) -> Passage | None:
    """The passage that carried the footnote's marker, if it can be told."""
    if note.number in refs:
        line = refs[note.number]
        return next((p for d, p in pairs if line in _line_numbers(d)), None)
    if note.number in marks:  # a box's markers pulled out onto their own line: that box
        at, page = marks[note.number]
        return next((p for d, p in pairs if d.kind == "box" and d.lines[0].n > at
                     and d.lines[0].page == page), None)
    return None


def _footnotes(
    notes: Sequence[Note], refs: dict[int, int], marks: dict[int, tuple[int, int]],
    pairs: Sequence[tuple[Draft, Passage]], trusted: int, vocab: Vocab, seen: set[str],
) -> list[Passage]:
    """Footnote passages; part and section are those of the referring (else preceding) passage."""
    starts = [d.lines[0].n for d, _ in pairs]
    out = []
    for note in notes:
        target = _referrer(note, refs, marks, pairs)
        before = bisect_left(starts, note.n) - 1
        where = target or (pairs[max(before, 0)][1] if pairs else None)
        page = note.page if note.page <= trusted else None
        text = _join(note.lines, vocab)
        part: Part = where.part if where and where.part else PARTS[0]
        out.append(Passage(
            id=_unique(seen, "footnote", str(note.number), text), text=text, source="letter",
            kind="footnote", label=_label([str(part), f"voetnoot {note.number}"], page),
            part=part, section=where.section if where else None, page=page,
            footnote=note.number, refers_to=target.id if target else None,
        ))
    return out


def parse_letter(text: str) -> list[Passage]:
    """The letter's passages in reading order, then its footnotes (pure: no I/O)."""
    scanner = _Scanner()
    for n, raw in enumerate(text.splitlines()):
        scanner.feed(n, raw)
    lines, notes = scanner.lines, scanner.notes
    refs = _strip_markers(lines, notes)
    vocab = _vocab(lines)
    drafts = _Router(lines).run()
    _texts(drafts, vocab)
    drafts = _merge_short(drafts)
    trusted, seen = _trusted(scanner.anchors), set()  # type: int, set[str]
    built = _build(drafts, trusted, seen)
    pairs = list(zip(drafts, built, strict=True))
    notes_out = _footnotes(notes, refs, scanner.marks, pairs, trusted, vocab, seen)
    log.info("letter: %d passages, %d footnotes (%d with a marker), pages trusted up to %d",
             len(built), len(notes_out), sum(1 for p in notes_out if p.refers_to), trusted)
    return built + notes_out


def load_letter(path: Path = DEFAULT_LETTER_PATH) -> list[Passage]:
    """Read and parse the letter (UTF-8 text extracted from the PDF)."""
    return parse_letter(Path(path).read_text(encoding="utf-8"))
