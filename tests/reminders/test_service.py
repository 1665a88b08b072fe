"""Reminders end to end: a Teams channel and a Slack channel subscribe through the
real service; passes at fixed times post into them through the local connector
and Slack stand-ins, while the minutes change between passes."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest
from aiohttp import ClientSession
from aiohttp.test_utils import TestServer

from bot.assistant import Assistant
from bot.reminder_senders import run_once
from bot.service import create_app
from bot.settings import Settings
from storage.loading import load_paths
from storage.store import Store
from tests.reminders.conftest import ServerFactory
from tests.reminders.fakes import (
    SCHEDULE_V2,
    SCHEDULE_V3,
    Received,
    ScriptedConnector,
    ScriptedSlack,
    at,
    wait_for,
    write_minutes,
)
from tests.slack.slack_fakes import SlackSender, mention_event
from tests.teams.teams_fakes import CHANNEL_ID, TeamsClient, message

SLACK_CHANNEL = "C0CHAN"


@dataclass
class Chats:
    """The service on a real port, and ways to write in its channels."""

    server: TestServer
    teams: TeamsClient
    slack_events: SlackSender
    connector: ScriptedConnector
    slack: ScriptedSlack

    async def ask_teams(self, text: str) -> str:
        before = len(self.connector.received)
        activity = message(
            text,
            service_url=self.connector.url,
            conversation_type="channel",
            conversation_id=CHANNEL_ID,
            mention=True,
        )
        response = await self.teams.post(activity)
        assert response.status in (200, 201)
        reply = self.connector.received[before]
        assert reply.thread is not None  # an answer in the thread, not a reminder
        return reply.text

    async def ask_slack(self, text: str, event_id: str) -> str:
        before = len(self.slack.received)
        event = mention_event(f"<@U0BOT> {text}", event_id=event_id, channel=SLACK_CHANNEL)
        response = await self.slack_events.event(event)
        assert response.status == 200
        await wait_for(lambda: len(self.slack.received) > before)
        reply = self.slack.received[before]
        assert reply.thread is not None
        return reply.text


@pytest.fixture
async def chats(
    aiohttp_server: ServerFactory,
    settings: Settings,
    assistant: Assistant,
    connector: ScriptedConnector,
    slack: ScriptedSlack,
) -> AsyncIterator[Chats]:
    """The service as of 10 November 2026, without its background task."""
    server = await aiohttp_server(
        create_app(replace(settings, now=at("2026-11-10T10:00")), assistant)
    )
    async with ClientSession() as session:
        events = SlackSender(session, str(server.make_url("/slack/events")))
        yield Chats(server, TeamsClient(session, server), events, connector, slack)


async def reminders_at(
    moment: str, settings: Settings, store: Store, chats: Chats
) -> tuple[list[Received], list[Received]]:
    """One pass at `moment`; what the Teams channel and the Slack channel got."""
    teams_before, slack_before = len(chats.connector.received), len(chats.slack.received)
    await run_once(settings, store, at(moment))
    teams = [r for r in chats.connector.received[teams_before:] if r.thread is None]
    slack = [r for r in chats.slack.received[slack_before:] if r.thread is None]
    assert all(r.conversation == CHANNEL_ID for r in teams)
    assert all(r.conversation == SLACK_CHANNEL for r in slack)
    return teams, slack


def reload(store: Store, folder: Path, schedule: str) -> None:
    write_minutes(folder, schedule)
    report = load_paths(store, [folder])
    assert [r.status for r in report.results] == ["replaced"]


def texts(messages: list[Received]) -> str:
    return "\n".join(m.text for m in messages)


async def test_reminders_follow_the_minutes_as_they_change(
    chats: Chats, settings: Settings, store: Store, minutes_dir: Path
) -> None:
    said = await chats.ask_teams("påminn oss")
    assert said.startswith("Klart") and "en vecka före kl. 09.00 och dagen före" in said
    said = await chats.ask_slack("påminn oss", "EvSub1")
    assert "Nästa påminnelse: fredag 20 november 2026 kl. 09.00" in said

    async def expect(moment: str, count: int, *words: str) -> None:
        teams, slack = await reminders_at(moment, settings, store, chats)
        assert (len(teams), len(slack)) == (count, count), (moment, texts(teams + slack))
        for word in words:
            assert word in texts(teams) and word in texts(slack), (moment, word)

    # A week before 27 November, once however often the pass runs.
    await expect("2026-11-20T09:00", 1, "Påminnelse: Chefsgrupp folkhälsa har möte om en vecka")
    await expect("2026-11-20T09:30", 0)
    # The meeting is cancelled: one notice, and no reminder the day before.
    reload(store, minutes_dir, SCHEDULE_V2)
    await expect("2026-11-21T10:00", 1, "Inställt", "27 november 2026")
    await expect("2026-11-26T09:00", 0)
    # A week before 4 December; then it moves to the 11th: one notice of the new time.
    await expect("2026-11-27T09:00", 1, "fredag 4 december 2026 kl. 13.00–16.00")
    reload(store, minutes_dir, SCHEDULE_V3)
    await expect("2026-11-28T10:00", 1, "Ny tid", "11 december", "tidigare fredag 4 december")
    await expect("2026-12-03T09:00", 0)  # no "day before" for the old date
    await expect("2026-12-04T09:00", 1, "om en vecka", "Flyttat från fredag 4 december")
    await expect("2026-12-10T09:00", 1, "i morgon, fredag 11 december 2026")
    await expect("2026-12-11T12:00", 0)
    assert chats.connector.counts()[CHANNEL_ID] == 6 and chats.slack.counts()[SLACK_CHANNEL] == 6


async def test_changed_lead_times_and_stopping(
    chats: Chats, settings: Settings, store: Store
) -> None:
    said = await chats.ask_teams("påminn oss två dagar innan kl 15")
    assert "två dagar före kl. 15.00" in said
    said = await chats.ask_teams("vilka påminnelser finns?")
    assert "Nästa påminnelse: onsdag 25 november 2026 kl. 15.00" in said
    teams, _ = await reminders_at("2026-11-25T15:00", settings, store, chats)
    assert len(teams) == 1 and "i övermorgon" in teams[0].text

    said = await chats.ask_teams("sluta påminna")
    assert said.startswith("Klart")
    teams, _ = await reminders_at("2026-12-02T15:00", settings, store, chats)
    assert teams == []
    said = await chats.ask_teams("påminnelser")
    assert "inga påminnelser" in said


async def test_the_service_sends_due_reminders_by_itself(
    aiohttp_server: ServerFactory,
    settings: Settings,
    assistant: Assistant,
    connector: ScriptedConnector,
    slack: ScriptedSlack,
) -> None:
    """With its background task on, the service finds the due reminder itself; the
    Teams card offers the meeting as a calendar file, the Slack message links it."""
    running = replace(
        settings, now=at("2026-11-20T09:00"), reminders_enabled=True, reminder_interval_seconds=0.05
    )
    server = await aiohttp_server(create_app(running, assistant))
    async with ClientSession() as session:
        chats = Chats(
            server,
            TeamsClient(session, server),
            SlackSender(session, str(server.make_url("/slack/events"))),
            connector,
            slack,
        )
        await chats.ask_teams("remind us")
        await chats.ask_slack("remind us", "EvSub2")
        await wait_for(lambda: connector.counts()[CHANNEL_ID] == 1)
        await wait_for(lambda: slack.counts()[SLACK_CHANNEL] == 1)
        reminder = next(r for r in slack.received if r.thread is None)
        assert "Reminder: Chefsgrupp folkhälsa meets in a week" in reminder.text
        assert "/calendar/" in reminder.text and "Add to calendar" in reminder.text
        calendar = await session.get(_calendar_url(reminder.text))
        assert calendar.status == 200 and b"DTSTART:20261127T080000Z" in await calendar.read()
        await _passes(server, 5)
        metrics = await (await session.get(server.make_url("/metrics"))).text()
    assert connector.counts()[CHANNEL_ID] == 1 and slack.counts()[SLACK_CHANNEL] == 1
    assert 'minutesbot_reminders_total{outcome="sent"} 2.0' in metrics


def _calendar_url(text: str) -> str:
    start = text.index("http")
    return text[start : text.index("|", start)]


async def _passes(server: Any, count: int) -> None:
    """Let the background task run a few more passes."""
    import asyncio

    await asyncio.sleep(count * 0.05 + 0.1)
