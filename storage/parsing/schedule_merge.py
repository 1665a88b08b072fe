"""One schedule from several mentions of the same meetings: a list, a table row
and a sentence may all name 28 August; the merged meeting keeps the most precise
time and the strongest status.

Example:
    >>> from datetime import datetime
    >>> from storage.parsing.records import STOCKHOLM
    >>> day = datetime(2026, 8, 28, tzinfo=STOCKHOLM)
    >>> [m] = merge_schedule([ScheduledMeeting(day, time_known=False, note="nytt datum"),
    ...                       ScheduledMeeting(day.replace(hour=9))])
    >>> m.start.hour, m.note
    (9, 'nytt datum')
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date
from typing import TypeVar

from storage.parsing.records import MeetingStatus, ScheduledMeeting
from storage.parsing.schedule_words import is_time_note
from storage.registry import fold

_T = TypeVar("_T")
_STATUS_RANK = {
    MeetingStatus.PLANNED: 0,
    MeetingStatus.HELD: 1,
    MeetingStatus.MOVED: 2,
    MeetingStatus.CANCELLED: 3,
}


def merge_schedule(entries: Sequence[ScheduledMeeting]) -> list[ScheduledMeeting]:
    """Collapse several mentions of the same meeting (same groups, same day),
    keeping the most precise time and the strongest status information.

    A planned meeting on a day another entry says was moved away from is dropped.
    The result is in time order.
    """
    by_day: dict[tuple[tuple[str, ...], date], list[ScheduledMeeting]] = {}
    for entry in entries:
        by_day.setdefault((entry.groups, entry.start.date()), []).append(entry)
    moved_away = {(e.groups, e.moved_from.date()) for e in entries if e.moved_from is not None}
    merged = [
        _merge_day(same)
        for key, same in by_day.items()
        if not (key in moved_away and all(e.status == MeetingStatus.PLANNED for e in same))
    ]
    return sorted(merged, key=lambda m: (m.start, m.groups))


def _merge_day(same: Sequence[ScheduledMeeting]) -> ScheduledMeeting:
    """One meeting from mentions of one day: the most precise one, filled in by the rest."""
    best = max(same, key=lambda m: (m.time_known, m.end is not None))
    others = [m for m in same if m is not best]
    joint = tuple(dict.fromkeys(g for m in (best, *others) for g in m.joint_with))
    return replace(
        best,
        status=max((m.status for m in same), key=_STATUS_RANK.__getitem__),
        moved_from=_first(m.moved_from for m in (best, *others)),
        mode=_first(m.mode for m in (best, *others)),
        place=_first(m.place for m in (best, *others)),
        joint_with=joint,
        note=_merged_note([m.note for m in (best, *others)], time_known=best.time_known),
    )


def _first(values: Iterable[_T | None]) -> _T | None:
    return next((v for v in values if v is not None), None)


def _merged_note(notes: Sequence[str | None], *, time_known: bool) -> str | None:
    """Note parts of all mentions, each once; "lunch-lunch" goes once the time is known."""
    parts: dict[str, str] = {}
    for part in (p for note in notes if note for p in note.split("; ")):
        parts.setdefault(fold(part), part)
    kept = [p for p in parts.values() if not (time_known and is_time_note(p))]
    return "; ".join(kept) or None
