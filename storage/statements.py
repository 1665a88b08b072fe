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

from typing import Any

from sqlalchemy import BindParameter, bindparam


def param(name: str, *, expanding: bool = False) -> BindParameter[Any]:
    """A named bound parameter, typed by what it is compared with."""
    return bindparam(name, expanding=expanding)
