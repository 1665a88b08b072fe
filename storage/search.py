"""Full-text search over agenda items, the same on SQLite (FTS5) and PostgreSQL
(GIN over to_tsvector('simple', ...), and a B-tree of (word, item) pairs,
item_words, that a topic's newest matches are walked back off).

Both index words already stemmed by the Snowball Swedish stemmer, so a question's
"suicidsamordningen" finds an item titled "Suicidsamordning", and the two
databases agree on what matches.

    >>> stem_words("Suicidsamordningen – placering")
    ['suicidsamordning', 'placering']
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from functools import cache, lru_cache

import snowballstemmer
from sqlalchemy import TextClause, bindparam, select, text
from sqlalchemy.orm import Session

from storage.fast_reads import fetch_all
from storage.lookups import lookups
from storage.models import AgendaItem, StockholmTime
from storage.parsing.records import STOCKHOLM
from storage.registry import fold
from storage.statements import PLAN_EACH_TIME, in_list

_WORD = re.compile(r"[0-9A-Za-zÀ-ÖØ-öø-ÿ]+")
_STEMMER = snowballstemmer.stemmer("swedish")
MIN_WORD = 2
# Words up to this long are listed in search_terms; a question's word widens to at
# most MAX_EXPANSIONS of them (more, and FTS5's own prefix query is used).
MAX_TERM = 100
MAX_EXPANSIONS = 64
# PostgreSQL: the newest items read first for a common word's matches.
RECENT_WINDOW = 4000
# A word this short is itself only: "bil" (bilar) does not widen to "bilaga" and
# "bild" as "suicid" does to "suicidsamordning".
SHORT_WORD = 3


def begins(stored: str, asked: str) -> bool:
    """Whether a stored (stemmed) word is one an asked word widens to: the asked
    word's continuations, a short word itself only."""
    return stored == asked if len(asked) <= SHORT_WORD else stored.startswith(asked)


def begins_pattern(asked: str) -> str:
    """`begins` as a LIKE pattern (escaped by "/") over stored words joined by single
    spaces, with a space before and after: " word" starts one, " word " is one."""
    escaped = asked.replace("/", "//").replace("%", "/%").replace("_", "/_")
    return f"% {escaped}{' ' if len(asked) <= SHORT_WORD else ''}%"


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    return fold(str(_STEMMER.stemWord(word.lower())))


def stem_words(text_: str) -> list[str]:
    """Stemmed, folded words of a text (diacritics dropped after stemming)."""
    return [_stem(w) for w in _WORD.findall(text_) if len(w) >= MIN_WORD]


def index_text(text_: str) -> str:
    """What the search columns store for a text."""
    return " ".join(stem_words(text_))


# An item's text column also holds marks of its meeting's groups ("zzg12", by
# group id), so a search within a group asks the index for its mark along with the
# words, instead of walking back through every newer match. (No stemmed word
# looks like a mark.) A period bounds the walk by item ids instead (`_span_params`).
GROUP_MARK = "zzg"


def group_token(group_id: int) -> str:
    return f"{GROUP_MARK}{group_id}"


def is_mark(word: str) -> bool:
    """A group mark, not a word of the text."""
    return word.startswith(GROUP_MARK) and word[3:].isdigit()


def month_key(moment: datetime) -> int:
    """The Stockholm month of a moment as item_spans keys it: 202403."""
    day = moment.astimezone(STOCKHOLM)
    return day.year * 100 + day.month


def item_text(text_: str, group_ids: Sequence[int] = ()) -> str:
    """What an agenda item's search_text column stores: its words and its
    meeting's groups' marks."""
    return " ".join([index_text(text_), *(group_token(g) for g in group_ids)]).strip()


def search_items(
    session: Session,
    words: Sequence[str],
    *,
    limit: int = 50,
    require_all: bool = True,
    scope: Scope | None = None,
    oldest_first: bool = False,
    ranked: bool = True,
) -> list[tuple[int, float]]:
    """(agenda item id, score) for stemmed `words`: items whose title has them
    (score 2) before those whose text has them (score 1), newest first within each.

    Each word matches as a prefix too, so "samordning" finds "samordningsförbund":
    it is widened to the indexed words it begins (search_terms), since the
    databases' own prefix queries read every matching item before the newest.
    Matches are not ranked by frequency: a common topic can match tens of thousands
    of items, and ranking them all would cost more than the rest of an answer.

    With a `scope` (a group, a period) the matches are those of its meetings,
    however far back they lie among all matches: the index is asked for the
    scope's marks with the words, and the walk through a period's matches is
    bounded by the ids of its agenda items. `oldest_first`: the oldest matches instead
    (by when they were stored, which is mostly when they were held). Not `ranked`:
    when every match is found, title matches are not told apart (all score 1).
    """
    terms = [w for w in dict.fromkeys(words) if w]
    if not terms:
        return []
    postgres = session.get_bind().dialect.name == "postgresql"
    widened = widened_terms(session, terms, postgres)
    if require_all and any(words == [] for _, words in widened):
        return []  # a word no item has
    widened = [(term, words) for term, words in widened if words != []]
    if not widened:
        return []
    if scope is not None and scope.group is not None:
        group_id = lookups(session).group_ids.get(scope.group)
        if group_id is None:
            return []
        scope = replace(scope, group_id=group_id)
    wanted = Wanted(limit, require_all, oldest_first, ranked)
    if postgres:
        return _search_postgres(session, widened, wanted, scope)
    return _search_sqlite(session, widened, wanted, scope)


@dataclass(frozen=True)
class Wanted:
    """How many matches, of all words or any, the newest or the oldest first,
    title matches told apart or not."""

    limit: int
    require_all: bool = True
    oldest_first: bool = False
    ranked: bool = True

    def best(self, found: dict[int, float]) -> list[tuple[int, float]]:
        """Title matches (score 2) before text matches, then by age."""
        age = 1 if self.oldest_first else -1
        return sorted(found.items(), key=lambda hit: (-hit[1], age * hit[0]))[: self.limit]


# A word widened: the indexed words it begins, or None for "too many to list: ask
# the database for the prefix".
Widened = list[str] | None


def widened_terms(session: Session, terms: list[str], postgres: bool) -> list[tuple[str, Widened]]:
    """Each term with the indexed words it begins: one statement for all terms,
    once per state of the store (kept with its lookups: the same topics are asked
    about again and again, and an answer that follows decisions up asks for the
    same words twice)."""
    return lookups(session).kept(
        ("widened", tuple(terms)), lambda: _widen(session, terms, postgres)
    )


def _widen(session: Session, terms: list[str], postgres: bool) -> list[tuple[str, Widened]]:
    listed = [t for t in terms if len(t) <= MAX_TERM]
    found: dict[str, list[str]] = {t: [] for t in listed}
    if listed:
        # a short word is itself only (see `begins`): asked for as it is
        short = [len(t) <= SHORT_WORD for t in listed]
        if postgres:
            params: dict[str, object] = {
                f"pattern{k}": t if exact else t + "%"
                for k, (t, exact) in enumerate(zip(listed, short, strict=True))
            }
        else:
            params = {f"low{k}": t for k, t in enumerate(listed)}
            params |= {
                f"high{k}": t + ("\x01" if exact else "\uffff")
                for k, (t, exact) in enumerate(zip(listed, short, strict=True))
            }
        statement = _widen_statement(len(listed), postgres)
        for k, word in fetch_all(session.connection(), statement, params):
            found[listed[k]].append(word)
    return [
        (t, found[t] if t in found and len(found[t]) <= MAX_EXPANSIONS else None) for t in terms
    ]


def _search_sqlite(
    session: Session, widened: list[tuple[str, Widened]], wanted: Wanted, scope: Scope | None
) -> list[tuple[int, float]]:
    marks = scope.marks() if scope is not None else []
    spans = _span_params(scope)
    if spans is None:
        return []
    joiner = " AND " if wanted.require_all else " OR "
    expression = joiner.join(
        f'"{term}"*' if words is None else "(" + " OR ".join(f'"{w}"' for w in words) + ")"
        for term, words in widened
    )
    within = "".join(f' AND search_text : "{mark}"' for mark in marks)
    in_period = scope is not None and scope.has_period
    statement = _sqlite_statement(in_period, bool(spans), wanted.oldest_first)
    params = {"limit": wanted.limit, **spans, **_period(scope)}
    connection = session.connection()
    every = connection.scalars(statement, {"match": f"({expression}){within}", **params}).all()
    if len(every) < wanted.limit:  # all the matches: their titles tell which are title matches
        return wanted.best(_title_scores(session, every, widened, wanted))
    titles = {"match": f"search_title : ({expression}){within}", **params}
    return wanted.best(_scored(connection.scalars(statement, titles).all(), every))


def _search_postgres(
    session: Session, widened: list[tuple[str, Widened]], wanted: Wanted, scope: Scope | None
) -> list[tuple[int, float]]:
    marks = scope.marks() if scope is not None else []
    spans = _span_params(scope)
    if spans is None:
        return []
    in_period = scope is not None and scope.has_period
    params: dict[str, object] = {"limit": wanted.limit, **spans, **_period(scope)}
    listed = [(term, words) for term, words in widened if words is not None]
    if not marks and len(listed) == len(widened):
        # Every word's indexed words known (the common case): walked off item_words.
        return _walk(session, listed, wanted, params, in_period, bool(spans))
    # Else the full-text index: a group's marks with the words (the group's matches
    # are an intersection of its GIN lists), or a word too short to list what it begins.
    joiner = " & " if wanted.require_all else " | "
    params["query"] = joiner.join(
        f"{term}:*" if words is None else "(" + " | ".join(words) + ")" for term, words in widened
    )
    params["marks"] = " & ".join(marks)
    shape = (bool(marks), in_period, bool(spans), wanted.oldest_first)
    recent: list[tuple[int, bool]] | None = None
    if not marks and not wanted.oldest_first:
        # A common word: its newest matches (of all, or of a period) lie among the
        # newest items (of the period's ids), read off the primary key, with whether
        # their titles match too, in one pass. (The planner takes words for
        # independent: it would fetch every item of a common phrase's GIN lists, in
        # a store of 100,000 meetings 40,000 rows for 120 ms, to keep the period's.)
        statement = _postgres_recent_statement(in_period, bool(spans))
        rows = fetch_all(session.connection(), statement, {**params, "window": RECENT_WINDOW})
        recent = [(int(item_id), bool(title)) for item_id, title in rows]
    # Stored vectors with GIN indexes (see migration 0003): too few among the newest,
    # the index finds the rest.
    newest = [i for i, _ in recent] if recent is not None else []
    every = _postgres_matches(session, "search_vector_all", newest, params, wanted, shape)
    if len(every) < wanted.limit:  # all the matches: their titles tell which are title matches
        return wanted.best(_title_scores(session, every, widened, wanted))
    newest_titles = [i for i, title in recent if title] if recent is not None else []
    titles = _postgres_matches(session, "search_vector_title", newest_titles, params, wanted, shape)
    return wanted.best(_scored(titles, every))


def _walk(
    session: Session,
    widened: list[tuple[str, list[str]]],
    wanted: Wanted,
    params: dict[str, object],
    in_period: bool,
    bounded: bool,
) -> list[tuple[int, float]]:
    """The newest (or oldest) matches, and the newest title matches, read off the
    (word, item) index of item_words (PostgreSQL).

    All words: the rarest term's words are walked in item order, each item checked
    for the other terms by the index, until enough match. Any word: every term's
    words are walked together. A term's rarity is the share of items its words are
    in, from the planner's statistics (`word_shares`). The walk tells which of its
    matches are title matches; only when there are `limit` matches and not all of
    them are, the title matches are walked for on their own."""
    if wanted.require_all:
        shares = word_shares(session)
        rarest = min(widened, key=lambda t: (_share(shares, t[1]), -len(t[0])))
        driving, checked = rarest[1], [words for term, words in widened if term != rarest[0]]
    else:
        driving, checked = list(dict.fromkeys(w for _, words in widened for w in words)), []
    values: dict[str, object] = {f"w{k}": word for k, word in enumerate(driving)}
    values |= {f"t{k}_{j}": word for k, words in enumerate(checked) for j, word in enumerate(words)}
    values |= params
    lengths = tuple(len(words) for words in checked)
    shape = (len(driving), lengths, in_period, bounded, wanted.oldest_first, wanted.limit)
    connection = session.connection()
    found = {
        int(item_id): bool(title)
        for item_id, title in fetch_all(connection, _walk_statement(False, *shape), values)
    }
    every = list(found)
    if len(every) < wanted.limit:  # all the matches, title matches told
        if not wanted.ranked:
            return wanted.best(dict.fromkeys(every, 1.0))
        titles = [item_id for item_id, title in found.items() if title]
    elif all(found.values()):
        titles = every
    else:  # the newest title matches may lie beyond
        titles = [
            int(item_id)
            for item_id, _ in fetch_all(connection, _walk_statement(True, *shape), values)
        ]
    return wanted.best(_scored(titles, every))


def _share(shares: dict[str, float], words: list[str]) -> float:
    """The share of items with one of these words, at most (a word the statistics
    do not list is in fewer items than the least common word they list)."""
    rare = shares.get("", 0.0)
    return min(1.0, sum(shares.get(w, rare) for w in words))


def word_shares(session: Session) -> dict[str, float]:
    """The share of agenda items each common word is in, from PostgreSQL's
    statistics of the stored vectors (the words ANALYZE found commonest, up to a
    thousand); "" holds the least of them. Read once per state of the store."""
    return lookups(session).kept("word shares", lambda: _read_word_shares(session))


def _read_word_shares(session: Session) -> dict[str, float]:
    row = session.connection().execute(WORD_SHARES).first()
    if row is None:  # before the first ANALYZE
        return {}
    words, shares = row
    # the shares of the words, then the least and the greatest of them
    found = dict(zip(words, shares[: len(words)], strict=True))
    found[""] = min(shares[: len(words)], default=0.0)
    return found


WORD_SHARES = text(
    "SELECT most_common_elems::text::text[], most_common_elem_freqs FROM pg_stats "
    "WHERE schemaname = current_schema() AND tablename = 'agenda_items' "
    "AND attname = 'search_vector_all' AND most_common_elems IS NOT NULL"
)


@lru_cache(maxsize=256)
def _walk_statement(
    title: bool,
    driving: int,
    checked: tuple[int, ...],
    in_period: bool,
    bounded: bool,
    oldest_first: bool,
    limit: int,
) -> TextClause:
    """(item, whether its title has the words too) of the items with one of
    `driving` words (:w0, :w1, …) and one word of each list of words checked (as
    many as `checked` says: :t0_0, :t0_1, …, :t1_0, …),
    newest first (oldest with `oldest_first`), at most `limit`; with `title`, of the
    items whose titles have them.

    The limit is written in, and each word is a parameter of its own: the server
    then plans the statement once for any words (psycopg prepares it), as a walk
    is the same plan for any. With the limit a parameter, or the words checked an
    array of unknown length, it costed the one plan for any words ten times too high
    and planned afresh each time (0.3-2 ms)."""
    only = " AND title" if title else ""
    if bounded:
        only += " AND " + _IN_SPANS.format(item="item_id")
    order = _order(oldest_first)
    # each word's items in order off the index, merged (an item may have several)
    walked = " UNION ALL ".join(
        f"(SELECT item_id, {'true' if title else 'title'} AS title FROM item_words "
        f"WHERE word = :w{k}{only} ORDER BY item_id {order})"
        for k in range(driving)
    )

    def has(k: int, in_title: bool) -> str:
        words = ", ".join(f":t{k}_{j}" for j in range(checked[k]))
        return (
            f"EXISTS (SELECT 1 FROM item_words AS o WHERE o.item_id = walked.item_id "
            f"AND o.word IN ({words}){' AND o.title' if in_title else ''} OFFSET 0)"
        )

    # Checked item by item as the walk goes, and it stops at the limit (OFFSET 0 keeps
    # the planner from joining each word's every item instead: a common word has
    # tens of thousands in a large store).
    conditions = [has(k, title) for k in range(len(checked))]
    if in_period:
        conditions.append(_IN_PERIOD.format(item="walked.item_id"))
    where = " WHERE " + " AND ".join(conditions) if conditions else ""
    # a title match: the driving word in the title, and each checked word
    in_title = " AND ".join(["bool_or(walked.title)", *(has(k, True) for k in range(len(checked)))])
    statement = text(
        f"SELECT item_id, {in_title} FROM ({walked}) AS walked{where} "
        f"GROUP BY item_id ORDER BY item_id {order} LIMIT {int(limit)}"
    )
    return _period_types(statement) if in_period else statement


def _postgres_matches(
    session: Session,
    column: str,
    newest: list[int],
    params: dict[str, object],
    wanted: Wanted,
    shape: tuple[bool, bool, bool, bool],
) -> list[int]:
    """The `wanted.limit` newest matches in `column`: those among the newest items
    read already, else through the index."""
    if len(newest) >= wanted.limit:
        return newest[: wanted.limit]
    statement = _postgres_statement(column, *shape)
    return [int(i) for i in session.connection().scalars(statement, params)]


def _scored(title_matches: Sequence[int], matches: Sequence[int]) -> dict[int, float]:
    """Title matches (score 2), then the other matches (score 1)."""
    found = dict.fromkeys((int(i) for i in title_matches), 2.0)
    for item_id in matches:
        found.setdefault(int(item_id), 1.0)
    return found


def _title_scores(
    session: Session, matches: Sequence[int], widened: list[tuple[str, Widened]], wanted: Wanted
) -> dict[int, float]:
    """Which of these matches are title matches, read from their stored titles
    (one read instead of a second pass through the index), as the index tells."""
    if not matches:
        return {}
    if not wanted.ranked:
        return dict.fromkeys((int(i) for i in matches), 1.0)
    combine = all if wanted.require_all else any
    found: dict[int, float] = {}
    for item_id, title in fetch_all(session.connection(), TITLES, {"ids": list(matches)}):
        words = title.split()
        said = combine(_has(words, term, listed) for term, listed in widened)
        found[int(item_id)] = 2.0 if said else 1.0
    return found


def _has(words: list[str], term: str, listed: Widened) -> bool:
    """The words hold the term: one of the indexed words it was widened to, or
    (too many to list) a word it begins."""
    if listed is None:
        return any(begins(w, term) for w in words)
    return not set(listed).isdisjoint(words)


# -- statements (built once per shape: see storage.statements) ----------------------


@lru_cache(maxsize=32)
def _widen_statement(terms: int, postgres: bool) -> TextClause:
    """The indexed words each of `terms` words begins, at most MAX_EXPANSIONS + 1
    each, in one statement."""
    match = "term LIKE :pattern{k}" if postgres else "term >= :low{k} AND term < :high{k}"
    parts = [
        f"SELECT * FROM (SELECT {k} AS k, term FROM search_terms WHERE "
        f"{match.format(k=k)} ORDER BY term LIMIT {MAX_EXPANSIONS + 1}) AS t{k}"
        for k in range(terms)
    ]
    # a prefix look-up: planned for its words (see storage.statements.PLAN_EACH_TIME)
    return text(" UNION ALL ".join(parts)).execution_options(**{PLAN_EACH_TIME: True})


# Checked per match (the walk through the matches drives the query).
_IN_PERIOD = (
    "EXISTS (SELECT 1 FROM agenda_items AS a JOIN meetings ON meetings.id = a.meeting_id "
    "WHERE a.id = {item} AND meetings.start >= :scope_start AND meetings.start < :scope_end)"
)


def _period_types(statement: TextClause) -> TextClause:
    """The period's bounds stored as the meetings table stores times."""
    return statement.bindparams(
        bindparam("scope_start", type_=StockholmTime()),
        bindparam("scope_end", type_=StockholmTime()),
    )


def _order(oldest_first: bool) -> str:
    return "ASC" if oldest_first else "DESC"


@cache
def _sqlite_statement(in_period: bool, bounded: bool, oldest_first: bool) -> TextClause:
    sql = "SELECT rowid FROM item_search WHERE item_search MATCH :match"
    if bounded:
        sql += " AND " + _IN_SPANS.format(item="rowid")
    if in_period:
        sql += " AND " + _IN_PERIOD.format(item="item_search.rowid")
    statement = text(sql + f" ORDER BY rowid {_order(oldest_first)} LIMIT :limit")
    return _period_types(statement) if in_period else statement


@cache
def _postgres_statement(
    column: str, marked: bool, in_period: bool, bounded: bool, oldest_first: bool
) -> TextClause:
    sql = f"SELECT id FROM agenda_items WHERE {column} @@ to_tsquery('simple', :query)"
    if marked and column == "search_vector_title":
        # A group's title matches are among its matches (a title's words are among the
        # item's): found as those are, then checked. Else the planner intersected the
        # words' title index with the group's mark: every title with a common topic
        # (42,000 items for "mobila team" at 100,000 meetings, 18 ms, where the group's
        # matches took 1.3). COALESCE keeps the title index out of it.
        sql = (
            "SELECT id FROM agenda_items WHERE search_vector_all @@ to_tsquery('simple', :query) "
            "AND COALESCE(search_vector_title, ''::tsvector) @@ to_tsquery('simple', :query)"
        )
    if marked:
        sql += " AND search_vector_all @@ to_tsquery('simple', :marks)"
    if bounded:
        sql += " AND " + _IN_SPANS.format(item="id")
    if in_period:
        sql += " AND " + _IN_PERIOD.format(item="agenda_items.id")
    statement = text(sql + f" ORDER BY id {_order(oldest_first)} LIMIT :limit")
    # planned for its words each time: see storage.store.PLAN_EACH_TIME
    statement = statement.execution_options(**{PLAN_EACH_TIME: True})
    return _period_types(statement) if in_period else statement


@cache
def _postgres_recent_statement(in_period: bool, bounded: bool) -> TextClause:
    """The matches among the newest `window` items (of the id range), newest first,
    and whether their titles match too (a title's words are among all the item's,
    so its matches are among these)."""
    newest = "SELECT id, search_vector_all AS v, search_vector_title AS vt FROM agenda_items"
    if bounded:
        newest += " WHERE " + _IN_SPANS.format(item="id")
    sql = (
        "SELECT id, vt @@ to_tsquery('simple', :query) AS title "
        f"FROM ({newest} ORDER BY id DESC LIMIT :window) AS recent "
        "WHERE v @@ to_tsquery('simple', :query)"
    )
    if in_period:
        sql += " AND " + _IN_PERIOD.format(item="recent.id")
    statement = text(sql + " ORDER BY id DESC")
    statement = statement.execution_options(**{PLAN_EACH_TIME: True})
    return _period_types(statement) if in_period else statement


# -- within a group or a period -----------------------------------------------------


@dataclass(frozen=True)
class Scope:
    """Meetings of a group and/or starting in [start, end)."""

    group: str | None = None
    start: datetime | None = None
    end: datetime | None = None
    group_id: int | None = None  # the group's, looked up by search_items

    @property
    def has_period(self) -> bool:
        return self.start is not None or self.end is not None

    def marks(self) -> list[str]:
        """The marks a match must have."""
        return [group_token(self.group_id)] if self.group_id is not None else []


def _period(scope: Scope | None) -> dict[str, datetime]:
    if scope is None or not scope.has_period:
        return {}
    return {"scope_start": scope.start or EARLIEST, "scope_end": scope.end or LATEST}


def _span_params(scope: Scope | None) -> dict[str, int] | None:
    """The months whose item spans bound a period's agenda item ids (the group's,
    with a group): {} without a period, None for a period that holds nothing.

    The statements read the bounds themselves (`_IN_SPANS`), so the database walks
    only that range of its index (a year of a store of 100,000 minutes: 0.8 ms,
    against 3 ms asking the index for the year's months), with no statement of
    their own. Documents are mostly written in the order of their meetings, so
    the range is narrow; it is a bound whatever the order, and each match is
    checked against the period itself."""
    if scope is None or not scope.has_period:
        return {}
    first = scope.start or EARLIEST
    last = (scope.end or LATEST) - timedelta(microseconds=1)
    if last < first:
        return None
    return {
        "span_group": scope.group_id or 0,
        "first_month": month_key(first),
        "last_month": month_key(last),
    }


# The bounds of a period's item ids, read by the statement that uses them (no months'
# spans: NULL bounds, no match).
_SPANS_OF = (
    "(SELECT {aggregate} FROM item_spans WHERE group_id = :span_group "
    "AND month >= :first_month AND month <= :last_month)"
)
_IN_SPANS = (
    "{item} >= "
    + _SPANS_OF.format(aggregate="min(first_item)")
    + " AND {item} <= "
    + _SPANS_OF.format(aggregate="max(last_item)")
)


EARLIEST = datetime(1900, 1, 1, tzinfo=UTC)
LATEST = datetime(9000, 1, 1, tzinfo=UTC)


TITLES = select(AgendaItem.id, AgendaItem.search_title).where(in_list(AgendaItem.id, "ids"))
