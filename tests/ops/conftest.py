"""Fixtures: the whole service over the real minutes (see `stack`)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from aiohttp import ClientSession

from storage.store import Store
from tests.ops.stack import ServerFactory, Stack, start_stack


@pytest.fixture
async def session() -> AsyncIterator[ClientSession]:
    async with ClientSession() as client:
        yield client


@pytest.fixture
async def stack(
    aiohttp_server: ServerFactory, session: ClientSession, sqlite_minutes: Store
) -> Stack:
    """The service over the real minutes (read-only questions only)."""
    return await start_stack(aiohttp_server, session, sqlite_minutes)
