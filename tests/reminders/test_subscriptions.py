"""Subscribing, changing and stopping reminders by chat, answered by the real
assistant over a real store; and which reminders those subscriptions are owed."""

from __future__ import annotations

from datetime import time, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import func, select

from bot.answering.leads import (
    DEFAULT_LEADS,
    BadLeadCode,
    lead_code,
    lead_words,
    leads_text,
    parse_lead,
)
from bot.answers import Answer, AskContext
from bot.assistant import Assistant
from bot.reminder_messages import compose
from bot.reminder_plan import plan
from bot.understanding import LeadTime
from storage.loading import load_paths
from storage.models import Subscription
from storage.store import Store
from tests.reminders.fakes import GROUP, SCHEDULE_V1, SLACK_TEAM, at, write_minutes

CHANNEL = f"slack:{SLACK_TEAM}:C0SUBS"
REFERENCE = {"team": SLACK_TEAM, "channel": "C0SUBS"}
NOW = at("2026-11-10T10:00")


def ask(
    assistant: Assistant, text: str, now: str = "2026-11-10T10:00", **context: object
) -> Answer:
    options: dict[str, object] = {"conversation": CHANNEL, "reference": REFERENCE, **context}
    return assistant.answer(text, AskContext(now=at(now), **options))  # type: ignore[arg-type]


def stored(store: Store) -> list[Subscription]:
    with store.session() as session:
        return list(session.scalars(select(Subscription).order_by(Subscription.id)).unique())


@given(
    st.one_of(
        st.builds(
            LeadTime,
            st.integers(0, 420).map(lambda d: timedelta(days=d)),
            st.times().map(lambda t: time(t.hour, t.minute)),
        ),
        st.builds(LeadTime, st.integers(1, 60 * 24 * 7).map(lambda m: timedelta(minutes=m))),
    )
)
def test_lead_codes_read_back_as_written(lead: LeadTime) -> None:
    assert parse_lead(lead_code(lead)) == lead


@pytest.mark.parametrize("code", ["", "P7D", "PT", "P1DT25:00", "7 dagar", "PT1H30"])
def test_a_malformed_lead_code_is_refused(code: str) -> None:
    with pytest.raises(BadLeadCode):
        parse_lead(code)


def test_lead_words() -> None:
    assert leads_text(DEFAULT_LEADS, "sv") == "en vecka före kl. 09.00 och dagen före kl. 09.00"
    assert leads_text(DEFAULT_LEADS, "en") == "a week before at 09:00 and the day before at 09:00"
    assert lead_words(parse_lead("P0DT07:30"), "sv") == "samma dag kl. 07.30"
    assert lead_words(parse_lead("PT90M"), "en") == "an hour and 30 minutes before"
    assert lead_words(parse_lead("P14DT09:00"), "sv") == "två veckor före kl. 09.00"


def test_subscribe_stores_the_defaults_and_says_what_comes_next(
    assistant: Assistant, store: Store
) -> None:
    answer = ask(assistant, "påminn oss")
    assert answer.intent == "subscribe" and answer.found
    assert answer.text.splitlines() == [
        "Klart: här kommer påminnelser om alla gruppers möten en vecka före kl. 09.00 och "
        "dagen före kl. 09.00.",
        "Nästa påminnelse: fredag 20 november 2026 kl. 09.00, inför mötet "
        "fredag 27 november 2026 kl. 09.00–12.00.",
    ]
    assert answer.meetings[0].start == "2026-11-27T09:00:00+01:00"
    [sub] = stored(store)
    assert (sub.lead_times, sub.language, sub.group_id, sub.active) == (
        ["P7DT09:00", "P1DT09:00"],
        "sv",
        None,
        True,
    )


def test_asking_again_changes_the_lead_times_not_the_subscription(
    assistant: Assistant, store: Store
) -> None:
    ask(assistant, "påminn oss")
    answer = ask(assistant, "remind us 2 hours before")
    assert (
        "Done: reminders of every group's meetings will come here two hours before." in answer.text
    )
    assert "Next reminder: Friday 27 November 2026 at 07:00" in answer.text
    [sub] = stored(store)
    assert sub.lead_times == ["PT2H"] and sub.language == "en"
    listed = ask(assistant, "vilka påminnelser finns?")
    assert listed.intent == "list_subscriptions"
    assert listed.text.splitlines()[1].startswith("• Alla gruppers möten: två timmar före.")


def test_a_channel_tied_to_a_group_subscribes_to_that_group(
    assistant: Assistant, store: Store
) -> None:
    assert ask(assistant, f"den här kanalen gäller {GROUP}").intent == "bind_group"
    answer = ask(assistant, "påminn oss dagen innan kl 15")
    assert f"påminnelser om {GROUP}s möten dagen före kl. 15.00" in answer.text
    also = ask(assistant, "påminn oss om alla grupper")
    assert "alla gruppers möten" in also.text
    assert [s.group.name if s.group else None for s in stored(store)] == [GROUP, None]
    # The group's own subscription covers its meetings; "every group" does not repeat them.
    with store.session() as session:
        found = plan(session, at("2026-11-26T15:00"))
    assert [(d.subscription.group, d.lead) for d in found.due] == [(GROUP, "P1DT15:00@2026-11-27")]


def test_stopping_and_starting_again(assistant: Assistant, store: Store) -> None:
    assert not ask(assistant, "sluta påminna").found  # nothing to stop yet
    ask(assistant, "påminn oss")
    stopped = ask(assistant, "stop reminders")
    assert stopped.text == "Done: no more reminders here of every group's meetings."
    assert not stored(store)[0].active
    assert not ask(assistant, "påminnelser").found
    # Subscribing again starts afresh: what fell due while stopped is not sent late.
    again = ask(assistant, "påminn oss", now="2026-11-21T12:00")
    assert "Nästa påminnelse: torsdag 26 november 2026 kl. 09.00" in again.text
    [sub] = stored(store)
    assert sub.active and sub.created_at == at("2026-11-21T12:00")
    with store.session() as session:
        assert plan(session, at("2026-11-21T12:05")).due == []


def test_reminders_need_a_conversation_that_can_be_reached(
    assistant: Assistant, store: Store
) -> None:
    outside = assistant.answer("påminn oss", AskContext(now=NOW))
    assert not outside.found and "chattkanal" in outside.text
    terminal = assistant.answer("remind us", AskContext(now=NOW, conversation="terminal"))
    assert not terminal.found and "I cannot send reminders here" in terminal.text
    with store.session() as session:
        assert session.scalar(select(func.count(Subscription.id))) == 0


def test_a_meeting_without_a_time_counts_as_beginning_at_eight(
    assistant: Assistant, store: Store, minutes_dir: Path
) -> None:
    write_minutes(minutes_dir, SCHEDULE_V1 + "29 januari (digitalt)\n")
    assert load_paths(store, [minutes_dir]).ok
    ask(assistant, "remind us 1 hour before")
    with store.session() as session:
        assert [d.lead for d in plan(session, at("2027-01-29T06:59")).due] == []
        [due] = plan(session, at("2027-01-29T07:00")).due
        message = compose(session, due, at("2027-01-29T07:00"))
    assert due.lead == "PT1H@2027-01-29"
    assert message.text == (
        "Reminder: Chefsgrupp folkhälsa meets today, Friday 29 January 2027.\n"
        "The meeting is online."
    )
