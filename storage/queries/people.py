"""People in the minutes: who attended, who represents whom, who someone is.

A person listed without an organisation keeps the one the minutes last stated
for them; the view then carries `evidence`, the meeting that stated it.
Every query here walks an index on (organisation or person, meeting start), so
answers stay fast however many meetings the store holds.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

from sqlalchemy.orm import Session

from storage.identity import person_key
from storage.lookups import lookups
from storage.parsing.records import STOCKHOLM
from storage.queries.people_rows import (
    AttendanceView,
    _dedupe,
    _group_count,
    _group_ids,
    _group_names,
    _meeting_groups,
    _organization_ids,
    _person_ids,
    _person_ids_containing,
    _views,
    with_meeting_groups,
)
from storage.queries.people_statements import (
    FIRST_PAGE,
    GROUP_ALIASES,
    LATEST_LISTING_IN_GROUP,
    LATEST_STATED_OF_PEOPLE,
    LISTED_AT_MEETING,
    LISTED_FOR_ORGANIZATIONS,
    LISTINGS_OF_KEY,
    LISTINGS_OF_ORGANIZATIONS,
    LISTINGS_OF_PEOPLE,
    LISTINGS_WITH_NOTES,
    MOVED_ON,
    PAGE,
    PEOPLE_AT_MEETING,
    PEOPLE_NAMES,
    UNLABELLED_AT,
    UNLABELLED_LATER,
)
from storage.queries.presented import presenter_names
from storage.registry import fold

# Listed at a meeting without representing anyone there: guests, the secretary and
# the officials who serve the group (tjänstepersoner).
NOT_SEATS = frozenset(("gäst", "sekreterare", "tjänsteperson"))


@dataclass(frozen=True)
class Names:
    people: tuple[str, ...]
    organizations: tuple[str, ...]
    groups: dict[str, str]  # folded alias -> group name


def known_names(session: Session) -> Names:
    """The names a question may mention (the organisations from the session's lookups)."""
    connection = session.connection()
    return Names(
        # presenters on no attendance list too: "vem är Åsa Kindahl?"
        people=(*connection.scalars(PEOPLE_NAMES), *presenter_names(session)),
        organizations=tuple(lookups(session).organization_names.values()),
        groups=dict(connection.execute(GROUP_ALIASES).all()),
    )


def attendance_of(session: Session, meeting_id: int) -> list[AttendanceView]:
    """Everyone the meeting's minutes list, in list order."""
    return _with_known_orgs(session, _views(session, LISTED_AT_MEETING, meeting=meeting_id))


def attendance_noted(session: Session, word: str, before: datetime) -> list[AttendanceView]:
    """The listings at the newest meeting before `before` whose note has `word`
    ("skype" finds "via Skype")."""
    key = fold(word)
    rows = _views(session, LISTINGS_WITH_NOTES, until=before)
    found = [v for v in rows if key in fold(v.note or "")]
    return [v for v in found if v.meeting_id == found[0].meeting_id] if found else []


def person_ids(session: Session, name: str) -> list[int]:
    """The people a name (any spelling, or a part of one) stands for."""
    return _person_ids(session, name)


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
    listings = _seats(_views(session, LISTED_FOR_ORGANIZATIONS, meetings=list(meetings), orgs=orgs))
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
    # lists that name someone without an organisation ("Haster Karin"): read at once
    unlabelled = set(session.connection().scalars(UNLABELLED_AT, {"meetings": list(meetings)}))
    listed = {
        group_id: _with_earlier_members(session, seen, latest[group_id][0], orgs, groups[group_id])
        if latest[group_id][0] in unlabelled or not seen.views
        else seen
        for group_id, seen in listed.items()
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


def _with_earlier_members(
    session: Session, seen: Listed, meeting_id: int, orgs: list[int], group: str
) -> Listed:
    """The group's newest listing, with the members its list names without an
    organisation ("Haster Karin") whom the group's previous listing gave one of
    `orgs`, as long as they stated no other one since. With no member of its own
    (guests only), the previous listing."""
    params = {"orgs": orgs, "group": seen.group_id, "until": seen.start}
    row = session.connection().execute(LATEST_LISTING_IN_GROUP, params).first()
    if row is None or row[1] is None:
        return seen
    earlier = [
        v
        for v in _seats(_views(session, LISTED_FOR_ORGANIZATIONS, meetings=[row[0]], orgs=orgs))
        if v.group in (None, group)
    ]
    known = {v.person_id for v in seen.views}
    missing = {v.person_id: v for v in earlier if v.person_id not in known}
    kept = _still_theirs(session, missing, orgs, row[1], meeting_id, seen.start) if missing else []
    if seen.views or kept:
        return replace(seen, views=[*seen.views, *kept])
    return Listed(seen.group_id, row[1], earlier)


def _seats(views: list[AttendanceView]) -> list[AttendanceView]:
    """Those who sit in the group for their organisation: not guests, not the secretary,
    not the officials."""
    return [v for v in views if v.role not in NOT_SEATS]


def person_profile(session: Session, name: str) -> list[AttendanceView]:
    """Every listing of the person (all spellings), newest meeting first; of every
    person a part of a name stands for ("Johansson")."""
    key = person_key(name)
    if not key:
        return []
    # a whole name as stored: the person and their listings in one statement
    views = _views(session, LISTINGS_OF_KEY, key=key)
    if not views:
        person_ids = _person_ids_containing(session, key)
        if not person_ids:
            return []
        views = _views(session, LISTINGS_OF_PEOPLE, people=person_ids)
    return _with_known_orgs(session, with_meeting_groups(session, views))


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
    if missing:  # one statement for them all, not one per person
        latest = _views(session, LATEST_STATED_OF_PEOPLE, people=list(missing))
        stated = {v.person_id: v for v in latest}
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


def _evidence(view: AttendanceView) -> date:
    return view.meeting_date
