"""Meetings as the store knows them, merged across documents.

The rows of every document that speaks of the meetings asked about, read with
statements built once, merged by `storage.queries.merging`.

    >>> next_meetings(session, now)[0].start.isoformat()
    '2026-12-11T13:00:00+01:00'
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from typing import Any, cast

from sqlalchemy import Executable, Text, and_, or_, select, union_all
from sqlalchemy import cast as as_type
from sqlalchemy.orm import Session, aliased

from storage.fast_reads import fetch_all, fetch_scalar, fetch_scalars
from storage.lookups import group_ids, group_names
from storage.models import Document, Group, Meeting, MeetingGroup
from storage.models import ScheduleSpan as SpanRow
from storage.parsing.adjusted import Adjusted, adjusted_on
from storage.parsing.records import STOCKHOLM
from storage.queries.merging import WHOLE_DAY, MeetingView, ScheduleSpan, merge
from storage.statements import in_list, param

# The end of "from now on".
FAR_FUTURE = datetime(9000, 1, 1, tzinfo=STOCKHOLM)
# How far back a meeting under way may have begun (an internat of a few days).
LONGEST_MEETING = timedelta(days=6)

COLUMNS = (
    Meeting.id,
    Meeting.start,
    Meeting.end,
    Meeting.time_known,
    Meeting.place,
    Meeting.mode,
    Meeting.status,
    Meeting.moved_from,
    Meeting.note,
    # as stored text: almost always "[]", which needs no JSON decoding (a list decoded
    # per row was a tenth of a meeting list's client time on PostgreSQL)
    as_type(Meeting.joint_with, Text),
    Meeting.source,
    Document.name,
    Document.document_date,
)


# -- statements (built once: see storage.statements) ---------------------------------

_START, _END, _AT = param("start"), param("end"), param("at")
_GROUP, _ID = param("group"), param("id")
_LIMIT, _OFFSET = param("limit"), param("offset")

_IN_WINDOW = and_(Meeting.start >= _START, Meeting.start < _END)
# A group's meetings in the window: the (group, start) index of meeting_groups.
_GROUP_WINDOW = (
    select(MeetingGroup.meeting_id)
    .join(Group, Group.id == MeetingGroup.group_id)
    .where(Group.name == _GROUP, MeetingGroup.start >= _START, MeetingGroup.start < _END)
)
_MOVED_HERE = and_(Meeting.moved_from >= _START, Meeting.moved_from < _END)
_FROM_MINUTES = Meeting.source == "minutes"

# A joint meeting comes back once per group; the rows fold into one view. The groups'
# names are the lookups' (storage.lookups.group_names): a join fewer to plan, 0.36 ->
# 0.22 ms of planning for a day's meetings at 100,000 meetings. (No ORDER BY: ordering
# by id would lead SQLite to walk the whole table instead of the index the conditions
# select by.)
_VIEWS = (
    select(*COLUMNS, MeetingGroup.group_id)
    .join(Document, Document.id == Meeting.document_id)
    .outerjoin(MeetingGroup, MeetingGroup.meeting_id == Meeting.id)
)
VIEWS_IN_WINDOW_OR_MOVED_HERE = _VIEWS.where(or_(_IN_WINDOW, _MOVED_HERE))
# A group's meetings in the window and every meeting moved away from a day in it, in
# one read: a union of the two index ranges' ids (an OR of the IN (subquery) with the
# moved_from range would read every meeting on PostgreSQL).
_MOVED = aliased(Meeting)
VIEWS_OF_GROUP_IN_WINDOW_OR_MOVED_HERE = _VIEWS.where(
    Meeting.id.in_(
        union_all(
            _GROUP_WINDOW,
            select(_MOVED.id).where(_MOVED.moved_from >= _START, _MOVED.moved_from < _END),
        )
    )
)
VIEWS_MOVED_HERE = _VIEWS.where(_MOVED_HERE)
MINUTES_IN_WINDOW = _VIEWS.where(_IN_WINDOW, _FROM_MINUTES)
MINUTES_OF_GROUP_IN_WINDOW = _VIEWS.where(Meeting.id.in_(_GROUP_WINDOW), _FROM_MINUTES)
VIEWS_BY_IDS = _VIEWS.where(in_list(Meeting.id, "ids"))
# Begun in [start, end) and ending at `end` or later: meetings of several days.
VIEWS_RUNNING_INTO = _VIEWS.where(_IN_WINDOW, Meeting.end >= _END)
VIEW_BY_ID = _VIEWS.where(Meeting.id == _ID)

# When the n-th stored meeting in the window starts: an index walk of n entries.
NTH_START = select(Meeting.start).where(_IN_WINDOW).order_by(Meeting.start).offset(_OFFSET).limit(1)
NTH_START_OF_GROUP = (
    select(MeetingGroup.start)
    .join(Group, Group.id == MeetingGroup.group_id)
    .where(Group.name == _GROUP, MeetingGroup.start >= _START, MeetingGroup.start < _END)
    .order_by(MeetingGroup.start)
    .offset(_OFFSET)
    .limit(1)
)
# The latest meetings begun by `at`: one walk down a start index.
_LATEST = select(Meeting.id).where(Meeting.start <= _AT).order_by(Meeting.start.desc())
_LATEST_OF_GROUP = (
    select(MeetingGroup.meeting_id)
    .join(Group, Group.id == MeetingGroup.group_id)
    .join(Meeting, Meeting.id == MeetingGroup.meeting_id)
    .where(Group.name == _GROUP, MeetingGroup.start <= _AT)
    .order_by(MeetingGroup.start.desc())
)
LATEST = {
    (False, False): _LATEST.limit(_LIMIT),
    (False, True): _LATEST.where(_FROM_MINUTES).limit(_LIMIT),
    (True, False): _LATEST_OF_GROUP.limit(_LIMIT),
    (True, True): _LATEST_OF_GROUP.where(_FROM_MINUTES).limit(_LIMIT),
}  # (of a group, minutes only) -> statement


def _views(session: Session, statement: Executable, **params: Any) -> list[MeetingView]:
    """The meetings `statement` (one of the VIEWS statements above) selects, as views."""
    rows = fetch_all(session.connection(), statement, params)
    groups: dict[int, list[int]] = defaultdict(list)
    first: dict[int, Any] = {}
    for row in rows:
        first.setdefault(row[0], row)
        if row[-1] is not None:
            groups[row[0]].append(cast(int, row[-1]))
    names = group_names(session, {g for found in groups.values() for g in found})
    return [
        _view(row[:-1], tuple(names[g] for g in sorted(groups[meeting_id])))
        for meeting_id, row in first.items()
        if row[1] is not None
    ]


def meetings_between(
    session: Session,
    start: datetime,
    end: datetime,
    *,
    group: str | None = None,
    limit: int | None = None,
    status: str | None = None,
    ending_after: datetime | None = None,
) -> list[MeetingView]:
    """Meetings starting in [start, end), merged, in time order (all statuses, or
    those with `status`; only those not over by `ending_after` when given); the
    first `limit` of them when given.

    With a limit the period is read in windows of whole days, each ending after
    about as many stored rows as are still wanted, so a long period in a large
    store costs what the answer shows, not what the period holds. (Merging works
    day by day, so windows of whole days give the same meetings as one read.)"""
    if limit is None:
        return _merged(session, start, end, group, status, ending_after)
    found: list[MeetingView] = []
    while start < end and len(found) < limit:
        wanted = limit - len(found)
        horizon = _nth_start(session, start, end, group, wanted + wanted // 4 + 1)
        stop = min(end, _next_midnight(horizon)) if horizon is not None else end
        found.extend(_merged(session, start, stop, group, status, ending_after))
        start = stop
    return found[:limit]


def _merged(
    session: Session,
    start: datetime,
    end: datetime,
    group: str | None,
    status: str | None,
    ending_after: datetime | None = None,
) -> list[MeetingView]:
    # The window's meetings and those moved away from days in it, in one read.
    window = {"start": start, "end": end}
    if group is None:
        read = _views(session, VIEWS_IN_WINDOW_OR_MOVED_HERE, **window)
    else:
        read = _views(session, VIEWS_OF_GROUP_IN_WINDOW_OR_MOVED_HERE, group=group, **window)
    views = [v for v in read if start <= v.start < end and (group is None or group in v.groups)]
    planned = {g for v in views if not v.has_minutes for g in v.groups}
    spans = _schedule_spans(session, start, end, planned) if planned else []
    merged = merge(views, _moved_away(read, start, end), spans)
    return [
        m
        for m in merged
        if (status is None or m.status == status)
        and (ending_after is None or m.finish > ending_after)
    ]


def _nth_start(
    session: Session, start: datetime, end: datetime, group: str | None, n: int
) -> datetime | None:
    """When the n-th stored meeting in [start, end) starts (None: fewer are stored)."""
    window = {"start": start, "end": end, "offset": max(0, n - 1)}
    if group is None:
        found = fetch_scalar(session.connection(), NTH_START, window)
    else:
        found = fetch_scalar(session.connection(), NTH_START_OF_GROUP, {"group": group, **window})
    return cast(datetime | None, found)


def _next_midnight(moment: datetime) -> datetime:
    """The start of the day after `moment`'s (Stockholm) day."""
    return datetime.combine(moment.astimezone(STOCKHOLM).date() + WHOLE_DAY, time(0), STOCKHOLM)


def meetings_moved_from(
    session: Session, start: datetime, end: datetime, *, group: str | None = None
) -> list[MeetingView]:
    """Meetings moved away from days in [start, end), where they went."""
    moved = _views(session, VIEWS_MOVED_HERE, start=start, end=end)
    return merge([v for v in moved if group is None or group in v.groups], set())


def meetings_on(
    session: Session, day: date, *, group: str | None = None, minutes_only: bool = False
) -> list[MeetingView]:
    """The day's meetings; with `minutes_only` those with minutes, read alone (what
    plans said of the day cannot change them)."""
    start = datetime.combine(day, time(0), STOCKHOLM)
    end = start + WHOLE_DAY
    if minutes_only:
        if group is None:
            minutes = _views(session, MINUTES_IN_WINDOW, start=start, end=end)
        else:
            minutes = _views(session, MINUTES_OF_GROUP_IN_WINDOW, start=start, end=end, group=group)
        return merge(minutes, set())
    return meetings_between(session, start, end, group=group)


def next_meetings(
    session: Session, now: datetime, *, group: str | None = None, limit: int = 3
) -> list[MeetingView]:
    """Meetings under way or to come, soonest first, cancelled ones included
    (the caller says they are cancelled)."""
    day_start = datetime.combine(now.astimezone(STOCKHOLM).date(), time(0), STOCKHOLM)
    # a meeting of several days begun before today may still be under way
    found = [m for m in _running_into(session, day_start, group) if m.finish > now]
    if len(found) < limit:
        # today's meetings not yet over and those to come, in windows of whole days
        found += meetings_between(
            session,
            day_start,
            FAR_FUTURE,
            group=group,
            limit=limit - len(found),
            ending_after=now,
        )
    return found[:limit]


def _running_into(session: Session, day_start: datetime, group: str | None) -> list[MeetingView]:
    """Meetings begun in the days before `day_start` that last into its day (an
    internat): only those stored as ending on it or later are read, not every
    meeting of those days."""
    views = _views(session, VIEWS_RUNNING_INTO, start=day_start - LONGEST_MEETING, end=day_start)
    return merge([v for v in views if group is None or group in v.groups], set())


def previous_meetings(
    session: Session,
    now: datetime,
    *,
    group: str | None = None,
    limit: int = 1,
    minutes_only: bool = False,
    cancelled: bool = False,
) -> list[MeetingView]:
    """The latest meetings that have begun, newest first (only those with minutes
    when `minutes_only`; cancelled ones only when `cancelled`)."""
    latest = LATEST[(group is not None, minutes_only)]
    params = {"at": now, "limit": limit * 8} | ({"group": group} if group is not None else {})
    ids = fetch_scalars(session.connection(), latest, params)
    merged = [
        m
        for m in merge(_views(session, VIEWS_BY_IDS, ids=ids), set())
        if cancelled or m.status != "cancelled"
    ]
    merged.sort(key=lambda m: m.start, reverse=True)
    return merged[:limit]


def meeting_by_id(session: Session, meeting_id: int) -> MeetingView | None:
    views = _views(session, VIEW_BY_ID, id=meeting_id)
    return views[0] if views else None


# The text of a meeting's minutes.
MINUTES_TEXT = (
    select(Document.text)
    .join(Meeting, Meeting.document_id == Document.id)
    .where(Meeting.id == param("id"))
)


def adjusted_of(session: Session, meeting: MeetingView) -> Adjusted | None:
    """When the meeting's minutes say they were checked and signed (justerade),
    read from their stored text (see storage.parsing.adjusted)."""
    said = session.connection().scalar(MINUTES_TEXT, {"id": meeting.id})
    return adjusted_on(said or "", meeting.day)


# Older plans are superseded only by schedules that begin less than this long
# before the period asked about: a bound that keeps the look-up an index range.
MAX_SPAN = timedelta(days=800)


# The groups by id, bound as one array: one prepared statement for any number of
# groups (a list of names was a statement per length, planned at every run).
SCHEDULE_SPANS = (
    select(
        SpanRow.group_id, Document.name, SpanRow.document_date, SpanRow.first_day, SpanRow.last_day
    )
    .join(Document, Document.id == SpanRow.document_id)
    .where(
        in_list(SpanRow.group_id, "groups"),
        SpanRow.first_day >= param("reach"),
        SpanRow.first_day < param("last"),
        SpanRow.last_day >= param("first"),
    )
)


def _schedule_spans(
    session: Session, start: datetime, end: datetime, groups: set[str]
) -> list[ScheduleSpan]:
    """The schedules of `groups` that speak for days in [start, end)."""
    first, last = start.astimezone(STOCKHOLM).date(), end.astimezone(STOCKHOLM).date()
    rows = fetch_all(
        session.connection(),
        SCHEDULE_SPANS,
        {
            "groups": group_ids(session, sorted(groups)),
            "reach": first - MAX_SPAN,
            "first": first,
            "last": last,
        },
    )
    names = group_names(session, {row[0] for row in rows})
    return [
        ScheduleSpan(names[group_id], document, written, first_day, last_day)
        for group_id, document, written, first_day, last_day in rows
    ]


def _moved_away(
    views: Sequence[MeetingView], start: datetime, end: datetime
) -> set[tuple[str, date]]:
    """(group, day) pairs in [start, end) that a document says a meeting was moved away from."""
    return {
        (group, view.moved_from.astimezone(STOCKHOLM).date())
        for view in views
        if view.moved_from is not None and start <= view.moved_from < end
        for group in view.groups
    }


def _joint(stored: str | None) -> tuple[str, ...]:
    """The groups a meeting is held jointly with, from the stored JSON list."""
    if not stored or stored == "[]":
        return ()
    return tuple(json.loads(stored))


def _view(row: Any, groups: tuple[str, ...]) -> MeetingView:
    (
        id_,
        start,
        end,
        time_known,
        place,
        mode,
        status,
        moved_from,
        note,
        joint_with,
        source,
        document,
        document_date,
    ) = row
    return MeetingView(
        id=id_,
        groups=groups,
        start=start,
        end=end,
        time_known=time_known,
        place=place,
        mode=mode,
        status=status,
        moved_from=moved_from,
        note=note,
        joint_with=_joint(joint_with),
        document=document,
        has_minutes=source == "minutes",
        document_date=document_date,
    )
