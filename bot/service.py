"""The web service: one aiohttp application for every chat platform.

Routes: `POST /api/messages` (Teams, `bot.teams`), `POST /slack/events`
(Slack, `bot.slack`), `GET /healthz` (is the database reachable) and
`GET /calendar/<meeting id>.ics` (a meeting as an iCalendar file, linked from
answer cards). `minutesbot serve` calls `run_service`; tests call `create_app`:

    app = create_app(Settings(database_url="sqlite://"), Assistant(Store.open("sqlite://")))
    web.run_app(app, host="127.0.0.1", port=3978)
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import hashlib
import ipaddress
import logging
import multiprocessing
import secrets
from collections.abc import AsyncIterator, Callable, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import uvloop
from aiohttp import web

from bot.calendar import CalendarLinks, meeting_ics
from bot.logs import configure_logging
from bot.metrics import METRICS, MeasuredAssistant, mount_metrics
from bot.settings import Settings
from bot.teams import mount_teams

if TYPE_CHECKING:
    from collections.abc import Sequence

    from bot.assistant import Assistant
    from storage.loading import IngestReport

log = logging.getLogger(__name__)

SETTINGS = web.AppKey("settings", Settings)
ASSISTANT: web.AppKey[Assistant] = web.AppKey("assistant")
CALENDAR_LINKS = web.AppKey("calendar_links", CalendarLinks)


class ServiceError(Exception):
    """The service cannot start as configured; the message says what to change."""


def create_app(settings: Settings, assistant: Assistant) -> web.Application:
    """The application with every route; the caller owns `assistant` and its store."""
    app = web.Application()
    app[SETTINGS] = settings
    app[ASSISTANT] = assistant
    app[CALENDAR_LINKS] = CalendarLinks(_calendar_secret(settings))
    app.router.add_get("/healthz", healthz)
    app.router.add_get(r"/calendar/{meeting_id:\d{1,12}}.ics", calendar_file)
    # GET /metrics; the adapters' answers are timed and counted by intent.
    measured = MeasuredAssistant(assistant, mount_metrics(app))
    mount_teams(app, settings, measured, app[CALENDAR_LINKS])
    try:
        # Imported here: the Slack adapter is optional for the Teams side.
        from bot.slack import mount_slack
    except ImportError as exc:
        log.warning("slack: not mounted (%s)", exc)
    else:
        mount_slack(app, settings, measured)
    if settings.reminders_enabled:
        # A pass over due meeting reminders every reminder_interval_seconds.
        from bot.reminder_senders import background_reminders

        app.cleanup_ctx.append(background_reminders(settings, assistant.store, app[CALENDAR_LINKS]))
    return app


async def healthz(request: web.Request) -> web.Response:
    """200 when the database answers, else 503."""
    store = request.app[ASSISTANT].store
    reachable = await asyncio.to_thread(store.ping)
    if reachable:
        return web.json_response({"status": "ok", "database": "reachable"})
    return web.json_response({"status": "unavailable", "database": "unreachable"}, status=503)


async def calendar_file(request: web.Request) -> web.Response:
    """A meeting as an .ics file; only links the bot signed are served."""
    meeting_id = int(request.match_info["meeting_id"])
    signature = request.query.get("sig", "")
    if not request.app[CALENDAR_LINKS].verify(meeting_id, signature):
        raise web.HTTPNotFound(text="No such calendar link.")
    meeting = await asyncio.to_thread(request.app[ASSISTANT].meeting, meeting_id)
    if meeting is None:
        raise web.HTTPNotFound(text="That meeting is no longer in the minutes.")
    body = meeting_ics(meeting, stamp=datetime.now(UTC))
    return web.Response(
        body=body,
        content_type="text/calendar",
        charset="utf-8",
        headers={"Content-Disposition": f'attachment; filename="meeting-{meeting_id}.ics"'},
    )


def _calendar_secret(settings: Settings) -> bytes:
    """The key calendar links are signed with.

    Configured (shared by several instances), else derived from the bot's password
    so links survive restarts; without either (local development) a fresh random key.
    """
    if settings.calendar_secret:
        return hashlib.sha256(
            f"minutesbot calendar links|{settings.calendar_secret}".encode()
        ).digest()
    if settings.microsoft_app_password:
        material = f"minutesbot calendar links|{settings.microsoft_app_password}"
        return hashlib.sha256(material.encode()).digest()
    return secrets.token_bytes(32)


def is_loopback(host: str) -> bool:
    """Whether `host` only accepts connections from this machine.

    >>> is_loopback("127.0.0.1"), is_loopback("localhost"), is_loopback("0.0.0.0")
    (True, True, False)
    """
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_listen_address(settings: Settings) -> None:
    """Refuse to listen beyond loopback when Teams requests need no token."""
    if settings.microsoft_app_id or settings.allow_insecure_public or is_loopback(settings.host):
        return
    raise ServiceError(
        f"refusing to listen on {settings.host}: without MicrosoftAppId and "
        "MicrosoftAppPassword anyone could post to /api/messages. Set them (see docs/teams.md), "
        "listen on 127.0.0.1, or set MINUTESBOT_ALLOW_INSECURE_PUBLIC=1 if a proxy in front "
        "checks every request."
    )


def check_credentials(settings: Settings) -> None:
    """The Bot Framework settings fit together (the SDK's own errors say less).

    >>> check_credentials(Settings(microsoft_app_id="x", microsoft_app_password="p",
    ...                            microsoft_app_type="SingleTenant"))
    Traceback (most recent call last):
    ...
    bot.service.ServiceError: MicrosoftAppType=SingleTenant needs MicrosoftAppTenantId
    """
    if not settings.microsoft_app_id:
        return
    kind = settings.microsoft_app_type.lower()
    needs = {
        "singletenant": ["MicrosoftAppPassword", "MicrosoftAppTenantId"],
        "multitenant": ["MicrosoftAppPassword"],
        "userassignedmsi": ["MicrosoftAppTenantId"],
    }
    if kind not in needs:
        raise ServiceError(
            f"MicrosoftAppType={settings.microsoft_app_type} is not one of "
            "SingleTenant, MultiTenant, UserAssignedMSI"
        )
    given = {
        "MicrosoftAppPassword": settings.microsoft_app_password,
        "MicrosoftAppTenantId": settings.microsoft_app_tenant_id,
    }
    missing = [name for name in needs[kind] if not given[name]]
    if missing:
        raise ServiceError(
            f"MicrosoftAppType={settings.microsoft_app_type} needs {' and '.join(missing)}"
        )


def run_service(settings: Settings, *, ingested: Sequence[IngestReport] = ()) -> None:
    """Open the store and serve until interrupted (`minutesbot serve`).

    `ingested`: what `serve --load` loaded just before, counted in the metrics.
    With `settings.workers` > 1, that many processes share the port (SO_REUSEPORT).

    Raises ServiceError when the address or credentials are not usable, and the store's
    StoreError when the database cannot be opened.
    """
    from storage.store import Store

    configure_logging(debug=settings.debug)
    check_listen_address(settings)
    check_credentials(settings)
    if not settings.microsoft_app_id:
        log.warning("teams: no MicrosoftAppId: /api/messages takes requests without a token")
    Store.open(settings.database_url).close()  # migrate once, before any worker starts
    if settings.workers <= 1:
        _serve(settings, ingested=ingested, first=True)
        return
    if not settings.calendar_secret and not settings.microsoft_app_password:
        # Every worker must sign calendar links with the same key.
        settings = replace(settings, calendar_secret=secrets.token_hex(32))
    spawn = multiprocessing.get_context("spawn")
    workers = [
        spawn.Process(target=_serve, args=(settings,), kwargs={"reuse_port": True}, daemon=True)
        for _ in range(settings.workers - 1)
    ]
    for worker in workers:
        worker.start()
    try:
        _serve(settings, ingested=ingested, first=True, reuse_port=True)
    finally:
        for worker in workers:
            worker.terminate()
            worker.join(timeout=10)


def _serve(
    settings: Settings,
    *,
    ingested: Sequence[IngestReport] = (),
    first: bool = False,
    reuse_port: bool = False,
) -> None:
    """One serving process. Only the first runs Slack's Socket Mode connection."""
    from bot.assistant import Assistant
    from storage.store import Store

    configure_logging(debug=settings.debug)
    store = Store.open(settings.database_url)
    assistant = Assistant(store)
    app = create_app(settings, assistant)
    if first and settings.slack_app_token:
        app.cleanup_ctx.append(_socket_mode(settings, assistant))

    async def close_store(_: web.Application) -> None:
        await asyncio.to_thread(store.close)

    app.on_cleanup.append(close_store)
    for report in ingested:
        app[METRICS].record_ingest(report)
    log.info("serving on %s port %d", settings.host, settings.port)
    _settle_garbage_collector()
    # The metrics middleware logs every request as a JSON line (route pattern,
    # status, time); aiohttp's access log would add query strings (calendar
    # link signatures) in another format.
    web.run_app(
        app,
        host=settings.host,
        port=settings.port,
        access_log=None,
        print=None,
        reuse_port=reuse_port or None,
        loop=uvloop.new_event_loop(),
    )


# Young objects collected after this many allocations (Python's default is 700).
GC_YOUNG_THRESHOLD = 20_000


def _settle_garbage_collector() -> None:
    """What is loaded at start (the libraries, the SDKs' models, the vocabulary)
    lives as long as the process: moved out of the collector's sight
    (`gc.freeze`), so that full collections do not walk it again and again; and
    young collections are rarer, since a request makes a few thousand objects."""
    gc.collect()
    gc.freeze()
    _, middle, old = gc.get_threshold()
    gc.set_threshold(GC_YOUNG_THRESHOLD, middle, old)


def _socket_mode(
    settings: Settings, assistant: Assistant
) -> Callable[[web.Application], AsyncIterator[None]]:
    """Slack over a WebSocket (SLACK_APP_TOKEN), for workspaces without a public URL."""

    async def run(_: web.Application) -> AsyncIterator[None]:
        from bot.slack import run_socket_mode

        task = asyncio.create_task(run_socket_mode(settings, assistant))
        yield
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task

    return run
