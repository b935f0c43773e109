"""Reading a company profile from free Dutch and English text (extract_profile)."""

from __future__ import annotations

import time
from datetime import date
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from instruments.profile import (
    CompanyProfile,
    extract_profile,
    parse_number,
    size_class,
)

TODAY = date(2025, 6, 1)


def read(text: str) -> CompanyProfile:
    return extract_profile(text, today=TODAY)


def assert_has(profile: CompanyProfile, expected: dict[str, Any]) -> None:
    for field, value in expected.items():
        got = getattr(profile, field)
        if isinstance(value, list):
            assert set(value) <= set(got), f"{field}: {got!r} lacks {value!r}"
        else:
            assert got == value, f"{field}: expected {value!r}, got {got!r}"


# -- reading free text --------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    # headcount, Dutch
    ("We zijn met z'n twaalven", {"employees": 12, "size": "small"}),
    ("We zijn met z’n vijven", {"employees": 5, "size": "micro"}),
    ("we zijn met zijn tweeën", {"employees": 2}),
    ("we hebben 40 medewerkers", {"employees": 40, "size": "small"}),
    ("Wij hebben veertig werknemers", {"employees": 40}),
    ("3 mensen in dienst", {"employees": 3, "size": "micro"}),
    ("30 fte", {"employees": 30, "size": "small"}),
    ("een vijfmansbedrijf", {"employees": 5}),
    ("ongeveer 1.200 medewerkers", {"employees": 1200, "size": "large"}),
    ("met vijfendertig collega's", {"employees": 35}),
    # headcount, English
    ("a 6-person software shop", {"employees": 6, "size": "micro", "sector": "software",
                                  "themes": ["ict_digital"]}),
    ("120 employees", {"employees": 120, "size": "medium"}),
    ("we employ twenty-five people", {"employees": 25, "size": "small"}),
    ("a team of 8", {"employees": 8}),
    # self-employed
    ("ik ben zzp'er", {"applicant_type": "self_employed", "size": "micro"}),
    ("I'm a freelancer", {"applicant_type": "self_employed", "size": "micro"}),
    ("ik heb een eenmanszaak", {"applicant_type": "self_employed", "employees": 1}),
    ("I am self-employed", {"applicant_type": "self_employed"}),
    ("wij zijn een groep van zes business angels die in startups investeren",
     {"applicant_type": "investment_fund"}),
    ("I manage a new early-stage VC fund for hardware startups",
     {"applicant_type": "investment_fund"}),
    ("we are a startup looking for a fund to invest in us", {"applicant_type": "startup"}),
    ("We are a startup and we pitch to a group of business angels",
     {"applicant_type": "startup"}),
    ("Wij zijn een startup en zoeken een netwerk van investeerders",
     {"applicant_type": "startup"}),
    ("I manage the innovation fund application at our company", {"applicant_type": "company"}),
    ("After the proof of concept we want to build a prototype", {"stage": "prototype"}),
    ("We willen vol gas geven met onze app", {"themes": ["ict_digital"]}),
    ("We want to buy a new packaging machine", {"activities": []}),
    ("we want to cut the gas use of our greenhouse", {"themes": ["energy_climate"]}),
    # start-ups and spin-offs
    ("spin-off van de TU/e", {"is_startup": True, "knowledge_institution_partner": True}),
    ("a spin-off from Delft University", {"is_startup": True,
                                          "knowledge_institution_partner": True}),
    ("we zijn een startup", {"is_startup": True}),
    ("we are a start-up", {"is_startup": True}),
    ("we zijn net begonnen", {"is_startup": True}),
    ("we were founded last year", {"is_startup": True, "age_years": 1.0}),
    # turnover
    ("een omzet van 5 miljoen", {"turnover_eur": 5e6}),
    ("turnover €3m", {"turnover_eur": 3e6}),
    ("jaaromzet € 750.000", {"turnover_eur": 750_000.0}),
    ("omzet van €1,2 miljoen", {"turnover_eur": 1.2e6}),
    ("€ 2.5 million in revenue", {"turnover_eur": 2.5e6}),
    # age
    ("opgericht in 2021", {"age_years": 4.0}),
    ("founded in March 2019", {"age_years": 6.0}),
    ("ons bedrijf is 2 jaar oud", {"age_years": 2.0}),
    ("a three-year-old company", {"age_years": 3.0}),
    ("we started 7 years ago", {"age_years": 7.0}),
    # stage
    ("we zitten nog in de ideefase", {"stage": "idea"}),
    ("I only have an idea", {"stage": "idea"}),
    ("een haalbaarheidsstudie", {"stage": "feasibility"}),
    ("we need a feasibility study", {"stage": "feasibility"}),
    ("we willen laten uitzoeken of het technisch haalbaar is", {"stage": "feasibility"}),
    ("is it commercially viable?", {"stage": "feasibility"}),
    ("machinefabriek met 14 man", {"themes": ["hightech"]}),
    ("klein ingenieursbureau (8 pers)", {"employees": 8}),
    ("we doen R&D", {"stage": "rnd", "activities": ["own_rnd"]}),
    ("we willen een nieuw product ontwikkelen", {"stage": "rnd"}),
    ("we hebben een prototype", {"stage": "prototype"}),
    ("we want to run a pilot", {"stage": "pilot", "activities": ["demonstration"]}),
    ("een demonstratie in de praktijk", {"stage": "pilot"}),
    ("klaar voor marktintroductie", {"stage": "market_entry"}),
    ("we are preparing the market launch", {"stage": "market_entry"}),
    ("we willen opschalen", {"stage": "scale_up"}),
    ("we are a scale-up", {"stage": "scale_up"}),
    ("we willen groeien", {"stage": "scale_up"}),
    ("we're past the pilot stage", {"stage": "market_entry", "activities": []}),
    ("we zijn voorbij de prototypefase", {"stage": "market_entry"}),
    ("we bouwen onze eerste productielijn", {"stage": "scale_up"}),
    ("to build our first production line", {"stage": "scale_up"}),
    # themes
    ("waterstof en zonnepanelen", {"themes": ["energy_climate"]}),
    ("CO2-reductie", {"themes": ["energy_climate"]}),
    ("circulair bouwen met recycling", {"themes": ["circular"]}),
    ("we make food from insects", {"themes": ["agri_food"]}),
    ("tuinbouw en landbouw", {"themes": ["agri_food"]}),
    ("medtech voor de zorg", {"themes": ["health"]}),
    ("an AI app for SaaS customers", {"themes": ["ict_digital"]}),
    ("chips en fotonica", {"themes": ["hightech"]}),
    ("photonics", {"themes": ["hightech"]}),
    ("a biotech company", {"themes": ["biotech"]}),
    ("een middel tegen kanker", {"themes": ["oncology"]}),
    ("oncology drugs", {"themes": ["oncology", "health"]}),
    ("maritieme technologie", {"themes": ["water_maritime"]}),
    ("groene chemie", {"themes": ["chemistry"]}),
    ("logistiek en transport", {"themes": ["logistics"]}),
    ("defensie en security", {"themes": ["security"]}),
    ("we maken games", {"themes": ["creative"]}),
    # activities and support
    ("we werken samen met partners in een consortium",
     {"collaboration": True, "activities": ["collaboration"]}),
    ("together with the university", {"collaboration": True,
                                      "knowledge_institution_partner": True}),
    ("samen met TNO", {"knowledge_institution_partner": True}),
    ("we willen exporteren naar het buitenland", {"activities": ["export"]}),
    ("we want to expand internationally", {"activities": ["export"]}),
    ("we willen digitaliseren met een webshop", {"activities": ["digitalisation"]}),
    ("een oplossing voor de gemeente als klant", {"activities": ["procurement"]}),
    ("we zoeken een investeerder", {"activities": ["financing"], "financing_need": "equity"}),
    ("we need equity investment", {"financing_need": "equity"}),
    ("we zoeken een lening", {"financing_need": "loan", "activities": ["financing"]}),
    ("we want a loan", {"financing_need": "loan"}),
    ("belastingvoordeel voor R&D", {"financing_need": "tax"}),
    ("a tax credit", {"financing_need": "tax", "support_wanted": ["tax"]}),
    # regions
    ("we zitten in Eindhoven", {"region": "noord-brabant"}),
    ("a company in Groningen", {"region": "groningen"}),
    ("gevestigd in Rotterdam", {"region": "zuid-holland"}),
    ("based in The Hague", {"region": "zuid-holland"}),
    ("uit Delft", {"region": "zuid-holland"}),
    ("in Leiden", {"region": "zuid-holland"}),
    ("in Amsterdam", {"region": "noord-holland"}),
    ("in Utrecht", {"region": "utrecht"}),
    ("in Enschede", {"region": "overijssel"}),
    ("in Twente", {"region": "overijssel"}),
    ("in Zwolle", {"region": "overijssel"}),
    ("in Nijmegen", {"region": "gelderland"}),
    ("in Arnhem", {"region": "gelderland"}),
    ("in Wageningen", {"region": "gelderland"}),
    ("in Maastricht", {"region": "limburg"}),
    ("in Leeuwarden", {"region": "friesland"}),
    ("in Fryslân", {"region": "friesland"}),
    ("in de provincie Noord-Brabant", {"region": "noord-brabant"}),
    ("in Zeeland", {"region": "zeeland"}),
    ("in Drenthe", {"region": "drenthe"}),
    ("in Almere", {"region": "flevoland"}),
    # farmers and researchers
    ("ik ben boer", {"applicant_type": "farmer", "themes": ["agri_food"]}),
    ("ik ben melkveehouder", {"applicant_type": "farmer", "themes": ["agri_food"]}),
    ("wij zijn tuinders", {"applicant_type": "farmer"}),
    ("I am a farmer", {"applicant_type": "farmer", "themes": ["agri_food"]}),
    ("we are growers", {"applicant_type": "farmer"}),
    ("ik ben onderzoeker", {"applicant_type": "researcher", "is_knowledge_institution": True}),
    ("ik ben promovendus", {"applicant_type": "researcher"}),
    ("I'm a postdoc", {"applicant_type": "researcher"}),
    ("researcher at a university", {"applicant_type": "researcher",
                                    "is_knowledge_institution": True}),
    ("wij zijn een hogeschool", {"applicant_type": "knowledge_institution",
                                 "is_knowledge_institution": True}),
    ("we are a venture fund", {"applicant_type": "investment_fund"}),
    # a patent of one's own: own R&D
    ("we hebben net octrooi op ons product", {"activities": ["own_rnd"]}),
    ("our product is patented", {"activities": ["own_rnd"]}),
])
def test_extract_profile_reads_the_phrase(text: str, expected: dict[str, Any]) -> None:
    assert_has(read(text), expected)


def test_extract_profile_reads_a_whole_message() -> None:
    profile = read("Wij zijn een vijfmansbedrijf in de bouwsector uit Zwolle, opgericht in 2022. "
                   "We willen samen met de TU Delft een prototype bouwen en zoeken een lening.")
    assert profile.employees == 5 and profile.size == "micro"
    assert profile.sector == "bouw" and profile.themes == []
    assert profile.region == "overijssel"  # not zuid-holland: "TU Delft" is a university
    assert profile.age_years == 3.0 and profile.stage == "prototype"
    assert profile.collaboration is True and profile.knowledge_institution_partner is True
    assert profile.financing_need == "loan" and profile.applicant_type == "company"


@pytest.mark.parametrize("text", [
    "in 2023 hebben we 50% subsidie gehad",
    "in 2023 hebben we € 50.000 subsidie gehad",
    "we got 50% of the costs back in 2023",
    "our app has 5000 users",
    "we help 500 people a day",
    "a grant of €200,000 for 2 years",
    "the scheme pays 36% over the first €380,000",
    "sinds 2019 medewerkers in dienst",
])
def test_extract_profile_no_false_headcount(text: str) -> None:
    profile = read(text)
    assert profile.employees is None and profile.size is None


@pytest.mark.parametrize(("text", "field", "unwanted"), [
    ("we zorgen voor een goede oplossing", "themes", "health"),
    ("we want a tax credit", "financing_need", "loan"),
    ("I have a question about Startup in Residence", "is_startup", True),
    ("our customers are farmers", "applicant_type", "farmer"),
    ("een spin-off van de Universiteit Utrecht", "region", "utrecht"),
    ("we are looking for an investor", "applicant_type", "investment_fund"),
    ("we do market research", "stage", "rnd"),
    ("we develop machine learning models", "themes", "hightech"),
])
def test_extract_profile_avoids_false_positives(text: str, field: str, unwanted: Any) -> None:
    value = getattr(read(text), field)
    assert unwanted not in value if isinstance(value, list) else value != unwanted


def test_extract_profile_no_collaboration() -> None:
    profile = read("we doen het zonder partners")
    assert profile.collaboration is False and "collaboration" not in profile.activities


def test_extract_profile_age_uses_today() -> None:
    assert extract_profile("opgericht in 2021", today=date(2030, 1, 1)).age_years == 9.0
    assert extract_profile("opgericht in 2031", today=date(2030, 1, 1)).age_years is None


def test_extract_profile_of_unrelated_text_is_empty() -> None:
    assert read("Wat is de hoofdstad van Frankrijk?") == CompanyProfile()
    assert read("") == CompanyProfile()


def test_extract_profile_turnover_pushes_size_up() -> None:
    assert read("we zijn met z'n vijven en hebben een omzet van 5 miljoen").size == "small"


@pytest.mark.parametrize(("token", "number"), [
    ("twaalf", 12), ("vijfendertig", 35), ("eenentwintig", 21), ("twenty-five", 25),
    ("forty two", 42), ("tweehonderd", 200), ("a hundred", 100), ("1.200", 1200),
    ("1,200", 1200), ("2,5", 2.5), ("3.5", 3.5), ("een", None), ("veel", None), ("", None),
])
def test_parse_number(token: str, number: float | None) -> None:
    assert parse_number(token) == number


@pytest.mark.parametrize("text", ["9" * 20_000, "1." * 8_000, "ab-" * 4_000, "a " * 6_000])
def test_extract_profile_is_fast_on_long_adversarial_text(text: str) -> None:
    start = time.perf_counter()
    extract_profile(text, today=TODAY)
    assert time.perf_counter() - start < 2.0  # was 6.7 s when number patterns were quadratic


# -- properties ---------------------------------------------------------------------------------

_WORDS = ["we", "zijn", "met", "z'n", "twaalven", "medewerkers", "employees", "2023", "50%",
          "€", "3m", "omzet", "spin-off", "TU", "Delft", "zzp'er", "opgericht", "in", "jaar",
          "oud", "pilot", "R&D", "een", "a", "-", "person", "boer", "Eindhoven", "1.200", "fte",
          "founded", "years", "ago", "twenty-five", "met z'n", "van", "omzet van", "miljoen"]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300) | st.lists(st.sampled_from(_WORDS), max_size=25).map(" ".join))
def test_extract_profile_never_raises(text: str) -> None:
    profile = extract_profile(text, today=TODAY)
    assert isinstance(profile, CompanyProfile)
    if profile.employees is not None:
        assert profile.size == size_class(profile.employees, profile.turnover_eur)
        assert 0 <= profile.employees <= 1_000_000


@pytest.mark.parametrize(
    ("text", "employees"),
    [("We zijn een startup van 5 man", 5), ("a company of 12 people", 12),
     ("small software company, 10 devs", 10), ("software voor 500 mensen in de zorg", None)],
)
def test_more_ways_of_saying_headcount(text: str, employees: int | None) -> None:
    assert extract_profile(text).employees == employees


def test_researcher_at_a_named_university_and_a_foreign_partner() -> None:
    researcher = extract_profile("onderzoeker aan de RUG, ik wil een spin-off starten")
    assert researcher.applicant_type == "researcher"
    partner = extract_profile("we want to build a new AI product with a company in Belgium")
    assert partner.collaboration is True and "export" in partner.activities
