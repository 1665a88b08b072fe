"""`GET /metrics`: requests, answers by intent, reminders and ingest, per app."""

from __future__ import annotations

from pathlib import Path

from aiohttp import ClientSession
from prometheus_client.parser import text_string_to_metric_families

from bot.metrics import Metrics
from storage.loading import load_paths
from storage.store import Store
from tests.conftest import real_minutes
from tests.ops.stack import ServerFactory, Stack, start_stack


def samples(text: str) -> dict[tuple[str, frozenset[tuple[str, str]]], float]:
    """Every sample of an exposition, keyed by name and labels."""
    found = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            found[(sample.name, frozenset(sample.labels.items()))] = sample.value
    return found


def value(text: str, name: str, **labels: str) -> float:
    return samples(text).get((name, frozenset(labels.items())), 0.0)


async def scrape(stack: Stack) -> str:
    async with stack.session.get(stack.url("/metrics")) as response:
        assert response.status == 200
        assert response.content_type == "text/plain"
        return await response.text()


async def test_answers_are_timed_and_counted_by_intent(stack: Stack) -> None:
    await stack.ask_teams("När är nästa möte med Chefsgrupp folkhälsa?")
    await stack.ask_slack("Vem representerar Karlskoga?")
    await stack.ask_teams("Vad beslutades om kärnkraft?")
    text = await scrape(stack)
    assert value(text, "minutesbot_answer_duration_seconds_count", intent="next_meeting") == 1
    assert value(text, "minutesbot_answer_duration_seconds_count", intent="representatives") == 1
    assert value(text, "minutesbot_answer_duration_seconds_count", intent="decisions") == 1
    assert value(text, "minutesbot_answer_duration_seconds_sum", intent="decisions") > 0
    # Nothing in the minutes is about nuclear power: an honest "no result".
    assert value(text, "minutesbot_answers_not_found_total", intent="decisions") == 1
    assert value(text, "minutesbot_answers_not_found_total", intent="next_meeting") == 0


async def test_requests_are_counted_by_route_pattern_and_status(stack: Stack) -> None:
    await stack.ask_teams("När är nästa möte?")
    async with stack.session.post(stack.url("/api/messages"), data=b"not json") as response:
        assert response.status == 400
    for path in ("/healthz", "/no/such/path?q=Anna", "/calendar/17.ics?sig=forged"):
        async with stack.session.get(stack.url(path)):
            pass
    text = await scrape(stack)
    requests = "minutesbot_http_requests_total"
    assert value(text, requests, route="/api/messages", method="POST", status="201") == 1
    assert value(text, requests, route="/api/messages", method="POST", status="400") == 1
    assert value(text, requests, route="/healthz", method="GET", status="200") == 1
    assert value(text, requests, route="unmatched", method="GET", status="404") == 1
    # The pattern, never the path: no id, signature or query becomes a label.
    assert value(text, requests, route="/calendar/{meeting_id}.ics", method="GET", status="404")
    assert "Anna" not in text and "forged" not in text
    assert value(text, "minutesbot_http_request_duration_seconds_count", route="/healthz") == 1


async def test_reminder_and_ingest_counters_start_at_zero(stack: Stack) -> None:
    text = await scrape(stack)
    for outcome in ("sent", "retried", "failed"):
        assert (("minutesbot_reminders_total", frozenset({("outcome", outcome)}))) in samples(text)
    for status in ("loaded", "unchanged", "replaced", "failed"):
        assert value(text, "minutesbot_ingest_documents_total", status=status) == 0


def test_reminder_and_ingest_counters_count(tmp_path: Path) -> None:
    metrics = Metrics()
    metrics.reminder_sent()
    metrics.reminder_sent(2)
    metrics.reminder_retried()
    metrics.reminder_failed()
    store = Store.open(f"sqlite:///{tmp_path / 'minutes.db'}")
    (tmp_path / "empty.txt").write_bytes(b"")
    metrics.record_ingest(load_paths(store, [*real_minutes()[:2], tmp_path / "empty.txt"]))
    metrics.record_ingest(load_paths(store, real_minutes()[:1]))
    store.close()
    text = metrics.exposition().decode()
    assert value(text, "minutesbot_reminders_total", outcome="sent") == 3
    assert value(text, "minutesbot_reminders_total", outcome="retried") == 1
    assert value(text, "minutesbot_reminders_total", outcome="failed") == 1
    assert value(text, "minutesbot_ingest_documents_total", status="loaded") == 2
    assert value(text, "minutesbot_ingest_documents_total", status="failed") == 1
    assert value(text, "minutesbot_ingest_documents_total", status="unchanged") == 1


def test_a_textfile_for_batch_runs(tmp_path: Path) -> None:
    metrics = Metrics()
    metrics.reminder_failed()
    target = tmp_path / "minutesbot.prom"
    metrics.write_textfile(target)
    assert value(target.read_text(), "minutesbot_reminders_total", outcome="failed") == 1


async def test_every_app_has_its_own_metrics(
    aiohttp_server: ServerFactory, session: ClientSession, sqlite_minutes: Store
) -> None:
    first = await start_stack(aiohttp_server, session, sqlite_minutes)
    second = await start_stack(aiohttp_server, session, sqlite_minutes)
    await first.ask_teams("När är nästa möte?")
    assert value(
        await scrape(first), "minutesbot_answer_duration_seconds_count", intent="next_meeting"
    )
    assert not value(
        await scrape(second), "minutesbot_answer_duration_seconds_count", intent="next_meeting"
    )


def test_ingest_writes_its_counts_for_the_textfile_collector(tmp_path: Path) -> None:
    from bot.cli import main

    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.7 truncated")
    target = tmp_path / "ingest.prom"
    database = f"sqlite:///{tmp_path / 'minutes.db'}"
    paths = [str(p) for p in real_minutes()[:2]] + [str(tmp_path / "broken.pdf")]
    assert main(["ingest", "-q", "--db", database, "--metrics-file", str(target), *paths]) == 1
    text = target.read_text()
    assert value(text, "minutesbot_ingest_documents_total", status="loaded") == 2
    assert value(text, "minutesbot_ingest_documents_total", status="failed") == 1
