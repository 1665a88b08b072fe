"""People in the minutes: who attended, who represents whom, who someone is.

A person listed without an organisation keeps the one the minutes last stated
for them; the view then carries `evidence`, the meeting that stated it.
Every query here walks an index on (organisation or person, meeting start), so
answers stay fast however many meetings the store holds.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import Session

from storage.models import (
    Attendance,
    Document,
    Group,
    GroupAlias,
    Meeting,
    MeetingGroup,
    Organization,
    Person,
    PersonName,
)
from storage.parsing.records import STOCKHOLM
from storage.registry import fold

PAGE = 500  # listings read per step when walking back in time


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
    # where the organisation was stated, when this meeting's list did not say
    evidence: str | None = None
    person_id: int = 0


@dataclass(frozen=True)
class Names:
    people: tuple[str, ...]
    organizations: tuple[str, ...]
    groups: dict[str, str]  # folded alias -> group name


def known_names(session: Session) -> Names:
    return Names(
        people=tuple(session.connection().scalars(select(PersonName.name).order_by(PersonName.id))),
        organizations=tuple(
            session.connection().scalars(select(Organization.name).order_by(Organization.id))
        ),
        groups={
            a: g
            for a, g in session.connection().execute(
                select(GroupAlias.alias, Group.name).join(Group)
            )
        },
    )


def attendance_of(session: Session, meeting_id: int) -> list[AttendanceView]:
    """Everyone the meeting's minutes list, in list order."""
    return _with_known_orgs(session, _views(session, Attendance.meeting_id == meeting_id))


def representatives(
    session: Session,
    *,
    municipality: str | None = None,
    organization: str | None = None,
    group: str | None = None,
    at: date | None = None,
    max_groups: int = 8,
) -> list[AttendanceView]:
    """Who represents a municipality or organisation: per group, the people the
    latest meeting (on or before `at`) lists for it. Without a group, the groups
    it was most recently listed in, at most `max_groups` of them."""
    orgs = _organization_ids(session, municipality, organization)
    if not orgs:
        return []
    last_day = at or date.max - timedelta(days=1)
    until = datetime.combine(last_day, time(0), STOCKHOLM) + timedelta(days=1)
    few = group is None and _group_count(session) <= max_groups
    if group is not None or few:
        # each group's own newest meetings: the walk stops at the group's first listing
        groups = _group_ids(session, group)
        latest = {
            group_id: listing
            for group_id in groups
            if (listing := _latest_in_group(session, orgs, group_id, until)) is not None
        }
    else:
        # many groups: the organisations' newest listings, until `max_groups` are seen
        latest = _latest_listing(session, orgs, until, max_groups)
        groups = _group_names(session, latest)
    meetings = {meeting_id for meeting_id, _ in latest.values()}
    listings = _views(
        session, Attendance.meeting_id.in_(meetings), Attendance.organization_id.in_(orgs)
    )
    found: list[AttendanceView] = []
    # the groups with the newest listing first
    newest_first = sorted(latest.items(), key=lambda kv: (-kv[1][1].timestamp(), kv[0]))
    for group_id, (meeting_id, start) in newest_first:
        name = groups[group_id]
        listed = [v for v in listings if v.meeting_id == meeting_id and v.group in (None, name)]
        later = _later_unlabelled(session, listed, orgs, group_id, start, until)
        found.extend(replace(v, group=name) for v in later or listed)
    return _dedupe(found)


def person_profile(session: Session, name: str) -> list[AttendanceView]:
    """Every listing of the person (all spellings), newest meeting first."""
    person_ids = _person_ids(session, name)
    if not person_ids:
        return []
    views = _views(session, Attendance.person_id.in_(person_ids), newest_first=True, limit=500)
    names = _group_ids(session, None)
    groups = _meeting_groups(session, {v.meeting_id for v in views if v.group is None})
    views = [
        v
        if v.group
        else replace(v, group=", ".join(names[g] for g in groups.get(v.meeting_id, ())))
        for v in views
    ]
    return _with_known_orgs(session, views)


# -- walking back in time -------------------------------------------------------------


def _latest_listing(
    session: Session, orgs: list[int], until: datetime, max_groups: int
) -> dict[int, tuple[int, datetime]]:
    """group id -> (meeting id, start) of the newest meeting listing someone for
    `orgs`, for the `max_groups` groups that listed them most recently: a walk
    back through the organisations' listings, newest first."""
    latest: dict[int, tuple[int, datetime]] = {}
    offset = 0
    while len(latest) < max_groups:
        rows = (
            session.connection()
            .execute(
                select(Attendance.meeting_id, Attendance.meeting_start, Attendance.group_id)
                .where(Attendance.organization_id.in_(orgs), Attendance.meeting_start < until)
                .order_by(Attendance.meeting_start.desc(), Attendance.id)
                .offset(offset)
                .limit(PAGE)
            )
            .all()
        )
        meeting_groups = _meeting_groups(session, {row[0] for row in rows if row[2] is None})
        for meeting_id, start, list_group in rows:
            for group_id in (list_group,) if list_group else meeting_groups.get(meeting_id, ()):
                if group_id not in latest and start is not None and len(latest) < max_groups:
                    latest[group_id] = (meeting_id, start)
        if len(rows) < PAGE:
            break
        offset += PAGE
    return latest


def _latest_in_group(
    session: Session, orgs: list[int], group_id: int, until: datetime
) -> tuple[int, datetime] | None:
    """(meeting id, start) of the group's newest meeting that lists someone for
    `orgs`: a walk back through the group's meetings, not the organisations'
    listings in every group."""
    listed = (
        select(Attendance.id)
        .where(
            Attendance.meeting_id == MeetingGroup.meeting_id,
            Attendance.organization_id.in_(orgs),
            or_(Attendance.group_id.is_(None), Attendance.group_id == group_id),
        )
        .exists()
    )
    row = (
        session.connection()
        .execute(
            select(MeetingGroup.meeting_id, MeetingGroup.start)
            .where(MeetingGroup.group_id == group_id, MeetingGroup.start < until, listed)
            .order_by(MeetingGroup.start.desc())
            .limit(1)
        )
        .first()
    )
    return (row[0], row[1]) if row is not None and row[1] is not None else None


def _later_unlabelled(
    session: Session,
    listed: list[AttendanceView],
    orgs: list[int],
    group_id: int,
    start: datetime,
    until: datetime,
) -> list[AttendanceView]:
    """The same people at a later meeting of the group whose list names no
    organisation for them, as long as they stated no other one in between."""
    people = {v.person_id: v for v in listed}
    if not people:
        return []
    rows = (
        session.connection()
        .execute(
            select(Attendance.meeting_id, Attendance.meeting_start)
            .where(
                Attendance.person_id.in_(people),
                Attendance.organization_id.is_(None),
                Attendance.meeting_start > start,
                Attendance.meeting_start < until,
            )
            .order_by(Attendance.meeting_start.desc())
            .limit(PAGE)
        )
        .all()
    )
    in_group = _meeting_groups(session, {row[0] for row in rows})
    for meeting_id, later in rows:
        if group_id not in in_group.get(meeting_id, ()):
            continue
        moved_on = set(
            session.connection().scalars(
                select(Attendance.person_id).where(
                    Attendance.person_id.in_(people),
                    Attendance.organization_id.is_not(None),
                    Attendance.organization_id.not_in(orgs),
                    Attendance.meeting_start > start,
                    Attendance.meeting_start <= later,
                )
            )
        )
        there = _views(
            session, Attendance.meeting_id == meeting_id, Attendance.person_id.in_(people)
        )
        kept = [
            replace(
                v,
                organization=people[v.person_id].organization,
                municipality=people[v.person_id].municipality,
                evidence=_evidence(people[v.person_id]),
            )
            for v in there
            if v.organization is None and v.person_id not in moved_on
        ]
        if kept:
            return kept
    return []


def _with_known_orgs(session: Session, views: list[AttendanceView]) -> list[AttendanceView]:
    """Fill a missing organisation from the latest listing that states one."""
    missing = {v.person_id for v in views if v.organization is None}
    stated: dict[int, AttendanceView] = {}
    for person_id in missing:
        latest = _views(
            session,
            Attendance.person_id == person_id,
            Attendance.organization_id.is_not(None),
            newest_first=True,
            limit=1,
        )
        if latest:
            stated[person_id] = latest[0]
    return [
        replace(
            view,
            organization=stated[view.person_id].organization,
            municipality=stated[view.person_id].municipality,
            evidence=_evidence(stated[view.person_id]),
        )
        if view.organization is None and view.person_id in stated
        else view
        for view in views
    ]


def _evidence(view: AttendanceView) -> str:
    return f"{view.organization} enligt mötet {view.meeting_date.isoformat()}"


# -- plain rows --------------------------------------------------------------------------


def _views(
    session: Session,
    *conditions: ColumnElement[bool],
    newest_first: bool = False,
    limit: int | None = None,
) -> list[AttendanceView]:
    query = (
        select(
            Person.name,
            Organization.name,
            Organization.municipality,
            Attendance.role,
            Attendance.present,
            Group.name,
            Attendance.meeting_id,
            Attendance.meeting_start,
            Document.name,
            Attendance.title,
            Attendance.party,
            Attendance.person_id,
        )
        .join(Person, Person.id == Attendance.person_id)
        .outerjoin(Organization, Organization.id == Attendance.organization_id)
        .outerjoin(Group, Group.id == Attendance.group_id)
        .join(Meeting, Meeting.id == Attendance.meeting_id)
        .join(Document, Document.id == Meeting.document_id)
        .where(*conditions)
    )
    if newest_first:
        query = query.order_by(Attendance.meeting_start.desc(), Attendance.id)
    else:
        query = query.order_by(Attendance.id)
    if limit is not None:
        query = query.limit(limit)
    return [_view(row) for row in session.connection().execute(query) if row[7] is not None]


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
    )


def _meeting_groups(session: Session, meeting_ids: Iterable[int]) -> dict[int, tuple[int, ...]]:
    ids = list(meeting_ids)
    if not ids:
        return {}
    found: dict[int, list[int]] = defaultdict(list)
    for meeting_id, group_id in session.connection().execute(
        select(MeetingGroup.meeting_id, MeetingGroup.group_id).where(
            MeetingGroup.meeting_id.in_(ids)
        )
    ):
        found[meeting_id].append(group_id)
    return {k: tuple(v) for k, v in found.items()}


def _group_count(session: Session) -> int:
    return session.connection().scalar(select(func.count()).select_from(Group)) or 0


def _group_names(session: Session, group_ids: Iterable[int]) -> dict[int, str]:
    ids = list(group_ids)
    if not ids:
        return {}
    return dict(
        session.connection().execute(select(Group.id, Group.name).where(Group.id.in_(ids))).all()
    )


def _group_ids(session: Session, group: str | None) -> dict[int, str]:
    query = select(Group.id, Group.name)
    if group is not None:
        query = query.where(Group.name == group)
    return {group_id: name for group_id, name in session.connection().execute(query)}


def _organization_ids(
    session: Session, municipality: str | None, organization: str | None
) -> list[int]:
    query = select(Organization.id)
    if municipality:
        query = query.where(Organization.municipality == municipality)
    elif organization:
        query = query.where(func.lower(Organization.name) == organization.lower())
    else:
        return []
    return list(session.connection().scalars(query))


def _person_ids(session: Session, name: str) -> list[int]:
    key = fold(name)
    exact = list(
        session.connection().scalars(select(PersonName.person_id).where(PersonName.key == key))
    )
    if exact:
        return list(dict.fromkeys(exact))
    matches = (
        session.connection()
        .scalars(select(Person.id).where(func.lower(Person.name).contains(name.lower().strip())))
        .all()
    )
    return list(dict.fromkeys(matches))


def _dedupe(views: list[AttendanceView]) -> list[AttendanceView]:
    seen: set[tuple[str, str | None, str]] = set()
    unique = []
    for view in views:
        key = (view.name, view.group, view.role)
        if key not in seen:
            seen.add(key)
            unique.append(view)
    return unique
