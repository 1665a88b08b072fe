"""A SQLite store follows its file's path: when the path is given another file
(a broken file put right, a volume mounted again), pooled connections do not go
on using the old one, and the first question after the right file is back is
answered."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import SQLAlchemyError

from storage.loading import load_paths
from storage.models import Document
from storage.store import Store
from tests.conftest import real_minutes


def documents(store: Store) -> int:
    with store.session() as session:
        return session.scalar(select(func.count()).select_from(Document)) or 0


@pytest.fixture
def loaded(tmp_path: Path) -> Store:
    store = Store.open(f"sqlite:///{tmp_path / 'minutes.db'}")
    assert load_paths(store, real_minutes()).ok
    return store


def test_a_broken_file_fails_and_the_mended_one_answers(loaded: Store, tmp_path: Path) -> None:
    path = tmp_path / "minutes.db"
    assert documents(loaded) == 5
    loaded.engine.dispose()  # the last connection checkpoints the WAL into the file
    os.link(path, tmp_path / "kept.db")
    broken = tmp_path / "broken.db"
    broken.write_bytes(b"this is not a database file " * 200)
    os.replace(broken, path)

    with pytest.raises(SQLAlchemyError):
        documents(loaded)
    os.replace(tmp_path / "kept.db", path)
    assert documents(loaded) == 5
    loaded.close()


def test_connections_made_while_the_file_was_away_are_dropped(tmp_path: Path) -> None:
    """Connections made while the path briefly held no file (and so made an empty
    one) are not kept once the real file is back: neither one that failed on the
    missing schema nor one that did nothing wrong."""
    path = tmp_path / "minutes.db"
    store = Store.open(f"sqlite:///{path}")
    assert load_paths(store, real_minutes()).ok
    store.engine.dispose()
    os.replace(path, tmp_path / "kept.db")
    with pytest.raises(SQLAlchemyError):
        documents(store)  # opens, and creates, an empty file at the path
    with store.engine.connect() as idle:  # a connection back in the pool, no error
        idle.exec_driver_sql("SELECT 1")
    os.replace(tmp_path / "kept.db", path)
    assert documents(store) == 5
    assert documents(store) == 5
    store.close()
