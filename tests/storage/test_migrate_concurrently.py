"""Several instances starting at once on one PostgreSQL database: each migrates or
waits its turn (an advisory lock), and every one of them opens."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text

from storage.store import SCHEMA_HEAD, Store
from tests.conftest import POSTGRES_SCHEMA, POSTGRES_SERVER

# Each process sleeps until the same moment, then opens the store (and migrates).
OPEN_AT = """
import sys, time
from storage.store import Store
import alembic.command  # imported before the start line, so no process is late
time.sleep(max(0.0, float(sys.argv[2]) - time.time()))
store = Store.open(sys.argv[1])
print(store.revision())
store.close()
"""
INSTANCES = 4


@pytest.fixture
def empty_schema() -> Iterator[str]:
    schema = f"{POSTGRES_SCHEMA}_race"
    engine = create_engine(POSTGRES_SERVER)
    with engine.begin() as conn:
        conn.execute(text(f"DROP SCHEMA IF EXISTS {schema} CASCADE"))
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    yield f"{POSTGRES_SERVER}?options=-csearch_path%3D{schema}"
    with engine.begin() as conn:
        conn.execute(text(f"DROP SCHEMA IF EXISTS {schema} CASCADE"))
    engine.dispose()


@pytest.mark.postgres
def test_instances_starting_together_all_open_one_schema(empty_schema: str) -> None:
    start = time.time() + 4
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", OPEN_AT, empty_schema, str(start)],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for _ in range(INSTANCES)
    ]
    outputs = [process.communicate(timeout=120)[0] for process in processes]
    assert [p.returncode for p in processes] == [0] * INSTANCES, outputs
    assert [out.strip().splitlines()[-1] for out in outputs] == [SCHEMA_HEAD] * INSTANCES
    store = Store.open(empty_schema, migrate=False)
    with store.engine.connect() as conn:
        assert conn.scalar(text("SELECT count(*) FROM alembic_version")) == 1
    store.close()


@pytest.mark.postgres
def test_threads_opening_together_take_turns(empty_schema: str) -> None:
    """In one process too (two engines, two connections)."""
    import threading

    barrier = threading.Barrier(3)
    errors: list[BaseException] = []

    def open_store() -> None:
        barrier.wait()
        try:
            Store.open(empty_schema).close()
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=open_store) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
