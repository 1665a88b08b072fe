"""Meetings as iCalendar files, read back with the icalendar parser."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

from icalendar import Calendar

from bot.answers import MeetingFact
from bot.calendar import CalendarLinks, meeting_ics, meeting_uid

MEETING = MeetingFact(
    group="Chefsgrupp folkhälsa",
    start="2026-08-28T09:00:00+02:00",
    end="2026-08-28T12:00:00+02:00",
    place="Länsgården, Örebro",
    status="planned",
    mode="hybrid",
    joint_with=("Specifika samverkansrådet för folkhälsa",),
    document="Minnesanteckningar 2025-05-16",
    meeting_id=41,
)
STAMP = datetime(2025, 9, 1, 7, 0, tzinfo=UTC)


def event_of(ics: bytes) -> Calendar:
    calendar = Calendar.from_ical(ics)
    events = calendar.walk("VEVENT")
    assert len(events) == 1
    return events[0]


def test_meeting_becomes_one_event_in_utc() -> None:
    event = event_of(meeting_ics(MEETING, stamp=STAMP))
    assert event["UID"] == "meeting-41@minutesbot"
    assert event.decoded("DTSTART") == datetime(2026, 8, 28, 7, 0, tzinfo=UTC)
    assert event.decoded("DTEND") == datetime(2026, 8, 28, 10, 0, tzinfo=UTC)
    assert str(event["SUMMARY"]) == "Chefsgrupp folkhälsa"
    assert str(event["LOCATION"]) == "Länsgården, Örebro"
    assert str(event["STATUS"]) == "CONFIRMED"
    description = str(event["DESCRIPTION"])
    assert "Form: Hybrid" in description
    assert "Gemensamt med: Specifika samverkansrådet för folkhälsa" in description
    assert "Källa: Minnesanteckningar 2025-05-16" in description


def test_the_file_is_stable_and_the_uid_follows_the_meeting() -> None:
    assert meeting_ics(MEETING, stamp=STAMP) == meeting_ics(MEETING, stamp=STAMP)
    moved = replace(
        MEETING,
        start="2026-09-04T09:00:00+02:00",
        end=None,
        status="moved",
        moved_from=MEETING.start,
    )
    event = event_of(meeting_ics(moved, stamp=STAMP))
    assert event["UID"] == "meeting-41@minutesbot"  # calendars update, not duplicate
    assert "Flyttat från: 2026-08-28 09:00" in str(event["DESCRIPTION"])
    assert str(event["SUMMARY"]) == "Chefsgrupp folkhälsa (flyttat)"


def test_a_day_without_a_time_is_an_all_day_event() -> None:
    day_only = replace(MEETING, start="2026-12-11T00:00:00+01:00", end=None)
    event = event_of(meeting_ics(day_only, stamp=STAMP))
    assert event.decoded("DTSTART") == date(2026, 12, 11)


def test_a_cancelled_meeting_is_cancelled_in_the_calendar() -> None:
    event = event_of(meeting_ics(replace(MEETING, status="cancelled"), stamp=STAMP))
    assert str(event["STATUS"]) == "CANCELLED"


def test_a_meeting_without_an_id_gets_a_uid_from_its_group_and_start() -> None:
    unstored = replace(MEETING, meeting_id=None)
    assert meeting_uid(unstored) == meeting_uid(replace(unstored, place="Annan plats"))
    assert meeting_uid(unstored) != meeting_uid(replace(unstored, group="SSR"))


def test_links_are_signed_per_meeting_and_key() -> None:
    links = CalendarLinks(b"key-one")
    signature = links.path(41).split("sig=")[1]
    assert links.verify(41, signature)
    assert not links.verify(42, signature)
    assert not CalendarLinks(b"key-two").verify(41, signature)
