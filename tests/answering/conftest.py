"""One store with the real minutes per backend and module, asked read-only."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import pytest

from bot.answers import Answer, AskContext
from bot.assistant import Assistant
from storage.loading import load_paths
from storage.parsing.records import STOCKHOLM
from storage.store import Store
from tests.conftest import BACKENDS, NOW, database_url, real_minutes

Ask = Callable[..., Answer]


@pytest.fixture(scope="module", params=BACKENDS)
def minutes_assistant(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Assistant]:
    store = Store.open(database_url(request.param, tmp_path_factory.mktemp(request.param)))
    assert load_paths(store, real_minutes()).ok
    yield Assistant(store)
    store.close()


@pytest.fixture(scope="module")
def ask(minutes_assistant: Assistant) -> Ask:
    def ask(question: str, now: str | datetime = NOW, **context: object) -> Answer:
        moment = (
            datetime.fromisoformat(now).replace(tzinfo=STOCKHOLM) if isinstance(now, str) else now
        )
        return minutes_assistant.answer(question, AskContext(now=moment, **context))  # type: ignore[arg-type]

    return ask


@contextmanager
def assistant_over(db_url: str, folder: Path, files: Mapping[str, str]) -> Iterator[Assistant]:
    """An assistant over a store of these minutes (file name -> text), written to
    `folder` and loaded as `minutesbot ingest` would."""
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    store = Store.open(db_url)
    assert load_paths(store, [folder / name for name in sorted(files)]).ok
    try:
        yield Assistant(store)
    finally:
        store.close()
