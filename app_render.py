"""The page's HTML for the chat: the visitor's state, the conversation, recommendation cards,
sources and the profile (no gradio). Every string from outside is escaped; the forms, the advisor
table and the catalog are in `app_forms`.

`esc` turns text into inert HTML: markup characters become entities and so do the characters
markdown and templates react to (`[`, `*`, `_`, `$`, `{` ...), so a question holding <script>
or a markdown link shows as typed. The only markup on the page is what these functions write.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from app_texts import TEXTS, WELCOME
from assistant.answer import Answer, Citation, Recommendation
from assistant.errors import user_message
from assistant.service import Conversation
from instruments.labels import STATUS_WORDS, VERDICT_WORDS
from instruments.models import Lang
from retrieval.letter import LETTER_URL
from retrieval.passages import Passage

log = logging.getLogger(__name__)

_ESC = str.maketrans({
    "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;",
    **{ch: f"&#{ord(ch)};" for ch in "[]()*_`#!|~\\${}"},
})
_TOKEN = re.compile(r"\*\*(?P<bold>[^*]+?)\*\*|\[(?P<cites>\d+(?:\s*,\s*\d+)*)\]")
_BULLET = re.compile(r"^\s*[-•]\s+")
_ELLIPSIS = re.compile(r"\s*(?:…|\.\.\.)\s*")


FEEDBACK_PER_WINDOW = 10  # a person rates a few answers a minute, not ten
FEEDBACK_WINDOW_S = 60.0


@dataclass
class ChatState:
    """One visitor's conversation; `before_last` lets a corrected profile redo the last answer."""

    conversation: Conversation = field(default_factory=Conversation)
    before_last: Conversation = field(default_factory=Conversation)
    messages: list[dict[str, str]] = field(default_factory=list)
    last_feedback: tuple[int, str, str] | None = None  # (answer count, rating, comment) stored
    feedback_times: list[float] = field(default_factory=list)

    def feedback_allowed(self, now: float) -> bool:
        """At most FEEDBACK_PER_WINDOW clicks stored per FEEDBACK_WINDOW_S seconds (issue 15:
        one session wrote 150 rows in 4 s); a click allowed is counted."""
        self.feedback_times = [t for t in self.feedback_times if now - t < FEEDBACK_WINDOW_S]
        if len(self.feedback_times) >= FEEDBACK_PER_WINDOW:
            return False
        self.feedback_times.append(now)
        return True

    @property
    def last(self) -> Answer | None:
        return self.conversation.answers[-1] if self.conversation.answers else None


def t(lang: str, key: str) -> str:
    return TEXTS[key][0 if lang == "nl" else 1]


def esc(text: object) -> str:
    return str(text).translate(_ESC)


def error_text(exc: BaseException, lang: str) -> str:
    """A known failure in one sentence; a real bug is logged and gets a general apology."""
    known = user_message(exc)
    if known is None:
        log.error("unexpected error in a page handler", exc_info=exc)
        return t(lang, "error_bug")
    return t(lang, "error").format(message=known)


def link(url: str | None, text: str | None = None) -> str:
    """An outward link for http(s) addresses only; anything else is shown as text."""
    if not url:
        return ""
    if not re.match(r"https?://", url, re.I):
        return esc(text or url)
    return f'<a href="{esc(url)}" target="_blank" rel="noopener noreferrer">{esc(text or url)}</a>'


# -- the conversation --------------------------------------------------------------------------

def welcome_html(lang: Lang) -> str:
    what, limits = WELCOME[lang]
    return (f'<div class="welcome"><p>{esc(what)}</p><p class="limits"><b>'
            f'{esc(t(lang, "limits"))}</b> {esc(limits)}</p></div>')


def question_html(question: str) -> str:
    return f'<p class="question">{esc(question)}</p>'


def _cite_buttons(numbers: str, known: set[int]) -> str | None:
    found = [int(n) for n in re.findall(r"\d+", numbers)]
    if not found or not set(found) <= known:
        return None
    return "".join(
        f'<button type="button" class="cite" title="bron {n} / source {n}">[{n}]</button>'
        for n in found
    )


def inline_html(text: str, known: set[int]) -> str:
    """Escaped text with **bold** and [n] citation markers turned into markup."""
    parts: list[str] = []
    pos = 0
    for match in _TOKEN.finditer(text):
        parts.append(esc(text[pos: match.start()]))
        if match.group("bold") is not None:
            parts.append(f"<strong>{inline_html(match.group('bold'), known)}</strong>")
        else:
            parts.append(_cite_buttons(match.group("cites"), known) or esc(match.group(0)))
        pos = match.end()
    parts.append(esc(text[pos:]))
    return "".join(parts)


FOLD_AFTER_WORDS = 80  # details this short stay open (an estimate, a combination rule)
TABLE_START = '<div class="table-scroll">'
_RULE_ROW = re.compile(r"^\|(\s*:?-+:?\s*\|)+$")


def table_html(lines: Sequence[str], known: set[int]) -> str:
    """A Markdown table (a comparison) as an HTML table that scrolls sideways on a phone."""
    rows = [ln.strip() for ln in lines if not _RULE_ROW.match(ln.strip())]
    if not rows:  # rules only: nothing to show as a table
        return "<p>" + "<br>".join(inline_html(ln, known) for ln in lines) + "</p>"
    cells = [[cell.strip() for cell in row.strip("|").split("|")] for row in rows]
    head = "".join(f'<th scope="col">{inline_html(x, known)}</th>' for x in cells[0])
    body = "".join(
        "<tr>" + f'<th scope="row">{inline_html(row[0], known)}</th>'
        + "".join(f"<td>{inline_html(x, known)}</td>" for x in row[1:]) + "</tr>"
        for row in cells[1:]
    )
    return (f'{TABLE_START}<table class="compare"><thead><tr>{head}</tr></thead>'
            f"<tbody>{body}</tbody></table></div>")


NOTICE_CODES = {"input_refused", "store_unavailable"}  # codes whose message is the answer text


def _blocks_html(text: str, known: set[int]) -> list[str]:
    blocks: list[str] = []
    for block in re.split(r"\n\s*\n", text.strip()):
        lines = [line for line in block.splitlines() if line.strip()]
        if not lines:
            continue
        if all(line.lstrip().startswith("|") for line in lines):
            blocks.append(table_html(lines, known))
        elif all(_BULLET.match(line) for line in lines):
            items = "".join(f"<li>{inline_html(_BULLET.sub('', ln), known)}</li>" for ln in lines)
            blocks.append(f"<ul>{items}</ul>")
        else:
            blocks.append("<p>" + "<br>".join(inline_html(ln, known) for ln in lines) + "</p>")
    return blocks


def answer_html(answer: Answer, upto: int | None = None) -> str:
    """The answer text as paragraphs, lists and tables; `upto` shows only the first characters.
    An answer with a lead shows it (and a comparison's table) and folds the details beneath it,
    opened with a click."""
    text = answer.text if upto is None else answer.text[:upto]
    known = {c.n for c in answer.citations}
    lead = answer.lead.strip()
    long = len(answer.text[len(lead):].split()) > FOLD_AFTER_WORDS
    if lead and answer.text.startswith(lead) and len(text) > len(lead) and long:
        rest = _blocks_html(text[len(lead):], known)
        tables = [n for n, block in enumerate(rest[:2]) if block.startswith(TABLE_START)]
        shown = tables[0] + 1 if tables else 0  # a comparison's table is the answer: not folded
        blocks = [*_blocks_html(lead, known), *rest[:shown],
                  f'<details class="more"><summary>{esc(t(answer.lang, "details"))}</summary>'
                  f'{"".join(rest[shown:])}</details>']
    else:
        blocks = _blocks_html(text, known)
    classes = "answer declined" if answer.declined else "answer"
    if answer.notice and answer.notice not in NOTICE_CODES:  # e.g. the LLM fell back
        blocks.append(notice_html(answer.notice, "info"))
    return f'<div class="{classes}" lang="{esc(answer.lang)}">{"".join(blocks)}</div>'


def answer_chunks(text: str, words_per_chunk: int = 6) -> list[int]:
    """Prefix lengths at which to show the streaming answer (whole words, then the end)."""
    ends = [m.end() for m in re.finditer(r"\S+\s*", text)]
    return [*ends[words_per_chunk - 1:: words_per_chunk], len(text)] if ends else [len(text)]


def notice_html(message: str, kind: str = "error") -> str:
    return f'<div class="notice notice-{esc(kind)}" role="status">{esc(message)}</div>'


def note(lang: str, key: str, kind: str = "info") -> str:
    return notice_html(t(lang, key), kind)


# -- recommendation cards ----------------------------------------------------------------------

def badge(verdict: str, lang: Lang) -> str:
    css = re.sub(r"[^a-z_]", "", verdict)
    return f'<span class="badge verdict-{css}">{esc(VERDICT_WORDS[lang][verdict])}</span>'


def items_html(title: str, values: Sequence[str], css: str) -> str:
    if not values:
        return ""
    lis = "".join(f"<li>{esc(v)}</li>" for v in values)
    return f'<div class="{css}"><h5>{esc(title)}</h5><ul>{lis}</ul></div>'


def card_html(rec: Recommendation, lang: Lang) -> str:
    body = [
        items_html(t(lang, "card_why"), rec.why, "why"),
        items_html(t(lang, "card_check"), rec.to_check, "check"),
        items_html(t(lang, "card_figures"), rec.figures, "figures"),
    ]
    if rec.next_step:
        body.append(f'<p class="next"><b>{esc(t(lang, "card_next"))}</b> {esc(rec.next_step)}</p>')
    if rec.administered_by:
        body.append(f'<p class="body"><b>{esc(t(lang, "card_body"))}</b> '
                    f"{esc(rec.administered_by)} {link(rec.url)}</p>")
    if rec.status:
        state, _, rest = rec.status.partition(" ")
        words = STATUS_WORDS.get(state)
        status = f"{words[0 if lang == 'nl' else 1]} {rest}" if words else rec.status
        body.append(f'<p class="status">{esc(t(lang, "cat_status"))}: {esc(status)}</p>')
    return (f'<article class="rec-card" data-instrument="{esc(rec.instrument_id)}">'
            f'<header><h4>{esc(rec.name)}</h4>{badge(rec.verdict, lang)}</header>'
            f'{"".join(body)}</article>')


def cards_html(answer: Answer | None) -> str:
    if answer is None or not answer.recommendations:
        return ""
    cards = "".join(card_html(r, answer.lang) for r in answer.recommendations)
    return f'<section class="recs"><h3>{esc(t(answer.lang, "recs"))}</h3>{cards}</section>'


# -- sources -----------------------------------------------------------------------------------

def citation_choices(answer: Answer | None) -> list[tuple[str, str]]:
    if answer is None:
        return []
    return [(f"[{c.n}] {c.label[:70]}", str(c.n)) for c in answer.citations]


def quote_spans(text: str, quote: str) -> list[tuple[int, int]]:
    """Where the quote (or each part of a quote cut with an ellipsis) stands in the text."""
    spans: list[tuple[int, int]] = []
    for part in _ELLIPSIS.split(quote.strip().strip("“”\"")):
        words = part.split()
        if not words:
            continue
        found = re.search(r"\s+".join(re.escape(w) for w in words), text, re.I)
        if found:
            spans.append(found.span())
    return sorted(spans)


def highlight(text: str, quote: str) -> str:
    spans = quote_spans(text, quote)
    if not spans:
        return f"<p><mark>{esc(quote)}</mark></p><p>{esc(text)}</p>"
    out, pos = [], 0
    for start, end in spans:
        if start < pos:
            continue
        out.append(f"{esc(text[pos:start])}<mark>{esc(text[start:end])}</mark>")
        pos = end
    out.append(esc(text[pos:]))
    return f"<p>{''.join(out)}</p>"


def source_html(citation: Citation | None, passage: Passage | None, lang: Lang) -> str:
    if citation is None:
        return f'<div class="source empty">{esc(t(lang, "source_empty"))}</div>'
    meta = [f'<p class="label">{esc(citation.label)}</p>']
    if citation.source == "card":
        meta.append(f'<p class="where">{link(citation.url)} · {esc(t(lang, "seen"))} '
                    f"{esc(citation.seen or '?')}</p>")
    else:
        official = link(LETTER_URL, t(lang, "letter_link"))
        meta.append(f'<p class="where">{esc(t(lang, "letter_name"))} · {official}</p>')
    body = highlight(passage.text if passage else citation.quote, citation.quote)
    return (f'<div class="source" data-n="{citation.n}"><h4>{esc(t(lang, "source"))} '
            f"[{citation.n}]</h4>{''.join(meta)}<blockquote>{body}</blockquote></div>")


# -- profile -----------------------------------------------------------------------------------

def profile_html(understood: Iterable[tuple[str, str]], lang: Lang) -> str:
    rows = "".join(f"<tr><th>{esc(k)}</th><td>{esc(v)}</td></tr>" for k, v in understood)
    empty = f'<p class="muted">{esc(t(lang, "profile_none"))}</p>'
    body = f"<table>{rows}</table>" if rows else empty
    return f'<section class="profile"><h3>{esc(t(lang, "profile_h"))}</h3>{body}</section>'


def header_html(lang: Lang) -> str:
    return (f'<header class="brand"><h1>{esc(t(lang, "title"))}</h1>'
            f'<p>{esc(t(lang, "tagline"))}</p></header>')
