"""The adapter's own pieces: reading Slack's markup, remembering events, tracked
answers, and Socket Mode against the fake Slack's WebSocket."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

from bot.answers import Answer
from bot.assistant import Assistant
from bot.blocks import render_answer
from bot.settings import Settings
from bot.slack import EVENTS_PATH, post_answer, run_socket_mode
from bot.slack_bot import SlackBot
from bot.slack_payloads import RecentEvents, question_text
from tests.slack.slack_fakes import BOT_USER, TEAM, FakeSlack, command, mention_event, wait_until


def test_question_text_drops_the_bot_mention_and_reads_slack_markup() -> None:
    assert question_text(f"<@{BOT_USER}> När är nästa möte?", BOT_USER) == "När är nästa möte?"
    assert (
        question_text(f"<@{BOT_USER}>, vilka beslut &amp; vem?", BOT_USER) == "vilka beslut & vem?"
    )
    assert question_text("vad sa <@U0ANNA|anna> i <#C0CHAN|folkhalsa>?", BOT_USER) == (
        "vad sa @anna i #folkhalsa?"
    )
    assert question_text("läs <https://region.se/protokoll|protokollet> &lt;nu&gt;", None) == (
        "läs protokollet <nu>"
    )
    assert question_text("<!here> hjälp", None) == "@here hjälp"
    assert question_text(f"  <@{BOT_USER}>  ", BOT_USER) == ""


def test_recent_events_remembers_ids_for_a_while_and_a_bounded_number() -> None:
    clock = [0.0]
    seen = RecentEvents(ttl=60, size=3, clock=lambda: clock[0])
    assert seen.first_time("Ev1", "msg-1")
    assert not seen.first_time("Ev1")
    assert not seen.first_time("Ev9", "msg-1")  # the same message under another event id
    assert seen.first_time(None, "")  # nothing to remember: never a repeat
    clock[0] = 61.0
    assert seen.first_time("Ev1")  # forgotten after the ttl
    for key in ("a", "b", "c", "d"):
        assert seen.first_time(key)
    assert seen.first_time("Ev1")  # pushed out by newer ids


async def test_close_waits_for_answers_being_written(
    slack_settings: Settings, slack_assistant: Assistant
) -> None:
    bot = SlackBot(slack_settings, slack_assistant)
    done: list[str] = []

    async def slow_answer() -> None:
        await asyncio.sleep(0.05)
        done.append("answered")

    bot.start(slow_answer())
    await bot.close()
    assert done == ["answered"]


async def test_close_cancels_answers_that_outlast_the_grace_period(
    slack_settings: Settings, slack_assistant: Assistant
) -> None:
    bot = SlackBot(slack_settings, slack_assistant)
    cancelled = asyncio.Event()

    async def stuck() -> None:
        try:
            await asyncio.Event().wait()
        except asyncio.CancelledError:
            cancelled.set()
            raise

    bot.start(stuck())
    await bot.close(grace=0.05)
    assert cancelled.is_set()


async def test_socket_mode_acknowledges_and_answers(
    fake_slack: FakeSlack, slack_settings: Settings, slack_assistant: Assistant
) -> None:
    runner = asyncio.create_task(run_socket_mode(slack_settings, slack_assistant))
    try:
        await wait_until(lambda: any(m == "apps.connections.open" for m, _ in fake_slack.calls))
        event = mention_event(f"<@{BOT_USER}> hjälp", event_id="EvSocket")
        await fake_slack.socket_outbox.put(
            {"envelope_id": "env-1", "type": "events_api", "payload": event, "retry_attempt": 0}
        )
        slash = command("hjälp", fake_slack.response_url())
        await fake_slack.socket_outbox.put(
            {"envelope_id": "env-2", "type": "slash_commands", "payload": slash}
        )

        await wait_until(lambda: len(fake_slack.posted()) == 1 and len(fake_slack.responses) == 1)
        assert {a["envelope_id"] for a in fake_slack.socket_acks} == {"env-1", "env-2"}
        posted = fake_slack.posted()[0]
        assert (posted["channel"], posted["thread_ts"]) == ("C0CHAN", event["event"]["ts"])
        assert fake_slack.responses[0]["text"] == posted["text"]
    finally:
        runner.cancel()
        await asyncio.gather(runner, return_exceptions=True)


def test_the_manifest_asks_for_what_the_adapter_handles() -> None:
    manifest = (
        Path(__file__).resolve().parents[2] / "deploy" / "slack" / "manifest.yml"
    ).read_text()
    lines = {line.split("#")[0].strip() for line in manifest.splitlines()}
    for scope in ("app_mentions:read", "chat:write", "im:history", "im:read", "commands"):
        assert f"- {scope}" in lines
    assert {"- app_mention", "- message.im", "- command: /möte", "is_enabled: false"} <= lines
    assert "request_url: https://bot.example.se" + EVENTS_PATH in lines
    assert "socket_mode_enabled: false" in lines
    assert re.search(r"usage_hint: .*hjälp", manifest)


async def test_post_answer_posts_into_the_referenced_channel(
    fake_slack: FakeSlack, slack_settings: Settings
) -> None:
    answer = Answer(intent="reminder", text="Påminnelse: möte i morgon kl. 13.")
    await post_answer(slack_settings, {"team": TEAM, "channel": "C0CHAN"}, answer)
    posted = fake_slack.posted()
    assert [(p["channel"], p["text"]) for p in posted] == [("C0CHAN", answer.text)]
    assert posted[0]["blocks"] == render_answer(answer).blocks
