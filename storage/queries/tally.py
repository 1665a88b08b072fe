"""Attendance counted over meetings: who was absent most often, how many meetings a
person or a municipality took part in.

The meetings counted are those whose minutes hold an attendance list, of the groups
and the period asked, the newest `MAX_MEETINGS` of them; people are counted once per
meeting (a joint meeting lists someone once per group).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from typing import Any

from sqlalchemy import Executable, and_, case, exists, func, or_, select
from sqlalchemy.orm import Session, aliased

from storage.lookups import lookups
from storage.models import Attendance, Document, Meeting, MeetingGroup
from storage.parsing.records import STOCKHOLM
from storage.queries.people import _with_known_orgs
from storage.queries.people_rows import (
    AttendanceView,
    _organization_ids,
    _views,
    with_meeting_groups,
)
from storage.queries.people_statements import _LISTED, _OF_ORGS, _OF_PEOPLE
from storage.statements import in_list, param

MAX_MEETINGS = 500  # the newest meetings with a list that a count covers


@dataclass(frozen=True)
class Counted:
    """The meetings a count covers: (id, day, document) newest first, and how many
    meetings of the groups and period have a list (more than those counted when
    there are over MAX_MEETINGS)."""

    meetings: list[tuple[int, date, str]]
    total: int
    groups: tuple[str, ...] = ()  # the groups asked: a joint meeting's lists of others aside

    @property
    def ids(self) -> list[int]:
        return [meeting_id for meeting_id, _, _ in self.meetings]


@dataclass(frozen=True)
class PersonCount:
    person_id: int
    present: int  # meetings with the person listed as present
    listed: int  # meetings listing the person at all


def meetings_with_lists(
    session: Session,
    *,
    groups: Sequence[str] = (),
    start: datetime | None = None,
    end: datetime | None = None,
) -> Counted:
    """The newest meetings of `groups` (any, when none) in [start, end) whose
    minutes list who attended."""
    known = lookups(session)
    params: dict[str, Any] = {"limit": MAX_MEETINGS}
    if groups:
        params["groups"] = [known.group_ids[g] for g in groups if g in known.group_ids]
        if not params["groups"]:
            return Counted([], 0)
    if start is not None:
        params["start"] = start
    if end is not None:
        params["end"] = end
    statement = _meetings_listed(bool(groups), start is not None, end is not None)
    rows = session.connection().execute(statement, params).all()
    return Counted(
        [(row[0], row[1].astimezone(STOCKHOLM).date(), row[2]) for row in rows],
        rows[0][3] if rows else 0,
        tuple(groups),
    )


def people_counts(session: Session, counted: Counted) -> list[PersonCount]:
    """Everyone listed at the meetings counted: at how many of them present, at how
    many listed (a joint meeting's list for another group than those asked aside)."""
    params: dict[str, Any] = {"meetings": counted.ids}
    if counted.groups:
        known = lookups(session).group_ids
        params["groups"] = [known[g] for g in counted.groups if g in known]
    statement = _per_person(bool(counted.groups))
    rows = session.connection().execute(statement, params)
    return [PersonCount(pid, int(present or 0), int(listed)) for pid, present, listed in rows]


def listings_of_people(
    session: Session, counted: Counted, people: Sequence[int]
) -> list[AttendanceView]:
    """The listings of `people` at the meetings counted, newest first, organisations
    known."""
    if not counted.meetings or not people:
        return []
    found = _views(session, _PEOPLE_LISTED, meetings=counted.ids, people=list(people))
    return _of_groups(session, _with_known_orgs(session, found), counted)


def listings_of_place(
    session: Session,
    counted: Counted,
    *,
    municipality: str | None = None,
    organization: str | None = None,
) -> list[AttendanceView]:
    """The listings at `meetings` of a municipality's or organisation's people, those
    listed without an organisation whose latest stated one is theirs among them."""
    orgs = _organization_ids(session, municipality, organization)
    if not counted.meetings or not orgs:
        return []
    names = lookups(session).organization_names
    theirs = {names[o] for o in orgs if o in names}
    found = _views(session, _PLACE_LISTED, meetings=counted.ids, orgs=orgs)
    return [
        v
        for v in _of_groups(session, _with_known_orgs(session, found), counted)
        if v.organization in theirs
    ]


def listings_at(session: Session, counted: Counted) -> list[AttendanceView]:
    """Every listing at the meetings counted, organisations known."""
    if not counted.meetings:
        return []
    found = _views(session, _ALL_LISTED, meetings=counted.ids)
    return _of_groups(session, _with_known_orgs(session, found), counted)


def _of_groups(
    session: Session, views: list[AttendanceView], counted: Counted
) -> list[AttendanceView]:
    """A joint meeting lists people per group: only the lists of the groups asked; a
    list that names no group is its meeting's groups'."""
    if counted.groups:
        views = [v for v in views if v.group is None or v.group in counted.groups]
    return with_meeting_groups(session, views)


# -- statements (built once: see storage.statements) ---------------------------------


@cache
def _meetings_listed(group: bool, start: bool, end: bool) -> Executable:
    """The newest meetings with an attendance list of the groups and/or period given,
    each row with the count of them all."""
    conditions: list[Any] = [exists().where(Attendance.meeting_id == Meeting.id)]
    if group:
        conditions.append(
            Meeting.id.in_(
                select(MeetingGroup.meeting_id).where(in_list(MeetingGroup.group_id, "groups"))
            )
        )
    if start:
        conditions.append(Meeting.start >= param("start"))
    if end:
        conditions.append(Meeting.start < param("end"))
    return (
        select(Meeting.id, Meeting.start, Document.name, func.count().over())
        .join(Document, Document.id == Meeting.document_id)
        .where(Meeting.start.is_not(None), *conditions)
        .order_by(Meeting.start.desc(), Meeting.id.desc())
        .limit(param("limit"))
    )


_AT = in_list(Attendance.meeting_id, "meetings")


@cache
def _per_person(of_groups: bool) -> Executable:
    """Per person listed at the meetings: at how many present, at how many listed
    (with `of_groups`, in the lists of no group or of the groups bound)."""
    conditions = [_AT]
    if of_groups:
        conditions.append(
            or_(
                Attendance.group_id.is_(None),
                Attendance.group_id.in_(param("groups", expanding=True)),
            )
        )
    per_meeting = (
        select(
            Attendance.person_id.label("person_id"),
            func.max(case((Attendance.present, 1), else_=0)).label("there"),
        )
        .where(*conditions)
        .group_by(Attendance.person_id, Attendance.meeting_id)
        .subquery()
    )
    return select(per_meeting.c.person_id, func.sum(per_meeting.c.there), func.count()).group_by(
        per_meeting.c.person_id
    )


_NEWEST_FIRST = (Attendance.meeting_start.desc(), Attendance.id)
_PEOPLE_LISTED = _LISTED.where(_AT, _OF_PEOPLE).order_by(*_NEWEST_FIRST)
_STATED = aliased(Attendance)  # a listing that states the organisation
_PLACE_LISTED = _LISTED.where(
    _AT,
    or_(
        _OF_ORGS,
        and_(
            Attendance.organization_id.is_(None),
            Attendance.person_id.in_(
                select(_STATED.person_id).where(
                    _STATED.organization_id.in_(param("orgs", expanding=True))
                )
            ),
        ),
    ),
).order_by(*_NEWEST_FIRST)
_ALL_LISTED = _LISTED.where(_AT).order_by(*_NEWEST_FIRST)
