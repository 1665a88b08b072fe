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
  before it makes it tentative, kept in the note;
- a line without a date that gives a time ("Samtliga dagar kl 13-16") or a
  mode ("Alla möten är digitala") applies to the meetings written without one.

Example:
    >>> [m] = parse_schedule(["17 mars (fysiskt möte)"], reference=date(2022, 10, 13),
    ...                      heading="Mötestider 2023")
    >>> m.start.date(), m.mode, m.time_known
    (datetime.date(2023, 3, 17), <MeetingMode.PHYSICAL: 'physical'>, False)
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from typing import TypeVar

from storage.parsing.dates import UPCOMING, When, contains_date, find_whens, parse_clock
from storage.parsing.schedule_words import (
    CANCELLED,
    MOVED,
    Line,
    joint_with,
    mode_of,
    note_of,
    place_of,
    read_line,
)
from storage.parsing.records import STOCKHOLM, MeetingMode, MeetingStatus, ScheduledMeeting
from storage.registry import fold, group_aliases

_HEADING = re.compile(
    r"""\b(?:
        mötes(?:tider|datum|plan\w*|schema|kalender)
      | sammanträdes(?:tider|plan\w*|datum|schema|kalender)
      | (?:kommande|planerade|framtida|höstens|vårens|årets)\s+(?:möten|sammanträden)
      | nästa\s+(?:möte|sammanträde)
      | möten\s+(?:(?:under\s+)?(?:hösten|våren|vt|ht)|för|under|år|(?:19|20)\d\d)
      | (?:tider|datum)\s+för\s+(?:möten|sammanträden)
      | (?:upcoming|future|planned)\s+meetings | meeting\s+(?:dates|schedule|plan)
      | next\s+meeting | schedule\s+of\s+meetings
    )\b""",
    re.IGNORECASE | re.VERBOSE,
)
_NUMBERING = re.compile(r"^\s*(?:#+\s*)?(?:§\s*)?(?:\d+(?:\.\d+)*[.)]?\s+)?")
_HEADING_YEARS = re.compile(r"(?<!\d)((?:19|20)\d\d)(?:\s*[/-]\s*((?:19|20)?\d\d))?(?!\d)")
_COLLECTIVE = re.compile(r"\b(?:samtliga|alla|varje|mötena|all|every)\b", re.IGNORECASE)
_MEETING_NOUN = re.compile(r"\w*(?:möte|sammanträde)(?:t|n|na)?\b|\bmeetings?\b", re.IGNORECASE)
_HELD_LATER = re.compile(
    r"\b(?:hålls|ska\s+hållas|kommer\s+att\s+hållas|äger\s+rum|planeras\s+(?:till|den)"
    r"|är\s+planerat|will\s+be\s+held|is\s+held|takes\s+place|is\s+scheduled)\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ\"”])")
# "Chefsgruppen" is whichever management group is writing, not one group by name.
_GENERIC_ALIASES = frozenset(("chefsgrupp", "chefsgruppen"))
_T = TypeVar("_T")
_STATUS_RANK = {
    MeetingStatus.PLANNED: 0,
    MeetingStatus.HELD: 1,
    MeetingStatus.MOVED: 2,
    MeetingStatus.CANCELLED: 3,
}


@dataclass(frozen=True)
class _Years:
    """How a section's dates get their year: from its heading or the document date."""

    reference: date
    rollover: timedelta | None


@dataclass(frozen=True)
class _Found:
    start: int
    end: int
    when: When
    old: bool  # struck, or the "från" date of a move: not a meeting


def is_schedule_heading(line: str) -> bool:
    """True for headings such as "Mötestider 2023", "Kommande möten",
    "2026 mötesplanering", "Möten hösten 2020", "Sammanträdesplan 2025".

    A heading is short, names no day, and is not "Föregående möte".

    >>> is_schedule_heading("12. Mötestider 2023"), is_schedule_heading("Föregående möte")
    (True, False)
    """
    text = _NUMBERING.sub("", read_line(line).text).strip().rstrip(":").strip()
    if not text or "\t" in line or len(text.split()) > 8 or text.endswith("."):
        return False
    return _HEADING.search(text) is not None and not contains_date(text)


def parse_schedule(
    lines: Sequence[str], *, reference: date, heading: str = ""
) -> list[ScheduledMeeting]:
    """The meetings a schedule section lists. `lines` keep `~~struck~~` marks.

    A struck date is not a meeting; "senare förslag 10 februari" after a struck
    "3 februari" gives 10 February with status MOVED and moved_from 3 February.
    A schedule heading among `lines` starts a new section with its own year.
    """
    meetings: list[ScheduledMeeting] = []
    for section_heading, section in _sections(lines, heading):
        meetings.extend(_parse_section(section, _years_of(section_heading, reference)))
    return meetings


def find_meeting_notes(
    text: str, *, reference: date, own_groups: Sequence[str] = ()
) -> list[ScheduledMeeting]:
    """Meetings mentioned in running text: "Mötet med specifika samverkansrådet
    för folkhälsa den 24 april är inställt. Nästa ordinarie möte hålls den
    11 september." gives one CANCELLED and one PLANNED meeting of that group.

    Only sentences that name a meeting, a day and say it is held, cancelled or
    moved count. A group named in one sentence carries to the next ones of the
    same paragraph; `own_groups` (the document's groups) are left implicit.
    """
    found: list[ScheduledMeeting] = []
    for paragraph in read_line(text).text.splitlines():
        group: str | None = None
        for sentence in _SENTENCE_END.split(paragraph):
            group = _group_named(sentence) or group
            if not _states_meeting(sentence):
                continue
            groups = (group,) if group and group not in own_groups else ()
            years = _Years(reference, UPCOMING)
            meetings, _ = _line_meetings(read_line(sentence), years, None, with_notes=False)
            found.extend(replace(m, groups=groups) for m in meetings)
    return found


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


def _sections(lines: Sequence[str], heading: str) -> Iterator[tuple[str, list[str]]]:
    section: list[str] = []
    for line in lines:
        if is_schedule_heading(line):
            yield heading, section
            heading, section = line, []
        else:
            section.append(line)
    yield heading, section


def _years_of(heading: str, reference: date) -> _Years:
    """ "Mötestider 2023" fixes the year; "2023/24" is a season from July to June."""
    match = _HEADING_YEARS.search(heading)
    if match is None:
        return _Years(reference, UPCOMING)
    if match.group(2):
        return _Years(date(int(match.group(1)), 7, 1), timedelta(0))
    return _Years(date(int(match.group(1)), 1, 1), None)


def _parse_section(lines: Sequence[str], years: _Years) -> list[ScheduledMeeting]:
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
        found, pending = _line_meetings(line, years, pending, with_notes=True)
        meetings.extend(found)
    return [_with_defaults(m, clock, mode) for m in meetings]


def _line_meetings(
    line: Line, years: _Years, pending: datetime | None, *, with_notes: bool
) -> tuple[list[ScheduledMeeting], datetime | None]:
    """The meetings of one line; the second value is a struck date waiting for
    its replacement on the next line."""
    dates = _dates_of(line, years)
    meetings = [d for d in dates if not d.old]
    if not meetings:
        struck = [d for d in dates if d.old]
        return [], struck[-1].when.start if struck else pending
    result = []
    for index, (first, last) in enumerate(_chunks(line.text, meetings)):
        meeting = meetings[index]
        olds = [d for d in dates if d.old and first <= d.start < last]
        moved_from = olds[-1].when.start if olds else None
        chunk = line.blank_struck()[first:last]
        if moved_from is None and index == 0 and MOVED.search(chunk):
            moved_from = pending
        spans = [(d.start - first, d.end - first) for d in dates if first <= d.start < last]
        result.append(_meeting(chunk, spans, meeting.when, moved_from, with_notes))
    return result, None


def _dates_of(line: Line, years: _Years) -> list[_Found]:
    whens = find_whens(line.text, reference=years.reference, rollover=years.rollover)
    found = []
    for index, (start, end, when) in enumerate(whens):
        before = line.text[whens[index - 1][1] if index else 0 : start]
        after = line.text[end : whens[index + 1][0]] if index + 1 < len(whens) else ""
        old = line.is_struck(start, end) or _is_move_origin(before, after)
        found.append(_Found(start, end, when, old))
    return found


def _is_move_origin(before: str, after: str) -> bool:
    """The first date of "från 3 april till 10 april", "3 april flyttas till 10 april"."""
    if not after:
        return False
    from_word = re.search(r"\b(?:från|from|istället\s+för|instead\s+of)\s*$", before, re.I)
    move_word = re.match(
        r"[\s,()]*(?:(?:är|has\s+been|was)\s+)?(?:flytta\w*|ändra\w*|moved|ersätt\w*)\b"
        r"[^,;.]*$|\s*(?:->|→)\s*$",
        after,
        re.I,
    )
    return bool(from_word or move_word)


def _chunks(text: str, meetings: Sequence[_Found]) -> list[tuple[int, int]]:
    """Split a line between its meetings: at the last comma or "och" between two."""
    bounds = [0]
    for left, right in zip(meetings, meetings[1:], strict=False):
        between = text[left.end : right.start]
        cut = [m.end() for m in re.finditer(r"[,;]", between)] or [
            m.end() for m in re.finditer(r"\s(?:och|samt|and)\s", between)
        ]
        bounds.append(left.end + cut[-1] if cut else right.start)
    bounds.append(len(text))
    return list(zip(bounds, bounds[1:], strict=False))


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
    joint, _ = joint_with(chunk)
    mode = mode_of(chunk) or (MeetingMode.PHYSICAL if place else None)
    notes = [when.part_of_day, note_of(chunk, date_spans) if with_notes else None]
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


def _with_defaults(
    meeting: ScheduledMeeting, clock: tuple[time, time | None] | None, mode: MeetingMode | None
) -> ScheduledMeeting:
    if meeting.mode is None and mode is not None:
        meeting = replace(meeting, mode=mode)
    if meeting.time_known or clock is None:
        return meeting
    start = datetime.combine(meeting.start.date(), clock[0], tzinfo=STOCKHOLM)
    last_day = (meeting.end or meeting.start).date()
    end = datetime.combine(last_day, clock[1], tzinfo=STOCKHOLM) if clock[1] else None
    return replace(meeting, start=start, end=end, time_known=True)


def _states_meeting(sentence: str) -> bool:
    says = CANCELLED.search(sentence) or MOVED.search(sentence) or _HELD_LATER.search(sentence)
    return bool(says and _MEETING_NOUN.search(sentence) and contains_date(sentence))


def _group_named(sentence: str) -> str | None:
    folded = fold(re.sub(r"[^\w\s-]", " ", sentence))
    named = [
        (len(alias), name)
        for alias, name in group_aliases().items()
        if alias not in _GENERIC_ALIASES and re.search(rf"\b{re.escape(alias)}\b", folded)
    ]
    return max(named)[1] if named else None


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
        note=_merged_note([m.note for m in (best, *others)]),
    )


def _first(values: Iterable[_T | None]) -> _T | None:
    return next((v for v in values if v is not None), None)


def _merged_note(notes: Sequence[str | None]) -> str | None:
    kept: list[str] = []
    for note in sorted({n for n in notes if n}, key=lambda n: (-len(n), n)):
        if not any(fold(note) in fold(k) for k in kept):
            kept.append(note)
    return "; ".join(kept) or None
