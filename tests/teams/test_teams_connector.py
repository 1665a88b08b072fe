"""How replies reach the Bot Framework connector: over connections kept open, through
the proxy the environment names, and with the outcomes reminders act on when the
connector cannot be reached or drops the request."""

from __future__ import annotations

import asyncio
import contextlib
import json
import socket
from collections.abc import AsyncIterator
from typing import Any

import pytest
from botbuilder.core import CardFactory, MessageFactory
from botbuilder.schema import Attachment, CardAction, ConversationAccount, HeroCard
from botframework.connector import models as schema
from botframework.connector.aio import ConnectorClient
from botframework.connector.auth import ConnectorFactory, MicrosoftAppCredentials
from msrest import Serializer
from teams_fakes import (
    NOW,
    FakeConnector,
    ServerFactory,
    TeamsClient,
    message,
    start_service,
)

import bot.teams_connector
from bot.answers import Answer
from bot.calendar import CalendarLinks
from bot.reminder_senders import TeamsSender
from bot.reminders import SendError
from bot.settings import Settings
from bot.teams import TeamsBot, conversation_reference, parse_activity
from bot.teams_connector import ConnectorClients


async def test_replies_reuse_one_connection_to_the_connector(
    teams: TeamsClient, connector: FakeConnector
) -> None:
    for question in ("När är nästa möte?", "Vem representerar Karlskoga?", "hjälp"):
        response = await teams.post(message(question, service_url=connector.url))
        assert response.status == 201

    assert len(connector.posted) == 3
    assert len({posted.peer for posted in connector.posted}) == 1


async def test_replies_go_through_the_proxy_the_environment_names(
    aiohttp_server: ServerFactory,
    connector: FakeConnector,
    teams_settings: Settings,
    assistant: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The connector stands in for the proxy: it gets the request meant for a host that
    only the proxy could reach."""
    for name in ("NO_PROXY", "no_proxy", "HTTPS_PROXY", "https_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HTTP_PROXY", connector.url)
    async for client in start_service(aiohttp_server, teams_settings, assistant):
        activity = message("När är nästa möte?", service_url="http://smba.connector.invalid/")
        response = await client.post(activity)
        assert response.status == 201

    assert [posted.host for posted in connector.posted] == ["smba.connector.invalid"]


@pytest.fixture
def sender() -> TeamsSender:
    """The reminder sender outside the service (as `reminders run-once` makes it)."""
    settings = Settings(database_url="sqlite://", now=NOW)
    return TeamsSender(TeamsBot(settings, _NoQuestions(), CalendarLinks(b"k" * 32)))


async def test_a_connector_that_cannot_be_reached_is_left_to_retry(
    sender: TeamsSender, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bot.teams_connector, "CONNECT_BACKOFF_SECONDS", 0.0)
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{probe.getsockname()[1]}/"
    with pytest.raises(SendError) as refused:
        await sender.send(_reference(url), Answer(intent="reminder", text="Möte i morgon."))
    assert refused.value.outcome == "retry"


async def test_a_request_dropped_on_the_way_is_not_sent_again(sender: TeamsSender) -> None:
    async with _dropping_server() as (url, connections):
        with pytest.raises(SendError) as dropped:
            await sender.send(_reference(url), Answer(intent="reminder", text="Möte i morgon."))
    assert dropped.value.outcome == "unknown"
    assert connections == [1]


class _NoQuestions:
    async def ask(self, question: str, context: Any) -> Answer:
        raise AssertionError("a sending-only bot is never asked")

    async def claim_delivery(self, keys: Any) -> bool:
        raise AssertionError("a sending-only bot is never asked")


def _reference(service_url: str) -> dict[str, Any]:
    activity = message("x", service_url=service_url)
    return conversation_reference(parse_activity(json.dumps(activity).encode()))


@contextlib.asynccontextmanager
async def _dropping_server() -> AsyncIterator[tuple[str, list[int]]]:
    """A server that reads a request and closes the connection without answering;
    its URL, and a one-item list counting the connections it took."""
    connections = [0]

    async def drop(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        connections[0] += 1
        await reader.readuntil(b"\r\n\r\n")
        writer.close()

    server = await asyncio.start_server(drop, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}/", connections
    finally:
        server.close()
        await server.wait_closed()


class _PlainClients(ConnectorFactory):  # type: ignore[misc]
    """The SDK's connector clients without credentials (as in development)."""

    async def create(self, service_url: str, audience: str | None = None) -> ConnectorClient:
        return ConnectorClient(MicrosoftAppCredentials.empty(), base_url=service_url)


@pytest.mark.parametrize(
    "attachment",
    [
        pytest.param(
            CardFactory.adaptive_card(
                {
                    "type": "AdaptiveCard",
                    "version": "1.5",
                    "body": [
                        {
                            "type": "TextBlock",
                            "text": "Nästa möte är den 27 november",
                            "wrap": True,
                        },
                        {"type": "FactSet", "facts": [{"title": "§ 5", "value": "å ä ö"}]},
                        {"type": "Image", "url": None, "width": 1.5, "height": 12},
                    ],
                    "actions": [],
                }
            ),
            id="adaptive-card",
        ),
        pytest.param(
            CardFactory.hero_card(HeroCard(title="Möte", buttons=[CardAction(type="openUrl")])),
            id="sdk-models",
        ),
    ],
)
async def test_a_reply_body_is_what_the_sdk_alone_would_send(
    connector: FakeConnector, attachment: Attachment
) -> None:
    clients = ConnectorClients(keep_connections=True)
    try:
        client = await clients.factory("", _PlainClients()).create(connector.url)
        reply = MessageFactory.attachment(attachment)
        reply.conversation = ConversationAccount(id="a:1")
        await client.conversations.send_to_conversation("a:1", reply)
    finally:
        await clients.close()

    models = {name: kind for name, kind in schema.__dict__.items() if isinstance(kind, type)}
    expected = json.loads(json.dumps(Serializer(models).body(reply, "Activity")))
    assert connector.posted[0].activity == expected


def test_no_bot_framework_model_declares_constraints() -> None:
    """Why the connector clients skip msrest's client-side validation: nothing to check."""
    models = [kind for kind in schema.__dict__.values() if isinstance(kind, type)]
    assert [kind.__name__ for kind in models if getattr(kind, "_validation", None)] == []
