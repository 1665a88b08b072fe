"""The rows of a read statement, run on the driver's cursor with its SQL compiled once.

SQLAlchemy's execution of a statement built once (see storage.statements) still
costs about 0.1-0.3 ms of CPU on PostgreSQL before and after the round trip: the
statement's cache key walked, an execution context made, the result wrapped,
events dispatched. The statements every answer runs (the store's stamp, a topic's
walk and its decisions) are run here instead: the SQL, the parameters' and the
columns' conversions are worked out once per statement and dialect by
SQLAlchemy's own compiler and types, and each run is the driver's execute and
fetch, the same conversions applied to the values.

    >>> rows = fetch_all(session.connection(), STAMP, {"conversation": ""})

The statement's `before_cursor_execute` listeners are still called (with no
execution context), and a driver error is handled by SQLAlchemy's own handler:
raised as a DBAPIError, a lost connection invalidated with the pool's others.
Statements whose SQL is only known once the values are (expanding `IN`
parameters) and SQLite connections, whose execution SQLAlchemy already keeps
lean, go through `Connection.execute`.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import ClauseElement, Connection, Executable
from sqlalchemy.sql.compiler import SQLCompiler

from storage.statements import PLAN_EACH_TIME, PREPARE_THRESHOLD

Processor = Callable[[Any], Any]


@dataclass(frozen=True)
class _Compiled:
    sql: str
    defaults: dict[str, Any]  # values the statement binds itself (literals)
    binds: tuple[tuple[str, Processor], ...]  # the parameters converted, and how
    columns: tuple[tuple[int, Processor], ...]  # the columns converted, and how
    plan_each_time: bool


# statement -> its compiled form on PostgreSQL (None: not for this path)
_COMPILED: weakref.WeakKeyDictionary[Executable, _Compiled | None] = weakref.WeakKeyDictionary()


def fetch_all(
    connection: Connection, statement: Executable, params: Mapping[str, Any] | None = None
) -> list[tuple[Any, ...]]:
    """Every row of `statement` run with `params`, as tuples of converted values."""
    values = dict(params or {})
    compiled = _compiled(connection, statement) if connection.dialect.name == "postgresql" else None
    if compiled is None:
        # SQLAlchemy's rows: tuples as far as indexing, slicing and unpacking go
        return cast(list[tuple[Any, ...]], connection.execute(statement, values).all())
    parameters = compiled.defaults | values
    for name, convert in compiled.binds:
        parameters[name] = convert(parameters.get(name))
    dbapi_connection = connection.connection.dbapi_connection
    assert dbapi_connection is not None  # a checked-out connection has one
    cursor = dbapi_connection.cursor()
    try:
        if connection.dispatch.before_cursor_execute:
            for listener in connection.dispatch.before_cursor_execute:
                listener(connection, cursor, compiled.sql, parameters, None, False)
        dbapi_connection.prepare_threshold = None if compiled.plan_each_time else PREPARE_THRESHOLD
        cursor.execute(compiled.sql, parameters)
        rows = cursor.fetchall()
    except Exception as error:
        # as SQLAlchemy's own execution handles it: raised as a DBAPIError, and a lost
        # connection invalidated with every other connection the pool made before it
        # (its one handler of driver errors is not public)
        connection._handle_dbapi_exception(error, compiled.sql, parameters, cursor, None)
    finally:
        cursor.close()
    if not compiled.columns:
        return cast(list[tuple[Any, ...]], rows)  # psycopg's rows are tuples
    converted = []
    for row in rows:
        values_of = list(row)
        for index, convert in compiled.columns:
            values_of[index] = convert(values_of[index])
        converted.append(tuple(values_of))
    return converted


def _compiled(connection: Connection, statement: Executable) -> _Compiled | None:
    try:
        return _COMPILED[statement]
    except KeyError:
        pass
    compiler = cast(ClauseElement, statement).compile(dialect=connection.dialect)
    assert isinstance(compiler, SQLCompiler)
    found: _Compiled | None = None
    if "POSTCOMPILE" not in compiler.string and not compiler.isinsert and not compiler.isupdate:
        dialect = connection.dialect
        defaults = {
            name: bind.value
            for name, bind in compiler.binds.items()
            if not bind.required and bind.callable is None and bind.value is not None
        }
        binds = tuple(
            (name, convert)
            for name, bind in compiler.binds.items()
            if (convert := bind.type.dialect_impl(dialect).bind_processor(dialect)) is not None
        )
        columns = tuple(
            (index, convert)
            for index, column in enumerate(getattr(statement, "selected_columns", ()))
            if (convert := column.type.dialect_impl(dialect).result_processor(dialect, None))
            is not None
        )
        options = statement.get_execution_options()
        found = _Compiled(
            compiler.string, defaults, binds, columns, bool(options.get(PLAN_EACH_TIME, False))
        )
    _COMPILED[statement] = found
    return found


def fetch_scalars(
    connection: Connection, statement: Executable, params: Mapping[str, Any] | None = None
) -> list[Any]:
    """The first column of every row (as `Connection.scalars`)."""
    return [row[0] for row in fetch_all(connection, statement, params)]


def fetch_scalar(
    connection: Connection, statement: Executable, params: Mapping[str, Any] | None = None
) -> Any:
    """The first column of the first row, None without rows (as `Connection.scalar`)."""
    rows = fetch_all(connection, statement, params)
    return rows[0][0] if rows else None
