"""'Can I combine X with Y?' (issue 13): yes, no or partly with the rule, its year and address;
general rules where the pair is not named; "I do not know, ask ..." where nothing is known."""

from __future__ import annotations

import csv

import pytest

from instruments.catalog import load_catalog, load_signposts
from instruments.combinations import ANY, EU, RULES_FILE, load_rules


def test_every_rule_names_known_schemes_and_says_yes_no_or_partly() -> None:
    ids = set(load_catalog().cards) | set(load_signposts().cards)
    lines = [ln for ln in RULES_FILE.read_text(encoding="utf-8").splitlines()
             if ln.strip() and not ln.startswith("#")]
    rows = list(csv.DictReader(lines, delimiter="\t"))
    assert len(rows) == len(load_rules()) > 10
    for rule in load_rules():
        assert rule.a in ids and rule.b in ids | {ANY, EU}, (rule.a, rule.b)
        assert rule.rule_nl and rule.rule_en and rule.year
        assert not rule.source_url or rule.source_url.startswith(("https://", "http://"))


@pytest.mark.parametrize("question, verdict", [
    ("Can I combine the WBSO with the Innovation Box?", "yes"),
    ("mag ik de VFF combineren met andere subsidies?", "nee"),
])
def test_a_known_pair_gets_its_verdict_and_rule(built_finder, question: str, verdict: str) -> None:  # type: ignore[no-untyped-def]
    answer = built_finder.ask(question)
    assert answer.intent == "combine"
    assert answer.lead.rstrip(".").endswith(verdict)
    assert "https://" in answer.text and "(20" in answer.text  # the rule's address and year


def test_a_pair_nobody_wrote_about_is_not_guessed(built_finder) -> None:  # type: ignore[no-untyped-def]
    answer = built_finder.ask("Innovatiekrediet en Eurostars tegelijk aanvragen, kan dat?")
    assert answer.intent == "combine"
    assert "weet ik niet" in answer.lead and "RVO" in answer.lead
    general = built_finder.ask("kan ik de MIT combineren met de WBSO?")
    assert "niets rechtstreeks" in general.lead and "dezelfde activiteit" in general.text
