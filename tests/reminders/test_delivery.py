"""How reminders go out when the platforms push back: 429 with Retry-After, 5xx,
a bot removed from the conversation, and claims left behind by a crashed instance."""

from __future__ import annotations

import logging
import time
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.answering.facts import meeting_fact
from bot.answers import AskContext, MeetingFact
from bot.assistant import Assistant
from bot.calendar import CalendarLinks
from bot.reminder_senders import senders_from_settings
from bot.reminders import ATTEMPTS_PER_PASS, ReminderEngine
from bot.service import _calendar_secret
from bot.settings import Settings
from storage.loading import load_paths
from storage.models import ReminderDelivery, Subscription
from storage.queries import meetings_on
from storage.store import Store
from tests.reminders.fakes import (
    SCHEDULE_V1,
    SLACK_TEAM,
    ScriptedConnector,
    ScriptedSlack,
    at,
    slack_channel,
    subscribe,
    teams_channel,
    teams_reference,
    write_minutes,
)
from tests.teams.teams_fakes import open_urls

DUE = at("2026-11-20T09:00")  # a week before the meeting on 27 November


@pytest.fixture
def channels(assistant: Assistant, connector: ScriptedConnector) -> tuple[str, str]:
    """One Teams channel and one Slack channel, subscribed on 10 November."""
    teams, slack = teams_channel(1), slack_channel(1)
    subscribe(
        assistant, f"msteams:{teams}", teams_reference(connector.url, teams), at("2026-11-10T10:00")
    )
    subscribe(
        assistant,
        f"slack:{SLACK_TEAM}:{slack}",
        {"team": SLACK_TEAM, "channel": slack},
        at("2026-11-10T10:00"),
    )
    return teams, slack


def engine(store: Store, settings: Settings, **options: object) -> ReminderEngine:
    return ReminderEngine(store, senders_from_settings(settings), **options)  # type: ignore[arg-type]


def deliveries(store: Store) -> list[ReminderDelivery]:
    with store.session() as session:
        return list(session.scalars(select(ReminderDelivery).order_by(ReminderDelivery.id)))


def subscriptions(store: Store) -> dict[str, Subscription]:
    with store.session() as session:
        rows = session.scalars(select(Subscription)).unique()
        return {row.conversation.key: row for row in rows}


async def test_429_waits_as_told_then_sends_once(
    store: Store,
    settings: Settings,
    connector: ScriptedConnector,
    slack: ScriptedSlack,
    channels: tuple[str, str],
) -> None:
    teams, channel = channels
    connector.script.append((429, {"error": {"code": "Throttled"}}, {"Retry-After": "1"}))
    slack.script.append((429, {"ok": False, "error": "ratelimited"}, {"Retry-After": "1"}))
    began = time.monotonic()

    report = await engine(store, settings).run_pass(DUE)

    assert time.monotonic() - began >= 2.0  # one second for each platform
    assert report.sent == 2 and report.retry == report.failed == 0
    assert connector.requests == 2 and connector.counts()[teams] == 2
    assert slack.requests == 2 and slack.counts()[channel] == 2
    assert [(d.status, d.attempts) for d in deliveries(store)] == [("sent", 2), ("sent", 2)]


async def test_5xx_is_retried_with_backoff_then_left_to_the_next_pass(
    store: Store, settings: Settings, connector: ScriptedConnector, channels: tuple[str, str]
) -> None:
    waits: list[float] = []

    async def no_wait(seconds: float) -> None:
        waits.append(seconds)

    connector.script.extend([(503, {}, {})] * ATTEMPTS_PER_PASS)
    first = await engine(store, settings, sleep=no_wait).run_pass(DUE)
    assert first.retry == 1 and connector.requests == ATTEMPTS_PER_PASS
    assert waits == [1.0, 2.0, 4.0]  # doubling, no Retry-After given

    second = await engine(store, settings, sleep=no_wait).run_pass(DUE + timedelta(minutes=1))
    assert second.sent == 1 and connector.requests == ATTEMPTS_PER_PASS + 1
    assert [(d.lead, d.status) for d in deliveries(store)] == [("P7DT09:00@2026-11-27", "sent")] * 2


async def test_a_teams_conversation_that_refuses_is_unsubscribed(
    store: Store,
    settings: Settings,
    assistant: Assistant,
    connector: ScriptedConnector,
    channels: tuple[str, str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    teams, _ = channels
    connector.script.append((403, {"error": {"code": "BotNotInConversationRoster"}}, {}))
    with caplog.at_level(logging.INFO):
        report = await engine(store, settings).run_pass(DUE)
    assert report.disabled == 1 and report.sent == 1  # Slack still got its reminder
    sub = subscriptions(store)[f"msteams:{teams}"]
    assert not sub.active and sub.disabled_reason == "msteams: HTTP 403"
    warning = next(r for r in caplog.records if "disabled" in r.getMessage())
    assert f"subscription {sub.id}" in warning.getMessage()
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "Chefsgrupp" not in logged and "Påminnelse" not in logged  # ids only

    later = await engine(store, settings).run_pass(at("2026-11-26T09:00"))
    assert connector.counts()[teams] == 1 and later.sent == 1  # only Slack
    listed = assistant.answer("påminnelser", AskContext(now=DUE, conversation=f"msteams:{teams}"))
    assert "avstängda" in listed.text


@pytest.mark.parametrize(
    "error", ["channel_not_found", "not_in_channel", "is_archived", "account_inactive"]
)
async def test_a_slack_channel_the_bot_left_is_unsubscribed(
    store: Store,
    settings: Settings,
    slack: ScriptedSlack,
    channels: tuple[str, str],
    error: str,
) -> None:
    _, channel = channels
    slack.script.append((200, {"ok": False, "error": error}, {}))
    report = await engine(store, settings).run_pass(DUE)
    assert report.disabled == 1 and slack.requests == 1
    sub = subscriptions(store)[f"slack:{SLACK_TEAM}:{channel}"]
    assert not sub.active and sub.disabled_reason == f"slack: {error}"
    await engine(store, settings).run_pass(at("2026-11-26T09:00"))
    assert slack.requests == 1


async def test_a_claim_left_by_a_crashed_instance(
    store: Store,
    settings: Settings,
    connector: ScriptedConnector,
    slack: ScriptedSlack,
    channels: tuple[str, str],
) -> None:
    """Claimed but never sending: taken over after the lease. Left "sending": the
    platform may have it, so it is never sent again (at most once)."""
    teams, _ = channels
    crashed = engine(store, settings, instance="crashed")
    due = {d.subscription.conversation.split(":")[0]: d for d in crashed.plan(DUE).due}
    long_ago = datetime.now(UTC) - timedelta(minutes=10)
    with store.transaction() as session:
        for platform, status in (("msteams", "claimed"), ("slack", "sending")):
            row = crashed._row(due[platform], status, long_ago)
            session.add(row)

    report = await engine(store, settings).run_pass(DUE)

    assert report.sent == 1 and connector.counts()[teams] == 1 and slack.requests == 0
    statuses = sorted((d.status, d.claimed_by == "crashed") for d in deliveries(store))
    assert statuses == [("sent", False), ("unknown", True)]


async def test_a_fresh_claim_of_another_instance_is_left_alone(
    store: Store, settings: Settings, connector: ScriptedConnector, channels: tuple[str, str]
) -> None:
    other = engine(store, settings, instance="other")
    teams_due = next(d for d in other.plan(DUE).due if d.subscription.platform == "msteams")
    assert other._claim(teams_due)
    report = await engine(store, settings).run_pass(DUE)
    assert report.lost == 1 and connector.requests == 0


async def test_a_reminded_meeting_that_leaves_the_schedule_gets_one_notice(
    store: Store,
    settings: Settings,
    minutes_dir: Path,
    connector: ScriptedConnector,
    slack: ScriptedSlack,
    channels: tuple[str, str],
) -> None:
    teams, channel = channels
    first = await engine(store, settings).run_pass(at("2027-01-15T09:00"))  # 22 January
    assert first.sent == 2
    write_minutes(minutes_dir, SCHEDULE_V1.replace("22 januari kl 9-12 (fysiskt möte)\n", ""))
    assert load_paths(store, [minutes_dir]).ok

    for moment in ("2027-01-16T10:00", "2027-01-17T10:00"):
        await engine(store, settings).run_pass(at(moment))
    assert connector.counts()[teams] == 2 and slack.counts()[channel] == 2
    notice = connector.received[-1].text
    assert notice.startswith("Mötet för Chefsgrupp folkhälsa fredag 22 januari 2027 kl. 09.00")
    assert "finns inte längre med i mötesplaneringen" in notice


async def test_calendar_links_when_the_public_url_and_a_shared_key_are_set(
    store: Store,
    settings: Settings,
    connector: ScriptedConnector,
    slack: ScriptedSlack,
    channels: tuple[str, str],
) -> None:
    public = replace(settings, public_url="https://minutes.example.se", calendar_secret="shared")
    await engine(store, public).run_pass(DUE)
    links = CalendarLinks(_calendar_secret(public))
    [meeting_id] = {f.meeting_id for f in await _facts(store)}
    expected = f"https://minutes.example.se{links.path(meeting_id)}"
    assert expected in open_urls(connector.received[0].body["attachments"][0]["content"])
    assert f"<{expected}|Lägg till i kalendern>" in slack.received[0].text

    # Without a shared key a link made here would not verify in the service: none.
    await engine(store, replace(settings, public_url="https://minutes.example.se")).run_pass(
        at("2026-11-26T09:00")
    )
    assert open_urls(connector.received[1].body["attachments"][0]["content"]) == []
    assert "/calendar/" not in slack.received[1].text


async def _facts(store: Store) -> list[MeetingFact]:
    with store.session() as session:
        return [meeting_fact(m) for m in meetings_on(session, date(2026, 11, 27))]
