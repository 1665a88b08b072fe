"""The whole service (`create_app`) on a real port, with Teams' connector and the
Slack Web API replaced by local servers; helpers to ask through either.

Used by the operations tests (metrics, logs) and the fault suite.
"""

from __future__ import annotations

import itertools
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from typing import Any

from aiohttp import ClientResponse, ClientSession
from aiohttp.test_utils import TestServer

from bot.assistant import Assistant
from bot.service import create_app
from bot.settings import Settings
from storage.store import Store
from tests.conftest import NOW
from tests.slack.slack_fakes import (
    BOT_TOKEN,
    BOT_USER,
    SIGNING_SECRET,
    FakeSlack,
    SlackSender,
    fake_slack_app,
    mention_event,
    wait_until,
)
from tests.teams.teams_fakes import FakeConnector, Posted, message

ServerFactory = Callable[..., Awaitable[TestServer]]
_numbers = itertools.count(1)


@dataclass
class Stack:
    """The service and the two fake platforms it talks to."""

    session: ClientSession
    server: TestServer
    connector: FakeConnector
    slack: FakeSlack
    sender: SlackSender

    def url(self, path: str) -> str:
        return str(self.server.make_url(path))

    async def post_teams(self, activity: dict[str, Any]) -> ClientResponse:
        return await self.session.post(self.url("/api/messages"), json=activity)

    async def ask_teams(self, text: str, conversation_id: str = "a:1Xq8personal") -> Posted:
        """Ask in a personal chat; the reply the connector received."""
        activity = message(text, service_url=self.connector.url, conversation_id=conversation_id)
        async with await self.post_teams(activity) as response:
            assert response.status == 201, await response.text()
        return next(p for p in self.connector.posted if p.reply_to == activity["id"])

    async def ask_slack(self, text: str, channel: str = "C0CHAN") -> dict[str, Any]:
        """Mention the bot in `channel`; the answer the fake Slack received."""
        n = next(_numbers)
        ts = f"1700{n:06d}.000100"
        event = mention_event(f"<@{BOT_USER}> {text}", event_id=f"EvOps{n}", channel=channel, ts=ts)
        async with await self.sender.event(event) as response:
            assert response.status == 200, await response.text()
        await wait_until(lambda: any(p.get("thread_ts") == ts for p in self.slack.posted()))
        return next(p for p in self.slack.posted() if p.get("thread_ts") == ts)


def stack_settings(slack: FakeSlack, **changes: Any) -> Settings:
    """No Bot Framework credentials; Slack configured against the fake."""
    settings = Settings(
        database_url="sqlite://",
        now=NOW,
        slack_bot_token=BOT_TOKEN,
        slack_signing_secret=SIGNING_SECRET,
        slack_api_url=slack.api_url(),
        reminders_enabled=False,
    )
    return replace(settings, **changes)


async def start_stack(
    aiohttp_server: ServerFactory, session: ClientSession, store: Store, **changes: Any
) -> Stack:
    """Start both fakes and the service over `store` (setting changes as keywords)."""
    connector = FakeConnector()
    connector.url = str((await aiohttp_server(connector.app())).make_url("/"))
    slack = FakeSlack()
    slack.release_posts.set()
    slack.url = str((await aiohttp_server(fake_slack_app(slack))).make_url("")).rstrip("/")
    settings = stack_settings(slack, **changes)
    server = await aiohttp_server(create_app(settings, Assistant(store)))
    sender = SlackSender(session, str(server.make_url("/slack/events")))
    return Stack(session, server, connector, slack, sender)
