"""One minutes document from text to plain records: `parse_text` is the
parser's public entry point.

The document is cleaned (page furniture out), split into the preface and the
agenda items, and each part is read by its own helper: the preface for title,
group(s), time, place and attendance; the items for titles, presenters,
sub-headings and decisions; schedules and meeting notices for the meetings the
document plans. Nothing here raises: a helper that fails, or text that fits
nowhere, becomes a warning, and the loader decides what is an error.

Example:
    >>> doc = parse_text("Protokoll Chefsgrupp folkhälsa\\n\\nTid: 2023-09-08 kl. 13-16\\n\\n"
    ...     "1. Inledning\\n\\nAgendan godkändes.")
    >>> doc.meeting.groups, doc.meeting.start.hour, [i.title for i in doc.items]
    (('Chefsgrupp folkhälsa',), 13, ['Inledning'])
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from functools import partial
from typing import TypeVar

from storage.identity import same_person
from storage.parsing.adjusters import with_adjusters
from storage.parsing.decisions import find_decisions, self_names_for
from storage.parsing.header import Preface, read_preface
from storage.parsing.items import RawItem, build_items, split_items
from storage.parsing.officers import with_officers
from storage.parsing.people import (
    attendance_heading,
    parse_attendance,
    secretary_from_header,
    share_details,
)
from storage.parsing.presenters import KnownPeople
from storage.parsing.records import (
    AgendaItem,
    Attendee,
    Decision,
    MeetingRecord,
    ParsedDocument,
    Role,
    ScheduledMeeting,
)
from storage.parsing.schedule import (
    find_meeting_notes,
    is_schedule_heading,
    labelled_schedule,
    merge_schedule,
    parse_schedule,
)
from storage.parsing.secretary import take_signature, with_secretaries
from storage.parsing.text import clean_text, split_paragraphs
from storage.parsing.when_where import meeting_mode
from storage.registry import find_group, fold

log = logging.getLogger(__name__)
_T = TypeVar("_T")
_SHOWN = 80  # characters of an unplaced passage quoted in a warning
_UNPLACED_SHOWN = 3  # unplaced passages quoted one by one, the rest counted
_HEADING_CHARS = 80  # a schedule heading ("Kommande möten 2022:") is short
_LIST_LINE_WORDS = 12  # an attendance line is short: name, organisation, role


def parse_text(text: str, *, source_name: str = "") -> ParsedDocument:
    """Everything a set of minutes records, as plain data; never raises."""
    warnings: list[str] = []
    try:
        return _parse(text or "", source_name, warnings)
    except Exception as exc:  # the last guard: one odd file must not stop an ingest
        log.exception("parsing %s failed", source_name or "a document")
        warnings.append(f"the document could not be read: {type(exc).__name__}: {exc}")
        meeting = MeetingRecord(groups=(), start=None)
        return ParsedDocument(source_name, "", meeting, warnings=warnings, text=text or "")


def _parse(text: str, source_name: str, warnings: list[str]) -> ParsedDocument:
    cleaned = clean_text(text)
    split = split_items(cleaned.text.split("\n"))
    preface = read_preface(split.preface, cleaned.page_header)
    groups = tuple(_canonical(g) for g in preface.groups)
    lists = preface.attendance + _trailing_lists(split.items, warnings)
    attendees: list[Attendee] = _guard(warnings, "attendance", [], parse_attendance, lists, groups)
    people = KnownPeople.from_names(
        [a.name for a in attendees] + ([preface.case_officer] if preface.case_officer else [])
    )
    signed = _take_signature(split.items, split.preface, people)
    secretaries = _secretaries(preface, signed, attendees, warnings)
    attendees = _guard(warnings, "secretary", attendees, with_secretaries, attendees, secretaries)
    people = KnownPeople.from_names([a.name for a in attendees])
    items = _in_list_spelling(build_items(split.items, people), attendees)
    items = _with_decisions(items, groups, warnings)
    texts = [item.text for item in items]
    attendees = _guard(warnings, "justerare", attendees, with_adjusters, attendees, texts)
    attendees = _guard(warnings, "officers", attendees, with_officers, attendees, texts)
    attendees = _guard(warnings, "attendance", attendees, share_details, attendees)
    meeting = _meeting(preface, groups)
    reference = meeting.start.date() if meeting.start else preface.document_date
    schedule = _schedule(items, reference, groups, warnings)
    warnings.extend(_warnings(preface, meeting, items))
    return ParsedDocument(
        title=preface.title or source_name,
        kind=preface.kind,
        meeting=meeting,
        document_date=preface.document_date,
        adjusted_on=preface.adjusted_on,
        attendees=attendees,
        items=items,
        schedule=schedule,
        warnings=warnings,
        text=cleaned.text,
    )


def _guard(
    warnings: list[str], what: str, default: _T, function: Callable[..., _T], *args: object
) -> _T:
    """`function(*args)`, or `default` and a warning when a helper fails."""
    try:
        return function(*args)
    except Exception as exc:  # a helper's bug costs its part, not the document
        log.exception("%s failed", what)
        warnings.append(f"{what} could not be read: {type(exc).__name__}: {exc}")
        return default


def _canonical(group: str) -> str:
    known = find_group(group)
    return known.name if known else group


def _trailing_lists(items: Sequence[RawItem], warnings: list[str]) -> list[str]:
    """Lists after the last item ("Närvarolista", the signatures' "Justerare"),
    taken out of its text: a heading of its own followed only by short lines."""
    lines = items[-1].lines if items else []
    for index, line in enumerate(lines):
        if index and lines[index - 1].strip():
            continue
        heading = _guard(warnings, "attendance", None, attendance_heading, line)
        if heading is not None and all(
            len(rest.split()) <= _LIST_LINE_WORDS for rest in lines[index:]
        ):
            taken = lines[index:]
            del lines[index:]
            return taken
    return []


def _take_signature(
    items: Sequence[RawItem], preface: list[str], people: KnownPeople
) -> str | None:
    lines = items[-1].lines if items else preface
    return take_signature(lines, people)


def _secretaries(
    preface: Preface, signed: str | None, attendees: Sequence[Attendee], warnings: list[str]
) -> list[str]:
    """Secretaries from the page header; else the case officer or the signature."""
    found: list[Attendee] = _guard(
        warnings, "secretary", [], secretary_from_header, preface.secretary_lines
    )
    names = [a.name for a in found]
    if names or any(a.role is Role.SECRETARY for a in attendees):
        return names
    return [name for name in dict.fromkeys((preface.case_officer, signed)) if name]


def _in_list_spelling(items: list[AgendaItem], attendees: Sequence[Attendee]) -> list[AgendaItem]:
    """Presenters spelled as the attendance list spells them ("Norgren" -> "Nordgren")."""
    by_initials: dict[tuple[str, str], list[str]] = {}
    exact: dict[str, str] = {}
    for attendee in attendees:
        by_initials.setdefault(_initials(attendee.name), []).append(attendee.name)
        exact[fold(attendee.name)] = attendee.name

    def spelled(name: str) -> str:
        if " " not in name.strip() or fold(name) in exact:
            return exact.get(fold(name), name)
        candidates = by_initials.get(_initials(name), [])
        return next((known for known in candidates if same_person(known, name)), name)

    result = []
    for item in items:
        presenters = tuple(dict.fromkeys(spelled(name) for name in item.presenters))
        result.append(replace(item, presenters=presenters) if presenters else item)
    return result


def _initials(name: str) -> tuple[str, str]:
    words = fold(name).split()
    return (words[0][:1], words[-1][:1]) if words else ("", "")


def _with_decisions(
    items: list[AgendaItem], groups: Sequence[str], warnings: list[str]
) -> list[AgendaItem]:
    selves: tuple[str, ...] = _guard(warnings, "group names", (), self_names_for, groups)
    result = []
    for item in items:
        read = partial(find_decisions, item.text, self_names=selves, title=item.title)
        decisions: list[Decision] = _guard(
            warnings, f"decisions of item {item.number or item.title[:40]}", [], read
        )
        result.append(replace(item, decisions=tuple(decisions)))
    return result


def _meeting(preface: Preface, groups: tuple[str, ...]) -> MeetingRecord:
    when = preface.when
    return MeetingRecord(
        groups=groups,
        start=when.start if when else None,
        end=when.end if when else None,
        time_known=when.time_known if when else False,
        place=preface.place,
        mode=meeting_mode(preface.place, preface.stated_mode),
    )


def _schedule(
    items: Sequence[AgendaItem],
    reference: date | None,
    groups: Sequence[str],
    warnings: list[str],
) -> list[ScheduledMeeting]:
    """Schedule sections (found by their headings) and meetings named in running text."""
    if reference is None:
        return []
    found: list[ScheduledMeeting] = []
    for item in items:
        heading, section, running = _schedule_section(item, warnings)
        if heading is not None:
            lines = [line for paragraph in section for line in paragraph.split("\n")]
            read = partial(parse_schedule, lines, reference=reference, heading=heading)
            found += _guard(warnings, "schedule", [], read)
        if running:
            notes = partial(
                find_meeting_notes, "\n".join(running), reference=reference, own_groups=groups
            )
            found += _guard(warnings, "meeting notes", [], notes)
    return _guard(warnings, "schedule", found, merge_schedule, found)


def _schedule_section(
    item: AgendaItem, warnings: list[str]
) -> tuple[str | None, list[str], list[str]]:
    """(schedule heading, its paragraphs, the running text before it) of an item.

    The item is a schedule when its title is a schedule heading ("Mötestider
    2023"); otherwise a paragraph of its own may start one ("Kommande möten 2022:").
    """
    paragraphs = split_paragraphs(item.text)
    if _guard(warnings, "schedule heading", False, is_schedule_heading, item.title):
        return item.title, paragraphs, []
    for index, paragraph in enumerate(paragraphs):
        # a heading is a short line of its own: no need to ask about paragraphs
        if (
            len(paragraph) <= _HEADING_CHARS
            and "\n" not in paragraph
            and _guard(warnings, "schedule heading", False, is_schedule_heading, paragraph)
        ):
            return paragraph, paragraphs[index + 1 :], paragraphs[:index]
        # "Nästa möte: 9 april kl. 13–15": heading and dates on one line
        if labelled := labelled_schedule(paragraph.partition("\n")[0]):
            heading, dates = labelled
            return heading, [dates], paragraphs[:index]
    return None, [], paragraphs


def _warnings(preface: Preface, meeting: MeetingRecord, items: Sequence[AgendaItem]) -> list[str]:
    found = [
        f"text before the first agenda item was not understood: {_shorten(line)!r}"
        for line in preface.unplaced[:_UNPLACED_SHOWN]
    ]
    if len(preface.unplaced) > _UNPLACED_SHOWN:
        more = len(preface.unplaced) - _UNPLACED_SHOWN
        found.append(f"and {more} more lines before the first agenda item were not understood")
    if not items:
        found.append("no numbered agenda items were found")
    if meeting.start is None:
        found.append("the meeting's date was not found")
    if not meeting.groups:
        found.append("the group whose meeting this is was not found")
    return found


def _shorten(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…"
