"""What Slack sends, read: requests that cannot be from Slack refused before they
are read, the fields of an event, the question in a message's markup, and the
deliveries already seen.

Nothing here talks to Slack or answers; `bot.slack_bot` does, with these:

    >>> question_text("<@U0BOT> När är nästa möte?", "U0BOT")
    'När är nästa möte?'
"""

from __future__ import annotations

import logging
import re
import time
from collections import OrderedDict
from collections.abc import Callable
from html import unescape
from typing import Any

from aiohttp import web
from slack_bolt.context.async_context import AsyncBoltContext

# One logger for the whole Slack adapter, whichever module writes.
log = logging.getLogger("bot.slack")

# Slack's own payloads stay far below this; anything bigger is not from Slack.
MAX_BODY_BYTES = 1024 * 1024
# What Slack sends: JSON for events, a form for slash commands.
SLACK_CONTENT_TYPES = ("application/json", "application/x-www-form-urlencoded")
# What reading a payload of the wrong shape raises (a list where an object belongs).
PAYLOAD_SHAPE_ERRORS = (ValueError, AttributeError, TypeError, KeyError, IndexError)
NOT_A_PAYLOAD = (
    "The body is not a Slack payload (a JSON object or a form with the expected fields)."
)
# Slack retries for up to about an hour and a half; remember ids a little longer.
SEEN_TTL_SECONDS = 2 * 3600.0
SEEN_MAX = 10_000


def refuse_non_slack(request: web.Request) -> web.Response | None:
    """A clear 4xx for requests that cannot be from Slack, before reading them."""
    if request.content_length is not None and request.content_length > MAX_BODY_BYTES:
        return web.json_response(
            {"error": "The body is too large for a Slack payload."}, status=413
        )
    if request.content_type not in SLACK_CONTENT_TYPES:
        message = f"Slack sends {' or '.join(SLACK_CONTENT_TYPES)}, not {request.content_type}."
        return web.json_response({"error": message}, status=415)
    return None


def refuse_shape(error: Exception) -> web.Response:
    log.warning("Refused a Slack payload of the wrong shape (%r)", error)
    return web.json_response({"error": NOT_A_PAYLOAD}, status=400)


class RecentEvents:
    """Ids seen within `ttl` seconds, at most `size` of them (oldest forgotten first).

    >>> seen = RecentEvents()
    >>> seen.first_time("Ev1", "msg-1"), seen.first_time("Ev2", "msg-1")
    (True, False)
    """

    def __init__(
        self,
        ttl: float = SEEN_TTL_SECONDS,
        size: int = SEEN_MAX,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._ttl, self._size, self._clock = ttl, size, clock
        self._seen: OrderedDict[str, float] = OrderedDict()

    def first_time(self, *keys: str | None) -> bool:
        """Record the keys; True when none of them was seen before."""
        now = self._clock()
        while self._seen and next(iter(self._seen.values())) < now - self._ttl:
            self._seen.popitem(last=False)
        present = [k for k in keys if k]
        repeat = any(k in self._seen for k in present)
        for key in present:
            self._seen[key] = now
            self._seen.move_to_end(key)
        while len(self._seen) > self._size:
            self._seen.popitem(last=False)
        return not repeat


def delivery_keys(body: dict[str, Any], event: dict[str, Any]) -> tuple[str, ...]:
    """What makes a delivery the same as another: Slack's event id and the message id."""
    keys = (body.get("event_id"), event.get("client_msg_id"))
    return tuple(f"slack:{key}" for key in keys if isinstance(key, str) and key)


def text_fields(event: dict[str, Any], *names: str) -> tuple[str, ...] | None:
    """The named fields of an event when all are strings, else None.

    >>> text_fields({"channel": "C1", "ts": 1.5}, "channel", "ts") is None
    True
    """
    values: list[str] = []
    for name in names:
        value = event.get(name)
        if not isinstance(value, str):
            return None
        values.append(value)
    return tuple(values)


def thread_of(event: dict[str, Any]) -> str | None:
    """The thread a message was written in, if any."""
    thread = event.get("thread_ts")
    return thread if isinstance(thread, str) and thread else None


def team_of(body: dict[str, Any], context: AsyncBoltContext) -> str:
    return str(context.team_id or body.get("team_id") or "")


MARKUP = re.compile(r"<([@#!]?)([^<>|]*)(?:\|([^<>]*))?>")


def question_text(text: str, bot_user_id: str | None) -> str:
    """The question in a Slack message: the bot's mention dropped, Slack's markup
    (mentions, channels, links, `&amp;`) read as plain text.

    >>> question_text("<@U0BOT> vilka beslut togs om <https://x.se|budget> &amp; mål?", "U0BOT")
    'vilka beslut togs om budget & mål?'
    """

    def plain(match: re.Match[str]) -> str:
        sigil, target, label = match.groups()
        if sigil == "@" and target == bot_user_id:
            return ""
        if label:
            return {"@": "@", "#": "#"}.get(sigil, "") + label
        return {"@": "@", "#": "#", "!": "@"}.get(sigil, "") + target

    plain_text = unescape(MARKUP.sub(plain, text))
    return " ".join(plain_text.split()).strip(" ,:;")
