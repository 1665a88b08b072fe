"""A local HTTP server speaking the Slack Web API, and a signed-request sender.

As in bolt-python's own tests, Slack is replaced by an aiohttp server that answers
`auth.test`, `chat.postMessage`, response URLs and Socket Mode, and records what it
received; the service under test is real and reached over HTTP.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import io
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from aiohttp import ClientResponse, ClientSession, WSMsgType, web

SIGNING_SECRET = "test-signing-secret"
BOT_TOKEN = "xoxb-test-token"
APP_TOKEN = "xapp-test-token"
BOT_USER = "U0BOT"
TEAM = "T0TEAM"


@dataclass
class FakeSlack:
    """What the fake Slack received: Web API calls and response-URL posts."""

    calls: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    responses: list[dict[str, Any]] = field(default_factory=list)
    # Socket Mode: messages our app sent back over the WebSocket (acknowledgements).
    socket_acks: list[dict[str, Any]] = field(default_factory=list)
    socket_outbox: asyncio.Queue[dict[str, Any]] = field(default_factory=asyncio.Queue)
    # Cleared, chat.postMessage is recorded but not answered until it is set again.
    release_posts: asyncio.Event = field(default_factory=asyncio.Event)
    url: str = ""

    def posted(self) -> list[dict[str, Any]]:
        return [payload for method, payload in self.calls if method == "chat.postMessage"]

    def response_url(self, name: str = "cmd") -> str:
        return f"{self.url}/response/{name}"

    def api_url(self) -> str:
        return f"{self.url}/api/"


def fake_slack_app(slack: FakeSlack) -> web.Application:
    async def api(request: web.Request) -> web.Response:
        method = request.match_info["method"]
        if request.content_type == "application/json":
            payload: dict[str, Any] = await request.json()
        else:
            payload = dict(await request.post())
        slack.calls.append((method, payload))
        if method == "chat.postMessage":
            await slack.release_posts.wait()
        replies: dict[str, dict[str, Any]] = {
            "auth.test": {
                "user_id": BOT_USER,
                "bot_id": "B0BOT",
                "team_id": TEAM,
                "user": "minutesbot",
            },
            "chat.postMessage": {"channel": payload.get("channel"), "ts": f"{time.time():.6f}"},
            "apps.connections.open": {"url": slack.url.replace("http", "ws", 1) + "/socket"},
        }
        return web.json_response({"ok": True, **replies.get(method, {})})

    async def response_url(request: web.Request) -> web.Response:
        slack.responses.append(await request.json())
        return web.Response(text="ok")

    async def socket(request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        await ws.send_json({"type": "hello", "num_connections": 1})

        async def send_outbox() -> None:
            while True:
                await ws.send_json(await slack.socket_outbox.get())

        sender = asyncio.create_task(send_outbox())
        try:
            async for message in ws:
                if message.type == WSMsgType.TEXT:
                    slack.socket_acks.append(json.loads(message.data))
        finally:
            sender.cancel()
            await asyncio.gather(sender, return_exceptions=True)
        return ws

    app = web.Application()
    app.router.add_post("/api/{method}", api)
    app.router.add_post("/response/{name}", response_url)
    app.router.add_get("/socket", socket)
    return app


def sign(body: bytes, timestamp: int, secret: str = SIGNING_SECRET) -> str:
    """Slack's v0 signature: HMAC-SHA256 of "v0:<timestamp>:<body>"."""
    base = f"v0:{timestamp}:".encode() + body
    return "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()


@dataclass
class SlackSender:
    """Sends requests to the service as Slack would, signed unless told otherwise."""

    session: ClientSession
    url: str

    async def post(
        self,
        body: bytes,
        content_type: str,
        *,
        timestamp: int | None = None,
        signature: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> ClientResponse:
        timestamp = int(time.time()) if timestamp is None else timestamp
        all_headers = {
            "Content-Type": content_type,
            "X-Slack-Request-Timestamp": str(timestamp),
            "X-Slack-Signature": sign(body, timestamp) if signature is None else signature,
            **(headers or {}),
        }
        # A file-like body: aiohttp warns about large raw bytes.
        return await self.session.post(self.url, data=io.BytesIO(body), headers=all_headers)

    async def event(self, payload: dict[str, Any], **kwargs: Any) -> ClientResponse:
        return await self.post(json.dumps(payload).encode(), "application/json", **kwargs)

    async def command(self, form: dict[str, str], **kwargs: Any) -> ClientResponse:
        return await self.post(
            urlencode(form).encode(), "application/x-www-form-urlencoded", **kwargs
        )


async def wait_until(check: Callable[[], bool], timeout: float = 10.0) -> None:
    """Poll until `check()` holds; fail after `timeout` seconds."""
    deadline = asyncio.get_running_loop().time() + timeout
    while not check():
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError("timed out waiting for the fake Slack to receive a call")
        await asyncio.sleep(0.02)


def mention_event(
    text: str,
    *,
    event_id: str = "Ev1",
    channel: str = "C0CHAN",
    ts: str = "1700000000.000100",
    **extra: Any,
) -> dict[str, Any]:
    """An Events API envelope around an `app_mention`."""
    event = {
        "type": "app_mention",
        "user": "U0ANNA",
        "text": text,
        "ts": ts,
        "channel": channel,
        "event_ts": ts,
        **extra,
    }
    return envelope(event, event_id)


def dm_event(
    text: str,
    *,
    event_id: str = "Ev2",
    channel: str = "D0ANNA",
    ts: str = "1700000000.000200",
    **extra: Any,
) -> dict[str, Any]:
    """An Events API envelope around a direct message to the bot."""
    event = {
        "type": "message",
        "channel_type": "im",
        "user": "U0ANNA",
        "text": text,
        "ts": ts,
        "channel": channel,
        "event_ts": ts,
        **extra,
    }
    return envelope(event, event_id)


def command(
    text: str, response_url: str, *, channel: str = "C0CHAN", name: str = "/möte"
) -> dict[str, str]:
    """The form Slack posts for a slash command."""
    return {
        "token": "legacy",
        "team_id": TEAM,
        "team_domain": "region",
        "channel_id": channel,
        "channel_name": "folkhalsa",
        "user_id": "U0ANNA",
        "user_name": "anna",
        "command": name,
        "text": text,
        "api_app_id": "A0APP",
        "response_url": response_url,
        "trigger_id": "1.2.3",
    }


def envelope(event: dict[str, Any], event_id: str) -> dict[str, Any]:
    return {
        "token": "legacy",
        "team_id": TEAM,
        "api_app_id": "A0APP",
        "event": event,
        "type": "event_callback",
        "event_id": event_id,
        "event_time": 1700000000,
        "authorizations": [{"team_id": TEAM, "user_id": BOT_USER, "is_bot": True}],
    }
