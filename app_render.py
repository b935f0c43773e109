"""The page's pure helpers (no gradio): its words in Dutch and English, the visitor's state,
form values <-> CompanyProfile, and HTML rendering, where every string from outside is escaped.

`esc` turns text into inert HTML: markup characters become entities and so do the characters
markdown and templates react to (`[`, `*`, `_`, `$`, `{` ...), so a question holding <script>
or a markdown link shows as typed. The only markup on the page is what these functions write.
"""

from __future__ import annotations

import csv
import logging
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, get_args

from app_texts import (  # re-exported: the page and its tests read them from here
    CRITERION_LABELS,
    EXAMPLES,
    KIND_LABELS,
    STATUS_WORDS,
    TEXTS,
    VERDICT_WORDS,
    WELCOME,
)
from assistant.answer import Answer, Citation, Recommendation
from assistant.errors import InputError, user_message
from assistant.service import Conversation
from instruments import models as m
from instruments.catalog import Catalog
from instruments.eligibility import CRITERIA, EligibilityResult, eligibility_rows
from instruments.models import InstrumentCard, Lang
from instruments.profile import (
    FIELD_LABELS,
    CompanyProfile,
    describe,
    label,
    parse_number,
    with_size,
)
from retrieval.passages import Passage

log = logging.getLogger(__name__)

_ESC = str.maketrans({
    "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;",
    **{ch: f"&#{ord(ch)};" for ch in "[]()*_`#!|~\\${}"},
})
_TOKEN = re.compile(r"\*\*(?P<bold>[^*]+?)\*\*|\[(?P<cites>\d+(?:\s*,\s*\d+)*)\]")
_BULLET = re.compile(r"^\s*[-•]\s+")
_ELLIPSIS = re.compile(r"\s*(?:…|\.\.\.)\s*")
VERDICT_ORDER = {"fits": 0, "may_fit": 1, "does_not_fit": 2}
OUTCOME_MARK = {"meets": "✓", "fails": "✗", "undetermined": "?"}

UNKNOWN = "unknown"
CHOICES: dict[str, tuple[str, ...]] = {
    "size": get_args(m.Size), "stage": get_args(m.Stage), "region": get_args(m.Region),
    "applicant_type": get_args(m.ApplicantType), "financing_need": get_args(m.SupportType),
    "themes": get_args(m.Theme), "activities": get_args(m.Activity),
    "support_wanted": get_args(m.SupportType),
}
FLAGS = ("is_startup", "collaboration", "knowledge_institution_partner", "is_knowledge_institution")
NUMBERS = ("employees", "turnover_eur", "age_years")
LISTS = ("themes", "activities", "support_wanted")
CHAT_FORM = ("employees", "size", "stage", "sector", "themes", "region", "is_startup",
             "collaboration")
ADVISOR_FORM = ("employees", "turnover_eur", "age_years", "size", "stage", "applicant_type",
                "sector", "themes", "activities", "region", "is_startup", "collaboration",
                "knowledge_institution_partner", "is_knowledge_institution", "financing_need",
                "support_wanted")
# component -> (property, text key) to relabel when the language changes
LABELLED: dict[str, tuple[str, str]] = {
    "tab_chat": ("label", "tab_chat"), "tab_advisor": ("label", "tab_advisor"),
    "tab_catalog": ("label", "tab_catalog"), "chatbot": ("label", "chat"),
    "send": ("value", "send"), "new": ("value", "new"), "cite_picker": ("label", "cites"),
    "correct": ("label", "correct"), "recompute": ("value", "recompute"),
    "feedback_box": ("label", "fb_h"), "fb_up": ("value", "fb_up"),
    "fb_down": ("value", "fb_down"), "fb_comment": ("label", "fb_comment"),
    "adv_run": ("value", "adv_run"), "adv_table": ("label", "adv_table"),
    "adv_csv": ("label", "adv_csv"),
}
CATALOG_FILTERS = (("cat_kind", "kind"), ("cat_audience", "audience"), ("cat_theme", "theme"))
@dataclass
class ChatState:
    """One visitor's conversation; `before_last` lets a corrected profile redo the last answer."""

    conversation: Conversation = field(default_factory=Conversation)
    before_last: Conversation = field(default_factory=Conversation)
    messages: list[dict[str, str]] = field(default_factory=list)

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


NOTICE_CODES = {"input_refused", "store_unavailable"}  # codes whose message is the answer text


def answer_html(answer: Answer, upto: int | None = None) -> str:
    """The answer text as paragraphs and lists; `upto` shows only the first characters."""
    text = answer.text if upto is None else answer.text[:upto]
    known = {c.n for c in answer.citations}
    blocks: list[str] = []
    for block in re.split(r"\n\s*\n", text.strip()):
        lines = [line for line in block.splitlines() if line.strip()]
        if not lines:
            continue
        if all(_BULLET.match(line) for line in lines):
            items = "".join(f"<li>{inline_html(_BULLET.sub('', ln), known)}</li>" for ln in lines)
            blocks.append(f"<ul>{items}</ul>")
        else:
            blocks.append("<p>" + "<br>".join(inline_html(ln, known) for ln in lines) + "</p>")
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


def _items(title: str, values: Sequence[str], css: str) -> str:
    if not values:
        return ""
    lis = "".join(f"<li>{esc(v)}</li>" for v in values)
    return f'<div class="{css}"><h5>{esc(title)}</h5><ul>{lis}</ul></div>'


def card_html(rec: Recommendation, lang: Lang) -> str:
    body = [
        _items(t(lang, "card_why"), rec.why, "why"),
        _items(t(lang, "card_check"), rec.to_check, "check"),
        _items(t(lang, "card_figures"), rec.figures, "figures"),
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
        meta.append(f'<p class="where">{esc(t(lang, "letter_name"))}</p>')
    body = highlight(passage.text if passage else citation.quote, citation.quote)
    return (f'<div class="source" data-n="{citation.n}"><h4>{esc(t(lang, "source"))} '
            f"[{citation.n}]</h4>{''.join(meta)}<blockquote>{body}</blockquote></div>")


# -- profile -----------------------------------------------------------------------------------

def profile_html(understood: Iterable[tuple[str, str]], lang: Lang) -> str:
    rows = "".join(f"<tr><th>{esc(k)}</th><td>{esc(v)}</td></tr>" for k, v in understood)
    empty = f'<p class="muted">{esc(t(lang, "profile_none"))}</p>'
    body = f"<table>{rows}</table>" if rows else empty
    return f'<section class="profile"><h3>{esc(t(lang, "profile_h"))}</h3>{body}</section>'


# -- the catalog -------------------------------------------------------------------------------

def kind_label(kind: str, lang: Lang) -> str:
    return KIND_LABELS.get(kind, (kind, kind))[0 if lang == "nl" else 1]


def instrument_choices(catalog: Catalog, lang: Lang) -> list[tuple[str, str]]:
    return [(c.name.get(lang), c.id) for c in catalog]


def filter_choices(catalog: Catalog, name: str, lang: Lang) -> list[tuple[str, str]]:
    """Choices of a catalog filter (kind, audience, theme), 'all' first."""
    if name == "kind":
        kinds = dict.fromkeys(c.kind for c in catalog)
        pairs = [(kind_label(k, lang), k) for k in kinds]
    else:
        vocabulary = CHOICES["applicant_type" if name == "audience" else "themes"]
        pairs = [(label(v, lang), v) for v in vocabulary]
    return [(t(lang, "all"), ""), *pairs]


def filter_cards(
    cards: Iterable[InstrumentCard], kind: str = "", audience: str = "", theme: str = ""
) -> list[InstrumentCard]:
    """Cards of the kind, open to the applicant type, for the theme (no theme limit = any)."""
    return [
        c for c in cards
        if (not kind or c.kind == kind)
        and (not audience or audience in c.eligibility.applicant_types)
        and (not theme or not c.eligibility.themes or theme in c.eligibility.themes)
    ]


def catalog_card_html(card: InstrumentCard, lang: Lang) -> str:
    sources = {s.id: s for s in card.sources}
    figures = [f"{f.text.get(lang)} ({f.year}; {sources[f.source].title})" for f in card.figures]
    who = card.eligibility.who_applies.get(lang)
    parts = [
        f'<p class="summary">{esc(card.summary.get(lang))}</p>',
        f'<p><b>{esc(t(lang, "cat_offers"))}</b> {esc(card.offers.get(lang))}</p>',
        f'<p><b>{esc(t(lang, "cat_who"))}</b> {esc(who)}</p>',
        _items(t(lang, "card_figures"), figures, "figures"),
        f'<p><b>{esc(t(lang, "cat_apply"))}</b> {esc(card.how_to_apply.get(lang))}</p>',
        _items(t(lang, "cat_pitfalls"), [p.get(lang) for p in card.pitfalls], "pitfalls"),
        f'<p class="status"><b>{esc(t(lang, "cat_status"))} ({esc(card.status.as_of)}):</b> '
        f"{esc(card.status.note.get(lang))}</p>",
        f'<p class="body"><b>{esc(t(lang, "card_body"))}</b> {esc(card.administered_by.name)} '
        f"{link(str(card.administered_by.url))}</p>",
    ]
    srcs = "".join(
        f"<li>{link(str(s.url), s.title) if s.url else esc(s.title)} · {esc(s.date)}</li>"
        for s in card.sources
    )
    heading = esc(t(lang, "cat_sources"))
    parts.append(f'<div class="sources"><h5>{heading}</h5><ul>{srcs}</ul></div>')
    kind = esc(kind_label(card.kind, lang))
    return (f'<article class="cat-card" id="card-{esc(card.id)}"><header><h4>'
            f'{esc(card.name.get(lang))}</h4><span class="kind">{kind}</span></header>'
            f"{''.join(parts)}</article>")


def catalog_html(cards: Sequence[InstrumentCard], lang: Lang) -> str:
    count = f'<p class="muted">{esc(t(lang, "cat_count").format(n=len(cards)))}</p>'
    return f'<div class="catalog">{count}{"".join(catalog_card_html(c, lang) for c in cards)}</div>'


# -- the advisor table -------------------------------------------------------------------------

def advisor_table(
    results: Iterable[EligibilityResult], names: dict[str, str], lang: Lang
) -> tuple[list[str], list[list[str]]]:
    """Headers and rows: instrument, verdict, then each criterion's mark and reason."""
    headers = [t(lang, "col_instrument"), t(lang, "col_verdict"),
               *(CRITERION_LABELS[c][0 if lang == "nl" else 1] for c in CRITERIA)]
    rows = []
    for result in sorted(results, key=lambda r: VERDICT_ORDER[r.verdict]):
        cells = []
        for name in CRITERIA:
            crit = result.criterion(name)
            cells.append(f"{OUTCOME_MARK[crit.outcome]} {crit.reason.get(lang)}" if crit else "")
        rows.append([names.get(result.instrument_id, result.instrument_id),
                     VERDICT_WORDS[lang][result.verdict], *cells])
    return headers, rows


def write_csv(results: Sequence[EligibilityResult], names: dict[str, str], lang: Lang,
              path: Path) -> Path:
    """The eligibility rows (`finder check --csv` columns) with the instrument's name first."""
    rows = eligibility_rows(results, lang)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=["name", *(rows[0] if rows else {})])
        writer.writeheader()
        writer.writerows({"name": names.get(row["instrument_id"], ""), **row} for row in rows)
    return path


def verdict_summary(results: Sequence[EligibilityResult], lang: Lang) -> str:
    counts = {v: sum(r.verdict == v for r in results) for v in VERDICT_ORDER}
    return ", ".join(f"{VERDICT_WORDS[lang][v]}: {n}" for v, n in counts.items())


# -- form values <-> profile --------------------------------------------------------------------

def field_label(name: str, lang: Lang) -> str:
    return FIELD_LABELS[name][0 if lang == "nl" else 1]


def choices(name: str, lang: Lang) -> list[tuple[str, str]]:
    if name in FLAGS:
        return [(t(lang, "unknown"), UNKNOWN), (t(lang, "yes"), "yes"), (t(lang, "no"), "no")]
    values = [(label(v, lang), v) for v in CHOICES[name]]
    return values if name in LISTS else [(t(lang, "unknown"), UNKNOWN), *values]


def _shown(name: str, value: Any) -> Any:
    if name in FLAGS:
        return UNKNOWN if value is None else ("yes" if value else "no")
    if name in LISTS:
        return list(value)
    if name in NUMBERS:
        return "" if value is None else f"{value:.0f}" if value >= 1000 else f"{value:g}"
    return value or (UNKNOWN if name in CHOICES else "")


def form_values(profile: CompanyProfile, names: Sequence[str]) -> list[Any]:
    """The profile as form values: numbers as text, unknown as 'unknown' or empty."""
    data = profile.model_dump()
    return [_shown(name, data[name]) for name in names]


def _number(name: str, value: Any, lang: Lang) -> float | None:
    text = str(value).replace("€", "").strip()
    if not text:
        return None
    number = parse_number(text)
    if number is None or number < 0:
        raise InputError(t(lang, "bad_number").format(field=field_label(name, lang), value=text))
    return number


def _form_value(name: str, value: Any, lang: Lang) -> Any:
    if name in FLAGS:
        return None if value in (None, "", UNKNOWN) else value == "yes"
    if name in LISTS:
        return list(value or [])
    if value is None or value == UNKNOWN:
        return None
    if name in NUMBERS:
        number = _number(name, value, lang)
        return math.ceil(number) if name == "employees" and number is not None else number
    return str(value).strip() or None


def profile_from_form(names: Sequence[str], values: Sequence[Any], lang: Lang = "nl",
                      base: CompanyProfile | None = None) -> CompanyProfile:
    """The profile the form states (InputError names a bad number); a changed headcount
    re-derives an unchanged size."""
    old = base or CompanyProfile()
    data = old.model_dump()
    data.update({n: _form_value(n, v, lang) for n, v in zip(names, values, strict=True)})
    if data["employees"] != old.employees and data["size"] == old.size:
        data["size"] = None
    return with_size(CompanyProfile.model_validate(data))


def _field_props(name: str, lang: Lang) -> dict[str, Any]:
    props: dict[str, Any] = {"label": field_label(name, lang)}
    if name in CHOICES or name in FLAGS:
        props["choices"] = choices(name, lang)
    elif name in NUMBERS:
        props["placeholder"] = t(lang, "number_ph")
    return props


def relabel(lang: Lang, catalog: Catalog, profile: CompanyProfile) -> dict[str, Any]:
    """The page in another language: component -> new properties (a dict) or new HTML (a str)."""
    view: dict[str, Any] = {k: {prop: t(lang, key)} for k, (prop, key) in LABELLED.items()}
    view["question"] = {"label": t(lang, "question"), "placeholder": t(lang, "question_ph")}
    for prefix, names in (("chat", CHAT_FORM), ("adv", ADVISOR_FORM)):
        view.update({f"{prefix}_{name}": _field_props(name, lang) for name in names})
    view.update({f"example_{i}": {"value": q} for i, q in enumerate(EXAMPLES[lang])})
    view["fb_expected"] = {"label": t(lang, "fb_expected"),
                           "choices": instrument_choices(catalog, lang)}
    for key, name in CATALOG_FILTERS:
        view[key] = {"label": t(lang, key), "choices": filter_choices(catalog, name, lang)}
    view.update(title=header_html(lang), welcome=welcome_html(lang),
                privacy=note(lang, "fb_privacy"), adv_intro=note(lang, "adv_intro"),
                profile=profile_html(describe(profile, lang), lang))
    return view


def header_html(lang: Lang) -> str:
    return (f'<header class="brand"><h1>{esc(t(lang, "title"))}</h1>'
            f'<p>{esc(t(lang, "tagline"))}</p></header>')
