"""Delivery claims on both backends: one statement for a batch, first claim wins,
a key claimed before (by this or another instance) refuses the claim."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Sequence
from datetime import datetime

import pytest
from sqlalchemy import event, func, select

from bot.assistant import Assistant
from bot.delivery_claims import DeliveryClaims
from storage.deliveries import EVENTS, KEEP, claim_deliveries, claim_delivery
from storage.parsing.records import STOCKHOLM
from storage.store import Store

NOW = datetime(2026, 12, 2, 9, 0, tzinfo=STOCKHOLM)


def recorded(store: Store) -> set[str]:
    with store.session() as session:
        return set(session.scalars(select(EVENTS.c.event_id)))


def test_the_first_claim_of_a_key_wins(store: Store) -> None:
    assert claim_delivery(store, ["slack:Ev1", "slack:msg-1"], NOW)
    assert not claim_delivery(store, ["slack:Ev1"], NOW)
    assert not claim_delivery(store, ["slack:Ev9", "slack:msg-1"], NOW)  # same message
    assert claim_delivery(store, [], NOW)  # nothing to tell it apart by: answered
    assert {"slack:Ev1", "slack:msg-1"} <= recorded(store)


def test_a_batch_is_one_statement_and_repeats_within_it_lose(store: Store) -> None:
    claim_delivery(store, ["slack:old"], NOW)
    statements: list[str] = []
    event.listen(store.engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
    claims = [
        ["slack:A", "slack:m1"],
        ["slack:B"],
        ["slack:C", "slack:m1"],  # the same message as A, delivered again
        ["slack:old"],  # taken before
        ["slack:A"],
        ["slack:D", "slack:D"],
    ]
    assert claim_deliveries(store, claims, NOW) == [True, True, False, False, False, True]
    inserts = [s for s in statements if s.lstrip().upper().startswith("INSERT")]
    assert len(inserts) == 1
    assert recorded(store) == {"slack:old", "slack:A", "slack:m1", "slack:B", "slack:D"}


def test_old_claims_are_forgotten_now_and_then(store: Store) -> None:
    claim_deliveries(store, [[f"slack:old{n}"] for n in range(200)], NOW - 2 * KEEP)
    # One claim in 64 clears (picked by its key's hash, which varies from run to
    # run): the odds that none of 1,000 does are 1 in 6 million.
    for n in range(1000):
        claim_delivery(store, [f"slack:new{n}"], NOW)
    assert not any(k.startswith("slack:old") for k in recorded(store))
    with store.session() as session:
        assert session.scalar(select(func.count()).select_from(EVENTS)) == 1000


async def test_claims_arriving_together_are_written_together() -> None:
    batches: list[list[Sequence[str]]] = []
    writing = threading.Event()

    def write(batch: list[Sequence[str]]) -> list[bool]:
        batches.append(batch)
        writing.wait(5)  # the first batch is slow: the others gather meanwhile
        return [not key[0].endswith("-again") for key in batch]

    claims = DeliveryClaims(write)
    first = asyncio.create_task(claims.claim(["k0"]))
    await asyncio.sleep(0.05)
    rest = [asyncio.create_task(claims.claim([f"k{n}"])) for n in range(1, 20)]
    again = asyncio.create_task(claims.claim(["k1-again"]))
    await asyncio.sleep(0.05)
    writing.set()
    assert await first and all(await asyncio.gather(*rest)) and not await again
    assert [len(b) for b in batches] == [1, 20]


async def test_a_failed_batch_fails_its_claims_only() -> None:
    calls = 0

    def write(batch: list[Sequence[str]]) -> list[bool]:
        nonlocal calls
        calls += 1
        if calls == 1:
            raise RuntimeError("disk on fire")
        return [True] * len(batch)

    claims = DeliveryClaims(write)
    try:
        await claims.claim(["a"])
    except RuntimeError as exc:
        assert "disk on fire" in str(exc)
    else:
        raise AssertionError("the failure was not passed on")
    assert await claims.claim(["b"])


def test_instances_claiming_the_same_keys_in_other_orders_do_not_deadlock(store: Store) -> None:
    """Two instances given one batch of keys in opposite orders, at the same moment:
    inserted as given, PostgreSQL ended about one round in eight as a deadlock."""
    other = Store.open(str(store.engine.url))
    failures: list[BaseException] = []
    won: list[list[bool]] = []

    def claim(on: Store, order: list[str], start: threading.Barrier) -> None:
        start.wait()
        try:
            won.append(claim_deliveries(on, [[k] for k in order], NOW))
        except Exception as exc:
            failures.append(exc)

    try:
        for round_ in range(30):
            keys = [f"slack:R{round_}-{n}" for n in range(50)]
            start = threading.Barrier(2)
            threads = [
                threading.Thread(target=claim, args=(store, keys, start)),
                threading.Thread(target=claim, args=(other, keys[::-1], start)),
            ]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
    finally:
        other.close()
    assert failures == []
    assert sum(sum(firsts) for firsts in won) == 30 * 50  # each key won exactly once


async def test_the_assistant_claims_once_across_instances(store: Store) -> None:
    one, other = Assistant(store), Assistant(Store.open(str(store.engine.url)))
    try:
        keys = [f"slack:Ev{n}" for n in range(50)]
        firsts = await asyncio.gather(
            *(one.claim_delivery([k]) for k in keys),
            *(other.claim_delivery([k]) for k in reversed(keys)),
        )
        assert sum(firsts) == 50  # each key claimed by exactly one of the two
        assert recorded(store) >= set(keys)
    finally:
        other.store.close()


async def test_the_assistant_answers_anyway_when_claims_cannot_be_written(
    store: Store, caplog: pytest.LogCaptureFixture
) -> None:
    assistant = Assistant(store)
    with store.engine.begin() as conn:
        conn.exec_driver_sql(f"ALTER TABLE {EVENTS.name} RENAME TO gone_events")
    try:
        assert await assistant.claim_delivery(["slack:Ev1"])
        # the operator is told what kind of failure it was, not the statement or its keys
        (warning,) = [r.getMessage() for r in caplog.records if r.name == "bot.assistant"]
        kind = "UndefinedTable" if store.dialect == "postgresql" else "OperationalError"
        assert f"({kind})" in warning and "Ev1" not in warning
    finally:
        with store.engine.begin() as conn:
            conn.exec_driver_sql(f"ALTER TABLE gone_events RENAME TO {EVENTS.name}")
    assert await assistant.claim_delivery(["slack:Ev1"])
    assert not await assistant.claim_delivery(["slack:Ev1"])


def test_long_keys_are_cut_to_the_column(store: Store) -> None:
    long_key = "slack:" + "x" * 500
    assert claim_delivery(store, [long_key], NOW)
    assert not claim_delivery(store, [long_key[:100] + "a different tail"], NOW)
