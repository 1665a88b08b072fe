"""One line of a schedule read as the meetings it names: its dates, which of them
are old (struck, or the "från" date of a move), and for each new date the part of
the line that speaks of it, read for status, mode, place, joint groups and note.

Example:
    >>> from datetime import date
    >>> from storage.parsing.schedule_words import read_line
    >>> line = read_line("~~3 februari~~ senare förslag 10 februari")
    >>> [m], _ = line_meetings(line, Years(date(2023, 1, 1), None), None, with_notes=True)
    >>> m.start.date(), m.status, m.moved_from.date()
    (datetime.date(2023, 2, 10), <MeetingStatus.MOVED: 'moved'>, datetime.date(2023, 2, 3))
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from storage.parsing.dates import When, find_whens
from storage.parsing.records import MeetingMode, MeetingStatus, ScheduledMeeting
from storage.parsing.schedule_headings import Years
from storage.parsing.schedule_lists import only_dates, shared_tail
from storage.parsing.schedule_words import (
    AUXILIARY,
    CANCELLED,
    INSTEAD,
    MEETING_NOUN,
    MOVE_WORD,
    MOVED,
    Line,
    joint_with,
    mode_of,
    note_of,
    place_after_comma,
    place_in_note,
    place_of,
)

_MOVE_FROM = re.compile(r"\b(?:flytta\w*|ändra\w*|moved)\s+(?:från|from)\s*$", re.IGNORECASE)
# What follows a date that moves away: the meeting it names ("The 3 April
# meeting", "3 April: the meeting"), the auxiliaries of a statement ("har",
# "kommer att", "has been", "will"), then a move ("flyttas", "moved", "hålls
# istället") with no clause break before the new date.
_MOVED_AWAY = re.compile(
    rf"[\s,:()–—-]*(?:(?:the|this|our|det|detta)\s+)?(?:(?:{MEETING_NOUN.pattern})\s+)?"
    rf"(?:{AUXILIARY}\s+)*(?:{MOVE_WORD}|(?:(?:hålls|held|äger\s+rum)\s+)?{INSTEAD})"
    r"\b[^,;.]*$|\s*(?:->|→)\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Found:
    start: int
    end: int
    when: When
    old: bool  # struck, or the "från" date of a move: not a meeting


def line_meetings(
    line: Line, years: Years, pending: datetime | None, *, with_notes: bool
) -> tuple[list[ScheduledMeeting], datetime | None]:
    """The meetings of one line; the second value is a struck date waiting for
    its replacement on the next line."""
    dates = _dates_of(line, years)
    meetings = [d for d in dates if not d.old]
    if not meetings:
        struck = [d for d in dates if d.old]
        return [], struck[-1].when.start if struck else pending
    result = []
    bare: list[bool] = []
    for index, (first, last) in enumerate(_chunks(line.text, meetings)):
        meeting = meetings[index]
        olds = [d for d in dates if d.old and first <= d.start < last]
        moved_from = olds[-1].when.start if olds else None
        chunk = line.blank_struck()[first:last]
        if moved_from is None and index == 0 and MOVED.search(chunk):
            moved_from = pending
        spans = [(d.start - first, d.end - first) for d in dates if first <= d.start < last]
        result.append(_meeting(chunk, spans, meeting.when, moved_from, with_notes))
        bare.append(only_dates(chunk, spans))
    return shared_tail(result, bare), None


def _dates_of(line: Line, years: Years) -> list[_Found]:
    whens = _whens_of(line.text, years)
    found = []
    for index, (start, end, when) in enumerate(whens):
        before = line.text[whens[index - 1][1] if index else 0 : start]
        after = line.text[end : whens[index + 1][0]] if index + 1 < len(whens) else ""
        old = line.is_struck(start, end) or _is_move_origin(before, after)
        found.append(_Found(start, end, when, old))
    return found


def _whens_of(text: str, years: Years) -> list[tuple[int, int, When]]:
    """The dates of a line; after "flyttat från", "3 april till 10 april" is two
    dates, the old and the new, not a span."""
    found: list[tuple[int, int, When]] = []
    previous_end = 0
    for start, end, when in find_whens(text, reference=years.reference, rollover=years.rollover):
        cut = re.search(r"\s(?:till|to)\s", text[start:end])
        if cut and _MOVE_FROM.search(text[previous_end:start]):
            for a, b in ((start, start + cut.start()), (start + cut.end(), end)):
                part = find_whens(text[a:b], reference=years.reference, rollover=years.rollover)
                found.extend((a + s, a + e, w) for s, e, w in part)
        else:
            found.append((start, end, when))
        previous_end = end
    return found


def _is_move_origin(before: str, after: str) -> bool:
    """The first date of "från 3 april till 10 april", "3 april flyttas till 10 april",
    "The 3 April meeting has been moved to 10 April", "3 April: the meeting is
    moved to 10 April": the words between the two dates say the first one moves."""
    if not after:
        return False
    from_word = re.search(r"\b(?:från|from|istället\s+för|instead\s+of)\s*$", before, re.I)
    return bool(from_word or _MOVED_AWAY.match(after))


def _chunks(text: str, meetings: Sequence[_Found]) -> list[tuple[int, int]]:
    """Split a line between its meetings: at the last comma or "och" between two."""
    bounds = [0]
    for left, right in itertools.pairwise(meetings):
        between = text[left.end : right.start]
        cut = [m.end() for m in re.finditer(r"[,;]", between)] or [
            m.end() for m in re.finditer(r"\s(?:och|samt|and)\s", between)
        ]
        bounds.append(left.end + cut[-1] if cut else right.start)
    bounds.append(len(text))
    return list(itertools.pairwise(bounds))


def _meeting(
    chunk: str,
    date_spans: Sequence[tuple[int, int]],
    when: When,
    moved_from: datetime | None,
    with_notes: bool,
) -> ScheduledMeeting:
    status = MeetingStatus.PLANNED
    if CANCELLED.search(chunk):
        status = MeetingStatus.CANCELLED
    elif moved_from is not None or MOVED.search(chunk):
        status = MeetingStatus.MOVED
    place = place_of(chunk)
    # an "ev gemensamt med X" may not be X's meeting at all: said in the note only
    joint, tentative = joint_with(chunk)
    joint = () if tentative else joint
    mode = mode_of(chunk) or (MeetingMode.PHYSICAL if place else None)
    # Running text (no notes) keeps only a place said with "i"/"in": what is
    # left after a comma there is the sentence going on, not a place.
    note = note_of(chunk, date_spans)
    if place is None and with_notes and place_after_comma(chunk, note):
        place, note = note, None
        mode = mode or MeetingMode.PHYSICAL
    elif place is None and (held_in := place_in_note(note)):
        place, note = held_in, None
        mode = mode or MeetingMode.PHYSICAL
    notes = [when.part_of_day, note if with_notes else None]
    return ScheduledMeeting(
        start=when.start,
        end=when.end,
        time_known=when.time_known,
        status=status,
        moved_from=moved_from,
        mode=mode,
        place=place,
        joint_with=joint,
        note="; ".join(n for n in notes if n) or None,
    )
