"""Fixtures: the real minutes in a store of the fault suite's own, served in a thread."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from storage.loading import load_paths
from storage.store import Store
from tests.conftest import real_minutes
from tests.faults.service import ThreadedService, threaded_service


@pytest.fixture(scope="module")
def fault_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """The real minutes (SQLite); fuzzed input may write (tie a channel), so not shared."""
    store = Store.open(f"sqlite:///{tmp_path_factory.mktemp('faults') / 'minutes.db'}")
    assert load_paths(store, real_minutes()).ok
    yield store
    store.close()


@pytest.fixture(scope="module")
def service(fault_store: Store) -> Iterator[ThreadedService]:
    with threaded_service(fault_store) as running:
        yield running
