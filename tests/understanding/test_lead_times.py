"""Lead times in reminder requests, and when a reminder then goes out."""

from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest

from bot.understanding import LeadTime
from bot.understanding.reminders import read_lead_times
from bot.understanding.text import read_words
from storage.parsing.records import STOCKHOLM

DAY = timedelta(days=1)


def leads(text: str) -> tuple[LeadTime, ...]:
    return read_lead_times(read_words(text).norm)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("påminn oss", ()),
        ("påminn oss en vecka före och dagen före", ((7 * DAY, time(9)), (DAY, time(9)))),
        ("påminn oss dagen innan kl 15", ((DAY, time(15)),)),
        ("kl 8 dagen innan", ((DAY, time(8)),)),
        ("2 dagar innan", ((2 * DAY, time(9)),)),
        ("två veckor före", ((14 * DAY, time(9)),)),
        ("ett par dagar innan", ((2 * DAY, time(9)),)),
        ("en timme innan", ((timedelta(hours=1), None),)),
        ("30 minuter före", ((timedelta(minutes=30), None),)),
        ("en halvtimme innan", ((timedelta(minutes=30), None),)),
        ("samma dag kl 8", ((timedelta(0), time(8)),)),
        (
            "remind us a week before and the day before at 3 pm",
            ((7 * DAY, time(9)), (DAY, time(15))),
        ),
        ("remind us 3 days before at 10:30", ((3 * DAY, time(10, 30)),)),
        ("remind me the morning of", ((timedelta(0), time(7, 30)),)),
        ("remind me 1 h before", ((timedelta(hours=1), None),)),
        ("dagen före och dagen före", ((DAY, time(9)),)),
    ],
)
def test_lead_times(text: str, expected: tuple[tuple[timedelta, time | None], ...]) -> None:
    assert leads(text) == tuple(LeadTime(before, at) for before, at in expected)


def test_a_day_lead_goes_out_at_its_time_of_day() -> None:
    start = datetime(2026, 5, 29, 13, 0, tzinfo=STOCKHOLM)
    assert LeadTime(7 * DAY, time(9)).remind_at(start) == datetime(2026, 5, 22, 9, tzinfo=STOCKHOLM)
    assert LeadTime(timedelta(hours=2)).remind_at(start) == datetime(
        2026, 5, 29, 11, tzinfo=STOCKHOLM
    )
