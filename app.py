"""The web page: `python app.py` serves it on Settings().host:port (127.0.0.1:7860).

`build_ui(finder)` builds the page (its components are in `app_layout`); `Page` holds short
handlers that call the finder and return a dict of named outputs rendered by `app_render` and
`app_forms` (pure, escaped HTML), so they are tested without a browser. Only this module and
`app_layout` import gradio.
"""

from __future__ import annotations

import copy
import inspect
import logging
import os
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import app_downloads as downloads

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
# Gradio copies every file it serves into this folder: one of our own, never a shared one
# (read by gradio at import).
os.environ["GRADIO_TEMP_DIR"] = str(downloads.private_folder("finder-gradio-"))
import gradio as gr
from pydantic import ValidationError

import app_forms as forms
import app_layout as layout
import app_render as r
from app_pool import Answerer, AnswerPool
from app_render import ChatState
from app_texts import CITE_JS, CSS
from assistant.answer import Answer
from assistant.errors import settings_message, user_message
from assistant.feedback import (
    FeedbackError,
    FeedbackStore,
    FeedbackUnavailable,
    Rating,
    open_feedback_store,
)
from assistant.finder import Finder, build_warm_finder
from assistant.service import Conversation
from assistant.settings import Settings
from instruments.eligibility import evaluate_all
from instruments.models import Lang
from instruments.profile import CompanyProfile, describe

log = logging.getLogger(__name__)
View = dict[str, Any]
FB_DOWN = {"nl": "de feedback kan nu niet worden opgeslagen; probeer het later opnieuw",
           "en": "feedback cannot be saved right now; please try again later"}
CHAT_KEYS = ("chatbot", "question", "state", "cards", "cite_picker", "source", "profile",
             *(f"clarify_{i}" for i in range(layout.CLARIFY_SLOTS)), "fb_note",
             *(f"chat_{f}" for f in forms.CHAT_FORM))


@dataclass
class Page:
    """The handlers. Each returns (or yields) a dict of outputs by name; absent = unchanged."""

    finder: Finder
    store: FeedbackStore
    answerer: Answerer | None = None  # worker processes (app_pool); None: the finder itself
    stream_delay: float = 0.02
    words_per_chunk: int = 6
    csv_dir: Path = field(default_factory=lambda: downloads.private_folder("finder-csv-"))

    def _ask(self, question: str, conversation: Conversation, lang: Lang,
             profile: CompanyProfile | None = None) -> tuple[Answer | None, str]:
        try:
            answerer = self.answerer or self.finder
            return answerer.ask(question, copy.deepcopy(conversation), profile), ""
        except Exception as exc:  # a clear message for the user; real bugs are logged
            return None, r.error_text(exc, conversation.lang or lang)

    def _view(self, state: ChatState, lang: Lang) -> View:
        last = state.last
        options = last.clarifying_options if last else []
        view: View = {
            "chatbot": list(state.messages), "state": state, "cards": r.cards_html(last),
            "cite_picker": gr.update(choices=r.citation_choices(last), value=None),
            "source": r.source_html(None, None, last.lang if last else lang),
            "profile": r.profile_html(describe(state.conversation.profile, lang), lang),
            "fb_note": "",
        }
        for i in range(layout.CLARIFY_SLOTS):
            shown = i < len(options)
            view[f"clarify_{i}"] = gr.update(value=options[i] if shown else "", visible=shown)
        values = forms.form_values(state.conversation.profile, forms.CHAT_FORM)
        view.update({f"chat_{name}": v for name, v in zip(forms.CHAT_FORM, values, strict=True)})
        return view

    def api_ask(self, question: str) -> dict[str, Any]:
        """The JSON API: one question, no conversation, the whole Answer as a dict."""
        try:
            return (self.answerer or self.finder).ask(question).model_dump()
        except Exception as exc:
            message = user_message(exc)
            if message is None:
                log.exception("api_ask failed")
                message = "internal error"
            return {"error": message}

    def respond(self, message: str, state: ChatState, lang: Lang) -> Iterator[View]:
        """Ask, then stream the answer into the chat; the rest of the page follows at the end."""
        if not (message or "").strip():
            yield {"fb_note": r.note(lang, "no_question")}
            return
        state = copy.deepcopy(state)
        limit = self.finder.settings.max_question_chars
        shown = message if len(message) <= limit else message[:limit] + " …"
        state.messages.append({"role": "user", "content": r.question_html(shown)})
        state.messages.append({"role": "assistant", "content": '<p class="typing">…</p>'})
        yield {"chatbot": list(state.messages), "question": ""}
        answer, error = self._ask(message, state.conversation, lang)
        if answer is None:
            state.messages[-1] = {"role": "assistant", "content": r.notice_html(error)}
            yield self._view(state, lang)
            return
        for end in r.answer_chunks(answer.text, self.words_per_chunk)[:-1]:
            state.messages[-1] = {"role": "assistant", "content": r.answer_html(answer, upto=end)}
            yield {"chatbot": list(state.messages)}
            time.sleep(self.stream_delay)
        state.messages[-1] = {"role": "assistant", "content": r.answer_html(answer)}
        state.before_last = copy.deepcopy(state.conversation)
        state.conversation.add(answer)
        yield {**self._view(state, lang), "question": ""}

    def recompute(self, state: ChatState, lang: Lang, *values: Any) -> View:
        """Redo the last answer with the profile as corrected in the form."""
        last = state.last
        if last is None:
            return {"fb_note": r.note(lang, "no_question")}
        state = copy.deepcopy(state)
        try:
            corrected = forms.profile_from_form(forms.CHAT_FORM, values, lang,
                                                state.conversation.profile)
        except ValueError as exc:  # InputError: a field that is not a number
            return {"fb_note": r.notice_html(r.error_text(exc, lang))}
        base = Conversation(profile=corrected, answers=list(state.before_last.answers))
        answer, error = self._ask(last.question, base, lang, corrected)
        if answer is None:
            return {"fb_note": r.notice_html(error)}
        base.add(answer)
        state.conversation = base
        state.messages[-1] = {"role": "assistant", "content": r.answer_html(answer)}
        return self._view(state, lang)

    def show_source(self, choice: str | None, state: ChatState, lang: Lang) -> str:
        last = state.last
        citation = next((c for c in last.citations if str(c.n) == choice), None) if last else None
        if last is None or citation is None:
            return r.source_html(None, None, lang)
        try:
            passage = self.finder.searcher.passages.get(citation.passage_id)
        except Exception as exc:  # the index went away: show the quote alone
            log.warning("source passage unavailable: %s", user_message(exc) or type(exc).__name__)
            passage = None
        return r.source_html(citation, passage, last.lang)

    def feedback(self, rating: Rating, comment: str, expected: list[str] | None,
                 state: ChatState, lang: Lang) -> View:
        """Store feedback on the last answer: only ever called by a click on 👍 or 👎."""
        if state.last is None:
            return {"fb_note": r.note(lang, "no_question")}
        said = (len(state.conversation.answers), rating, (comment or "").strip())
        if said == state.last_feedback:  # the same click again: stored once
            return {"fb_note": r.note(lang, "fb_saved", "ok")}
        if not state.feedback_allowed(time.monotonic()):
            return {"fb_note": r.notice_html(r.t(lang, "fb_too_often"))}
        try:
            self.store.add(state.last, rating, comment or "", expected or [])
            state.last_feedback = said
        except FeedbackError as exc:  # too long, too many: one line, nothing stored
            return {"fb_note": r.notice_html(r.t(lang, "error").format(message=exc))}
        except FeedbackUnavailable as exc:  # the database is down: say so, keep the page
            log.warning("feedback not stored: %s", exc)
            return {"fb_note": r.notice_html(r.t(lang, "error").format(message=FB_DOWN[lang]))}
        except Exception as exc:
            return {"fb_note": r.notice_html(r.error_text(exc, lang))}
        return {"fb_note": r.note(lang, "fb_saved", "ok"), "fb_comment": "", "fb_expected": []}

    def new_conversation(self, lang: Lang) -> View:
        return {**self._view(ChatState(), lang), "question": "", "fb_comment": "",
                "fb_expected": []}

    def check_profile(self, lang: Lang, *values: Any) -> View:
        """Advisor desk: every instrument's verdict and criteria, as a table and a CSV file."""
        try:
            profile = forms.profile_from_form(forms.ADVISOR_FORM, values, lang)
            results = evaluate_all(self.finder.catalog, profile)
        except Exception as exc:
            return {"adv_note": r.notice_html(r.error_text(exc, lang))}
        if profile == CompanyProfile():  # 40 x "may fit" says nothing: say what to fill in
            return {"adv_table": {"headers": [], "data": []},
                    "adv_note": r.notice_html(r.t(lang, "adv_empty"))}
        names = {c.id: c.name.get(lang) for c in self.finder.catalog}
        headers, rows = forms.advisor_table(results, names, lang)
        path = downloads.new_file(self.csv_dir, f"eligibility-{time.strftime('%Y%m%d-%H%M')}-",
                                  ".csv")
        return {"adv_table": {"headers": headers, "data": rows},
                "adv_csv": str(forms.write_csv(results, names, lang, path)),
                "adv_note": r.notice_html(forms.verdict_summary(results, lang), "ok")}

    def browse(self, kind: str, audience: str, theme: str, lang: Lang) -> str:
        cards = forms.filter_cards(self.finder.catalog, kind, audience, theme)
        return forms.catalog_html(cards, lang)

    def switch_language(self, lang: Lang, state: ChatState) -> View:
        """Every label, button text, choice list and fixed text in the chosen language."""
        view = forms.relabel(lang, self.finder.catalog, state.conversation.profile)
        return {k: gr.update(**v) if isinstance(v, dict) else v for k, v in view.items()}


def _bind(fn: Callable[..., Any], keys: Sequence[str]) -> Callable[..., Any]:
    """A handler returning a dict of named outputs -> a gradio function returning a tuple."""
    def order(view: View) -> tuple[Any, ...]:
        return tuple(view.get(k, gr.skip()) for k in keys)

    if inspect.isgeneratorfunction(fn):
        def stream(*args: Any) -> Iterator[tuple[Any, ...]]:
            for view in fn(*args):
                yield order(view)
        return stream
    return lambda *args: order(fn(*args))


def _wire(c: dict[str, Any], page: Page) -> None:
    def on(event: Any, fn: Callable[..., Any], inputs: Sequence[str], keys: Sequence[str]) -> None:
        event(_bind(fn, keys), [c[k] for k in inputs], [c[k] for k in keys],
              api_visibility="private")

    senders = ["question", "send", *(k for k in c if k.startswith(("example_", "clarify_")))]
    for name in senders:
        trigger = c[name].submit if name == "question" else c[name].click
        on(trigger, page.respond, ["question" if name == "send" else name, "state", "lang"],
           CHAT_KEYS)
    on(c["recompute"].click, page.recompute,
       ["state", "lang", *(f"chat_{f}" for f in forms.CHAT_FORM)], CHAT_KEYS)
    on(c["cite_picker"].change, lambda *a: {"source": page.show_source(*a)},
       ["cite_picker", "state", "lang"], ["source"])
    for button in ("fb_up", "fb_down"):
        rating = "up" if button == "fb_up" else "down"
        on(c[button].click, lambda *a, _rating=rating: page.feedback(_rating, *a),
           ["fb_comment", "fb_expected", "state", "lang"], ["fb_note", "fb_comment", "fb_expected"])
    on(c["new"].click, page.new_conversation, ["lang"], [*CHAT_KEYS, "fb_comment", "fb_expected"])
    on(c["adv_run"].click, page.check_profile, ["lang", *(f"adv_{f}" for f in forms.ADVISOR_FORM)],
       ["adv_table", "adv_csv", "adv_note"])
    filters = [*(key for key, _ in forms.CATALOG_FILTERS), "lang"]
    for key in filters:
        on(c[key].change, lambda *a: {"catalog": page.browse(*a)}, filters, ["catalog"])
    fixed = {"state", "lang", "cards", "source", "catalog", "fb_note", "adv_note"}
    relabel = [k for k in c if k not in fixed and not k.startswith("clarify_")]
    on(c["lang"].change, page.switch_language, ["lang", "state"], relabel)


def build_ui(finder: Finder, store: FeedbackStore | None = None, lang: Lang = "nl",
             answerer: Answerer | None = None) -> gr.Blocks:
    """The page: a chat tab, an advisor desk and the instrument catalog."""
    page = Page(finder, store or open_feedback_store(finder.settings), answerer=answerer)
    c: dict[str, Any] = {}
    with gr.Blocks(title=r.t(lang, "title"), analytics_enabled=False,
                   delete_cache=(downloads.SWEEP_EVERY_S, downloads.KEEP_S)) as demo:
        layout.build_page(c, lang, page.finder.catalog, page.browse("", "", "", lang))
        _wire(c, page)
        gr.api(page.api_ask, api_name="ask", api_description="Ask a question; returns the Answer "
               "as JSON (what `finder ask --json` prints). Used by eval/load.py.")
    return demo


def create_app(finder: Finder, store: FeedbackStore | None = None,
               answerer: Answerer | None = None) -> Any:
    """One ASGI app: the JSON API under /v1 (with /docs and /openapi.json) and the page at /,
    their answers from `answerer` (worker processes) or else the finder itself."""
    from fastapi import FastAPI

    from app_api import RequestLimits, add_api

    settings = finder.settings
    api = FastAPI(title="Innovation Instrument Finder", summary="Which Dutch innovation scheme "
                  "fits a company; questions on the 2022 innovation letter, with sources.")
    add_api(api, finder, answerer)
    demo = build_ui(finder, store or open_feedback_store(settings), answerer=answerer)
    demo.queue(default_concurrency_limit=settings.concurrency, max_size=settings.max_queue)
    gr.mount_gradio_app(
        api, demo, path="", server_name=settings.host, server_port=settings.port, css=CSS,
        js=CITE_JS, theme=layout.THEME, run_history=False, footer_links=[], ssr_mode=False,
        show_error=False, enable_monitoring=False,
    )
    return RequestLimits(api)


def serve(settings: Settings) -> None:
    """`finder serve` and `make run`: the page and the API on settings.host:port."""
    import uvicorn

    os.umask(0o077)  # whatever the server writes (CSV copies, feedback, index) is its user's only
    finder = build_warm_finder(settings)
    pool = None
    if settings.workers:
        pool = AnswerPool(settings, settings.workers)
        pool.warm()
    print(f"Innovation Instrument Finder on http://{settings.host}:{settings.port} "
          f"(API: /v1, documentation: /docs; {settings.workers or 'no'} answer workers)",
          flush=True)
    try:
        # no access log: its lines would hold what users typed (search queries are in the URL)
        uvicorn.run(create_app(finder, answerer=pool), host=settings.host, port=settings.port,
                    access_log=False, log_level="warning")
    finally:
        if pool:
            pool.close()


def main() -> None:
    """`python app.py`: the same as `finder serve`."""
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    try:
        settings = Settings()
    except ValidationError as exc:  # one line naming the variable, no traceback
        raise SystemExit(f"app.py: {settings_message(exc)}") from None
    serve(settings)


if __name__ == "__main__":
    main()
