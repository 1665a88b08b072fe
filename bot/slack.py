"""Slack adapter: Slack events and the `/möte` command in, Block Kit answers out.

It only converts. A Slack message becomes a question and an `AskContext`, the
assistant answers, and `bot.blocks` renders the `Answer`. It answers when
@mentioned in a channel (in the message's thread), in direct messages, and
through the slash command `/möte <fråga>` (`/möte hjälp` for help).

Over HTTP, `mount_slack` adds `POST /slack/events` to the service's aiohttp app;
without a public URL, `run_socket_mode` takes the same events over a WebSocket:

    app = web.Application()
    mount_slack(app, settings, assistant)  # POST /slack/events

Slack wants an acknowledgement within three seconds, so listeners only note the
question and start a tracked task that answers it; the tasks are awaited when the
app shuts down. Slack retries an event it thinks was lost (`X-Slack-Retry-Num`):
event and message ids seen in the last two hours are remembered, so that a retry
is acknowledged without a second answer.
"""

from __future__ import annotations

import asyncio
import logging
import re
import time
from collections import OrderedDict
from collections.abc import AsyncIterator, Callable, Coroutine, Sequence
from datetime import datetime
from html import unescape
from typing import Any

import aiohttp
from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.adapter.socket_mode.aiohttp import AsyncSocketModeHandler
from slack_bolt.app.async_app import AsyncApp
from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.async_context import AsyncBoltContext
from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_bolt.response import BoltResponse
from slack_sdk.web.async_client import AsyncWebClient

from bot.answers import Answer, AnswersQuestions, AskContext
from bot.blocks import render_answer
from bot.settings import Settings
from storage.parsing.records import STOCKHOLM

log = logging.getLogger(__name__)

EVENTS_PATH = "/slack/events"
# Slack's own payloads stay far below this; anything bigger is not from Slack.
MAX_BODY_BYTES = 1024 * 1024
# What Slack sends: JSON for events, a form for slash commands.
SLACK_CONTENT_TYPES = ("application/json", "application/x-www-form-urlencoded")
# Slack retries for up to about an hour and a half; remember ids a little longer.
SEEN_TTL_SECONDS = 2 * 3600.0
SEEN_MAX = 10_000
# How long shutdown waits for answers still being written.
SHUTDOWN_GRACE_SECONDS = 10.0
# What reading a payload of the wrong shape raises (a list where an object belongs).
PAYLOAD_SHAPE_ERRORS = (ValueError, AttributeError, TypeError, KeyError, IndexError)
NOT_A_PAYLOAD = (
    "The body is not a Slack payload (a JSON object or a form with the expected fields)."
)
HELP_QUESTION = "hjälp"
# Replies to /möte that only the asker needs to see.
PRIVATE_INTENTS = frozenset({"help", "error"})
# The adapter cannot tell the question's language when the assistant failed: both.
FAILURE_TEXT = (
    "Något gick fel när jag letade i protokollen. Försök igen om en stund.\n"
    "Something went wrong while I searched the minutes. Please try again shortly."
)


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


class SlackBot:
    """A bolt app that answers with `assistant`, and the answers still being written."""

    def __init__(self, settings: Settings, assistant: AnswersQuestions) -> None:
        self.settings = settings
        self.assistant = assistant
        self.seen = RecentEvents()
        self._tasks: set[asyncio.Task[None]] = set()
        bolt_logger = logging.getLogger(f"{__name__}.bolt")
        # Bolt logs request bodies (questions, names) at INFO and DEBUG.
        bolt_logger.setLevel(logging.DEBUG if settings.debug else logging.WARNING)
        self.app = AsyncApp(
            name="minutesbot",
            logger=bolt_logger,
            client=web_client(settings),
            signing_secret=settings.slack_signing_secret,
            # Listeners only start a task, so they can run before the acknowledgement;
            # bolt's own background futures would not be tracked.
            process_before_response=True,
        )
        self.app.event("app_mention")(self.on_mention)
        self.app.event("message")(self.on_message)
        self.app.command(re.compile(r"^/m(ö|o|oe)te$"))(self.on_command)
        self.app.error(self.on_error)

    async def handle(self, request: web.Request) -> web.StreamResponse:
        """`POST /slack/events`: aiohttp request → bolt request → dispatch → response."""
        refusal = refuse_non_slack(request)
        if refusal is not None:
            return refusal
        try:
            bolt_request = await to_bolt_request(request)
            if not bolt_request.body:
                raise ValueError("empty payload")
            bolt_response = await self.app.async_dispatch(bolt_request)
        except PAYLOAD_SHAPE_ERRORS as error:
            # Raised while bolt reads a payload of the wrong shape (even from its
            # own error handler); a well-formed payload does not get here.
            return refuse_shape(error)
        return await to_aiohttp_response(bolt_response)

    async def on_error(self, error: Exception) -> BoltResponse | None:
        """Bolt reads a payload's fields without checking their types; a payload of
        the wrong shape fails while being read, and that is the sender's error."""
        if isinstance(error, PAYLOAD_SHAPE_ERRORS):
            log.warning("Refused a Slack payload of the wrong shape (%r)", error)
            return BoltResponse(status=400, body={"error": NOT_A_PAYLOAD})
        log.error("Slack request failed", exc_info=error)
        return None

    # --- listeners: they must return quickly and never raise ----------------------

    async def on_mention(
        self, body: dict[str, Any], event: dict[str, Any], context: AsyncBoltContext
    ) -> None:
        """@minutesbot in a channel: answer in the message's thread."""
        fields = text_fields(event, "channel", "ts", "text")
        if fields is None or event.get("bot_id") or not self.first_delivery(body, event):
            return
        channel, ts, text = fields
        thread = thread_of(event) or ts
        question = question_text(text, context.bot_user_id)
        team = team_of(body, context)
        keys = delivery_keys(body, event)
        self.start(self.answer_in_channel(question, team, channel, thread, context.client, keys))

    async def on_message(
        self, body: dict[str, Any], event: dict[str, Any], context: AsyncBoltContext
    ) -> None:
        """A direct message: answer in the same conversation (in its thread, if any).
        Edits, joins and other subtypes, and messages from bots, are not questions."""
        if event.get("channel_type") != "im" or event.get("subtype") or event.get("bot_id"):
            return
        fields = text_fields(event, "channel", "text")
        if fields is None or not self.first_delivery(body, event):
            return
        channel, text = fields
        question = question_text(text, context.bot_user_id)
        team = team_of(body, context)
        thread = thread_of(event)
        keys = delivery_keys(body, event)
        self.start(self.answer_in_channel(question, team, channel, thread, context.client, keys))

    async def on_command(
        self, ack: AsyncAck, command: dict[str, Any], respond: AsyncRespond
    ) -> None:
        """`/möte <fråga>`: acknowledge at once, answer through the response URL."""
        await ack()
        question = question_text(str(command.get("text", "")), None)
        team, channel = str(command.get("team_id", "")), str(command.get("channel_id", ""))
        if command.get("response_url"):
            self.start(self.answer_command(question, team, channel, respond))

    def first_delivery(self, body: dict[str, Any], event: dict[str, Any]) -> bool:
        """False for Slack's retry of an event already taken, or the same message
        delivered twice (a DM mention arrives as `message` and `app_mention`)."""
        if self.seen.first_time(body.get("event_id"), event.get("client_msg_id")):
            return True
        log.info("Slack event %s delivered again; already answered", body.get("event_id"))
        return False

    # --- answering, after the acknowledgement -------------------------------------

    def start(self, work: Coroutine[Any, Any, None]) -> None:
        """Run `work` in a task kept until it finishes (asyncio holds tasks weakly)."""
        task = asyncio.create_task(work)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def open(self) -> None:
        """Keep connections to the Web API open for the answers (on the event loop):
        slack_sdk otherwise opens a new connection for every message it posts."""
        self.app.client.session = aiohttp.ClientSession()

    async def close(self, grace: float = SHUTDOWN_GRACE_SECONDS) -> None:
        """Let answers being written finish (for at most `grace` seconds), then stop."""
        if self._tasks:
            _, pending = await asyncio.wait(set(self._tasks), timeout=grace)
            for task in pending:
                task.cancel()
            await asyncio.gather(*pending, return_exceptions=True)
        session = self.app.client.session
        if session is not None:
            await session.close()

    async def answer_in_channel(
        self,
        question: str,
        team: str,
        channel: str,
        thread: str | None,
        client: AsyncWebClient,
        keys: Sequence[str] = (),
    ) -> None:
        # The in-process memory catches retries to this instance; the store's claim
        # catches a retry that another instance received.
        if keys and not await self.assistant.claim_delivery(keys):
            log.info("Slack event already answered by another instance")
            return
        answer = await self.answer(question, team, channel)
        message = render_answer(answer)
        try:
            await client.chat_postMessage(
                channel=channel,
                thread_ts=thread,
                text=message.text,
                blocks=message.blocks,
                unfurl_links=False,
            )
        except Exception:
            log.exception("Could not post a Slack answer to %s", channel)

    async def answer_command(
        self, question: str, team: str, channel: str, respond: AsyncRespond
    ) -> None:
        answer = await self.answer(question, team, channel)
        message = render_answer(answer)
        visibility = (
            "ephemeral" if answer.intent in PRIVATE_INTENTS or not answer.found else "in_channel"
        )
        try:
            await respond(text=message.text, blocks=message.blocks, response_type=visibility)
        except Exception:
            log.exception("Could not answer a /möte command in %s", channel)

    async def answer(self, question: str, team: str, channel: str) -> Answer:
        """The assistant's answer, or an apology that says to try again."""
        context = AskContext(
            now=self.settings.now or datetime.now(STOCKHOLM),
            conversation=f"slack:{team}:{channel}",
            reference={"team": team, "channel": channel},
        )
        if self.settings.debug:
            log.debug("Slack question in %s: %r", context.conversation, question)
        try:
            return await self.assistant.ask(question or HELP_QUESTION, context)
        except Exception:
            log.exception("The assistant failed on a Slack question in %s", context.conversation)
            return Answer(intent="error", text=FAILURE_TEXT, found=False)


def delivery_keys(body: dict[str, Any], event: dict[str, Any]) -> tuple[str, ...]:
    """What makes a delivery the same as another: Slack's event id and the message id."""
    keys = (body.get("event_id"), event.get("client_msg_id"))
    return tuple(f"slack:{key}" for key in keys if isinstance(key, str) and key)


def web_client(settings: Settings) -> AsyncWebClient:
    """A Web API client; SLACK_API_URL (a proxy, or a fake in tests) must end in "/"."""
    base_url = settings.slack_api_url.rstrip("/") + "/"
    return AsyncWebClient(token=settings.slack_bot_token, base_url=base_url)


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


def refuse_shape(error: Exception) -> web.Response:
    log.warning("Refused a Slack payload of the wrong shape (%r)", error)
    return web.json_response({"error": NOT_A_PAYLOAD}, status=400)


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


async def not_configured(_: web.Request) -> web.Response:
    message = "Slack is not configured here: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET."
    return web.json_response({"error": message}, status=503)


SLACK_BOT = web.AppKey("slack_bot", SlackBot)


def mount_slack(app: web.Application, settings: Settings, assistant: AnswersQuestions) -> None:
    """Add `POST /slack/events` to `app`: answers when SLACK_BOT_TOKEN and
    SLACK_SIGNING_SECRET are set, else a 503 that says what to set.

    The bot is `app[SLACK_BOT]`; answers still being written are awaited at cleanup.
    """
    if not (settings.slack_bot_token and settings.slack_signing_secret):
        app.router.add_post(EVENTS_PATH, not_configured)
        return
    bot = SlackBot(settings, assistant)
    app[SLACK_BOT] = bot
    app.router.add_post(EVENTS_PATH, bot.handle)

    async def lifetime(_: web.Application) -> AsyncIterator[None]:
        await bot.open()
        yield
        await bot.close()

    app.cleanup_ctx.append(lifetime)


async def post_answer(settings: Settings, reference: dict[str, Any], answer: Answer) -> None:
    """Post `answer` unasked into the conversation `reference` names (a reminder).

    `reference` is the one a question from there carried: {"team": ..., "channel": ...}.
    Raises slack_sdk's SlackApiError when Slack refuses (bot removed from the channel).
    """
    message = render_answer(answer)
    await web_client(settings).chat_postMessage(
        channel=reference["channel"], text=message.text, blocks=message.blocks, unfurl_links=False
    )


async def run_socket_mode(settings: Settings, assistant: AnswersQuestions) -> None:
    """Answer Slack over Socket Mode (SLACK_APP_TOKEN, an `xapp-` token) until cancelled.

    For workspaces that cannot reach a public URL: the app opens a WebSocket to
    Slack instead of receiving HTTP requests. Run it next to the web service:

        task = asyncio.create_task(run_socket_mode(settings, assistant))
    """
    if not (settings.slack_app_token and settings.slack_bot_token):
        raise ValueError(
            "Socket Mode needs SLACK_APP_TOKEN (an xapp- token with connections:write) "
            "and SLACK_BOT_TOKEN (xoxb-); see docs/slack.md."
        )
    bot = SlackBot(settings, assistant)
    await bot.open()
    handler = AsyncSocketModeHandler(bot.app, settings.slack_app_token)
    # slack_bolt leaves these two unannotated.
    await handler.connect_async()  # type: ignore[no-untyped-call]
    try:
        await asyncio.Event().wait()
    finally:
        await handler.close_async()  # type: ignore[no-untyped-call]
        await bot.close()
