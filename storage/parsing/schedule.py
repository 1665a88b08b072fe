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

import itertools
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from typing import TypeVar

from storage.parsing.clock import parse_clock
from storage.parsing.dates import UPCOMING, When, contains_date, find_whens
from storage.parsing.records import STOCKHOLM, MeetingMode, MeetingStatus, ScheduledMeeting
from storage.parsing.schedule_lists import only_dates, shared_tail, unwrapped
from storage.parsing.schedule_words import (
    CANCELLED,
    MOVED,
    Line,
    is_time_note,
    joint_with,
    mode_of,
    moves_a_matter,
    note_of,
    place_after_comma,
    place_in_note,
    place_of,
    read_line,
    states_meeting,
)
from storage.registry import fold, group_aliases

_HEADING_WORDS = r"""(?:
    mötes(?:tider|datum|plan\w*|schema|kalender)
  | sammanträdes(?:tider|plan\w*|datum|schema|kalender)
  | (?:kommande|planerade|framtida|höstens|vårens|årets)\s+(?:möten|sammanträden)
  | nästa\s+(?:möte|sammanträde)n?
  | möten(?:\s+(?:(?:under\s+)?(?:hösten|våren|vt|ht)|för|under|år))?
  | (?:tider|datum)\s+för\s+(?:möten|sammanträden)
  | (?:upcoming|future|planned|coming|forthcoming)\s+meetings? | meeting\s+(?:dates|schedule|plan)
  | next\s+meetings? | schedule\s+of\s+meetings | dates\s+of\s+(?:future\s+)?meetings
)"""
# The words open or close a heading; inside a line they are part of a sentence
# ("Chefsgruppen beslutade att höstens möten hålls:").
_HEADING_START = re.compile(rf"^{_HEADING_WORDS}\b", re.IGNORECASE | re.VERBOSE)
_HEADING_END = re.compile(rf"\b{_HEADING_WORDS}$", re.IGNORECASE | re.VERBOSE)
_EDGE_YEARS = re.compile(r"^(?:19|20)\d\d\s+|\s*(?:(?:19|20)\d\d(?:\s*[/-]\s*(?:19|20)?\d\d)?)?$")
_NUMBERING = re.compile(r"^\s*(?:#+\s*)?(?:§\s*)?(?:\d+(?:\.\d+)*[.)]?\s+)?")
_HEADING_YEARS = re.compile(r"(?<!\d)((?:19|20)\d\d)(?:\s*[/-]\s*((?:19|20)?\d\d))?(?!\d)")
_COLLECTIVE = re.compile(r"\b(?:samtliga|alla|varje|mötena|all|every)\b", re.IGNORECASE)
_MOVE_FROM = re.compile(r"\b(?:flytta\w*|ändra\w*|moved)\s+(?:från|from)\s*$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ\"”])")
# "Chefsgruppen" is whichever management group is writing, not one group by name.
_GENERIC_ALIASES = frozenset(("chefsgrupp", "chefsgruppen"))
_GROUP_BY_ALIAS = {
    alias: name for alias, name in group_aliases().items() if alias not in _GENERIC_ALIASES
}
_GROUP_ALIAS = re.compile(
    r"\b(?:"
    + "|".join(re.escape(a) for a in sorted(_GROUP_BY_ALIAS, key=len, reverse=True))
    + r")\b"
)
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
    core = _EDGE_YEARS.sub("", text).strip(" :,")
    named = _HEADING_START.search(core) or _HEADING_END.search(core)
    return named is not None and not contains_date(text)


def labelled_schedule(line: str) -> tuple[str, str] | None:
    """(heading, dates) of a line that labels its own dates, else None.

    >>> labelled_schedule("Nästa möte: 9 april kl. 13–15")
    ('Nästa möte', '9 april kl. 13–15')
    """
    label, colon, rest = line.partition(":")
    rest = rest.strip()
    if not colon or not rest or not contains_date(rest) or not is_schedule_heading(label):
        return None
    return label.strip(), rest


def parse_schedule(
    lines: Sequence[str], *, reference: date, heading: str = ""
) -> list[ScheduledMeeting]:
    """The meetings a schedule section lists. `lines` keep `~~struck~~` marks.

    A struck date is not a meeting; "senare förslag 10 februari" after a struck
    "3 februari" gives 10 February with status MOVED and moved_from 3 February.
    A schedule heading among `lines` starts a new section with its own year.
    """
    meetings: list[ScheduledMeeting] = []
    for section_heading, section in _sections(unwrapped(lines), heading):
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
    for paragraph in text.splitlines():
        group: str | None = None
        for sentence in _SENTENCE_END.split(paragraph):
            group = _group_named(sentence) or group
            if not states_meeting(sentence):
                continue
            groups = (group,) if group and group not in own_groups else ()
            years = _Years(reference, UPCOMING)
            meetings, _ = _line_meetings(read_line(sentence), years, None, with_notes=False)
            if moves_a_matter(sentence):
                # "The matter is postponed to the meeting on 10 September": the
                # matter moves, the meeting stands as planned
                meetings = [_planned(m) for m in meetings]
            found.extend(replace(m, groups=groups) for m in meetings)
    return found


def _planned(meeting: ScheduledMeeting) -> ScheduledMeeting:
    if meeting.status is MeetingStatus.MOVED and meeting.moved_from is None:
        return replace(meeting, status=MeetingStatus.PLANNED)
    return meeting


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
        cell, rest = _heading_cell(line)
        if cell is not None:
            yield heading, section
            heading, section = cell, [rest]
        elif is_schedule_heading(line):
            yield heading, section
            heading, section = line, []
        else:
            section.append(line)
    yield heading, section


def _heading_cell(line: str) -> tuple[str | None, str]:
    """An agenda table row "11<TAB>Kommande möten<TAB>Nytt datum 28/8": the
    heading cell and the cells after it."""
    cells = [cell.strip() for cell in line.split("\t")]
    for index, cell in enumerate(cells[:3]):
        if is_schedule_heading(cell) and len(cells) > index + 1:
            return cell, " ".join(cells[index + 1 :])
        if not re.fullmatch(r"[\d.§ ]*", cell):
            break
    return None, line


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


def _dates_of(line: Line, years: _Years) -> list[_Found]:
    whens = _whens_of(line.text, years)
    found = []
    for index, (start, end, when) in enumerate(whens):
        before = line.text[whens[index - 1][1] if index else 0 : start]
        after = line.text[end : whens[index + 1][0]] if index + 1 < len(whens) else ""
        old = line.is_struck(start, end) or _is_move_origin(before, after)
        found.append(_Found(start, end, when, old))
    return found


def _whens_of(text: str, years: _Years) -> list[tuple[int, int, When]]:
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
    joint, _ = joint_with(chunk)
    mode = mode_of(chunk) or (MeetingMode.PHYSICAL if place else None)
    note = note_of(chunk, date_spans) if with_notes else None
    if place is None and place_after_comma(chunk, note):
        place, note = note, None
        mode = mode or MeetingMode.PHYSICAL
    elif place is None and (held_in := place_in_note(note)):
        place, note = held_in, None
        mode = mode or MeetingMode.PHYSICAL
    notes = [when.part_of_day, note]
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


def _group_named(sentence: str) -> str | None:
    """The known group a sentence names, by its longest alias."""
    folded = fold(re.sub(r"[^\w\s-]", " ", sentence))
    named = [m.group() for m in _GROUP_ALIAS.finditer(folded)]
    return _GROUP_BY_ALIAS[max(named, key=len)] if named else None


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
