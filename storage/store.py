"""The store: one database (SQLite embedded, PostgreSQL in production) and its schema.

>>> store = Store.open("sqlite://")
>>> store.ping()
True
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.engine import ExceptionContext, make_url
from sqlalchemy.exc import DisconnectionError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import StaticPool

from storage.statements import PLAN_EACH_TIME, PREPARE_THRESHOLD

MIGRATIONS = Path(__file__).parent / "migrations"
# The newest migration's revision (a test keeps it equal to alembic's head). Comparing
# with it lets an up-to-date database open without importing alembic: a faster `ask`.
SCHEMA_HEAD = "0010"
# The PostgreSQL advisory lock key migrations hold (any fixed number; "minutes").
MIGRATION_LOCK = 0x6D696E75746573


# Every GIN index of the current schema, its pending entries merged in.
GIN_CLEAN_PENDING = (
    "SELECT gin_clean_pending_list(i.indexrelid) FROM pg_index i "
    "JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am am ON am.oid = c.relam "
    "WHERE am.amname = 'gin' AND c.relnamespace = current_schema()::regnamespace"
)


# This schema's tables, those the migrations make by hand (item_words) among them.
SCHEMA_TABLES = text(
    "SELECT quote_ident(c.relname) FROM pg_class c "
    "WHERE c.relkind = 'r' AND c.relnamespace = current_schema()::regnamespace "
    "ORDER BY c.relname"
)


def schema_tables(conn: Connection) -> list[str]:
    """The tables of the schema a PostgreSQL connection works in, quoted for SQL."""
    return list(conn.scalars(SCHEMA_TABLES))


class StoreError(Exception):
    """The database cannot be reached or used; the message says what to do."""


def normalize_url(url: str) -> str:
    """Accept `postgresql://` and `postgres://` and use the psycopg 3 driver."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def _engine(url: str) -> Engine:
    parsed = make_url(normalize_url(url))
    sqlite = parsed.get_backend_name() == "sqlite"
    in_memory = sqlite and parsed.database in (None, "", ":memory:")
    kwargs: dict[str, Any] = {}
    if sqlite:
        kwargs["connect_args"] = {"check_same_thread": False, "timeout": 30}
        if in_memory:
            kwargs["poolclass"] = StaticPool
    engine = create_engine(parsed, **kwargs)
    if sqlite:
        event.listen(engine, "connect", _sqlite_pragmas)
    else:
        _ping_when_idle(engine)
        event.listen(engine, "before_cursor_execute", _prepare_or_plan_each_time)
    if sqlite and not in_memory:  # a memory database has no file to lose
        _watch_file(engine, Path(parsed.database or ""))
    return engine


# A pooled connection unused this long is pinged before use.
IDLE_PING_SECONDS = 1.0


def _ping_when_idle(engine: Engine) -> None:
    """Ping a pooled connection before use when it has lain idle, as `pool_pre_ping`
    does for every use: under load connections go back to work within
    milliseconds, and a ping each time was one more round trip per statement
    group (a fifth of a Slack message's time on PostgreSQL). A connection that
    fails its ping is replaced (the pool retries with a new one); one lost while
    in use fails that request, and the pool then drops every connection made
    before (SQLAlchemy's handling of a disconnect)."""

    def fresh(_dbapi: Any, record: Any) -> None:
        record.info["idle_since"] = time.monotonic()

    def checkout(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        if time.monotonic() - record.info.get("idle_since", 0.0) < IDLE_PING_SECONDS:
            return
        try:
            engine.dialect.do_ping(dbapi_connection)
        except Exception as exc:  # any failure to answer: the connection is gone
            raise DisconnectionError("a pooled connection did not answer its ping") from exc

    event.listen(engine, "connect", fresh)
    event.listen(engine, "checkin", fresh)
    event.listen(engine, "checkout", checkout)


def _prepare_or_plan_each_time(
    _conn: Any, cursor: Any, _statement: str, _params: Any, context: Any, _many: bool
) -> None:
    """psycopg may prepare this statement, unless it is to be planned for its
    values each time (see storage.statements.PLAN_EACH_TIME)."""
    each_time = context is not None and context.execution_options.get(PLAN_EACH_TIME, False)
    cursor.connection.prepare_threshold = None if each_time else PREPARE_THRESHOLD


def _watch_file(engine: Engine, path: Path) -> None:
    """Let pooled SQLite connections follow the database file's path.

    A SQLite connection keeps the file it opened, even after the path is given
    another one (a restore, a remount, a file put back after a failure): without
    this, pooled connections would go on reading the old file, or failing on it,
    after the right one is back. A connection whose file is no longer the one at
    the path is replaced when it is checked out; one that finds its file removed,
    corrupt or without our schema is treated as disconnected, so that the pool
    drops its connections and the next request opens the path afresh.
    """

    def file_id() -> tuple[int, int] | None:
        try:
            stat = path.stat()
        except OSError:
            return None
        return (stat.st_dev, stat.st_ino)

    def connected(_dbapi: Any, record: Any) -> None:
        record.info["file"] = file_id()

    def checkout(_dbapi: Any, record: Any, _proxy: Any) -> None:
        if record.info.get("file") != file_id():
            raise DisconnectionError("the database file was replaced")

    event.listen(engine, "connect", connected)
    event.listen(engine, "checkout", checkout)
    event.listen(engine, "handle_error", _sqlite_file_gone)


# SQLite result codes (the low byte of an extended code) that say the file a
# connection has open is no longer a usable database of ours.
SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_CANTOPEN, SQLITE_NOTADB = 10, 11, 14, 26


def _sqlite_file_gone(context: ExceptionContext) -> None:
    """A removed, corrupt or foreign file counts as a lost connection (a missing
    table too: the schema is migrated at open, so a connection that cannot see it
    has opened some other file)."""
    error = context.original_exception
    code = getattr(error, "sqlite_errorcode", None)
    gone = code is not None and code & 0xFF in (
        SQLITE_IOERR,
        SQLITE_CORRUPT,
        SQLITE_CANTOPEN,
        SQLITE_NOTADB,
    )
    if gone or "no such table" in str(error):
        context.is_disconnect = True


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    # The default page cache is 2 MB; indexes of a large store need far more to stay warm.
    cursor.execute("PRAGMA cache_size=-65536")
    cursor.execute("PRAGMA temp_store=MEMORY")
    cursor.execute("PRAGMA mmap_size=1073741824")
    cursor.close()


def alembic_config(engine: Engine) -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["engine"] = engine
    return config


def _refuse_writes(session: Session, _context: Any, _instances: Any) -> None:
    raise RuntimeError("a read session does not write: use Store.transaction()")


class Store:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.sessions = sessionmaker(engine, expire_on_commit=False)
        # Reads. On PostgreSQL each statement is its own transaction (autocommit): a
        # read-committed transaction sees new data at every statement anyway, and
        # the BEGIN and the COMMIT or ROLLBACK around it were two more round trips
        # per answer (a ROLLBACK also made psycopg drop its prepared statements).
        # On SQLite a read is one transaction, one snapshot of the file.
        self._autocommit = (
            engine.execution_options(isolation_level="AUTOCOMMIT")
            if engine.dialect.name == "postgresql"
            else None
        )
        self.reads = sessionmaker(self._autocommit or engine, expire_on_commit=False)
        event.listen(self.reads, "before_flush", _refuse_writes)
        # SQLite has one writer at a time and a writer that finds the file locked
        # sleeps (1 ms, then longer): this process's small writes take turns here.
        self.write_turn = threading.Lock() if engine.dialect.name == "sqlite" else nullcontext()

    @classmethod
    def open(cls, url: str, *, migrate: bool = True) -> Store:
        """Connect and bring the schema up to date (alembic)."""
        try:
            engine = _engine(url)
            store = cls(engine)
            if migrate:
                store.migrate()
        except SQLAlchemyError as exc:
            raise StoreError(
                f"cannot open the database {_safe(url)}: {exc.__class__.__name__}: "
                f"{str(exc).splitlines()[0]}"
            ) from exc
        return store

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def revision(self) -> str | None:
        """The schema revision the database is at (None when it has no schema)."""
        with self.engine.connect() as conn:
            if not inspect(conn).has_table("alembic_version"):
                return None
            revision = conn.scalar(text("SELECT version_num FROM alembic_version"))
            return str(revision) if revision is not None else None

    def migrate(self) -> None:
        """Bring the schema to SCHEMA_HEAD; instances starting together take turns."""
        if self.revision() == SCHEMA_HEAD:
            return
        with self._migration_lock():
            # Another instance may have migrated while this one waited for the lock.
            if self.revision() != SCHEMA_HEAD:
                from alembic import command

                command.upgrade(alembic_config(self.engine), "head")

    @contextmanager
    def _migration_lock(self) -> Iterator[None]:
        """On PostgreSQL a session advisory lock, held until the migration ends (the
        server drops it too if this process dies); SQLite files serve one host."""
        if self.dialect != "postgresql":
            yield
            return
        with self.engine.connect() as conn:
            conn.execute(text("SELECT pg_advisory_lock(:key)"), {"key": MIGRATION_LOCK})
            try:
                yield
            finally:
                conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": MIGRATION_LOCK})

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session for reading; writing in it is an error."""
        with self.reads() as session:
            yield session

    @contextmanager
    def each_statement(self) -> Iterator[Connection]:
        """A connection on which each statement commits on its own, for a write of
        one statement (on PostgreSQL one round trip, without BEGIN and COMMIT)."""
        if self._autocommit is not None:
            with self._autocommit.connect() as conn:
                yield conn
        else:
            with self.engine.begin() as conn:
                yield conn

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session that commits on success and rolls everything back on error."""
        with self.sessions() as session, session.begin():
            yield session

    def analyze(self) -> None:
        """Refresh the query planner's statistics (after loading). Without them
        SQLite cannot tell that a meeting lists 20 people while an organisation
        is listed 100,000 times, and may walk the wrong index. The sampled
        ANALYZE takes milliseconds even at 100,000 meetings. On PostgreSQL the
        full-text indexes' pending entries are merged in too."""
        with self.engine.begin() as conn:
            if self.dialect == "sqlite":
                conn.exec_driver_sql("PRAGMA analysis_limit=1000")
                conn.exec_driver_sql("ANALYZE")
            else:  # this schema's tables only, not the whole database's
                conn.exec_driver_sql("ANALYZE " + ", ".join(schema_tables(conn)))
                # New rows wait in the full-text indexes' pending lists, which every
                # search then reads through (10 ms instead of 0.5 ms for one search
                # after loading 10,000 minutes): merge them into the indexes now.
                conn.exec_driver_sql(GIN_CLEAN_PENDING)

    def ping(self) -> bool:
        try:
            with self.engine.connect() as conn:
                conn.execute(text("SELECT 1"))
        except SQLAlchemyError:
            return False
        return True

    def close(self) -> None:
        self.engine.dispose()


def _safe(url: str) -> str:
    """The URL without its password, fit for messages and logs."""
    try:
        return make_url(normalize_url(url)).render_as_string(hide_password=True)
    except Exception:
        return "<malformed database URL>"
