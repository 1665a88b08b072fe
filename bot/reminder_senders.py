"""Reminders on the chat platforms: a `Sender` per platform, the service's
background task, and one pass for operators (`minutesbot reminders run-once`).

Each sender turns its platform's refusals into `SendError` outcomes: 429 and
5xx are "retry" (with Retry-After), a conversation the bot was removed from is
"gone" (Teams 403/404; Slack `channel_not_found`, `not_in_channel`,
`is_archived`, `account_inactive`), a connection that could not be opened is
"retry", and a request that may have reached the platform is "unknown".

    engine = ReminderEngine(store, senders_from_settings(settings))
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Callable, Sequence
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

import aiohttp
from aiohttp import web
from msrest.exceptions import ClientRequestError, HttpOperationError
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.answers import Answer, AskContext
from bot.blocks import render_answer
from bot.calendar import CalendarLinks
from bot.metrics import METRICS, Metrics
from bot.reminders import PassReport, ReminderEngine, Sender, SendError
from bot.settings import Settings
from bot.teams import TEAMS_BOT, TeamsBot
from storage.parsing.records import STOCKHOLM
from storage.store import Store

log = logging.getLogger(__name__)

CalendarUrl = Callable[[int], str | None]

SLACK_GONE = frozenset({"channel_not_found", "not_in_channel", "is_archived", "account_inactive"})
SLACK_RETRY = frozenset(
    {"ratelimited", "rate_limited", "internal_error", "fatal_error", "service_unavailable"}
)
# How long shutdown waits for a pass to finish its message.
SHUTDOWN_GRACE_SECONDS = 10.0
MAX_SLACK_BLOCKS = 50


def retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header (seconds or an HTTP date).

    >>> retry_after("3"), retry_after(None), retry_after("soon")
    (3.0, None, None)
    """
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, (moment - datetime.now(UTC)).total_seconds())


def http_outcome(status: int) -> str:
    """What an HTTP error status means for a message.

    >>> [http_outcome(s) for s in (429, 503, 403, 404, 400)]
    ['retry', 'retry', 'gone', 'gone', 'failed']
    """
    if status == 429 or status >= 500:
        return "retry"
    if status in (403, 404):
        return "gone"
    return "failed"


class TeamsSender:
    """Posts through `TeamsBot.notify` (the Bot Framework connector)."""

    def __init__(self, bot: TeamsBot) -> None:
        self.bot = bot

    async def send(self, reference: dict[str, Any], answer: Answer) -> None:
        try:
            await self.bot.notify(reference, answer)
        except HttpOperationError as exc:
            response = exc.response
            status = int(getattr(response, "status_code", 0) or getattr(response, "status", 0))
            headers = getattr(response, "headers", None) or {}
            raise SendError(
                http_outcome(status), f"HTTP {status}", retry_after(headers.get("Retry-After"))
            ) from exc
        except ClientRequestError as exc:
            raise SendError(_request_outcome(exc), type(exc.inner_exception).__name__) from exc
        except aiohttp.ClientConnectorError as exc:
            raise SendError("retry", type(exc).__name__) from exc


def _request_outcome(exc: ClientRequestError) -> str:
    """A connection that was never made is "retry"; a request lost on the way "unknown"."""
    inner = exc.inner_exception
    if isinstance(inner, aiohttp.ClientConnectorError | aiohttp.ConnectionTimeoutError):
        return "retry"
    return "unknown"


class SlackSender:
    """Posts with `chat.postMessage`; a calendar link when the service's URL is known."""

    def __init__(self, settings: Settings, calendar_url: CalendarUrl | None = None) -> None:
        # No automatic retries: a retry after a dropped connection could post twice.
        self.client = AsyncWebClient(
            token=settings.slack_bot_token,
            base_url=settings.slack_api_url.rstrip("/") + "/",
            retry_handlers=[],
        )
        self.calendar_url = calendar_url

    async def send(self, reference: dict[str, Any], answer: Answer) -> None:
        message = render_answer(answer)
        blocks = message.blocks + self._calendar_link(answer)
        try:
            await self.client.chat_postMessage(
                channel=str(reference["channel"]),
                text=message.text,
                blocks=blocks[:MAX_SLACK_BLOCKS],
                unfurl_links=False,
            )
        except SlackApiError as exc:
            raise _slack_error(exc) from exc
        except aiohttp.ClientConnectorError as exc:
            raise SendError("retry", type(exc).__name__) from exc
        except (aiohttp.ClientError, TimeoutError) as exc:
            raise SendError("unknown", type(exc).__name__) from exc

    def _calendar_link(self, answer: Answer) -> list[dict[str, Any]]:
        meeting = answer.meetings[0] if answer.meetings else None
        if meeting is None or meeting.meeting_id is None or meeting.status == "cancelled":
            return []
        url = self.calendar_url(meeting.meeting_id) if self.calendar_url else None
        if not url:
            return []
        label = "Lägg till i kalendern" if answer.language == "sv" else "Add to calendar"
        return [{"type": "context", "elements": [{"type": "mrkdwn", "text": f"<{url}|{label}>"}]}]


def _slack_error(exc: SlackApiError) -> SendError:
    response = exc.response
    data = response.data if isinstance(response.data, dict) else {}
    code = str(data.get("error") or f"HTTP {response.status_code}")
    wait = retry_after(response.headers.get("Retry-After"))
    if code in SLACK_GONE:
        return SendError("gone", code)
    if code in SLACK_RETRY or response.status_code == 429 or response.status_code >= 500:
        return SendError("retry", code, wait)
    return SendError("failed", code)


# -- wiring ---------------------------------------------------------------------------


class _NoQuestions:
    """The assistant a sending-only TeamsBot never asks."""

    async def ask(self, question: str, context: AskContext) -> Answer:
        raise RuntimeError("this Teams bot only sends reminders")

    async def claim_delivery(self, keys: Sequence[str]) -> bool:
        raise RuntimeError("this Teams bot only sends reminders")


def senders_from_settings(settings: Settings) -> dict[str, Sender]:
    """Senders outside the service (run-once): Teams always (without credentials
    the connector is called without a token, as in development), Slack with a token.

    Calendar links are only offered when they will verify in the service: a
    public URL is set and the link key is shared (MINUTESBOT_CALENDAR_SECRET or
    MicrosoftAppPassword), not one made up for this run.
    """
    from bot.service import _calendar_secret

    links = CalendarLinks(_calendar_secret(settings))
    shared = settings.calendar_secret or settings.microsoft_app_password
    base = settings.public_url if shared else ""
    bot = TeamsBot(settings, _NoQuestions(), links)
    bot.public_base = base or None
    senders: dict[str, Sender] = {"msteams": TeamsSender(bot)}
    if settings.slack_bot_token:
        senders["slack"] = SlackSender(settings, _calendar_url(lambda: base, links))
    return senders


def service_senders(
    app: web.Application, settings: Settings, links: CalendarLinks
) -> dict[str, Sender]:
    """Senders inside the service: its own TeamsBot, and Slack when configured."""
    teams: TeamsBot = app[TEAMS_BOT]
    senders: dict[str, Sender] = {"msteams": TeamsSender(teams)}
    if settings.slack_bot_token:
        senders["slack"] = SlackSender(settings, _calendar_url(lambda: teams.public_base, links))
    return senders


def _calendar_url(base: Callable[[], str | None], links: CalendarLinks) -> CalendarUrl:
    def url(meeting_id: int) -> str | None:
        origin = base()
        return f"{origin}{links.path(meeting_id)}" if origin else None

    return url


async def run_once(settings: Settings, store: Store, now: datetime) -> PassReport:
    """One pass at `now` with senders built from settings (`reminders run-once`)."""
    engine = ReminderEngine(store, senders_from_settings(settings))
    return await engine.run_pass(now)


def background_reminders(
    settings: Settings, store: Store, links: CalendarLinks
) -> Callable[[web.Application], AsyncIterator[None]]:
    """An aiohttp cleanup context: a pass every `reminder_interval_seconds` while the
    service runs. At shutdown the message being sent is finished first."""

    async def lifetime(app: web.Application) -> AsyncIterator[None]:
        engine = ReminderEngine(store, service_senders(app, settings, links))
        stop = asyncio.Event()
        task = asyncio.create_task(_every(settings, engine, stop, app.get(METRICS)))
        yield
        engine.stopping = True
        stop.set()
        _, pending = await asyncio.wait({task}, timeout=SHUTDOWN_GRACE_SECONDS)
        for waiting in pending:
            waiting.cancel()
        await asyncio.gather(task, return_exceptions=True)

    return lifetime


async def _every(
    settings: Settings, engine: ReminderEngine, stop: asyncio.Event, metrics: Metrics | None
) -> None:
    log.info(
        "reminders: every %.0f s (instance %s)", settings.reminder_interval_seconds, engine.instance
    )
    while not stop.is_set():
        try:
            await asyncio.wait_for(stop.wait(), settings.reminder_interval_seconds)
            return
        except TimeoutError:
            pass
        try:
            report = await engine.run_pass(settings.now or datetime.now(STOCKHOLM))
        except Exception:  # the next pass tries again; the database may be back by then
            log.exception("reminders: the pass failed")
            continue
        if metrics is not None:
            record(metrics, report)


def record(metrics: Metrics, report: PassReport) -> None:
    """A pass's outcomes in /metrics: sent, to be retried, given up (failed, the
    conversation gone, or an outcome that is unknown and will not be retried)."""
    metrics.reminder_sent(report.sent)
    metrics.reminder_retried(report.retry)
    metrics.reminder_failed(report.failed + report.disabled + report.unknown)
