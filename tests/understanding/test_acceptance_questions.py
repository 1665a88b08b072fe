"""The public acceptance questions, field by field."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from bot.understanding import Intent, Period, understand
from tests.understanding.asking import CHEFSGRUPP, CHEFSGRUPP_FH, NOW, check

CASES: list[tuple[str, dict[str, Any]]] = [
    ("När är nästa möte?", {"intent": "next_meeting", "which": "next", "language": "sv"}),
    (
        "Vilka möten har chefsgruppen 2023?",
        {
            "intent": "meetings",
            "group": CHEFSGRUPP,
            "period": Period(date(2023, 1, 1), date(2023, 12, 31)),
        },
    ),
    (
        "Vem representerar Karlskoga?",
        {"intent": "representatives", "municipality": "Karlskoga", "organization": None},
    ),
    (
        "Vad beslutades om suicidsamordningen?",
        {"intent": "decisions", "topic": "suicidsamordningen"},
    ),
    (
        "Vilka var frånvarande på mötet den 29 maj 2026?",
        {"intent": "attendance", "absent": True, "date": date(2026, 5, 29), "period": None},
    ),
    (
        "Who chaired the meeting on 20 September 2024?",
        {
            "intent": "meeting_roles",
            "role": "ordförande",
            "date": date(2024, 9, 20),
            "language": "en",
        },
    ),
    (
        "Vilka beslut fattades 2023-09-08?",
        {"intent": "decisions", "date": date(2023, 9, 8), "topic": None},
    ),
    (
        "Vem var sekreterare på mötet 13 oktober 2022?",
        {"intent": "meeting_roles", "role": "sekreterare", "date": date(2022, 10, 13)},
    ),
    ("Vad beslutades om kärnkraft?", {"intent": "decisions", "topic": "kärnkraft"}),
    (
        "När har chefsgrupp folkhälsa möten hösten 2020?",
        {
            "intent": "meetings",
            "group": CHEFSGRUPP_FH,
            "period": Period(date(2020, 8, 1), date(2020, 12, 31)),
        },
    ),
    ("Vem representerar Nora?", {"intent": "representatives", "municipality": "Nora"}),
]


@pytest.mark.parametrize(("question", "expected"), CASES)
def test_acceptance_question(question: str, expected: dict[str, Any]) -> None:
    # The built-in vocabulary only: the questions must map right before any minutes load.
    check(understand(question, now=NOW), expected)


def test_intent_values_are_the_cli_names() -> None:
    assert [i.value for i in Intent] == [
        "next_meeting",
        "meetings",
        "meeting_info",
        "meeting_roles",
        "attendance",
        "agenda",
        "decisions",
        "representatives",
        "person",
        "search",
        "help",
        "groups",
        "bind_group",
        "unbind_group",
        "subscribe",
        "unsubscribe",
        "list_subscriptions",
        "unknown",
    ]
    assert understand("När är nästa möte?", now=NOW).intent == "next_meeting"
