"""A day of a meeting of several days ("13-14 oktober", "Madde Gustafsson (dag 2)"),
and topics whose words stem like question words ("Nära vård", "när")."""

from __future__ import annotations

import pytest

from bot.answering.topics import topic_words
from tests.answering.conftest import Ask


def absent(answer) -> list[str]:  # type: ignore[no-untyped-def]
    return [p.name for p in answer.people if p.present is False]


@pytest.mark.parametrize(
    ("question", "away"),
    [
        ("Vilka var frånvarande på mötet den 13 oktober 2022?", ["Madde Gustafsson"]),
        ("Vilka var frånvarande på mötet den 14 oktober 2022?", ["Panagiota Lazarido"]),
        ("Who was absent on 14 October 2022?", ["Panagiota Lazarido"]),
    ],
)
def test_someone_there_on_one_day_only_was_away_on_the_other(
    ask: Ask, question: str, away: list[str]
) -> None:
    answer = ask(question)
    assert answer.intent == "attendance"
    assert absent(answer) == away and len(answer.people) == 1
    assert answer.sources[0].meeting_date == "2022-10-13"


def test_the_whole_meeting_of_several_days_has_nobody_absent(ask: Ask) -> None:
    answer = ask("Vilka var frånvarande på mötet i Vingåker?")
    assert answer.people == []


def test_a_person_there_on_day_two_only(ask: Ask) -> None:
    first = ask("Var Madde Gustafsson med på mötet den 13 oktober 2022?")
    assert first.text.startswith("Nej") and "bara dag 2" in first.text
    second = ask("Var Madde Gustafsson med på mötet den 14 oktober 2022?")
    assert second.text.startswith("Ja") and "(dag 2: fredag 14 oktober 2022)" in second.text


def test_the_decisions_of_day_two_are_those_of_the_meeting(ask: Ask) -> None:
    answer = ask("Vilka beslut fattades den 14 oktober 2022?")
    assert answer.intent == "decisions"
    assert {d.meeting_date for d in answer.decisions} == {"2022-10-13"}
    assert {"5", "7", "10"} <= {d.item for d in answer.decisions}


def test_nara_is_not_the_question_word_nar() -> None:
    assert topic_words("Nära vård") == ["nar", "vard"]
    assert topic_words("När beslutades om egenvården?") == ["egenvard"]


def test_decisions_on_nara_vard_need_both_words(ask: Ask) -> None:
    answer = ask("Vad beslutades om Nära vård?")
    assert answer.decisions[0].meeting_date == "2026-05-29" and answer.decisions[0].item == "8"
    # the autumn 2020 schedule speaks of "vård och omsorg", not of Nära vård
    assert "2020-03-20" not in {d.meeting_date for d in answer.decisions}


@pytest.mark.parametrize(
    "question", ["Vad beslutades om mötestider?", "Vad beslutades om mötestider 2023?"]
)
def test_a_topic_named_with_a_meeting_word_is_still_the_topic(ask: Ask, question: str) -> None:
    # not every decision (of 2023): the agenda item Mötestider 2023 decided nothing
    answer = ask(question)
    assert answer.intent == "decisions"
    assert answer.decisions == [] and "mötestider" in answer.text
    assert "Mötestider 2023" in answer.text


def test_a_meeting_asked_about_is_not_a_topic(ask: Ask) -> None:
    answer = ask("Vad beslutades om mötet den 20 mars 2020?")
    assert {d.meeting_date for d in answer.decisions} == {"2020-03-20"}
    assert len(answer.decisions) >= 8


def test_the_officials_serving_a_council_do_not_represent_the_region(ask: Ask) -> None:
    answer = ask("Vem representerar Region Örebro län?")
    council = {
        p.name for p in answer.people if p.group == "Specifika samverkansrådet för folkhälsa"
    }
    assert council == {"Bechet Barsom"}  # not Ingmar Ångman, Panagiota Lazarido (tjänstepersoner)
    assert "tjänsteperson" not in answer.text


def test_an_agenda_item_decides_under_its_sub_headings(ask: Ask) -> None:
    answer = ask("Vad beslutades om samverkansorganisationen?")
    titles = {d.title for d in answer.decisions}
    assert {d.item for d in answer.decisions} == {"7"} and len(titles) == 3
    assert any(t.startswith("Fokusgrupperna") for t in titles)
    assert {d.meeting_date for d in answer.decisions} == {"2022-10-13"}
