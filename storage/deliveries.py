"""Deliveries already taken: a chat platform's retried event is answered once,
whichever instance of the service it reaches.

    >>> claim_delivery(store, ["slack:Ev1"], now)
    True
    >>> claim_delivery(store, ["slack:Ev1"], now)
    False
    >>> claim_deliveries(store, [["slack:Ev2"], ["slack:Ev3"], ["slack:Ev2"]], now)
    [True, True, False]
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import cast

from sqlalchemy import Table, delete
from sqlalchemy.dialects import postgresql, sqlite

from storage.models import SlackEvent
from storage.store import Store

EVENTS = cast(Table, SlackEvent.__table__)
# Slack retries within minutes; a day of memory is ample and keeps the table small.
KEEP = timedelta(days=1)
# Claims written in one statement at most (two parameters a key, two keys a claim:
# far below SQLite's limit of 32,766 parameters).
MOST_AT_ONCE = 1000
KEY_LENGTH = 100


def claim_delivery(store: Store, keys: Sequence[str], now: datetime | None = None) -> bool:
    """Record `keys`; True when none of them was recorded before (by any instance)."""
    return claim_deliveries(store, [keys], now)[0]


def claim_deliveries(
    store: Store, claims: Sequence[Sequence[str]], now: datetime | None = None
) -> list[bool]:
    """For each claim (one delivery's keys), True when none of its keys was recorded
    before, by any instance or by an earlier claim in `claims`. The new keys are
    recorded in one INSERT, which commits on its own: under load, one statement and
    one commit for all the deliveries that arrived while the last one was written."""
    moment = (now or datetime.now(UTC)).astimezone(UTC).replace(tzinfo=None)
    wanted: dict[str, int] = {}
    own: list[list[str] | None] = []  # None: a repeat of an earlier claim in the list
    for n, keys in enumerate(claims):
        unique = list(dict.fromkeys(k[:KEY_LENGTH] for k in keys if k))
        if any(k in wanted for k in unique):
            own.append(None)
            continue
        wanted.update(dict.fromkeys(unique, n))
        own.append(unique)
    recorded: set[str] = set()
    # in one order everywhere: two instances inserting the same keys in different orders
    # wait on each other's unique-index entries, and PostgreSQL ends one as a deadlock
    keys = sorted(wanted)
    for first in range(0, len(keys), MOST_AT_ONCE):
        recorded |= _record(store, keys[first : first + MOST_AT_ONCE], moment)
    if keys and hash(keys[0]) % 64 == 0:  # now and then, forget what no retry will ask about
        with store.each_statement() as conn:
            conn.execute(delete(EVENTS).where(EVENTS.c.seen_at < moment - KEEP))
    return [mine is not None and all(k in recorded for k in mine) for mine in own]


def _record(store: Store, keys: list[str], moment: datetime) -> set[str]:
    """The keys of `keys` that no one had recorded (now recorded)."""
    insert = postgresql.insert if store.dialect == "postgresql" else sqlite.insert
    statement = (
        insert(EVENTS)
        .values([{"event_id": k, "seen_at": moment} for k in keys])
        .on_conflict_do_nothing(index_elements=[EVENTS.c.event_id])
        .returning(EVENTS.c.event_id)
    )
    with store.write_turn, store.each_statement() as conn:
        return set(conn.scalars(statement))
