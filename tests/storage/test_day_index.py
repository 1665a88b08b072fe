"""A day's decisions read by the meetings' Stockholm day (on PostgreSQL through the
index of migration 0010) are those of the meetings begun in that day's hours."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

from bench.answers import write_parsed
from bench.corpus import documents
from bot.answering.facts import day_bounds
from storage.parsing.records import STOCKHOLM, DecisionKind
from storage.queries import decisions, meetings_between
from storage.rows import RowWriter
from storage.store import Store


def by_hours(store: Store, day: date) -> list[object]:
    start, end = day_bounds(day, day)
    with store.session() as session:
        return list(decisions(session, start=start, end=end, limit=60))


def by_day(store: Store, day: date) -> list[object]:
    start, end = day_bounds(day, day)
    with store.session() as session:
        return list(decisions(session, start=start, end=end, limit=60, day=day))


def test_every_days_decisions_by_day_are_those_by_its_hours(loaded_store: Store) -> None:
    with loaded_store.session() as session:
        first, last = day_bounds(date(2000, 1, 1), date(2100, 1, 1))
        days = {
            m.start.astimezone(STOCKHOLM).date() for m in meetings_between(session, first, last)
        }
    decided = 0
    for day in sorted(days):
        found = by_day(loaded_store, day)
        assert found == by_hours(loaded_store, day), day
        decided += bool(found)
    assert decided >= 4


def test_a_meeting_after_midnight_is_of_its_stockholm_day(store: Store) -> None:
    """00.15 on 10 June in Stockholm is 22.15 on 9 June in UTC, as stored."""
    parsed = next(documents(1))
    late = datetime(2026, 6, 10, 0, 15, tzinfo=STOCKHOLM)
    meeting = replace(parsed.meeting, start=late, end=late + timedelta(hours=1))
    parsed = replace(parsed, meeting=meeting)
    assert any(d.kind != DecisionKind.PROCEDURAL for item in parsed.items for d in item.decisions)
    with store.transaction() as session:
        write_parsed(session, RowWriter(), 0, parsed)
    store.analyze()
    found = by_day(store, date(2026, 6, 10))
    assert found and found == by_hours(store, date(2026, 6, 10))
    assert by_day(store, date(2026, 6, 9)) == []
