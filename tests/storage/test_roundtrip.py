"""What the parser reads from each real file is what the store gives back, on
SQLite and PostgreSQL: every attendee, agenda item, decision and planned meeting."""

from __future__ import annotations

from datetime import timedelta

import pytest

from storage.loading import load_paths
from storage.parsing import parse_text
from storage.parsing.records import MeetingStatus
from storage.queries import attendance_of, decisions, items_of, meetings_between, meetings_on
from storage.registry import kommun_name
from storage.store import Store
from tests.conftest import real_minutes


@pytest.mark.parametrize("index", range(5))
def test_store_gives_back_what_the_parser_read(loaded_store: Store, index: int) -> None:
    path = real_minutes()[index]
    parsed = parse_text(path.read_text(encoding="utf-8"), source_name=path.name)
    assert parsed.meeting.start is not None
    with loaded_store.session() as session:
        held = [m for m in meetings_on(session, parsed.meeting.start.date()) if m.has_minutes]
        assert len(held) == 1
        meeting = held[0]
        assert (meeting.start, meeting.end, meeting.place) == (
            parsed.meeting.start,
            parsed.meeting.end,
            parsed.meeting.place,
        )

        stored = [(a.name, a.role, a.present) for a in attendance_of(session, meeting.id)]
        assert len(stored) == len(parsed.attendees)
        for attendee, (name, role, present) in zip(parsed.attendees, stored, strict=True):
            assert (role, present) == (attendee.role.value, attendee.present)
            assert name.split()[0] == attendee.name.split()[0]  # spelling variants merge

        items = items_of(session, meeting.id)
        assert [(i.number, i.title) for i in items] == [(i.number, i.title) for i in parsed.items]
        stored_decisions = decisions(session, meeting_ids=[meeting.id], limit=1000)
        expected = [(d.text, d.kind.value) for item in parsed.items for d in item.decisions]
        assert sorted((d.text, d.kind) for d in stored_decisions) == sorted(expected)

        for planned in parsed.schedule:
            day = planned.start.date()
            around = meetings_between(
                session, planned.start - timedelta(days=1), planned.start + timedelta(days=2)
            )
            same_day = [m for m in around if m.day == day]
            assert same_day, f"{day} missing"
            if planned.status != MeetingStatus.PLANNED:
                assert any(m.status == planned.status.value for m in same_day)


def test_organisations_are_stored_once_per_municipality(loaded_store: Store) -> None:
    from sqlalchemy import select

    from storage.models import Organization

    with loaded_store.session() as session:
        rows = session.execute(
            select(Organization.name, Organization.municipality, Organization.kind)
        ).all()
    municipal = {name: m for name, m, kind in rows if kind == "municipality"}
    assert all(name == kommun_name(m) for name, m in municipal.items())
    assert len(municipal) == len(set(municipal.values()))
    assert ("Region Örebro län", None, "region") in rows


def test_reloading_a_folder_is_idempotent(db_url: str) -> None:
    store = Store.open(db_url)
    assert load_paths(store, [real_minutes()[0].parent]).count("loaded") == 5
    assert load_paths(store, [real_minutes()[0].parent]).count("unchanged") == 5
    store.close()
