"""Full-text search over agenda items, the same on SQLite (FTS5) and PostgreSQL
(GIN over to_tsvector('simple', ...)).

Both index words already stemmed by the Snowball Swedish stemmer, so a question's
"suicidsamordningen" finds an item titled "Suicidsamordning", and the two
databases agree on what matches.

    >>> stem_words("Suicidsamordningen – placering")
    ['suicidsamordning', 'placering']
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from typing import Any

import snowballstemmer
from sqlalchemy import Select, TextClause, bindparam, func, select, text
from sqlalchemy.orm import Session

from storage.parsing.records import STOCKHOLM
from storage.registry import fold

_WORD = re.compile(r"[0-9A-Za-zÀ-ÖØ-öø-ÿ]+")
_STEMMER = snowballstemmer.stemmer("swedish")
MIN_WORD = 2
# Words up to this long are listed in search_terms; a question's word widens to at
# most MAX_EXPANSIONS of them (more, and FTS5's own prefix query is used).
MAX_TERM = 100
MAX_EXPANSIONS = 64
MAX_ID = 2**62
# PostgreSQL: the newest items read first for a common word's matches.
RECENT_WINDOW = 4000


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    return fold(str(_STEMMER.stemWord(word.lower())))


def stem_words(text_: str) -> list[str]:
    """Stemmed, folded words of a text (diacritics dropped after stemming)."""
    return [_stem(w) for w in _WORD.findall(text_) if len(w) >= MIN_WORD]


def index_text(text_: str) -> str:
    """What the search columns store for a text."""
    return " ".join(stem_words(text_))


# An item's text column also holds the month of its meeting ("zzm202403"), so a
# search within a period asks the index for the period's months along with the
# words, instead of walking back through every newer match.
MONTH_MARK = "zzm"
MAX_MONTHS = 36


def month_token(day: date) -> str:
    return f"{MONTH_MARK}{day.year:04d}{day.month:02d}"


def is_month_token(word: str) -> bool:
    return word.startswith(MONTH_MARK) and len(word) == 9 and word[3:].isdigit()


def item_text(text_: str, meeting_day: date | None) -> str:
    """What an agenda item's search_text column stores: its words and its month."""
    words = index_text(text_)
    return f"{words} {month_token(meeting_day)}".strip() if meeting_day else words


def search_items(
    session: Session,
    words: Sequence[str],
    *,
    limit: int = 50,
    require_all: bool = True,
    scope: Scope | None = None,
) -> list[tuple[int, float]]:
    """(agenda item id, score) for stemmed `words`: items whose title has them
    (score 2) before those whose text has them (score 1), newest first within each.

    Each word matches as a prefix too, so "samordning" finds "samordningsförbund":
    it is widened to the indexed words it begins (search_terms), since the
    databases' own prefix queries read every matching item before the newest.
    Matches are not ranked by frequency: a common topic can match tens of thousands
    of items, and ranking them all would cost more than the rest of an answer.

    With a `scope` (a group, a period) the matches are those of its meetings,
    however far back they lie among all matches: a scope of few meetings is read
    and matched here, a larger one by the database, newest first.
    """
    terms = [w for w in dict.fromkeys(words) if w]
    if not terms:
        return []
    postgres = session.get_bind().dialect.name == "postgresql"
    widened = _widened_all(session, terms, postgres)
    if require_all and any(words == [] for _, words in widened):
        return []  # a word no item has
    widened = [(term, words) for term, words in widened if words != []]
    if not widened:
        return []
    if scope is not None:
        meetings = scope.meetings(session, SCOPE_READ + 1)
        if len(meetings) <= SCOPE_READ:
            return _search_meetings(session, meetings, widened, limit, require_all)
    if postgres:
        return _search_postgres(session, widened, limit, require_all, scope)
    return _search_sqlite(session, widened, limit, require_all, scope)


# A word widened: the indexed words it begins, or None for "too many to list: ask
# the database for the prefix".
Widened = list[str] | None


def _widened_all(session: Session, terms: list[str], postgres: bool) -> list[tuple[str, Widened]]:
    """Each term with the indexed words it begins: one statement for all terms."""
    listed = [t for t in terms if len(t) <= MAX_TERM]
    found: dict[str, list[str]] = {t: [] for t in listed}
    if listed:
        if postgres:
            match = "term LIKE :pattern{k}"
            params: dict[str, object] = {f"pattern{k}": t + "%" for k, t in enumerate(listed)}
        else:
            match = "term >= :low{k} AND term < :high{k}"
            params = {f"low{k}": t for k, t in enumerate(listed)}
            params |= {f"high{k}": t + "\uffff" for k, t in enumerate(listed)}
        parts = [
            f"SELECT * FROM (SELECT {k} AS k, term FROM search_terms WHERE "
            f"{match.format(k=k)} ORDER BY term LIMIT {MAX_EXPANSIONS + 1}) AS t{k}"
            for k in range(len(listed))
        ]
        for k, word in session.connection().execute(text(" UNION ALL ".join(parts)), params):
            found[listed[k]].append(word)
    return [
        (t, found[t] if t in found and len(found[t]) <= MAX_EXPANSIONS else None) for t in terms
    ]


def _search_sqlite(
    session: Session,
    widened: list[tuple[str, Widened]],
    limit: int,
    require_all: bool,
    scope: Scope | None,
) -> list[tuple[int, float]]:
    months = scope.months() if scope is not None else None
    if scope is not None and months is None:
        low, high = scope.item_range(session)  # bounds the walk through the matches
    else:
        low, high = 0, MAX_ID
    if high < low or months == []:
        return []
    joiner = " AND " if require_all else " OR "
    expression = joiner.join(
        f'"{term}"*' if words is None else "(" + " OR ".join(f'"{w}"' for w in words) + ")"
        for term, words in widened
    )
    period = " AND search_text : (" + " OR ".join(f'"{m}"' for m in months) + ")" if months else ""
    found: dict[int, float] = {}
    for match, score in (
        (f"search_title : ({expression}){period}", 2.0),
        (f"({expression}){period}", 1.0),
    ):
        if scope is None:
            query = text(
                "SELECT rowid FROM item_search WHERE item_search MATCH :match "
                "ORDER BY rowid DESC LIMIT :limit"
            )
        else:
            query = scope.bound(
                text(
                    "SELECT item_search.rowid FROM item_search "
                    "JOIN agenda_items ON agenda_items.id = item_search.rowid "
                    "WHERE item_search MATCH :match "
                    "AND item_search.rowid >= :low AND item_search.rowid <= :high "
                    f"AND {scope.sql} ORDER BY item_search.rowid DESC LIMIT :limit"
                )
            )
        rows = session.connection().execute(
            query, {"match": match, "limit": limit, "low": low, "high": high}
        )
        for (item_id,) in rows.all():
            found.setdefault(int(item_id), score)
    return sorted(found.items(), key=lambda hit: (-hit[1], -hit[0]))[:limit]


def _search_postgres(
    session: Session,
    widened: list[tuple[str, Widened]],
    limit: int,
    require_all: bool,
    scope: Scope | None,
) -> list[tuple[int, float]]:
    months = scope.months() if scope is not None else None
    if scope is not None and months is None:
        low, high = scope.item_range(session)  # bounds the walk through the matches
    else:
        low, high = 0, MAX_ID
    if high < low or months == []:
        return []
    joiner = " & " if require_all else " | "
    query = joiner.join(
        f"{term}:*" if words is None else "(" + " | ".join(words) + ")" for term, words in widened
    )
    within = ""
    if months:
        within += " AND search_vector_all @@ to_tsquery('simple', :months)"
    if scope is not None:
        within += f" AND id >= :low AND id <= :high AND {scope.sql}"
    found: dict[int, float] = {}
    # Stored vectors with GIN indexes (see migration 0003); with their statistics the
    # planner walks the primary key backwards for a common word, the index for a rare one.
    for column, score in (("search_vector_title", 2.0), ("search_vector_all", 1.0)):
        params: dict[str, object] = {"query": query, "limit": limit, "low": low, "high": high}
        ids: list[int] = []
        if scope is None:
            # A common word: its newest matches lie among the newest items, read off
            # the primary key. (The planner takes words for independent and would
            # intersect the GIN lists of a common phrase's words, then sort them all.)
            ids = list(
                session.connection().scalars(
                    text(
                        f"SELECT id FROM (SELECT id, {column} AS v FROM agenda_items "
                        "ORDER BY id DESC LIMIT :window) AS recent "
                        "WHERE v @@ to_tsquery('simple', :query) ORDER BY id DESC LIMIT :limit"
                    ),
                    {**params, "window": RECENT_WINDOW},
                )
            )
        if len(ids) < limit:
            statement = text(
                f"SELECT id FROM agenda_items WHERE {column} @@ to_tsquery('simple', :query)"
                f"{within} ORDER BY id DESC LIMIT :limit"
            )
            if scope is not None:
                statement = scope.bound(statement)
            if months:
                params["months"] = " | ".join(months)
            ids = list(session.connection().scalars(statement, params))
        for item_id in ids:
            found.setdefault(int(item_id), score)
    return sorted(found.items(), key=lambda hit: (-hit[1], -hit[0]))[:limit]


# -- within a group or a period -----------------------------------------------------

# A scope of at most this many meetings is matched here, from its items' stored words.
SCOPE_READ = 300


@dataclass(frozen=True)
class Scope:
    """Meetings of a group and/or starting in [start, end)."""

    group: str | None = None
    start: datetime | None = None
    end: datetime | None = None

    @property
    def sql(self) -> str:
        """A condition on agenda_items.meeting_id, for `bound`."""
        # checked per match (the walk through the matches drives the query)
        condition = (
            "EXISTS (SELECT 1 FROM meetings WHERE meetings.id = agenda_items.meeting_id "
            "AND meetings.start >= :scope_start AND meetings.start < :scope_end)"
        )
        if self.group is not None:
            condition += (
                " AND EXISTS (SELECT 1 FROM meeting_groups JOIN groups "
                "ON groups.id = meeting_groups.group_id "
                "WHERE meeting_groups.meeting_id = agenda_items.meeting_id "
                "AND groups.name = :scope_group)"
            )
        return condition

    def bound(self, query: TextClause) -> TextClause:
        """`query` (holding `sql`) with the scope's values, times stored as the
        meetings table stores them."""
        from storage.models import StockholmTime

        values = [
            bindparam("scope_start", self.start or EARLIEST, type_=StockholmTime()),
            bindparam("scope_end", self.end or LATEST, type_=StockholmTime()),
        ]
        if self.group is not None:
            values.append(bindparam("scope_group", self.group))
        return query.bindparams(*values)

    def months(self) -> list[str] | None:
        """The month tokens of a period of at most MAX_MONTHS months (else None)."""
        if self.start is None or self.end is None:
            return None
        first = self.start.astimezone(STOCKHOLM).date()
        last = (self.end - timedelta(microseconds=1)).astimezone(STOCKHOLM).date()
        if last < first:
            return []
        count = (last.year - first.year) * 12 + last.month - first.month + 1
        if count > MAX_MONTHS:
            return None
        return [
            month_token(
                date(first.year + (first.month - 1 + k) // 12, (first.month - 1 + k) % 12 + 1, 1)
            )
            for k in range(count)
        ]

    def meetings(self, session: Session, limit: int | None = None) -> list[int]:
        """Up to `limit` of the scope's meetings (ids): an index range."""
        return list(session.connection().scalars(self._meeting_ids().limit(limit)))

    def item_range(self, session: Session) -> tuple[int, int]:
        """Bounds on the ids of the scope's agenda items ((0, -1): none): those of
        the items of the meetings with ids from the scope's lowest to its highest.
        Documents are mostly written in the order of their meetings, so the range
        is narrow and the database's walk through the matches short; it is a
        bound whatever the order."""
        from storage.models import AgendaItem

        ids = self._meeting_ids().subquery()
        first, last = (
            session.connection().execute(select(func.min(ids.c[0]), func.max(ids.c[0]))).one()
        )
        if first is None:
            return (0, -1)
        low, high = (
            session.connection()
            .execute(
                select(func.min(AgendaItem.id), func.max(AgendaItem.id)).where(
                    AgendaItem.meeting_id >= first, AgendaItem.meeting_id <= last
                )
            )
            .one()
        )
        return (low, high) if low is not None else (0, -1)

    def _meeting_ids(self) -> Select[Any]:
        from storage.models import Group, Meeting, MeetingGroup

        start, end = self.start or EARLIEST, self.end or LATEST
        if self.group is None:
            return select(Meeting.id).where(Meeting.start >= start, Meeting.start < end)
        return (
            select(MeetingGroup.meeting_id)
            .join(Group, Group.id == MeetingGroup.group_id)
            .where(Group.name == self.group, MeetingGroup.start >= start, MeetingGroup.start < end)
        )


EARLIEST = datetime(1900, 1, 1, tzinfo=UTC)
LATEST = datetime(9000, 1, 1, tzinfo=UTC)


def _search_meetings(
    session: Session,
    meetings: list[int],
    widened: list[tuple[str, Widened]],
    limit: int,
    require_all: bool,
) -> list[tuple[int, float]]:
    """The search done here over the stored words of a few meetings' items: the
    same matches as the index gives (each word a prefix of a stored word)."""
    if not meetings:
        return []
    from storage.models import AgendaItem

    rows = session.connection().execute(
        select(AgendaItem.id, AgendaItem.search_title, AgendaItem.search_text).where(
            AgendaItem.meeting_id.in_(meetings)
        )
    )
    terms = [term for term, _ in widened]
    combine = all if require_all else any
    found: list[tuple[int, float]] = []
    for item_id, title, body in rows:
        title_words = title.split()
        if combine(any(w.startswith(t) for w in title_words) for t in terms):
            found.append((item_id, 2.0))
        elif combine(any(w.startswith(t) for w in (*title_words, *body.split())) for t in terms):
            found.append((item_id, 1.0))
    return sorted(found, key=lambda hit: (-hit[1], -hit[0]))[:limit]
