"""Taking a database away and bringing it back, on each backend.

SQLite: the database file is swapped for one that is not a database (a failed
restore, the wrong volume mounted); the store's pooled connections are closed
first, as a restart of the pool would. PostgreSQL: the service connects as a
role of its own; the role is refused new logins and its connections are
terminated (`pg_terminate_backend`), as when the server restarts or a failover
drops every session; the role may log in again to come back.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from storage.store import Store
from tests.conftest import POSTGRES_SCHEMA, POSTGRES_SERVER


@dataclass
class SqliteOutage:
    path: Path
    store: Store | None = None

    @property
    def url(self) -> str:
        return f"sqlite:///{self.path}"

    def go_away(self) -> None:
        """The path is given a file that is not a database, in one rename (no moment
        without a file, in which a connection would make an empty database)."""
        assert self.store is not None
        self.store.engine.dispose()
        os.link(self.path, f"{self.path}.away")
        broken = Path(f"{self.path}.broken")
        broken.write_bytes(b"this is not a database file " * 200)
        os.replace(broken, self.path)
        for suffix in ("-wal", "-shm"):
            if Path(f"{self.path}{suffix}").exists():
                shutil.move(f"{self.path}{suffix}", f"{self.path}{suffix}.away")

    def come_back(self) -> None:
        for suffix in ("-wal", "-shm"):
            Path(f"{self.path}{suffix}").unlink(missing_ok=True)
            away = Path(f"{self.path}{suffix}.away")
            if away.exists():
                shutil.move(away, f"{self.path}{suffix}")
        away = Path(f"{self.path}.away")
        if away.exists():
            os.replace(away, self.path)


@dataclass
class PostgresOutage:
    role: str
    schema: str
    store: Store | None = None

    @property
    def url(self) -> str:
        server = make_url(POSTGRES_SERVER).set(username=self.role, password=None)
        base = server.render_as_string(hide_password=False)
        return f"{base}?options=-csearch_path%3D{self.schema}&application_name={self.role}"

    def _admin(self, *statements: str) -> None:
        engine = create_engine(POSTGRES_SERVER)
        try:
            with engine.begin() as conn:
                for statement in statements:
                    conn.execute(text(statement))
        finally:
            engine.dispose()

    def go_away(self) -> None:
        self._admin(
            f"ALTER ROLE {self.role} NOLOGIN",
            f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '{self.role}'",
        )

    def come_back(self) -> None:
        self._admin(f"ALTER ROLE {self.role} LOGIN")


Outage = SqliteOutage | PostgresOutage


@contextmanager
def outage_for(backend: str, folder: Path) -> Iterator[Outage]:
    """An empty database on `backend` that can be taken away; cleaned up after."""
    if backend == "sqlite":
        yield SqliteOutage(folder / "minutes.db")
        return
    if os.environ.get("MINUTESBOT_SKIP_POSTGRES") == "1":
        import pytest

        pytest.skip("MINUTESBOT_SKIP_POSTGRES=1")
    role = f"{POSTGRES_SCHEMA}_svc"
    outage = PostgresOutage(role=role, schema=f"{POSTGRES_SCHEMA}_outage")
    outage._admin(
        f"DROP SCHEMA IF EXISTS {outage.schema} CASCADE",
        f"DROP ROLE IF EXISTS {role}",
        f"CREATE ROLE {role} LOGIN",
        f"CREATE SCHEMA {outage.schema} AUTHORIZATION {role}",
    )
    try:
        yield outage
    finally:
        if outage.store is not None:
            outage.store.close()
        outage._admin(
            f"ALTER ROLE {role} LOGIN",
            f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '{role}'",
            f"DROP SCHEMA IF EXISTS {outage.schema} CASCADE",
            f"DROP ROLE IF EXISTS {role}",
        )
