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

This module walks that structure (pass 2), then gives the passages ids and labels. Pass 1, in
`retrieval.letter_scan`, drops running headers, footers and stray marker lines, counts pages and
takes the footnotes out; `page` is set only up to the last footer the count agrees with and left
None after it. Titles, paragraphs and line-end hyphens are `retrieval.letter_text`'s.

`paragraph` counts a section's passages in order (footnotes excluded); labels count as a reader
would: "alinea k" among the section's paragraphs or within a box, "actie k" among its table rows.
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_left
from collections.abc import Sequence
from pathlib import Path

from retrieval.letter_scan import KADER, Line, Note, scan, strip_markers, trusted_page
from retrieval.letter_tables import header_length, is_header, parse_rows
from retrieval.letter_text import (
    LIST,
    TERMINAL,
    Draft,
    Vocab,
    box_title,
    build_vocab,
    fill_texts,
    join_lines,
    merge_short,
    paragraphs,
    title,
    words,
)
from retrieval.passages import Part, Passage, PassageKind, stable_id

log = logging.getLogger(__name__)

# the letter's official publication (shared/reference/letter.md: Kamerstuk 33 009 nr. 117,
# Den Haag, 11 November 2022)
LETTER_URL = "https://zoek.officielebekendmakingen.nl/kst-33009-117.html"
DEFAULT_LETTER_PATH = (
    Path(__file__).resolve().parent.parent / "data" / "kamerbrief-innovatie-valorisatie-2022.txt"
)
PARTS: tuple[Part, ...] = ("Inleiding", "Deel I", "Deel II", "Actieplan")
_PART_RX = (re.compile(r"DEEL I$", re.I), re.compile(r"DEEL II$", re.I), re.compile(r"ACTIEPLAN\b"))
_NUMBERED = re.compile(r"(\d{1,2})\.\s+\S")
_LETTER = re.compile(r"([a-z])\)\s+\S")
_CHAPTER = re.compile(r"(?:([IVX]+)\.|Deel ([IVX]+):)\s+(\S.*)")
_ROMAN = ("I", "II", "III", "IV")


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
        return i == 0 or ln.gap or ln.page_start or bool(TERMINAL.search(self.lines[i - 1].text))

    def _part(self, i: int) -> int | None:
        if self.part + 1 >= len(PARTS) or not _PART_RX[self.part].match(self.lines[i].text):
            return None
        self._flush()
        self.part, self.heads, self.number, self.roman, self.letters = self.part + 1, (), 0, 0, 0
        nxt = self.lines[i + 1 : i + 2]
        subtitle = nxt and not nxt[0].gap and words(nxt[0].text) <= 15
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
        got = title(self.lines, i, 15)
        if got is None:
            return None
        self._flush()
        self.letters, self.heads = self.letters + 1, (self.heads[0], got[0])
        return got[1]

    def _numbered(self, i: int) -> int | None:
        found = _NUMBERED.match(self.lines[i].text)
        if PARTS[self.part] not in ("Deel I", "Deel II") or not found:
            return None
        got = title(self.lines, i, 15)
        if int(found[1]) not in (1, self.number + 1) or got is None or not self._boundary(i):
            return None
        neighbours = [self.lines[i - 1]] if i and not self.lines[i].gap else []
        if got[1] < len(self.lines) and not self.lines[got[1]].gap:
            neighbours.append(self.lines[got[1]])
        if any(LIST.match(ln.text) for ln in neighbours):
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
        got = box_title(self.lines, i, self.mode == "table")
        if got is None or not (KADER.match(self.lines[i].text) or self._boundary(i)):
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
        if self._stream() is not self.body or not ln.text[:1].isupper() or LIST.match(ln.text):
            return None
        got = title(self.lines, i, 12) if self._boundary(i) else None
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
            for k, (prefix, lines) in enumerate(paragraphs(self.boxed, spaced)):
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
        for prefix, lines in paragraphs(self.body, spaced=False):
            self.drafts.append(self._draft("paragraph", lines, prefix))
        self.body, self.toc = [], []


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
        text = join_lines(note.lines, vocab)
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
    scanner = scan(text)
    lines, notes = scanner.lines, scanner.notes
    refs = strip_markers(lines, notes)
    vocab = build_vocab(lines)
    drafts = _Router(lines).run()
    fill_texts(drafts, vocab)
    drafts = merge_short(drafts)
    trusted, seen = trusted_page(scanner.anchors), set()  # type: int, set[str]
    built = _build(drafts, trusted, seen)
    pairs = list(zip(drafts, built, strict=True))
    notes_out = _footnotes(notes, refs, scanner.marks, pairs, trusted, vocab, seen)
    log.info("letter: %d passages, %d footnotes (%d with a marker), pages trusted up to %d",
             len(built), len(notes_out), sum(1 for p in notes_out if p.refers_to), trusted)
    return built + notes_out


def load_letter(path: Path = DEFAULT_LETTER_PATH) -> list[Passage]:
    """Read and parse the letter (UTF-8 text extracted from the PDF)."""
    return parse_letter(Path(path).read_text(encoding="utf-8"))
