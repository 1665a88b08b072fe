"""Meetings as the store knows them, merged across documents.

Several documents may speak of one meeting: the minutes of the meeting itself,
and schedules in earlier minutes that planned, moved or cancelled it. A meeting
is one (day, overlapping groups); the minutes win, then the newest document.

    >>> next_meetings(session, now)[0].start.isoformat()
    '2026-12-11T13:00:00+01:00'
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from typing import Any, cast

from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy.orm import Session

from storage.models import Document, Group, Meeting, MeetingGroup
from storage.models import ScheduleSpan as SpanRow
from storage.parsing.records import STOCKHOLM

# A schedule entry without a time counts as lasting the whole day.
WHOLE_DAY = timedelta(days=1)
# The end of "from now on".
FAR_FUTURE = datetime(9000, 1, 1, tzinfo=STOCKHOLM)


@dataclass(frozen=True)
class MeetingView:
    id: int
    groups: tuple[str, ...]
    start: datetime
    end: datetime | None
    time_known: bool
    place: str | None
    mode: str | None
    status: str
    moved_from: datetime | None
    note: str | None
    joint_with: tuple[str, ...]
    document: str
    has_minutes: bool
    # the document that says the most recent thing about this meeting
    document_date: date | None = None

    @property
    def day(self) -> date:
        return self.start.date()

    @property
    def finish(self) -> datetime:
        """When the meeting is over (the day's end when no time is known)."""
        if self.end is not None:
            return self.end
        if not self.time_known:
            return datetime.combine(self.day, time(0), STOCKHOLM) + WHOLE_DAY
        return self.start + timedelta(hours=3)


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
    Meeting.joint_with,
    Meeting.source,
    Document.name,
    Document.document_date,
)


def _views(session: Session, *conditions: ColumnElement[bool]) -> list[MeetingView]:
    """Plain rows, not ORM objects: these queries run on every question. A joint
    meeting comes back once per group; the rows fold into one view. (No ORDER BY:
    ordering by id would lead SQLite to walk the whole table instead of the index
    the conditions select by.)"""
    rows = (
        session.connection()
        .execute(
            select(*COLUMNS, Group.id, Group.name)
            .join(Document, Document.id == Meeting.document_id)
            .outerjoin(MeetingGroup, MeetingGroup.meeting_id == Meeting.id)
            .outerjoin(Group, Group.id == MeetingGroup.group_id)
            .where(*conditions)
        )
        .all()
    )
    groups: dict[int, list[tuple[int, str]]] = defaultdict(list)
    first: dict[int, Any] = {}
    for row in rows:
        first.setdefault(row[0], row)
        if row[-1] is not None:
            groups[row[0]].append((cast(int, row[-2]), cast(str, row[-1])))
    return [
        _view(row[:-2], tuple(name for _, name in sorted(groups[meeting_id])))
        for meeting_id, row in first.items()
        if row[1] is not None
    ]


def _window(group: str | None, start: datetime, end: datetime) -> ColumnElement[bool]:
    """Meetings starting in [start, end), of `group` if given: one index range scan."""
    if group is None:
        return and_(Meeting.start >= start, Meeting.start < end)
    ids = (
        select(MeetingGroup.meeting_id)
        .join(Group, Group.id == MeetingGroup.group_id)
        .where(Group.name == group, MeetingGroup.start >= start, MeetingGroup.start < end)
    )
    return Meeting.id.in_(ids)


def meetings_between(
    session: Session,
    start: datetime,
    end: datetime,
    *,
    group: str | None = None,
    limit: int | None = None,
    status: str | None = None,
) -> list[MeetingView]:
    """Meetings starting in [start, end), merged, in time order (all statuses, or
    those with `status`); the first `limit` of them when given.

    With a limit the period is read in windows of whole days, each ending after
    about as many stored rows as are still wanted, so a long period in a large
    store costs what the answer shows, not what the period holds. (Merging works
    day by day, so windows of whole days give the same meetings as one read.)"""
    if limit is None:
        return _merged(session, start, end, group, status)
    found: list[MeetingView] = []
    while start < end and len(found) < limit:
        horizon = _nth_start(session, start, end, group, 2 * (limit - len(found)))
        stop = min(end, _next_midnight(horizon)) if horizon is not None else end
        found.extend(_merged(session, start, stop, group, status))
        start = stop
    return found[:limit]


def _merged(
    session: Session, start: datetime, end: datetime, group: str | None, status: str | None
) -> list[MeetingView]:
    # The window's meetings and those moved away from days in it. Without a group
    # one read (an OR of two index ranges); a group's meetings are an IN (subquery),
    # which PostgreSQL cannot OR with an index range but by reading every meeting.
    moved_here = and_(Meeting.moved_from >= start, Meeting.moved_from < end)
    if group is None:
        read = _views(session, or_(_window(group, start, end), moved_here))
    else:
        both = _views(session, _window(group, start, end)) + _views(session, moved_here)
        read = list({v.id: v for v in both}.values())
    views = [v for v in read if start <= v.start < end and (group is None or group in v.groups)]
    planned = {g for v in views if not v.has_minutes for g in v.groups}
    spans = _schedule_spans(session, start, end, planned) if planned else []
    merged = merge(views, _moved_away(read, start, end), spans)
    return merged if status is None else [m for m in merged if m.status == status]


def _nth_start(
    session: Session, start: datetime, end: datetime, group: str | None, n: int
) -> datetime | None:
    """When the n-th stored meeting in [start, end) starts (None: fewer are stored).
    An index walk of n entries."""
    if group is None:
        query = select(Meeting.start).where(Meeting.start >= start, Meeting.start < end)
        query = query.order_by(Meeting.start)
    else:
        query = (
            select(MeetingGroup.start)
            .join(Group, Group.id == MeetingGroup.group_id)
            .where(Group.name == group, MeetingGroup.start >= start, MeetingGroup.start < end)
            .order_by(MeetingGroup.start)
        )
    return session.connection().scalar(query.offset(max(0, n - 1)).limit(1))


def _next_midnight(moment: datetime) -> datetime:
    """The start of the day after `moment`'s (Stockholm) day."""
    return datetime.combine(moment.astimezone(STOCKHOLM).date() + WHOLE_DAY, time(0), STOCKHOLM)


def meetings_on(
    session: Session, day: date, *, group: str | None = None, minutes_only: bool = False
) -> list[MeetingView]:
    """The day's meetings; with `minutes_only` those with minutes, read alone (what
    plans said of the day cannot change them)."""
    start = datetime.combine(day, time(0), STOCKHOLM)
    end = start + WHOLE_DAY
    if minutes_only:
        minutes = _views(session, _window(group, start, end), Meeting.source == "minutes")
        return merge(minutes, set())
    return meetings_between(session, start, end, group=group)


def next_meetings(
    session: Session, now: datetime, *, group: str | None = None, limit: int = 3
) -> list[MeetingView]:
    """Meetings under way or to come, soonest first, cancelled ones included
    (the caller says they are cancelled)."""
    day_start = datetime.combine(now.astimezone(STOCKHOLM).date(), time(0), STOCKHOLM)
    tomorrow = _next_midnight(day_start)
    found = [
        m for m in meetings_between(session, day_start, tomorrow, group=group) if m.finish > now
    ]
    if len(found) < limit:
        found += meetings_between(
            session, tomorrow, FAR_FUTURE, group=group, limit=limit - len(found)
        )
    return found[:limit]


def previous_meetings(
    session: Session,
    now: datetime,
    *,
    group: str | None = None,
    limit: int = 1,
    minutes_only: bool = False,
) -> list[MeetingView]:
    """The latest meetings that have begun, newest first (only those with minutes
    when `minutes_only`)."""
    if group is None:
        # one walk down the meetings' start index
        latest = select(Meeting.id).where(Meeting.start <= now).order_by(Meeting.start.desc())
    else:
        latest = (
            select(MeetingGroup.meeting_id)
            .join(Group, Group.id == MeetingGroup.group_id)
            .join(Meeting, Meeting.id == MeetingGroup.meeting_id)
            .where(Group.name == group, MeetingGroup.start <= now)
            .order_by(MeetingGroup.start.desc())
        )
    if minutes_only:
        latest = latest.where(Meeting.source == "minutes")
    ids = list(session.connection().scalars(latest.limit(limit * 8)))
    merged = [
        m for m in merge(_views(session, Meeting.id.in_(ids)), set()) if m.status != "cancelled"
    ]
    merged.sort(key=lambda m: m.start, reverse=True)
    return merged[:limit]


def meeting_by_id(session: Session, meeting_id: int) -> MeetingView | None:
    views = _views(session, Meeting.id == meeting_id)
    return views[0] if views else None


# -- merging -----------------------------------------------------------------------


@dataclass(frozen=True)
class ScheduleSpan:
    """The days a document's schedule covers for a group."""

    group: str
    document: str
    document_date: date
    first: date
    last: date


def merge(
    views: Sequence[MeetingView],
    moved_away: set[tuple[str, date]],
    spans: Sequence[ScheduleSpan] = (),
) -> list[MeetingView]:
    """One view per meeting. A planned date is dropped when a later note moved
    it, or when a newer schedule of the group covers that day without it."""
    newest = _newest_cover(views, spans)
    listed = {(g, v.day, v.document) for v in views for g in v.groups}
    by_day: dict[date, list[MeetingView]] = defaultdict(list)
    for view in views:
        if not view.has_minutes and (
            any((g, view.day) in moved_away for g in view.groups)
            or _superseded(view, newest, listed)
        ):
            continue
        by_day[view.day].append(view)
    merged: list[MeetingView] = []
    for views in by_day.values():
        merged.extend(_merge_day(views))
    merged.sort(key=lambda m: (m.start, m.groups))
    return merged


def _merge_day(views: Sequence[MeetingView]) -> list[MeetingView]:
    clusters: list[list[MeetingView]] = []
    for view in views:
        for cluster in clusters:
            if any(set(view.groups) & set(other.groups) for other in cluster):
                cluster.append(view)
                break
        else:
            clusters.append([view])
    return [_best(cluster) for cluster in clusters]


def _rank(view: MeetingView) -> tuple[bool, date, int]:
    return (view.has_minutes, view.document_date or date.min, view.id)


def _best(cluster: Sequence[MeetingView]) -> MeetingView:
    ordered = sorted(cluster, key=_rank, reverse=True)
    best = ordered[0]
    groups = tuple(dict.fromkeys(g for v in ordered for g in v.groups))
    for other in ordered[1:]:
        if not best.time_known and other.time_known and best.status != "cancelled":
            best = replace(best, start=other.start, end=other.end, time_known=True)
        best = replace(
            best,
            place=best.place or other.place,
            mode=best.mode or other.mode,
            moved_from=best.moved_from or other.moved_from,
            note=best.note or other.note,
        )
    return replace(best, groups=groups)


def _newest_cover(
    views: Sequence[MeetingView], spans: Sequence[ScheduleSpan]
) -> dict[tuple[str, date], ScheduleSpan]:
    """(group, day) -> the newest schedule speaking for that day, for the days
    planned meetings fall on (each span marks only those days: no views x spans)."""
    needed: dict[str, set[date]] = defaultdict(set)
    for view in views:
        if not view.has_minutes:
            for group in view.groups:
                needed[group].add(view.day)
    days_of = {group: sorted(days) for group, days in needed.items()}
    newest: dict[tuple[str, date], ScheduleSpan] = {}
    for span in spans:
        days = days_of.get(span.group, [])
        for day in days[bisect_left(days, span.first) : bisect_right(days, span.last)]:
            known = newest.get((span.group, day))
            if known is None or span.document_date > known.document_date:
                newest[(span.group, day)] = span
    return newest


def _superseded(
    view: MeetingView,
    newest: dict[tuple[str, date], ScheduleSpan],
    listed: set[tuple[str, date, str]],
) -> bool:
    """A newer schedule of the group covers the day and does not list this meeting."""
    for group in view.groups:
        span = newest.get((group, view.day))
        if (
            span is not None
            and span.document != view.document
            and span.document_date > (view.document_date or date.min)
            and (group, view.day, span.document) not in listed
        ):
            return True
    return False


# Older plans are superseded only by schedules that begin less than this long
# before the period asked about: a bound that keeps the look-up an index range.
MAX_SPAN = timedelta(days=800)


def _schedule_spans(
    session: Session, start: datetime, end: datetime, groups: set[str]
) -> list[ScheduleSpan]:
    """The schedules of `groups` that speak for days in [start, end)."""
    first, last = start.astimezone(STOCKHOLM).date(), end.astimezone(STOCKHOLM).date()
    rows = (
        session.connection()
        .execute(
            select(
                Group.name,
                Document.name,
                SpanRow.document_date,
                SpanRow.first_day,
                SpanRow.last_day,
            )
            .join(Group, Group.id == SpanRow.group_id)
            .join(Document, Document.id == SpanRow.document_id)
            .where(
                Group.name.in_(sorted(groups)),
                SpanRow.first_day >= first - MAX_SPAN,
                SpanRow.first_day < last,
                SpanRow.last_day >= first,
            )
        )
        .all()
    )
    return [ScheduleSpan(*row) for row in rows]


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
        joint_with=tuple(joint_with or ()),
        document=document,
        has_minutes=source == "minutes",
        document_date=document_date,
    )
