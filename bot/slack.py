"""Slack adapter: Slack events and the `/möte` command in, Block Kit answers out.

It only converts. A Slack message becomes a question and an `AskContext`, the
assistant answers, and `bot.blocks` renders the `Answer`. It answers when
@mentioned in a channel (in the message's thread), in direct messages, and
through the slash command `/möte <fråga>` (`/möte hjälp` for help).

This module wires the bot (`bot.slack_bot`) to the service. Over HTTP,
`mount_slack` adds `POST /slack/events` to the service's aiohttp app; without a
public URL, `run_socket_mode` takes the same events over a WebSocket:

    app = web.Application()
    mount_slack(app, settings, assistant)  # POST /slack/events
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

from aiohttp import web
from slack_bolt.adapter.socket_mode.aiohttp import AsyncSocketModeHandler

from bot.answers import Answer, AnswersQuestions
from bot.blocks import render_answer
from bot.settings import Settings
from bot.slack_bot import SlackBot, web_client

EVENTS_PATH = "/slack/events"


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
