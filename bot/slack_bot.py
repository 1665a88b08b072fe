"""The Slack bot: a bolt app whose listeners turn an event or a `/möte` command into a
question, and the answers still being written.

Slack wants an acknowledgement within three seconds, so listeners only note the
question and start a tracked task that answers it; the tasks are awaited when the
app shuts down. Slack retries an event it thinks was lost (`X-Slack-Retry-Num`):
event and message ids seen in the last two hours are remembered, so that a retry
is acknowledged without a second answer. `bot.slack` mounts it on the service:

    bot = SlackBot(settings, assistant)
    app.router.add_post("/slack/events", bot.handle)
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Coroutine, Sequence
from datetime import datetime
from typing import Any

import aiohttp
from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.app.async_app import AsyncApp
from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.async_context import AsyncBoltContext
from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_bolt.response import BoltResponse
from slack_sdk.web.async_client import AsyncWebClient

from bot.answers import Answer, AnswersQuestions, AskContext
from bot.blocks import render_answer
from bot.settings import Settings
from bot.slack_payloads import (
    NOT_A_PAYLOAD,
    PAYLOAD_SHAPE_ERRORS,
    RecentEvents,
    delivery_keys,
    question_text,
    refuse_non_slack,
    refuse_shape,
    team_of,
    text_fields,
    thread_of,
)
from storage.parsing.records import STOCKHOLM

# One logger for the whole Slack adapter, whichever module writes.
log = logging.getLogger("bot.slack")

# How long shutdown waits for answers still being written.
SHUTDOWN_GRACE_SECONDS = 10.0
HELP_QUESTION = "hjälp"
# Replies to /möte that only the asker needs to see.
PRIVATE_INTENTS = frozenset({"help", "error"})
# The adapter cannot tell the question's language when the assistant failed: both.
FAILURE_TEXT = (
    "Något gick fel när jag letade i protokollen. Försök igen om en stund.\n"
    "Something went wrong while I searched the minutes. Please try again shortly."
)


class SlackBot:
    """A bolt app that answers with `assistant`, and the answers still being written."""

    def __init__(self, settings: Settings, assistant: AnswersQuestions) -> None:
        self.settings = settings
        self.assistant = assistant
        self.seen = RecentEvents()
        self._tasks: set[asyncio.Task[None]] = set()
        bolt_logger = logging.getLogger("bot.slack.bolt")
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


def web_client(settings: Settings) -> AsyncWebClient:
    """A Web API client; SLACK_API_URL (a proxy, or a fake in tests) must end in "/"."""
    base_url = settings.slack_api_url.rstrip("/") + "/"
    return AsyncWebClient(token=settings.slack_bot_token, base_url=base_url)
