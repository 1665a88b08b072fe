"""The ways queries stay fast in a large store give the same answers as reading
everything: windows of days, search words widened through search_terms, the
latest listing per group, and planner statistics after loading."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from importlib import import_module

import pytest
from alembic import command
from sqlalchemy import Select, func, select, text

from storage.loading import load_paths
from storage.models import AgendaItem, Group, ItemSpan, Meeting, MeetingGroup, SearchTerm
from storage.parsing.records import STOCKHOLM
from storage.queries import meetings_between, next_meetings, representatives
from storage.queries.people import _latest_in_group, _latest_listing, _organization_ids
from storage.search import MAX_EXPANSIONS, SHORT_WORD, Scope, is_mark, search_items, stem_words
from storage.store import Store, alembic_config
from tests.conftest import NOW, real_minutes

# the module (the package exports its function of the same name)
queries_decisions = import_module("storage.queries.decisions")


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time(0), STOCKHOLM)


def test_a_limited_period_is_the_start_of_the_whole_period(loaded_store: Store) -> None:
    start, end = _midnight(date(2020, 1, 1)), _midnight(date(2027, 1, 1))
    with loaded_store.session() as session:
        everything = meetings_between(session, start, end)
        assert len(everything) > 20
        for limit in (1, 2, 3, 5, 8, 13, len(everything), len(everything) + 5):
            assert meetings_between(session, start, end, limit=limit) == everything[:limit]
        cancelled = [m for m in everything if m.status == "cancelled"]
        assert cancelled
        assert meetings_between(session, start, end, limit=50, status="cancelled") == cancelled


def test_next_meetings_are_the_coming_ones_of_the_whole_future(loaded_store: Store) -> None:
    with loaded_store.session() as session:
        coming = [
            m
            for m in meetings_between(session, _midnight(NOW.date()), _midnight(date(2100, 1, 1)))
            if m.finish > NOW
        ]
        assert coming
        for group in (None, "Chefsgrupp för samverkan social välfärd samt vård och omsorg"):
            mine = [m for m in coming if group is None or group in m.groups]
            assert next_meetings(session, NOW, group=group, limit=3) == mine[:3]


def test_next_meetings_at_every_moment_of_a_meeting_day(loaded_store: Store) -> None:
    """Asked as a meeting begins, while it runs and as it ends: those not over yet."""
    with loaded_store.session() as session:
        everything = meetings_between(
            session, _midnight(date(2020, 1, 1)), _midnight(date(2100, 1, 1))
        )
        moments = {
            moment + shift
            for m in everything[-12:]
            for moment in (m.start, m.finish)
            for shift in (timedelta(minutes=-1), timedelta(0), timedelta(minutes=1))
        }
        for now in sorted(moments):
            begun = [m for m in everything if m.start < _midnight(now.date())]
            coming = [m for m in everything if m not in begun and m.finish > now]
            under_way = [m for m in begun if m.finish > now]
            for limit in (1, 3):
                assert next_meetings(session, now, limit=limit) == (under_way + coming)[:limit]


def test_every_indexed_word_is_a_search_term(loaded_store: Store) -> None:
    with loaded_store.session() as session:
        terms = set(session.scalars(select(SearchTerm.term)))
        rows = session.execute(text("SELECT search_title, search_text FROM agenda_items")).all()
    indexed = {word for title, body in rows for word in f"{title} {body}".split()}
    marks = {word for word in indexed if is_mark(word)}
    assert marks and {w[:3] for w in marks} == {"zzg"}
    assert indexed - marks <= terms and not marks & terms


@pytest.mark.parametrize("word", ["samordning", "suicid", "vard", "region", "ar"])
def test_a_widened_word_finds_what_a_prefix_query_finds(loaded_store: Store, word: str) -> None:
    """search_terms widens a word to the indexed words it begins; the matches are
    those of the database's own prefix query (FTS5 "w"* / PostgreSQL w:*). A short
    word ("ar", år) is itself only: the database's query for the word alone."""
    short = len(word) <= SHORT_WORD
    with loaded_store.session() as session:
        found = search_items(session, [word], limit=10_000)
        if loaded_store.dialect == "sqlite":
            expected = {
                row[0]
                for row in session.execute(
                    text("SELECT rowid FROM item_search WHERE item_search MATCH :m"),
                    {"m": f'"{word}"' if short else f'"{word}"*'},
                )
            }
            wider = session.scalar(
                text("SELECT count(*) FROM item_search WHERE item_search MATCH :m"),
                {"m": f'"{word}"*'},
            )
        else:
            query = (
                "SELECT count(*) OVER (), id FROM agenda_items WHERE to_tsvector('simple', "
                "search_title || ' ' || search_text) @@ to_tsquery('simple', :q)"
            )
            expected = {
                row[1]
                for row in session.execute(text(query), {"q": word if short else f"{word}:*"})
            }
            wider = session.execute(text(query), {"q": f"{word}:*"}).first()[0]  # type: ignore[index]
    assert expected
    assert {item_id for item_id, _ in found} == expected
    assert (wider > len(expected)) == short  # "ar" begins "arbete", "arkitektur" ...


def test_a_word_with_very_many_continuations_still_matches(store: Store) -> None:
    with store.transaction() as session:
        session.add_all(SearchTerm(term=f"zz{k:03d}") for k in range(MAX_EXPANSIONS + 5))
    with store.session() as session:
        # more continuations than an OR should hold: the database's prefix query is used
        assert search_items(session, ["zz"]) == []
        assert search_items(session, stem_words("suicidsamordningen")) == []


def test_latest_listing_in_a_group_is_the_newest_of_all_listings(loaded_store: Store) -> None:
    until = _midnight(date(2030, 1, 1))
    with loaded_store.session() as session:
        for municipality in ("Kumla", "Nora", "Örebro", "Laxå"):
            orgs = _organization_ids(session, municipality, None)
            every_group = _latest_listing(session, orgs, until, max_groups=1000)
            assert every_group
            for group_id, listing in every_group.items():
                assert _latest_in_group(session, orgs, group_id, until) == listing


def test_representatives_without_a_group_are_the_most_recent_groups(loaded_store: Store) -> None:
    with loaded_store.session() as session:
        everywhere = representatives(session, municipality="Kumla")
        groups = list(dict.fromkeys(v.group for v in everywhere))
        assert len(groups) >= 2
        latest = {g: max(v.meeting_date for v in everywhere if v.group == g) for g in groups}
        one = representatives(session, municipality="Kumla", max_groups=1)
        (group,) = {v.group for v in one}
        assert latest[group] == max(latest.values())
        assert one == [v for v in everywhere if v.group == group]


def test_loading_leaves_planner_statistics(store: Store) -> None:
    assert load_paths(store, real_minutes()[:1]).ok
    with store.session() as session:
        if store.dialect == "sqlite":
            analysed = session.scalar(text("SELECT count(*) FROM sqlite_stat1"))
        else:
            analysed = session.scalar(
                select(func.count())
                .select_from(text("pg_stat_user_tables"))
                .where(
                    text("relname = 'attendances' AND schemaname = current_schema()"),
                    text("last_analyze IS NOT NULL"),
                )
            )
    assert analysed


SCOPES = [
    Scope(start=_midnight(date(2020, 1, 1)), end=_midnight(date(2021, 1, 1))),
    Scope(start=_midnight(date(2022, 6, 1)), end=_midnight(date(2024, 1, 1))),
    Scope(group="Chefsgrupp folkhälsa"),
    Scope(group="Chefsgrupp folkhälsa", start=_midnight(date(2023, 1, 1))),
    Scope(end=_midnight(date(2022, 1, 1))),
]


@pytest.mark.parametrize("words", [["vard"], ["samverk"], ["suicid"], ["region", "ar"]])
@pytest.mark.parametrize("scope", SCOPES)
def test_a_scoped_search_finds_the_scopes_newest_matches(
    loaded_store: Store, words: list[str], scope: Scope
) -> None:
    """However many newer matches lie outside the scope: the scope's own newest
    ones, whether the scope is marked in the index (a group, a period of months)
    or bounded and checked per match (a long period)."""
    with loaded_store.session() as session:
        everything = dict(search_items(session, words, limit=100_000))
        inside = set(session.scalars(_meetings_of(scope)))
        items = dict(
            session.execute(
                select(AgendaItem.id, AgendaItem.meeting_id).where(
                    AgendaItem.id.in_(list(everything))
                )
            ).all()
        )
        expected = sorted(
            ((i, score) for i, score in everything.items() if items[i] in inside),
            key=lambda hit: (-hit[1], -hit[0]),
        )
        for limit in (1, 3, len(expected) + 1):
            assert search_items(session, words, limit=limit, scope=scope) == expected[:limit]


def _meetings_of(scope: Scope) -> Select[tuple[int]]:
    query = select(Meeting.id).where(
        Meeting.start >= (scope.start or _midnight(date(1900, 1, 1))),
        Meeting.start < (scope.end or _midnight(date(9000, 1, 1))),
    )
    if scope.group is not None:
        query = query.join(MeetingGroup).join(Group).where(Group.name == scope.group)
    return query


def test_decisions_of_every_year_beyond_the_search_depth(
    loaded_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With a search depth of one item, each year's decisions on a common topic
    are still found: the search is scoped to the year, not cut and then filtered."""
    with loaded_store.session() as session:
        every = queries_decisions.decisions(session, words=["samverk"], limit=1000)
        years = {d.meeting_date.year for d in every}
        assert len(years) >= 3
        monkeypatch.setattr(queries_decisions, "SEARCH_DEPTH", 1)
        for year in years:
            found = queries_decisions.decisions(
                session,
                words=["samverk"],
                start=_midnight(date(year, 1, 1)),
                end=_midnight(date(year + 1, 1, 1)),
            )
            assert found and {d.meeting_date.year for d in found} == {year}


def test_migration_0003_on_a_loaded_store(db_url: str) -> None:
    """A store loaded before 0003 gets its search terms and month marks; going
    back and forth leaves one mark per item and the same search results."""
    store = Store.open(db_url)
    assert load_paths(store, real_minutes()).ok
    with store.session() as session:
        before = search_items(session, ["samverk"], limit=1000)
        texts = dict(session.execute(text("SELECT id, search_text FROM agenda_items")).all())
    config = alembic_config(store.engine)
    command.downgrade(config, "0002")
    with store.session() as session:
        plain = dict(session.execute(text("SELECT id, search_text FROM agenda_items")).all())
    assert not any(is_mark(w) for t in plain.values() for w in t.split())
    command.upgrade(config, "head")
    with store.session() as session:
        assert (
            dict(session.execute(text("SELECT id, search_text FROM agenda_items")).all()) == texts
        )
        assert search_items(session, ["samverk"], limit=1000) == before
        assert session.scalar(select(func.count()).select_from(SearchTerm)) > 100
    store.close()


@pytest.mark.parametrize("words", [["vard"], ["samverk"], ["region", "ar"], ["suicid"]])
def test_the_newest_matches_are_the_head_of_all_matches(
    loaded_store: Store, words: list[str]
) -> None:
    """However the database finds them (on PostgreSQL, a common word's matches
    among the newest items first)."""
    with loaded_store.session() as session:
        everything = search_items(session, words, limit=100_000)
        for limit in (1, 3, 5):
            assert search_items(session, words, limit=limit) == everything[:limit]


def test_every_item_lies_in_its_months_spans(loaded_store: Store) -> None:
    """The spans a period search walks hold every item of the month, per group and
    for all groups (group 0), as written by ingest and by migration 0003 alike."""
    with loaded_store.session() as session:
        spans = {
            (g, m): (low, high)
            for g, m, low, high in session.execute(
                select(ItemSpan.group_id, ItemSpan.month, ItemSpan.first_item, ItemSpan.last_item)
            )
        }
        rows = session.execute(
            select(AgendaItem.id, Meeting.start, MeetingGroup.group_id)
            .join(Meeting, Meeting.id == AgendaItem.meeting_id)
            .join(MeetingGroup, MeetingGroup.meeting_id == Meeting.id)
        ).all()
    assert rows
    for item_id, start, group_id in rows:
        month = start.year * 100 + start.month
        for key in ((0, month), (group_id, month)):
            low, high = spans[key]
            assert low <= item_id <= high
