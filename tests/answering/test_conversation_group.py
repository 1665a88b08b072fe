"""The conversation's group as a person writes it (`--group`, a setting): read as the
store names it, or refused by name when it names no group."""

from __future__ import annotations

import pytest

from tests.answering.conftest import Ask

SVO = "Chefsgrupp för samverkan social välfärd samt vård och omsorg"


@pytest.mark.parametrize(
    "written",
    [
        SVO,
        SVO.lower(),
        "chefsgrupp social välfärd",
        "Chefsgrupp social välfärd samt vård och omsorg",  # as the 2026 minutes write it
        "chefsgrupp social valfard",
    ],
)
def test_a_group_written_another_way_is_the_stored_group(ask: Ask, written: str) -> None:
    answer = ask("När är nästa möte?", group=written)
    assert answer.intent == "next_meeting" and answer.found
    assert answer.meetings[0].start.startswith("2026-12-11T13:00")
    reps = ask("Vem representerar Nora?", group=written)
    assert [p.name for p in reps.people] == ["Fredrik Bergström"]


def test_a_group_alias_as_the_conversations_group(ask: Ask) -> None:
    answer = ask("Vem var ordförande 20 september 2024?", group="ssr folkhälsa")
    assert "Bechet Barsom" in answer.text


def test_an_unknown_group_is_named_with_the_known_ones(ask: Ask) -> None:
    answer = ask("När är nästa möte?", group="Foo bar")
    assert not answer.found and answer.meetings == []
    assert "Foo bar" in answer.text and "Chefsgrupp folkhälsa" in answer.text
    english = ask("When is the next meeting?", group="Foo bar", language="en")
    assert "I do not know the group" in english.text
