"""Attendance listings as plain views, and the small look-ups the people queries
share (groups of meetings, organisation and person ids)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from sqlalchemy import Executable
from sqlalchemy.orm import Session

from storage.fast_reads import fetch_all
from storage.identity import person_key
from storage.lookups import group_names, lookups
from storage.parsing.records import STOCKHOLM
from storage.queries.people_statements import (
    GROUPS_OF_MEETINGS,
    PEOPLE_BY_KEY,
    PEOPLE_NAME_CONTAINS,
)
from storage.registry import fold


@dataclass(frozen=True)
class AttendanceView:
    name: str
    organization: str | None
    municipality: str | None
    role: str
    present: bool
    group: str | None
    meeting_id: int
    meeting_date: date
    document: str
    title: str | None = None
    party: str | None = None
    # the day of the meeting that stated the organisation, when this meeting's list did not
    evidence: date | None = None
    person_id: int = 0
    note: str | None = None  # "via Skype"


def _views(session: Session, statement: Executable, **params: Any) -> list[AttendanceView]:
    """The listings `statement` (one of the LISTED statements above) selects."""
    rows = fetch_all(session.connection(), statement, params)
    return [_view(row) for row in rows if row[7] is not None]


def _view(row: Any) -> AttendanceView:
    (
        name,
        org,
        municipality,
        role,
        present,
        group,
        meeting_id,
        start,
        document,
        title,
        party,
        pid,
        note,
    ) = row
    return AttendanceView(
        name=name,
        organization=org,
        municipality=municipality,
        role=role,
        present=present,
        group=group,
        meeting_id=meeting_id,
        meeting_date=start.astimezone(STOCKHOLM).date(),
        document=document,
        title=title,
        party=party,
        person_id=pid,
        note=note,
    )


def _meeting_groups(session: Session, meeting_ids: Iterable[int]) -> dict[int, tuple[int, ...]]:
    ids = list(meeting_ids)
    if not ids:
        return {}
    found: dict[int, list[int]] = defaultdict(list)
    for meeting_id, group_id in session.connection().execute(GROUPS_OF_MEETINGS, {"ids": ids}):
        found[meeting_id].append(group_id)
    return {k: tuple(v) for k, v in found.items()}


def with_meeting_groups(session: Session, views: list[AttendanceView]) -> list[AttendanceView]:
    """A list that names no group is its meeting's groups' (a joint meeting's: all)."""
    names = _group_ids(session, None)
    groups = _meeting_groups(session, {v.meeting_id for v in views if v.group is None})
    return [
        v
        if v.group
        else replace(v, group=", ".join(names[g] for g in groups.get(v.meeting_id, ())))
        for v in views
    ]


def groups_of(session: Session, views: Sequence[AttendanceView]) -> list[str]:
    """The groups of the meetings of these listings (a joint meeting's list for one
    group: that group), most listings first."""
    names = lookups(session).group_names
    known = set(names.values())
    of_meetings = _meeting_groups(session, {v.meeting_id for v in views if v.group not in known})
    counts: dict[str, int] = {}
    for view in views:
        if view.group in known:
            theirs = [str(view.group)]
        else:
            theirs = [names[g] for g in of_meetings.get(view.meeting_id, ()) if g in names]
        for name in theirs:
            counts[name] = counts.get(name, 0) + 1
    return sorted(counts, key=lambda name: -counts[name])


def _group_count(session: Session) -> int:
    return len(lookups(session).group_names)


def _group_names(session: Session, group_ids: Iterable[int]) -> dict[int, str]:
    wanted = list(dict.fromkeys(group_ids))
    names = group_names(session, wanted)
    return {g: names[g] for g in wanted if g in names}


def _group_ids(session: Session, group: str | None) -> dict[int, str]:
    known = lookups(session)
    if group is None:
        return dict(known.group_names)
    group_id = known.group_ids.get(group)
    return {} if group_id is None else {group_id: group}


def _organization_ids(
    session: Session, municipality: str | None, organization: str | None
) -> list[int]:
    known = lookups(session)
    if municipality:
        return list(known.municipality_orgs.get(municipality, ()))
    if organization:
        exact = known.organizations_named(organization)
        if exact:
            return exact
        # written otherwise: compared folded here (SQLite's lower() knows ASCII only)
        key = fold(organization)
        return [o for o, name in known.organization_names.items() if fold(name) == key]
    return []


def _person_ids(session: Session, name: str) -> list[int]:
    # keyed as stored: "Marie-Louise Forsberg-Fransson" is "marie louise forsberg fransson"
    key = person_key(name)
    if not key:
        return []
    exact = list(session.connection().scalars(PEOPLE_BY_KEY, {"key": key}))
    if exact:
        return list(dict.fromkeys(exact))
    return _person_ids_containing(session, key)


def _person_ids_containing(session: Session, key: str) -> list[int]:
    """The people part of whose name (folded, as `key` is) is `key`: "johansson"."""
    part = key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    matches = session.connection().execute(PEOPLE_NAME_CONTAINS, {"part": part}).all()
    # whole words first: "Johansson" is Tina and Pia-Maria Johansson, not Anna Swift Johannison
    # or a Johanssonsson; else the beginnings of words ("berg" in "Bergman"), never the
    # middle of one ("hanna" is not Johanna)
    words = [pid for pid, spelled in matches if f" {key} " in f" {spelled} "]
    starts = [pid for pid, spelled in matches if f" {key}" in f" {spelled}"]
    return list(dict.fromkeys(words or starts))


def _dedupe(views: list[AttendanceView]) -> list[AttendanceView]:
    seen: set[tuple[str, str | None, str]] = set()
    unique = []
    for view in views:
        key = (view.name, view.group, view.role)
        if key not in seen:
            seen.add(key)
            unique.append(view)
    return unique
