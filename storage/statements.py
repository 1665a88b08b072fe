"""Statements built once, values bound per call.

Building a SQLAlchemy statement of a few joins costs about ten times what running
it costs on SQLite (some 1 ms of Python against 0.1 ms, measured on the benchmark
store), and the queries behind every answer run many of them. So the query
modules build their statements at import, with bound parameters for what varies,
and pass the values when they execute them:

    >>> from sqlalchemy import select
    >>> from storage.models import Meeting
    >>> AFTER = select(Meeting.id).where(Meeting.start >= param("start"))
    >>> str(AFTER.compile()).split("WHERE ")[1]
    'meetings.start >= :start'

A parameter compared with a column takes that column's type (so times are stored
as the column stores them); `expanding` parameters take a list, for `IN`.
"""

from __future__ import annotations

from typing import Any, ClassVar

from sqlalchemy import (
    BindParameter,
    Boolean,
    ColumnElement,
    Integer,
    Text,
    TypeDecorator,
    all_,
    any_,
    bindparam,
    cast,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import QueryableAttribute
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.operators import OperatorType
from sqlalchemy.sql.visitors import InternalTraversal, _TraverseInternalsType


def param(name: str, *, expanding: bool = False) -> BindParameter[Any]:
    """A named bound parameter, typed by what it is compared with."""
    return bindparam(name, expanding=expanding)


# On PostgreSQL, psycopg prepares a statement once it has run five times on a
# connection, and the server then plans it once for any values: right for the
# lookups by key and time behind most answers (a third of their time was
# planning), wrong for a full-text search, whose best plan depends on how common
# its words are (a rare word's index entries, or a walk back from the newest
# item for a common one). Statements with this execution option are planned for
# their values every time (storage.store sets psycopg's threshold per statement).
PLAN_EACH_TIME = "minutesbot_plan_each_time"
PREPARE_THRESHOLD = 5  # psycopg's default


class _InList(ColumnElement[bool]):
    """`column IN (the list bound as `name`)`; see `in_list`."""

    inherit_cache = True
    type = Boolean()
    # what the statement cache tells statements apart by
    _traverse_internals: ClassVar[_TraverseInternalsType] = [  # type: ignore[misc]
        ("column", InternalTraversal.dp_clauseelement),
        ("name", InternalTraversal.dp_string),
        ("negated", InternalTraversal.dp_boolean),
    ]

    def __init__(self, column: ColumnElement[Any], name: str, negated: bool) -> None:
        self.column: ColumnElement[Any] = column
        self.name = name
        self.negated = negated

    def self_group(self, against: OperatorType | None = None) -> ColumnElement[bool]:
        # already a condition: not to be compared with true (`… = 1` on SQLite)
        return self


def in_list(
    column: ColumnElement[Any] | QueryableAttribute[Any], name: str, *, negated: bool = False
) -> ColumnElement[bool]:
    """`column` is one of a list of values bound as `name` (a Python list):

        >>> from storage.models import Meeting
        >>> condition = in_list(Meeting.id, "ids")

    An `IN (…)` of as many parameters as the list has on SQLite; on PostgreSQL
    `= ANY(:ids)` with the list as one array, so that one statement serves lists of
    every length and psycopg prepares it (an IN of 60 ids was a new statement, parsed
    and planned each time: 0.5-3 ms of planning for a lookup that runs in 0.4).
    `negated`: not one of them (`NOT IN`, `<> ALL`)."""
    if isinstance(column, QueryableAttribute):
        column = column.__clause_element__()
    return _InList(column, name, negated)


@compiles(_InList)
def _in_list(element: _InList, compiler: SQLCompiler, **kw: Any) -> str:
    values: BindParameter[Any] = bindparam(element.name, expanding=True)
    condition = element.column.not_in(values) if element.negated else element.column.in_(values)
    return str(compiler.process(condition, **kw))


class _IdsAsText(TypeDecorator[list[int]]):
    """A list of ids bound as the text of a PostgreSQL array ("{1,2,3}"): psycopg
    dumps a Python list element by element in Python (0.15 ms of CPU for 100 ids),
    a string at once (0.06 ms)."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Any) -> str | None:
        return None if value is None else "{" + ",".join(map(str, map(int, value))) + "}"


@compiles(_InList, "postgresql")
def _any_of_array(element: _InList, compiler: SQLCompiler, **kw: Any) -> str:
    values: ColumnElement[Any]
    if isinstance(element.column.type, Integer):
        values = cast(bindparam(element.name, type_=_IdsAsText()), ARRAY(Integer))
    else:
        values = bindparam(element.name, type_=ARRAY(element.column.type))
    condition = (
        element.column != all_(values) if element.negated else element.column == any_(values)
    )
    return str(compiler.process(condition, **kw))
