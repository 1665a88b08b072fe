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

from sqlalchemy import Executable
from sqlalchemy.orm import Session

from storage.lookups import lookups
from storage.parsing.records import STOCKHOLM
from storage.queries.people_statements import (
    FIRST_PAGE,
    GROUP_ALIASES,
    GROUPS_OF_MEETINGS,
    LATEST_LISTING_IN_GROUP,
    LATEST_STATED,
    LISTED_AT_MEETING,
    LISTED_FOR_ORGANIZATIONS,
    LISTINGS_OF_ORGANIZATIONS,
    LISTINGS_OF_PEOPLE,
    MOVED_ON,
    PAGE,
    PEOPLE_AT_MEETING,
    PEOPLE_BY_KEY,
    PEOPLE_NAME_CONTAINS,
    PEOPLE_NAMES,
    UNLABELLED_LATER,
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
    # where the organisation was stated, when this meeting's list did not say
    evidence: str | None = None
    person_id: int = 0


@dataclass(frozen=True)
class Names:
    people: tuple[str, ...]
    organizations: tuple[str, ...]
    groups: dict[str, str]  # folded alias -> group name


def known_names(session: Session) -> Names:
    """The names a question may mention (the organisations from the session's lookups)."""
    connection = session.connection()
    return Names(
        people=tuple(connection.scalars(PEOPLE_NAMES)),
        organizations=tuple(lookups(session).organization_names.values()),
        groups=dict(connection.execute(GROUP_ALIASES).all()),
    )


def attendance_of(session: Session, meeting_id: int) -> list[AttendanceView]:
    """Everyone the meeting's minutes list, in list order."""
    return _with_known_orgs(session, _views(session, LISTED_AT_MEETING, meeting=meeting_id))


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
    listings = _views(session, LISTED_FOR_ORGANIZATIONS, meetings=list(meetings), orgs=orgs)
    # the groups with the newest listing first
    newest_first = sorted(latest.items(), key=lambda kv: (-kv[1][1].timestamp(), kv[0]))
    listed = {
        group_id: Listed(
            group_id,
            start,
            [
                v
                for v in listings
                if v.meeting_id == meeting_id and v.group in (None, groups[group_id])
            ],
        )
        for group_id, (meeting_id, start) in newest_first
    }
    later = _later_unlabelled(session, list(listed.values()), orgs, until)
    found: list[AttendanceView] = []
    for group_id, seen in listed.items():
        name = groups[group_id]
        found.extend(replace(v, group=name) for v in later.get(group_id) or seen.views)
    return _dedupe(found)


@dataclass(frozen=True)
class Listed:
    """A group's newest listing of an organisation's people."""

    group_id: int
    start: datetime
    views: list[AttendanceView]


def person_profile(session: Session, name: str) -> list[AttendanceView]:
    """Every listing of the person (all spellings), newest meeting first."""
    person_ids = _person_ids(session, name)
    if not person_ids:
        return []
    views = _views(session, LISTINGS_OF_PEOPLE, people=person_ids)
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
    offset, page = 0, FIRST_PAGE
    while len(latest) < max_groups:
        window = {"orgs": orgs, "until": until, "offset": offset, "limit": page}
        rows = session.connection().execute(LISTINGS_OF_ORGANIZATIONS, window).all()
        meeting_groups = _meeting_groups(session, {row[0] for row in rows if row[2] is None})
        for meeting_id, start, list_group in rows:
            for group_id in (list_group,) if list_group else meeting_groups.get(meeting_id, ()):
                if group_id not in latest and start is not None and len(latest) < max_groups:
                    latest[group_id] = (meeting_id, start)
        if len(rows) < page:
            break
        offset, page = offset + page, PAGE
    return latest


def _latest_in_group(
    session: Session, orgs: list[int], group_id: int, until: datetime
) -> tuple[int, datetime] | None:
    """(meeting id, start) of the group's newest meeting that lists someone for
    `orgs`: a walk back through the group's meetings, not the organisations'
    listings in every group."""
    params = {"orgs": orgs, "group": group_id, "until": until}
    row = session.connection().execute(LATEST_LISTING_IN_GROUP, params).first()
    return (row[0], row[1]) if row is not None and row[1] is not None else None


def _later_unlabelled(
    session: Session, listed: list[Listed], orgs: list[int], until: datetime
) -> dict[int, list[AttendanceView]]:
    """Per group: the same people at a later meeting of the group whose list
    names no organisation for them, as long as they stated no other one in
    between. The later listings of every group's people are read at once (there
    are seldom any); only when they fill a page is each group read on its own."""
    people = {v.person_id for seen in listed for v in seen.views}
    if not people:
        return {}
    window = {"people": list(people), "after": min(seen.start for seen in listed), "until": until}
    rows = session.connection().execute(UNLABELLED_LATER, window).all()
    if len(rows) >= PAGE and len(listed) > 1:
        return {
            seen.group_id: found
            for seen in listed
            if (found := _later_unlabelled(session, [seen], orgs, until).get(seen.group_id))
        }
    in_group = _meeting_groups(session, {row[0] for row in rows})
    later: dict[int, list[AttendanceView]] = {}
    for seen in listed:
        mine = {v.person_id: v for v in seen.views}
        meetings = dict.fromkeys(
            (meeting_id, start)
            for meeting_id, start, person_id in rows
            if person_id in mine
            and start is not None
            and start > seen.start
            and seen.group_id in in_group.get(meeting_id, ())
        )
        for meeting_id, start in meetings:
            if kept := _still_theirs(session, mine, orgs, seen.start, meeting_id, start):
                later[seen.group_id] = kept
                break
    return later


def _still_theirs(
    session: Session,
    people: dict[int, AttendanceView],
    orgs: list[int],
    after: datetime,
    meeting_id: int,
    start: datetime,
) -> list[AttendanceView]:
    """`people` at this later meeting, listed without an organisation, with the one
    they last stated (unless they stated another one since `after`)."""
    window = {"people": list(people), "after": after, "orgs": orgs, "until": start}
    moved_on = set(session.connection().scalars(MOVED_ON, window))
    there = _views(session, PEOPLE_AT_MEETING, meeting=meeting_id, people=list(people))
    return [
        replace(
            v,
            organization=people[v.person_id].organization,
            municipality=people[v.person_id].municipality,
            evidence=_evidence(people[v.person_id]),
        )
        for v in there
        if v.organization is None and v.person_id not in moved_on
    ]


def _with_known_orgs(session: Session, views: list[AttendanceView]) -> list[AttendanceView]:
    """Fill a missing organisation from the latest listing that states one."""
    missing = {v.person_id for v in views if v.organization is None}
    stated: dict[int, AttendanceView] = {}
    for person_id in missing:
        latest = _views(session, LATEST_STATED, person=person_id)
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


def _views(session: Session, statement: Executable, **params: Any) -> list[AttendanceView]:
    """The listings `statement` (one of the LISTED statements above) selects."""
    rows = session.connection().execute(statement, params)
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
    for meeting_id, group_id in session.connection().execute(GROUPS_OF_MEETINGS, {"ids": ids}):
        found[meeting_id].append(group_id)
    return {k: tuple(v) for k, v in found.items()}


def _group_count(session: Session) -> int:
    return len(lookups(session).group_names)


def _group_names(session: Session, group_ids: Iterable[int]) -> dict[int, str]:
    names = lookups(session).group_names
    return {g: names[g] for g in group_ids if g in names}


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
    key = fold(name)
    exact = list(session.connection().scalars(PEOPLE_BY_KEY, {"key": key}))
    if exact:
        return list(dict.fromkeys(exact))
    part = key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    matches = session.connection().scalars(PEOPLE_NAME_CONTAINS, {"part": part})
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
