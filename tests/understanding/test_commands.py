"""Requests that change or show the conversation's settings: help, binding a
group, meeting reminders."""

from __future__ import annotations

from datetime import time, timedelta
from typing import Any

import pytest

from bot.understanding import LeadTime
from tests.understanding.asking import CHEFSGRUPP, CHEFSGRUPP_FH, SSR_FH, SSR_SVO, ask, check


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("hjälp", "sv"),
        ("Hjälp!", "sv"),
        ("hjalp", "sv"),
        ("help", "en"),
        ("HELP", "en"),
        ("vad kan du göra?", "sv"),
        ("what can you do", "en"),
        ("hur funkar det", "sv"),
        ("hej", "sv"),
    ],
)
def test_help(question: str, language: str) -> None:
    check(
        ask(question, default_group=CHEFSGRUPP),
        {"intent": "help", "language": language, "group": None},
    )


@pytest.mark.parametrize(
    ("question", "group"),
    [
        ("den här kanalen gäller Chefsgrupp folkhälsa", CHEFSGRUPP_FH),
        ("this channel is about SSR folkhälsa", SSR_FH),
        ("koppla kanalen till chefsgruppen", CHEFSGRUPP),
        ("kanalen är för ssr social välfärd", SSR_SVO),
        ("använd ssr folkhälsa som standardgrupp", SSR_FH),
        ("set the group to chefsgruppen", CHEFSGRUPP),
        ("koppla till folkhälsorådet", SSR_FH),
        ("link this channel to the public health council", SSR_FH),
        ("this channel belongs to chefsgrupp folkhälsa", CHEFSGRUPP_FH),
    ],
)
def test_bind_group(question: str, group: str) -> None:
    # The group named wins over the one the channel has now.
    check(ask(question, default_group=CHEFSGRUPP_FH), {"intent": "bind_group", "group": group})


def test_bind_group_without_a_group_named_has_none() -> None:
    check(ask("koppla kanalen", default_group=SSR_FH), {"intent": "bind_group", "group": None})


@pytest.mark.parametrize(
    "question",
    [
        "koppla bort kanalen",
        "unbind this channel",
        "kanalen ska inte längre kopplas till någon grupp",
        "this channel is no longer about any group",
        "ta bort kopplingen",
        "disconnect this channel",
    ],
)
def test_unbind_group(question: str) -> None:
    check(ask(question, default_group=SSR_FH), {"intent": "unbind_group", "group": SSR_FH})


DAY_BEFORE = LeadTime(timedelta(days=1), time(9, 0))
WEEK_BEFORE = LeadTime(timedelta(days=7), time(9, 0))


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("påminn oss", {"lead_times": ()}),
        ("påminn om möten", {"lead_times": ()}),
        ("remind us", {"lead_times": (), "language": "en"}),
        ("påminn oss en vecka före och dagen före", {"lead_times": (WEEK_BEFORE, DAY_BEFORE)}),
        (
            "paminn oss 2 dagar innan",
            {"lead_times": (LeadTime(timedelta(days=2), time(9, 0)),)},
        ),
        (
            "remind me a day before at 8",
            {"lead_times": (LeadTime(timedelta(days=1), time(8, 0)),)},
        ),
        (
            "påminn oss dagen innan kl 15",
            {"lead_times": (LeadTime(timedelta(days=1), time(15, 0)),)},
        ),
        ("vill ha påminnelse en timme innan", {"lead_times": (LeadTime(timedelta(hours=1)),)}),
        ("skicka påminnelser om chefsgruppens möten", {"group": CHEFSGRUPP}),
        ("prenumerera på möten för ssr folkhälsa", {"group": SSR_FH}),
        ("två dagar innan", {"lead_times": (LeadTime(timedelta(days=2), time(9, 0)),)}),
    ],
)
def test_subscribe(question: str, expected: dict[str, Any]) -> None:
    check(ask(question), {"intent": "subscribe", **expected})


@pytest.mark.parametrize(
    "question",
    [
        "sluta påminna",
        "sluta påminna oss",
        "stop reminders",
        "stop reminding us",
        "stäng av påminnelserna",
        "inga fler påminnelser tack",
        "turn off reminders",
        "unsubscribe",
        "avsluta påminnelser",
    ],
)
def test_unsubscribe(question: str) -> None:
    check(ask(question), {"intent": "unsubscribe", "lead_times": ()})


@pytest.mark.parametrize(
    "question",
    [
        "påminnelser",
        "reminders",
        "vilka påminnelser finns",
        "what reminders are set",
        "visa påminnelser",
        "har vi några påminnelser?",
    ],
)
def test_list_subscriptions(question: str) -> None:
    check(ask(question), {"intent": "list_subscriptions"})


@pytest.mark.parametrize(
    "question",
    [
        "",
        "   ",
        "?",
        "...",
        "!!!",
        "\n\t",
        "ok",
        "vem",
        "vilken grupp är kanalen kopplad till",
    ],
)
def test_nothing_to_understand(question: str) -> None:
    check(ask(question, default_group=SSR_FH), {"intent": "unknown", "group": None})
