"""Any question, through Teams and Slack over HTTP: a real reply is delivered,
never an internal error, and the stored minutes do not change."""

from __future__ import annotations

import json
import time
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storage.store import Store
from tests.answering.test_any_text import HOSTILE, TEXT
from tests.faults.service import ThreadedService
from tests.slack.slack_fakes import BOT_USER, mention_event, sign
from tests.storage.test_loading import row_counts
from tests.teams.teams_fakes import message

INTERNAL_ERROR = ("Något gick fel", "Something went wrong", "databasen går inte att nå")
_events = iter(range(10**9))


def ask_teams(service: ThreadedService, question: str) -> str:
    activity = message(question, service_url=service.connector.url)
    body = json.dumps(activity).encode()
    reply = service.request("POST", "/api/messages", body, {"Content-Type": "application/json"})
    assert reply.status == 201, (reply.status, reply.body[:300], question[:80])
    posted = [p for p in service.connector.posted if p.reply_to == activity["id"]]
    assert len(posted) == 1, question[:80]
    return str(posted[0].activity.get("summary", ""))


def ask_slack(service: ThreadedService, question: str) -> str:
    n = next(_events)
    ts = f"1800{n:06d}.000100"
    payload = mention_event(f"<@{BOT_USER}> {question}", event_id=f"EvQ{n}", channel="C0Q", ts=ts)
    body = json.dumps(payload).encode()
    stamp = int(time.time())
    headers = {
        "Content-Type": "application/json",
        "X-Slack-Request-Timestamp": str(stamp),
        "X-Slack-Signature": sign(body, stamp),
    }
    reply = service.request("POST", "/slack/events", body, headers)
    assert reply.status == 200, (reply.status, reply.body[:300])
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        found: list[dict[str, Any]] = [
            p for p in service.slack.posted() if p.get("thread_ts") == ts
        ]
        if found:
            assert len(found) == 1
            return str(found[0]["text"])
        time.sleep(0.01)
    raise AssertionError(f"no Slack answer to {question[:80]!r}")


def no_internal_error(text: str, question: str) -> None:
    assert text, question[:80]
    assert not any(words in text for words in INTERNAL_ERROR), (question[:80], text[:200])


def test_hostile_questions_over_both_platforms(
    service: ThreadedService, fault_store: Store
) -> None:
    before = row_counts(fault_store)
    for question in HOSTILE:
        no_internal_error(ask_teams(service, question), question)
        no_internal_error(ask_slack(service, question), question)
    assert row_counts(fault_store) == before


@settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(question=TEXT, platform=st.sampled_from(["teams", "slack"]))
def test_any_question_over_http(service: ThreadedService, question: str, platform: str) -> None:
    ask = ask_teams if platform == "teams" else ask_slack
    no_internal_error(ask(service, question), question)
