"""What came of a question, questions still waiting, English topics, a year that
belongs to the topic, typos in topics, small talk and places, on the real minutes."""

from __future__ import annotations

import pytest

from tests.answering.conftest import Ask

NO_LATER = "Inget senare beslut i frågan finns i protokollen ännu."


def test_what_happened_to_self_care(ask: Ask) -> None:
    answer = ask("Vad hände med egenvården?")
    first = answer.decisions[0]
    assert (first.meeting_date, first.item, first.kind) == ("2023-09-08", "11", "postponed")
    assert "Egenvården lyfts ut och beslut tas i chefsgruppen under hösten" in first.text
    assert answer.text.splitlines()[2].strip() == NO_LATER


def test_what_happened_to_the_mental_health_funds(ask: Ask) -> None:
    answer = ask("Vad hände med fördelningen av psykisk hälsa-medlen?")
    first = answer.decisions[0]
    assert (first.meeting_date, first.item, first.kind) == ("2026-05-29", "6", "postponed")
    assert "hänskjuts till kommande AU i juni" in first.text
    assert NO_LATER in answer.text


def test_what_happened_without_decisions_searches(ask: Ask) -> None:
    answer = ask("hur gick det med projekt CROSS?")
    assert answer.intent == "search" and answer.found
    assert answer.sources[0].meeting_date == "2020-03-20"


@pytest.mark.parametrize(
    "question", ["Vilka beslut väntar fortfarande?", "vilka frågor är inte avgjorda"]
)
def test_questions_still_waiting(ask: Ask, question: str) -> None:
    answer = ask(question)
    assert answer.intent == "decisions" and answer.decisions
    assert {d.kind for d in answer.decisions} == {"postponed"}
    waiting = {(d.meeting_date, d.item) for d in answer.decisions}
    assert {("2023-09-08", "11"), ("2026-05-29", "6")} <= waiting
    assert "Följdes upp" not in answer.text


@pytest.mark.parametrize(
    ("question", "meeting", "item"),
    [
        ("What was decided about suicide coordination?", "2022-10-13", "10"),
        ("What was decided about home health care?", "2023-09-08", "11"),
        ("What was decided about mental health funds?", "2026-05-29", "6"),
        ("What was decided about the guideline?", "2026-05-29", "7"),
    ],
)
def test_english_topics_in_swedish(ask: Ask, question: str, meeting: str, item: str) -> None:
    answer = ask(question)
    assert answer.language == "en" and answer.found
    assert (meeting, item) in {(d.meeting_date, d.item) for d in answer.decisions}


@pytest.mark.parametrize(
    ("question", "word"),
    [
        ("What was said about gang crime?", "Gängkriminalitet"),
        ("What was said about elderly care?", "äldre"),
    ],
)
def test_english_search_in_swedish(ask: Ask, question: str, word: str) -> None:
    answer = ask(question)
    assert answer.intent == "search" and answer.found
    assert word in answer.text


def test_a_year_in_the_topic_searches_all_years_and_says_so(ask: Ask) -> None:
    answer = ask("Vad sades om suicidpreventionskonferensen 2027?")
    assert answer.found
    assert answer.text.startswith("Inga protokoll från 2027 nämner det")
    assert (answer.sources[0].meeting_date, answer.sources[0].item) == ("2026-05-29", "6")


@pytest.mark.parametrize(
    "question", ["När är internatet?", "Hur länge håller internatet i oktober 2026 på?"]
)
def test_a_named_event_is_searched_with_its_meeting(ask: Ask, question: str) -> None:
    answer = ask(question)
    assert answer.found and "internat 8-9/10" in answer.text
    assert [m.start[:16] for m in answer.meetings] == ["2026-10-08T12:00"]


@pytest.mark.parametrize(
    ("question", "meeting", "item"),
    [
        ("vad beslutdes om sucidsamordningen", "2022-10-13", "10"),
        ("vad beslutades om egenvårn", "2023-09-08", "11"),
    ],
)
def test_typos_in_topics(ask: Ask, question: str, meeting: str, item: str) -> None:
    answer = ask(question)
    assert answer.intent == "decisions"
    assert (answer.decisions[0].meeting_date, answer.decisions[0].item) == (meeting, item)


def test_a_typo_in_the_meeting_word(ask: Ask) -> None:
    answer = ask("nar ar nästa möet")
    assert answer.intent == "next_meeting" and answer.meetings


@pytest.mark.parametrize(
    ("question", "opening"),
    [
        ("tack", "Varsågod!"),
        ("tack för hjälpen!", "Varsågod!"),
        ("Thanks", "You're welcome!"),
        ("hej", "Hej!"),
        ("hello", "Hello!"),
    ],
)
def test_small_talk(ask: Ask, question: str, opening: str) -> None:
    answer = ask(question)
    assert answer.intent == "help" and answer.text.startswith(opening)
    assert len(answer.text) < 300 and "?" in answer.text  # a hint of what to ask


@pytest.mark.parametrize(
    "question",
    ["vad sades om " + "blabla " * 800, "x" * 5000, "vad beslutades om " + "qwerty " * 700],
)
def test_a_long_question_is_not_said_back(ask: Ask, question: str) -> None:
    assert len(ask(question).text) < 300


def test_code_is_answered_in_swedish(ask: Ask) -> None:
    assert ask("SELECT * FROM meetings").language == "sv"


@pytest.mark.parametrize(
    ("question", "said"),
    [
        # planned in the minutes of 29 May 2026: the schedule says no place
        ("Var hålls mötet 11 december?", "Mötesplanen anger ingen plats."),
        ("Var hölls mötet 20 mars 2020?", "Protokollet anger ingen plats."),
    ],
)
def test_no_place_in_the_minutes(ask: Ask, question: str, said: str) -> None:
    answer = ask(question)
    assert answer.intent == "meeting_info"
    assert said in answer.text


def test_a_place_and_a_time_question(ask: Ask) -> None:
    assert "Båsenberga" in ask("Var hölls mötet 13 oktober 2022?").text
    assert "ingen plats" not in ask("När var mötet 20 mars 2020?").text


@pytest.mark.parametrize(
    ("question", "heading"),
    [
        ("vilka grupper finns?", "Grupper i protokollen (4):"),
        ("Which groups do you know?", "Groups in the minutes (4):"),
        ("lista grupperna", "Grupper i protokollen (4):"),
    ],
)
def test_which_groups_the_minutes_are_of(ask: Ask, question: str, heading: str) -> None:
    answer = ask(question, group="Chefsgrupp folkhälsa")  # a channel's group: all are listed
    assert answer.intent == "groups" and answer.found
    lines = answer.text.splitlines()
    assert lines[0] == heading and len(lines) == 5
    care = next(line for line in lines if line.startswith("• Chefsgrupp för samverkan"))
    assert "29 maj 2026" in care or "29 May 2026" in care
    assert "11 december 2026" in care or "11 December 2026" in care
    assert {s.meeting_date for s in answer.sources} == {"2020-03-20", "2026-05-29", "2024-09-20"}


def test_a_persons_groups_are_not_the_groups_listing(ask: Ask) -> None:
    assert ask("vilka grupper tillhör Ingmar Ångman?").intent == "person"
