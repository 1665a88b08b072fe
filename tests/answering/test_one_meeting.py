"""Questions about one meeting named by "senaste"/"nästa"/"första" or by its place:
its decisions, agenda and chair come from that meeting alone."""

from __future__ import annotations

import pytest

from tests.answering.conftest import Ask

VINGAKER = "2022-10-13"  # "Plats: Båsenberga hotell och konferens, Vingåker"


@pytest.mark.parametrize(
    "question",
    [
        "Vilka beslut fattades på senaste mötet?",
        "what was decided at the last meeting",
        "Vad beslutades på förra mötet?",
        "vad beslutades pa forra motet",
        "vilka beslut togs på senaste mötet",
    ],
)
def test_decisions_of_the_last_meeting(ask: Ask, question: str) -> None:
    answer = ask(question)
    assert answer.intent == "decisions"
    assert {d.meeting_date for d in answer.decisions} == {"2026-05-29"}
    assert list(dict.fromkeys(d.item for d in answer.decisions))[:3] == ["6", "7", "8"]
    assert "29" in answer.text and "till." not in answer.text and "more." not in answer.text


def test_last_meeting_as_of_now(ask: Ask) -> None:
    answer = ask("Vilka beslut fattades på senaste mötet?", now="2024-01-01T10:00")
    assert {d.meeting_date for d in answer.decisions} == {"2023-09-08"}


@pytest.mark.parametrize(
    "question", ["what was decided at the first meeting of 2023", "beslut på första mötet 2023"]
)
def test_decisions_of_the_first_meeting_of_a_year(ask: Ask, question: str) -> None:
    answer = ask(question)
    assert {d.meeting_date for d in answer.decisions} == {"2023-09-08"}


@pytest.mark.parametrize(
    "question", ["Vilka beslut fattas på nästa möte?", "what will be decided at the next meeting"]
)
def test_the_next_meeting_has_no_decisions_yet(ask: Ask, question: str) -> None:
    answer = ask(question)
    assert answer.intent == "decisions" and not answer.found
    assert answer.meetings and answer.meetings[0].start.startswith("2026-12-11")
    # none of its own: only the question postponed to it (test_postponed_to_coming.py)
    assert [(d.meeting_date, d.kind) for d in answer.decisions] == [("2026-05-29", "postponed")]


@pytest.mark.parametrize(
    "question",
    [
        "Vad beslutades på mötet i Båsenberga?",
        "vad beslutades pa motet i basenberga",
        "What was decided at the meeting in Vingåker?",
        "vilka beslut togs på mötet i Vingaker",
    ],
)
def test_decisions_at_a_place(ask: Ask, question: str) -> None:
    answer = ask(question)
    assert answer.intent == "decisions" and answer.found
    assert {d.meeting_date for d in answer.decisions} == {VINGAKER}
    assert "Båsenberga" not in answer.text.splitlines()[0]  # the place is no topic


@pytest.mark.parametrize(
    "question",
    ["Vilka punkter behandlades på mötet i Vingåker?", "agenda of the meeting in Vingaker"],
)
def test_agenda_at_a_place(ask: Ask, question: str) -> None:
    answer = ask(question)
    assert answer.intent == "agenda"
    assert {s.meeting_date for s in answer.sources} == {VINGAKER}
    assert "Suicidsamordning" in answer.text


@pytest.mark.parametrize(
    "question", ["Vem ledde mötet i Vingåker?", "who chaired the meeting in Båsenberga?"]
)
def test_chair_at_a_place_not_named(ask: Ask, question: str) -> None:
    answer = ask(question)
    assert answer.intent == "meeting_roles" and not answer.found and not answer.people
    assert answer.sources[0].meeting_date == VINGAKER
    assert "ingen ordförande" in answer.text or "do not say who chaired" in answer.text


@pytest.mark.parametrize(
    "question", ["Vem var med på mötet i Båsenberga?", "who attended the meeting in vingaker"]
)
def test_attendance_at_a_place(ask: Ask, question: str) -> None:
    answer = ask(question)
    assert answer.intent == "attendance"
    assert {p.meeting_date for p in answer.people} == {VINGAKER}
    assert "Lena Adolfsson" in {p.name for p in answer.people}


def test_a_municipality_after_i_is_no_place(ask: Ask) -> None:
    answer = ask("Vem representerar Örebro i chefsgruppen?")
    assert answer.intent == "representatives" and answer.found
    assert "Annika Roman" in {p.name for p in answer.people}
