"""Shared fixtures: real SQLite files and the real PostgreSQL server, loaded with
the real minutes from ../shared/minutes (or the shipped samples)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

from bot.assistant import Assistant
from storage.loading import load_paths
from storage.parsing.records import STOCKHOLM
from storage.store import Store

ROOT = Path(__file__).resolve().parents[1]
MINUTES = ROOT.parent / "shared" / "minutes"
SAMPLES = ROOT / "bot" / "samples"
POSTGRES_SERVER = os.environ.get(
    "MINUTESBOT_TEST_POSTGRES", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
# Each test run works in a schema of its own, so parallel runs never collide.
POSTGRES_SCHEMA = f"minutesbot_test_{os.getpid()}"
POSTGRES_URL = f"{POSTGRES_SERVER}?options=-csearch_path%3D{POSTGRES_SCHEMA}"
# The acceptance questions' clock.
NOW = datetime(2026, 11, 22, 10, 0, tzinfo=STOCKHOLM)
BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


def real_minutes() -> list[Path]:
    files = sorted(MINUTES.glob("*.txt"))
    if not files:
        pytest.skip(f"the real minutes are not at {MINUTES}")
    return files


def _reset_postgres() -> str:
    if os.environ.get("MINUTESBOT_SKIP_POSTGRES") == "1":
        pytest.skip("MINUTESBOT_SKIP_POSTGRES=1")
    engine = create_engine(POSTGRES_SERVER)
    try:
        with engine.begin() as conn:
            conn.execute(text(f"DROP SCHEMA IF EXISTS {POSTGRES_SCHEMA} CASCADE"))
            conn.execute(text(f"CREATE SCHEMA {POSTGRES_SCHEMA}"))
    except OperationalError as exc:
        pytest.fail(f"PostgreSQL is not reachable at {POSTGRES_SERVER}: {exc}")
    finally:
        engine.dispose()
    return POSTGRES_URL


def database_url(backend: str, folder: Path) -> str:
    if backend == "postgresql":
        return _reset_postgres()
    return f"sqlite:///{folder / 'minutes.db'}"


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database on each backend."""
    return database_url(request.param, tmp_path)


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    store = Store.open(db_url)
    yield store
    store.close()


@pytest.fixture(params=BACKENDS)
def loaded_store(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Store]:
    """The five real minutes, loaded once per backend and test (read-only use)."""
    url = database_url(request.param, tmp_path_factory.mktemp(request.param))
    store = Store.open(url)
    report = load_paths(store, real_minutes())
    assert report.ok, [r.message for r in report.results if r.failed]
    yield store
    store.close()


@pytest.fixture(scope="session")
def sqlite_minutes(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """The real minutes in one SQLite store shared by a whole session (read-only)."""
    store = Store.open(f"sqlite:///{tmp_path_factory.mktemp('shared') / 'minutes.db'}")
    assert load_paths(store, real_minutes()).ok
    yield store
    store.close()


@pytest.fixture
def assistant(loaded_store: Store) -> Assistant:
    return Assistant(loaded_store)


@pytest.fixture(scope="session", autouse=True)
def _drop_postgres_schema() -> Iterator[None]:
    yield
    if os.environ.get("MINUTESBOT_SKIP_POSTGRES") == "1":
        return
    engine = create_engine(POSTGRES_SERVER)
    try:
        with engine.begin() as conn:
            conn.execute(text(f"DROP SCHEMA IF EXISTS {POSTGRES_SCHEMA} CASCADE"))
    except OperationalError:
        pass
    finally:
        engine.dispose()
