"""A day written without a year, placed where the store has a meeting.

"Blev mötet den 24 april inställt?" asked in 2026 means the 24 April that had a
meeting (2020), not this year's, which had none. The question's tense says which
way to look first: a past-tense question prefers the latest such day up to
today, a future-tense one the first from today, and either takes the nearest when
its own side has none. With no meeting on that day in any year, the day stays as
the question's grammar placed it. A month, season or quarter without a year is placed
the same way ("vad beslutades i mars?": March 2020, the latest March with minutes).

Example:
    >>> query = understand("Blev mötet den 24 april inställt?", now=now)  # in 2026
    >>> place_day(session, query, now.date()).date
    datetime.date(2020, 4, 24)
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from sqlalchemy.orm import Session

from bot.answering.facts import day_bounds
from bot.understanding.query import Intent, Period, Query
from bot.understanding.timeexpr import days_away
from storage.queries import spans_with_meetings

# The years looked in, around today's.
YEARS_BACK, YEARS_AHEAD = 25, 3
# Questions answered from a meeting's minutes.
FROM_MINUTES = frozenset(
    (Intent.ATTENDANCE, Intent.MEETING_ROLES, Intent.DECISIONS, Intent.AGENDA, Intent.SEARCH)
)


def place_day(session: Session, query: Query, today: date) -> Query:
    """`query` with its yearless day moved to the nearest year with a meeting on it,
    or its yearless span of coming meetings (`place_span`) to a year with meetings."""
    if query.period is not None:
        return place_span(session, query, today)
    if query.date is None or query.date_lean is None:
        return query
    candidates = _same_day_in_years(query.date, today)
    for minutes_only in _minutes_first(query, query.date_lean):
        found = _meeting_days(session, query, candidates, minutes_only=minutes_only)
        if minutes_only:  # minutes of later days are not written yet (bot.answering.written)
            found = {d for d in found if d <= today}
        chosen = _chosen_day(sorted(found), today, query.date_lean)
        if chosen is not None:
            return replace(query, date=chosen)
    return query


def place_span(session: Session, query: Query, today: date) -> Query:
    """`query` with its yearless span ("i mars", "hösten") moved, as a yearless day is,
    to the year where such a span has meetings: the latest up to today for a past-tense
    question ("vad beslutades i mars?"), the coming one for meetings asked ahead ("möten
    i februari"), else the nearest; a question answered from minutes looks first for a
    span with minutes. With meetings in no such span it stays as the grammar placed it.

    >>> query = understand("möten i februari", now=now)  # November 2026: February 2026
    >>> place_span(session, query, now.date()).period  # meetings are planned in 2027
    Period(start=datetime.date(2027, 2, 1), end=datetime.date(2027, 2, 28))
    """
    period, lean = query.period, query.period_lean
    if period is None or lean is None:
        return query
    spans = [
        span
        for years in range(-YEARS_BACK, YEARS_AHEAD + 1)
        if (span := _shifted(period, today.year - period.start.year + years)) is not None
    ]
    for minutes_only in _minutes_first(query, lean):
        held = _spans_with_meetings(session, query, spans, minutes_only=minutes_only)
        if minutes_only or lean == "past":  # minutes of later days are not written yet,
            held = [span for span in held if span.start <= today]  # nor held ("hölls")
        chosen = _chosen([(span.start, span.end) for span in held], today, lean)
        if chosen is not None:
            return replace(query, period=Period(*chosen))
    return query


def _minutes_first(query: Query, lean: str) -> tuple[bool, ...]:
    """Whether to look first among days with minutes, then among all: what the minutes
    say of a meeting is asked with a day that has minutes, if any; but not when the
    question looks ahead ("vad ska beslutas i oktober?": the coming October's meeting,
    which has none yet, not an October past)."""
    return (True, False) if query.intent in FROM_MINUTES and lean != "future" else (False,)


def _shifted(period: Period, years: int) -> Period | None:
    """The span `years` later; a span ending on a month's last day still does."""
    if not 1 < period.start.year + years < 9999:
        return None
    end = _year_later(period.end, years)
    if (period.end + timedelta(days=1)).day == 1:  # February 2027 -> 29 February 2028
        end = (end.replace(day=1) + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    return Period(_year_later(period.start, years), end)


def _year_later(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _spans_with_meetings(
    session: Session, query: Query, spans: list[Period], *, minutes_only: bool
) -> list[Period]:
    """Those of `spans` (in time order) in which a meeting of the question's group (or
    groups, or any) starts, or from which one was moved away: one statement per group."""
    bounds = [day_bounds(span.start, span.end) for span in spans]
    groups = (query.group,) if query.group else query.groups or (None,)
    held: set[int] = set()
    for group in groups:
        held.update(spans_with_meetings(session, bounds, group=group, minutes_only=minutes_only))
    return [span for k, span in enumerate(spans) if k in held]


def _meeting_days(
    session: Session, query: Query, candidates: list[date], *, minutes_only: bool
) -> set[date]:
    """The candidates with a meeting of the question's group (or groups, or any)."""
    days = [Period(day, day) for day in candidates]
    return {
        span.start for span in _spans_with_meetings(session, query, days, minutes_only=minutes_only)
    }


def _same_day_in_years(day: date, today: date) -> list[date]:
    """The day's month and day in the years around today (29 February where it is)."""
    days = []
    for year in range(today.year - YEARS_BACK, today.year + YEARS_AHEAD + 1):
        try:
            days.append(day.replace(year=year))
        except ValueError:
            continue
    return days


def _chosen_day(days: list[date], today: date, lean: str) -> date | None:
    """The day the tense prefers, else the nearest."""
    chosen = _chosen([(day, day) for day in days], today, lean)
    return chosen[0] if chosen is not None else None


def _chosen(spans: list[tuple[date, date]], today: date, lean: str) -> tuple[date, date] | None:
    """The span (first, last day; in time order) the tense prefers, else the nearest."""
    if not spans:
        return None
    past = [s for s in spans if s[0] <= today]
    future = [s for s in spans if s[1] >= today]
    if lean == "past" and past:
        return past[-1]
    if lean == "future" and future:
        return future[0]
    return min(spans, key=lambda s: days_away(s[0], s[1], today))
