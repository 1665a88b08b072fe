"""Which of several spans of time hold a meeting: the years a yearless day, month or
season is looked for in ("vad beslutades i mars?": the Marches of thirty years).

One statement whatever the store's size: each span asks the start index (or its
group's) whether a meeting begins in it, stopping at the first, instead of
reading every meeting of thirty Marches (some 12,000 rows at 100,000 meetings).

    >>> spans_with_meetings(session, [(march_2019, april_2019), (march_2020, april_2020)])
    [1]
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from functools import cache

from sqlalchemy import ColumnElement, Executable, literal, or_, select, union_all
from sqlalchemy.orm import Session

from storage.fast_reads import fetch_scalars
from storage.models import Group, Meeting, MeetingGroup
from storage.statements import param


def spans_with_meetings(
    session: Session,
    spans: Sequence[tuple[datetime, datetime]],
    *,
    group: str | None = None,
    minutes_only: bool = False,
) -> list[int]:
    """The indexes of those `spans` ([start, end)) in which a meeting (of `group`)
    begins or from which one was moved away; with `minutes_only`, in which a meeting
    with minutes begins."""
    if not spans:
        return []
    params: dict[str, object] = {"group": group} if group is not None else {}
    for k, (start, end) in enumerate(spans):
        params |= {f"start{k}": start, f"end{k}": end}
    statement = _statement(len(spans), group is not None, minutes_only)
    return sorted(int(k) for k in fetch_scalars(session.connection(), statement, params))


@cache
def _statement(count: int, grouped: bool, minutes_only: bool) -> Executable:
    return union_all(
        *(select(literal(k)).where(_held(k, grouped, minutes_only)) for k in range(count))
    )


def _held(k: int, grouped: bool, minutes_only: bool) -> ColumnElement[bool]:
    start, end = param(f"start{k}"), param(f"end{k}")
    if grouped:
        begins = (
            select(MeetingGroup.meeting_id)
            .join(Group, Group.id == MeetingGroup.group_id)
            .join(Meeting, Meeting.id == MeetingGroup.meeting_id)
            .where(Group.name == param("group"), MeetingGroup.start >= start)
            .where(MeetingGroup.start < end)
        )
    else:
        begins = select(Meeting.id).where(Meeting.start >= start, Meeting.start < end)
    if minutes_only:
        return begins.where(Meeting.source == "minutes").exists()
    moved = select(Meeting.id).where(Meeting.moved_from >= start, Meeting.moved_from < end)
    if grouped:
        moved = moved.where(
            Meeting.id.in_(
                select(MeetingGroup.meeting_id)
                .join(Group, Group.id == MeetingGroup.group_id)
                .where(Group.name == param("group"))
            )
        )
    return or_(begins.exists(), moved.exists())
