"""Scoring one turn of a conversation item against its `expect` (shared/eval-contract.md).

Each check returns the names of the expectations that failed, so a report can say which one
broke. Instrument checks look at the turn's first three recommendations, as instrument_hit_at_3
does: `expected_instruments` holds when one of the expected (or acceptable) ids is among them,
`forbidden_instruments` when none of the forbidden ids is.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from assistant.answer import Answer
from assistant.language import answer_language
from eval import metrics as m
from eval.dataset import Expect
from instruments.profile import CompanyProfile, ProfileError

TOP = 3  # recommendations a turn's instrument expectations look at (as instrument_hit_at_3)
AMOUNT_TOLERANCE = 0.05  # "around 200k" read as 200,000 or 210,000 both hold; 5% is "around"


def _profile_key_holds(key: str, wanted: CompanyProfile, got: CompanyProfile) -> bool:
    if key == "is_self_employed":
        return (got.applicant_type == "self_employed") == (wanted.applicant_type == "self_employed")
    if key == "sector":
        if wanted.themes:
            return set(wanted.themes) <= set(got.themes)
        return (got.sector or "").lower().find((wanted.sector or "").lower()) >= 0
    if key == "activity":
        return set(wanted.activities) <= set(got.activities)
    if key == "partner_countries":
        return set(wanted.partner_countries) <= set(got.partner_countries)
    if key == "project_eur":
        if wanted.project_eur is None or got.project_eur is None:
            return wanted.project_eur == got.project_eur
        return math.isclose(got.project_eur, wanted.project_eur, rel_tol=AMOUNT_TOLERANCE)
    return bool(getattr(wanted, key, None) == getattr(got, key, None))


def profile_failures(expected: Mapping[str, Any], understood: CompanyProfile) -> list[str]:
    """The contract profile keys whose expected value the assistant did not understand."""
    failed = []
    for key, value in expected.items():
        try:
            wanted = CompanyProfile.from_contract({key: value})
        except ProfileError:
            failed.append(f"profile.{key}")
            continue
        if not _profile_key_holds(key, wanted, understood):
            failed.append(f"profile.{key}")
    return failed


def turn_failures(expect: Expect, answer: Answer) -> list[str]:
    """Names of the expectations of one turn that the answer did not meet."""
    failed: list[str] = []
    top = answer.recommended_ids()[:TOP]
    if expect.declined is not None and answer.declined != expect.declined:
        failed.append("declined")
    if expect.asks is not None and bool(answer.clarifying_question) != expect.asks:
        failed.append("asks")
    if expect.profile:
        understood = CompanyProfile.model_validate(answer.profile)
        failed += profile_failures(expect.profile, understood)
    wanted = [*expect.expected_instruments, *expect.acceptable_instruments]
    if expect.expected_instruments and not set(top) & set(wanted):
        failed.append("expected_instruments")
    if set(top) & set(expect.forbidden_instruments):
        failed.append("forbidden_instruments")
    found, total = m.mentions_found(answer.text, expect.answer_must_mention)
    if found < total:
        failed.append("answer_must_mention")
    if expect.lang and answer_language(answer.text, expect.lang) != expect.lang:
        failed.append("lang")
    return failed
