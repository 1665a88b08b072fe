"""Swedish and English dates and times as minutes write them."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from storage.parsing.clock import parse_clock
from storage.parsing.dates import UPCOMING, When, contains_date, find_whens, parse_when
from storage.parsing.records import STOCKHOLM

REF_2026 = date(2026, 5, 29)


def at(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=STOCKHOLM)


def day(year: int, month: int, day_: int, last: datetime | None = None) -> When:
    """A When for a day (or days) without a time."""
    return When(at(year, month, day_), last, time_known=False)


@pytest.mark.parametrize(
    ("text", "reference", "expected"),
    [
        # The forms the real minutes use.
        ("13-14 oktober 2022", None, day(2022, 10, 13, at(2022, 10, 14))),
        ("2023-09-08 kl.13.00-16.00", None, When(at(2023, 9, 8, 13), at(2023, 9, 8, 16))),
        ("2024-09-20, kl. 09.00-12.00", None, When(at(2024, 9, 20, 9), at(2024, 9, 20, 12))),
        (
            "29 maj 2026, fredag kl. 9.00 – 12.00",
            None,
            When(at(2026, 5, 29, 9), at(2026, 5, 29, 12)),
        ),
        ("kl 9-12", REF_2026, When(at(2026, 5, 29, 9), at(2026, 5, 29, 12))),
        ("kl. 09.00–12.00", REF_2026, When(at(2026, 5, 29, 9), at(2026, 5, 29, 12))),
        ("28/8 kl 9-12", REF_2026, When(at(2026, 8, 28, 9), at(2026, 8, 28, 12))),
        ("8/10 kl 12 – 9/10 kl 13", REF_2026, When(at(2026, 10, 8, 12), at(2026, 10, 9, 13))),
        ("8-9/10", REF_2026, day(2026, 10, 8, at(2026, 10, 9))),
        (
            "26 augusti kl 13.15 – 16.15",
            date(2020, 3, 20),
            When(at(2020, 8, 26, 13, 15), at(2020, 8, 26, 16, 15)),
        ),
        (
            "13 oktober kl 14.00 – 16.30",
            date(2020, 3, 20),
            When(at(2020, 10, 13, 14), at(2020, 10, 13, 16, 30)),
        ),
        (
            "10 december kl 8.30 – 16.00",
            date(2020, 3, 20),
            When(at(2020, 12, 10, 8, 30), at(2020, 12, 10, 16)),
        ),
        (
            "16 oktober eftermiddag",
            date(2020, 3, 20),
            When(at(2020, 10, 16), None, time_known=False, part_of_day="eftermiddag"),
        ),
        ("den 20 mars 2020", None, day(2020, 3, 20)),
        ("20/3", date(2020, 4, 1), day(2020, 3, 20)),
        ("den 5 juni", date(2020, 3, 20), day(2020, 6, 5)),
        ("12-13 oktober (internat)", date(2023, 1, 1), day(2023, 10, 12, at(2023, 10, 13))),
        ("11 December 2026 at 13:00", None, When(at(2026, 12, 11, 13))),
        ("2026-12-11 13:00", None, When(at(2026, 12, 11, 13))),
        # Invented variants.
        ("kl. 8:30", REF_2026, When(at(2026, 5, 29, 8, 30))),
        ("9/12 kl 13.00-15.30", REF_2026, When(at(2026, 12, 9, 13), at(2026, 12, 9, 15, 30))),
        ("15 januari 2025 kl 10–12", None, When(at(2025, 1, 15, 10), at(2025, 1, 15, 12))),
        ("onsdag 3 april", date(2024, 1, 10), day(2024, 4, 3)),
        ("onsdagen den 3:e april 2024", None, day(2024, 4, 3)),
        ("12–13 okt", REF_2026, day(2026, 10, 12, at(2026, 10, 13))),
        ("3 sept. kl 13", REF_2026, When(at(2026, 9, 3, 13))),
        ("1 feb", REF_2026, day(2026, 2, 1)),
        (
            "5 juni klockan 10 till 11.30",
            REF_2026,
            When(at(2026, 6, 5, 10), at(2026, 6, 5, 11, 30)),
        ),
        ("mellan kl 9 och 12 den 4 maj", REF_2026, When(at(2026, 5, 4, 9), at(2026, 5, 4, 12))),
        ("Kl. 13.00-16.00 den 5 juni", REF_2026, When(at(2026, 6, 5, 13), at(2026, 6, 5, 16))),
        ("20/3 2020", None, day(2020, 3, 20)),
        ("20/3-2020", None, day(2020, 3, 20)),
        ("30 december – 2 januari", REF_2026, day(2026, 12, 30, at(2027, 1, 2))),
        ("30 december – 2 januari 2027", None, day(2026, 12, 30, at(2027, 1, 2))),
        ("13 till 14 november 2025", None, day(2025, 11, 13, at(2025, 11, 14))),
        ("21 mars förmiddag", REF_2026, When(at(2026, 3, 21), None, False, "förmiddag")),
        ("4 maj på eftermiddagen", REF_2026, When(at(2026, 5, 4), None, False, "eftermiddag")),
        ("3 mars kl 22-02", REF_2026, When(at(2026, 3, 3, 22), at(2026, 3, 4, 2))),
        # English.
        ("December 11, 2026, 1-3 pm", None, When(at(2026, 12, 11, 13), at(2026, 12, 11, 15))),
        ("Friday 11th of December 2026", None, day(2026, 12, 11)),
        ("June 5 from 9:00 to 12:00", REF_2026, When(at(2026, 6, 5, 9), at(2026, 6, 5, 12))),
        ("the 3rd of March at 10 am", REF_2026, When(at(2026, 3, 3, 10))),
        ("Oct 12 2026", None, day(2026, 10, 12)),
    ],
)
def test_parse_when(text: str, reference: date | None, expected: When) -> None:
    assert parse_when(text, reference=reference) == expected


def test_times_carry_the_stockholm_offset_of_their_season() -> None:
    summer = parse_when("28/8 kl 9-12", reference=REF_2026)
    winter = parse_when("10 december kl 8.30", reference=REF_2026)
    assert summer is not None and winter is not None
    assert summer.start.isoformat() == "2026-08-28T09:00:00+02:00"
    assert winter.start.isoformat() == "2026-12-10T08:30:00+01:00"


def test_a_date_without_year_needs_a_reference() -> None:
    assert parse_when("28/8 kl 9-12") is None
    assert parse_when("kl 9-12") is None
    assert parse_when("28/8 2026") == day(2026, 8, 28)


def test_rollover_puts_a_day_well_before_the_reference_in_the_next_year() -> None:
    december = date(2022, 12, 1)
    assert parse_when("5 januari", reference=december) == day(2022, 1, 5)
    assert parse_when("5 januari", reference=december, rollover=UPCOMING) == day(2023, 1, 5)
    # Within the grace period a day stays in the reference's year: a meeting just held.
    assert parse_when("15 oktober", reference=december, rollover=UPCOMING) == day(2022, 10, 15)
    assert parse_when("10 februari 2022", reference=december, rollover=UPCOMING) == day(2022, 2, 10)


def test_an_explicit_year_in_a_span_applies_to_both_ends() -> None:
    assert parse_when("30 september – 2 oktober 2022") == day(2022, 9, 30, at(2022, 10, 2))


@pytest.mark.parametrize("text", ["31/2", "30 februari 2024", "2023-13-01"])
def test_impossible_dates_are_not_read(text: str) -> None:
    assert parse_when(text, reference=REF_2026) is None


@pytest.mark.parametrize(
    "text",
    [
        "8 av 11 nätverk ligger under 50% i svarsfrekvens",
        "långa vårdtider (90-120) dagar",
        "överenskommelser 2015-2018 mellan staten och SKR",
        "En slutrapport kommer vid årsskiftet 2022/23.",
        "Förslag till beslut 12 617 301 kr på totalen.",
        "Stöd finns 24/7 via telefon.",
        "Hälften, 3/4 av kommunerna, svarade.",
        "Fredrik och Jan har fått ett fortsatt uppdrag",
        "10\tJan Sundelius",
        "We may 11 may be late",
        "Under december 3 möten per vecka",
        "Mötestider 2023",
    ],
)
def test_numbers_that_are_not_dates(text: str) -> None:
    assert find_whens(text, reference=REF_2026) == []
    assert not contains_date(text)


def test_find_whens_gives_the_span_of_every_date_expression() -> None:
    text = (
        "Möten 3 februari och 17 mars kl 13-16, sedan 8/10 kl 12 – 9/10 kl 13. "
        "Anteckningarna från mötet 2020-01-24 lades till handlingarna."
    )
    found = find_whens(text, reference=REF_2026)
    assert [text[a:b] for a, b, _ in found] == [
        "3 februari",
        "17 mars kl 13-16",
        "8/10 kl 12 – 9/10 kl 13",
        "2020-01-24",
    ]
    assert found[1][2] == When(at(2026, 3, 17, 13), at(2026, 3, 17, 16))


def test_find_whens_leaves_the_full_stop_of_a_sentence_out() -> None:
    text = "svar ska lämnas in senast den 31 oktober. Nästa möte 3 okt. kl 9"
    assert [text[a:b] for a, b, _ in find_whens(text, reference=REF_2026)] == [
        "den 31 oktober",
        "3 okt. kl 9",
    ]


def test_find_whens_reads_the_dates_of_a_real_document() -> None:
    text = (
        "Tid: 2023-09-08 kl.13.00-16.00 Plats: Teams\n"
        "När: 29 maj 2026, fredag kl. 9.00 – 12.00\n"
        "Arbetet startade 1/1 2025. Nationellt intresse för vårt arbete."
    )
    found = [w for _, _, w in find_whens(text)]
    assert found == [
        When(at(2023, 9, 8, 13), at(2023, 9, 8, 16)),
        When(at(2026, 5, 29, 9), at(2026, 5, 29, 12)),
        day(2025, 1, 1),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Samtliga dagar kl 13-16", (time(13), time(16))),
        ("kl. 8:30", (time(8, 30), None)),
        ("kl.13.00-16.00", (time(13), time(16))),
        ("13.15 – 16.15", (time(13, 15), time(16, 15))),
        ("klockan 9 till 12", (time(9), time(12))),
        ("mellan kl 9 och 12", (time(9), time(12))),
        ("at 11-1 pm", (time(11), time(13))),
        ("90-120 dagar", None),
        ("8 av 11", None),
    ],
)
def test_parse_clock(text: str, expected: tuple[time, time | None] | None) -> None:
    assert parse_clock(text) == expected
