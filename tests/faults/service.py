"""The whole service in a background thread, for synchronous (hypothesis) tests.

Hypothesis drives plain functions, so the service, the fake Bot Framework
connector and the fake Slack Web API run on an event loop of their own in a
thread, and tests talk to them over real sockets with `http.client`, which
sends whatever bytes and headers it is given.
"""

from __future__ import annotations

import asyncio
import http.client
import json
import threading
from collections.abc import Coroutine, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, TypeVar

from aiohttp import web

from bot.assistant import Assistant
from bot.service import create_app
from storage.store import Store
from tests.ops.stack import stack_settings
from tests.slack.slack_fakes import FakeSlack, fake_slack_app
from tests.teams.teams_fakes import FakeConnector

T = TypeVar("T")


@dataclass
class Reply:
    status: int
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)

    def json(self) -> Any:
        return json.loads(self.body)


@dataclass
class ThreadedService:
    loop: asyncio.AbstractEventLoop
    port: int
    connector: FakeConnector
    slack: FakeSlack
    runners: list[web.AppRunner]

    def run(self, coroutine: Coroutine[Any, Any, T], timeout: float = 60) -> T:
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result(timeout)

    def request(
        self,
        method: str,
        path: str,
        body: bytes = b"",
        headers: dict[str, str] | list[tuple[str, str]] | None = None,
        timeout: float = 30,
    ) -> Reply:
        """One request on a new connection, bytes and headers exactly as given."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            connection.putrequest(method, path, skip_accept_encoding=True)
            pairs = headers.items() if isinstance(headers, dict) else (headers or [])
            for name, value in pairs:
                connection.putheader(name, value)
            connection.putheader("Content-Length", str(len(body)))
            connection.endheaders(body)
            response = connection.getresponse()
            return Reply(response.status, response.read(), dict(response.getheaders()))
        finally:
            connection.close()

    def healthy(self) -> bool:
        return self.request("GET", "/healthz").status == 200


async def _serve(app: web.Application) -> tuple[web.AppRunner, int]:
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port: int = runner.addresses[0][1]
    return runner, port


@contextmanager
def threaded_service(store: Store, **changes: Any) -> Iterator[ThreadedService]:
    """The service over `store` with both fakes, until the block ends."""
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()

    async def start() -> ThreadedService:
        connector = FakeConnector()
        connector_runner, connector_port = await _serve(connector.app())
        connector.url = f"http://127.0.0.1:{connector_port}/"
        slack = FakeSlack()
        slack.release_posts.set()
        slack_runner, slack_port = await _serve(fake_slack_app(slack))
        slack.url = f"http://127.0.0.1:{slack_port}"
        app = create_app(stack_settings(slack, **changes), Assistant(store))
        runner, port = await _serve(app)
        return ThreadedService(
            loop, port, connector, slack, [runner, connector_runner, slack_runner]
        )

    service = asyncio.run_coroutine_threadsafe(start(), loop).result(30)
    try:
        yield service
    finally:

        async def stop() -> None:
            for runner in service.runners:
                await runner.cleanup()

        asyncio.run_coroutine_threadsafe(stop(), loop).result(30)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout=10)
        loop.close()
