"""Local stand-ins for the Bot Framework connector and the Slack Web API that
can be told to answer 429/403/5xx, to be slow, or to hold a request (a process is
killed while its request is in flight), and that count what they received.

Helpers for the minutes these tests write, and for subscribing conversations.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from aiohttp import web

from bot.answers import AskContext
from bot.assistant import Assistant
from bot.teams import conversation_reference, parse_activity
from storage.parsing.records import STOCKHOLM
from tests.teams.teams_fakes import message

GROUP = "Chefsgrupp folkhälsa"
MINUTES_NAME = "2026-11-06_chefsgrupp_folkhalsa.txt"
SLACK_TEAM = "T0TEAM"

Reply = tuple[int, dict[str, Any] | None, dict[str, str]]


@dataclass
class Received:
    """One message a fake platform received: where to, and its text."""

    conversation: str
    text: str
    thread: str | None = None
    body: dict[str, Any] = field(default_factory=dict)  # the activity or the payload


@dataclass
class _Behaviour:
    """Scripted answers (status, body, headers), a delay, and a hold for the first request."""

    script: list[Reply] = field(default_factory=list)
    delay: float = 0.0
    hold_first: bool = False
    held: asyncio.Event = field(default_factory=asyncio.Event)
    release: asyncio.Event = field(default_factory=asyncio.Event)
    release_after: int = 0  # release the hold when this many requests have come
    requests: int = 0

    async def answer(self) -> Reply | None:
        self.requests += 1
        if self.hold_first and self.requests == 1:
            self.held.set()
            await asyncio.wait_for(self.release.wait(), 60)
        elif self.release_after and self.requests >= self.release_after:
            self.release.set()
        if self.delay:
            await asyncio.sleep(self.delay)
        return self.script.pop(0) if self.script else None


@dataclass
class ScriptedConnector(_Behaviour):
    """The Bot Framework connector: `POST /v3/conversations/{id}/activities`."""

    received: list[Received] = field(default_factory=list)
    url: str = ""

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_post("/v3/conversations/{conversation}/activities", self._receive)
        app.router.add_post("/v3/conversations/{conversation}/activities/{reply}", self._receive)
        return app

    async def _receive(self, request: web.Request) -> web.Response:
        activity = await request.json()
        self.received.append(
            Received(
                request.match_info["conversation"],
                str(activity.get("summary") or activity.get("text") or ""),
                request.match_info.get("reply"),
                activity,
            )
        )
        scripted = await self.answer()
        if scripted is not None:
            status, body, headers = scripted
            return web.json_response(body or {}, status=status, headers=headers)
        return web.json_response({"id": f"activity-{len(self.received)}"}, status=201)

    def counts(self) -> Counter[str]:
        return Counter(r.conversation for r in self.received if r.thread is None)


@dataclass
class ScriptedSlack(_Behaviour):
    """The Slack Web API: `auth.test` and `chat.postMessage`."""

    received: list[Received] = field(default_factory=list)
    url: str = ""

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_post("/api/{method}", self._api)
        return app

    def api_url(self) -> str:
        return f"{self.url}/api/"

    async def _api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        if request.content_type == "application/json":
            payload: dict[str, Any] = await request.json()
        else:
            payload = dict(await request.post())
        if method == "auth.test":
            return web.json_response(
                {"ok": True, "user_id": "U0BOT", "bot_id": "B0BOT", "team_id": SLACK_TEAM}
            )
        if method != "chat.postMessage":
            return web.json_response({"ok": True})
        blocks = payload.get("blocks")
        blocks = json.loads(blocks) if isinstance(blocks, str) else blocks
        text = str(payload.get("text", "")) + "\n" + json.dumps(blocks, ensure_ascii=False)
        thread = payload.get("thread_ts") or None
        self.received.append(Received(str(payload.get("channel")), text, thread, payload))
        scripted = await self.answer()
        if scripted is not None:
            status, body, headers = scripted
            return web.json_response(body or {"ok": False}, status=status, headers=headers)
        return web.json_response(
            {"ok": True, "channel": payload.get("channel"), "ts": f"{time.time():.6f}"}
        )

    def counts(self) -> Counter[str]:
        return Counter(r.conversation for r in self.received if r.thread is None)


async def wait_for(check: Any, timeout: float = 15.0) -> None:
    """Poll `check()` until it holds; fail after `timeout` seconds."""
    deadline = asyncio.get_running_loop().time() + timeout
    while not check():
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError("timed out waiting for the fake platform")
        await asyncio.sleep(0.02)


# -- minutes -------------------------------------------------------------------------

_HEAD = """Minnesanteckningar Chefsgrupp folkhälsa

Tid: 2026-11-06 kl. 13.00-15.00
Plats: Eklundavägen 2, Örebro

Närvarande:
Anna Lund, Örebro kommun
Per Sten, Kumla kommun

1. Inledning
Mötet öppnades.

2. Mötestider

Kommande möten:

"""
# As first written; then 27 November is cancelled; then 4 December moves to the 11th.
SCHEDULE_V1 = (
    "27 november kl 9-12 (digitalt)\n4 december kl 13-16\n22 januari kl 9-12 (fysiskt möte)\n"
)
SCHEDULE_V2 = (
    "27 november kl 9-12 (digitalt) – inställt\n4 december kl 13-16\n"
    "22 januari kl 9-12 (fysiskt möte)\n"
)
SCHEDULE_V3 = (
    "27 november kl 9-12 (digitalt) – inställt\n~~4 december~~ 11 december kl 13-16\n"
    "22 januari kl 9-12 (fysiskt möte)\n"
)


def write_minutes(folder: Path, schedule: str) -> Path:
    """The invented minutes with `schedule`, written over any earlier version."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / MINUTES_NAME
    path.write_text(_HEAD + schedule, encoding="utf-8")
    return path


# -- conversations ---------------------------------------------------------------------


def teams_channel(index: int) -> str:
    return f"19:reminders{index:02d}@thread.tacv2"


def slack_channel(index: int) -> str:
    return f"C0REM{index:02d}"


def teams_reference(service_url: str, channel: str) -> dict[str, Any]:
    """The reference the Teams adapter stores for a channel message."""
    activity = message(
        "x",
        service_url=service_url,
        conversation_type="channel",
        conversation_id=channel,
        mention=True,
    )
    return conversation_reference(parse_activity(json.dumps(activity).encode()))


def subscribe(
    assistant: Assistant,
    conversation: str,
    reference: dict[str, Any],
    when: datetime,
    text: str = "påminn oss",
) -> str:
    """Ask for reminders from a conversation, as its adapter would."""
    context = AskContext(now=when, conversation=conversation, reference=reference)
    answer = assistant.answer(text, context)
    assert answer.intent == "subscribe" and answer.found, answer.text
    return answer.text


def at(moment: str) -> datetime:
    """A Stockholm time from "2026-11-20T09:00"."""
    return datetime.fromisoformat(moment).replace(tzinfo=STOCKHOLM)
