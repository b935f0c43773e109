"""The company profile: EU size classes, merging, the eval-contract mapping, describing it.

Reading a profile from free text is in test_profile_reading.py."""

from __future__ import annotations

from typing import Any

import pytest

from instruments.profile import (
    CompanyProfile,
    ProfileError,
    describe,
    merge,
    size_class,
    with_size,
)

# -- size classes -------------------------------------------------------------------------------

@pytest.mark.parametrize(("employees", "size"), [
    (0, "micro"), (9, "micro"), (10, "small"), (49, "small"), (50, "medium"), (249, "medium"),
    (250, "large"), (10_000, "large"),
])
def test_size_class_headcount_boundaries(employees: int, size: str) -> None:
    assert size_class(employees) == size


@pytest.mark.parametrize(("employees", "turnover", "size"), [
    (5, 2_000_000, "micro"),  # at the ceiling stays
    (5, 2_000_001, "small"),  # above the micro ceiling pushes up
    (5, 10_000_001, "medium"),
    (5, 60_000_000, "large"),
    (40, 10_000_000, "small"),
    (40, 12_000_000, "medium"),
    (120, 50_000_000, "medium"),
    (120, 50_000_001, "large"),
    (300, 1_000, "large"),  # a small turnover never pulls the class down
])
def test_size_class_turnover_only_pushes_up(employees: int, turnover: float, size: str) -> None:
    assert size_class(employees, turnover) == size


def test_size_class_rejects_negative_headcount() -> None:
    with pytest.raises(ValueError, match="employees"):
        size_class(-1)


# -- merging ------------------------------------------------------------------------------------

def test_merge_keeps_old_facts_and_overrides_with_new() -> None:
    old = CompanyProfile(employees=12, size="small", region="utrecht", themes=["health"],
                         stage="idea", collaboration=True)
    new = CompanyProfile(stage="prototype", themes=["ict_digital", "health"], collaboration=False)
    merged = merge(old, new)
    assert merged.employees == 12 and merged.size == "small" and merged.region == "utrecht"
    assert merged.stage == "prototype"
    assert merged.collaboration is False  # an explicit "no" overrides an old "yes"
    assert merged.themes == ["health", "ict_digital"]


def test_merge_derives_size_from_new_headcount() -> None:
    assert merge(CompanyProfile(), CompanyProfile(employees=30)).size == "small"
    old = CompanyProfile(employees=12, size="small")
    assert merge(old, CompanyProfile(employees=300)).size == "large"
    assert merge(old, CompanyProfile(turnover_eur=20e6)).size == "medium"
    assert merge(old, CompanyProfile(region="limburg")).size == "small"


def test_merge_with_nothing_changes_nothing() -> None:
    profile = CompanyProfile(employees=7, themes=["circular"], is_startup=True)
    assert merge(profile, CompanyProfile()) == with_size(profile)
    assert merge(CompanyProfile(), profile) == with_size(profile)


# -- the eval contract --------------------------------------------------------------------------

def test_from_contract_maps_every_contract_key() -> None:
    profile = CompanyProfile.from_contract({
        "size": "small", "employees": 25, "stage": "prototype", "sector": "software",
        "activity": "R&D", "collaboration": True, "is_startup": False,
        "is_knowledge_institution": False, "region": "noord-brabant",
    })
    assert profile.size == "small" and profile.employees == 25 and profile.stage == "prototype"
    assert profile.sector == "software" and profile.themes == ["ict_digital"]
    assert profile.activities == ["own_rnd"]
    assert profile.collaboration is True and profile.is_startup is False
    assert profile.is_knowledge_institution is False and profile.region == "noord-brabant"


def test_from_contract_derives_size_and_reads_activity_lists_and_literals() -> None:
    profile = CompanyProfile.from_contract({
        "employees": "8", "activity": ["export", "samenwerken", "digitalisation"],
        "sector": "agri_food", "region": "Eindhoven", "stage": "market entry",
    })
    assert profile.size == "micro" and profile.employees == 8
    assert profile.activities == ["export", "collaboration", "digitalisation"]
    assert profile.themes == ["agri_food"] and profile.region == "noord-brabant"
    assert profile.stage == "market_entry"


def test_from_contract_keeps_unknown_sector_text_without_themes() -> None:
    profile = CompanyProfile.from_contract({"sector": "bouw", "activity": "breien", "region": "NL"})
    assert profile.sector == "bouw" and profile.themes == []
    assert profile.activities == [] and profile.region is None


def test_from_contract_ignores_unknown_keys_and_nulls() -> None:
    assert CompanyProfile.from_contract({"colour": "blue", "size": None}) == CompanyProfile()


@pytest.mark.parametrize(("data", "field"), [
    ({"employees": "veel"}, "employees"),
    ({"employees": -3}, "employees"),
    ({"employees": True}, "employees"),
    ({"size": "huge"}, "size"),
    ({"size": 12}, "size"),
    ({"stage": "sleeping"}, "stage"),
    ({"collaboration": "maybe"}, "collaboration"),
    ({"is_startup": [True]}, "is_startup"),
    ({"activity": 5}, "activity"),
    ({"sector": {"name": "ict"}}, "sector"),
    ({"applicant_type": "alien"}, "applicant_type"),
])
def test_from_contract_malformed_value_names_the_field(data: dict[str, Any], field: str) -> None:
    with pytest.raises(ProfileError, match=field):
        CompanyProfile.from_contract(data)


def test_from_contract_rejects_a_non_object() -> None:
    with pytest.raises(ProfileError, match="object"):
        CompanyProfile.from_contract(["small"])  # type: ignore[arg-type]


# -- describe -----------------------------------------------------------------------------------

def test_describe_in_both_languages() -> None:
    profile = CompanyProfile(employees=12, size="small", turnover_eur=3_000_000, age_years=2,
                             region="noord-brabant", themes=["ict_digital"], is_startup=True)
    nl, en = dict(describe(profile, "nl")), dict(describe(profile, "en"))
    assert nl["Medewerkers"] == "12" and en["Employees"] == "12"
    assert nl["Bedrijfsgrootte"] == "klein bedrijf" and en["Company size"] == "small enterprise"
    assert nl["Omzet"] == "€ 3.000.000" and en["Turnover"] == "€3,000,000"
    assert nl["Provincie"] == "Noord-Brabant" and nl["Startup"] == "ja" and en["Start-up"] == "yes"
    assert nl["Thema's"] == "ICT en digitaal" and en["Company age"] == "2 years"
    assert describe(CompanyProfile(), "nl") == []


def test_a_sector_too_long_to_be_one_is_not_read_and_not_accepted() -> None:
    import base64

    from instruments.profile import (
        MAX_FREE_TEXT_CHARS,
        CompanyProfile,
        ProfileError,
        extract_profile,
    )
    # the input the fuzzer found (tests/test_atheris.py): a 90-character "sector"
    found = base64.b64decode(
        "ZWdla2luZyBwYXN0IGFic7dkIHQgJiYmJiYmJiYmJiYmJiYmJiYmJiYmJiYmJiYmJiYmJiYmJiYmJiYmJiYmJiYm"
        "JiYmJiYmJiYmJiYmJiYmJiYmJiYmJiYmJiYmJiYmJiYmJiYmJiYmJiYmJiYmJiYmJiYmJiYmJiYmJiYmJiYmJiYm"
        "JiYmJiYmJiYmJiYmJiYmP3NvZnR3YXJloG9udCt3aW9rZWwqKiojAQAjKioqMCoqbg=="
    ).decode("latin-1")
    assert extract_profile(found).sector is None
    with pytest.raises(ProfileError, match="sector"):
        CompanyProfile.from_contract({"sector": "s" * (MAX_FREE_TEXT_CHARS + 1)})
