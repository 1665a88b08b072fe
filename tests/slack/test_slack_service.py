"""Slack through the whole service (`create_app`), with the real assistant: answers
from the real minutes, and a channel tied to a group."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from pathlib import Path

import pytest
from aiohttp import ClientSession
from aiohttp.test_utils import TestServer

from bot.assistant import Assistant
from bot.service import create_app
from bot.settings import Settings
from storage.loading import load_paths
from storage.store import Store
from tests.conftest import real_minutes
from tests.slack.slack_fakes import (
    BOT_USER,
    FakeSlack,
    SlackSender,
    command,
    mention_event,
    wait_until,
)


@pytest.fixture
def own_store(tmp_path: Path) -> Iterator[Store]:
    """The real minutes in a store of this test's own (binding a channel writes)."""
    store = Store.open(f"sqlite:///{tmp_path / 'minutes.db'}")
    assert load_paths(store, real_minutes()).ok
    yield store
    store.close()


@pytest.fixture
async def slack_via_service(
    aiohttp_server: Callable[..., Awaitable[TestServer]], slack_settings: Settings, own_store: Store
) -> AsyncIterator[SlackSender]:
    server = await aiohttp_server(create_app(slack_settings, Assistant(own_store)))
    async with ClientSession() as session:
        yield SlackSender(session, str(server.make_url("/slack/events")))


def all_text(message: dict[str, object]) -> str:
    return str(message["text"]) + "\n" + str(message["blocks"])


async def ask_in(
    slack: SlackSender, fake: FakeSlack, channel: str, text: str, n: int
) -> dict[str, object]:
    """Mention the bot with `text` in `channel`; the n-th answer the fake Slack gets."""
    ts = f"1700000{n:03d}.000100"
    await slack.event(
        mention_event(f"<@{BOT_USER}> {text}", event_id=f"Ev{n}", channel=channel, ts=ts)
    )
    await wait_until(lambda: any(p["thread_ts"] == ts for p in fake.posted()))
    return next(p for p in fake.posted() if p["thread_ts"] == ts)


async def test_the_service_answers_a_mention_from_the_minutes(
    slack_via_service: SlackSender, fake_slack: FakeSlack
) -> None:
    reply = await ask_in(
        slack_via_service, fake_slack, "C0CHAN", "När är nästa möte med Chefsgrupp folkhälsa?", 1
    )
    assert "Chefsgrupp folkhälsa" in all_text(reply)
    assert reply["channel"] == "C0CHAN"


async def test_a_channel_tied_to_a_group_answers_about_that_group(
    slack_via_service: SlackSender, fake_slack: FakeSlack
) -> None:
    council = "Specifika samverkansrådet för folkhälsa"
    bound = await ask_in(
        slack_via_service, fake_slack, "C0BOUND", f"den här kanalen gäller {council}", 1
    )
    assert council in str(bound["text"])

    reply = await ask_in(slack_via_service, fake_slack, "C0BOUND", "När är nästa möte?", 2)
    elsewhere = await ask_in(slack_via_service, fake_slack, "C0OTHER", "När är nästa möte?", 3)
    assert council in str(reply["text"])
    assert council not in str(elsewhere["text"])

    # The binding is the channel's: /möte in the same channel uses it too.
    await slack_via_service.command(
        command("När är nästa möte?", fake_slack.response_url(), channel="C0BOUND")
    )
    await wait_until(lambda: len(fake_slack.responses) == 1)
    assert fake_slack.responses[0]["text"] == reply["text"]


async def test_without_slack_settings_the_service_says_what_to_configure(
    aiohttp_server: Callable[..., Awaitable[TestServer]], own_store: Store
) -> None:
    server = await aiohttp_server(
        create_app(Settings(database_url="sqlite://"), Assistant(own_store))
    )
    async with ClientSession() as session:
        response = await session.post(
            server.make_url("/slack/events"), json={"type": "url_verification"}
        )
        assert response.status == 503
        assert "SLACK_BOT_TOKEN" in (await response.json())["error"]
