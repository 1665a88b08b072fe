"""When minutes say they were checked and signed (justerade)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storage.parsing.adjusted import LATEST, Adjusted, adjusted_on

MEETING = date(2024, 9, 20)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Justerat den: 2024-10-01 via e-post.", Adjusted(date(2024, 10, 1), "via e-post")),
        ("JUSTERAT DEN 2024-10-01 VIA E-POST", Adjusted(date(2024, 10, 1), "via e-post")),
        ("Justeringsdatum 2024-10-03", Adjusted(date(2024, 10, 3), "")),
        ("Justeringsdatum: 3 oktober 2024\nOrdförande:", Adjusted(date(2024, 10, 3), "")),
        (
            "Protokollet justerades digitalt den 3 oktober 2024.",
            Adjusted(date(2024, 10, 3), "digitalt"),
        ),
        ("Justering: 1/10", Adjusted(date(2024, 10, 1), "")),  # the year of the meeting
        ("Justerad 2024-09-25, digitalt", Adjusted(date(2024, 9, 25), "digitalt")),
        (
            "Justeringen skedde den 30 september 2024 per capsulam",
            Adjusted(date(2024, 9, 30), "per capsulam"),
        ),
        ("Justerat samma dag: 2024-09-20", None),  # words between: not read as a date of it
        # not when the minutes were checked
        ("Vi inväntar ett justerat protokoll från rådet 2024-10-01", None),
        ("Justerare: Siw Lunader 2024-10-01", None),
        ("Beloppet justerat 2024-10-01 efter beslut", None),
        ("Protokollet har justerats 2024-10-04.", Adjusted(date(2024, 10, 4), "")),
        (
            "Utses att justera\nJusteringens plats och tid: Stadshuset, 2024-10-03 kl. 10.00",
            Adjusted(date(2024, 10, 3), ""),
        ),
        ("Justeringens plats och tid\nStadshuset 2024-10-03", None),  # not on its line
        ("Justerat 2023-01-01", None),  # before the meeting
        ("Justerat 2025-06-01", None),  # long after it
        ("", None),
    ],
)
def test_the_day_minutes_were_checked(text: str, expected: Adjusted | None) -> None:
    assert adjusted_on(text, MEETING) == expected


def test_the_first_such_date_counts_and_a_huge_text_is_read() -> None:
    text = "x " * 200_000 + "\nJusterat 2024-10-02\nJusterat 2024-10-05"
    assert adjusted_on(text, MEETING) == Adjusted(date(2024, 10, 2), "")


@settings(max_examples=200, deadline=None)
@given(
    noise=st.text(max_size=300),
    label=st.sampled_from(["Justerat den: ", "Justeringsdatum ", "Justering: ", "justerat ", ""]),
    said=st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 1, 1)),
)
def test_any_text_gives_a_day_after_the_meeting_or_none(noise: str, label: str, said: date) -> None:
    text = f"{noise}\n{label}{said.isoformat()} {noise}"
    found = adjusted_on(text, MEETING)
    assert found is None or MEETING <= found.day <= MEETING + LATEST
    if (
        label
        and MEETING <= said <= MEETING + LATEST
        and "\n" not in noise
        and "ust" not in noise.lower()
    ):
        assert found is not None and found.day == said
