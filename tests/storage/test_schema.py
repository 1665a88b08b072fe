"""The alembic migration builds exactly the models' schema on both databases."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from storage.models import Base
from storage.store import MIGRATIONS, SCHEMA_HEAD, Store


def test_schema_head_is_alembics_head() -> None:
    assert ScriptDirectory(str(MIGRATIONS)).get_current_head() == SCHEMA_HEAD


def test_migration_matches_models(store: Store) -> None:
    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    # The full-text search objects are created by hand in the migration.
    by_hand = (
        "item_search",
        "item_words",
        "ix_agenda_items_search",
        "search_vector",
        "ix_search_terms_pattern",
        "ix_meetings_day",
    )
    unexpected = [d for d in diff if not any(name in repr(d) for name in by_hand)]
    assert unexpected == []


def test_opening_twice_is_harmless(db_url: str) -> None:
    Store.open(db_url).close()
    store = Store.open(db_url)
    assert store.ping() and store.revision() == SCHEMA_HEAD
    store.close()
