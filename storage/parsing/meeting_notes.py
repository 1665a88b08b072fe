"""Meetings that running text mentions, outside any schedule ("Mötet den 24 april
är inställt."), read sentence by sentence with the rules of a schedule line; and
coming meetings it names by a phrase ("Nästa möte är den 5 juni", "till
chefsgruppsmötet den 5 juni": see `meeting_phrases`)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from storage.parsing.dates import UPCOMING
from storage.parsing.meeting_phrases import (
    OwnWords,
    group_named,
    named_meeting,
    opens_with_a_changed_day,
)
from storage.parsing.records import MeetingStatus, ScheduledMeeting
from storage.parsing.schedule_headings import Years
from storage.parsing.schedule_line import line_meetings
from storage.parsing.schedule_words import moves_a_matter, read_line, states_meeting

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ\"”])")
_DIGIT = re.compile(r"\d")


def find_meeting_notes(
    text: str, *, reference: date, own_groups: Sequence[str] = ()
) -> list[ScheduledMeeting]:
    """Meetings mentioned in running text: "Mötet med specifika samverkansrådet
    för folkhälsa den 24 april är inställt. Nästa ordinarie möte hålls den
    11 september." gives one CANCELLED and one PLANNED meeting of that group.

    Sentences count that name a meeting and a day and say it is held, cancelled
    or moved, that open with a day said to be cancelled or moved ("12 mars
    ställs in"), or that name the group's next or own meeting right before a day
    ("Nästa möte är den 5 juni"). A group named in one sentence carries to the
    next ones of the same paragraph; `own_groups` (the document's groups) are
    left implicit. A meeting planned for a day not after `reference` (the
    minutes' own day) is a meeting the minutes look back on, and is left out.
    """
    own = OwnWords.of(own_groups)
    found: list[ScheduledMeeting] = []
    for paragraph in text.splitlines():
        group: str | None = None
        for sentence in _SENTENCE_END.split(paragraph):
            group = group_named(sentence) or group
            if not _DIGIT.search(sentence):
                continue  # every date has a digit
            meetings, owned = _meetings_in(sentence, reference, own)
            groups = (group,) if group and group not in own_groups and not owned else ()
            found.extend(replace(m, groups=groups) for m in meetings if _ahead(m, reference))
    return found


def _meetings_in(
    sentence: str, reference: date, own: OwnWords
) -> tuple[list[ScheduledMeeting], bool]:
    """The meetings a sentence states, and whether it names them by the group's
    own word (so that they are the group's, whatever group the paragraph named)."""
    if states_meeting(sentence) or opens_with_a_changed_day(sentence, reference=reference):
        years = Years(reference, UPCOMING)
        meetings, _ = line_meetings(read_line(sentence), years, None, with_notes=False)
        if moves_a_matter(sentence):
            # "The matter is postponed to the meeting on 10 September": the
            # matter moves, the meeting stands as planned
            meetings = [_planned(m) for m in meetings]
        return meetings, False
    named = named_meeting(sentence, own, reference=reference)
    if named is None:
        return [], False
    # "nästa" says the day is a coming one; the group's own word alone does not,
    # so a day without a year is this year's ("chefsgruppsmötet den 10 januari"
    # in March is January's, gone by)
    years = Years(reference, UPCOMING if named.next_one else None)
    meetings, _ = line_meetings(read_line(named.clause), years, None, with_notes=False)
    return meetings[:1], named.owned


def _ahead(meeting: ScheduledMeeting, reference: date) -> bool:
    return meeting.status is not MeetingStatus.PLANNED or meeting.start.date() > reference


def _planned(meeting: ScheduledMeeting) -> ScheduledMeeting:
    if meeting.status is MeetingStatus.MOVED and meeting.moved_from is None:
        return replace(meeting, status=MeetingStatus.PLANNED)
    return meeting
