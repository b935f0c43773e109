"""The page's layout: every component, created under a name in one dict (`c`) that `app.py`
wires to the handlers. Besides `app.py`, the only module that imports gradio.
"""

from __future__ import annotations

import logging
from typing import Any

import gradio as gr

import app_forms as forms
import app_render as r
from app_render import ChatState
from app_texts import EXAMPLES
from assistant.clarify import QUESTIONS
from instruments.catalog import Catalog
from instruments.models import Lang

log = logging.getLogger(__name__)


def _checked(component: Any) -> Any:
    """The choice component with its rejected value (sent by a script, never by the page) as one
    warning line and a short message, instead of gradio's traceback in the log and a message
    repeating the value. (Wrapped per instance: a subclass makes gradio write a .pyi file.)"""
    preprocess = component.preprocess

    def checked(payload: Any) -> Any:
        try:
            return preprocess(payload)
        except gr.Error:
            log.warning("rejected a value for %s: not one of its choices",
                        component.elem_id or type(component).__name__)
            raise gr.Error("Deze keuze bestaat niet. / This choice does not exist.",
                           print_exception=False) from None

    component.preprocess = checked
    return component


def Dropdown(*args: Any, **kwargs: Any) -> gr.Dropdown:  # reads as the component
    return _checked(gr.Dropdown(*args, **kwargs))


def Radio(*args: Any, **kwargs: Any) -> gr.Radio:
    return _checked(gr.Radio(*args, **kwargs))


# quick-reply buttons under the chat: as many as the longest question offers (the stage and the
# plan questions lost their last options to a fixed 4)
CLARIFY_SLOTS = max(len(options) for _, _, by_lang in QUESTIONS.values()
                    for options in by_lang.values())

# System fonts: nothing is fetched, and every weight has every glyph (the bundled
# Source Sans 600 subset lacks some capitals).
THEME = gr.themes.Default(
    font=["system-ui", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "Liberation Sans",
          "sans-serif"],
    font_mono=["ui-monospace", "monospace"],
)


def _field(name: str, lang: Lang, prefix: str) -> Any:
    text, key = forms.field_label(name, lang), f"{prefix}_{name}"
    if name in forms.NUMBERS:
        return gr.Textbox(label=text, elem_id=key, max_lines=1, placeholder=r.t(lang, "number_ph"))
    if name in forms.FLAGS:
        return Radio(forms.choices(name, lang), value=forms.UNKNOWN, label=text, elem_id=key)
    if name in forms.CHOICES:
        many = name in forms.LISTS
        return Dropdown(forms.choices(name, lang), value=[] if many else forms.UNKNOWN,
                           label=text, multiselect=many, elem_id=key)
    return gr.Textbox(label=text, elem_id=key, max_lines=1)


def _chat_column(c: dict[str, Any], lang: Lang) -> None:
    c["welcome"] = gr.HTML(r.welcome_html(lang))
    with gr.Row(elem_classes="examples"):
        for i, example in enumerate(EXAMPLES[lang]):
            c[f"example_{i}"] = gr.Button(example, size="sm", elem_classes="example")
    c["chatbot"] = gr.Chatbot(label=r.t(lang, "chat"), height=520, elem_id="chat",
                              feedback_options=None, sanitize_html=True)
    with gr.Row(elem_classes="clarify"):
        for i in range(CLARIFY_SLOTS):
            c[f"clarify_{i}"] = gr.Button("", visible=False, size="sm", elem_classes="quick-reply")
    with gr.Row(equal_height=True):
        c["question"] = gr.Textbox(label=r.t(lang, "question"), lines=1, max_lines=6, scale=5,
                                   placeholder=r.t(lang, "question_ph"), elem_id="question")
        c["send"] = gr.Button(r.t(lang, "send"), variant="primary", scale=1, min_width=90)
    c["new"] = gr.Button(r.t(lang, "new"), size="sm", variant="secondary", elem_id="new")
    c["cite_picker"] = Radio([], label=r.t(lang, "cites"), elem_id="cite-picker")
    c["source"] = gr.HTML(r.source_html(None, None, lang), elem_id="source-panel")


def _side_column(c: dict[str, Any], catalog: Catalog, lang: Lang) -> None:
    c["cards"] = gr.HTML("", elem_id="cards")
    c["profile"] = gr.HTML(r.profile_html([], lang), elem_id="profile")
    with gr.Accordion(r.t(lang, "correct"), open=False) as c["correct"]:
        for name in forms.CHAT_FORM:
            c[f"chat_{name}"] = _field(name, lang, "chat")
        c["recompute"] = gr.Button(r.t(lang, "recompute"), variant="primary", elem_id="recompute")
    with gr.Accordion(r.t(lang, "fb_h"), open=True) as c["feedback_box"]:
        with gr.Row():
            c["fb_up"] = gr.Button(r.t(lang, "fb_up"), size="sm", elem_id="fb-up")
            c["fb_down"] = gr.Button(r.t(lang, "fb_down"), size="sm", elem_id="fb-down")
        c["fb_comment"] = gr.Textbox(label=r.t(lang, "fb_comment"), elem_id="fb-comment")
        c["fb_expected"] = Dropdown(forms.instrument_choices(catalog, lang),
                                       multiselect=True, label=r.t(lang, "fb_expected"))
        c["fb_note"] = gr.HTML("", elem_id="fb-note")
        c["privacy"] = gr.HTML(r.note(lang, "fb_privacy"))


def _advisor_tab(c: dict[str, Any], lang: Lang) -> None:
    c["adv_intro"] = gr.HTML(r.note(lang, "adv_intro"))
    with gr.Row(elem_classes="advisor-form"):
        for name in forms.ADVISOR_FORM:
            c[f"adv_{name}"] = _field(name, lang, "adv")
    c["adv_run"] = gr.Button(r.t(lang, "adv_run"), variant="primary", elem_id="adv-run")
    c["adv_note"] = gr.HTML("")
    c["adv_table"] = gr.Dataframe(label=r.t(lang, "adv_table"), wrap=True, interactive=False,
                                  elem_id="adv-table", max_height=640,
                                  column_widths=["220px", "130px", *["260px"] * 10])
    c["adv_csv"] = gr.DownloadButton(r.t(lang, "adv_csv"), elem_id="adv-csv")


def _catalog_tab(c: dict[str, Any], catalog: Catalog, lang: Lang, shown: str) -> None:
    with gr.Row():
        for key, name in forms.CATALOG_FILTERS:
            c[key] = Dropdown(forms.filter_choices(catalog, name, lang), value="",
                                 label=r.t(lang, key), elem_id=key.replace("_", "-"))
    c["catalog"] = gr.HTML(shown, elem_id="catalog")


def build_page(c: dict[str, Any], lang: Lang, catalog: Catalog, shown: str) -> None:
    """The whole page inside an open gr.Blocks: a chat tab, an advisor desk and the catalog
    (`shown`: the catalog's first rendering)."""
    c["state"] = gr.State(ChatState())
    with gr.Row(elem_classes="topbar", equal_height=True):
        c["title"] = gr.HTML(r.header_html(lang))
        c["lang"] = Radio([("Nederlands", "nl"), ("English", "en")], value=lang,
                             label="Taal / Language", elem_id="lang", scale=0, min_width=200)
    # three tabs wrap onto a second row on a narrow phone rather than hide in a "..." menu
    with gr.Tabs(overflow_behavior="wrap"):
        with gr.Tab(r.t(lang, "tab_chat"), id="chat") as c["tab_chat"], gr.Row():
            with gr.Column(scale=3, min_width=340):
                _chat_column(c, lang)
            with gr.Column(scale=2, min_width=320):
                _side_column(c, catalog, lang)
        with gr.Tab(r.t(lang, "tab_advisor"), id="advisor") as c["tab_advisor"]:
            _advisor_tab(c, lang)
        with gr.Tab(r.t(lang, "tab_catalog"), id="catalog") as c["tab_catalog"]:
            _catalog_tab(c, catalog, lang, shown)
