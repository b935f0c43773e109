"""The page's handlers without a browser, against a real finder on the hashing embedder."""

from __future__ import annotations

import csv
import os
import re
import time
from pathlib import Path
from typing import Any

import pytest

import app
import app_forms as forms
import app_render as r
from app_texts import EXAMPLES
from assistant.feedback import FeedbackStore
from instruments.labels import VERDICT_WORDS
from instruments.profile import CompanyProfile

NL_QUESTION = "Welke regeling past bij ons bedrijf van 12 medewerkers dat software ontwikkelt?"
EN_QUESTION = "Which scheme fits our company of 12 employees that develops software?"
HOSTILE = ("<script>alert(1)</script> [klik hier](javascript:alert(1)) **vet** ${7*7} "
           "welke regeling past bij ons bedrijf van 12 medewerkers?")


@pytest.fixture
def store(tmp_path: Path) -> FeedbackStore:
    return FeedbackStore(tmp_path / "feedback.sqlite3")


@pytest.fixture
def page(built_finder, store: FeedbackStore, tmp_path: Path) -> app.Page:  # type: ignore[no-untyped-def]
    return app.Page(built_finder, store, stream_delay=0, csv_dir=tmp_path)


def ask(page: app.Page, question: str, state: app.ChatState | None = None,
        lang: str = "nl") -> tuple[list[dict[str, Any]], dict[str, Any]]:
    views = list(page.respond(question, state or app.ChatState(), lang))
    return views, views[-1]


def all_html(view: dict[str, Any]) -> str:
    messages = " ".join(m["content"] for m in view.get("chatbot", []))
    return " ".join([messages, *(v for v in view.values() if isinstance(v, str))])


def test_answer_streams_then_renders_cards_citations_and_profile(page: app.Page) -> None:
    views, final = ask(page, NL_QUESTION)
    streamed = [v["chatbot"][-1]["content"] for v in views[1:-1] if "chatbot" in v]
    assert len(streamed) >= 3, "the answer should arrive in several chunks"
    assert len(streamed[0]) < len(streamed[-1])
    state: app.ChatState = final["state"]
    answer = state.last
    assert answer is not None and answer.lang == "nl"
    assert answer.recommendations, "a recommend question gets recommendations"
    assert final["cards"].count('class="rec-card"') == len(answer.recommendations)
    assert re.search(r'class="badge verdict-(fits|may_fit|does_not_fit)">past( mogelijk| niet)?<',
                     final["cards"])
    assert "Volgende stap:" in final["cards"] and "Uitvoerder:" in final["cards"]
    assert '<a href="https://' in final["cards"]
    reply = final["chatbot"][-1]["content"]
    assert '<button type="button" class="cite"' in reply
    assert [v for _, v in final["cite_picker"]["choices"]] == [str(c.n) for c in answer.citations]
    assert "Medewerkers" in final["profile"] and "<td>12</td>" in final["profile"]
    assert final["chat_employees"] == "12"
    assert final["question"] == ""


def test_english_question_gets_english_answer_and_badges(page: app.Page) -> None:
    _, final = ask(page, EN_QUESTION)
    assert final["state"].last.lang == "en"
    assert re.search(r">(fits|may fit|does not fit)</span>", final["cards"])
    assert "Next step:" in final["cards"]


def test_markup_in_the_question_is_shown_as_text(page: app.Page) -> None:
    _, final = ask(page, HOSTILE)
    html = all_html(final)
    assert "<script" not in html
    assert 'href="javascript' not in html.lower()
    question = final["chatbot"][0]["content"]
    assert "&lt;script&gt;" in question
    assert "&#91;klik hier&#93;&#40;javascript:alert&#40;1&#41;&#41;" in question
    assert "<strong>" not in question and "&#42;&#42;vet&#42;&#42;" in question
    assert "&#36;&#123;7&#42;7&#125;" in question
    assert "<a " not in question


def test_citation_opens_source_with_highlighted_sentence(page: app.Page) -> None:
    _, final = ask(page, NL_QUESTION)
    state: app.ChatState = final["state"]
    for citation in state.last.citations:
        html = page.show_source(str(citation.n), state, "nl")
        assert f"[{citation.n}]" in html and r.esc(citation.label) in html
        marked = re.findall(r"<mark>(.*?)</mark>", html, re.S)
        assert marked, f"no highlight for citation {citation.n}"
        assert r.esc(citation.quote.split()[0]) in " ".join(marked)
        if citation.source == "card":
            assert "gezien" in html and 'href="https://' in html
    assert "source empty" in page.show_source(None, state, "nl")
    assert "source empty" in page.show_source("99", state, "nl")


def test_letter_citation_shows_its_place_in_the_letter(page: app.Page) -> None:
    _, final = ask(page, "Wat zegt de Kamerbrief over valorisatie van onderzoek?")
    state: app.ChatState = final["state"]
    letter = [c for c in state.last.citations if c.source == "letter"]
    assert letter, "a policy question cites the letter"
    html = page.show_source(str(letter[0].n), state, "nl")
    assert "Kamerstuk 33 009 nr. 117" in html and "<mark>" in html
    assert "https://zoek.officielebekendmakingen.nl/kst-33009-117.html" in html


def test_profile_correction_recomputes_the_last_answer(page: app.Page) -> None:
    _, first = ask(page, "Welke regeling past bij ons softwarebedrijf?")
    state: app.ChatState = first["state"]
    assert state.last.profile.get("employees") is None
    values = forms.form_values(state.conversation.profile, forms.CHAT_FORM)
    form = dict(zip(forms.CHAT_FORM, values, strict=True))
    form.update(employees=400, region="limburg", is_startup="no")
    view = page.recompute(state, "nl", *form.values())
    new_state: app.ChatState = view["state"]
    assert len(new_state.conversation.answers) == 1, "the last answer is replaced, not added"
    assert len(new_state.messages) == 2
    profile = new_state.last.profile
    assert profile["employees"] == 400 and profile["size"] == "large"
    assert profile["region"] == "limburg" and profile["is_startup"] is False
    assert "<td>400</td>" in view["profile"] and "Limburg" in view["profile"]
    assert view["chatbot"][-1]["content"] == r.answer_html(new_state.last)
    assert state.last.profile.get("employees") is None, "the old state is not mutated"


def test_correction_of_a_fact_stated_in_the_question_wins(page: app.Page) -> None:
    _, first = ask(page, NL_QUESTION)
    state: app.ChatState = first["state"]
    assert state.last.profile["employees"] == 12
    values = forms.form_values(state.conversation.profile, forms.CHAT_FORM)
    form = dict(zip(forms.CHAT_FORM, values, strict=True))
    form.update(employees="300", size="unknown")
    view = page.recompute(state, "nl", *form.values())
    assert view["state"].last.profile["employees"] == 300


def test_recompute_without_a_question_asks_for_one(page: app.Page) -> None:
    view = page.recompute(app.ChatState(), "nl", *[None] * len(forms.CHAT_FORM))
    assert "Stel eerst een vraag" in view["fb_note"]


def test_new_conversation_clears_everything(page: app.Page) -> None:
    _, final = ask(page, NL_QUESTION)
    assert final["state"].last is not None
    view = page.new_conversation("nl")
    assert view["chatbot"] == [] and view["state"].last is None
    assert view["state"].conversation.profile == CompanyProfile()
    assert view["cards"] == "" and view["cite_picker"]["choices"] == []
    assert "Nog niets" in view["profile"]
    assert view["chat_employees"] == "" and view["chat_themes"] == []
    assert view["fb_comment"] == "" and view["fb_expected"] == []


def test_feedback_is_stored_only_on_click(page: app.Page, store: FeedbackStore) -> None:
    _, final = ask(page, NL_QUESTION)
    assert store.count() == 0, "asking stores nothing"
    view = page.feedback("down", "MIT ontbreekt", ["mit"], final["state"], "nl")
    assert "opgeslagen" in view["fb_note"] and view["fb_comment"] == ""
    [record] = store.all()
    answer = final["state"].last
    assert record.question == NL_QUESTION and record.answer_text == answer.text
    assert record.rating == "down" and record.comment == "MIT ontbreekt"
    assert record.expected_instruments == ["mit"]
    assert [c["passage_id"] for c in record.citations] == answer.cited_ids()
    assert record.config == answer.config


def test_feedback_without_an_answer_stores_nothing(page: app.Page, store: FeedbackStore) -> None:
    view = page.feedback("up", "", [], app.ChatState(), "nl")
    assert "Stel eerst een vraag" in view["fb_note"]
    assert store.count() == 0


def test_feedback_database_down_gives_a_short_note(built_finder, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import socket

    with socket.socket() as sock:  # a port nothing listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    down = FeedbackStore(f"postgresql+psycopg://finder:pw-secret@127.0.0.1:{port}/finder")
    page = app.Page(built_finder, down, stream_delay=0, csv_dir=tmp_path)
    _, final = ask(page, NL_QUESTION)
    view = page.feedback("up", "", [], final["state"], "nl")
    assert "niet worden opgeslagen" in view["fb_note"]
    assert "pw-secret" not in view["fb_note"] and "127.0.0.1" not in view["fb_note"]


def test_too_long_question_shows_the_service_message(page: app.Page) -> None:
    limit = page.finder.settings.max_question_chars
    _, final = ask(page, "innovatie " * (limit // 5))
    reply = final["chatbot"][-1]["content"]
    assert "te lang" in reply and str(limit) in reply
    assert len(final["chatbot"][0]["content"]) < limit + 100, "the shown question is cut too"


def test_empty_question_asks_nothing(page: app.Page) -> None:
    views, final = ask(page, "   ")
    assert len(views) == 1 and "chatbot" not in final
    assert "Stel eerst een vraag" in final["fb_note"]


def test_missing_index_is_a_clear_message_not_a_traceback(settings, store) -> None:  # type: ignore[no-untyped-def]
    from assistant.finder import build_finder

    page = app.Page(build_finder(settings), store, stream_delay=0)
    _, final = ask(page, NL_QUESTION)
    reply = final["chatbot"][-1]["content"]
    assert 'class="notice notice-error"' in reply and "Dat lukte niet" in reply
    assert "Traceback" not in reply
    assert final["state"].last is None


def test_clarifying_question_becomes_quick_replies(page: app.Page) -> None:
    # the company size is unknown and decides which scheme leads, so the page asks for it
    _, final = ask(page, "we willen een prototype bouwen, welke subsidie?")
    answer = final["state"].last
    assert answer.clarifying_options, "a missing size changes the leader: it must be asked"
    shown = [final[f"clarify_{i}"] for i in range(app.layout.CLARIFY_SLOTS)]
    visible = [s["value"] for s in shown if s["visible"]]
    assert visible == answer.clarifying_options[: app.layout.CLARIFY_SLOTS]
    _, after = ask(page, visible[0], final["state"])
    assert len(after["state"].conversation.answers) == 2
    assert after["chatbot"][-2]["content"] == r.question_html(visible[0])


def test_advisor_desk_table_and_csv(page: app.Page) -> None:
    values = {name: None for name in forms.ADVISOR_FORM}
    values.update(employees=12, sector="software", themes=["ict_digital"], is_startup="no",
                  collaboration="unknown", stage="rnd", activities=[], support_wanted=[])
    view = page.check_profile("nl", *(values[n] for n in forms.ADVISOR_FORM))
    table = view["adv_table"]
    catalog = page.finder.catalog
    assert len(table["data"]) == len(catalog)
    assert table["headers"][:2] == ["Regeling", "Oordeel"] and "Grootte" in table["headers"]
    verdicts = [row[1] for row in table["data"]]
    assert set(verdicts) <= set(VERDICT_WORDS["nl"].values())
    order = [VERDICT_WORDS["nl"][v] for v in forms.VERDICT_ORDER]
    assert verdicts == sorted(verdicts, key=order.index)
    with open(view["adv_csv"], encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert {row["instrument_id"] for row in rows} == set(catalog.ids())
    assert {"name", "verdict", "company_size", "company_size_reason"} <= set(rows[0])
    csv_file = Path(view["adv_csv"])  # a company's facts: private to this user, short-lived
    assert csv_file.stat().st_mode & 0o777 == 0o600
    assert csv_file.parent.stat().st_mode & 0o777 == 0o700
    old = time.time() - app.downloads.KEEP_S - 1
    os.utime(csv_file, (old, old))
    again = page.check_profile("nl", *(values[n] for n in forms.ADVISOR_FORM))
    assert not csv_file.exists() and Path(again["adv_csv"]).exists()


def test_advisor_desk_reports_bad_input(page: app.Page) -> None:
    values: dict[str, object] = {name: "" for name in forms.ADVISOR_FORM}
    values["employees"] = "twaalf<b>"
    view = page.check_profile("nl", *(values[n] for n in forms.ADVISOR_FORM))
    assert "notice-error" in view["adv_note"] and "adv_table" not in view
    assert "Medewerkers" in view["adv_note"] and "&lt;b&gt;" in view["adv_note"]


def test_form_round_trip_keeps_unknowns_unknown() -> None:
    profile = CompanyProfile(employees=12, turnover_eur=2_500_000, themes=["health"])
    values = forms.form_values(profile, forms.ADVISOR_FORM)
    assert values[forms.ADVISOR_FORM.index("age_years")] == ""
    assert values[forms.ADVISOR_FORM.index("turnover_eur")] == "2500000"
    back = forms.profile_from_form(forms.ADVISOR_FORM, values)
    assert back.employees == 12 and back.turnover_eur == 2_500_000 and back.age_years is None
    assert back.is_startup is None and back.region is None and back.themes == ["health"]
    assert forms.profile_from_form(("employees",), ["1.200"]).employees == 1200


def test_catalog_filters(page: app.Page) -> None:
    everything = page.browse("", "", "", "nl")
    assert everything.count('class="cat-card"') == len(page.finder.catalog)
    fiscal = page.browse("fiscal", "", "", "nl")
    wanted = [c for c in page.finder.catalog if c.kind == "fiscal"]
    assert fiscal.count('class="cat-card"') == len(wanted) >= 1
    for kind_id in [c.id for c in page.finder.catalog if c.kind != "fiscal"]:
        assert f'id="card-{kind_id}"' not in fiscal
    researchers = page.browse("", "researcher", "", "en")
    for card in page.finder.catalog:
        shown = f'id="card-{card.id}"' in researchers
        assert shown == ("researcher" in card.eligibility.applicant_types)
    health = page.browse("", "", "health", "nl")
    assert all(f'id="card-{c.id}"' in health for c in page.finder.catalog
               if not c.eligibility.themes or "health" in c.eligibility.themes)
    assert "Bronnen" in everything and "Status" in everything


def test_switch_language_relabels_the_page(page: app.Page) -> None:
    view = page.switch_language("en", app.ChatState())
    assert view["tab_chat"]["label"] == "Assistant"
    assert view["send"]["value"] == "Send"
    assert view["question"]["label"] == "Your question"
    assert view["chat_employees"]["label"] == "Employees"
    assert ("unknown", "unknown") in view["chat_size"]["choices"]
    assert view["example_0"]["value"] == EXAMPLES["en"][0]
    assert "RVO" in view["welcome"] and "2022" in view["welcome"]
    back = page.switch_language("nl", app.ChatState())
    assert back["tab_chat"]["label"] == "Assistent"


def test_build_ui_makes_a_page(built_finder, store) -> None:  # type: ignore[no-untyped-def]
    import gradio as gr

    demo = app.build_ui(built_finder, store)
    assert isinstance(demo, gr.Blocks)
    labelled = [b for b in demo.blocks.values()
                if isinstance(b, gr.Textbox | gr.Number | gr.Dropdown | gr.Radio)]
    assert labelled and all(getattr(b, "label", None) for b in labelled)


def test_render_helpers_escape_and_highlight() -> None:
    assert r.esc('<a href="x">') == "&lt;a href=&quot;x&quot;&gt;"
    assert r.link("javascript:alert(1)") == "javascript:alert&#40;1&#41;"
    assert r.inline_html("zie [3]", {1}) == "zie &#91;3&#93;"
    assert 'class="cite"' in r.inline_html("zie [1]", {1})
    text = "Eerste zin.  Tweede\nzin met <tag>. Derde zin."
    html = r.highlight(text, "Tweede zin met <tag>.")
    assert "<mark>Tweede\nzin met &lt;tag&gt;.</mark>" in html
    assert r.highlight(text, "Eerste zin. … Derde zin.").count("<mark>") == 2
    assert "<mark>niet gevonden</mark>" in r.highlight(text, "niet gevonden")
    assert r.answer_chunks("een twee drie", 2) == [9, 13]


def test_an_empty_advisor_profile_says_what_to_fill_in(page: app.Page) -> None:
    values = {name: None for name in forms.ADVISOR_FORM}
    values.update(activities=[], support_wanted=[], themes=[])
    view = page.check_profile("en", *(values[n] for n in forms.ADVISOR_FORM))
    assert view["adv_table"]["data"] == [] and "Fill in" in view["adv_note"]


def test_every_text_the_page_takes_has_a_limit(page: app.Page, store: FeedbackStore) -> None:
    values: dict[str, object] = {name: "" for name in forms.ADVISOR_FORM}
    values["sector"] = "software " * 100_000
    view = page.check_profile("nl", *(values[n] for n in forms.ADVISOR_FORM))
    assert "notice-error" in view["adv_note"] and "Sector" in view["adv_note"]
    assert len(view["adv_note"]) < 500 and "adv_table" not in view  # not echoed back
    _, final = ask(page, NL_QUESTION)
    long = page.feedback("down", "x" * 5_000_000, [], final["state"], "nl")
    assert "2,000" in long["fb_note"] and store.count() == 0


def test_feedback_is_stored_once_and_not_without_end(page: app.Page, store: FeedbackStore) -> None:
    _, final = ask(page, NL_QUESTION)
    state = final["state"]
    for _ in range(3):  # the same click again and again
        page.feedback("up", "goed", [], state, "nl")
    assert store.count() == 1
    notes = [page.feedback("up", f"nummer {n}", [], state, "nl")["fb_note"] for n in range(30)]
    assert store.count() == app.r.FEEDBACK_PER_WINDOW
    assert "minuut" in notes[-1]
