"""Days and spans in questions, relative to the asking time (a Sunday, 22 Nov 2026),
with a missing year placed by the question's tense."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from bot.understanding import Period, understand
from storage.parsing.records import STOCKHOLM
from tests.understanding.asking import ask


def span(first: tuple[int, int, int], last: tuple[int, int, int]) -> Period:
    return Period(date(*first), date(*last))


@pytest.mark.parametrize(
    ("question", "period"),
    [
        ("möten 2023", span((2023, 1, 1), (2023, 12, 31))),
        ("möten under år 2021", span((2021, 1, 1), (2021, 12, 31))),
        # meetings asked without a tense or a year are the coming ones
        ("möten i mars", span((2027, 3, 1), (2027, 3, 31))),
        ("möten mars 2024", span((2024, 3, 1), (2024, 3, 31))),
        ("meetings in March 2024", span((2024, 3, 1), (2024, 3, 31))),
        ("möten i sept 2023", span((2023, 9, 1), (2023, 9, 30))),
        ("möten 2023-09", span((2023, 9, 1), (2023, 9, 30))),
        ("möten hösten 2020", span((2020, 8, 1), (2020, 12, 31))),
        ("möten våren 2021", span((2021, 1, 1), (2021, 6, 30))),
        ("möten varen 2021", span((2021, 1, 1), (2021, 6, 30))),
        ("meetings in autumn 2022", span((2022, 8, 1), (2022, 12, 31))),
        ("möten sommaren 2024", span((2024, 6, 1), (2024, 8, 31))),
        ("möten i höst", span((2026, 8, 1), (2026, 12, 31))),
        ("möten i vår", span((2026, 1, 1), (2026, 6, 30))),
        ("möten nästa höst", span((2027, 8, 1), (2027, 12, 31))),
        ("möten förra hösten", span((2025, 8, 1), (2025, 12, 31))),
        ("möten nästa månad", span((2026, 12, 1), (2026, 12, 31))),
        ("möten förra månaden", span((2026, 10, 1), (2026, 10, 31))),
        ("möten den här månaden", span((2026, 11, 1), (2026, 11, 30))),
        ("möten förra året", span((2025, 1, 1), (2025, 12, 31))),
        ("möten i fjol", span((2025, 1, 1), (2025, 12, 31))),
        ("möten ifjol", span((2025, 1, 1), (2025, 12, 31))),
        # two years, months or weeks away
        ("möten förrförra året", span((2024, 1, 1), (2024, 12, 31))),
        ("möten i förrfjol", span((2024, 1, 1), (2024, 12, 31))),
        ("möten i forrfjol", span((2024, 1, 1), (2024, 12, 31))),
        ("meetings the year before last", span((2024, 1, 1), (2024, 12, 31))),
        ("möten förrförra månaden", span((2026, 9, 1), (2026, 9, 30))),
        ("meetings the month after next", span((2027, 1, 1), (2027, 1, 31))),
        ("möten nästnästa vecka", span((2026, 11, 30), (2026, 12, 6))),
        ("meetings the week before last", span((2026, 11, 2), (2026, 11, 8))),
        ("möten i år", span((2026, 1, 1), (2026, 12, 31))),
        ("möten nästa år", span((2027, 1, 1), (2027, 12, 31))),
        ("meetings next week", span((2026, 11, 23), (2026, 11, 29))),
        ("meetings last week", span((2026, 11, 9), (2026, 11, 15))),
        ("möten i veckan", span((2026, 11, 16), (2026, 11, 22))),
        ("möten vecka 12 2024", span((2024, 3, 18), (2024, 3, 24))),
        ("möten v.12 2024", span((2024, 3, 18), (2024, 3, 24))),
        ("möten Q1 2024", span((2024, 1, 1), (2024, 3, 31))),
        ("möten första kvartalet 2025", span((2025, 1, 1), (2025, 3, 31))),
        ("möten andra halvåret 2025", span((2025, 7, 1), (2025, 12, 31))),
        ("möten mellan januari och mars", span((2027, 1, 1), (2027, 3, 31))),
        ("vilka möten hölls mellan januari och mars", span((2026, 1, 1), (2026, 3, 31))),
        ("möten mellan januari och mars 2024", span((2024, 1, 1), (2024, 3, 31))),
        ("meetings between March and May 2024", span((2024, 3, 1), (2024, 5, 31))),
        ("möten från oktober till februari", span((2026, 10, 1), (2027, 2, 28))),
        ("möten januari - mars 2023", span((2023, 1, 1), (2023, 3, 31))),
        ("möten 2020-2022", span((2020, 1, 1), (2022, 12, 31))),
        ("möten mellan 2020 och 2022", span((2020, 1, 1), (2022, 12, 31))),
        ("möten sedan 2025", span((2025, 1, 1), (2026, 11, 22))),
        ("möten de senaste två veckorna", span((2026, 11, 8), (2026, 11, 22))),
        ("möten i maj förra året", span((2025, 5, 1), (2025, 5, 31))),
        # so long ago: that year, month, week
        ("vad beslutades för två år sedan", span((2024, 1, 1), (2024, 12, 31))),
        ("what was decided two years ago", span((2024, 1, 1), (2024, 12, 31))),
        ("möten för tre månader sedan", span((2026, 8, 1), (2026, 8, 31))),
        ("vem var ordförande för en vecka sedan", span((2026, 11, 9), (2026, 11, 15))),
        # the year to come
        ("när ses vi efter nyår?", span((2027, 1, 1), (2027, 12, 31))),
        ("when do we meet in the new year?", span((2027, 1, 1), (2027, 12, 31))),
        ("möten efter årsskiftet", span((2027, 1, 1), (2027, 12, 31))),
        ("möten 13-14 oktober 2022", span((2022, 10, 13), (2022, 10, 14))),
        ("chefsgruppen 2023 i september", span((2023, 9, 1), (2023, 9, 30))),
    ],
)
def test_spans(question: str, period: Period) -> None:
    query = ask(question)
    assert (query.period, query.date) == (period, None)


@pytest.mark.parametrize(
    ("question", "day"),
    [
        ("vilka var med på mötet den 29 maj 2026", date(2026, 5, 29)),
        ("vilka var med 29/5", date(2026, 5, 29)),
        ("vilka var med 29/5 2023", date(2023, 5, 29)),
        ("vilka var med 2023-09-08", date(2023, 9, 8)),
        ("who attended on 20 September 2024", date(2024, 9, 20)),
        ("who attended on September 20, 2024", date(2024, 9, 20)),
        ("who attended on 20 may 2024", date(2024, 5, 20)),
        ("vilka var med 13 okt 2022", date(2022, 10, 13)),
        ("vilka var med den 5:e juni 2024", date(2024, 6, 5)),
        ("vilka var med 13.10.2022", date(2022, 10, 13)),
        ("vilka var med igår", date(2026, 11, 21)),
        ("vilka var med i förrgår", date(2026, 11, 20)),
        ("vilka var med idag", date(2026, 11, 22)),
        ("vilka var med i fredags", date(2026, 11, 20)),
        # A past question about a day later in the year means last year's.
        ("vilka var med på mötet 29/12", date(2025, 12, 29)),
        ("vilka var med den 3 december", date(2025, 12, 3)),
        # A present or future question means this year's, or the coming one.
        ("när är mötet 29/12", date(2026, 12, 29)),
        ("när är mötet på fredag", date(2026, 11, 27)),
        ("när är mötet i morgon", date(2026, 11, 23)),
    ],
)
def test_days(question: str, day: date) -> None:
    query = ask(question)
    assert (query.date, query.period) == (day, None)


@pytest.mark.parametrize(
    "question",
    [
        "vad sades om Agenda 2030",  # a name, not a year
        "may I ask what was decided",  # the verb, not the month
        "vad sa Jan om budgeten",  # a name, not January
        "vilka var frånvarande",
        "beslut om 2000 kronor",
        "vem var ordförande på mötet kl 13",
    ],
)
def test_no_time(question: str) -> None:
    query = ask(question)
    assert (query.date, query.period) == (None, None)


def test_now_in_another_time_zone_is_read_as_stockholm() -> None:
    # 23:30 UTC on 21 November is already the 22nd in Stockholm.
    now = datetime(2026, 11, 21, 23, 30, tzinfo=STOCKHOLM).replace(tzinfo=None)
    late_utc = datetime.fromisoformat("2026-11-21T23:30:00+00:00")
    assert understand("vilka var med idag", now=late_utc).date == date(2026, 11, 22)
    assert understand("vilka var med idag", now=now).date == date(2026, 11, 21)


@pytest.mark.parametrize(
    ("question", "day"),
    [
        # a day of the month without its month: this month's, else the next one's
        ("är det möte den 25:e?", date(2026, 11, 25)),
        ("är det möte den 10:e?", date(2026, 12, 10)),
        ("is there a meeting on the 11th?", date(2026, 12, 11)),
        ("möte den 31:a", date(2026, 12, 31)),
        # asked in the past tense: this month's, else the last one's
        ("vad hände den 20:e?", date(2026, 11, 20)),
        ("vad beslutades den 30:e?", date(2026, 10, 30)),
        # with its month it is that day, as written
        ("vad beslutades den 29:e maj 2026?", date(2026, 5, 29)),
    ],
)
def test_a_day_of_the_month(question: str, day: date) -> None:
    assert ask(question).date == day


def test_what_happens_on_a_day_is_its_meetings() -> None:
    query = ask("vad händer den 25:e?")
    assert (query.intent.value, query.date) == ("meetings", date(2026, 11, 25))


@pytest.mark.parametrize(
    ("question", "first", "last"),
    [
        # written backwards: the days between, in order (it gave a span ending before it began)
        ("2023-09-08 till 1900", date(1900, 1, 1), date(2023, 9, 8)),
        ("beslut 2024 till 2022", date(2022, 1, 1), date(2024, 12, 31)),
        # a yearless end before the start is the next year's
        ("möten från december till februari", date(2026, 12, 1), date(2027, 2, 28)),
    ],
)
def test_a_range_written_backwards(question: str, first: date, last: date) -> None:
    period = ask(question).period
    assert period is not None and (period.start, period.end) == (first, last)
