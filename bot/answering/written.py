"""Minutes are written after their meeting: asked at `now`, an answer knows only the
minutes of meetings that had begun by then ("--now 2022-06-01" knows the 2021
minutes, not those of 2024 that the store also holds).

Meetings chosen by `now` (the latest, the next) keep to this by themselves; an answer
that searches all minutes (decisions on a topic, a person's listings, free search)
bounds its search with `written_by`. In a store whose minutes all lie before `now`
(every real question: the clock is today) that bound is None and the queries stay as
they are; it is read once per state of the store.

    >>> written_by(session, datetime(2022, 6, 1, tzinfo=STOCKHOLM))  # minutes of 2024 stored
    datetime.datetime(2022, 6, 1, 0, 0, tzinfo=zoneinfo.ZoneInfo(key='Europe/Stockholm'))
    >>> written_by(session, datetime(2026, 12, 2, tzinfo=STOCKHOLM)) is None
    True
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.lookups import lookups
from storage.models import Meeting
from storage.parsing.records import STOCKHOLM
from storage.queries import MeetingView

# The start of the newest meeting with minutes: the meetings' start index, read backwards
# to the first minutes (planned meetings ahead of it are few).
NEWEST_MINUTES = (
    select(Meeting.start)
    .where(Meeting.source == "minutes", Meeting.start.is_not(None))
    .order_by(Meeting.start.desc())
    .limit(1)
)
_MEMO_KEY = "bot.answering.written.newest_minutes"


def written_by(session: Session, now: datetime) -> datetime | None:
    """`now`, when the store holds minutes of a meeting that begins after it (those
    are not written yet at `now`); else None: every stored minutes may be used."""
    newest = _newest_minutes(session)
    return now if newest is not None and newest > now else None


def written_day(now: datetime) -> date:
    """The last day whose meetings' minutes an answer asked at `now` uses (people's
    listings, as `storage.queries.representatives` counts them: a day at a time)."""
    return now.astimezone(STOCKHOLM).date()


def earlier(end: datetime | None, bound: datetime | None) -> datetime | None:
    """The end of a span of meetings searched, kept to `bound` (None: no bound)."""
    if bound is None:
        return end
    return bound if end is None else min(end, bound)


def as_of(view: MeetingView, now: datetime) -> MeetingView:
    """The meeting as known at `now`: one that begins later has no minutes yet."""
    if view.has_minutes and view.start > now:
        return replace(view, has_minutes=False)
    return view


def schedule_only(view: MeetingView, now: datetime) -> bool:
    """A meeting over by `now`, not cancelled, that no minutes record: known only from a
    schedule, so whether and how it was held is not known."""
    return view.finish < now and view.status != "cancelled" and not view.has_minutes


def _newest_minutes(session: Session) -> datetime | None:
    """The start of the newest meeting with minutes, read once per state of the store."""
    found = lookups(session).kept(_MEMO_KEY, lambda: session.connection().scalar(NEWEST_MINUTES))
    return found if isinstance(found, datetime) else None
