"""Fixtures: the fake Bot Framework connector on a real port, and the whole
service (`create_app`) on another, reached over HTTP (helpers in `teams_fakes`)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest
from teams_fakes import NOW, FakeConnector, ServerFactory, TeamsClient, start_service

from bot.settings import Settings


@pytest.fixture
async def connector(aiohttp_server: ServerFactory) -> FakeConnector:
    fake = FakeConnector()
    server = await aiohttp_server(fake.app())
    fake.url = str(server.make_url("/"))
    return fake


@pytest.fixture
def teams_settings() -> Settings:
    """No Bot Framework credentials: requests need no token, replies carry none."""
    return Settings(database_url="sqlite://", now=NOW)


@pytest.fixture
async def teams(
    aiohttp_server: ServerFactory, teams_settings: Settings, assistant: Any
) -> AsyncIterator[TeamsClient]:
    """The service without credentials, listening on a real port."""
    async for client in start_service(aiohttp_server, teams_settings, assistant):
        yield client
