"""Who stands in for a person: the substitutes for the seat they hold (the minutes
name a municipality's substitutes, not whose substitute each one is)."""

from __future__ import annotations

import pytest

from tests.answering.conftest import Ask


@pytest.mark.parametrize(
    "question",
    [
        "vem ersätter Jerry Karjalainen?",
        "Vem är Jerry Karjalainens ersättare?",
        "who is Jerry Karjalainen's substitute?",
        "who replaces jerry karjalainen",
    ],
)
def test_a_members_substitutes(ask: Ask, question: str) -> None:
    answer = ask(question)
    assert answer.intent == "representatives" and answer.found
    assert answer.text.startswith(
        ("Jerry Karjalainen sitter för Laxå kommun.", "Jerry Karjalainen sits for Laxå kommun.")
    )
    assert sorted(p.name for p in answer.people) == ["Elvy Wiklund", "Tina Johansson"]
    assert {p.role for p in answer.people} == {"ersättare"}
    assert {s.meeting_date for s in answer.sources} == {"2024-09-20"}


def test_in_one_group(ask: Ask) -> None:
    answer = ask("vem ersätter Jerry Karjalainen i folkhälsorådet?")
    assert [p.name for p in answer.people] == ["Elvy Wiklund"]
    assert "i Specifika samverkansrådet för folkhälsa" in answer.text.splitlines()[0]


def test_a_substitute_stands_in_for_the_members(ask: Ask) -> None:
    answer = ask("vem ersätter Tina Johansson?")
    assert answer.text.startswith("Tina Johansson är själv ersättare för Laxå kommun")
    assert [(p.name, p.role) for p in answer.people] == [("Jerry Karjalainen", "ledamot")]


def test_no_substitutes_listed(ask: Ask) -> None:
    """Region Örebro län has no substitutes in the chefsgrupp's lists: said, with who
    sits for it instead."""
    answer = ask("vem ersätter Karin Haster?")
    assert not answer.found
    first, second = answer.text.splitlines()[:2]
    assert first.endswith("Protokollen anger inga ersättare för Region Örebro län.")
    assert second == "Region Örebro län representeras av:"


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("vem ersätter Jerry Karjalainen?", "representatives"),
        ("vem är Jerry Karjalainen?", "person"),
        ("i vilka grupper sitter Jerry Karjalainen?", "person"),
        ("vem är ersättare för Laxå?", "representatives"),
    ],
)
def test_substitutes_of_a_person_or_a_place(ask: Ask, question: str, intent: str) -> None:
    assert ask(question).intent == intent
