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


# On PostgreSQL, psycopg prepares a statement once it has run five times on a
# connection, and the server then plans it once for any values: right for the
# lookups by key and time behind most answers (a third of their time was
# planning), wrong for a full-text search, whose best plan depends on how common
# its words are (a rare word's index entries, or a walk back from the newest
# item for a common one). Statements with this execution option are planned for
# their values every time (storage.store sets psycopg's threshold per statement).
PLAN_EACH_TIME = "minutesbot_plan_each_time"
PREPARE_THRESHOLD = 5  # psycopg's default
