"""Every due reminder arrives exactly once: when the sending process is killed in
the middle of a pass and started again, and when several instances share the
database and race over the same reminders. The fake platforms count requests."""

from __future__ import annotations

import asyncio
import os
import sys
from datetime import timedelta
from pathlib import Path

from sqlalchemy import select

from bot.assistant import Assistant
from bot.reminder_senders import senders_from_settings
from bot.reminders import ReminderEngine
from bot.settings import Settings
from storage.models import ReminderDelivery
from storage.store import Store
from tests.reminders.fakes import (
    SLACK_TEAM,
    ScriptedConnector,
    ScriptedSlack,
    at,
    slack_channel,
    subscribe,
    teams_channel,
    teams_reference,
)
from tests.slack.slack_fakes import BOT_TOKEN

MINUTESBOT = Path(sys.executable).parent / "minutesbot"
# The day before 27 November: the week-before reminder is late and skipped, the
# day-before one goes out; one message per channel.
PASS_AT = "2026-11-26T09:00"
CLI_TIMEOUT = 60.0


def subscribe_channels(
    assistant: Assistant, connector: ScriptedConnector, count: int
) -> tuple[list[str], list[str]]:
    teams = [teams_channel(i) for i in range(count)]
    slack = [slack_channel(i) for i in range(count)]
    when = at("2026-11-10T10:00")
    for channel in teams:
        subscribe(assistant, f"msteams:{channel}", teams_reference(connector.url, channel), when)
    for channel in slack:
        reference = {"team": SLACK_TEAM, "channel": channel}
        subscribe(assistant, f"slack:{SLACK_TEAM}:{channel}", reference, when)
    return teams, slack


def cli_env(slack: ScriptedSlack) -> dict[str, str]:
    """The environment of `minutesbot`: Slack at the fake, no Bot Framework credentials."""
    ours = ("Microsoft", "SLACK_", "MINUTESBOT_", "DATABASE_URL", "PYTHONTRACEMALLOC")
    env = {k: v for k, v in os.environ.items() if not k.startswith(ours)}
    env.update(SLACK_BOT_TOKEN=BOT_TOKEN, SLACK_API_URL=slack.api_url())
    return env


async def run_once(db_url: str, env: dict[str, str]) -> asyncio.subprocess.Process:
    """`minutesbot reminders run-once` in a process of its own."""
    return await asyncio.create_subprocess_exec(
        str(MINUTESBOT),
        "reminders",
        "run-once",
        "--db",
        db_url,
        "--now",
        PASS_AT,
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )


async def finished(process: asyncio.subprocess.Process) -> str:
    out, err = await asyncio.wait_for(process.communicate(), CLI_TIMEOUT)
    assert process.returncode == 0, err.decode()
    return out.decode()


def rows(store: Store) -> list[ReminderDelivery]:
    with store.session() as session:
        return list(session.scalars(select(ReminderDelivery).order_by(ReminderDelivery.id)))


def assert_each_once(
    connector: ScriptedConnector, slack: ScriptedSlack, teams: list[str], channels: list[str]
) -> None:
    assert connector.counts() == dict.fromkeys(teams, 1)
    assert slack.counts() == dict.fromkeys(channels, 1)
    assert len(connector.received) == len(teams) and len(slack.received) == len(channels)


async def test_a_pass_killed_mid_request_then_restarted(
    db_url: str,
    store: Store,
    assistant: Assistant,
    connector: ScriptedConnector,
    slack: ScriptedSlack,
) -> None:
    teams, channels = subscribe_channels(assistant, connector, 3)
    connector.hold_first = True
    env = cli_env(slack)

    first = await run_once(db_url, env)
    await asyncio.wait_for(connector.held.wait(), CLI_TIMEOUT)
    first.kill()  # SIGKILL while the connector holds its request
    await asyncio.wait_for(first.wait(), CLI_TIMEOUT)
    assert [r.status for r in rows(store) if r.lead.startswith("P1D")] == ["sending"]
    connector.release.set()

    summary = await finished(await run_once(db_url, env))
    assert summary.startswith("5 sent")
    assert_each_once(connector, slack, teams, channels)

    # Later passes never resend the message whose fate the killed process took
    # with it: once its lease ran out it is "unknown", not retried.
    settings = Settings(
        database_url=db_url, slack_bot_token=BOT_TOKEN, slack_api_url=slack.api_url()
    )
    later = ReminderEngine(store, senders_from_settings(settings), lease=timedelta(0))
    report = await later.run_pass(at(PASS_AT))
    assert report.sent == 0
    await finished(await run_once(db_url, env))
    assert_each_once(connector, slack, teams, channels)
    statuses = sorted(r.status for r in rows(store) if r.lead.startswith("P1D"))
    assert statuses == ["sent"] * 5 + ["unknown"]


async def test_two_processes_race_over_the_same_reminders(
    db_url: str,
    store: Store,
    assistant: Assistant,
    connector: ScriptedConnector,
    slack: ScriptedSlack,
) -> None:
    """Two `run-once` processes at once. The connector holds the first request
    until a second arrives, so both processes are certainly sending together."""
    teams, channels = subscribe_channels(assistant, connector, 8)
    connector.hold_first, connector.release_after, connector.delay = True, 2, 0.02
    slack.delay = 0.02
    env = cli_env(slack)

    processes = [await run_once(db_url, env), await run_once(db_url, env)]
    await asyncio.gather(*(finished(p) for p in processes))

    assert_each_once(connector, slack, teams, channels)
    sent = [r for r in rows(store) if r.status == "sent"]
    assert len(sent) == 16 and len({r.claimed_by for r in sent}) == 2


async def test_engines_in_threads_race_over_the_same_reminders(
    db_url: str,
    assistant: Assistant,
    connector: ScriptedConnector,
    slack: ScriptedSlack,
) -> None:
    """Three instances, each with its own connections, in one pass at the same time."""
    teams, channels = subscribe_channels(assistant, connector, 6)
    connector.delay = slack.delay = 0.01
    settings = Settings(
        database_url=db_url, slack_bot_token=BOT_TOKEN, slack_api_url=slack.api_url()
    )
    stores = [Store.open(db_url) for _ in range(3)]
    try:
        engines = [ReminderEngine(s, senders_from_settings(settings)) for s in stores]
        reports = await asyncio.gather(*(e.run_pass(at(PASS_AT)) for e in engines))
    finally:
        for each in stores:
            each.close()
    assert sum(r.sent for r in reports) == 12
    assert_each_once(connector, slack, teams, channels)


async def test_the_cli_lists_what_is_due(
    db_url: str, assistant: Assistant, connector: ScriptedConnector, slack: ScriptedSlack
) -> None:
    subscribe_channels(assistant, connector, 1)
    process = await asyncio.create_subprocess_exec(
        str(MINUTESBOT),
        *("reminders", "list", "--db", db_url, "--now", PASS_AT),
        env=cli_env(slack),
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    listing = await finished(process)
    assert "2 subscriptions" in listing and "deliveries: none" in listing
    assert f"due at {PASS_AT.replace('T', ' ')}: 2, to skip: 2" in listing
    assert "P1DT09:00@2026-11-27" in listing and "P7DT09:00@2026-12-04" in listing
    assert connector.received == [] and slack.received == []
