"""The year behind a figure: a fixed set of forms, said in the answer's language."""

import pytest
from pydantic import ValidationError

from instruments.catalog import load_catalog, load_signposts
from instruments.models import Figure
from instruments.years import check_year, year_label, year_order


@pytest.mark.parametrize("year, nl", [
    ("2024", "2024"),
    ("2021-2027", "2021-2027"),
    ("ca. 2024", "ca. 2024"),
    ("before 2024", "vóór 2024"),
    ("2022 or later", "2022 of later"),
    ("undated (seen 2026)", "zonder datum (gezien 2026)"),
])
def test_each_form_is_said_in_dutch_and_kept_in_english(year, nl):
    assert year_label(check_year(year), "nl") == nl
    assert year_label(year, "en") == year


@pytest.mark.parametrize("year", ["", "soon", "undated page", "2024 (RVO)", "24"])
def test_a_year_outside_the_forms_is_refused_on_the_card(year):
    with pytest.raises(ValidationError, match="is not one of"):
        Figure(text={"nl": "x", "en": "x"}, year=year, source="s")


def test_latest_year_sorts_first_whatever_its_form():
    years = ["ca. 2024", "2026", "before 2024", "2021-2025", "undated (seen 2026)"]
    assert sorted(years, key=year_order, reverse=True)[:2] == ["2026", "undated (seen 2026)"]


def test_no_card_figure_shows_english_year_words_in_dutch():
    for card in [*load_catalog().cards.values(), *load_signposts().cards.values()]:
        for figure in card.figures:
            shown = year_label(figure.year, "nl")
            assert not any(word in shown for word in ("before", "undated", " or ", "seen")), (
                card.id, figure.year)
