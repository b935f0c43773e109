"""The eligibility engine, criterion by criterion, on small hand-built cards.

The cards and helpers here are shared with test_eligibility_verdicts.py."""

from __future__ import annotations

from typing import Any

import pytest

from instruments.catalog import CARDS_DIR, load_card
from instruments.eligibility import (
    EligibilityResult,
    evaluate,
)
from instruments.models import (
    InstrumentCard,
    Region,
    Stage,
)
from instruments.profile import CompanyProfile

TEXT = {"nl": "Tekst.", "en": "Text."}


def make_card(card_id: str = "test-card", **rules: Any) -> InstrumentCard:
    """A minimal valid card; `rules` override its eligibility (default: companies, no limits)."""
    eligibility = {
        "open_to_companies": True, "who_applies": {"nl": "Bedrijven.", "en": "Companies."},
        "applicant_types": [], "source": "src-1", **rules,
    }
    return InstrumentCard.model_validate({
        "id": card_id, "name": {"nl": card_id, "en": card_id}, "kind": "subsidy",
        "support": ["subsidy"], "summary": TEXT,
        "administered_by": {"name": "RVO", "url": "https://www.rvo.nl"},
        "eligibility": eligibility, "offers": TEXT, "how_to_apply": TEXT,
        "status": {"state": "open", "as_of": "2025-01", "note": TEXT},
        "sources": [{"id": "src-1", "url": "https://example.org/a", "title": "A", "date": "2025"}],
    })


def outcomes(result: EligibilityResult) -> dict[str, str]:
    return {c.name: c.outcome for c in result.criteria}


SME_CARD = make_card("sme-only", company_sizes=["micro", "small", "medium"])
RESEARCH_CARD = make_card(
    "for-institutions", open_to_companies=False,
    applicant_types=["knowledge_institution", "researcher"],
    who_applies={"nl": "Alleen universiteiten en TO2-instituten.",
                 "en": "Only universities and TO2 institutes."},
)
FULL_CARD = make_card(
    "everything", applicant_types=["company", "startup"], company_sizes=["micro", "small"],
    stages=["prototype", "pilot"], activities=["demonstration"], themes=["energy_climate"],
    regions=["groningen"], requires_collaboration=True, requires_knowledge_institution=True,
    startup_max_age_years=5,
)


# -- missing facts ---------------------------------------------------------------------------------

def test_missing_facts_give_may_fit_never_fits() -> None:
    result = evaluate(FULL_CARD, CompanyProfile())
    assert result.verdict == "may_fit"
    assert set(outcomes(result).values()) == {"undetermined"}
    assert {c.missing_fact for c in result.criteria} == {
        "applicant_type", "size", "stage", "activities", "sector", "region", "collaboration",
        "knowledge_institution_partner", "age_years",
    }


def test_a_profile_meeting_everything_fits() -> None:
    profile = CompanyProfile(employees=12, stage="pilot", activities=["demonstration"],
                             themes=["energy_climate"], region="groningen", collaboration=True,
                             knowledge_institution_partner=True, age_years=2, is_startup=True)
    result = evaluate(FULL_CARD, profile)
    assert result.verdict == "fits", outcomes(result)
    assert set(outcomes(result).values()) == {"meets"}


def test_one_missing_fact_keeps_may_fit() -> None:
    profile = CompanyProfile(employees=12, stage="pilot", activities=["demonstration"],
                             themes=["energy_climate"], collaboration=True,
                             knowledge_institution_partner=True, age_years=2, is_startup=True)
    result = evaluate(FULL_CARD, profile)
    assert result.verdict == "may_fit"
    assert [c.name for c in result.criteria if c.outcome != "meets"] == ["region"]


def test_criteria_cite_the_card_source() -> None:
    result = evaluate(FULL_CARD, CompanyProfile())
    assert {c.source for c in result.criteria} == {"card:everything#src-1"}
    wbso = evaluate(load_card(CARDS_DIR / "wbso.yaml"), CompanyProfile())
    assert {c.source for c in wbso.criteria} == {"card:wbso#rvo-conditions-2024"}


def test_a_card_without_limits_sets_no_criteria() -> None:
    result = evaluate(make_card(), CompanyProfile())
    assert result.criteria == [] and result.verdict == "fits"


# -- size ------------------------------------------------------------------------------------------

def test_large_company_does_not_fit_an_sme_card() -> None:
    result = evaluate(SME_CARD, CompanyProfile(employees=300))
    assert result.verdict == "does_not_fit"
    size = result.criterion("company_size")
    assert size is not None and size.outcome == "fails"
    assert "300 medewerkers" in size.reason.nl and "groot bedrijf" in size.reason.nl
    assert "300 employees" in size.reason.en and "SMEs" in size.reason.en


def test_small_company_meets_an_sme_card_with_a_concrete_reason() -> None:
    size = evaluate(SME_CARD, CompanyProfile(employees=12)).criterion("company_size")
    assert size is not None and size.outcome == "meets"
    assert size.reason.nl == (
        "U heeft 12 medewerkers (klein bedrijf); de regeling staat open voor mkb."
    )
    assert size.reason.en == "You have 12 employees (small enterprise); the scheme is open to SMEs."


def test_turnover_can_make_a_small_headcount_large() -> None:
    result = evaluate(SME_CARD, CompanyProfile(employees=40, turnover_eur=80e6))
    size = result.criterion("company_size")
    assert size is not None and size.outcome == "fails" and "80.000.000" in size.reason.nl


def test_size_alone_and_self_employed_count() -> None:
    assert outcomes(evaluate(SME_CARD, CompanyProfile(size="large")))["company_size"] == "fails"
    self_employed = CompanyProfile(applicant_type="self_employed")
    assert outcomes(evaluate(SME_CARD, self_employed))["company_size"] == "meets"
    micro_card = make_card(company_sizes=["micro"])
    assert outcomes(evaluate(micro_card, CompanyProfile(employees=10)))["company_size"] == "fails"


# -- who may apply ---------------------------------------------------------------------------------

def test_card_not_open_to_companies_excludes_a_company() -> None:
    result = evaluate(RESEARCH_CARD, CompanyProfile(employees=12, applicant_type="company"))
    assert result.verdict == "does_not_fit" and result.not_open_to_companies
    gate = result.criterion("open_to_companies")
    assert gate is not None and gate.outcome == "fails"
    assert "Alleen universiteiten en TO2-instituten." in gate.reason.nl
    assert "Only universities and TO2 institutes." in gate.reason.en
    assert result.who_applies.en == "Only universities and TO2 institutes."


@pytest.mark.parametrize("profile", [
    CompanyProfile(applicant_type="self_employed"),
    CompanyProfile(is_startup=True),
    CompanyProfile(employees=3),
])
def test_card_not_open_to_companies_excludes_any_business(profile: CompanyProfile) -> None:
    assert outcomes(evaluate(RESEARCH_CARD, profile))["open_to_companies"] == "fails"


def test_card_not_open_to_companies_fits_a_listed_applicant() -> None:
    researcher = CompanyProfile(applicant_type="researcher", is_knowledge_institution=True)
    assert evaluate(RESEARCH_CARD, researcher).verdict == "fits"
    institution = CompanyProfile(is_knowledge_institution=True)
    assert evaluate(RESEARCH_CARD, institution).verdict == "fits"
    fund_card = make_card(open_to_companies=False, applicant_types=["investment_fund"])
    assert evaluate(fund_card, researcher).verdict == "does_not_fit"
    assert evaluate(RESEARCH_CARD, CompanyProfile()).verdict == "may_fit"


@pytest.mark.parametrize(("allowed", "profile", "outcome"), [
    (["company"], CompanyProfile(applicant_type="company"), "meets"),
    (["company"], CompanyProfile(is_startup=True), "meets"),  # a startup is a company
    (["company"], CompanyProfile(applicant_type="farmer"), "meets"),
    (["company"], CompanyProfile(applicant_type="self_employed"), "undetermined"),
    (["company", "self_employed"], CompanyProfile(applicant_type="self_employed"), "meets"),
    (["company"], CompanyProfile(applicant_type="researcher"), "fails"),
    (["farmer"], CompanyProfile(applicant_type="company"), "fails"),
    (["consortium"], CompanyProfile(applicant_type="company"), "undetermined"),
    (["consortium"], CompanyProfile(applicant_type="company", collaboration=True), "meets"),
    (["consortium"], CompanyProfile(applicant_type="company", collaboration=False), "fails"),
    (["company"], CompanyProfile(), "undetermined"),
])
def test_applicant_type(allowed: list[str], profile: CompanyProfile, outcome: str) -> None:
    card = make_card(applicant_types=allowed)
    assert outcomes(evaluate(card, profile))["applicant_type"] == outcome


# -- stage, theme, region, activity ----------------------------------------------------------------

@pytest.mark.parametrize(("profile", "outcome"), [
    (CompanyProfile(themes=["energy_climate"]), "meets"),
    (CompanyProfile(themes=["health", "energy_climate"]), "meets"),
    (CompanyProfile(themes=["health"]), "fails"),
    (CompanyProfile(sector="bouw"), "undetermined"),
    (CompanyProfile(), "undetermined"),
])
def test_theme(profile: CompanyProfile, outcome: str) -> None:
    assert outcomes(evaluate(make_card(themes=["energy_climate"]), profile))["theme"] == outcome


def test_theme_mismatch_excludes_and_names_both_sides() -> None:
    result = evaluate(make_card(themes=["energy_climate"]), CompanyProfile(themes=["health"]))
    theme = result.criterion("theme")
    assert result.verdict == "does_not_fit" and theme is not None
    assert "gezondheid en zorg" in theme.reason.nl and "energie en klimaat" in theme.reason.nl


@pytest.mark.parametrize(("region", "outcome"), [
    ("groningen", "meets"), ("limburg", "fails"), (None, "undetermined"),
])
def test_region(region: Region | None, outcome: str) -> None:
    result = evaluate(make_card(regions=["groningen", "drenthe"]), CompanyProfile(region=region))
    assert outcomes(result)["region"] == outcome
    if outcome == "fails":
        assert result.verdict == "does_not_fit"
        assert "Limburg" in result.criteria[0].reason.en


@pytest.mark.parametrize(("stage", "outcome"), [
    ("prototype", "meets"), ("idea", "undetermined"), (None, "undetermined"),
])
def test_stage(stage: Stage | None, outcome: str) -> None:
    """A stage outside the card's list lowers the ranking but never excludes: stages are read
    loosely from free text and projects span several."""
    card = make_card(stages=["prototype", "pilot"])
    result = evaluate(card, CompanyProfile(stage=stage))
    assert outcomes(result)["stage"] == outcome
    assert result.verdict != "does_not_fit"
    if stage == "idea":
        assert "Check whether" in result.criterion("stage").reason.en  # type: ignore[union-attr]


def test_activity_mismatch_lowers_but_never_excludes() -> None:
    card = make_card(activities=["export"])
    both = evaluate(card, CompanyProfile(activities=["export", "own_rnd"]))
    assert outcomes(both)["activity"] == "meets"
    other = evaluate(card, CompanyProfile(activities=["own_rnd"]))
    assert outcomes(other)["activity"] == "undetermined" and other.verdict == "may_fit"
    unknown = evaluate(card, CompanyProfile()).criterion("activity")
    assert unknown is not None and unknown.missing_fact == "activities"
    assert other.criteria[0].missing_fact is None  # asking again would not help


# -- partners and age ------------------------------------------------------------------------------

@pytest.mark.parametrize(("profile", "outcome"), [
    (CompanyProfile(collaboration=True), "meets"),
    (CompanyProfile(activities=["collaboration"]), "meets"),
    (CompanyProfile(collaboration=False), "fails"),
    (CompanyProfile(), "undetermined"),
])
def test_collaboration_required(profile: CompanyProfile, outcome: str) -> None:
    card = make_card(requires_collaboration=True)
    assert outcomes(evaluate(card, profile))["collaboration"] == outcome


@pytest.mark.parametrize(("profile", "outcome"), [
    (CompanyProfile(knowledge_institution_partner=True), "meets"),
    (CompanyProfile(is_knowledge_institution=True), "meets"),
    (CompanyProfile(knowledge_institution_partner=False), "fails"),
    (CompanyProfile(collaboration=False), "fails"),
    (CompanyProfile(collaboration=True), "undetermined"),
])
def test_knowledge_institution_required(profile: CompanyProfile, outcome: str) -> None:
    card = make_card(requires_knowledge_institution=True)
    assert outcomes(evaluate(card, profile))["knowledge_institution"] == outcome


@pytest.mark.parametrize(("age", "outcome"), [
    (0.0, "meets"), (5.0, "meets"), (5.5, "fails"), (12.0, "fails"), (None, "undetermined"),
])
def test_startup_age(age: float | None, outcome: str) -> None:
    result = evaluate(make_card(startup_max_age_years=5), CompanyProfile(age_years=age))
    assert outcomes(result)["startup_age"] == outcome
    if age is not None:
        assert f"{age:g} jaar oud" in result.criteria[0].reason.nl
