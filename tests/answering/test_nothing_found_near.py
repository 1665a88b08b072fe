"""A question the store has no answer to is told so, in the words it was asked
("våren 2027", "i mars 2023"), with what lies nearest: the coming meetings known
for a span not yet over, the latest with minutes for one past, and for decisions
the meetings with minutes before and after the span. None of those are facts of
the answer: nothing asked about was found."""

from __future__ import annotations

from datetime import date

import pytest

from bot.answering.format import span
from tests.answering.conftest import Ask


@pytest.mark.parametrize(
    ("first", "last", "language", "said"),
    [
        (date(2027, 1, 1), date(2027, 6, 30), "sv", "våren 2027"),
        (date(2027, 1, 1), date(2027, 6, 30), "en", "in spring 2027"),
        (date(2024, 6, 1), date(2024, 8, 31), "sv", "sommaren 2024"),
        (date(2020, 8, 1), date(2020, 12, 31), "en", "in autumn 2020"),
        (date(2023, 3, 1), date(2023, 3, 31), "sv", "i mars 2023"),
        (date(2023, 1, 1), date(2023, 12, 31), "sv", "under 2023"),
        (date(2026, 12, 14), date(2026, 12, 20), "sv", "vecka 51 2026"),
        (date(2026, 12, 28), date(2027, 1, 3), "en", "in week 53 of 2026"),
        (date(2026, 8, 1), date(2027, 6, 30), "sv", "från 2026-08-01 till 2027-06-30"),
        (date(2020, 1, 1), date(2020, 6, 29), "en", "from 2020-01-01 to 2020-06-29"),
    ],
)
def test_spans_are_said_by_name(first: date, last: date, language: str, said: str) -> None:
    assert span(first, last, language) == said


def test_no_meetings_ahead_offers_the_coming_ones(ask: Ask) -> None:
    answer = ask("vilka möten finns våren 2027?")
    assert not answer.found and answer.meetings == []
    first, near = answer.text.split("\n")
    assert first == "Jag hittar inga möten våren 2027 i protokollen."
    assert near.startswith("Kommande möten i protokollen: ")
    assert "fredag 11 december 2026" in near
    assert [s.meeting_date for s in answer.sources] == ["2026-12-11"]


def test_no_meetings_past_offers_the_latest_with_minutes(ask: Ask) -> None:
    answer = ask("which meetings were there in 2019?")
    assert not answer.found and answer.meetings == []
    assert answer.text.startswith("I find no meetings in 2019 in the minutes.\n")
    assert "Latest meetings with minutes: " in answer.text
    assert answer.sources[0].meeting_date == "2026-05-29"


def test_no_cancelled_meeting_in_a_year(ask: Ask) -> None:
    answer = ask("ställdes något möte in 2026?")
    assert answer.intent == "meetings" and not answer.found
    assert answer.text.startswith("Jag hittar inga inställda möten under 2026 i protokollen.")


def test_cancelled_meeting_asked_with_the_particle_apart(ask: Ask) -> None:
    answer = ask("ställdes något möte in 2020?")
    assert answer.intent == "meetings"
    assert [(m.start[:10], m.status) for m in answer.meetings] == [("2020-04-24", "cancelled")]
    assert answer.text.startswith("Inställda möten under 2020 (1):")


@pytest.mark.parametrize(
    ("question", "first_line", "nearest"),
    [
        (
            "vilka beslut fattades i mars 2023?",
            "Jag hittar inga beslut i mars 2023 i protokollen.",
            ["2022-10-13", "2023-09-08"],
        ),
        (
            "what was decided in June 2021?",
            "I find no decisions in June 2021 in the minutes.",
            ["2020-03-20", "2022-10-13"],
        ),
        (
            "vad beslutade chefsgrupp folkhälsa 2023?",
            "Jag hittar inga beslut för Chefsgrupp folkhälsa under 2023 i protokollen.",
            ["2020-03-20"],
        ),
    ],
)
def test_no_decisions_in_a_span_offers_the_nearest_minutes(
    ask: Ask, question: str, first_line: str, nearest: list[str]
) -> None:
    answer = ask(question)
    assert answer.intent == "decisions" and not answer.found
    assert answer.decisions == []
    assert answer.text.split("\n")[0] == first_line
    assert [s.meeting_date for s in answer.sources] == nearest


def test_nearest_minutes_are_those_written_by_then(ask: Ask) -> None:
    answer = ask("vad beslutades 2021?", now="2022-01-01T10:00")
    assert answer.text.split("\n")[0] == "Jag hittar inga beslut under 2021 i protokollen."
    assert [s.meeting_date for s in answer.sources] == ["2020-03-20"]


def test_a_month_without_a_year_asked_ahead_is_the_coming_one(ask: Ask) -> None:
    answer = ask("när träffas vi i januari?", now="2026-12-03T10:00")
    assert answer.text.split("\n")[0] == "Jag hittar inga möten i januari 2027 i protokollen."
    assert [s.meeting_date for s in answer.sources] == ["2026-12-11"]


def test_nobody_in_the_group_asked_offers_the_other_groups(ask: Ask) -> None:
    answer = ask("vem representerar Karlskoga i chefsgrupp folkhälsa?")
    assert answer.intent == "representatives" and not answer.found and answer.people == []
    lines = answer.text.split("\n")
    assert lines[:2] == [
        "Jag hittar ingen som representerar Karlskoga i Chefsgrupp folkhälsa i protokollen.",
        "I andra grupper:",
    ]
    assert any("Eva Persson (ledamot)" in line for line in lines[2:])
    assert {s.meeting_date for s in answer.sources} == {"2024-09-20", "2026-05-29"}


def test_nobody_at_the_time_asked_offers_later_minutes(ask: Ask) -> None:
    answer = ask("who represented Kumla in 2020?")
    lines = answer.text.split("\n")
    assert lines[:2] == [
        "I find nobody representing Kumla in 2020 in the minutes.",
        "In later minutes:",
    ]
    assert any("Malin Bäcklund (member)" in line for line in lines[2:])
    assert not answer.found and answer.people == []


def test_nobody_anywhere_is_said_alone(ask: Ask) -> None:
    answer = ask("vem representerar Vingåker?")
    assert answer.text == "Jag hittar ingen som representerar Vingåker i protokollen."
    assert answer.sources == [] and not answer.found


@pytest.mark.parametrize(
    ("question", "first_line"),
    [
        (
            "är det möte i morgon?",
            "Jag hittar inget möte den fredag 4 december 2026 i protokollen.",
        ),
        ("har vi möte vecka 51?", "Jag hittar inget möte vecka 51 2026 i protokollen."),
        (
            "vem var ordförande 4 december 2026?",
            "Jag hittar inget möte den fredag 4 december 2026 i protokollen.",
        ),
    ],
)
def test_no_meeting_on_a_day_ahead_offers_the_coming_ones(
    ask: Ask, question: str, first_line: str
) -> None:
    answer = ask(question, now="2026-12-03T10:00")
    lines = answer.text.split("\n")
    assert lines[0] == first_line and not answer.found
    # no minutes are expected of a day to come: the coming meetings, not the latest minutes
    assert lines[1].startswith("Kommande möten i protokollen: ")
    assert [s.meeting_date for s in answer.sources] == ["2026-12-11"]


def test_have_we_a_meeting_in_a_week_is_this_years(ask: Ask) -> None:
    answer = ask("har vi möte vecka 50?", now="2026-12-03T10:00")
    assert answer.found and [m.start[:10] for m in answer.meetings] == ["2026-12-11"]
