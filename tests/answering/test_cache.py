"""Repeated questions come from the answer cache; new minutes invalidate it."""

from __future__ import annotations

import shutil
from datetime import timedelta
from pathlib import Path

from bot.answers import AskContext
from bot.assistant import Assistant
from storage.loading import load_paths
from storage.store import Store
from tests.conftest import NOW, SAMPLES, real_minutes


def test_cache_hits_and_invalidation(tmp_path: Path) -> None:
    store = Store.open(f"sqlite:///{tmp_path / 'cache.db'}")
    load_paths(store, real_minutes())
    assistant = Assistant(store)
    first = assistant.answer("När är nästa möte?", AskContext(now=NOW))
    again = assistant.answer("När är nästa möte?", AskContext(now=NOW + timedelta(seconds=20)))
    assert again is first and assistant.cache.hits == 1

    later = assistant.answer("När är nästa möte?", AskContext(now=NOW + timedelta(days=30)))
    assert later is not first  # another minute is another question

    folder = tmp_path / "more"
    folder.mkdir()
    shutil.copy(SAMPLES / "2026-10-23_chefsgrupp_barn_och_unga.md", folder)
    load_paths(store, [folder])
    fresh = assistant.answer("När är nästa möte?", AskContext(now=NOW))
    assert fresh is not first  # new minutes, new answer
    store.close()


def test_conversation_state_is_never_cached(tmp_path: Path) -> None:
    store = Store.open(f"sqlite:///{tmp_path / 'cache.db'}")
    load_paths(store, real_minutes())
    assistant = Assistant(store)
    channel = AskContext(now=NOW, conversation="slack:T:C", reference={"team": "T", "channel": "C"})
    before = assistant.answer("nästa möte", channel)
    assistant.answer("den här kanalen gäller Chefsgrupp folkhälsa", channel)
    after = assistant.answer("nästa möte", channel)
    assert after is not before  # the binding changed what the question means
    store.close()
