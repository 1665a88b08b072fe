"""PostgreSQL's (word, item) index, item_words: kept by triggers as items are
written, replaced and changed, filled by its migration, and walked by a search
to the same matches the full-text index gives."""

from __future__ import annotations

import itertools
import shutil
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import event, text
from sqlalchemy.orm import Session

from storage.loading import load_paths
from storage.parsing.records import STOCKHOLM
from storage.search import Scope, search_items, stem_words, word_shares
from storage.store import Store, alembic_config
from tests.conftest import database_url, real_minutes

pytestmark = pytest.mark.postgres

# (word, item, whether the title has it) as the stored vectors say
FROM_VECTORS = text(
    "SELECT word, id, word = ANY(tsvector_to_array(search_vector_title)) "
    "FROM agenda_items, unnest(tsvector_to_array(search_vector_all)) AS word"
)
STORED = text("SELECT word, item_id, title FROM item_words")


def _pairs(session: Session) -> tuple[set[tuple[str, int, bool]], set[tuple[str, int, bool]]]:
    stored = {(word, item, title) for word, item, title in session.execute(STORED)}
    return stored, {(word, item, title) for word, item, title in session.execute(FROM_VECTORS)}


@pytest.fixture(scope="module")
def loaded_postgres(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """The real minutes in PostgreSQL, once for the module (read-only use)."""
    store = Store.open(database_url("postgresql", tmp_path_factory.mktemp("walk")))
    assert load_paths(store, real_minutes()).ok
    yield store
    store.close()


@pytest.fixture
def postgres_store(tmp_path: Path) -> Iterator[Store]:
    store = Store.open(database_url("postgresql", tmp_path))
    yield store
    store.close()


def test_loading_replacing_and_changing_items_keeps_their_words(
    postgres_store: Store, tmp_path: Path
) -> None:
    files = real_minutes()
    assert load_paths(postgres_store, files).ok
    with postgres_store.session() as session:
        stored, expected = _pairs(session)
    assert len(expected) > 1000 and stored == expected

    # a file loaded, then loaded again with other content: its items are replaced,
    # words and all
    copy = tmp_path / files[0].name
    shutil.copy(files[0], copy)
    copy.write_text(copy.read_text(encoding="utf-8").replace("Beslut", "Beslut om kattvård"))
    assert load_paths(postgres_store, [copy]).results[0].status == "loaded"
    with postgres_store.session() as session:
        stored, expected = _pairs(session)
    assert stored == expected and "kattvard" in {word for word, _, _ in stored}
    copy.write_text(copy.read_text(encoding="utf-8").replace("kattvård", "hästvård"))
    assert load_paths(postgres_store, [copy]).results[0].status == "replaced"
    with postgres_store.transaction() as session:
        stored, expected = _pairs(session)
        assert stored == expected
        words = {word for word, _, _ in stored}
        assert "hastvard" in words and "kattvard" not in words
        # an item's words changed in place (as a migration may change them)
        changed = session.execute(
            text(
                "UPDATE agenda_items SET search_title = search_title || ' hundvard', "
                "search_text = '' WHERE id IN (SELECT id FROM agenda_items "
                "ORDER BY id LIMIT 3) RETURNING id"
            )
        ).all()
        assert len(changed) == 3
        stored, expected = _pairs(session)
        assert stored == expected
        assert {item for word, item, title in stored if word == "hundvard" and title} == {
            row[0] for row in changed
        }


def test_migration_fills_the_words_of_items_stored_before_it(postgres_store: Store) -> None:
    assert load_paths(postgres_store, real_minutes()).ok
    config = alembic_config(postgres_store.engine)
    with postgres_store.session() as session:
        before, _ = _pairs(session)
    command.downgrade(config, "0006")
    command.upgrade(config, "head")
    with postgres_store.session() as session:
        after, expected = _pairs(session)
    assert after == before == expected


def _full_text(
    session: Session, words: list[str], title: bool, require_all: bool, scope: Scope | None
) -> list[int]:
    """Every match the full-text index gives, newest first: each word as a prefix."""
    joiner = " & " if require_all else " | "
    column = "search_vector_title" if title else "search_vector_all"
    sql = (
        f"SELECT agenda_items.id FROM agenda_items JOIN meetings "
        f"ON meetings.id = agenda_items.meeting_id WHERE {column} @@ to_tsquery('simple', :q) "
        "AND meetings.start >= :start AND meetings.start < :end ORDER BY agenda_items.id DESC"
    )
    start = scope.start if scope and scope.start else datetime(1900, 1, 1, tzinfo=STOCKHOLM)
    end = scope.end if scope and scope.end else datetime(9000, 1, 1, tzinfo=STOCKHOLM)
    query = joiner.join(f"{w}:*" for w in words)
    return list(session.scalars(text(sql), {"q": query, "start": start, "end": end}))


def _year(year: int) -> Scope:
    return Scope(
        start=datetime(year, 1, 1, tzinfo=STOCKHOLM), end=datetime(year + 1, 1, 1, tzinfo=STOCKHOLM)
    )


QUESTIONS = [
    stem_words(q)
    for q in ("samverkan", "suicid", "vård och omsorg", "region ärende", "beslut", "kattvård")
]


@pytest.mark.parametrize(
    "words, require_all, scope",
    list(itertools.product(QUESTIONS, (True, False), (None, _year(2023), _year(2025)))),
)
def test_the_walk_finds_the_full_text_indexs_matches(
    loaded_postgres: Store, words: list[str], require_all: bool, scope: Scope | None
) -> None:
    """Title matches first, the newest first (and the oldest, asked for), at every
    limit: as the full-text index has them, whichever word the walk is driven by."""
    read: list[str] = []

    def record(conn: object, cursor: object, statement: str, *rest: object) -> None:
        read.append(statement)

    event.listen(loaded_postgres.engine, "before_cursor_execute", record)
    with loaded_postgres.session() as session:
        every = _full_text(session, words, False, require_all, scope)
        titles = set(_full_text(session, words, True, require_all, scope))
        ranked = [i for i in every if i in titles] + [i for i in every if i not in titles]
        for limit in (1, 5, len(every) + 1):
            found = search_items(session, words, limit=limit, require_all=require_all, scope=scope)
            # the newest `limit` title matches, then the newest `limit` matches
            expected = sorted(
                set(ranked[:limit]) & titles | set(every[:limit]),
                key=lambda i: (i not in titles, -i),
            )[:limit]
            assert [i for i, _ in found] == expected
            assert all((score == 2.0) == (i in titles) for i, score in found)
        oldest = search_items(
            session, words, limit=3, require_all=require_all, scope=scope, oldest_first=True
        )
        assert {i for i, _ in oldest} <= set(every)
        assert sorted(i for i, _ in oldest if i not in titles) == [
            i for i, _ in oldest if i not in titles
        ]
    event.remove(loaded_postgres.engine, "before_cursor_execute", record)
    if every:  # found by the walk, not the full-text index
        assert any("FROM item_words" in statement for statement in read)


def test_word_shares_are_the_planners_statistics(loaded_postgres: Store) -> None:
    """The share of items a common word is in, as ANALYZE found it: what a walk
    is driven by (its rarest word)."""
    with loaded_postgres.session() as session:
        shares = word_shares(session)
        counts = {
            word: count
            for word, count in session.execute(
                text("SELECT word, count(*) FROM item_words GROUP BY word")
            )
        }
        items = session.scalar(text("SELECT count(*) FROM agenda_items"))
    assert items and len(shares) > 100
    # ANALYZE reads every row of a table this small: the shares are the counts
    for word, share in shares.items():
        if word:
            assert share == pytest.approx(counts[word] / items, rel=0.01), word
    assert shares[""] == min(share for word, share in shares.items() if word)


def test_loading_gives_the_planner_the_words_statistics(loaded_postgres: Store) -> None:
    """Ingest's ANALYZE takes in the tables the migrations make by hand: with
    item_words' statistics those of an empty table, the planner sorted the whole
    table for a walk (150 ms a search at 100,000 meetings instead of 0.3)."""
    with loaded_postgres.session() as session:
        listed = session.scalar(
            text("SELECT reltuples FROM pg_class WHERE oid = 'item_words'::regclass")
        )
        rows = session.scalar(text("SELECT count(*) FROM item_words"))
        analyzed = session.scalar(
            text(
                "SELECT count(*) FROM pg_stats WHERE tablename = 'item_words' AND schemaname = current_schema()"
            )
        )
    assert rows and listed == rows
    assert analyzed
