"""Agenda items and decisions, by meeting, topic, group and period."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, joinedload, selectinload

from storage.models import AgendaItem, Decision, Group, Meeting, MeetingGroup
from storage.search import search_items


@dataclass(frozen=True)
class ItemView:
    id: int
    meeting_id: int
    groups: tuple[str, ...]
    meeting_date: date
    number: str
    parent: str | None
    title: str
    presenters: tuple[str, ...]
    text: str
    document: str
    score: float = 0.0


@dataclass(frozen=True)
class DecisionView:
    groups: tuple[str, ...]
    meeting_id: int
    meeting_date: date
    item_number: str
    item_title: str
    text: str
    kind: str
    referred_to: str | None
    document: str
    score: float = 0.0


def items_of(session: Session, meeting_id: int) -> list[ItemView]:
    rows = session.scalars(
        _items().where(AgendaItem.meeting_id == meeting_id).order_by(AgendaItem.position)
    ).unique()
    return [_item_view(row) for row in rows]


def decisions(
    session: Session,
    *,
    meeting_ids: Sequence[int] | None = None,
    words: Sequence[str] = (),
    group: str | None = None,
    start: datetime | None = None,
    end: datetime | None = None,
    limit: int = 50,
) -> list[DecisionView]:
    """Decisions of the given meetings, or about stemmed `words`, newest first
    (by relevance first when searching by words)."""
    scores: dict[int, float] = {}
    query = _items().where(AgendaItem.decisions.any())
    if words:
        hits = search_items(session, words, limit=400)
        if not hits:
            return []
        scores = dict(hits)
        query = query.where(AgendaItem.id.in_(scores))
    if meeting_ids is not None:
        query = query.where(AgendaItem.meeting_id.in_(meeting_ids))
    query = _filter(query, group, start, end).order_by(Meeting.start.desc(), AgendaItem.position)
    rows = list(session.scalars(query.limit(limit * 4)).unique())
    if scores:
        rows.sort(key=lambda r: -scores.get(r.id, 0.0))
    found = [
        _decision_view(row, decision, scores.get(row.id, 0.0))
        for row in rows
        for decision in row.decisions
    ]
    return found[:limit]


def search_items_text(
    session: Session,
    words: Sequence[str],
    *,
    group: str | None = None,
    start: datetime | None = None,
    end: datetime | None = None,
    limit: int = 10,
) -> list[ItemView]:
    """Agenda items whose title or text speaks of `words`, best first."""
    hits = search_items(session, words, limit=200)
    if not hits:
        return []
    scores = dict(hits)
    query = _filter(_items().where(AgendaItem.id.in_(scores)), group, start, end)
    rows = list(session.scalars(query).unique())
    rows.sort(key=lambda r: -scores[r.id])
    return [_item_view(row, scores[row.id]) for row in rows[:limit]]


def _items() -> Select[AgendaItem]:
    return (
        select(AgendaItem)
        .join(Meeting, Meeting.id == AgendaItem.meeting_id)
        .options(
            joinedload(AgendaItem.meeting).joinedload(Meeting.document),
            selectinload(AgendaItem.decisions),
        )
    )


def _filter(
    query: Select[AgendaItem], group: str | None, start: datetime | None, end: datetime | None
) -> Select[AgendaItem]:
    if group is not None:
        query = query.where(
            Meeting.id.in_(select(MeetingGroup.meeting_id).join(Group).where(Group.name == group))
        )
    if start is not None:
        query = query.where(Meeting.start >= start)
    if end is not None:
        query = query.where(Meeting.start < end)
    return query


def _item_view(row: AgendaItem, score: float = 0.0) -> ItemView:
    meeting = row.meeting
    assert meeting.start is not None
    return ItemView(
        id=row.id,
        meeting_id=meeting.id,
        groups=tuple(g.name for g in meeting.groups),
        meeting_date=meeting.start.date(),
        number=row.number,
        parent=row.parent,
        title=row.title,
        presenters=tuple(row.presenters or ()),
        text=row.text,
        document=meeting.document.name,
        score=score,
    )


def _decision_view(row: AgendaItem, decision: Decision, score: float) -> DecisionView:
    item = _item_view(row, score)
    return DecisionView(
        groups=item.groups,
        meeting_id=item.meeting_id,
        meeting_date=item.meeting_date,
        item_number=row.number or (row.parent or ""),
        item_title=row.title,
        text=decision.text,
        kind=decision.kind,
        referred_to=decision.referred_to,
        document=item.document,
        score=score,
    )
