"""How PostgreSQL plans the statements behind answers: a lookup is prepared (the
server then chooses its plan); a full-text search or prefix look-up
(PLAN_EACH_TIME) is never prepared, and is planned for its words each time."""

from __future__ import annotations

import pytest
from sqlalchemy import select, text

from storage.models import Group
from storage.search import search_items, stem_words
from storage.statements import PLAN_EACH_TIME, param
from storage.store import Store

BY_NAME = select(Group.id).where(Group.name == param("name"))
# A prefix look-up flagged as search_words' is: planned for its word.
STARTING = text("SELECT name FROM groups WHERE name LIKE :pattern ORDER BY name").execution_options(
    **{PLAN_EACH_TIME: True}
)
PREPARED = text(
    "SELECT statement, generic_plans, custom_plans FROM pg_prepared_statements "
    "WHERE statement LIKE :like"
)


@pytest.fixture
def postgres_store(store: Store) -> Store:
    if store.engine.dialect.name != "postgresql":
        pytest.skip("SQLite has no plan cache")
    with store.transaction() as session:
        session.add_all(
            Group(name=name, short_name=name) for name in ("Alfa", "Alfa's råd", "Beta", "100%")
        )
    return store


def test_a_lookup_is_prepared(postgres_store: Store) -> None:
    with postgres_store.session() as session:
        connection = session.connection()
        for name in ["Alfa", "Beta", "Gamma"] * 4:
            connection.scalars(BY_NAME, {"name": name}).all()
        prepared = connection.execute(PREPARED, {"like": "%groups.name = $1%"}).all()
    assert len(prepared) == 1


def test_a_prefix_lookup_is_planned_for_its_values_and_never_prepared(
    postgres_store: Store,
) -> None:
    with postgres_store.session() as session:
        connection = session.connection()
        for _ in range(8):  # more runs than psycopg waits before preparing
            assert connection.scalars(STARTING, {"pattern": "Alfa%"}).all() == [
                "Alfa",
                "Alfa's råd",
            ]
        # values are quoted, not spliced: a quote or a percent sign is only a value
        assert connection.scalars(STARTING, {"pattern": "Alfa's%"}).all() == ["Alfa's råd"]
        assert connection.scalars(STARTING, {"pattern": "100%"}).all() == ["100%"]
        assert connection.scalars(STARTING, {"pattern": "'; DROP TABLE groups; --"}).all() == []
        assert connection.execute(PREPARED, {"like": "%LIKE%"}).all() == []
        assert connection.scalar(text("SELECT count(*) FROM groups")) == 4


def test_a_search_is_planned_for_its_words(loaded_store: Store) -> None:
    """The full-text statements find the real minutes' items and are not prepared."""
    if loaded_store.engine.dialect.name != "postgresql":
        pytest.skip("SQLite has no plan cache")
    with loaded_store.session() as session:
        found = [search_items(session, stem_words("suicidsamordning")) for _ in range(8)]
        prepared = session.connection().execute(PREPARED, {"like": "%to_tsquery%"}).all()
    assert found[0] and all(hits == found[0] for hits in found)
    assert prepared == []
