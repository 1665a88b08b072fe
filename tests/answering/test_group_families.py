"""A question about several groups at once ("de specifika samverkansråden") is
answered for each of them: never with another group's meeting, and what is not
known is said for each."""

from __future__ import annotations

import pytest

from bot.answers import Answer, combined
from tests.answering.conftest import Ask

SSR_FH = "Specifika samverkansrådet för folkhälsa"
SSR_SVO = "Specifika samverkansrådet för social välfärd samt vård och omsorg"


def test_no_coming_meeting_of_the_councils_is_not_another_groups_meeting(ask: Ask) -> None:
    answer = ask("När är nästa möte för specifika samverkansrådet?")
    assert answer.intent == "next_meeting"
    assert not answer.found and answer.meetings == []
    assert "11 december" not in answer.text  # the chefsgrupper's next meeting
    lines = answer.text.splitlines()
    assert any(SSR_FH in line and "inget kommande möte" in line for line in lines)
    assert any(SSR_SVO in line and "inget kommande möte" in line for line in lines)
    # the joint meeting they last had, once
    assert answer.text.count("20 september 2024") == 1


def test_representatives_in_both_councils(ask: Ask) -> None:
    answer = ask("Vem representerar Kumla i de specifika samverkansråden?")
    assert answer.intent == "representatives"
    assert {p.group for p in answer.people} == {SSR_FH, SSR_SVO}
    assert all(p.name in ("Annica Sjöqvist", "Jan Engman") for p in answer.people)
    assert answer.text.count("Kumla representeras av") == 1


def test_the_councils_meetings_in_a_year(ask: Ask) -> None:
    answer = ask("vilka möten hade ssr 2024?")
    assert [m.start[:10] for m in answer.meetings] == ["2024-09-20"]
    assert answer.found


def test_both_councils_finding_nothing_say_it_once(ask: Ask) -> None:
    answer = ask("vad beslutade samverkansrådet om arbetssätt?")
    lines = answer.text.splitlines()
    assert lines[0] == "Jag hittar inga beslut om arbetssätt i protokollen. Det nämns i:"
    assert lines.count(lines[0]) == 1 and not answer.found
    assert {s.meeting_date for s in answer.sources} == {"2024-09-20"}


def test_answers_combined_keep_each_line_once() -> None:
    none = Answer("decisions", "Inga beslut.\nDet nämns i: X", found=False)
    other = Answer("decisions", "Inga beslut för B.\nDet nämns i: X", found=False)
    assert combined([none, none, other]).text.splitlines() == [
        "Inga beslut.",
        "Inga beslut för B.",
        "Det nämns i: X",
    ]


@pytest.mark.parametrize(
    "question",
    [
        "who was the secretary at the council meeting?",
        "vem var sekreterare på rådets möte?",
        "when did the council meet in 2024?",
    ],
)
def test_the_council_is_either_council(ask: Ask, question: str) -> None:
    answer = ask(question)
    assert answer.found
    assert {s.meeting_date for s in answer.sources} == {"2024-09-20"}


def test_a_longer_name_says_which_council(ask: Ask) -> None:
    answer = ask("when is the next meeting of the public health council?")
    assert not answer.found  # its council has none coming; the other's are not offered as its
    assert SSR_FH in answer.text and SSR_SVO not in answer.text.splitlines()[0]


def test_a_groups_meeting_named_in_one_word(ask: Ask) -> None:
    """ "folkhälsomötet" is Chefsgrupp folkhälsa's meeting, not the latest of any group
    (the chefsgrupp's of 29 May 2026)."""
    answer = ask("vem var ordförande på senaste folkhälsomötet?")
    assert answer.intent == "meeting_roles"
    assert [s.meeting_date for s in answer.sources] == ["2020-03-20"]
    assert "Chefsgrupp folkhälsa fredag 20 mars 2020" in answer.text
    councils = ask("vem var med på senaste rådsmötet?")
    assert {s.meeting_date for s in councils.sources} == {"2024-09-20"}
