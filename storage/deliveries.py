"""Deliveries already taken: a chat platform's retried event is answered once,
whichever instance of the service it reaches.

    >>> claim_delivery(store, ["slack:Ev1"], now)
    True
    >>> claim_delivery(store, ["slack:Ev1"], now)
    False
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import cast

from sqlalchemy import Table, delete
from sqlalchemy.exc import IntegrityError

from storage.models import SlackEvent
from storage.store import Store

EVENTS = cast(Table, SlackEvent.__table__)
# Slack retries within minutes; a day of memory is ample and keeps the table small.
KEEP = timedelta(days=1)


def claim_delivery(store: Store, keys: Sequence[str], now: datetime | None = None) -> bool:
    """Record `keys`; True when none of them was recorded before (by any instance)."""
    moment = (now or datetime.now(UTC)).astimezone(UTC).replace(tzinfo=None)
    unique = list(dict.fromkeys(k[:100] for k in keys if k))
    if not unique:
        return True
    # One Core INSERT of all the keys, atomic on its own (no BEGIN and COMMIT around
    # it): one per event, so the ORM's session would cost more than the insert itself.
    rows = [{"event_id": k, "seen_at": moment} for k in unique]
    try:
        with store.write_turn, store.each_statement() as conn:
            conn.execute(EVENTS.insert().values(rows))
    except IntegrityError:
        return False
    if hash(unique[0]) % 64 == 0:  # now and then, forget what no retry will ask about
        with store.each_statement() as conn:
            conn.execute(delete(EVENTS).where(EVENTS.c.seen_at < moment - KEEP))
    return True
