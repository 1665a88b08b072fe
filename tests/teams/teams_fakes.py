"""A stand-in for the Bot Framework connector and Teams-shaped activities.

The connector is a real aiohttp server: the bot posts its replies to
`{serviceUrl}/v3/conversations/{id}/activities[/{replyToId}]` exactly as it
would to Teams, and the fake records them.
"""

from __future__ import annotations

import itertools
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from aiohttp import ClientResponse, ClientSession, web
from aiohttp.test_utils import TestServer

from bot.service import create_app
from bot.settings import Settings
from storage.parsing.records import STOCKHOLM

BOT_ID = "28:00000000-0000-0000-0000-0000000b0a7"
BOT_NAME = "Protokollboten"
USER_ID = "29:1a2b3c-user"
TENANT = "72f988bf-0000-0000-0000-000000000001"
CHANNEL_ID = "19:Hj2kKq7vWc0Nqv5Mdg@thread.tacv2"
GROUP_CHAT_ID = "19:meeting_aa11bb22@thread.v2"
PERSONAL_ID = "a:1Xq8personal"
ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive"
# The acceptance questions' clock (as in tests/conftest.py).
NOW = datetime(2026, 11, 22, 10, 0, tzinfo=STOCKHOLM)

ServerFactory = Callable[..., Awaitable[TestServer]]

_ids = itertools.count(1700000000000)


@dataclass
class Posted:
    """One request the bot made to the connector."""

    conversation: str
    reply_to: str | None
    activity: dict[str, Any]
    authorization: str | None
    peer: Any = None  # the bot's end of the connection: (host, port)
    host: str = ""  # the Host header: the connector's, also through a proxy

    @property
    def card(self) -> dict[str, Any]:
        attachments = self.activity.get("attachments") or []
        assert len(attachments) == 1, attachments
        assert attachments[0]["contentType"] == ADAPTIVE_CARD
        content: dict[str, Any] = attachments[0]["content"]
        return content


@dataclass
class FakeConnector:
    posted: list[Posted] = field(default_factory=list)
    url: str = ""

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_post("/v3/conversations/{conversation}/activities", self._receive)
        app.router.add_post("/v3/conversations/{conversation}/activities/{reply_to}", self._receive)
        return app

    async def _receive(self, request: web.Request) -> web.Response:
        self.posted.append(
            Posted(
                conversation=request.match_info["conversation"],
                reply_to=request.match_info.get("reply_to"),
                activity=await request.json(),
                authorization=request.headers.get("Authorization"),
                peer=request.transport.get_extra_info("peername") if request.transport else None,
                host=request.host,
            )
        )
        return web.json_response({"id": f"reply-{len(self.posted)}"})


def message(
    text: str,
    *,
    service_url: str,
    conversation_type: str = "personal",
    conversation_id: str = PERSONAL_ID,
    mention: bool = False,
    tenant: str = TENANT,
    locale: str = "sv-SE",
) -> dict[str, Any]:
    """A Teams message activity; `mention=True` prefixes an @mention of the bot."""
    activity_id = str(next(_ids))
    entities: list[dict[str, Any]] = [
        {"type": "clientInfo", "locale": locale, "country": "SE", "platform": "Web"}
    ]
    if mention:
        markup = f"<at>{BOT_NAME}</at>"
        text = f"{markup} {text}"
        entities.append(
            {"type": "mention", "text": markup, "mentioned": {"id": BOT_ID, "name": BOT_NAME}}
        )
    if conversation_type == "channel":
        conversation_id = f"{conversation_id};messageid={activity_id}"
    return {
        **_envelope("message", service_url, conversation_type, conversation_id, tenant, locale),
        "id": activity_id,
        "text": text,
        "textFormat": "plain",
        "entities": entities,
    }


def members_added(
    member_ids: list[str],
    *,
    service_url: str,
    conversation_type: str = "channel",
    conversation_id: str = CHANNEL_ID,
    tenant: str = TENANT,
) -> dict[str, Any]:
    """The conversationUpdate Teams sends when members (the bot too) join."""
    activity = _envelope(
        "conversationUpdate", service_url, conversation_type, conversation_id, tenant, "sv-SE"
    )
    activity["membersAdded"] = [{"id": member} for member in member_ids]
    activity["channelData"]["eventType"] = "teamMemberAdded"
    return activity


def _envelope(
    kind: str,
    service_url: str,
    conversation_type: str,
    conversation_id: str,
    tenant: str,
    locale: str,
) -> dict[str, Any]:
    channel_data: dict[str, Any] = {"tenant": {"id": tenant}}
    if conversation_type == "channel":
        channel_data["team"] = {"id": "19:team-general@thread.tacv2", "name": "Folkhälsa"}
        channel_data["channel"] = {"id": conversation_id.split(";")[0], "name": "Allmänt"}
    return {
        "type": kind,
        "timestamp": "2025-09-01T07:00:00.000Z",
        "localTimestamp": "2025-09-01T09:00:00.000+02:00",
        "serviceUrl": service_url,
        "channelId": "msteams",
        "from": {"id": USER_ID, "name": "Anna Andersson", "aadObjectId": "aad-anna"},
        "conversation": {
            "id": conversation_id,
            "conversationType": conversation_type,
            "tenantId": tenant,
            "isGroup": conversation_type != "personal",
        },
        "recipient": {"id": BOT_ID, "name": BOT_NAME},
        "channelData": channel_data,
        "locale": locale,
    }


def card_texts(card: dict[str, Any]) -> list[str]:
    """Every text a person can read on a card, ShowCard contents included."""
    found: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if node.get("type") == "TextBlock":
                found.append(node["text"])
            if node.get("type") == "FactSet":
                found.extend(f"{f['title']}: {f['value']}" for f in node["facts"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(card)
    return found


def open_urls(card: dict[str, Any]) -> list[str]:
    found: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if node.get("type") == "Action.OpenUrl":
                found.append(node["url"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(card)
    return found


@dataclass
class TeamsClient:
    """Posts activities to the service as the Bot Framework would."""

    session: ClientSession
    server: TestServer

    async def post(
        self, activity: Any, *, token: str | None = None, raw: bytes | None = None
    ) -> ClientResponse:
        headers = {"Content-Type": "application/json"}
        if token is not None:
            headers["Authorization"] = f"Bearer {token}"
        url = self.server.make_url("/api/messages")
        if raw is not None:
            return await self.session.post(url, data=raw, headers=headers)
        return await self.session.post(url, json=activity, headers=headers)

    async def get(self, path: str) -> ClientResponse:
        return await self.session.get(self.server.make_url(path))


async def start_service(
    aiohttp_server: ServerFactory, settings: Settings, assistant: Any
) -> AsyncIterator[TeamsClient]:
    """`create_app` on a real port, and a client for it."""
    server = await aiohttp_server(create_app(settings, assistant))
    async with ClientSession() as session:
        yield TeamsClient(session, server)


def answer_lines(card: dict[str, Any]) -> list[str]:
    """The lines of the answer text on a card (its first Container)."""
    container = next(block for block in card["body"] if block["type"] == "Container")
    return [item["text"] for item in container["items"]]


def lines(text: str) -> list[str]:
    """`text` as the card shows it: one entry per non-blank line."""
    return [line.strip() for line in text.splitlines() if line.strip()]
