"""Facts the user states are used: the group a subsidiary belongs to, wages that are (nearly)
all R&D, partners named by their country, a company's age for the starters' rate, and "does
that matter?" after an answer (conversations-dev4 blind grading, classes 3, 5 and 8)."""

from __future__ import annotations

import pytest

from assistant.ranking import ABROAD_NAMED_BONUS, MICRO_MILLIONS_PENALTY, rank_instruments
from instruments.catalog import CARDS_DIR, load_card, load_catalog
from instruments.eligibility import evaluate
from instruments.estimates import estimate, routes
from instruments.profile import CompanyProfile, describe, extract_profile, merge
from tests.test_conversation import _talk


@pytest.mark.parametrize(("text", "own", "group"), [
    ("wij zijn een dochter van een concern met 800 medewerkers; wij zelf zijn met 35 mensen",
     35, 800),
    ("We are a 35-person subsidiary of a group with 2,000 employees", 35, 2000),
    ("we are part of a large group of 5000 people, our unit has 40 staff", 40, 5000),
    # "dat bedrijf" has no headcount here: the 35 is the company's own, not the group's
    ("wij zijn een dochter van dat bedrijf, wij zelf zijn met 35 mensen", 35, None),
    ("wij zijn een bakkerij met 5 man", 5, None),
])
def test_a_group_headcount_is_read_apart_from_the_own(
    text: str, own: int, group: int | None
) -> None:
    profile = extract_profile(text)
    assert (profile.employees, profile.group_employees) == (own, group)


def test_a_subsidiary_of_a_large_group_is_large_and_no_sme_scheme_fits() -> None:
    subsidiary = extract_profile("wij zijn een dochter van een concern met 800 medewerkers; "
                                 "wij zelf zijn met 35 mensen")
    assert subsidiary.size == "large"
    mit = evaluate(load_card(CARDS_DIR / "mit.yaml"), subsidiary)
    size = next(c for c in mit.criteria if c.name == "company_size")
    assert size.outcome == "fails" and "groep van 800" in size.reason.nl
    assert describe(subsidiary, "nl", brief=True)[0] == ("Medewerkers",
                                                         "35 (met de groep van 800: groot bedrijf)")
    # the group stays when a later message brings the own headcount again
    assert merge(subsidiary, CompanyProfile(employees=36)).size == "large"


def test_a_subsidiary_of_the_company_named_before_takes_its_headcount(built_finder) -> None:  # type: ignore[no-untyped-def]
    first, second = _talk(
        built_finder,
        "Wij zijn een groot chemiebedrijf met 800 medewerkers en willen een nieuwe katalysator "
        "ontwikkelen die CO2-uitstoot vermindert.",
        "Oh sorry, ik bedoel: wij zijn een dochter van dat bedrijf, wij zelf zijn met 35 mensen",
    )
    assert second.profile["employees"] == 35 and second.profile["group_employees"] == 800
    assert second.profile["size"] == "large"
    # the correction keeps the need under way: the same schemes, no SME scheme
    assert "mit" not in second.recommended_ids()[:3]
    assert set(second.recommended_ids()[:3]) & set(first.recommended_ids()[:3])


@pytest.mark.parametrize(("text", "wage"), [
    ("we betalen zo'n 500.000 euro loon per jaar, bijna alles voor R&D-uren", 500_000),
    ("our payroll is 800k, almost all of it R&D", 800_000),
    ("we betalen 300k aan lonen en willen een machine kopen", None),  # not said to be R&D
])
def test_wages_count_as_rnd_wages_only_when_said_to_be_rnd(text: str, wage: float | None) -> None:
    profile = extract_profile(text)
    assert profile.rnd_wage_eur == wage
    assert profile.project_eur is None  # wages are no sum the plan needs


def test_a_young_company_is_estimated_at_the_starters_rate() -> None:
    wbso = routes("wbso", CompanyProfile(applicant_type="company"))[0]
    base = CompanyProfile(applicant_type="company", rnd_wage_eur=500_000)
    unknown = estimate(wbso, base)
    young = estimate(wbso, base.model_copy(update={"age_years": 2.0}))
    old = estimate(wbso, base.model_copy(update={"age_years": 12.0}))
    # older is not "no starter": it may have had staff for fewer years than its age
    assert (unknown.starter, young.starter, old.starter) == (None, True, None)
    assert young.starter_amount is not None and young.amount is not None
    assert young.starter_amount > young.amount == old.amount


def test_how_much_wbso_with_wages_then_does_our_age_matter(built_finder) -> None:  # type: ignore[no-untyped-def]
    first, second = _talk(
        built_finder,
        "Wij hebben 8 ontwikkelaars en betalen samen zo'n 500.000 euro loon per jaar, bijna "
        "alles voor R&D-uren. Hoeveel WBSO krijgen we ongeveer?",
        "we bestaan trouwens pas 2 jaar, maakt dat uit?",
    )
    assert first.intent == "estimate" and "36% over € 380.000" in first.text
    assert second.intent == "estimate" and second.recommended_ids() == ["wbso"]
    assert "50% over € 380.000" in second.text and "Als starter gerekend" in second.text


def _scores(profile: CompanyProfile, mentioned: tuple[str, ...] = ()) -> dict[str, float]:
    """The ranking's scores with no search relevance at all: the profile's rules alone."""
    return {r.card.id: r.score for r in rank_instruments(load_catalog(), profile, (),
                                                          mentioned=mentioned)}


def test_partners_named_by_country_meet_eurostars_and_lift_it() -> None:
    profile = extract_profile(
        "we zijn met z'n achten, een ingenieursbureau, en willen met een Duits en een Belgisch "
        "bedrijf een nieuw waterzuiveringsmembraan ontwikkelen. totaal budget ongeveer "
        "anderhalf miljoen.")
    assert profile.partner_countries == ["DE", "BE"] and profile.collaboration is True
    eurostars = load_card(CARDS_DIR / "eurostars.yaml")
    partners = next(c for c in evaluate(eurostars, profile).criteria if c.name == "partners")
    assert partners.outcome == "meets"  # two countries named: two partners at least
    dutch = profile.model_copy(update={"partner_countries": ["NL"]})
    assert _scores(profile)["eurostars"] - _scores(dutch)["eurostars"] >= ABROAD_NAMED_BONUS


def test_a_ticket_of_millions_is_not_named_first_for_a_micro_company() -> None:
    micro = extract_profile("Ik heb een startup met 4 mensen en zoek gewoon financiering om "
                            "mijn team uit te breiden")
    scale_up = micro.model_copy(update={"employees": 60, "size": "medium"})
    assert micro.size == "micro"
    lowered = _scores(scale_up)["invest-nl"] - _scores(micro)["invest-nl"]
    assert lowered >= MICRO_MILLIONS_PENALTY - 0.01
    assert _scores(micro)["vff"] > _scores(micro)["invest-nl"]
    # named, or with a need of millions stated, it is ranked on its rules as before
    assert _scores(micro, ("invest-nl",))["invest-nl"] > _scores(micro)["invest-nl"] + 1.5
    millions = micro.model_copy(update={"project_eur": 8_000_000.0})
    assert _scores(millions)["invest-nl"] > _scores(micro)["invest-nl"]


def test_money_for_a_vague_startup_asks_what_it_does(built_finder) -> None:  # type: ignore[no-untyped-def]
    (answer,) = _talk(built_finder, "Ik heb een startup met 4 mensen en zoek gewoon financiering "
                                    "om mijn team uit te breiden. Wat is er?")
    assert answer.clarifying_question


def test_going_abroad_gets_the_networks_and_growth_capital_gets_the_funds(built_finder) -> None:  # type: ignore[no-untyped-def]
    (abroad,) = _talk(built_finder, "We're a SaaS scale-up, 150 employees and €25m revenue, and "
                                    "want to expand into the US market. Any programmes?")
    assert abroad.recommended_ids()[:1] == ["trade-and-innovate-nl"]
    assert "efro" not in abroad.recommended_ids()
    (capital,) = _talk(built_finder, "scale-up, 120 man, we willen internationaal groeien en "
                                     "zoeken €15 miljoen")
    assert "invest-nl" in capital.recommended_ids()[:3]


@pytest.mark.parametrize(("text", "asks"), [
    ("tellen we dan als mkb?", True), ("are we an SME?", True), ("Is mijn bedrijf mkb?", True),
    ("zijn wij dan nog mkb?", True), ("do we count as an SME?", True),
    ("wij zijn een mkb-bedrijf met 20 man, welke subsidie?", False),  # a request
    ("is de MIT voor het mkb?", False),  # about a scheme
])
def test_asking_whether_one_is_an_sme_is_told_apart(text: str, asks: bool) -> None:
    from assistant.question_forms import asks_sme_status

    assert asks_sme_status(text) is asks


def test_are_we_an_sme_is_answered_from_the_profile(built_finder) -> None:  # type: ignore[no-untyped-def]
    *_, subsidiary = _talk(
        built_finder,
        "Wij zijn een groot chemiebedrijf met 800 medewerkers en willen een nieuwe katalysator "
        "ontwikkelen die CO2-uitstoot vermindert.",
        "Oh sorry, ik bedoel: wij zijn een dochter van dat bedrijf, wij zelf zijn met 35 mensen",
        "tellen we dan als mkb?",
    )
    assert subsidiary.intent == "sme_status"
    assert subsidiary.text.startswith("Nee: u heeft zelf 35 medewerkers, maar u hoort bij een "
                                      "groep van 800")
    assert "MIT" in subsidiary.text and "2003/361/EG" in subsidiary.text
    _, small = _talk(built_finder, "we have 30 people", "do we count as an SME?")
    assert small.text.startswith("Yes: with 30 employees you are a small enterprise")
    (unknown,) = _talk(built_finder, "are we an SME?")
    assert "How many employees do you have?" in unknown.text


@pytest.mark.parametrize(("text", "business"), [
    ("hoi, ik heb een bakkerij", "bakkerij"), ("I run a small garage", "garage"),
    ("we hebben een fietsenwinkel", "fietsenwinkel"),
    ("ik heb een installatiebedrijf", "installatiebedrijf"),
    ("ik heb een idee", None), ("I have a bomb and want to hurt people", None),
    ("ik heb een vraag over de WBSO", None),
])
def test_the_kind_of_business_one_has_is_read(text: str, business: str | None) -> None:
    from instruments.profile_reading import normalise, read_own_business

    assert read_own_business(normalise(text)) == business


def test_saying_only_what_business_one_has_starts_the_intake(built_finder) -> None:  # type: ignore[no-untyped-def]
    (answer,) = _talk(built_finder, "hoi, ik heb een bakkerij")
    assert not answer.declined and answer.profile["sector"] == "bakkerij"
    assert answer.clarifying_question  # what it wants support for
    (bomb,) = _talk(built_finder, "I have a bomb and want to hurt people")
    assert bomb.declined


@pytest.mark.parametrize(("text", "developing"), [
    ("we ontwikkelen een nieuwe lasmethode", True),
    ("nee, gewoon een standaard machine, we ontwikkelen zelf niks nieuws", False),
    ("we don't develop anything, we just sell", False),
])
def test_saying_one_develops_nothing_new_is_no_plan_of_development(
    text: str, developing: bool
) -> None:
    from assistant.needs import innovating

    profile = extract_profile(text)
    assert bool(profile.stage or profile.activities) is developing
    assert innovating(text, profile) is developing


def test_a_standard_machine_developing_nothing_stays_with_the_kia(built_finder) -> None:  # type: ignore[no-untyped-def]
    first, second = _talk(built_finder, "we zijn een meubelmakerij en willen een nieuwe cnc "
                                        "machine kopen",
                          "nee, gewoon een standaard machine, we ontwikkelen zelf niks nieuws")
    assert first.profile["sector"] == "meubelmakerij"  # the business, not the machine
    assert second.recommended_ids()[:1] == ["kia"]
    assert "wbso" not in second.recommended_ids()


def test_follow_ups_naming_a_scheme_or_a_tax_deduction_are_answered(built_finder) -> None:  # type: ignore[no-untyped-def]
    _, scheme = _talk(built_finder, "ik heb een webshop in kinderkleding en wil een nieuwe "
                                    "website met koppeling naar mijn voorraad. is daar subsidie "
                                    "voor?", "en die regeling mijn digitale zaak van de kvk, "
                                             "bestaat die nog?")
    assert not scheme.declined and "kvk-mijn-digitale-zaak" in scheme.recommended_ids()
    _, deduct = _talk(built_finder, "I'm a freelance graphic designer and want to buy a new "
                                    "MacBook Pro for my business. Is there any subsidy for that?",
                      "and can I deduct it somehow? roughly how much would that save me?")
    assert not deduct.declined and deduct.recommended_ids()[:1] == ["kia"]


def test_asking_for_innovation_money_for_a_purchase_is_no_innovation() -> None:
    from assistant.needs import innovating, read_need

    text = ("Ik heb een autogarage (4 man) en wil een nieuwe brug en diagnoseapparatuur kopen, "
            "kan ik daar innovatiesubsidie voor krijgen")
    profile = extract_profile(text)
    assert "health" not in profile.themes and profile.sector == "autogarage"
    assert not innovating(text, profile)
    assert read_need(text, profile).signposts == ("kia",)
    trucks = "We want to buy 10 electric trucks, is there any innovation subsidy for that?"
    assert read_need(trucks, extract_profile(trucks)).signposts[:1] == ("mia-vamil",)


def test_the_group_still_counts_when_the_own_headcount_is_said_again(built_finder) -> None:  # type: ignore[no-untyped-def]
    first, again = _talk(built_finder, "We're a Dutch subsidiary (40 employees) of a German group "
                                       "with 3000 employees. Can we apply for MIT?",
                         "does that matter, we're only 40 people here?")
    for answer in (first, again):
        assert answer.profile["size"] == "large" and answer.profile["group_employees"] == 3000
        assert answer.intent == "eligibility" and "does not fit" in answer.text


def test_can_a_website_be_done_with_the_wbso_says_it_is_not_for_that(built_finder) -> None:  # type: ignore[no-untyped-def]
    (answer,) = _talk(built_finder, "we hebben een webshop in hondenvoer en willen een nieuwe "
                                    "website met boekingssysteem laten bouwen. kan dat met de "
                                    "wbso?")
    assert answer.intent == "eligibility"
    assert answer.text.startswith("WBSO is niet bedoeld voor een webshop, website")


@pytest.mark.parametrize("text", [
    "ons product is nog niet ontwikkeld, we zoeken subsidie voor een prototype",
    "we ontwikkelen geen software maar een nieuwe sensor",
    "geen R&D-afdeling maar willen een prototype bouwen",
])
def test_words_of_not_only_are_no_denial_of_developing(text: str) -> None:
    from assistant.needs import innovating

    assert innovating(text, extract_profile(text))


@pytest.mark.parametrize(("text", "wage"), [
    ("€500k in salaries. What are all the options for R&D funding?", None),
    ("500.000 euro loonkosten, helemaal niet voor ontwikkeling", None),
])
def test_wages_near_words_of_rnd_are_not_rnd_wages(text: str, wage: float | None) -> None:
    assert extract_profile(text).rnd_wage_eur == wage


@pytest.mark.parametrize(("text", "own", "group"), [
    ("ons moederbedrijf heeft 900 medewerkers, wij zelf zijn met 30 man", 30, 900),
    ("mijn dochter van 16 helpt mee in ons bedrijf met 8 medewerkers", 8, None),
])
def test_groups_and_daughters(text: str, own: int, group: int | None) -> None:
    profile = extract_profile(text)
    assert (profile.employees, profile.group_employees) == (own, group)


def test_a_size_word_gives_way_to_the_group() -> None:
    profile = extract_profile("we zijn een klein bedrijf, dochter van een concern met 800 "
                              "medewerkers")
    assert profile.size == "large"
