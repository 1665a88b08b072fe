"""Meetings as the store knows them, merged across documents.

Several documents may speak of one meeting: the minutes of the meeting itself,
and schedules in earlier minutes that planned, moved or cancelled it. A meeting
is one (day, overlapping groups); the minutes win, then the newest document.

    >>> next_meetings(session, now)[0].start.isoformat()
    '2026-12-11T13:00:00+01:00'
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

from sqlalchemy import Select, and_, func, or_, select
from sqlalchemy.orm import Session, joinedload

from storage.models import Document, Group, Meeting, MeetingGroup
from storage.parsing.records import STOCKHOLM

# A schedule entry without a time counts as lasting the whole day.
WHOLE_DAY = timedelta(days=1)


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


def _base(group: str | None) -> Select[Meeting]:
    query = select(Meeting).options(joinedload(Meeting.document)).where(Meeting.start.is_not(None))
    if group is not None:
        query = query.where(
            Meeting.id.in_(select(MeetingGroup.meeting_id).join(Group).where(Group.name == group))
        )
    return query


def meetings_between(
    session: Session, start: datetime, end: datetime, *, group: str | None = None
) -> list[MeetingView]:
    """Meetings starting in [start, end), merged, in time order (all statuses)."""
    rows = session.scalars(
        _base(group).where(Meeting.start >= start, Meeting.start < end).order_by(Meeting.start)
    ).unique()
    return merge(
        rows, _moved_away(session, start, end, group), _schedule_spans(session, start, end)
    )


def meetings_on(session: Session, day: date, *, group: str | None = None) -> list[MeetingView]:
    start = datetime.combine(day, time(0), STOCKHOLM)
    return meetings_between(session, start, start + WHOLE_DAY, group=group)


def next_meetings(
    session: Session, now: datetime, *, group: str | None = None, limit: int = 3
) -> list[MeetingView]:
    """Meetings under way or to come, soonest first, cancelled ones included
    (the caller says they are cancelled)."""
    day_start = datetime.combine(now.astimezone(STOCKHOLM).date(), time(0), STOCKHOLM)
    found: list[MeetingView] = []
    window = timedelta(days=120)
    start = day_start
    # Widen the window until enough meetings are found; bounded by the last meeting.
    last = session.scalar(select(Meeting.start).order_by(Meeting.start.desc()).limit(1))
    while last is not None and start <= last and len(found) < limit:
        batch = meetings_between(session, start, start + window, group=group)
        found.extend(m for m in batch if m.finish > now)
        start += window
        window *= 4
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
    query = _base(group).where(Meeting.start <= now)
    if minutes_only:
        query = query.where(Meeting.source == "minutes")
    rows = session.scalars(query.order_by(Meeting.start.desc()).limit(limit * 8)).unique()
    merged = [m for m in merge(rows, set()) if m.status != "cancelled"]
    merged.sort(key=lambda m: m.start, reverse=True)
    return merged[:limit]


def meeting_by_id(session: Session, meeting_id: int) -> MeetingView | None:
    row = session.get(Meeting, meeting_id, options=[joinedload(Meeting.document)])
    return _view(row) if row is not None and row.start is not None else None


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
    rows: Iterable[Meeting],
    moved_away: set[tuple[str, date]],
    spans: Sequence[ScheduleSpan] = (),
) -> list[MeetingView]:
    """One view per meeting. A planned date is dropped when a later note moved
    it, or when a newer schedule of the group covers that day without it."""
    views = [_view(row) for row in rows]
    listed = {(g, v.day, v.document) for v in views for g in v.groups}
    by_day: dict[date, list[MeetingView]] = defaultdict(list)
    for view in views:
        if not view.has_minutes and (
            any((g, view.day) in moved_away for g in view.groups)
            or _superseded(view, spans, listed)
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


def _superseded(
    view: MeetingView, spans: Sequence[ScheduleSpan], listed: set[tuple[str, date, str]]
) -> bool:
    for span in spans:
        if (
            span.group in view.groups
            and span.document != view.document
            and span.document_date > (view.document_date or date.min)
            and span.first <= view.day <= span.last
            and (span.group, view.day, span.document) not in listed
        ):
            return True
    return False


def _schedule_spans(session: Session, start: datetime, end: datetime) -> list[ScheduleSpan]:
    """Per (group, document): the days its schedule speaks for, for schedules
    that reach into [start, end)."""
    first, last = func.min(Meeting.start), func.max(Meeting.start)
    rows = session.execute(
        select(Group.name, Document.name, Document.document_date, first, last)
        .join(MeetingGroup, MeetingGroup.group_id == Group.id)
        .join(Meeting, Meeting.id == MeetingGroup.meeting_id)
        .join(Document, Document.id == Meeting.document_id)
        .where(Meeting.source == "schedule")
        .group_by(Group.name, Document.name, Document.document_date)
        .having(first < end, last >= start)
    ).all()
    # A schedule lists what is coming as of its document's date, so it covers the
    # days from that date to the last meeting it lists.
    return [
        ScheduleSpan(
            g, d, dd, min(dd, lo.astimezone(STOCKHOLM).date()), hi.astimezone(STOCKHOLM).date()
        )
        for g, d, dd, lo, hi in rows
        if dd is not None and lo is not None and hi is not None
    ]


def _moved_away(
    session: Session, start: datetime, end: datetime, group: str | None
) -> set[tuple[str, date]]:
    """(group, day) pairs that a document says a meeting was moved away from."""
    rows = session.scalars(
        _base(group).where(
            Meeting.moved_from.is_not(None),
            or_(
                and_(Meeting.moved_from >= start, Meeting.moved_from < end),
                and_(Meeting.start >= start, Meeting.start < end),
            ),
        )
    ).unique()
    return {
        (g.name, row.moved_from.astimezone(STOCKHOLM).date())
        for row in rows
        if row.moved_from is not None
        for g in row.groups
    }


def _view(row: Meeting) -> MeetingView:
    document: Document = row.document
    assert row.start is not None
    return MeetingView(
        id=row.id,
        groups=tuple(g.name for g in row.groups),
        start=row.start,
        end=row.end,
        time_known=row.time_known,
        place=row.place,
        mode=row.mode,
        status=row.status,
        moved_from=row.moved_from,
        note=row.note,
        joint_with=tuple(row.joint_with or ()),
        document=document.name,
        has_minutes=row.source == "minutes",
        document_date=document.document_date,
    )
