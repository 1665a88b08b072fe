"""The statements behind `storage.queries.people`, built once (see storage.statements)."""

from __future__ import annotations

from sqlalchemy import func, or_, select

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
from storage.statements import in_list, param

PAGE = 500  # listings read per step when walking back in time
FIRST_PAGE = 64  # the first step of a walk that usually ends soon

PEOPLE_NAMES = select(PersonName.name).order_by(PersonName.id)
GROUP_ALIASES = select(GroupAlias.alias, Group.name).join(Group)

_MEETING = param("meeting")
# Lists that filter (organisations, people) stay IN lists of their values: PostgreSQL
# plans them for those values (a generic plan for `= ANY(:orgs)` walked every listing
# by date to find a small town's: 107 ms against 1). Lists of ids are `in_list`.
_OF_ORGS = Attendance.organization_id.in_(param("orgs", expanding=True))
_OF_PEOPLE = Attendance.person_id.in_(param("people", expanding=True))
_AT_MEETINGS = Attendance.meeting_id.in_(param("meetings", expanding=True))
_UNTIL, _AFTER = param("until"), param("after")

_LISTED = (
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
        Attendance.note,
    )
    .join(Person, Person.id == Attendance.person_id)
    .outerjoin(Organization, Organization.id == Attendance.organization_id)
    .outerjoin(Group, Group.id == Attendance.group_id)
    .join(Meeting, Meeting.id == Attendance.meeting_id)
    .join(Document, Document.id == Meeting.document_id)
)
_NEWEST_FIRST = (Attendance.meeting_start.desc(), Attendance.id)
LISTED_AT_MEETING = _LISTED.where(Attendance.meeting_id == _MEETING).order_by(Attendance.id)
LISTED_FOR_ORGANIZATIONS = _LISTED.where(_AT_MEETINGS, _OF_ORGS).order_by(Attendance.id)
PEOPLE_AT_MEETING = _LISTED.where(Attendance.meeting_id == _MEETING, _OF_PEOPLE).order_by(
    Attendance.id
)
LISTINGS_OF_PEOPLE = _LISTED.where(_OF_PEOPLE).order_by(*_NEWEST_FIRST).limit(500)
# The listings of the people a name is written as (its key): the person's ids and
# their listings in one statement.
LISTINGS_OF_KEY = (
    _LISTED.where(
        Attendance.person_id.in_(
            select(PersonName.person_id).where(PersonName.key == param("key")).scalar_subquery()
        )
    )
    .order_by(*_NEWEST_FIRST)
    .limit(500)
)
# The newest listings with a note ("via Skype"), before `until`: the rare listings
# with a note are read, and matched by the caller.
LISTINGS_WITH_NOTES = (
    _LISTED.where(Attendance.note.is_not(None), Attendance.meeting_start < _UNTIL)
    .order_by(*_NEWEST_FIRST)
    .limit(PAGE)
)
LISTINGS_BY_IDS = _LISTED.where(in_list(Attendance.id, "ids")).order_by(*_NEWEST_FIRST)
# Each of these people's latest listing that states an organisation, in one statement.
_STATED_RANKED = (
    select(
        Attendance.id.label("id"),
        func.row_number()
        .over(partition_by=Attendance.person_id, order_by=_NEWEST_FIRST)
        .label("rank"),
    )
    .where(_OF_PEOPLE, Attendance.organization_id.is_not(None))
    .subquery()
)
LATEST_STATED_OF_PEOPLE = _LISTED.join(_STATED_RANKED, _STATED_RANKED.c.id == Attendance.id).where(
    _STATED_RANKED.c.rank == 1
)

# The organisations' listings before `until`, newest first, a page at a time.
LISTINGS_OF_ORGANIZATIONS = (
    select(Attendance.meeting_id, Attendance.meeting_start, Attendance.group_id)
    .where(_OF_ORGS, Attendance.meeting_start < _UNTIL)
    .order_by(*_NEWEST_FIRST)
    .offset(param("offset"))
    .limit(param("limit"))
)
# The group's newest meeting before `until` that lists someone for the organisations.
LATEST_LISTING_IN_GROUP = (
    select(MeetingGroup.meeting_id, MeetingGroup.start)
    .where(
        MeetingGroup.group_id == param("group"),
        MeetingGroup.start < _UNTIL,
        select(Attendance.id)
        .where(
            Attendance.meeting_id == MeetingGroup.meeting_id,
            _OF_ORGS,
            or_(Attendance.group_id.is_(None), Attendance.group_id == param("group")),
        )
        .exists(),
    )
    .order_by(MeetingGroup.start.desc())
    .limit(1)
)
# Of these meetings, those whose list names someone without an organisation.
UNLABELLED_AT = (
    select(Attendance.meeting_id)
    .where(_AT_MEETINGS, Attendance.organization_id.is_(None))
    .distinct()
)
# Later meetings that list these people without an organisation.
UNLABELLED_LATER = (
    select(Attendance.meeting_id, Attendance.meeting_start, Attendance.person_id)
    .where(
        _OF_PEOPLE,
        Attendance.organization_id.is_(None),
        Attendance.meeting_start > _AFTER,
        Attendance.meeting_start < _UNTIL,
    )
    .order_by(Attendance.meeting_start.desc())
    .limit(PAGE)
)
# Those of these people who stated another organisation in between.
MOVED_ON = select(Attendance.person_id).where(
    _OF_PEOPLE,
    Attendance.organization_id.is_not(None),
    Attendance.organization_id.not_in(param("orgs", expanding=True)),
    Attendance.meeting_start > _AFTER,
    Attendance.meeting_start <= _UNTIL,
)

GROUPS_OF_MEETINGS = select(MeetingGroup.meeting_id, MeetingGroup.group_id).where(
    in_list(MeetingGroup.meeting_id, "ids")
)
PEOPLE_BY_KEY = select(PersonName.person_id).where(PersonName.key == param("key"))
# part of a spelling, folded (keys are folded, so no lower() that knows ASCII only)
PEOPLE_NAME_CONTAINS = select(PersonName.person_id, PersonName.key).where(
    PersonName.key.contains(param("part"), escape="\\")
)
