"""A day written without a year, placed where the store has a meeting.

"Blev mötet den 24 april inställt?" asked in 2026 means the 24 April that had a
meeting (2020), not this year's, which had none. The question's tense says which
way to look first: a past-tense question prefers the latest such day up to
today, a future-tense one the first from today, and either takes the nearest when
its own side has none. With no meeting on that day in any year, the day stays as
the question's grammar placed it.

Example:
    >>> query = understand("Blev mötet den 24 april inställt?", now=now)  # in 2026
    >>> place_day(session, query, now.date()).date
    datetime.date(2020, 4, 24)
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from sqlalchemy.orm import Session

from bot.understanding.query import Intent, Query
from storage.queries import days_with_meetings

# The years looked in, around today's.
YEARS_BACK, YEARS_AHEAD = 25, 3
# Questions answered from a meeting's minutes.
FROM_MINUTES = frozenset(
    (Intent.ATTENDANCE, Intent.MEETING_ROLES, Intent.DECISIONS, Intent.AGENDA, Intent.SEARCH)
)


def place_day(session: Session, query: Query, today: date) -> Query:
    """`query` with its yearless day moved to the nearest year with a meeting on it."""
    if query.date is None or query.date_lean is None:
        return query
    candidates = _same_day_in_years(query.date, today)
    # what the minutes say of a meeting is asked with a day that has minutes, if any
    for minutes_only in (True, False) if query.intent in FROM_MINUTES else (False,):
        found = _meeting_days(session, query, candidates, minutes_only=minutes_only)
        chosen = _chosen(sorted(found), today, query.date_lean)
        if chosen is not None:
            return replace(query, date=chosen)
    return query


def _meeting_days(
    session: Session, query: Query, candidates: list[date], *, minutes_only: bool
) -> set[date]:
    """The candidates with a meeting of the question's group (or groups, or any)."""
    groups = (query.group,) if query.group else query.groups or (None,)
    found: set[date] = set()
    for group in groups:
        found |= days_with_meetings(session, candidates, group=group, minutes_only=minutes_only)
    return found


def _same_day_in_years(day: date, today: date) -> list[date]:
    """The day's month and day in the years around today (29 February where it is)."""
    days = []
    for year in range(today.year - YEARS_BACK, today.year + YEARS_AHEAD + 1):
        try:
            days.append(day.replace(year=year))
        except ValueError:
            continue
    return days


def _chosen(days: list[date], today: date, lean: str) -> date | None:
    """The day the tense prefers, else the nearest."""
    if not days:
        return None
    past = [d for d in days if d <= today]
    future = [d for d in days if d >= today]
    if lean == "past" and past:
        return past[-1]
    if lean == "future" and future:
        return future[0]
    return min(days, key=lambda d: abs((d - today).days))
