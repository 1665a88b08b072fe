"""What a tester found after the day's changes, over the real minutes: a first name
is a whole word of a name ("Hanna" is not Johanna), a month's name before a year is
the month ("i Jan 2023"), a question about something in a place or of a person's
view asks about that thing, words that frame a question ("finns") find nothing by
themselves, and the councils' everyday names."""

from __future__ import annotations

import pytest

from tests.answering.conftest import Ask

NOW = "2026-12-02T10:00"


def test_a_first_name_is_a_whole_word_of_a_name(ask: Ask) -> None:
    answer = ask("vem är Hanna", now=NOW)
    assert "Johanna" not in answer.text and "Hanna Elving" in answer.text


@pytest.mark.parametrize("question", ["vad hände i Jan 2023", "vilka möten var det i Jan 2023"])
def test_a_months_name_before_a_year_is_the_month(ask: Ask, question: str) -> None:
    answer = ask(question, now=NOW)
    assert answer.intent != "person" and "i januari 2023" in answer.text
    assert "Jan Sundelius" not in answer.text and "föredrog" not in answer.text


@pytest.mark.parametrize(
    ("question", "subject"),
    [
        ("hur många katter finns i Örebro", "katter"),
        ("vad tycker Ingmar om kärnkraft", "kärnkraft"),
        ("what does Ingmar think about nuclear power", "nuclear power"),
    ],
)
def test_something_asked_of_a_place_or_a_person_is_searched_for(
    ask: Ask, question: str, subject: str
) -> None:
    answer = ask(question, now=NOW)
    assert answer.intent == "search" and not answer.found and not answer.people


def test_words_that_frame_a_question_find_nothing_alone(ask: Ask) -> None:
    answer = ask("hur många hundar finns i länet", now=NOW)
    assert not answer.found and not answer.sources


@pytest.mark.parametrize(
    ("question", "council"),
    [
        ("vilka är ersättare i välfärdsrådet", "social välfärd"),
        ("vilka är ersättare i rådet för social välfärd", "social välfärd"),
        ("vilka är ersättare i rådet för folkhälsa", "Specifika samverkansrådet för folkhälsa"),
    ],
)
def test_the_councils_everyday_names(ask: Ask, question: str, council: str) -> None:
    answer = ask(question, now=NOW)
    assert answer.found and council in answer.text.splitlines()[0]


@pytest.mark.parametrize(
    ("question", "head"),
    [
        ("beslut i oktober", "Beslut i oktober 2022:"),  # the October placed, said
        ("what was decided in March?", "Decisions in March 2020:"),
        ("vad beslutades 2023", "Beslut under 2023:"),
        ("vad beslutades hösten 2022", "Beslut hösten 2022:"),
    ],
)
def test_decisions_of_a_period_name_it(ask: Ask, question: str, head: str) -> None:
    assert ask(question, now=NOW).text.splitlines()[0] == head


def test_decisions_found_outside_the_period_asked_do_not_name_it(ask: Ask) -> None:
    lines = ask("vad beslutades om egenvård 2024", now=NOW).text.splitlines()
    assert lines[0].startswith("Inga beslut om det från 2024") and "2024" not in lines[1]


@pytest.mark.parametrize(
    "question",
    [
        "vad hände på mötet i Vingåker",
        "vad hände på internatet i Vingåker",
        "what happened at the meeting in Vingåker",
    ],
)
def test_what_happened_at_a_meeting_named_by_its_place(ask: Ask, question: str) -> None:
    answer = ask(question, now=NOW)
    assert answer.intent == "agenda" and answer.found
    assert {s.meeting_date for s in answer.sources} == {"2022-10-13"}


def test_a_place_searched_for_is_still_a_search(ask: Ask) -> None:
    answer = ask("vad sades om Vingåker", now=NOW)
    assert answer.intent == "search"


def test_what_a_person_said_puts_what_they_presented_first(ask: Ask) -> None:
    answer = ask("vad sa Ingmar om socialtjänstlagen", now=NOW)
    assert answer.text.startswith("Först det Ingmar Ångman föredrog eller nämns i:")
    first = answer.sources[0]
    assert (first.document[:4], first.item) == ("002_", "8")  # "… <i>Ingmar Ångman</i>"


def test_what_a_person_did_not_say_is_said_plainly(ask: Ask) -> None:
    answer = ask("vad sa Ingmar om suicidprevention", now=NOW)
    assert answer.text.startswith("Protokollen säger inte vad Ingmar Ångman sa om suicidprevention")
    assert answer.sources  # what the minutes do say of it follows
