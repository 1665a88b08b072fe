"""Agenda items and decisions, by meeting, topic, group and period."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache, lru_cache
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Date,
    Executable,
    Integer,
    Select,
    Text,
    bindparam,
    func,
    literal,
    literal_column,
    or_,
    select,
    union_all,
)
from sqlalchemy.orm import Session, aliased

from storage.fast_reads import fetch_all
from storage.lookups import group_ids, group_names
from storage.models import AgendaItem, Decision, Document, Group, Meeting, MeetingGroup
from storage.parsing.records import STOCKHOLM
from storage.search import Scope, begins_pattern, search_items
from storage.statements import in_list, param

# Items a topic search considers: the newest 100 matches (see storage.search).
SEARCH_DEPTH = 100
# The score of an item whose title has the words (see storage.search).
TITLE_SCORE = 2.0


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
    return _items(session, ITEMS_OF_MEETING, meeting=meeting_id)


def decisions(
    session: Session,
    *,
    meeting_ids: Sequence[int] | None = None,
    words: Sequence[str] = (),
    group: str | None = None,
    start: datetime | None = None,
    end: datetime | None = None,
    limit: int = 50,
    depth: int = SEARCH_DEPTH,
    oldest_first: bool = False,
    kind: str | None = None,
    ranked: bool = True,
    day: date | None = None,
) -> list[DecisionView]:
    """Decisions of the given meetings, or about stemmed `words`; those whose
    agenda item's title names the words first, then newest first.

    About words: those of the newest `depth` matching agenda items, or the oldest
    with `oldest_first` (still listed newest first). `kind`: only decisions of
    that kind ("postponed"). Not `ranked`: title matches are not put first when
    every match is found (for a caller that orders them otherwise). `day`: the
    decisions of the meetings begun that (Stockholm) day, for `start` and `end`."""
    scores: dict[int, float] = {}
    params: dict[str, Any] = {}
    if words:
        scope = _scope(group, start, end)
        scores = dict(
            search_items(
                session, words, limit=depth, scope=scope, oldest_first=oldest_first, ranked=ranked
            )
        )
        if not scores:
            return []
        # the search kept to the group and period: only the items remain to be read,
        # with the sub-headings of those whose titles name the topic
        params["items"] = list(scores)
        params["headings"] = [item for item, score in scores.items() if score >= TITLE_SCORE]
    if meeting_ids is not None:
        params["meetings"] = list(meeting_ids)
    query: Executable
    if params:
        # The rows are few (those items or meetings) and are sorted here: an ORDER BY
        # on the meetings' start would lead the planner away from the item index.
        query = DECISIONS_OF[("items" in params, "meetings" in params)]
    elif day is not None and kind is None and session.get_bind().dialect.name == "postgresql":
        # A day: by the meetings' day index (migration 0010), planned once for any day.
        query = _day_decisions(group is not None)
        params = {"day": day, "limit": limit * 4} | ({"group": group} if group else {})
    else:
        # Only a group or a period: the newest, chosen by the database.
        query = _latest_decisions(
            group is not None, start is not None, end is not None, kind is not None
        )
        values = {"group": group, "start": start, "end": end, "kind": kind, "limit": limit * 4}
        params = {key: value for key, value in values.items() if value is not None}
    rows, groups = _folded(
        session, fetch_all(session.connection(), query, params), key=12, meeting=7
    )
    if meeting_ids is not None and not words:  # the given meetings, in the group and period
        rows = [row for row in rows if _within(row[8], start, end) and _of(groups, row[7], group)]
    if kind is not None:
        rows = [row for row in rows if row[1] == kind]
    rows = sorted(rows, key=_newest_first)
    # an item not searched for is a sub-heading of one whose title names the topic
    default = TITLE_SCORE if words else 0.0
    found = [_decision_view(row, groups, scores.get(row[3], default)) for row in rows if row[8]]
    # sorted() is stable: within equal scores the newest stay first
    found = sorted(found, key=lambda d: -d.score)
    return _once(found)[:limit]


def _once(found: list[DecisionView]) -> list[DecisionView]:
    """Each decision once: a meeting's minutes stored twice (the Word file and its PDF)
    say the same decision under the same item."""
    seen: set[tuple[date, tuple[str, ...], str, str]] = set()
    kept = []
    for view in found:
        said = (view.meeting_date, view.groups, view.item_number, " ".join(view.text.split()))
        if said not in seen:
            seen.add(said)
            kept.append(view)
    return kept


FOLLOWED = "minutesbot.followed"  # session.info: a group's decisions on words in a period
# Patterns a span binds at least, those of fewer words "%" (any text): one statement
# for every span of up to four words, prepared and planned once, not one per count
# (a postponed question is followed up by up to four words of its title).
FOLLOW_PATTERNS = 4
# (group, start, end, words) of later_decisions
FollowKey = tuple[str, datetime, datetime, tuple[str, ...]]


def later_decisions(
    session: Session, words: Sequence[str], *, group: str, start: datetime, end: datetime
) -> list[DecisionView]:
    """Decisions of `group`'s meetings in [start, end) whose agenda item speaks of
    every one of the stemmed `words` (each as the beginning of a word, as a search
    widens it), oldest first.

    A group's meetings in a year are a handful: they are read by the (group, start)
    index and their items' stored words matched in the same statement, whatever the
    size of the store (the full-text index would walk the matches of common words in
    every group's items), so that only the matching items' decisions are joined and
    sent. The rows are kept for the session (see read_followed)."""
    known: dict[FollowKey, Any] = session.info.setdefault(FOLLOWED, {})
    key = (group, start, end, _stems(words))
    if key not in known:
        read_followed(session, [key])
    rows, groups = known[key]
    return [_decision_view(row, groups, 0.0) for row in sorted(rows, key=_oldest_first)]


def read_followed(session: Session, spans: Sequence[FollowKey]) -> None:
    """Read the decisions of the (group, start, end, words) spans that
    `later_decisions` will be asked for, in one statement: a select per span, its
    rows marked with the span's place. (An answer that follows two postponed
    questions up reads them in one round trip instead of two: a day's decisions
    follow up each postponed question by its agenda item's own words.)"""
    known: dict[FollowKey, Any] = session.info.setdefault(FOLLOWED, {})
    wanted = [
        span
        for span in dict.fromkeys((g, s, e, _stems(w)) for g, s, e, w in spans)
        if span not in known
    ]
    if not wanted:
        return
    params: dict[str, Any] = {}
    shape = tuple(max(FOLLOW_PATTERNS, len(words)) for *_, words in wanted)
    for k, (group, start, end, words) in enumerate(wanted):
        ids = group_ids(session, [group])  # none: a group not stored, no rows
        params |= {f"group{k}": ids[0] if ids else None, f"start{k}": start, f"end{k}": end}
        patterns = [begins_pattern(w) for w in words]
        patterns += ["%"] * (shape[k] - len(patterns))  # "%": any text
        params |= {f"word{k}_{j}": pattern for j, pattern in enumerate(patterns)}
    statement = _followed_statement(shape)
    by_span: list[list[Any]] = [[] for _ in wanted]
    for row in fetch_all(session.connection(), statement, params):
        by_span[row[13]].append(row)
    for span, rows in zip(wanted, by_span, strict=True):
        folded, groups = _folded(session, rows, key=12, meeting=7)
        known[span] = ([row for row in folded if row[8] is not None], groups)


def _stems(words: Sequence[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(w for w in words if w))


def _oldest_first(row: Any) -> tuple[float, int, int, int]:
    start = row[8]
    return (start.timestamp() if start else 0.0, row[7], row[10], row[11])


def _within(moment: datetime | None, start: datetime | None, end: datetime | None) -> bool:
    return (
        moment is not None and (start is None or moment >= start) and (end is None or moment < end)
    )


def _of(groups: dict[int, tuple[str, ...]], meeting_id: int, group: str | None) -> bool:
    return group is None or group in groups.get(meeting_id, ())


def _newest_first(row: Any) -> tuple[float, int, int, int]:
    """Decision rows: newest meeting first (meetings at the same time in the order
    they were stored, whatever order the database sends the rows in), then agenda
    and decision order."""
    start = row[8]
    return (-start.timestamp() if start else 0.0, row[7], row[10], row[11])


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
    # the search kept to the scope; the best, title matches first and then the newest,
    # are chosen in the statement that reads them, so only their texts are read
    params = {
        "items": list(scores),
        "titles": [item for item, score in scores.items() if score >= TITLE_SCORE],
        "limit": limit,
    }
    found = _items(session, BEST_ITEMS, **params)
    found = sorted(found, key=lambda item: (-scores[item.id], -item.meeting_date.toordinal()))
    return [_with_score(item, scores[item.id]) for item in found]


# -- plain rows ---------------------------------------------------------------------------


def _scope(group: str | None, start: datetime | None, end: datetime | None) -> Scope | None:
    """Where a topic is searched: the newest matches of these meetings."""
    if group is None and start is None and end is None:
        return None
    return Scope(group, start, end)


# -- statements (built once: see storage.statements) ---------------------------------

_OF_GROUPS = aliased(MeetingGroup)
_MEETINGS = in_list(AgendaItem.meeting_id, "meetings")


def _with_meeting(rows: Select[*tuple[Any, ...]], item: Any) -> Select[Any]:
    """`rows` of agenda items (`item`: AgendaItem or an alias of it) joined with their
    meeting, its document and its groups. A joint meeting's row comes once per group;
    the rows fold into one (see _folded: the groups' names are the lookups', a join
    fewer to plan, 1.9 -> 1.1 ms for the decisions of 100 items at 100,000 meetings)."""
    return (
        rows.join(Meeting, Meeting.id == item.meeting_id)
        .join(Document, Document.id == Meeting.document_id)
        .outerjoin(MeetingGroup, MeetingGroup.meeting_id == Meeting.id)
    )


def _decisions_select(item: Any, *marks: ColumnElement[Any]) -> Select[Any]:
    """Decision rows of agenda items (`item`: AgendaItem or an alias of it), with
    their meeting and document, `marks` and the meeting's group (the last column)."""
    decided = (
        select(
            Decision.text,
            Decision.kind,
            Decision.referred_to,
            item.id,
            item.number,
            item.parent,
            item.title,
            Meeting.id,
            Meeting.start,
            Document.name,
            item.position,
            Decision.position,
            Decision.id,
            *marks,
            MeetingGroup.group_id,
        )
    ).join(item, item.id == Decision.item_id)
    return _with_meeting(decided, item)


_DECISIONS = _decisions_select(AgendaItem)

# The items searched for, and the sub-headings of those whose titles name the topic
# (`headings`): item 7 "Samverkansorganisationen" decides under "Fokusgrupperna",
# "Val av AU" ... Two selects in a union, each reading its items once by their keys
# (one IN over a union of the ids read every item a third time, for the list: 1.94
# -> 1.71 ms p50 at 100,000 meetings). A decision of an item that is both comes
# twice and is folded into one (see _folded).
_HEADING = aliased(AgendaItem)
_SUB = aliased(AgendaItem)
_OF_ITEMS = _DECISIONS.where(in_list(AgendaItem.id, "items"))
_OF_SUBS = (
    _decisions_select(_SUB)
    .join(_HEADING, (_HEADING.meeting_id == _SUB.meeting_id) & (_SUB.parent == _HEADING.number))
    .where(in_list(_HEADING.id, "headings"), _HEADING.number != "")
)
DECISIONS_OF: dict[tuple[bool, bool], Executable] = {
    (True, False): union_all(_OF_ITEMS, _OF_SUBS),
    (False, True): _DECISIONS.where(_MEETINGS),
    (True, True): union_all(
        _OF_ITEMS.where(_MEETINGS), _OF_SUBS.where(in_list(_SUB.meeting_id, "meetings"))
    ),
}  # (of these items and their sub-headings, at these meetings) -> statement


# An agenda item's stored words as one text, " " before and after each (the text
# storage.search.begins_pattern is matched against).
_SAID = (
    literal(" ") + AgendaItem.search_title + literal(" ") + AgendaItem.search_text + literal(" ")
)


@lru_cache(maxsize=64)  # the shapes asked for: a question's words are the user's
def _followed_statement(spans: tuple[int, ...]) -> Executable:
    """The decisions of a group's meetings in a period whose items' stored words
    hold the patterns of its span's words, for each span (see read_followed): span
    k's values bound as group{k}, start{k}, end{k} and word{k}_0, word{k}_1, ...
    (`spans`: how many words each has), its rows marked k. A group's meetings in a
    period are an index range, planned once for any values."""
    selects = [
        _decisions_select(AgendaItem, literal_column(str(k), Integer()))
        .join(_OF_GROUPS, _OF_GROUPS.meeting_id == Meeting.id)
        .where(
            _OF_GROUPS.group_id == param(f"group{k}"),
            _OF_GROUPS.start >= param(f"start{k}"),
            _OF_GROUPS.start < param(f"end{k}"),
            *(
                _SAID.like(bindparam(f"word{k}_{j}", type_=Text()), escape="/")
                for j in range(words)
            ),
        )
        for k, words in enumerate(spans)
    ]
    return selects[0] if len(selects) == 1 else union_all(*selects)


# The meeting is one of the group named :group's
_IN_GROUP = Meeting.id.in_(
    select(MeetingGroup.meeting_id).join(Group).where(Group.name == param("group"))
)


@cache
def _latest_decisions(group: bool, start: bool, end: bool, kind: bool) -> Executable:
    """The newest decisions of a group and/or period and/or kind (those given)."""
    conditions: list[ColumnElement[bool]] = []
    if group:
        conditions.append(_IN_GROUP)
    if start:
        conditions.append(Meeting.start >= param("start"))
    if end:
        conditions.append(Meeting.start < param("end"))
    if kind:
        conditions.append(Decision.kind == param("kind"))
    return _DECISIONS.where(*conditions).order_by(Meeting.start.desc()).limit(param("limit"))


# A meeting's Stockholm day (stored times are naive UTC), as migration 0010 indexes
# it: the constants written in, so that the server matches the index's expression.
MEETING_DAY = literal_column(
    "(((meetings.start AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/Stockholm')::date)", Date()
)


@cache
def _day_decisions(group: bool) -> Executable:
    """The decisions of a day's meetings (PostgreSQL), of a group if given."""
    conditions: list[ColumnElement[bool]] = [bindparam("day", type_=Date()) == MEETING_DAY]
    if group:
        conditions.append(_IN_GROUP)
    return _DECISIONS.where(*conditions).order_by(Meeting.start.desc()).limit(param("limit"))


_ITEM_ROWS = _with_meeting(
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
        MeetingGroup.group_id,
    ),
    AgendaItem,
)
ITEMS_OF_MEETING = _ITEM_ROWS.where(AgendaItem.meeting_id == param("meeting"))
# Of the given items, the first `limit` of those among `titles`, then of the rest,
# newest first: what a search shows, read with their texts.
_CHOSEN = aliased(AgendaItem)
_CHOSEN_MEETING = aliased(Meeting)
BEST_ITEMS = _ITEM_ROWS.where(
    AgendaItem.id.in_(
        select(_CHOSEN.id)
        .join(_CHOSEN_MEETING, _CHOSEN_MEETING.id == _CHOSEN.meeting_id)
        .where(in_list(_CHOSEN.id, "items"))
        .order_by(
            in_list(_CHOSEN.id, "titles").desc(),
            _CHOSEN_MEETING.start.desc(),
            _CHOSEN.position,
        )
        .limit(param("limit"))
    )
)


# Items of the meetings begun in [start, end) whose text holds one of three patterns
# (LIKE, lower case): a meeting's day as later minutes write it (see items_saying).
SAYINGS = 3
ITEMS_SAYING = _ITEM_ROWS.where(
    AgendaItem.meeting_id.in_(
        select(Meeting.id).where(Meeting.start >= param("start"), Meeting.start < param("end"))
    ),
    or_(*(func.lower(AgendaItem.text).like(param(f"said{k}")) for k in range(SAYINGS))),
)


def items_saying(
    session: Session, patterns: Sequence[str], *, start: datetime, end: datetime
) -> list[ItemView]:
    """The items of meetings begun in [start, end) whose text holds one of up to three
    LIKE `patterns` (matched against the lower-cased text), newest first."""
    said = (list(patterns) * SAYINGS)[:SAYINGS]  # (fewer: the first again)
    params = {f"said{k}": pattern for k, pattern in enumerate(said)}
    return _items(session, ITEMS_SAYING, start=start, end=end, **params)


def _items(session: Session, statement: Executable, **params: Any) -> list[ItemView]:
    rows, groups = _folded(
        session, fetch_all(session.connection(), statement, params), key=0, meeting=1
    )
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
    session: Session, rows: Sequence[Any], *, key: int, meeting: int
) -> tuple[list[Any], dict[int, tuple[str, ...]]]:
    """Rows joined with their meeting's groups (the last column: a group id), one
    per (row, group): the rows once each, and each meeting's groups' names."""
    first: dict[Any, Any] = {}
    ids: dict[int, set[int]] = defaultdict(set)
    for row in rows:
        first.setdefault(row[key], row)
        if row[-1] is not None:
            ids[row[meeting]].add(row[-1])
    names = group_names(session, {g for found in ids.values() for g in found})
    groups = {m: tuple(names[g] for g in sorted(found)) for m, found in ids.items()}
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
