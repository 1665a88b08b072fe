"""Statements run on the driver's cursor (storage.fast_reads) give what SQLAlchemy's
execution gives, call the statement listeners, and fail as it fails. Against the
real minutes, on both databases."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
from sqlalchemy import Executable, event, text
from sqlalchemy.exc import DBAPIError

from bot.assistant import STAMP
from storage.fast_reads import _COMPILED, fetch_all, fetch_scalar, fetch_scalars
from storage.parsing.records import STOCKHOLM
from storage.queries.decisions import DECISIONS_OF
from storage.queries.meetings import (
    NTH_START,
    SCHEDULE_SPANS,
    VIEWS_BY_IDS,
    VIEWS_IN_WINDOW_OR_MOVED_HERE,
)
from storage.queries.people_statements import LATEST_LISTING_IN_GROUP
from storage.store import Store
from tests.storage.test_sessions import statements_run

EVER = {
    "start": datetime(2000, 1, 1, tzinfo=STOCKHOLM),
    "end": datetime(2100, 1, 1, tzinfo=STOCKHOLM),
}


def _as_sqlalchemy_runs(store: Store, statement: Executable, params: dict[str, Any]) -> None:
    with store.session() as session:
        expected = [tuple(row) for row in session.connection().execute(statement, params).all()]
        assert fetch_all(session.connection(), statement, params) == expected
        # and again, from the compiled form kept for the statement
        assert fetch_all(session.connection(), statement, params) == expected


def test_rows_are_those_sqlalchemy_gives(loaded_store: Store) -> None:
    _as_sqlalchemy_runs(loaded_store, STAMP, {"conversation": ""})
    # meetings' times as the store reads them (Stockholm time, with its offset)
    _as_sqlalchemy_runs(loaded_store, VIEWS_IN_WINDOW_OR_MOVED_HERE, EVER)
    with loaded_store.session() as session:
        rows = fetch_all(session.connection(), VIEWS_IN_WINDOW_OR_MOVED_HERE, EVER)
        ids = sorted({row[0] for row in rows})
        starts = [row[1] for row in rows if row[1] is not None]
        items = [int(i) for i in session.connection().scalars(text("SELECT id FROM agenda_items"))]
    assert len(ids) >= 5
    assert all(start.tzinfo is not None for start in starts)
    # a list of ids bound as one value (PostgreSQL) or as many (SQLite)
    _as_sqlalchemy_runs(loaded_store, VIEWS_BY_IDS, {"ids": ids[:3]})
    _as_sqlalchemy_runs(loaded_store, VIEWS_BY_IDS, {"ids": []})
    _as_sqlalchemy_runs(
        loaded_store,
        DECISIONS_OF[(True, False)],
        {"items": items, "headings": items[:5]},
    )
    _as_sqlalchemy_runs(
        loaded_store,
        SCHEDULE_SPANS,
        {
            "groups": [1, 2, 3, 4],
            "reach": datetime(2019, 1, 1).date(),
            "first": datetime(2020, 1, 1).date(),
            "last": datetime(2027, 1, 1).date(),
        },
    )
    # an IN list of as many parameters as values: run by SQLAlchemy, rows alike
    _as_sqlalchemy_runs(
        loaded_store,
        LATEST_LISTING_IN_GROUP,
        {"group": 1, "orgs": [1, 2, 3], "until": EVER["end"]},
    )


def test_scalars(loaded_store: Store) -> None:
    with loaded_store.session() as session:
        connection = session.connection()
        first = fetch_scalar(connection, NTH_START, EVER | {"offset": 0})
        assert first == connection.scalar(NTH_START, EVER | {"offset": 0})
        assert first is not None and first.tzinfo is not None
        assert fetch_scalar(connection, NTH_START, EVER | {"offset": 10_000}) is None
        assert fetch_scalars(connection, text("SELECT id FROM groups ORDER BY id")) == list(
            connection.scalars(text("SELECT id FROM groups ORDER BY id"))
        )


def test_the_statement_listeners_are_called(loaded_store: Store) -> None:
    with statements_run(loaded_store) as seen, loaded_store.session() as session:
        fetch_all(session.connection(), STAMP, {"conversation": ""})
    assert any("max(documents.id)" in statement for statement in seen)


@pytest.mark.postgres
def test_compiled_once_per_statement(loaded_store: Store) -> None:
    if loaded_store.dialect != "postgresql":
        pytest.skip("PostgreSQL only: SQLite runs through SQLAlchemy")
    with loaded_store.session() as session:
        fetch_all(session.connection(), STAMP, {"conversation": ""})
        kept = _COMPILED[STAMP]
        fetch_all(session.connection(), STAMP, {"conversation": "x"})
    assert kept is not None and _COMPILED[STAMP] is kept
    assert _COMPILED.get(LATEST_LISTING_IN_GROUP, "absent") in (None, "absent")


def test_a_driver_error_is_raised_as_sqlalchemy_raises_it(loaded_store: Store) -> None:
    calls: list[str] = []

    def failed(context: Any) -> None:
        calls.append(type(context.original_exception).__name__)

    # PostgreSQL refuses a negative offset; SQLite reads it as none, so there a
    # statement it cannot prepare
    bad = (
        NTH_START
        if loaded_store.dialect == "postgresql"
        else text("SELECT no_such_column FROM meetings")
    )
    event.listen(loaded_store.engine, "handle_error", failed)
    try:
        with loaded_store.session() as session, pytest.raises(DBAPIError):
            fetch_all(session.connection(), bad, EVER | {"offset": -1})
        # the pool's connections still answer
        with loaded_store.session() as session:
            assert fetch_scalar(session.connection(), text("SELECT 1")) == 1
    finally:
        event.remove(loaded_store.engine, "handle_error", failed)
    assert calls  # SQLAlchemy's error handling ran (its handle_error events)
