"""Fuzzing the inputs users and evaluators hand us: profile JSON and eval-set lines."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from eval.dataset import EvalSetError, parse_set
from instruments.profile import CompanyProfile, ProfileError

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=12,
)
KEYS = st.sampled_from(["size", "employees", "stage", "sector", "activity", "collaboration",
                        "is_startup", "is_knowledge_institution", "region", "other"])


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(KEYS, JSON, max_size=6))
def test_any_profile_object_loads_or_says_which_field_is_wrong(data: dict) -> None:  # type: ignore[type-arg]
    try:
        profile = CompanyProfile.from_contract(data)
    except ProfileError as exc:
        assert any(key in str(exc) for key in data), str(exc)
    else:
        CompanyProfile.model_validate(profile.model_dump())


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(max_size=80) | JSON.map(json.dumps), max_size=5))
def test_any_eval_set_text_parses_or_names_the_line(lines: list[str]) -> None:
    text = "\n".join(line.replace("\n", " ") for line in lines)
    try:
        items = parse_set(text)
    except EvalSetError as exc:
        assert "line" in str(exc) or "no questions" in str(exc), str(exc)
    else:
        assert items and all(item.id for item in items)
