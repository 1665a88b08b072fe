"""Fixtures: a store with invented minutes on each backend, and local stand-ins for
the Bot Framework connector and the Slack Web API on real ports (see `fakes`)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path

import pytest
from aiohttp.test_utils import TestServer

from bot.assistant import Assistant
from bot.settings import Settings
from storage.loading import load_paths
from storage.store import Store
from tests.reminders.fakes import SCHEDULE_V1, ScriptedConnector, ScriptedSlack, write_minutes
from tests.slack.slack_fakes import BOT_TOKEN, SIGNING_SECRET

ServerFactory = Callable[..., Awaitable[TestServer]]


@pytest.fixture
def minutes_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "minutes"
    write_minutes(folder, SCHEDULE_V1)
    return folder


@pytest.fixture
def store(db_url: str, minutes_dir: Path) -> Iterator[Store]:
    """The invented minutes (first version) on each backend."""
    store = Store.open(db_url)
    assert load_paths(store, [minutes_dir]).ok
    yield store
    store.close()


@pytest.fixture
def assistant(store: Store) -> Assistant:
    return Assistant(store)


@pytest.fixture
async def connector(aiohttp_server: ServerFactory) -> ScriptedConnector:
    fake = ScriptedConnector()
    server = await aiohttp_server(fake.app())
    fake.url = str(server.make_url("/"))
    return fake


@pytest.fixture
async def slack(aiohttp_server: ServerFactory) -> ScriptedSlack:
    fake = ScriptedSlack()
    server = await aiohttp_server(fake.app())
    fake.url = str(server.make_url("")).rstrip("/")
    return fake


@pytest.fixture
def settings(db_url: str, slack: ScriptedSlack) -> Settings:
    """Teams without credentials (no tokens), Slack at the fake; no background task."""
    return Settings(
        database_url=db_url,
        slack_bot_token=BOT_TOKEN,
        slack_signing_secret=SIGNING_SECRET,
        slack_api_url=slack.api_url(),
        reminders_enabled=False,
    )
