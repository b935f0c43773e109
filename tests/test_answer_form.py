"""The form of answers (issue 13): verdict first in a short lead, comparisons side by side,
clean punctuation. Run over the tuning sets' questions, not over hand-picked ones."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from app_render import answer_html
from assistant.compare import ROWS
from assistant.leads import LEAD_WORDS, words

ROOT = Path(__file__).resolve().parent.parent
TUNING_SETS = ("dev.jsonl", "dev2.jsonl", "smoke.jsonl")
SLIPS = re.compile(r"(?<![.…])\.\.(?!\.)|\.;|;\.|:\.|\s[.,;:](?=\s|$)")


def _questions() -> list[str]:
    found = []
    for name in TUNING_SETS:
        for line in (ROOT / "eval" / name).read_text(encoding="utf-8").splitlines():
            item = json.loads(line) if line.strip() else {}
            if item.get("question"):
                found.append(item["question"])
    return found


QUESTIONS = _questions()


def test_the_form_holds_over_the_tuning_questions(built_finder) -> None:  # type: ignore[no-untyped-def]
    assert len(QUESTIONS) > 50
    with_lead = verdicts = 0
    for question in QUESTIONS:
        answer = built_finder.ask(question)
        verdicts += answer.intent in ("recommend", "compare", "eligibility")
        assert not SLIPS.search(answer.text), (question, SLIPS.search(answer.text))
        first = list(dict.fromkeys(int(n) for n in re.findall(r"\[(\d+)\]", answer.text)))
        assert first == list(range(1, len(first) + 1)), (question, first)  # in reading order
        assert {c.n for c in answer.citations} >= set(first)
        if answer.intent in ("recommend", "compare", "eligibility") and answer.recommendations:
            assert answer.lead, question
        if answer.lead:
            with_lead += 1
            assert answer.text.startswith(answer.lead)
            assert answer.text[len(answer.lead):].startswith("\n\n") or answer.text == answer.lead
            assert words(answer.lead) <= LEAD_WORDS, (question, answer.lead)
    assert with_lead >= 0.9 * verdicts > 0  # a verdict with nothing shown has no lead


def test_a_comparison_is_a_table_led_by_a_verdict(built_finder) -> None:  # type: ignore[no-untyped-def]
    answer = built_finder.ask("Wat is het verschil tussen de MIT-regeling en het Innovatiekrediet?")
    assert answer.intent == "compare"
    assert set(answer.recommended_ids()) == {"mit", "innovatiekrediet"}
    table = [ln for ln in answer.text.splitlines() if ln.startswith("|")]
    assert len(table) == 2 + len(ROWS)
    assert all(ln.count("|") == 4 for ln in table)  # a label and two columns on every row
    for nl, _ in ROWS.values():
        assert any(ln.startswith(f"| {nl} |") for ln in table), nl
    assert "MIT" in answer.lead and "Innovatiekrediet" in answer.lead
    assert re.search(r"\(20\d\d", table[4])  # what it gives, with its year


def test_the_verdict_names_what_rules_the_other_out(built_finder) -> None:  # type: ignore[no-untyped-def]
    answer = built_finder.ask("we are a software firm of 400 people: MIT vs WBSO?")
    assert answer.intent == "compare"
    assert answer.recommended_ids()[0] == "wbso"
    assert answer.lead.startswith("WBSO") and "400" in answer.lead


@pytest.mark.parametrize("question", ["MIT vs MIT", "vergelijk de MIT met de Fooregeling"])
def test_a_comparison_with_one_scheme_says_so_in_a_line(built_finder, question: str) -> None:  # type: ignore[no-untyped-def]
    answer = built_finder.ask(question)
    first = answer.text.split("\n\n")[0]
    assert "twee verschillende regelingen" in first and "MIT" in first
    assert "|" not in answer.text


def test_either_or_between_two_names_is_a_comparison(built_finder) -> None:  # type: ignore[no-untyped-def]
    answer = built_finder.ask("wij zijn een bakkerij met 8 man. MIT of Innovatiekrediet?")
    assert answer.intent == "compare"


def test_the_page_shows_the_lead_and_table_and_folds_the_rest(built_finder) -> None:  # type: ignore[no-untyped-def]
    compared = answer_html(built_finder.ask("MIT vs Innovatiekrediet"))
    assert compared.index("<table") < compared.index("<details")
    assert "<th scope=\"row\">Wat het is</th>" in compared
    recommended = answer_html(built_finder.ask("wij zijn een softwarebedrijf met 12 man en "
                                               "ontwikkelen een nieuw algoritme"))
    lead_end = recommended.index("</p>")
    assert lead_end < recommended.index("<details")
    assert "Volgende stap" in recommended[recommended.index("<details"):]


# Dutch words that are no English words; proper names that hold them are left out below
DUTCH_WORDS = re.compile(r"\b(het|een|voor|niet|bij|zijn|wordt|naar|uit|ook|deze|die|dat|als"
                         r"|uw|wij|regeling|aanvragen|subsidie)\b", re.IGNORECASE)
PROPER_NAMES = re.compile(r"Uitvoering van Beleid SZW|Kansen voor West|Stichting \w+")
QUOTED = re.compile(r"“[^”]*”|https?://\S+")


def _english_questions() -> list[str]:
    found = []
    for name in (*TUNING_SETS, "dev3.jsonl", "dev4.jsonl"):
        for line in (ROOT / "eval" / name).read_text(encoding="utf-8").splitlines():
            item = json.loads(line) if line.strip() else {}
            if item.get("lang") == "en" and item.get("question"):
                found.append(item["question"])
    return found


def test_english_answers_hold_no_dutch_outside_quotes_and_names(built_finder) -> None:  # type: ignore[no-untyped-def]
    questions = _english_questions()
    assert len(questions) > 30
    for question in questions:
        answer = built_finder.ask(question)
        if answer.lang != "en":
            continue
        text = PROPER_NAMES.sub("", QUOTED.sub("", answer.text))
        for name in (r.name for r in answer.recommendations):  # a scheme's own name
            text = text.replace(name, "")
        found = DUTCH_WORDS.search(text)
        assert not found, (question, text[max(0, found.start() - 80): found.end() + 40])
