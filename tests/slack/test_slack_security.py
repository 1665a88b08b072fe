"""Requests that are not from Slack, or not well-formed, are refused without an answer
and without a server error."""

from __future__ import annotations

import json
import random
import time
from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from aiohttp import ClientSession, web
from aiohttp.test_utils import TestServer

from bot.assistant import Assistant
from bot.settings import Settings
from bot.slack import mount_slack
from bot.slack_payloads import MAX_BODY_BYTES
from tests.slack.slack_fakes import (
    BOT_USER,
    FakeSlack,
    SlackSender,
    command,
    envelope,
    mention_event,
    sign,
    wait_until,
)

QUESTION = f"<@{BOT_USER}> När är nästa möte?"


async def assert_nothing_answered(slack: SlackSender, fake_slack: FakeSlack) -> None:
    """Send a good question last; once it is answered, nothing else may have been."""
    await slack.event(
        mention_event(f"<@{BOT_USER}> hjälp", event_id="EvMarker", ts="1700000099.000100")
    )
    await wait_until(lambda: len(fake_slack.posted()) > 0)
    assert [p["thread_ts"] for p in fake_slack.posted()] == ["1700000099.000100"]
    assert fake_slack.responses == []


async def test_a_bad_signature_gets_401(slack: SlackSender, fake_slack: FakeSlack) -> None:
    body = json.dumps(mention_event(QUESTION)).encode()
    response = await slack.post(
        body, "application/json", signature=sign(body, int(time.time()), "wrong-secret")
    )
    assert response.status == 401
    await assert_nothing_answered(slack, fake_slack)


async def test_a_missing_signature_gets_401(slack: SlackSender, fake_slack: FakeSlack) -> None:
    body = json.dumps(mention_event(QUESTION)).encode()
    async with ClientSession() as session:
        response = await session.post(
            slack.url, data=body, headers={"Content-Type": "application/json"}
        )
        assert response.status == 401
    await assert_nothing_answered(slack, fake_slack)


async def test_a_signature_over_another_body_gets_401(
    slack: SlackSender, fake_slack: FakeSlack
) -> None:
    body = json.dumps(mention_event(QUESTION)).encode()
    timestamp = int(time.time())
    response = await slack.post(
        body, "application/json", signature=sign(b"{}", timestamp), timestamp=timestamp
    )
    assert response.status == 401
    await assert_nothing_answered(slack, fake_slack)


async def test_a_timestamp_older_than_five_minutes_gets_401(
    slack: SlackSender, fake_slack: FakeSlack
) -> None:
    stale = int(time.time()) - 6 * 60
    event = await slack.event(mention_event(QUESTION), timestamp=stale)
    slash = await slack.command(command("hjälp", fake_slack.response_url()), timestamp=stale)
    assert (event.status, slash.status) == (401, 401)
    await assert_nothing_answered(slack, fake_slack)


@pytest.mark.parametrize(
    ("body", "content_type", "status"),
    [
        (b"{not json", "application/json", 400),
        (b"[1, 2, 3]", "application/json", 400),
        (b'"a string"', "application/json", 400),
        (b"\xff\xfe\x00", "application/json", 400),
        (b"hello", "text/plain", 415),
        (b"<xml/>", "application/xml", 415),
        (b"", "application/json", 400),
    ],
)
async def test_malformed_bodies_are_refused(
    slack: SlackSender, fake_slack: FakeSlack, body: bytes, content_type: str, status: int
) -> None:
    response = await slack.post(body, content_type)
    assert response.status == status
    assert "error" in await response.json()
    await assert_nothing_answered(slack, fake_slack)


@pytest.mark.parametrize(
    "payload",
    [
        {},
        {"type": "event_callback"},
        {"type": "event_callback", "event": "not an object", "event_id": "EvX"},
        {"type": "event_callback", "event": {}, "event_id": "EvX"},
        envelope({"type": "app_mention", "text": QUESTION}, "EvNoChannel"),
        envelope({"type": "app_mention", "channel": "C0CHAN", "ts": "1.2"}, "EvNoText"),
        envelope(
            {"type": "app_mention", "channel": ["C0CHAN"], "ts": 1.2, "text": QUESTION},
            "EvWrongTypes",
        ),
        envelope({"type": "message", "channel_type": "im", "text": QUESTION}, "EvDmNoChannel"),
        {"type": "url_verification"},
    ],
)
async def test_payloads_with_missing_or_wrong_fields_get_no_answer_and_no_500(
    slack: SlackSender, fake_slack: FakeSlack, payload: dict[str, Any]
) -> None:
    response = await slack.event(payload)
    assert response.status < 500
    await assert_nothing_answered(slack, fake_slack)


async def test_a_slash_command_without_a_response_url_gets_no_answer(
    slack: SlackSender, fake_slack: FakeSlack
) -> None:
    form = command("hjälp", "")
    del form["response_url"]
    response = await slack.command(form)
    assert response.status < 500
    await assert_nothing_answered(slack, fake_slack)


async def test_a_huge_body_gets_413(slack: SlackSender, fake_slack: FakeSlack) -> None:
    payload = mention_event(QUESTION + " x" * MAX_BODY_BYTES)
    response = await slack.event(payload)
    assert response.status == 413
    await assert_nothing_answered(slack, fake_slack)


async def test_a_huge_chunked_body_gets_413(slack: SlackSender, fake_slack: FakeSlack) -> None:
    chunk = b"x" * 65536

    async def chunks() -> Any:
        yield b'{"type": "event_callback", "pad": "'
        for _ in range(2 * MAX_BODY_BYTES // len(chunk)):
            yield chunk
        yield b'"}'

    async with ClientSession() as session:
        headers = {
            "Content-Type": "application/json",
            "X-Slack-Signature": "v0=0",
            "X-Slack-Request-Timestamp": "0",
        }
        response = await session.post(slack.url, data=chunks(), headers=headers)
        assert response.status == 413
    await assert_nothing_answered(slack, fake_slack)


async def test_without_slack_settings_the_endpoint_says_what_to_configure(
    aiohttp_server: Callable[..., Awaitable[TestServer]], slack_assistant: Assistant
) -> None:
    app = web.Application()
    mount_slack(app, Settings(database_url="sqlite://"), slack_assistant)
    server = await aiohttp_server(app)
    async with ClientSession() as session:
        response = await session.post(
            server.make_url("/slack/events"), json={"type": "url_verification"}
        )
        assert response.status == 503
        assert "SLACK_SIGNING_SECRET" in (await response.json())["error"]


FIELDS = [
    "type",
    "event",
    "event_id",
    "team_id",
    "team",
    "user",
    "channel",
    "channel_id",
    "authorizations",
    "enterprise",
    "is_enterprise_install",
    "ts",
    "thread_ts",
    "text",
    "channel_type",
    "subtype",
    "bot_id",
    "client_msg_id",
    "command",
    "response_url",
    "view",
    "message",
    "container",
    "actions",
    "is_ext_shared_channel",
    "trigger_id",
]
WORDS = [
    "event_callback",
    "app_mention",
    "message",
    "im",
    "url_verification",
    "block_actions",
    "view_submission",
    "shortcut",
    "interactive_message",
    "/möte",
    "C0CHAN",
    "U0BOT",
    "1.2",
]


def odd_value(rng: random.Random, depth: int = 0) -> Any:
    """A JSON value of some shape: where Slack puts an object there may be a list."""
    roll = rng.random()
    if depth > 2 or roll < 0.5:
        return rng.choice([None, True, 0, 1.5, "", *WORDS])
    if roll < 0.7:
        return [odd_value(rng, depth + 1) for _ in range(rng.randint(0, 3))]
    return {rng.choice(FIELDS): odd_value(rng, depth + 1) for _ in range(rng.randint(0, 4))}


def odd_payload(rng: random.Random) -> dict[str, Any]:
    payload = {rng.choice(FIELDS): odd_value(rng) for _ in range(rng.randint(0, 6))}
    payload["type"] = rng.choice(WORDS)
    if rng.random() < 0.5:
        event = {rng.choice(FIELDS): odd_value(rng, 1) for _ in range(rng.randint(0, 5))}
        payload["event"] = {**event, "type": rng.choice(["app_mention", "message"])}
    return payload


async def test_signed_payloads_of_the_wrong_shape_never_get_a_500(
    slack: SlackSender, fake_slack: FakeSlack
) -> None:
    rng = random.Random(20260101)
    for _ in range(300):
        payload = odd_payload(rng)
        response = await slack.event(payload)
        assert response.status < 500, payload
