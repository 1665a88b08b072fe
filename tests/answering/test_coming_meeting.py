"""What only a meeting's minutes tell, asked of a coming meeting known from a schedule
alone ("vad står på dagordningen för nästa möte?"): the answer names that meeting
(groups, day and time, place or way) and says plainly that its agenda, attendance
list or chair is not known yet, never the last meeting's as if it were this one's.

On 2 December 2026 the next meeting is the chefsgrupper's joint one on Friday
11 December 2026, 13.00–16.00 (the plan in the minutes of 29 May 2026)."""

from __future__ import annotations

import re

import pytest

from bot.answers import Answer
from tests.answering.conftest import Ask

DECEMBER = "2026-12-02T10:00"
NEXT = "2026-12-11T13:00"
PLAN = "004_68d86e17edf38360.txt"


def _names_the_next_meeting(answer: Answer, intent: str) -> None:
    assert answer.intent == intent and not answer.found
    assert [m.start[:16] for m in answer.meetings] == [NEXT]
    assert not answer.people
    # the questions postponed to it (tests/answering/test_postponed_to_coming.py)
    assert all(d.kind == "postponed" and d.meeting_date == "2026-05-29" for d in answer.decisions)
    assert {s.document for s in answer.sources} == {PLAN}
    said = re.split(r"\n(?:Frågor uppskjutna|Questions postponed)", answer.text)[0]
    if answer.language == "sv":
        assert (
            "Nästa möte: " in answer.text
            and "fredag 11 december 2026 kl. 13.00–16.00" in answer.text
        )
        assert "Chefsgrupp folkhälsa" in answer.text and "inga protokoll ännu" in answer.text
    else:
        assert (
            "Next meeting: " in answer.text
            and "Friday 11 December 2026 at 13:00–16:00" in answer.text
        )
        assert "Chefsgrupp folkhälsa" in answer.text and "no minutes yet" in answer.text
    # no other meeting's minutes stand in for it
    assert "29 maj" not in said and "29 May" not in said


@pytest.mark.parametrize(
    "question",
    [
        "Vad står på dagordningen för nästa möte?",
        "vad star pa dagordnigen for nasta mote",
        "Vad ska tas upp på nästa möte?",
        "vilka punkter tas upp på chefsgruppens nästa möte?",
        "agenda for next meeting",
        "agenda for nxt meeting",
        "What will be discussed at the next meeting?",
    ],
)
def test_the_agenda_of_the_next_meeting_is_not_known_yet(ask: Ask, question: str) -> None:
    answer = ask(question, now=DECEMBER)
    _names_the_next_meeting(answer, "agenda")
    assert "dagordning är inte känd" in answer.text or "agenda is not known" in answer.text


@pytest.mark.parametrize(
    "question",
    [
        "who will attend the next meeting?",
        "who wil atend the next meeting",
        "Who is coming to the next meeting?",
        "Vilka kommer på nästa möte?",
        "vilka deltar pa nasta mote",
        "vem kommer att vara med på nästa möte?",
    ],
)
def test_who_comes_to_the_next_meeting_is_not_known_yet(ask: Ask, question: str) -> None:
    answer = ask(question, now=DECEMBER)
    _names_the_next_meeting(answer, "attendance")
    assert "ingen deltagarlista" in answer.text or "no attendance list" in answer.text


@pytest.mark.parametrize(
    ("question", "role"),
    [
        ("Vem blir ordförande på nästa möte?", "vem som blir ordförande"),
        ("vem leder nästa möte", "vem som blir ordförande"),
        ("vem är sekreterare på nästa möte?", "vem som blir sekreterare"),
        ("Who will chair the next meeting?", "who will be the chair"),
    ],
)
def test_the_chair_of_the_next_meeting_is_not_known_yet(ask: Ask, question: str, role: str) -> None:
    answer = ask(question, now=DECEMBER)
    _names_the_next_meeting(answer, "meeting_roles")
    assert role in answer.text


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("Vilka kommer till mötet i december?", "attendance"),
        ("vad står på dagordningen 11 december?", "agenda"),
        ("Vad beslutas den 11 december?", "decisions"),
    ],
)
def test_a_coming_meeting_named_by_its_day(ask: Ask, question: str, intent: str) -> None:
    answer = ask(question, now=DECEMBER)
    assert answer.intent == intent and not answer.found
    assert [m.start[:16] for m in answer.meetings] == [NEXT]
    assert answer.text.startswith("Planerat möte: Chefsgrupp")
    said, *postponed = answer.text.split("\nFrågor uppskjutna till detta möte:")
    assert "inga protokoll ännu" in said and "29 maj" not in said
    # the agenda and the decisions name what was postponed to it; attendance does not
    assert bool(postponed) == (intent != "attendance")


@pytest.mark.parametrize(
    "question",
    [
        "Vad står på dagordningen för folkhälsorådets nästa möte?",
        "agenda for the next meeting of ssr folkhälsa",
    ],
)
def test_a_group_with_nothing_coming_says_so(ask: Ask, question: str) -> None:
    answer = ask(question, now=DECEMBER)
    assert answer.intent == "agenda" and not answer.found and not answer.meetings
    first = answer.text.splitlines()[0]
    assert first in (
        "Jag hittar inget kommande möte för Specifika samverkansrådet för folkhälsa i protokollen.",
        "I find no coming meeting for Specifika samverkansrådet för folkhälsa in the minutes.",
    )


def test_the_next_meeting_with_minutes_written_later(ask: Ask) -> None:
    """Asked on 1 October 2022, the meeting of 13–14 October 2022 is coming: the store's
    minutes of it are not written yet."""
    answer = ask("Vad står på dagordningen för nästa möte?", now="2022-10-01T10:00")
    assert answer.intent == "agenda" and not answer.found
    assert [m.start[:10] for m in answer.meetings] == ["2022-10-13"]
    assert "Båsenberga" in answer.text and "inga protokoll ännu" in answer.text
    assert "Suicidsamordning" not in answer.text  # an item of those minutes


def test_the_agenda_of_the_last_meeting_is_still_there(ask: Ask) -> None:
    answer = ask("Vad stod på dagordningen förra mötet?", now=DECEMBER)
    assert answer.intent == "agenda" and answer.found
    assert {s.meeting_date for s in answer.sources} == {"2026-05-29"}
