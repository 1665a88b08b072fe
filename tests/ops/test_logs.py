"""Logs are JSON lines, and hold no question text or names unless debugging."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from aiohttp import ClientSession
from sqlalchemy import text

from bot.logs import JsonFormatter, configure_logging
from storage.loading import load_paths
from storage.store import Store
from tests.conftest import real_minutes
from tests.ops.stack import ServerFactory, start_stack

QUESTIONS = [
    "Vem är Linnea Hedkvist?",
    "Vilka möten har Bechet Barsom varit på?",
    "Vad beslutades om suicidsamordningen?",
    "Who chaired the meeting on 20 September 2024?",
]
# Words from the questions, and names the answers carry, that must not reach the logs.
SECRETS = [
    "Linnea",
    "Hedkvist",
    "Bechet",
    "Barsom",
    "suicidsamordning",
    "chaired",
    "Anna Andersson",
]


@pytest.fixture
def captured() -> Iterator[io.StringIO]:
    """Everything the service logs, formatted as in production (INFO and up)."""
    stream = io.StringIO()
    root = logging.getLogger()
    level = root.level
    handler = configure_logging(debug=False, stream=stream)
    yield stream
    root.removeHandler(handler)
    root.setLevel(level)


@pytest.fixture
def own_store(tmp_path: Path) -> Iterator[Store]:
    store = Store.open(f"sqlite:///{tmp_path / 'minutes.db'}")
    assert load_paths(store, real_minutes()).ok
    yield store
    store.close()


def lines(stream: io.StringIO) -> list[dict[str, object]]:
    return [json.loads(line) for line in stream.getvalue().splitlines()]


async def test_questions_and_names_never_reach_the_logs(
    aiohttp_server: ServerFactory, session: ClientSession, own_store: Store, captured: io.StringIO
) -> None:
    stack = await start_stack(aiohttp_server, session, own_store)
    for question in QUESTIONS:
        assert (await stack.ask_teams(question)).activity
        assert await stack.ask_slack(question)
    # The database failing mid-question logs an error with its traceback.
    with own_store.engine.begin() as conn:
        conn.execute(text("DROP TABLE attendances"))
    for question in QUESTIONS[:2]:
        # Lower case: the same question in other words, not served from the answer cache.
        await stack.ask_teams(question.lower())
        await stack.ask_slack(question.lower())

    logged = lines(captured)
    assert any(
        entry["message"] == "request" and entry["route"] == "/api/messages" for entry in logged
    )
    errors = [entry for entry in logged if "error" in entry]
    assert errors, "the database failure was not logged"
    assert any("OperationalError" in str(entry["error"]) for entry in errors)
    output = captured.getvalue()
    for secret in SECRETS:
        assert secret.lower() not in output.lower(), secret


async def test_with_debug_on_the_question_is_logged(
    aiohttp_server: ServerFactory, session: ClientSession, sqlite_minutes: Store
) -> None:
    stream = io.StringIO()
    root = logging.getLogger()
    level = root.level
    handler = configure_logging(debug=True, stream=stream)
    try:
        stack = await start_stack(aiohttp_server, session, sqlite_minutes, debug=True)
        await stack.ask_teams(QUESTIONS[0])
    finally:
        root.removeHandler(handler)
        root.setLevel(level)
    assert "Linnea Hedkvist" in stream.getvalue()


def record_with(error: BaseException) -> logging.LogRecord:
    try:
        raise error
    except BaseException as exc:
        return logging.LogRecord(
            "bot.assistant",
            logging.ERROR,
            __file__,
            1,
            "error while answering",
            None,
            (type(exc), exc, exc.__traceback__),
        )


def test_an_error_message_that_may_quote_input_is_left_out() -> None:
    record = record_with(ValueError("no person called Linnea Hedkvist"))
    quiet = json.loads(JsonFormatter().format(record))
    assert quiet["error"]["types"] == ["ValueError"]
    assert quiet["error"]["frames"]
    assert "Linnea" not in json.dumps(quiet)
    loud = json.loads(JsonFormatter(debug=True).format(record))
    assert "Linnea Hedkvist" in json.dumps(loud)


def test_a_system_error_keeps_its_first_line() -> None:
    record = record_with(ConnectionRefusedError(111, "Connection refused"))
    entry = json.loads(JsonFormatter().format(record))
    assert entry["error"]["messages"] == ["[Errno 111] Connection refused"]


def test_extra_fields_are_kept_and_unknown_ones_dropped() -> None:
    record = logging.LogRecord("bot", logging.INFO, __file__, 1, "request", None, None)
    record.__dict__.update(route="/healthz", status=200, question="Vem är Anna?")
    entry = json.loads(JsonFormatter().format(record))
    assert entry["route"] == "/healthz" and entry["status"] == 200
    assert "question" not in entry
    assert set(entry) == {"time", "level", "logger", "message", "route", "status"}


async def test_the_served_process_logs_json_lines_without_questions(tmp_path: Path) -> None:
    """`minutesbot serve` itself: every line on stderr is JSON, none holds a name."""
    from bench.harness import StandIn, served, teams_activity

    async with StandIn.running() as stand_in:
        url = f"sqlite:///{tmp_path / 'minutes.db'}"
        with served(url, stand_in.url, tmp_path) as service:
            async with ClientSession() as client:
                for n, question in enumerate(QUESTIONS):
                    activity = teams_activity(question, n, stand_in.url)
                    reply = stand_in.expect(str(activity["id"]))
                    async with client.post(service.url + "/api/messages", json=activity) as sent:
                        assert sent.status == 201
                    assert (await reply).text
    logged = service.log.read_text().splitlines()
    entries = [json.loads(line) for line in logged if not line.startswith("error:")]
    assert len(entries) == len(logged)
    assert sum(e["message"] == "request" and e["route"] == "/api/messages" for e in entries) == 4
    assert any(e["message"].startswith("serving on 127.0.0.1") for e in entries)
    text = "\n".join(logged).lower()
    for secret in SECRETS:
        assert secret.lower() not in text, secret
