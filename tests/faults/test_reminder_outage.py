"""The database goes away before and during a reminder pass: the pass fails
cleanly (the background task logs it and tries again next interval), and once
the database is back every due reminder is delivered, none twice."""

from __future__ import annotations

import collections
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.exc import SQLAlchemyError

from bot.answers import Answer
from bot.assistant import Assistant
from bot.reminders import ReminderEngine
from storage.loading import load_paths
from storage.store import Store
from tests.conftest import BACKENDS
from tests.faults.outage import Outage, outage_for
from tests.reminders.fakes import SCHEDULE_V1, at, subscribe, write_minutes

# The day before the invented group's meeting: one reminder per subscribed channel.
PASS_AT = "2026-11-26T09:00"
CHANNELS = [f"C0OUT{i}" for i in range(4)]


class RecordingSender:
    """A platform that takes every message; `trip` runs before the first one."""

    def __init__(self) -> None:
        self.received: collections.Counter[str] = collections.Counter()
        self.trip: Callable[[], None] | None = None

    async def send(self, reference: dict[str, Any], answer: Answer) -> None:
        if self.trip is not None:
            trip, self.trip = self.trip, None
            trip()
        self.received[reference["channel"]] += 1


@pytest.fixture(params=BACKENDS)
def outage(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Outage]:
    with outage_for(request.param, tmp_path) as taken:
        store = taken.store = Store.open(taken.url)
        assert load_paths(store, [write_minutes(tmp_path / "minutes", SCHEDULE_V1)]).ok
        assistant = Assistant(store)
        for channel in CHANNELS:
            reference = {"team": "T0OUT", "channel": channel}
            subscribe(assistant, f"slack:T0OUT:{channel}", reference, at("2026-11-10T10:00"))
        yield taken
        taken.come_back()


async def test_a_pass_while_the_database_is_away(outage: Outage) -> None:
    assert outage.store is not None
    sender = RecordingSender()
    engine = ReminderEngine(outage.store, {"slack": sender})
    outage.go_away()
    with pytest.raises(SQLAlchemyError):
        await engine.run_pass(at(PASS_AT))
    assert not sender.received

    outage.come_back()
    report = await engine.run_pass(at(PASS_AT))
    assert report.sent == len(CHANNELS)
    assert sender.received == dict.fromkeys(CHANNELS, 1)
    assert (await engine.run_pass(at(PASS_AT))).sent == 0
    assert sender.received == dict.fromkeys(CHANNELS, 1)


async def test_the_database_goes_away_in_the_middle_of_a_pass(outage: Outage) -> None:
    assert outage.store is not None
    sender = RecordingSender()
    sender.trip = outage.go_away  # the platform takes the first message, then the database goes
    engine = ReminderEngine(outage.store, {"slack": sender})
    with pytest.raises(SQLAlchemyError):
        await engine.run_pass(at(PASS_AT))
    assert sum(sender.received.values()) == 1

    outage.come_back()
    await engine.run_pass(at(PASS_AT))
    await ReminderEngine(outage.store, {"slack": sender}).run_pass(at(PASS_AT))
    # Every channel has its reminder; the one interrupted is not sent a second time.
    assert sender.received == dict.fromkeys(CHANNELS, 1)
