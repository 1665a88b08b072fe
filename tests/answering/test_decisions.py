"""Decisions by topic, date and group; agenda; search; help."""

from __future__ import annotations

import pytest

from bot.answers import AskContext
from bot.assistant import Assistant
from tests.answering.conftest import Ask
from tests.conftest import NOW
from tests.storage.test_sessions import statements_run


@pytest.mark.parametrize(
    "question",
    [
        "Vad beslutades om suicidsamordningen?",
        "vad beslöts om suicidsamordning",
        "vad beslutades om suicidsamordningen",
        "What was decided about suicidsamordning?",
        "beslut om suicidsamordningen 2022",
    ],
)
def test_decision_by_topic(ask: Ask, question: str) -> None:
    answer = ask(question)
    assert answer.intent == "decisions"
    first = answer.decisions[0]
    assert (first.meeting_date, first.item) == ("2022-10-13", "10")
    assert "ställa sig bakom" in first.text and first.kind == "endorsed"
    assert "ställa sig bakom" in answer.text


@pytest.mark.parametrize(
    "question",
    [
        "Vilka beslut fattades 2023-09-08?",
        "vilka beslut togs 8 september 2023",
        "what was decided on 8 September 2023?",
    ],
)
def test_decisions_of_a_day(ask: Ask, question: str) -> None:
    answer = ask(question)
    dates = {d.meeting_date for d in answer.decisions}
    assert dates == {"2023-09-08"} and len(answer.decisions) >= 5


def test_postponed_decision_is_shown_and_followed(ask: Ask) -> None:
    answer = ask("Vad beslutades om psykisk hälsa 2026?")
    postponed = answer.decisions[0]
    assert postponed.kind == "postponed" and "AU" in (postponed.referred_to or "")
    assert "hänskjut" in answer.text and "Inget senare beslut" in answer.text


def test_adopted_guideline(ask: Ask) -> None:
    answer = ask("vad beslutade chefsgruppen om riktlinjen")
    assert answer.decisions[0].kind == "adopted" and answer.decisions[0].item == "7"


@pytest.mark.parametrize(
    "question", ["Vad beslutades om kärnkraft?", "what was decided about nuclear power"]
)
def test_unknown_topic_gets_an_honest_no(ask: Ask, question: str) -> None:
    answer = ask(question)
    assert answer.decisions == [] and not answer.found


def test_agenda(ask: Ask) -> None:
    answer = ask("Vad stod på dagordningen 8 september 2023?")
    assert answer.intent == "agenda" and "Gängkriminalitet" in answer.text
    assert len(answer.sources) == 14


def test_search(ask: Ask) -> None:
    answer = ask("Vad sades om projekt CROSS?")
    assert answer.intent == "search"
    assert answer.sources[0].meeting_date == "2020-03-20" and answer.sources[0].item == "3"
    assert "CROSS" in (answer.sources[0].snippet or "")


@pytest.mark.parametrize(
    ("question", "heading"),
    [
        ("vad sades om IT?", "I protokollen om IT:"),
        # no subject read ("it" is a small word): the words searched for, not the question
        ("vad sades om it?", "I protokollen om it:"),
    ],
)
def test_search_for_an_abbreviation(ask: Ask, question: str, heading: str) -> None:
    answer = ask(question)
    assert answer.intent == "search"
    assert answer.text.splitlines()[0] == heading
    assert ("2023-09-08", "13") in [(s.meeting_date, s.item) for s in answer.sources]


@pytest.mark.parametrize("question", ["hjälp", "help", "vad kan du?"])
def test_help(ask: Ask, question: str) -> None:
    answer = ask(question)
    assert answer.intent == "help"
    assert "nästa möte" in answer.text.lower() or "next meeting" in answer.text.lower()


def test_no_minutes_for_a_day_is_said_with_what_exists(ask: Ask) -> None:
    answer = ask("vem var ordförande 1 januari 2025?")
    assert not answer.found and answer.people == []
    assert "29 maj 2026" in answer.text  # the latest minutes it has


@pytest.mark.parametrize(
    "question",
    [
        "Vilka beslut har bordlagts?",
        "vilka frågor har hänskjutits?",
        "which decisions were postponed?",
    ],
)
def test_postponed_decisions(ask: Ask, question: str) -> None:
    answer = ask(question)
    assert answer.intent == "decisions" and answer.found
    assert answer.decisions and all(d.kind == "postponed" for d in answer.decisions)
    assert {d.meeting_date for d in answer.decisions} >= {"2026-05-29", "2023-09-08"}


@pytest.mark.parametrize(
    "question",
    ["vad beslutades om bilar?", "vad sades om bil?", "what was decided about cars (bilar)?"],
)
def test_a_short_word_is_not_the_beginning_of_longer_ones(ask: Ask, question: str) -> None:
    """ "bil" (bilar) is not "bilaga" or "bild": the minutes have no cars, and say so."""
    answer = ask(question)
    assert not answer.found and not answer.decisions
    assert "bilaga" not in answer.text.lower() and "hälso" not in answer.text


def test_a_longer_word_still_finds_its_compounds(ask: Ask) -> None:
    answer = ask("vad beslutades om suicid?")
    assert answer.found and any("Suicidsamordning" in d.title for d in answer.decisions)


@pytest.mark.parametrize(
    ("question", "heading", "first"),
    [
        (
            "vilka beslut fattades 2023-09-08?",
            "Beslut vid Chefsgrupp för samverkan social välfärd samt vård och omsorg "
            "fredag 8 september 2023:",
            "• Punkt 3 Föregående möte: Minnesanteckningar läggs till handlingarna.",
        ),
        (
            "What decisions were made at the last meeting?",
            "Decisions at Chefsgrupp för samverkan social välfärd samt vård och omsorg "
            "on Friday 29 May 2026:",
            "• Item 6 Psykisk hälsa: Beslutet hänskjuts till kommande AU i juni månad",
        ),
    ],
)
def test_one_meetings_decisions_name_it_once(
    ask: Ask, question: str, heading: str, first: str
) -> None:
    answer = ask(question)
    lines = answer.text.splitlines()
    assert lines[0] == heading and lines[1].startswith(first)
    # the meeting is in the heading only; each decision still carries it as a fact
    assert not any(line.startswith("• Chefsgrupp") for line in lines)
    assert len({d.meeting_date for d in answer.decisions}) == 1


@pytest.mark.parametrize(
    ("question", "heading"),
    [
        ("hur många beslut fattades 2023?", "Beslut under 2023 (7):"),
        ("how many decisions were made in 2022?", "Decisions in 2022 (7):"),
    ],
)
def test_how_many_decisions_says_how_many(ask: Ask, question: str, heading: str) -> None:
    answer = ask(question)
    assert answer.text.splitlines()[0] == heading  # "många" is no topic
    assert len(answer.decisions) == 7


def test_a_days_decisions_are_read_by_the_day(minutes_assistant: Assistant) -> None:
    """The day's decisions in one statement, not the day's meetings and then theirs;
    a day with none reads its meetings to say why."""
    context = AskContext(now=NOW)
    with statements_run(minutes_assistant.store) as seen:
        answer = minutes_assistant.answer("vilka beslut fattades 2023-09-08?", context)
    assert answer.found and {d.meeting_date for d in answer.decisions} == {"2023-09-08"}
    assert answer.text.startswith(
        "Beslut vid Chefsgrupp för samverkan social välfärd samt vård och omsorg "
        "fredag 8 september 2023:"
    )
    assert not [s for s in seen if s.lstrip().startswith("SELECT meetings.id")]
    with statements_run(minutes_assistant.store) as seen:
        answer = minutes_assistant.answer("vilka beslut fattades 2023-09-09?", context)
    assert not answer.found and [s for s in seen if s.lstrip().startswith("SELECT meetings.id")]
