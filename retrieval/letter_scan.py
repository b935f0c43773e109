"""Pass 1 over the letter's extracted text: the content lines, their pages, and the footnotes.

What is dropped: running headers ("Directoraat-generaal ... Ons kenmerk ..."), footers ("Pagina N
van M") and stray marker lines (" 36 37"). What is taken out: footnotes, numbered 1, 2, ... and
running to the end of their page (or a box), and their markers glued to body words ("industrie1.").

Pages: a new PDF page shows as a line starting with one space (not box titles: boxes come out at
the end of their page), a stray marker line or a running header. That count matches the footers
"Pagina 18 van 29" and "Pagina 19 van 29"; the last footer reads "Pagina 69 van 29" and is wrong.
So a page is trusted only up to the last footer the count agrees with (19): see `trusted_page`.
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

log = logging.getLogger(__name__)

KADER = re.compile(r"Kader \d+\.")
"""A numbered box title ('Kader 3. De schone fabriek')."""
_WS = re.compile(r"\s+")
_FOOTER = re.compile(r"Pagina (\d+) van (\d+)$")
_MARKS = re.compile(r"\s+\d{1,3}(?:\s+\d{1,3})*\s*")
_NOTE = re.compile(r"(\d{1,3}) (\S.*)")


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
    """A footnote: its number, the line it starts on, its counted page and its text lines."""

    number: int
    n: int
    page: int
    lines: list[str]


class Scanner:
    """Drop running headers, footers and marker lines; count pages; take footnotes out."""

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
            start = self.pending or (bool(re.match(r" \S", raw)) and not KADER.match(text))
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
        if self.note is not None and not start and not KADER.match(text):
            self.note.lines.append(text)
            return True
        self.note = None
        return False


def scan(text: str) -> Scanner:
    """Feed every line of the extraction to a fresh scanner."""
    scanner = Scanner()
    for n, raw in enumerate(text.splitlines()):
        scanner.feed(n, raw)
    return scanner


def trusted_page(anchors: Sequence[tuple[int, int, int]]) -> int:
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


def strip_markers(lines: list[Line], notes: Sequence[Note]) -> dict[int, int]:
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
