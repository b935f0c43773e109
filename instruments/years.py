"""The year behind a figure, in the few forms the references use, said in the answer's language.

A year is data written in English in the cards ("2024", "2021-2027", "ca. 2024",
"before 2024", "2022 or later", "undated (seen 2026)"); a Dutch answer must not show the
English words, so every place that shows a year goes through `year_label`.
"""

from __future__ import annotations

import re

_YEAR = r"\d{4}(?:-\d{4})?"
YEAR_FORM = re.compile(
    rf"^(?:(?P<about>ca\. )?(?P<before>before )?(?P<span>{_YEAR})(?P<later> or later)?"
    rf"|undated \(seen (?P<seen>\d{{4}})\))$"
)
YEAR_FORMS_HELP = (
    "'2024', '2021-2027', 'ca. 2024', 'before 2024', '2022 or later' or 'undated (seen 2026)'"
)


def check_year(year: str) -> str:
    """The year unchanged, or ValueError naming the forms a year may take."""
    if not YEAR_FORM.match(year):
        raise ValueError(f"year {year!r} is not one of {YEAR_FORMS_HELP}")
    return year


def year_label(year: str, lang: str) -> str:
    """'before 2024' -> 'vóór 2024' in Dutch; a year in no known form is shown as written."""
    found = YEAR_FORM.match(year)
    if not found or lang == "en":
        return year
    if found["seen"]:
        return f"zonder datum (gezien {found['seen']})"
    before = "vóór " if found["before"] else ""
    later = " of later" if found["later"] else ""
    return f"{found['about'] or ''}{before}{found['span']}{later}"


def year_order(year: str) -> int:
    """Sort key: the latest year named (an undated page counts as the year it was seen)."""
    years = [int(y) for y in re.findall(r"\d{4}", year)]
    return max(years) if years else 0
