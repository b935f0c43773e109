"""'How much would we get?' (issue 13): estimates from the profile's numbers, with the year of
the rates and the card source; the number asked for when missing; figures when no rule."""

from __future__ import annotations

import pytest

from assistant.dialogue import Conversation
from instruments.catalog import load_catalog
from instruments.estimates import estimate, load_rules, routes
from instruments.profile import CompanyProfile


def test_every_rule_rests_on_a_card_and_its_sources() -> None:
    catalog = load_catalog()
    assert load_rules()
    for rule in load_rules():
        card = catalog.get(rule.instrument)
        sources = {s.id for s in card.sources}
        assert rule.source in sources, (rule.instrument, rule.source)
        if rule.taxed_at_source:
            assert rule.taxed_at_source in sources
        assert any(ch.isdigit() for ch in rule.year)
        assert rule.base or rule.fixed_eur, rule.route.en


def _one(instrument: str, **facts: object):  # type: ignore[no-untyped-def]
    profile = CompanyProfile.model_validate(facts)
    found = [estimate(rule, profile) for rule in routes(instrument, profile)]
    assert len(found) == 1, [f.rule.route.en for f in found]
    return found[0]


def test_the_wbso_brackets_for_an_employer() -> None:
    found = _one("wbso", applicant_type="company", rnd_wage_eur=500_000)
    assert found.amount == pytest.approx(0.36 * 380_000 + 0.16 * 120_000)
    assert found.starter_amount == pytest.approx(0.50 * 380_000 + 0.16 * 120_000)
    below = _one("wbso", applicant_type="company", rnd_wage_eur=100_000)
    assert below.amount == pytest.approx(36_000)


def test_the_self_employed_get_the_fixed_deduction() -> None:
    found = _one("wbso", applicant_type="self_employed")
    assert found.amount == 15738 and found.starter_amount == 15738 + 7875


def test_the_innovation_box_saves_the_difference_with_the_normal_rate() -> None:
    found = _one("innovatiebox", profit_eur=400_000)
    assert found.amount == pytest.approx((0.19 - 0.09) * 200_000 + (0.258 - 0.09) * 200_000)


def test_caps_minimums_and_sizes() -> None:
    feasibility = _one("mit", stage="feasibility", project_eur=120_000)
    assert feasibility.amount == 20_000 and feasibility.capped
    medium = _one("innovatiekrediet", size="medium", project_eur=1_000_000)
    assert medium.amount == pytest.approx(350_000)
    small = _one("innovatiekrediet", project_eur=100_000)
    assert small.amount is None and small.below_minimum


def test_a_missing_number_is_asked_for_then_worked_out(built_finder) -> None:  # type: ignore[no-untyped-def]
    conversation = Conversation()
    for text in ("wij zijn een softwarebedrijf met 30 mensen", "Hoeveel krijg ik met de WBSO?"):
        conversation.add(built_finder.ask(text, conversation))
    asked = conversation.answers[-1]
    assert asked.intent == "estimate" and asked.clarifying_field == "rnd_wage_eur"
    assert "(2025)" in asked.text  # the rates it will use, with their year
    unclear = built_finder.ask("blauw", conversation)
    assert unclear.intent == "clarify" and not unclear.declined
    absurd = built_finder.ask("10 biljard", conversation)
    assert absurd.intent == "clarify" and "bedrag" in absurd.text
    answer = built_finder.ask("ongeveer 500k", conversation)
    assert answer.intent == "estimate" and answer.recommended_ids() == ["wbso"]
    assert "156.000" in answer.lead and "schatting" in answer.lead and "2025" in answer.lead
    assert "209.200" in answer.text  # the starters' rate
    assert answer.citations and answer.citations[0].source == "card"


def test_an_instrument_without_a_rule_gets_its_dated_figures(built_finder) -> None:  # type: ignore[no-untyped-def]
    answer = built_finder.ask("how much would we get from Eurostars?")
    assert answer.intent == "estimate" and "cannot work out" in answer.lead
    assert "(2024)" in answer.text and answer.recommended_ids() == ["eurostars"]


def test_a_stated_number_is_used_at_once(built_finder) -> None:  # type: ignore[no-untyped-def]
    answer = built_finder.ask("Hoeveel levert de innovatiebox op bij 400k winst?")
    assert "53.600" in answer.lead and "niet bevestigd" in answer.lead
    assert answer.clarifying_question is None
