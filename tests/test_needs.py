"""Ordinary needs get signposts, not poor fits; needs nothing covers get "none of these fit";
and the chat and `finder check` give the same verdict for the same profile (one engine)."""

from __future__ import annotations

import pytest

from assistant.dialogue import Conversation
from assistant.needs import read_need
from instruments.catalog import load_signposts
from instruments.eligibility import evaluate
from instruments.profile import CompanyProfile

INNOVATION = {"wbso", "mit", "innovatiekrediet", "dei-plus", "mooi", "innovatiebox"}


def test_every_signpost_of_the_needs_file_has_a_card() -> None:
    """An adjacent scheme's card, or an instrument card (going abroad points to the networks
    for it, Trade & Innovate NL and the innovation attachés, which are instruments here)."""
    from assistant.needs import rules
    from instruments.catalog import load_catalog

    cards = load_signposts()
    assert len(cards) == 12
    known = set(cards.ids()) | set(load_catalog().ids())
    assert {s for r in rules() for s in r.signposts} <= known
    assert {s for r in rules() for s in r.signposts} - set(cards.ids()) == {
        "trade-and-innovate-nl", "innovatie-attache"}


def test_going_abroad_points_to_the_networks_for_it() -> None:
    need = read_need("We're a SaaS scale-up and want to expand into the US market",
                     CompanyProfile())
    assert need.needs == ("market_abroad",) and need.outside_innovation
    assert need.signposts[:1] == ("trade-and-innovate-nl",)
    developing = read_need("we ontwikkelen een nieuwe sensor en willen die exporteren",
                           CompanyProfile())
    assert "market_abroad" not in developing.needs  # an innovation that goes abroad


@pytest.mark.parametrize(("text", "signpost"), [
    ("bakkerij met 6 man, we willen energiezuinige ovens kopen", "eia"),
    ("I run a garage and want to buy an electric delivery van", "mia-vamil"),
    ("eetcafe, 30k werkkapitaal nodig, de bank zegt nee", "qredits"),
    ("restaurant met 18 man, ik wil mijn mensen laten trainen", "slim"),
])
def test_an_ordinary_need_is_read_as_one(text: str, signpost: str) -> None:
    need = read_need(text, CompanyProfile())
    assert need.outside_innovation and signpost in need.signposts


def test_developing_something_new_is_not_an_ordinary_need() -> None:
    need = read_need("we hebben zelf een nieuwe oven bedacht en bouwen een prototype",
                     CompanyProfile())
    assert need.innovating and not need.outside_innovation


def test_the_bakery_gets_the_eia_and_no_innovation_scheme(built_finder) -> None:  # type: ignore[no-untyped-def]
    answer = built_finder.ask("wij hebben een bakkerij met 6 man en willen nieuwe "
                              "energiezuinige ovens kopen, zijn daar subsidies voor")
    ids = [r.instrument_id for r in answer.recommendations]
    assert "eia" in ids and not set(ids) & INNOVATION
    assert "niet bedoeld" in answer.text and "rvo.nl" in answer.text


def test_a_need_nothing_covers_says_so_and_points_to_kvk(built_finder) -> None:  # type: ignore[no-untyped-def]
    answer = built_finder.ask("I have a restaurant and want to hire staff, any subsidy?")
    assert answer.recommendations == []
    assert "kvk.nl" in answer.text and not answer.declined


def test_chat_and_check_give_the_same_verdicts(built_finder) -> None:  # type: ignore[no-untyped-def]
    profile = CompanyProfile.from_contract(
        {"employees": 12, "stage": "prototype", "project_eur": 40000, "sector": "software"})
    answer = built_finder.ask("welke regeling past bij ons?", Conversation(), profile)
    assert answer.recommendations
    for rec in answer.recommendations:
        card = built_finder.service.catalog.get(rec.instrument_id)
        assert rec.verdict == evaluate(card, CompanyProfile(**answer.profile)).verdict


def test_pointing_back_at_a_signpost_does_not_break_the_conversation(built_finder) -> None:  # type: ignore[no-untyped-def]
    conversation = Conversation()
    first = built_finder.ask("I run a garage with 4 people and want to buy an electric "
                             "delivery van, any subsidy?", conversation)
    conversation.add(first)
    assert "mia-vamil" in [r.instrument_id for r in first.recommendations]
    again = built_finder.ask("tell me more about the first one", conversation)
    assert again.text and again.notice != "input_refused"


def test_buying_something_ordinary_mid_innovation_gets_the_signpost(built_finder) -> None:  # type: ignore[no-untyped-def]
    from assistant.dialogue import Conversation

    conversation = Conversation()
    for message in ("garagebedrijf 9 man, we willen een prototype van een accutester bouwen",
                    "we willen ook een nieuwe hefbrug kopen van zo'n 15k"):
        answer = built_finder.ask(message, conversation)
        conversation.add(answer)
    assert answer.recommended_ids() == ["kia"]
    loan = built_finder.ask("we need a loan for this", conversation)  # for the innovation
    assert loan.recommendations and not set(loan.recommended_ids()) & {"qredits", "bmkb"}
