"""English questions over the real minutes: a place or person at one meeting, the first
meeting of a year, a county district, and answers wholly in English."""

from __future__ import annotations

import pytest

from tests.answering.conftest import Ask


def names(answer) -> list[str]:  # type: ignore[no-untyped-def]
    return [p.name for p in answer.people]


@pytest.mark.parametrize(
    "question",
    ["Was Kumla represented on 29 May 2026?", "Was Kumla at the meeting on 29 May 2026?"],
)
def test_a_place_missing_from_one_meeting(ask: Ask, question: str) -> None:
    answer = ask(question)
    assert answer.intent == "attendance" and answer.people == []
    assert answer.text.startswith("No, nobody from Kumla")


def test_a_place_at_one_meeting(ask: Ask) -> None:
    answer = ask("Was Karlskoga represented on 29 May 2026?")
    assert answer.text.startswith("Yes") and names(answer) == ["Eva Persson"]


def test_a_person_at_the_meeting(ask: Ask) -> None:
    answer = ask("Was Eva Persson at the meeting on 29 May 2026?")
    assert answer.intent == "attendance" and answer.text.startswith("Yes")
    assert names(answer) == ["Eva Persson"] and answer.people[0].present


@pytest.mark.parametrize(
    "question", ["When was the first meeting in 2023?", "När var första mötet 2023?"]
)
def test_the_first_meeting_of_a_year_need_not_have_minutes(ask: Ask, question: str) -> None:
    answer = ask(question)
    assert [m.start[:10] for m in answer.meetings] == ["2023-02-10"]


def test_the_northern_district(ask: Ask) -> None:
    answer = ask("Who represents the northern district?")
    assert answer.text.startswith("The Norr part of the county: Hällefors")
    assert {"Christina Kuurne", "Fredrik Bergström", "Peter Björklund"} <= set(names(answer))


def test_the_council_decided_on_a_day(ask: Ask) -> None:
    answer = ask("What did the council decide on 20 September 2024?")
    assert answer.decisions and {d.meeting_date for d in answer.decisions} == {"2024-09-20"}


def test_no_meeting_in_a_month_names_the_whole_month(ask: Ask) -> None:
    answer = ask("Is there a meeting in January?")
    assert answer.intent == "meetings" and answer.meetings == []
    assert answer.text.startswith("I find no meetings in January 2027 in the minutes.")


def test_organisation_from_earlier_minutes_is_said_in_english(ask: Ask) -> None:
    answer = ask("Who represents Örebro kommun in the management group?")
    assert "Annika Roman: Örebro kommun as of the meeting on 2023-09-08" in answer.text
    assert "enligt" not in answer.text


def test_representatives_at_a_past_date_in_the_past_tense(ask: Ask) -> None:
    answer = ask("Who represented Karlskoga in 2022?")
    assert answer.text.startswith("Karlskoga was represented by:")
    assert names(answer) == ["Helen Willyams"]
    assert ask("Who represents Karlskoga?").text.startswith("Karlskoga is represented by:")


@pytest.mark.parametrize(
    "question", ["When was the meeting in Vingåker?", "När var mötet i Vingåker?"]
)
def test_when_a_meeting_named_by_its_place_was(ask: Ask, question: str) -> None:
    answer = ask(question)
    assert answer.intent == "meeting_info"
    assert [m.start[:10] for m in answer.meetings] == ["2022-10-13"]
    assert "Båsenberga" in answer.text


def test_substitutes_on_one_day(ask: Ask) -> None:
    answer = ask("who were the substitutes on 20 September 2024")
    assert answer.intent == "attendance" and answer.people
    assert {p.role for p in answer.people} == {"ersättare"}
    assert "Jan Engman" in names(answer)


def test_a_phrase_only_the_glossary_knows_is_searched(ask: Ask) -> None:
    answer = ask("What was said about the new social services act?")
    assert answer.sources and "socialtjänstlag" in answer.text


def test_the_day_a_person_took_part_is_said_in_english(ask: Ask) -> None:
    answer = ask("Was Lindesberg there on both days in October 2022?")
    assert answer.intent == "attendance"
    assert "Madde Gustafsson (Lindesbergs kommun, day 2)" in answer.text


def test_what_a_person_said_searches_the_person(ask: Ask) -> None:
    answer = ask("What did Ingmar Ångman say?")
    assert answer.text.startswith("In the minutes about Ingmar Ångman:")
    assert "What did" not in answer.text
