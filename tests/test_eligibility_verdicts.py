"""Eligibility over several instruments (and the real WBSO card): card order, the most
informative missing fact, the exported rows, and properties of any card and profile."""

from __future__ import annotations

from typing import Any, get_args

from hypothesis import given, settings
from hypothesis import strategies as st

from instruments.catalog import CARDS_DIR, load_card
from instruments.eligibility import (
    CRITERIA,
    eligibility_rows,
    evaluate,
    evaluate_all,
    most_informative_missing_fact,
    verdict_of,
)
from instruments.models import (
    Activity,
    ApplicantType,
    InstrumentCard,
    Region,
    Size,
    Stage,
    Theme,
)
from instruments.profile import CompanyProfile
from tests.test_eligibility import FULL_CARD, RESEARCH_CARD, SME_CARD, make_card, outcomes

# -- the real WBSO card ----------------------------------------------------------------------------

def test_wbso_fits_a_small_company_doing_rnd_on_a_prototype() -> None:
    wbso = load_card(CARDS_DIR / "wbso.yaml")
    profile = CompanyProfile(employees=12, applicant_type="company", stage="prototype",
                             activities=["own_rnd"])
    assert evaluate(wbso, profile).verdict == "fits"
    assert evaluate(wbso, CompanyProfile(applicant_type="researcher")).verdict == "does_not_fit"


# -- several instruments ---------------------------------------------------------------------------

def test_evaluate_all_keeps_card_order() -> None:
    cards = [SME_CARD, RESEARCH_CARD, FULL_CARD]
    results = evaluate_all(cards, CompanyProfile(employees=300))
    assert [r.instrument_id for r in results] == ["sme-only", "for-institutions", "everything"]
    assert [r.verdict for r in results] == ["does_not_fit", "does_not_fit", "does_not_fit"]


def test_most_informative_missing_fact_picks_the_field_changing_most_verdicts() -> None:
    cards = [
        make_card("r1", regions=["groningen"]),
        make_card("r2", regions=["limburg"]),
        make_card("r3", regions=["zeeland"], stages=["pilot"]),
        make_card("s1", stages=["pilot"]),
        make_card("s2", stages=["idea"], company_sizes=["large"]),  # already excluded
        make_card("s3", stages=["idea"], company_sizes=["large"]),  # already excluded
        make_card("s4", stages=["idea"], company_sizes=["large"]),  # already excluded
    ]
    profile = CompanyProfile(employees=5)
    assert most_informative_missing_fact(cards, profile) == "region"
    results = evaluate_all(cards, profile)
    assert most_informative_missing_fact(results) == "region"
    knowing = CompanyProfile(employees=5, region="groningen")
    assert most_informative_missing_fact(cards, knowing) == "stage"


def test_most_informative_missing_fact_is_none_when_nothing_is_missing() -> None:
    profile = CompanyProfile(employees=5, region="groningen")
    assert most_informative_missing_fact([make_card(regions=["groningen"])], profile) is None
    assert most_informative_missing_fact([SME_CARD], CompanyProfile(employees=300)) is None
    assert most_informative_missing_fact([]) is None


def test_most_informative_missing_fact_prefers_facts_that_settle_a_verdict() -> None:
    cards = [make_card("a", regions=["groningen"]),
             make_card("b", stages=["pilot"], regions=["utrecht"])]
    # region is missing twice, stage once: region wins on count
    assert most_informative_missing_fact(cards, CompanyProfile()) == "region"
    cards = [make_card("a", regions=["groningen"]),
             make_card("b", stages=["pilot"], themes=["health"])]
    # region settles card a alone (1.5); stage and sector each only half of card b (1.0)
    assert most_informative_missing_fact(cards, CompanyProfile()) == "region"


def test_eligibility_rows_are_flat_and_uniform() -> None:
    results = evaluate_all([SME_CARD, FULL_CARD], CompanyProfile(employees=12))
    rows = eligibility_rows(results, "en")
    assert len(rows) == 2 and rows[0].keys() == rows[1].keys()
    assert set(rows[0]) == {"instrument_id", "verdict", "not_open_to_companies",
                            *CRITERIA, *(f"{n}_reason" for n in CRITERIA)}
    assert rows[0]["instrument_id"] == "sme-only" and rows[0]["verdict"] == "fits"
    assert rows[0]["company_size"] == "meets" and "12 employees" in rows[0]["company_size_reason"]
    assert rows[0]["region"] == "" and rows[1]["region"] == "undetermined"
    assert all(isinstance(v, str) for row in rows for v in row.values())
    assert "12 medewerkers" in eligibility_rows(results, "nl")[0]["company_size_reason"]


# -- properties ------------------------------------------------------------------------------------

def _subset(values: tuple[str, ...]) -> st.SearchStrategy[list[str]]:
    return st.lists(st.sampled_from(values), unique=True, max_size=3)


def _maybe(values: tuple[Any, ...]) -> st.SearchStrategy[Any]:
    return st.none() | st.sampled_from(values)


cards = st.builds(
    lambda open_, types, sizes, stages, acts, themes, regions, collab, ki, age: make_card(
        open_to_companies=open_, applicant_types=types, company_sizes=sizes, stages=stages,
        activities=acts, themes=themes, regions=regions, requires_collaboration=collab,
        requires_knowledge_institution=ki, startup_max_age_years=age,
    ),
    st.booleans(), _subset(get_args(ApplicantType)), _subset(get_args(Size)),
    _subset(get_args(Stage)), _subset(get_args(Activity)), _subset(get_args(Theme)),
    _subset(get_args(Region)), st.booleans(), st.booleans(), st.none() | st.integers(0, 10),
)
flags = st.none() | st.booleans()
profiles = st.builds(
    CompanyProfile, size=_maybe(get_args(Size)), employees=st.none() | st.integers(0, 5000),
    turnover_eur=st.none() | st.floats(0, 1e9), is_startup=flags,
    age_years=st.none() | st.floats(0, 50), stage=_maybe(get_args(Stage)),
    sector=st.none() | st.text(max_size=10), themes=_subset(get_args(Theme)),
    activities=_subset(get_args(Activity)), applicant_type=_maybe(get_args(ApplicantType)),
    collaboration=flags, knowledge_institution_partner=flags, is_knowledge_institution=flags,
    region=_maybe(get_args(Region)),
)


@settings(max_examples=300, deadline=None)
@given(cards, profiles)
def test_verdict_is_consistent_with_its_criteria(
    card: InstrumentCard, profile: CompanyProfile
) -> None:
    result = evaluate(card, profile)
    found = outcomes(result)
    assert result.verdict == verdict_of(result.criteria)
    assert len(found) == len(result.criteria)  # each criterion at most once
    assert (result.verdict == "does_not_fit") == ("fails" in found.values())
    assert (result.verdict == "fits") == all(o == "meets" for o in found.values())
    assert all(c.reason.nl and c.reason.en and "\n" not in c.reason.en for c in result.criteria)
    assert all(c.missing_fact is None or c.outcome == "undetermined" for c in result.criteria)


@settings(max_examples=200, deadline=None)
@given(cards)
def test_an_empty_profile_never_meets_anything(card: InstrumentCard) -> None:
    result = evaluate(card, CompanyProfile())
    assert all(c.outcome == "undetermined" for c in result.criteria)
    assert result.verdict == ("fits" if not result.criteria else "may_fit")
