"""Agenda items and decisions, by meeting, topic, group and period."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from storage.models import AgendaItem, Decision, Document, Group, Meeting, MeetingGroup
from storage.parsing.records import STOCKHOLM
from storage.search import Scope, search_items

# Items a topic search considers: the newest matches (see storage.search).
SEARCH_DEPTH = 200


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
    return _items(session, AgendaItem.meeting_id == meeting_id)


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
    """Decisions of the given meetings, or about stemmed `words`; those whose
    agenda item's title names the words first, then newest first."""
    conditions = _filters(group, start, end)
    scores: dict[int, float] = {}
    if words:
        scores = dict(
            search_items(session, words, limit=SEARCH_DEPTH, scope=_scope(group, start, end))
        )
        if not scores:
            return []
        # the search kept to the group and period: only the items remain to be read
        conditions = [AgendaItem.id.in_(scores)]
    if meeting_ids is not None:
        conditions.append(AgendaItem.meeting_id.in_(meeting_ids))
    query = (
        select(
            Decision.text,
            Decision.kind,
            Decision.referred_to,
            AgendaItem.id,
            AgendaItem.number,
            AgendaItem.parent,
            AgendaItem.title,
            Meeting.id,
            Meeting.start,
            Document.name,
            AgendaItem.position,
            Decision.position,
            Decision.id,
            Group.id,
            Group.name,
        )
        .join(AgendaItem, AgendaItem.id == Decision.item_id)
        .join(Meeting, Meeting.id == AgendaItem.meeting_id)
        .join(Document, Document.id == Meeting.document_id)
        # a joint meeting's decision comes once per group; the rows fold into one
        .outerjoin(MeetingGroup, MeetingGroup.meeting_id == Meeting.id)
        .outerjoin(Group, Group.id == MeetingGroup.group_id)
        .where(*conditions)
    )
    bounded = bool(words) or meeting_ids is not None
    if not bounded:
        # Only a group or a period: the newest, chosen by the database.
        query = query.order_by(Meeting.start.desc()).limit(limit * 4)
    # Otherwise the rows are few (those items or meetings) and are sorted here: an
    # ORDER BY on the meetings' start would lead the planner away from the item index.
    rows, groups = _folded(session.connection().execute(query).all(), key=12, meeting=7)
    rows = sorted(rows, key=_newest_first)
    found = [_decision_view(row, groups, scores.get(row[3], 0.0)) for row in rows if row[8]]
    # sorted() is stable: within equal scores the newest stay first
    found = sorted(found, key=lambda d: -d.score)
    return found[:limit]


def _newest_first(row: Any) -> tuple[float, int, int]:
    """Decision rows: newest meeting first, then agenda and decision order."""
    start = row[8]
    return (-start.timestamp() if start else 0.0, row[10], row[11])


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
    scores = dict(search_items(session, words, limit=SEARCH_DEPTH, scope=_scope(group, start, end)))
    if not scores:
        return []
    found = _items(session, AgendaItem.id.in_(scores))  # the search kept to the scope
    found = sorted(found, key=lambda item: (-scores[item.id], -item.meeting_date.toordinal()))
    return [_with_score(item, scores[item.id]) for item in found[:limit]]


# -- plain rows ---------------------------------------------------------------------------


def _scope(group: str | None, start: datetime | None, end: datetime | None) -> Scope | None:
    """Where a topic is searched: the newest matches of these meetings."""
    if group is None and start is None and end is None:
        return None
    return Scope(group, start, end)


def _filters(
    group: str | None, start: datetime | None, end: datetime | None
) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if group is not None:
        conditions.append(
            Meeting.id.in_(select(MeetingGroup.meeting_id).join(Group).where(Group.name == group))
        )
    if start is not None:
        conditions.append(Meeting.start >= start)
    if end is not None:
        conditions.append(Meeting.start < end)
    return conditions


def _items(session: Session, *conditions: ColumnElement[bool]) -> list[ItemView]:
    query = (
        select(
            AgendaItem.id,
            Meeting.id,
            Meeting.start,
            AgendaItem.number,
            AgendaItem.parent,
            AgendaItem.title,
            AgendaItem.presenters,
            AgendaItem.text,
            Document.name,
            AgendaItem.position,
            Group.id,
            Group.name,
        )
        .join(Meeting, Meeting.id == AgendaItem.meeting_id)
        .join(Document, Document.id == Meeting.document_id)
        .outerjoin(MeetingGroup, MeetingGroup.meeting_id == Meeting.id)
        .outerjoin(Group, Group.id == MeetingGroup.group_id)
        .where(*conditions)
    )
    rows, groups = _folded(session.connection().execute(query).all(), key=0, meeting=1)
    rows = sorted(rows, key=lambda r: (-r[2].timestamp() if r[2] else 0, r[9]))
    return [
        ItemView(
            id=item_id,
            meeting_id=meeting_id,
            groups=groups.get(meeting_id, ()),
            meeting_date=start.astimezone(STOCKHOLM).date(),
            number=number,
            parent=parent,
            title=title,
            presenters=tuple(presenters or ()),
            text=text,
            document=document,
        )
        for item_id, meeting_id, start, number, parent, title, presenters, text, document, *_ in rows
        if start is not None
    ]


def _with_score(item: ItemView, score: float) -> ItemView:
    from dataclasses import replace

    return replace(item, score=score)


def _folded(
    rows: Sequence[Any], *, key: int, meeting: int
) -> tuple[list[Any], dict[int, tuple[str, ...]]]:
    """Rows joined with their meeting's groups (the last two columns: group id and
    name), one per (row, group): the rows once each, and each meeting's groups."""
    first: dict[Any, Any] = {}
    named: dict[int, dict[int, str]] = defaultdict(dict)
    for row in rows:
        first.setdefault(row[key], row)
        if row[-1] is not None:
            named[row[meeting]][row[-2]] = row[-1]
    groups = {m: tuple(names[g] for g in sorted(names)) for m, names in named.items()}
    return list(first.values()), groups


def _decision_view(row: Any, groups: dict[int, tuple[str, ...]], score: float) -> DecisionView:
    text, kind, referred_to, _item_id, number, parent, title, meeting_id, start, document = row[:10]
    return DecisionView(
        groups=groups.get(meeting_id, ()),
        meeting_id=meeting_id,
        meeting_date=start.astimezone(STOCKHOLM).date(),
        item_number=number or (parent or ""),
        item_title=title,
        text=text,
        kind=kind,
        referred_to=referred_to,
        document=document,
        score=score,
    )
