"""Dates written as one list in a schedule: a sentence wrapped over lines is one
line again, and the bare dates of a list share the time written after the last.

Example:
    >>> unwrapped(["20 januari, 17 februari,", "och 24 mars kl. 14"])
    ['20 januari, 17 februari, och 24 mars kl. 14']
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

from storage.parsing.records import STOCKHOLM, MeetingStatus, ScheduledMeeting

_GOES_ON = re.compile(r"^(?:och|samt|eller|and|or)\s", re.IGNORECASE)


def unwrapped(lines: Sequence[str]) -> list[str]:
    """A sentence wrapped over lines is one line again: "…, 24 mars" / "och 21 april
    2027, kl. 14.00." is one list of dates sharing its time."""
    joined: list[str] = []
    for line in lines:
        previous = joined[-1].rstrip() if joined else ""
        if previous and (previous.endswith(",") or _GOES_ON.match(line.strip())):
            joined[-1] = f"{previous} {line.strip()}"
        else:
            joined.append(line)
    return joined


def only_dates(chunk: str, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether a chunk says nothing after its date(s): "20 januari, " in a list
    (the first chunk may open with words of its own: "Sammanträden: 20 januari,")."""
    begin = min((a for a, _ in spans), default=0)
    rest = "".join(
        ch for i, ch in enumerate(chunk) if i >= begin and not any(a <= i < b for a, b in spans)
    )
    return not re.sub(r"\b(?:och|samt|and|den|the)\b|[\s,;.]", "", rest, flags=re.I)


def shared_tail(meetings: list[ScheduledMeeting], bare: Sequence[bool]) -> list[ScheduledMeeting]:
    """ "20 januari, 17 februari och 24 mars kl. 14.00 i Nora": the bare dates of a
    list share the time and place written once after the last of them."""
    if len(meetings) < 2 or not all(bare[:-1]) or not meetings[-1].time_known:
        return meetings
    last = meetings[-1]
    if any(m.time_known or m.status is not MeetingStatus.PLANNED for m in meetings[:-1]):
        return meetings
    shared = []
    for meeting in meetings[:-1]:
        day = meeting.start.date()
        start = datetime.combine(day, last.start.timetz().replace(tzinfo=None), tzinfo=STOCKHOLM)
        end = None
        if last.end is not None and last.end.date() == last.start.date():
            end = datetime.combine(day, last.end.timetz().replace(tzinfo=None), tzinfo=STOCKHOLM)
        shared.append(
            replace(
                meeting,
                start=start,
                end=end,
                time_known=True,
                place=meeting.place or last.place,
                mode=meeting.mode or last.mode,
            )
        )
    return [*shared, last]
