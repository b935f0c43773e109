"""One test per hard criterion of shared/reference/hard-criteria.md that the cards model
(tests/data/hard_criteria_cases.yaml): when the criterion fails, the verdict fails, with the
reason and the card source it rests on. Plus the verdicts that are not "fits": closed schemes
and services (tools, networks)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from instruments.catalog import load_catalog
from instruments.eligibility import evaluate
from instruments.profile import CompanyProfile, ProfileError

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "data" / "hard_criteria_cases.yaml").read_text(encoding="utf-8")
)
CATALOG = load_catalog()


@pytest.mark.parametrize(
    "case", CASES, ids=[f"{c['instrument']}:{c['row']}:{i}" for i, c in enumerate(CASES)]
)
def test_a_hard_criterion_decides_the_verdict(case: dict[str, Any]) -> None:
    card = CATALOG.get(case["instrument"])
    result = evaluate(card, CompanyProfile.from_contract(case["profile"]))
    criterion = result.criterion(case["criterion"])
    assert criterion is not None, f"{case['criterion']} not checked"
    matching = [c for c in result.criteria
                if c.name == case["criterion"] and c.outcome == case["outcome"]]
    assert matching, [(c.name, c.outcome, c.reason.en) for c in result.criteria]
    if case["outcome"] == "fails":
        assert result.verdict in ("does_not_fit", "closed")
        if case["criterion"] != "status":
            assert result.verdict == "does_not_fit"
    else:
        assert result.verdict not in ("fits",)
    needle = str(case.get("reason_contains", ""))
    hits = [c for c in matching if needle in c.reason.nl or needle in c.reason.en]
    assert hits, f"no {case['criterion']} reason contains {needle!r}"
    assert hits[0].source.startswith(f"card:{card.id}#")
    assert hits[0].source.split("#", 1)[1] in {s.id for s in card.sources}


def test_every_instrument_with_a_hard_criterion_has_a_case() -> None:
    modelled = {c.id for c in CATALOG if c.eligibility.amounts or c.eligibility.partners
                or c.eligibility.excluded_applicant_types or c.eligibility.excluded_stages
                or c.eligibility.prerequisites or c.eligibility.hours}
    assert modelled <= {c["instrument"] for c in CASES}


def test_a_closed_scheme_says_closed_with_its_date_and_a_tool_is_no_scheme() -> None:
    profile = CompanyProfile(employees=5, collaboration=True, partner_countries=["JP"])
    closed = [c for c in CATALOG if c.status.state in ("closed", "ended", "moved")]
    assert closed
    for card in closed:
        result = evaluate(card, profile)
        status = result.criterion("status")
        assert status is not None and status.outcome == "fails"
        assert card.status.as_of in status.reason.nl
        assert result.verdict in ("closed", "does_not_fit")
    tool = evaluate(CATALOG.get("regelhulp-wbso"), CompanyProfile(employees=5, stage="rnd"))
    assert tool.verdict == "not_a_scheme"


@pytest.mark.parametrize("bad", [{"project_eur": -5}, {"project_eur": "veel"},
                                 {"project_eur": 1e15}, {"partner_countries": ["XX"]},
                                 {"partners": -1}, {"rnd_hours": 1e6}])
def test_bad_amounts_and_countries_get_one_line_naming_the_field(bad: dict[str, Any]) -> None:
    with pytest.raises(ProfileError) as caught:
        CompanyProfile.from_contract(bad)
    message = str(caught.value)
    assert next(iter(bad)) in message and "\n" not in message
