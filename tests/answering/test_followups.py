"""A postponed question followed to where it went: its own group's later
meetings, or those of the group it was referred to, never any other group's."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import text

from bot.answers import AskContext
from bot.assistant import Assistant
from storage.loading import load_paths
from storage.parsing.records import STOCKHOLM
from storage.store import Store

MINUTES = sorted((Path(__file__).parent / "minutes").glob("*.md"))
NOW = AskContext(now=datetime(2026, 11, 22, 10, 0, tzinfo=STOCKHOLM))


@pytest.fixture
def assistant(db_url: str) -> Iterator[Assistant]:
    store = Store.open(db_url)
    assert load_paths(store, MINUTES).ok
    yield Assistant(store)
    store.close()


@pytest.mark.parametrize(
    "question",
    [
        "vad beslutades om läkemedelsgenomgångar?",
        "vad beslutades om läkemedelsgenomgångar i mars 2026?",  # found by a query, not in the list
    ],
)
def test_referred_to_another_group_and_decided_there(assistant: Assistant, question: str) -> None:
    answer = assistant.answer(question, NOW)
    lines = answer.text.splitlines()
    referred = next(
        i for i, line in enumerate(lines) if "hänskjutet till chefsgrupp folkhälsa" in line
    )
    assert (
        lines[referred + 1]
        .strip()
        .startswith("Följdes upp: Chefsgrupp folkhälsa fredag 17 april 2026")
    )


def test_not_followed_into_an_unrelated_group(assistant: Assistant, db_url: str) -> None:
    """The same words decided in a group it was not referred to are not where it went."""
    store = Store.open(db_url)
    with store.transaction() as session:
        session.execute(
            text("UPDATE groups SET name = 'Annan grupp' WHERE name = 'Chefsgrupp folkhälsa'")
        )
    store.close()
    answer = assistant.answer("vad beslutades om läkemedelsgenomgångar i mars 2026?", NOW)
    assert "Följdes upp" not in answer.text
    assert "Inget senare beslut i frågan finns i protokollen ännu." in answer.text
