"""What the store believes, as plain tables for an administrator
(`minutesbot meetings|decisions|people`)."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select

from bot.answering.decisions import topic_words
from bot.answering.facts import day_bounds
from bot.answering.format import when
from storage.models import Attendance, Group, Meeting, Organization, Person
from storage.queries import decisions, meetings_between
from storage.registry import find_group
from storage.store import Store


class UnknownGroup(ValueError):
    pass


def _group(name: str | None) -> str | None:
    if name is None:
        return None
    known = find_group(name)
    return known.name if known else name


def list_meetings(
    store: Store, *, group: str | None = None, start: date | None = None, end: date | None = None
) -> str:
    """Every meeting in the period, merged across documents, one line each."""
    first, last = day_bounds(start or date(1900, 1, 1), end or date(2999, 12, 31))
    with store.session() as session:
        found = meetings_between(session, first, last, group=_group(group))
    lines = []
    for m in found:
        moved = f" (från {m.moved_from.date().isoformat()})" if m.moved_from else ""
        where = m.place or m.mode or ""
        lines.append(
            f"{m.start.date().isoformat()}  {m.status:9}{moved}  {when(m.start, m.end, m.time_known)}"
            f"  {where}  [{' + '.join(m.groups)}]  {'protokoll' if m.has_minutes else 'plan'}: {m.document}"
        )
    lines.append(f"{len(found)} meetings")
    return "\n".join(lines)


def list_decisions(
    store: Store,
    *,
    group: str | None = None,
    start: date | None = None,
    end: date | None = None,
    topic: str | None = None,
) -> str:
    first, last = day_bounds(start or date(1900, 1, 1), end or date(2999, 12, 31))
    with store.session() as session:
        found = decisions(
            session,
            words=topic_words(topic),
            group=_group(group),
            start=first,
            end=last,
            limit=10_000,
        )
    lines = [
        f"{d.meeting_date.isoformat()}  {d.item_number or '-':>3} {d.item_title[:50]:50}  "
        f"{d.kind:10} {d.text[:120]}" + (f"  -> {d.referred_to}" if d.referred_to else "")
        for d in found
    ]
    lines.append(f"{len(found)} decisions")
    return "\n".join(lines)


def list_people(
    store: Store,
    *,
    group: str | None = None,
    municipality: str | None = None,
    name: str | None = None,
) -> str:
    """People with their latest listing: organisation, role, group, meeting day."""
    query = (
        select(
            Person.name,
            Organization.name,
            Attendance.role,
            Attendance.present,
            Meeting.start,
            Meeting.id,
            Group.name,
        )
        .join(Attendance, Attendance.person_id == Person.id)
        .join(Meeting, Meeting.id == Attendance.meeting_id)
        .outerjoin(Organization, Organization.id == Attendance.organization_id)
        # the council a joint meeting's list is of (none: the meeting's own)
        .outerjoin(Group, Group.id == Attendance.group_id)
        .order_by(Person.name, Meeting.start.desc())
    )
    if municipality:
        query = query.where(Organization.municipality.ilike(municipality))
    if name:
        query = query.where(Person.name.ilike(f"%{name}%"))
    with store.session() as session:
        rows = session.execute(query).all()
        wanted = _group(group)
        groups = (
            {m.id: [g.name for g in m.groups] for m in session.scalars(select(Meeting))}
            if wanted
            else {}
        )
    lines, seen = [], set()
    for person, org, role, present, start, meeting_id, council in rows:
        if wanted and (wanted not in groups.get(meeting_id, []) or council not in (None, wanted)):
            continue
        if person in seen:
            continue
        seen.add(person)
        absent = "" if present else " (frånvarande)"
        when_text = start.date().isoformat() if start else "-"
        lines.append(f"{person:35} {org or '-':30} {role:22} {when_text}{absent}")
    lines.append(f"{len(seen)} people")
    return "\n".join(lines)


__all__ = ["list_decisions", "list_meetings", "list_people", "timedelta"]
