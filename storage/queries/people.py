"""People in the minutes: who attended, who represents whom, who someone is.

A person listed without an organisation keeps the one the minutes last stated
for them; the view then carries `evidence`, the meeting that stated it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session, joinedload

from storage.models import (
    Attendance,
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


@dataclass(frozen=True)
class Names:
    people: tuple[str, ...]
    organizations: tuple[str, ...]
    groups: dict[str, str]  # folded alias -> group name


def known_names(session: Session) -> Names:
    return Names(
        people=tuple(session.scalars(select(PersonName.name).order_by(PersonName.id))),
        organizations=tuple(session.scalars(select(Organization.name).order_by(Organization.id))),
        groups={a: g for a, g in session.execute(select(GroupAlias.alias, Group.name).join(Group))},
    )


def attendance_of(session: Session, meeting_id: int) -> list[AttendanceView]:
    """Everyone the meeting's minutes list, in list order."""
    rows = session.scalars(
        select(Attendance)
        .options(joinedload(Attendance.meeting).joinedload(Meeting.document))
        .where(Attendance.meeting_id == meeting_id)
        .order_by(Attendance.id)
    ).all()
    return _with_known_orgs(session, [_view(row) for row in rows])


def representatives(
    session: Session,
    *,
    municipality: str | None = None,
    organization: str | None = None,
    group: str | None = None,
    at: date | None = None,
) -> list[AttendanceView]:
    """Who represents a municipality or organisation: per group, the people the
    latest meeting (on or before `at`) lists for it."""
    orgs = _organization_ids(session, municipality, organization)
    if not orgs:
        return []
    until = datetime.combine(at or date.max - timedelta(days=1), time(0), STOCKHOLM) + timedelta(
        days=1
    )
    people = _people_last_stated_at(session, orgs)
    speaks_for = or_(
        Attendance.organization_id.in_(orgs),
        and_(Attendance.organization_id.is_(None), Attendance.person_id.in_(people or [-1])),
    )
    group_of = func.coalesce(Attendance.group_id, MeetingGroup.group_id)
    in_group = or_(Attendance.group_id.is_(None), Attendance.group_id == MeetingGroup.group_id)
    latest = (
        select(group_of.label("group_id"), func.max(Meeting.start).label("start"))
        .select_from(Attendance)
        .join(Meeting, Meeting.id == Attendance.meeting_id)
        .join(MeetingGroup, MeetingGroup.meeting_id == Meeting.id)
        .where(speaks_for, in_group, Meeting.start < until, Meeting.source == "minutes")
        .group_by(group_of)
    )
    if group is not None:
        latest = latest.join(Group, Group.id == group_of).where(Group.name == group)
    found: list[AttendanceView] = []
    for group_id, start in session.execute(latest).all():
        rows = session.scalars(
            select(Attendance)
            .options(joinedload(Attendance.meeting).joinedload(Meeting.document))
            .join(Meeting, Meeting.id == Attendance.meeting_id)
            .join(MeetingGroup, MeetingGroup.meeting_id == Meeting.id)
            .where(speaks_for, Meeting.start == start, MeetingGroup.group_id == group_id, in_group)
            .order_by(Attendance.id)
        ).unique()
        name = session.get(Group, group_id)
        found.extend(replace(_view(r), group=name.name if name else None) for r in rows)
    return _dedupe(_with_known_orgs(session, found))


def person_profile(session: Session, name: str) -> list[AttendanceView]:
    """Every listing of the person (all spellings), newest meeting first."""
    person_ids = _person_ids(session, name)
    if not person_ids:
        return []
    rows = session.scalars(
        select(Attendance)
        .options(joinedload(Attendance.meeting).joinedload(Meeting.document))
        .join(Meeting, Meeting.id == Attendance.meeting_id)
        .where(Attendance.person_id.in_(person_ids))
        .order_by(Meeting.start.desc())
        .limit(500)
    ).unique()
    views = [_with_group(session, r) for r in rows]
    return _with_known_orgs(session, views)


# -- helpers -------------------------------------------------------------------------


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
    return list(session.scalars(query))


def _people_last_stated_at(session: Session, orgs: list[int]) -> list[int]:
    """People whose most recently stated organisation is one of `orgs`."""
    candidates = set(
        session.scalars(select(Attendance.person_id).where(Attendance.organization_id.in_(orgs)))
    )
    stated = _last_stated(session, candidates)
    return [p for p, (org_id, _, _) in stated.items() if org_id in orgs]


def _last_stated(session: Session, person_ids: Iterable[int]) -> dict[int, tuple[int, date, str]]:
    """person -> (organisation id, meeting day, document) of the latest stated org."""
    ids = list(person_ids)
    if not ids:
        return {}
    rows = session.execute(
        select(Attendance.person_id, Attendance.organization_id, Meeting.start, Meeting.document_id)
        .join(Meeting, Meeting.id == Attendance.meeting_id)
        .where(Attendance.person_id.in_(ids), Attendance.organization_id.is_not(None))
        .order_by(Meeting.start)
    ).all()
    latest: dict[int, tuple[int, date, str]] = {}
    for person_id, org_id, start, document_id in rows:
        if org_id is not None and start is not None:
            latest[person_id] = (org_id, start.date(), str(document_id))
    return latest


def _with_known_orgs(session: Session, views: list[AttendanceView]) -> list[AttendanceView]:
    """Fill a missing organisation from what other minutes state, with evidence."""
    missing = {v.name for v in views if v.organization is None}
    if not missing:
        return views
    rows = session.execute(
        select(PersonName.name, PersonName.person_id).where(PersonName.name.in_(missing))
    )
    person_by_name = {name: person_id for name, person_id in rows}
    stated = _last_stated(session, person_by_name.values())
    orgs = {
        o.id: o
        for o in session.scalars(
            select(Organization).where(Organization.id.in_([s[0] for s in stated.values()] or [-1]))
        )
    }
    filled = []
    for view in views:
        known = stated.get(person_by_name.get(view.name, -1))
        if view.organization is None and known is not None:
            org = orgs[known[0]]
            view = replace(
                view,
                organization=org.name,
                municipality=org.municipality,
                evidence=f"{org.name} enligt mötet {known[1].isoformat()}",
            )
        filled.append(view)
    return filled


def _person_ids(session: Session, name: str) -> list[int]:
    key = fold(name)
    exact = list(session.scalars(select(PersonName.person_id).where(PersonName.key == key)))
    if exact:
        return list(dict.fromkeys(exact))
    matches = session.scalars(
        select(Person.id).where(func.lower(Person.name).contains(name.lower().strip()))
    ).all()
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


def _with_group(session: Session, row: Attendance) -> AttendanceView:
    view = _view(row)
    if view.group is None and row.meeting.groups:
        view = replace(view, group=", ".join(g.name for g in row.meeting.groups))
    return view


def _view(row: Attendance) -> AttendanceView:
    meeting = row.meeting
    org = row.organization
    assert meeting.start is not None
    return AttendanceView(
        name=row.person.name,
        organization=org.name if org else None,
        municipality=org.municipality if org else None,
        role=row.role,
        present=row.present,
        group=row.group.name if row.group else None,
        meeting_id=meeting.id,
        meeting_date=meeting.start.date(),
        document=meeting.document.name,
        title=row.title,
        party=row.party,
    )


def group_lists(views: Iterable[AttendanceView]) -> dict[str | None, list[AttendanceView]]:
    grouped: dict[str | None, list[AttendanceView]] = defaultdict(list)
    for view in views:
        grouped[view.group].append(view)
    return grouped
