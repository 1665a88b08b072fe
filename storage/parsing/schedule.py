"""Meetings planned, moved or cancelled, as schedules inside minutes list them.

A schedule is a section under a heading such as "Mötestider 2023" or
"Kommande möten"; each line names one or more meetings. The rules are the ones
a reader of Swedish minutes applies:

- a year in the heading is the year of the dates under it; without one, the
  dates are the coming ones, so "15 januari" written in November is next year;
- a struck date (`~~3 februari~~`) is never a meeting; a date that follows it
  replaces it (status MOVED, `moved_from` the struck date), and so does the
  second date of "flyttat från 3 april till 10 april";
- "inställt", "ställs in" cancel; "nytt datum", "flyttat", "senare förslag" move;
- "digitalt"/"Teams"/"Skype" is DIGITAL, "fysiskt"/"på plats" PHYSICAL;
- "gemensamt (möte) med X" names groups that join (`joint_with`); an "ev"
  before it makes it tentative: kept in the note only, X's meeting it may not be;
- a line without a date that gives a time ("Samtliga dagar kl 13-16") or a
  mode ("Alla möten är digitala") applies to the meetings written without one.

The parts: headings and sections (`schedule_headings`), one line's meetings
(`schedule_line`, with the words of `schedule_words`), meetings named in running
text (`meeting_notes`) and one schedule from several mentions (`schedule_merge`).

Example:
    >>> [m] = parse_schedule(["17 mars (fysiskt möte)"], reference=date(2022, 10, 13),
    ...                      heading="Mötestider 2023")
    >>> m.start.date(), m.mode, m.time_known
    (datetime.date(2023, 3, 17), <MeetingMode.PHYSICAL: 'physical'>, False)
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime, time

from storage.parsing.clock import parse_clock
from storage.parsing.dates import contains_date
from storage.parsing.meeting_notes import find_meeting_notes
from storage.parsing.records import STOCKHOLM, MeetingMode, ScheduledMeeting
from storage.parsing.schedule_headings import (
    Years,
    is_schedule_heading,
    labelled_schedule,
    sections,
    years_of,
)
from storage.parsing.schedule_line import line_meetings
from storage.parsing.schedule_lists import unwrapped
from storage.parsing.schedule_merge import merge_schedule
from storage.parsing.schedule_words import mode_of, read_line

# What minutes parsing asks of schedules, in one place.
__all__ = [
    "find_meeting_notes",
    "is_schedule_heading",
    "labelled_schedule",
    "merge_schedule",
    "parse_schedule",
]

_COLLECTIVE = re.compile(r"\b(?:samtliga|alla|varje|mötena|all|every)\b", re.IGNORECASE)


def parse_schedule(
    lines: Sequence[str], *, reference: date, heading: str = ""
) -> list[ScheduledMeeting]:
    """The meetings a schedule section lists. `lines` keep `~~struck~~` marks.

    A struck date is not a meeting; "senare förslag 10 februari" after a struck
    "3 februari" gives 10 February with status MOVED and moved_from 3 February.
    A schedule heading among `lines` starts a new section with its own year.
    """
    meetings: list[ScheduledMeeting] = []
    for section_heading, section in sections(unwrapped(lines), heading):
        meetings.extend(_parse_section(section, years_of(section_heading, reference)))
    return meetings


def _parse_section(lines: Sequence[str], years: Years) -> list[ScheduledMeeting]:
    meetings: list[ScheduledMeeting] = []
    clock: tuple[time, time | None] | None = None
    mode: MeetingMode | None = None
    pending: datetime | None = None
    for raw in lines:
        line = read_line(raw)
        if not contains_date(line.text):
            clock = parse_clock(line.text) or clock
            if _COLLECTIVE.search(line.text):
                mode = mode_of(line.text) or mode
            continue
        found, pending = line_meetings(line, years, pending, with_notes=True)
        meetings.extend(found)
    return [_with_defaults(m, clock, mode) for m in meetings]


def _with_defaults(
    meeting: ScheduledMeeting, clock: tuple[time, time | None] | None, mode: MeetingMode | None
) -> ScheduledMeeting:
    """A time or mode said for all days fills in the meetings written without one."""
    if meeting.mode is None and mode is not None:
        meeting = replace(meeting, mode=mode)
    if meeting.time_known or clock is None:
        return meeting
    start = datetime.combine(meeting.start.date(), clock[0], tzinfo=STOCKHOLM)
    last_day = (meeting.end or meeting.start).date()
    end = datetime.combine(last_day, clock[1], tzinfo=STOCKHOLM) if clock[1] else None
    return replace(meeting, start=start, end=end, time_known=True)
