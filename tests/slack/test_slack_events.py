"""Signed Events API and slash-command requests over HTTP; answers land at the fake Slack."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from aiohttp.test_utils import TestServer

from bot.answers import AskContext
from bot.assistant import Assistant
from bot.blocks import render_answer
from bot.settings import Settings
from tests.slack.slack_fakes import (
    BOT_USER,
    TEAM,
    FakeSlack,
    SlackSender,
    command,
    dm_event,
    mention_event,
    wait_until,
)

QUESTION = "Vad beslutades om suicidsamordningen?"


async def expected_reply(
    assistant: Assistant, settings: Settings, question: str, channel: str
) -> dict[str, Any]:
    """What the assistant answers to `question` in `channel`, as Block Kit."""
    assert settings.now is not None
    context = AskContext(
        now=settings.now,
        conversation=f"slack:{TEAM}:{channel}",
        reference={"team": TEAM, "channel": channel},
    )
    message = render_answer(await assistant.ask(question, context))
    return {"text": message.text, "blocks": message.blocks}


async def test_url_verification_answers_the_challenge(slack: SlackSender) -> None:
    response = await slack.event(
        {"type": "url_verification", "challenge": "abc123", "token": "legacy"}
    )
    assert response.status == 200
    assert (await response.json())["challenge"] == "abc123"


async def test_mention_is_answered_in_the_thread_of_the_message(
    slack: SlackSender, fake_slack: FakeSlack, slack_assistant: Assistant, slack_settings: Settings
) -> None:
    response = await slack.event(mention_event(f"<@{BOT_USER}> {QUESTION}", ts="1700000000.000100"))
    assert response.status == 200

    await wait_until(lambda: len(fake_slack.posted()) == 1)
    posted = fake_slack.posted()[0]
    assert posted["channel"] == "C0CHAN"
    assert posted["thread_ts"] == "1700000000.000100"
    expected = await expected_reply(slack_assistant, slack_settings, QUESTION, "C0CHAN")
    assert posted["text"] == expected["text"]
    assert posted["blocks"] == expected["blocks"]
    # The real minutes' decision, with its agenda item and source.
    blocks = str(posted["blocks"])
    assert "*10. Suicidsamordning – placering och samordning*" in blocks
    assert "13 okt. 2022 · punkt 10" in blocks


async def test_the_acknowledgement_does_not_wait_for_the_answer(
    slack: SlackSender, fake_slack: FakeSlack
) -> None:
    fake_slack.release_posts.clear()  # Slack's Web API hangs
    response = await slack.event(mention_event(f"<@{BOT_USER}> {QUESTION}"))
    assert response.status == 200
    await wait_until(lambda: len(fake_slack.posted()) == 1)  # the answer, still on its way
    fake_slack.release_posts.set()


async def test_answers_being_written_are_finished_when_the_service_stops(
    slack: SlackSender, fake_slack: FakeSlack, service: TestServer, caplog: pytest.LogCaptureFixture
) -> None:
    fake_slack.release_posts.clear()
    await slack.event(mention_event(f"<@{BOT_USER}> {QUESTION}"))
    await wait_until(lambda: len(fake_slack.posted()) == 1)

    stopping = asyncio.create_task(service.close())
    done, _ = await asyncio.wait({stopping}, timeout=0.2)
    assert not done  # shutdown waits for the answer being posted
    fake_slack.release_posts.set()
    await stopping
    assert "Could not post" not in caplog.text


async def test_mention_inside_a_thread_answers_in_that_thread(
    slack: SlackSender, fake_slack: FakeSlack
) -> None:
    event = mention_event(
        f"<@{BOT_USER}> {QUESTION}", ts="1700000005.000100", thread_ts="1699999999.000001"
    )
    await slack.event(event)
    await wait_until(lambda: len(fake_slack.posted()) == 1)
    assert fake_slack.posted()[0]["thread_ts"] == "1699999999.000001"


async def test_direct_message_is_answered_in_the_direct_conversation(
    slack: SlackSender, fake_slack: FakeSlack, slack_assistant: Assistant, slack_settings: Settings
) -> None:
    response = await slack.event(dm_event(QUESTION, channel="D0ANNA"))
    assert response.status == 200

    await wait_until(lambda: len(fake_slack.posted()) == 1)
    posted = fake_slack.posted()[0]
    assert posted["channel"] == "D0ANNA"
    assert "thread_ts" not in posted
    expected = await expected_reply(slack_assistant, slack_settings, QUESTION, "D0ANNA")
    assert posted["text"] == expected["text"]


async def test_bot_messages_edits_and_channel_messages_are_not_answered(
    slack: SlackSender, fake_slack: FakeSlack
) -> None:
    ignored = [
        dm_event("Jag är en annan bot", event_id="EvBot", bot_id="B0OTHER"),
        dm_event("ändrad", event_id="EvEdit", subtype="message_changed"),
        dm_event("gick med", event_id="EvJoin", subtype="channel_join"),
        dm_event("i en kanal utan omnämnande", event_id="EvChan", channel_type="channel"),
        mention_event("en bot nämner boten", event_id="EvBotMention", bot_id="B0OTHER"),
    ]
    for payload in ignored:
        response = await slack.event(payload)
        assert response.status == 200
    # A question sent last is answered; once it is, the others had their chance.
    await slack.event(dm_event("hjälp", event_id="EvMarker", channel="D0MARKER"))
    await wait_until(lambda: len(fake_slack.posted()) > 0)
    assert [p["channel"] for p in fake_slack.posted()] == ["D0MARKER"]


async def test_a_retried_event_is_answered_once(slack: SlackSender, fake_slack: FakeSlack) -> None:
    payload = mention_event(f"<@{BOT_USER}> {QUESTION}", event_id="EvRetry")
    first = await slack.event(payload)
    retry = await slack.event(
        payload, headers={"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"}
    )
    assert (first.status, retry.status) == (200, 200)

    # A later, different event, so that the wait below covers a pass of the event loop.
    await slack.event(
        mention_event(f"<@{BOT_USER}> hjälp", event_id="EvMarker", ts="1700000009.000100")
    )
    # The retry is refused on arrival; once both answers are out it had its chance.
    await wait_until(
        lambda: (
            {"1700000009.000100", "1700000000.000100"}
            <= {p["thread_ts"] for p in fake_slack.posted()}
        )
    )
    assert [p["thread_ts"] for p in fake_slack.posted()].count("1700000000.000100") == 1


async def test_the_same_message_as_mention_and_direct_message_is_answered_once(
    slack: SlackSender, fake_slack: FakeSlack
) -> None:
    text = f"<@{BOT_USER}> {QUESTION}"
    await slack.event(mention_event(text, event_id="EvA", channel="D0ANNA", client_msg_id="msg-1"))
    await slack.event(dm_event(text, event_id="EvB", channel="D0ANNA", client_msg_id="msg-1"))
    await slack.event(dm_event("hjälp", event_id="EvMarker", channel="D0OTHER"))
    # The repeat is refused on arrival; once both answers are out it had its chance.
    await wait_until(lambda: {"D0OTHER", "D0ANNA"} <= {p["channel"] for p in fake_slack.posted()})
    assert [p["channel"] for p in fake_slack.posted()].count("D0ANNA") == 1


async def test_slash_command_acknowledges_and_answers_through_the_response_url(
    slack: SlackSender, fake_slack: FakeSlack, slack_assistant: Assistant, slack_settings: Settings
) -> None:
    response = await slack.command(command(QUESTION, fake_slack.response_url()))
    assert response.status == 200
    assert await response.text() == ""

    await wait_until(lambda: len(fake_slack.responses) == 1)
    reply = fake_slack.responses[0]
    expected = await expected_reply(slack_assistant, slack_settings, QUESTION, "C0CHAN")
    assert reply["text"] == expected["text"]
    assert reply["blocks"] == expected["blocks"]
    assert reply["response_type"] == "in_channel"
    assert fake_slack.posted() == []


async def test_slash_command_help_is_shown_to_the_asker_only(
    slack: SlackSender, fake_slack: FakeSlack
) -> None:
    await slack.command(command("hjälp", fake_slack.response_url("help")))
    await slack.command(command("", fake_slack.response_url("empty")))
    await wait_until(lambda: len(fake_slack.responses) == 2)
    assert {r["response_type"] for r in fake_slack.responses} == {"ephemeral"}
    assert fake_slack.responses[0]["text"] == fake_slack.responses[1]["text"]


async def test_a_retry_reaching_another_instance_is_not_answered_again(
    aiohttp_server: Any, slack_settings: Any, fake_slack: FakeSlack, tmp_path: Any
) -> None:
    """Two instances share one database (a SQLite file here; PostgreSQL in production,
    same INSERT-or-conflict claim): Slack's retry of an event the first instance took
    is not answered by the second."""
    from aiohttp import ClientSession, web

    from bot.assistant import Assistant
    from bot.slack import mount_slack
    from storage.loading import load_paths
    from storage.store import Store
    from tests.conftest import real_minutes

    store = Store.open(f"sqlite:///{tmp_path / 'shared.db'}")
    load_paths(store, real_minutes()[:1])
    servers = []
    for _ in range(2):
        app = web.Application()
        mount_slack(app, slack_settings, Assistant(store))
        servers.append(await aiohttp_server(app))
    payload = mention_event(f"<@{BOT_USER}> {QUESTION}", event_id="EvTwoInstances")
    async with ClientSession() as session:
        first, second = (SlackSender(session, str(s.make_url("/slack/events"))) for s in servers)
        assert (await first.event(payload)).status == 200
        retry = await second.event(payload, headers={"X-Slack-Retry-Num": "1"})
        assert retry.status == 200
        marker = mention_event(f"<@{BOT_USER}> hjälp", event_id="EvAfter", ts="1700000009.000100")
        await second.event(marker)
        await wait_until(
            lambda: any(p["thread_ts"] == "1700000009.000100" for p in fake_slack.posted())
        )
    for server in servers:
        await server.close()  # the answers still being written finish before the store closes
    assert [p["thread_ts"] for p in fake_slack.posted()].count("1700000000.000100") == 1
    store.close()
