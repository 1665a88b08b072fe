"""What a coming meeting will take up and who will come, asked in the future tense
("vad ska tas upp på nästa möte?", "who will be at the next meeting?"), and group
members asked by a role's other names ("suppleanter", "deputies")."""

from __future__ import annotations

from typing import Any

import pytest

from tests.understanding.asking import SSR_FH, ask, check


@pytest.mark.parametrize(
    "question",
    [
        "Vad ska tas upp på nästa möte?",
        "vad ska tas upp pa nasta mote",
        "vilka punkter tas upp på nästa möte",
        "vad ska vi prata om på nästa möte?",
        "vad ska diskuteras den 11 december?",
        "What will be discussed at the next meeting?",
        "what will we talk about at the next meeting",
        "what's planned for the next meeting?",
    ],
)
def test_what_a_coming_meeting_will_take_up_is_its_agenda(question: str) -> None:
    assert ask(question).intent == "agenda"


@pytest.mark.parametrize(
    "question",
    [
        "Vilka kommer på nästa möte?",
        "vilka komer på nästa möte",
        "vem kommer att vara med på nästa möte?",
        "vilka ska delta på nästa möte",
        "vilka är kallade till nästa möte?",
        "vilka kommer till mötet den 11 december?",
        "Who is coming to the next meeting?",
        "who will be at the next meeting",
        "who will attend the next meeting?",
    ],
)
def test_who_will_come_to_a_coming_meeting_is_attendance(question: str) -> None:
    assert ask(question).intent == "attendance"


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Vem leder nästa möte?", {"intent": "meeting_roles", "which": "next"}),
        ("vem leder mötet den 11 december", {"intent": "meeting_roles"}),
        ("Vem ska vara ordförande på nästa möte?", {"role": "ordförande", "which": "next"}),
    ],
)
def test_who_leads_a_meeting_is_its_chair(question: str, expected: dict[str, Any]) -> None:
    check(ask(question), expected)


@pytest.mark.parametrize(
    "question",
    [
        "När är nästa möte?",
        "vilka möten kommer?",
        "när ska suicidsamordningen tas upp?",  # when a subject comes up: a search
        "Vad beslutas på nästa möte?",
    ],
)
def test_nearby_questions_keep_their_intent(question: str) -> None:
    expected = {
        "När är nästa möte?": "next_meeting",
        "vilka möten kommer?": "meetings",
        "när ska suicidsamordningen tas upp?": "search",
        "Vad beslutas på nästa möte?": "decisions",
    }[question]
    assert ask(question).intent == expected


@pytest.mark.parametrize(
    "question",
    [
        "vilka är suppleanter i folkhälsorådet?",
        "who are the deputies of ssr folkhälsa",
        "who are the alternates in the public health council",
    ],
)
def test_other_names_for_substitutes(question: str) -> None:
    check(
        ask(question),
        {"intent": "representatives", "group": SSR_FH, "role": "ersättare", "organization": None},
    )
