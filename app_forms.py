"""The page's forms and tables (no gradio): form values <-> CompanyProfile, the advisor desk's
eligibility table and CSV, the instrument catalog with its filters, and the page's labels in
another language. HTML is written with `app_render`'s escaping helpers.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, get_args

from app_render import esc, header_html, items_html, link, note, profile_html, t, welcome_html
from app_texts import CRITERION_LABELS, EXAMPLES, KIND_LABELS
from assistant.errors import InputError
from instruments import models as m
from instruments.catalog import Catalog
from instruments.eligibility import CRITERIA, EligibilityResult, eligibility_rows
from instruments.labels import VERDICT_WORDS
from instruments.models import InstrumentCard, Lang
from instruments.profile import (
    FIELD_LABELS,
    MAX_FREE_TEXT_CHARS,
    CompanyProfile,
    describe,
    label,
    parse_number,
    with_size,
)
from instruments.years import year_label

VERDICT_ORDER = {"fits": 0, "may_fit": 1, "not_a_scheme": 2, "closed": 3, "does_not_fit": 4}
OUTCOME_MARK = {"meets": "✓", "fails": "✗", "undetermined": "?"}

UNKNOWN = "unknown"
CHOICES: dict[str, tuple[str, ...]] = {
    "size": get_args(m.Size), "stage": get_args(m.Stage), "region": get_args(m.Region),
    "applicant_type": get_args(m.ApplicantType), "financing_need": get_args(m.SupportType),
    "themes": get_args(m.Theme), "activities": get_args(m.Activity),
    "support_wanted": get_args(m.SupportType),
}
FLAGS = ("is_startup", "collaboration", "knowledge_institution_partner", "is_knowledge_institution")
NUMBERS = ("employees", "group_employees", "turnover_eur", "age_years")
LISTS = ("themes", "activities", "support_wanted")
CHAT_FORM = ("employees", "size", "stage", "sector", "themes", "region", "is_startup",
             "collaboration")
ADVISOR_FORM = ("employees", "group_employees", "turnover_eur", "age_years", "size", "stage",
                "applicant_type",
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
    figures = [f"{f.text.get(lang)} ({year_label(f.year, lang)}; {sources[f.source].title})"
               for f in card.figures]
    who = card.eligibility.who_applies.get(lang)
    body = card.administered_by.name_in(lang)
    parts = [
        f'<p class="summary">{esc(card.summary.get(lang))}</p>',
        f'<p><b>{esc(t(lang, "cat_offers"))}</b> {esc(card.offers.get(lang))}</p>',
        f'<p><b>{esc(t(lang, "cat_who"))}</b> {esc(who)}</p>',
        items_html(t(lang, "card_figures"), figures, "figures"),
        f'<p><b>{esc(t(lang, "cat_apply"))}</b> {esc(card.how_to_apply.get(lang))}</p>',
        items_html(t(lang, "cat_pitfalls"), [p.get(lang) for p in card.pitfalls], "pitfalls"),
        f'<p class="status"><b>{esc(t(lang, "cat_status"))} ({esc(card.status.as_of)}):</b> '
        f"{esc(card.status.note.get(lang))}</p>",
        f'<p class="body"><b>{esc(t(lang, "card_body"))}</b> {esc(body)} '
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

def _met_share(result: EligibilityResult) -> float:
    """Within a verdict, the instruments whose criteria are most known to be met come first."""
    return sum(c.outcome == "meets" for c in result.criteria) / max(1, len(result.criteria))


def advisor_table(
    results: Iterable[EligibilityResult], names: dict[str, str], lang: Lang
) -> tuple[list[str], list[list[str]]]:
    """Headers and rows: instrument, verdict, then each criterion's mark and reason."""
    headers = [t(lang, "col_instrument"), t(lang, "col_verdict"),
               *(CRITERION_LABELS[c][0 if lang == "nl" else 1] for c in CRITERIA)]
    rows = []
    for result in sorted(results, key=lambda r: (VERDICT_ORDER[r.verdict], -_met_share(r))):
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
        headcount = name in ("employees", "group_employees")
        return math.ceil(number) if headcount and number is not None else number
    text = str(value).strip()
    if len(text) > MAX_FREE_TEXT_CHARS:
        raise InputError(f"{field_label(name, lang)}: {len(text):,} characters, at most "
                         f"{MAX_FREE_TEXT_CHARS}")
    return text or None


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
