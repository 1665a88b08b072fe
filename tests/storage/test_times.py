"""Stored times come back as the same instants in Stockholm time, on both backends,
the first read and the next (converted once, then kept: see StockholmTime)."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Column, Integer, MetaData, Table, insert, select

from storage.models import StockholmTime
from storage.parsing.records import STOCKHOLM
from storage.store import Store

TIMES = Table(
    "test_stockholm_times",
    MetaData(),
    Column("id", Integer, primary_key=True),
    Column("at", StockholmTime(), nullable=True),
)

# Around both changes of 2026 (29 March, 25 October), midnight, and an ambiguous
# hour read as its second (UTC) occurrence.
WRITTEN = [
    datetime(2026, 3, 29, 1, 30, tzinfo=STOCKHOLM),
    datetime(2026, 3, 29, 3, 30, tzinfo=STOCKHOLM),
    datetime(2026, 10, 25, 0, 30, tzinfo=UTC),
    datetime(2026, 10, 25, 1, 30, tzinfo=UTC),
    datetime(2026, 12, 31, 23, 0, tzinfo=UTC),
    datetime(2020, 6, 1, 9, 0, tzinfo=STOCKHOLM),
    None,
]


def test_times_come_back_as_the_same_instants_in_stockholm_time(store: Store) -> None:
    with store.engine.begin() as conn:
        TIMES.create(conn)
        conn.execute(insert(TIMES), [{"id": k, "at": at} for k, at in enumerate(WRITTEN)])
    try:
        for _ in range(2):  # the second read from the kept conversions
            with store.engine.connect() as conn:
                read = [at for _, at in conn.execute(select(TIMES).order_by(TIMES.c.id))]
            for at, written in zip(read, WRITTEN, strict=True):
                if written is None:
                    assert at is None
                    continue
                # (an ambiguous hour never equals a time of another zone: compared in UTC)
                assert at is not None and at.astimezone(UTC) == written.astimezone(UTC)
                assert at.tzinfo is STOCKHOLM
            offsets = [at.utcoffset() for at in read if at is not None]
            # 02.30 on 25 October twice: summer time, then winter time
            assert [o.total_seconds() / 3600 for o in offsets if o] == [1, 2, 2, 1, 1, 2]
            assert read[2] is not None and read[3] is not None
            assert (read[2].hour, read[2].fold, read[3].hour, read[3].fold) == (2, 0, 2, 1)
    finally:
        with store.engine.begin() as conn:
            TIMES.drop(conn)
