"""The service under load, and the platforms it talks to, all on loopback.

`served(...)` starts `minutesbot serve` in a subprocess on a free port over a
database loaded with the real minutes; `StandIn` is one local aiohttp server
that speaks both the Bot Framework connector (Teams replies) and the Slack Web
API (`auth.test`, `chat.postMessage`), and resolves a future when the reply to
a given request arrives. Used by `bench.load` and `bench.faults`.

    async with StandIn.running() as stand_in:
        with served(database, stand_in.url) as service:
            ...
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import hmac
import itertools
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from aiohttp import web
from sqlalchemy import create_engine, text

ROOT = Path(__file__).resolve().parents[1]
MINUTES = ROOT.parent / "shared" / "minutes"
LOOPBACK = "127.0.0.1"
SIGNING_SECRET = "bench-signing-secret"
BOT_TOKEN = "xoxb-bench"
BOT_USER = "U0BENCH"
TEAM = "T0BENCH"
BOT_ID = "28:bench-bot"
# The acceptance questions' clock: answers stay the same from run to run.
NOW = "2026-11-22T10:00:00+01:00"
POSTGRES_SERVER = os.environ.get(
    "MINUTESBOT_TEST_POSTGRES", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
# Words of the assistant's "I cannot answer" replies (bot.assistant._trouble).
TROUBLE = ("databasen går inte att nå", "database cannot be reached", "Något gick fel")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((LOOPBACK, 0))
        port: int = probe.getsockname()[1]
        return port


def require_loopback(url: str) -> None:
    """Load and faults go to this machine only."""
    host = urlsplit(url.replace("+psycopg", "")).hostname or ""
    if host not in (LOOPBACK, "localhost", "::1"):
        raise SystemExit(f"refusing {url}: the benchmark only talks to loopback addresses")


@dataclass
class Reply:
    """A reply a platform stand-in received: when, and its text."""

    at: float
    text: str


@dataclass
class StandIn:
    """The Bot Framework connector and the Slack Web API, counting replies."""

    url: str = ""
    waiting: dict[str, asyncio.Future[Reply]] = field(default_factory=dict)
    received: int = 0
    unexpected: int = 0

    def expect(self, key: str) -> asyncio.Future[Reply]:
        """A future that the reply to request `key` resolves."""
        future: asyncio.Future[Reply] = asyncio.get_running_loop().create_future()
        self.waiting[key] = future
        return future

    def _arrived(self, key: str | None, reply_text: str) -> None:
        self.received += 1
        future = self.waiting.pop(key or "", None)
        if future is None or future.done():
            self.unexpected += 1
            return
        future.set_result(Reply(time.perf_counter(), reply_text))

    async def teams_reply(self, request: web.Request) -> web.Response:
        activity = await request.json()
        self._arrived(request.match_info.get("reply_to"), str(activity.get("summary", "")))
        return web.json_response({"id": f"reply-{self.received}"})

    async def slack_api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        if method == "auth.test":
            return web.json_response(
                {"ok": True, "user_id": BOT_USER, "bot_id": "B0BENCH", "team_id": TEAM}
            )
        if request.content_type == "application/json":
            payload = await request.json()
        else:
            payload = dict(await request.post())
        if method == "chat.postMessage":
            self._arrived(str(payload.get("thread_ts")), str(payload.get("text", "")))
        return web.json_response({"ok": True, "channel": payload.get("channel"), "ts": "1.0"})

    def app(self) -> web.Application:
        app = web.Application()
        conversations = "/v3/conversations/{conversation}/activities"
        app.router.add_post(conversations, self.teams_reply)
        app.router.add_post(conversations + "/{reply_to}", self.teams_reply)
        app.router.add_post("/api/{method}", self.slack_api)
        return app

    @classmethod
    @contextlib.asynccontextmanager
    async def running(cls) -> AsyncIterator[StandIn]:
        stand_in = cls()
        runner = web.AppRunner(stand_in.app(), access_log=None)
        await runner.setup()
        port = free_port()
        site = web.TCPSite(runner, LOOPBACK, port)
        await site.start()
        stand_in.url = f"http://{LOOPBACK}:{port}"
        try:
            yield stand_in
        finally:
            await runner.cleanup()


# --- requests as the platforms send them ------------------------------------------------

_ids = itertools.count(1)


def teams_activity(question: str, conversation: int, service_url: str) -> dict[str, Any]:
    """A personal-chat message; its id is the key its reply comes back under."""
    activity_id = f"act{next(_ids)}"
    return {
        "type": "message",
        "id": activity_id,
        "timestamp": "2026-11-22T09:00:00.000Z",
        "serviceUrl": service_url + "/",
        "channelId": "msteams",
        "from": {"id": f"29:user{conversation}", "name": "Anna Andersson"},
        "conversation": {"id": f"a:bench{conversation}", "conversationType": "personal"},
        "recipient": {"id": BOT_ID, "name": "Protokollboten"},
        "channelData": {"tenant": {"id": "bench-tenant"}},
        "locale": "sv-SE",
        "text": question,
        "textFormat": "plain",
    }


def slack_event(question: str, conversation: int) -> tuple[str, bytes]:
    """An app_mention event; its ts is the key its reply comes back under."""
    n = next(_ids)
    ts = f"{1_700_000_000 + n}.{n % 1_000_000:06d}"
    event = {
        "type": "app_mention",
        "user": f"U{conversation:06d}",
        "text": f"<@{BOT_USER}> {question}",
        "ts": ts,
        "channel": f"C{conversation:06d}",
        "event_ts": ts,
    }
    envelope = {
        "token": "legacy",
        "team_id": TEAM,
        "api_app_id": "A0BENCH",
        "event": event,
        "type": "event_callback",
        "event_id": f"EvB{n}",
        "event_time": 1_700_000_000,
        "authorizations": [{"team_id": TEAM, "user_id": BOT_USER, "is_bot": True}],
    }
    return ts, json.dumps(envelope).encode()


def slack_headers(body: bytes, secret: str = SIGNING_SECRET) -> dict[str, str]:
    timestamp = str(int(time.time()))
    base = f"v0:{timestamp}:".encode() + body
    signature = "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()
    return {
        "Content-Type": "application/json",
        "X-Slack-Request-Timestamp": timestamp,
        "X-Slack-Signature": signature,
    }


# --- databases and the service process ------------------------------------------------


@contextlib.contextmanager
def database(backend: str, folder: Path) -> Iterator[str]:
    """An empty database: a SQLite file, or a PostgreSQL schema of this run (dropped after)."""
    if backend == "sqlite":
        yield f"sqlite:///{folder / 'minutes.db'}"
        return
    require_loopback(POSTGRES_SERVER)
    schema = f"minutesbot_bench_{os.getpid()}"
    engine = create_engine(POSTGRES_SERVER)
    try:
        with engine.begin() as conn:
            conn.execute(text(f"DROP SCHEMA IF EXISTS {schema} CASCADE"))
            conn.execute(text(f"CREATE SCHEMA {schema}"))
        yield f"{POSTGRES_SERVER}?options=-csearch_path%3D{schema}"
    finally:
        with engine.begin() as conn:
            conn.execute(text(f"DROP SCHEMA IF EXISTS {schema} CASCADE"))
        engine.dispose()


@dataclass
class Service:
    process: subprocess.Popen[bytes]
    url: str
    log: Path

    def peak_rss_mb(self) -> float:
        """The process's peak resident memory (VmHWM) since start or the last reset."""
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
        return float("nan")

    def cpu_seconds(self) -> float:
        """CPU time the service has used, user and system, all threads, with the
        worker processes of `serve --workers` (its children)."""
        return sum(_cpu_seconds(pid) for pid in _process_tree(self.process.pid))

    def reset_peak_rss(self) -> None:
        # Writing 5 to clear_refs resets VmHWM to the current RSS (Linux 4.0+).
        with contextlib.suppress(OSError):
            Path(f"/proc/{self.process.pid}/clear_refs").write_text("5")

    def alive(self) -> bool:
        return self.process.poll() is None


def _process_tree(pid: int) -> list[int]:
    """`pid` and its descendants still running (Linux /proc)."""
    found, index = [pid], 0
    while index < len(found):
        children = Path(f"/proc/{found[index]}/task/{found[index]}/children")
        with contextlib.suppress(OSError):
            found += [int(child) for child in children.read_text().split()]
        index += 1
    return found


def _cpu_seconds(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:  # it ended meanwhile
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def service_env(stand_in_url: str, **extra: str) -> dict[str, str]:
    """The service's environment: Slack against the stand-in, no Bot Framework id."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("MicrosoftApp", "SLACK_", "MINUTESBOT_"))
    }
    env.update(
        SLACK_BOT_TOKEN=BOT_TOKEN,
        SLACK_SIGNING_SECRET=SIGNING_SECRET,
        SLACK_API_URL=stand_in_url + "/api/",
        MINUTESBOT_REMINDERS="0",
        **extra,
    )
    return env


@contextlib.contextmanager
def served(
    database_url: str, stand_in_url: str, folder: Path, *, load: bool = True, **extra: str
) -> Iterator[Service]:
    """`minutesbot serve` on a free loopback port, the real minutes loaded; stopped after."""
    port = free_port()
    command = [
        str(Path(sys.executable).with_name("minutesbot")),
        "serve",
        "--db",
        database_url,
        "--host",
        LOOPBACK,
        "--port",
        str(port),
        "--now",
        NOW,
    ]
    if load:
        command += ["--load", str(MINUTES)]
    log = folder / f"service-{port}.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            command, env=service_env(stand_in_url, **extra), stdout=output, stderr=output
        )
    service = Service(process, f"http://{LOOPBACK}:{port}", log)
    try:
        wait_healthy(service)
        # The first process answers /healthz while the others may still be starting;
        # connections opened before they listen would all stay with the first.
        wait_listening(service, port, int(extra.get("MINUTESBOT_WORKERS", "1")))
        yield service
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def wait_listening(service: Service, port: int, sockets: int, timeout: float = 120.0) -> None:
    """Until `sockets` sockets listen on `port` (one per `serve --workers` process)."""
    deadline = time.monotonic() + timeout
    while listening_sockets(port) < sockets:
        if time.monotonic() > deadline or not service.alive():
            raise RuntimeError(
                f"{sockets} workers did not all listen:\n{service.log.read_text()[-3000:]}"
            )
        time.sleep(0.2)


def listening_sockets(port: int) -> int:
    """How many TCP sockets listen on `port` on this machine (Linux /proc/net/tcp)."""
    found = 0
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        if fields[3] == "0A" and int(fields[1].rsplit(":", 1)[1], 16) == port:
            found += 1
    return found


def wait_healthy(service: Service, timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not service.alive():
            raise RuntimeError(f"the service exited:\n{service.log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(service.url + "/healthz", timeout=2) as reply:
                if reply.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"the service did not become healthy:\n{service.log.read_text()[-3000:]}")
