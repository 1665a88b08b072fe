"""The database goes away and comes back while questions arrive: people get the
assistant's "the database cannot be reached" answer (or a 503 from /healthz),
never a 500; afterwards everything answers as before, and nothing stored is
lost or doubled."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from aiohttp import ClientSession
from sqlalchemy import func, select

from storage.loading import load_paths
from storage.models import Conversation
from storage.store import Store
from tests.conftest import BACKENDS, real_minutes
from tests.faults.outage import Outage, outage_for
from tests.ops.stack import ServerFactory, Stack, start_stack
from tests.storage.test_loading import row_counts
from tests.teams.teams_fakes import message

UNREACHABLE = "databasen går inte att nå"
QUESTION = "När är nästa möte med Chefsgrupp folkhälsa?"
BIND = "den här kanalen gäller Chefsgrupp folkhälsa"


@pytest.fixture(params=BACKENDS)
async def outage(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Outage]:
    with outage_for(request.param, tmp_path) as taken:
        taken.store = Store.open(taken.url)
        assert load_paths(taken.store, real_minutes()).ok
        yield taken
        taken.come_back()


@pytest.fixture
async def stack(aiohttp_server: ServerFactory, session: ClientSession, outage: Outage) -> Stack:
    assert outage.store is not None
    return await start_stack(aiohttp_server, session, outage.store)


@pytest.fixture
async def session() -> AsyncIterator[ClientSession]:
    async with ClientSession() as client:
        yield client


def card_text(stack: Stack, reply_to: str) -> str:
    posted = [p for p in stack.connector.posted if p.reply_to == reply_to]
    assert len(posted) == 1
    return str(posted[0].activity.get("summary", ""))


async def ask(stack: Stack, question: str, conversation: str = "a:1Xq8personal") -> str:
    """Ask through Teams; the reply's text. The request itself must succeed."""
    activity = message(question, service_url=stack.connector.url, conversation_id=conversation)
    async with await stack.post_teams(activity) as response:
        assert response.status == 201, (response.status, await response.text())
    return card_text(stack, activity["id"])


async def health(stack: Stack) -> int:
    async with stack.session.get(stack.url("/healthz")) as response:
        return response.status


BOUND = "19:bound@thread.tacv2"


def conversations(store: Store, key: str = f"msteams:{BOUND}") -> int:
    """The rows of one conversation (another's row keeps the meeting it last asked about)."""
    with store.session() as session:
        found = select(func.count()).select_from(Conversation).where(Conversation.key == key)
        return session.scalar(found) or 0


async def test_questions_while_the_database_is_away_and_after(stack: Stack, outage: Outage) -> None:
    assert outage.store is not None
    assert "Chefsgrupp folkhälsa" in await ask(stack, QUESTION)
    before = row_counts(outage.store)

    outage.go_away()
    assert await health(stack) == 503
    assert UNREACHABLE in await ask(stack, QUESTION)
    assert UNREACHABLE in await ask(stack, BIND, conversation=BOUND)
    assert UNREACHABLE in str((await stack.ask_slack(QUESTION))["text"])
    async with stack.session.get(stack.url("/metrics")) as response:
        assert response.status == 200  # metrics need no database

    outage.come_back()
    assert await health(stack) == 200
    assert "Chefsgrupp folkhälsa" in await ask(stack, QUESTION)
    assert "Chefsgrupp folkhälsa" in str((await stack.ask_slack(QUESTION))["text"])
    assert row_counts(outage.store) == before
    # The write refused during the outage left nothing; done now, it is stored once.
    assert conversations(outage.store) == 0
    await ask(stack, BIND, conversation=BOUND)
    await ask(stack, BIND, conversation=BOUND)
    assert conversations(outage.store) == 1


async def test_the_database_goes_away_in_the_middle_of_many_questions(
    stack: Stack, outage: Outage
) -> None:
    assert outage.store is not None
    before = row_counts(outage.store)

    async def one(n: int) -> tuple[int, str]:
        activity = message(QUESTION, service_url=stack.connector.url, conversation_id=f"a:{n}")
        async with await stack.post_teams(activity) as response:
            status = response.status
        return status, card_text(stack, activity["id"]) if status == 201 else ""

    async def cut_and_mend() -> None:
        # once some questions are answered (however busy the machine), not before
        for _ in range(500):
            if stack.connector.posted:
                break
            await asyncio.sleep(0.01)
        await asyncio.to_thread(outage.go_away)
        await asyncio.sleep(0.3)
        await asyncio.to_thread(outage.come_back)

    results = await asyncio.gather(*(one(n) for n in range(60)), cut_and_mend())
    answers = [r for r in results if r is not None]
    assert all(status == 201 for status, _ in answers), answers
    normal = sum("Chefsgrupp folkhälsa" in text for _, text in answers)
    unreachable = sum(UNREACHABLE in text for _, text in answers)
    assert normal + unreachable == len(answers), [t[:80] for _, t in answers]
    assert normal > 0
    # After the outage every question is answered again.
    assert "Chefsgrupp folkhälsa" in await ask(stack, QUESTION)
    assert await health(stack) == 200
    assert row_counts(outage.store) == before
