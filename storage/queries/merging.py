"""How the documents that speak of one meeting merge into one account of it.

Several documents may speak of one meeting: the minutes of the meeting itself,
and schedules in earlier minutes that planned, moved or cancelled it. A meeting
is one (day, overlapping groups); the minutes win, then the newest document. A
planned date is dropped when a later note moved it, or when a newer schedule of
the group covers that day without it. Pure functions of plain views.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

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
        """When the meeting is over (its last day's end when no time is known: a
        two-day meeting "13-14 oktober" is stored as ending at 14 October 00:00)."""
        if self.time_known and self.end is not None:
            return self.end
        if not self.time_known:
            last = (self.end or self.start).astimezone(STOCKHOLM).date()
            return datetime.combine(max(last, self.day), time(0), STOCKHOLM) + WHOLE_DAY
        return self.start + timedelta(hours=3)


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
    """A day's views of the same meeting (one that shares a group with a view
    already seen) merged: each joins the first such cluster."""
    clusters: list[list[MeetingView]] = []
    first: dict[str, int] = {}  # group -> the first cluster with a view of it
    for view in views:
        known = [first[g] for g in view.groups if g in first]
        at = min(known) if known else len(clusters)
        if at == len(clusters):
            clusters.append([])
        clusters[at].append(view)
        for group in view.groups:
            first[group] = min(first.get(group, at), at)
    return [_best(cluster) for cluster in clusters]


def _rank(view: MeetingView) -> tuple[bool, date, int]:
    return (view.has_minutes, view.document_date or date.min, view.id)


def _best(cluster: Sequence[MeetingView]) -> MeetingView:
    """The best-ranked view of one meeting, with what the others add to it."""
    if len(cluster) == 1:
        return cluster[0]  # most meetings: nothing to merge (and no copy made)
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
    """A newer schedule of the group covers the day and does not list this meeting.

    A cancellation stands: a newer schedule leaves a cancelled meeting out
    because it is cancelled, not because the plan changed."""
    if view.status == "cancelled":
        return False
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
