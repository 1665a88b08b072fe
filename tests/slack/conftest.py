"""Fixtures: the fake Slack Web API on a real port, and the service with Slack
mounted, reached over HTTP with signed requests (helpers in `slack_fakes`)."""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from pathlib import Path

import pytest
from aiohttp import ClientSession, web
from aiohttp.test_utils import TestServer

from bot.assistant import Assistant
from bot.settings import Settings
from bot.slack import mount_slack
from storage.store import Store
from tests.conftest import NOW
from tests.slack.slack_fakes import (
    APP_TOKEN,
    BOT_TOKEN,
    SIGNING_SECRET,
    FakeSlack,
    SlackSender,
    fake_slack_app,
)


@pytest.fixture
async def fake_slack(aiohttp_server: Callable[..., Awaitable[TestServer]]) -> FakeSlack:
    slack = FakeSlack()
    slack.release_posts.set()
    server = await aiohttp_server(fake_slack_app(slack))
    slack.url = str(server.make_url("")).rstrip("/")
    return slack


@pytest.fixture
def slack_settings(fake_slack: FakeSlack) -> Settings:
    return Settings(
        database_url="sqlite://",
        slack_bot_token=BOT_TOKEN,
        slack_signing_secret=SIGNING_SECRET,
        slack_app_token=APP_TOKEN,
        slack_api_url=fake_slack.api_url(),
        now=NOW,  # the acceptance questions' clock: answers stay the same
    )


@pytest.fixture
def slack_assistant(sqlite_minutes: Store, tmp_path: Path) -> Iterator[Assistant]:
    """The real assistant over a copy of the loaded real minutes: the deliveries a
    test claims (tests reuse event and message ids) stay in that test's copy."""
    with sqlite_minutes.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    source = sqlite_minutes.engine.url.database
    assert source is not None
    shutil.copy(source, tmp_path / "minutes.db")
    store = Store.open(f"sqlite:///{tmp_path / 'minutes.db'}")
    yield Assistant(store)
    store.close()


@pytest.fixture
async def service(
    aiohttp_server: Callable[..., Awaitable[TestServer]],
    slack_settings: Settings,
    slack_assistant: Assistant,
) -> TestServer:
    """The service with Slack mounted, listening on a real port."""
    app = web.Application()
    mount_slack(app, slack_settings, slack_assistant)
    return await aiohttp_server(app)


@pytest.fixture
async def slack(service: TestServer) -> AsyncIterator[SlackSender]:
    async with ClientSession() as session:
        yield SlackSender(session, str(service.make_url("/slack/events")))
