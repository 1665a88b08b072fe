"""The words that say what is asked stay out of the subject: postponement verbs
("skjutits upp", "put off"), question verbs ("föredrog", "träder i kraft",
"pågår"), and a "vem är" that names a role instead of a person."""

from __future__ import annotations

from typing import Any

import pytest

from tests.understanding.asking import ask, check

POSTPONED = {"intent": "decisions", "status": "postponed", "topic": None}


@pytest.mark.parametrize(
    "question",
    [
        "Vilka beslut har skjutits upp?",
        "vilka beslut sköts upp",
        "vilka beslut skots upp",
        "vilka beslut skjuts upp?",
        "vilka beslut har man skjutit upp",
        "Vilka beslut är uppskjutna?",
        "Vilka beslut bordlades?",
        "Which decisions were put off?",
        "which decisions were deferred",
        "which decisions have been postponed",
    ],
)
def test_postponed_decisions_have_no_topic(question: str) -> None:
    check(ask(question), POSTPONED)


def test_postponed_decisions_keep_their_year_and_a_real_topic() -> None:
    query = ask("vilka beslut sköts upp 2023")
    check(query, POSTPONED)
    assert query.period is not None and query.period.start.year == 2023
    check(ask("vilka beslut om egenvård sköts upp?"), {**POSTPONED, "topic": "egenvård"})


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Vem föredrog suicidsamordningen?", {"topic": "suicidsamordningen"}),
        ("vem foredrog suicidsamordningen", {"topic": "suicidsamordningen"}),
        ("När träder överenskommelsen i kraft?", {"topic": "överenskommelsen"}),
        ("Vem presenterade Nära vård?", {"intent": "search", "topic": "Nära vård"}),
        ("who presented suicidsamordningen?", {"topic": "suicidsamordningen"}),
    ],
)
def test_question_verbs_are_not_the_topic(question: str, expected: dict[str, Any]) -> None:
    check(ask(question), expected)


@pytest.mark.parametrize(
    "question",
    [
        "Pågår något möte nu?",
        "pagar nagot mote just nu",
        "pågår mötet?",
        "is there a meeting now",
        "is a meeting going on right now?",
        "is a meeting in progress?",
    ],
)
def test_a_meeting_under_way_is_asked_as_the_next(question: str) -> None:
    check(ask(question), {"intent": "next_meeting", "topic": None, "part": "now"})


def test_the_next_meeting_does_not_ask_for_one_under_way() -> None:
    check(ask("När är nästa möte?"), {"intent": "next_meeting", "part": None})


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("Vem är ny samverkansledare i norr?", "ny samverkansledare"),
        ("vem ar ny samverkansledare i norr", "ny samverkansledare"),
        ("vem är samordnare för suicidprevention", "samordnare för suicidprevention"),
        ("who is the new coordinator in the north?", "coordinator"),
    ],
)
def test_who_is_a_role_searches_the_minutes(question: str, topic: str) -> None:
    query = ask(question)
    check(query, {"intent": "search", "person": None})
    assert (query.topic or "").startswith(topic), query.topic


@pytest.mark.parametrize(
    ("question", "person"),
    [("vem är anna ek", "Anna Ek"), ("vem är Eva Persson?", "Eva Persson")],
)
def test_who_is_a_name_stays_a_person_question(question: str, person: str) -> None:
    check(ask(question), {"intent": "person", "person": person})
