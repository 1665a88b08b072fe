"""Meetings planned, moved or cancelled, as schedules inside minutes list them
(owner: dates helper; stub)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from storage.parsing.records import ScheduledMeeting


def is_schedule_heading(line: str) -> bool:
    """True for headings such as "Mötestider 2023", "Kommande möten",
    "2026 mötesplanering", "Möten hösten 2020", "Sammanträdesplan 2025"."""
    raise NotImplementedError


def parse_schedule(
    lines: Sequence[str], *, reference: date, heading: str = ""
) -> list[ScheduledMeeting]:
    """The meetings a schedule section lists. `lines` keep `~~struck~~` marks.

    A struck date is not a meeting; "senare förslag 10 februari" after a struck
    "3 februari" gives 10 February with status MOVED and moved_from 3 February.
    """
    raise NotImplementedError


def find_meeting_notes(text: str, *, reference: date) -> list[ScheduledMeeting]:
    """Meetings mentioned in running text: "Mötet med specifika samverkansrådet
    för folkhälsa den 24 april är inställt. Nästa ordinarie möte hålls den
    11 september." gives one CANCELLED and one PLANNED meeting of that group."""
    raise NotImplementedError


def merge_schedule(entries: Sequence[ScheduledMeeting]) -> list[ScheduledMeeting]:
    """Collapse several mentions of the same meeting (same groups, same day),
    keeping the most precise time and the strongest status information."""
    raise NotImplementedError
