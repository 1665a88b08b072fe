"""Asked at a `now` before some of the store's minutes, an answer uses the meetings up
to then only: minutes of later meetings are not written yet (decisions on a topic,
where a postponed question went, what is still waiting, free search, who a person is
and which groups they are in)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from bot.answers import Answer, AskContext
from bot.assistant import Assistant
from storage.parsing.records import STOCKHOLM
from tests.answering.conftest import Ask, assistant_over

MINUTES = """PROTOKOLL

Socialnämnden i Karlskoga kommun

Sammanträdesdatum: {day}

Plats och tid: Folkets hus, kl. 14.00–16.30

Beslutande:
Birgitta Hellkvist (S), ordförande
{member}

Sekreterare: Karin Ny

§ {n}0 Val av justerare
{member} utses att jämte ordföranden justera dagens protokoll.

{items}
"""
GUIDELINE = "§ {n}1 Riktlinje för läkemedelsgenomgångar\nSocialnämndens beslut\n{text}\n"
GRANTS = "§ {n}2 Föreningsbidrag\nSocialnämndens beslut\n{text}\n"
FILES = {
    "2021.md": MINUTES.format(
        day="10 november 2021",
        member="Olle Sand (M)",
        n=1,
        items=GUIDELINE.format(n=1, text="Nämnden antar riktlinjen för läkemedelsgenomgångar.")
        + GRANTS.format(n=1, text="Ärendet bordläggs till nästa sammanträde."),
    ),
    "2022.md": MINUTES.format(
        day="14 september 2022",
        member="Olle Sand (M)",
        n=4,
        items=GRANTS.format(n=4, text="Nämnden beviljar föreningsbidrag enligt förslaget."),
    ),
    "2024.md": MINUTES.format(
        day="16 oktober 2024",
        member="Nils Åkesson (L)",
        n=9,
        items=GUIDELINE.format(n=9, text="Nämnden reviderar riktlinjen för läkemedelsgenomgångar."),
    ),
}
IN_2022 = datetime(2022, 6, 1, 10, 0, tzinfo=STOCKHOLM)
IN_2026 = datetime(2026, 6, 1, 10, 0, tzinfo=STOCKHOLM)


@pytest.fixture
def assistant(db_url: str, tmp_path: Path) -> Iterator[Assistant]:
    with assistant_over(db_url, tmp_path, FILES) as assistant:
        yield assistant


def _ask(assistant: Assistant, question: str, now: datetime) -> Answer:
    return assistant.answer(question, AskContext(now=now))


@pytest.mark.parametrize(
    "question",
    [
        "Vad beslutades om läkemedelsgenomgångar?",
        "vad beslutades om lakemedelsgenomgangarna",
        "What was decided about läkemedelsgenomgångar?",
    ],
)
def test_a_topic_decided_before_and_after_now(assistant: Assistant, question: str) -> None:
    then = _ask(assistant, question, IN_2022)
    assert then.intent == "decisions" and then.found
    assert [d.meeting_date for d in then.decisions] == ["2021-11-10"]
    assert "reviderar" not in then.text and "2024" not in then.text
    today = _ask(assistant, question, IN_2026)
    assert [d.meeting_date for d in today.decisions] == ["2024-10-16", "2021-11-10"]


def test_a_postponed_question_is_followed_up_to_now(assistant: Assistant) -> None:
    then = _ask(assistant, "Vad beslutades om föreningsbidrag?", IN_2022)
    assert [d.meeting_date for d in then.decisions] == ["2021-11-10"]
    assert "Inget senare beslut i frågan finns i protokollen ännu." in then.text
    today = _ask(assistant, "Vad beslutades om föreningsbidrag?", IN_2026)
    assert "Följdes upp: Socialnämnden i Karlskoga kommun onsdag 14 september 2022" in today.text


@pytest.mark.parametrize(
    "question", ["Vilka beslut väntar fortfarande?", "which decisions are still pending"]
)
def test_what_is_still_waiting_as_of_now(assistant: Assistant, question: str) -> None:
    then = _ask(assistant, question, IN_2022)
    assert then.found and [d.meeting_date for d in then.decisions] == ["2021-11-10"]
    assert not _ask(assistant, question, IN_2026).decisions  # settled in September 2022


def test_search_keeps_to_the_minutes_written(assistant: Assistant) -> None:
    then = _ask(assistant, "vad sades om läkemedelsgenomgångar?", IN_2022)
    assert then.intent == "search" and {s.meeting_date for s in then.sources} == {"2021-11-10"}
    today = _ask(assistant, "vad sades om läkemedelsgenomgångar?", IN_2026)
    assert {s.meeting_date for s in today.sources} == {"2021-11-10", "2024-10-16"}


@pytest.mark.parametrize("question", ["Vem är Nils Åkesson?", "who is nils akesson"])
def test_a_person_first_listed_later_is_not_known_yet(assistant: Assistant, question: str) -> None:
    then = _ask(assistant, question, IN_2022)
    assert then.intent == "person" and not then.found and not then.people
    assert _ask(assistant, question, IN_2026).found


def test_a_person_as_of_now(assistant: Assistant) -> None:
    answer = _ask(assistant, "Vem är Birgitta Hellkvist?", IN_2022)
    assert answer.found and {p.meeting_date for p in answer.people} == {"2021-11-10"}
    assert "Senast i protokollen onsdag 10 november 2021." in answer.text


# -- over the real minutes ------------------------------------------------------------

EARLY_2023 = "2023-01-01T10:00"


@pytest.mark.parametrize(
    "question", ["Vad beslutades om egenvården?", "what was decided about egenvarden"]
)
def test_a_topic_decided_only_after_now(ask: Ask, question: str) -> None:
    assert {d.meeting_date for d in ask(question).decisions} == {"2023-09-08"}
    then = ask(question, now=EARLY_2023)
    assert then.intent == "decisions" and not then.found and not then.decisions
    assert "2023" not in then.text


def test_decisions_without_a_topic_as_of_now(ask: Ask) -> None:
    answer = ask("Vilka beslut fattades?", now=EARLY_2023)
    assert answer.found and max(d.meeting_date for d in answer.decisions) == "2022-10-13"


def test_a_day_after_now_has_no_minutes_yet(ask: Ask) -> None:
    answer = ask("Vad beslutades 20 september 2024?", now=EARLY_2023)
    assert answer.intent == "decisions" and not answer.found and not answer.decisions


@pytest.mark.parametrize(
    "question",
    [
        "Vem är Ingmar Ångman?",
        "vilka grupper ar ingmar angman med i",
        "which groups is Ingmar Ångman in?",
    ],
)
def test_a_person_profile_as_of_now(ask: Ask, question: str) -> None:
    answer = ask(question, now=EARLY_2023)
    assert answer.intent == "person" and answer.found
    groups = {p.group for p in answer.people}
    assert not any("Specifika samverkansrådet" in (g or "") for g in groups)  # 2024 and later
    assert {p.meeting_date for p in answer.people} == {"2020-03-20", "2022-10-13"}
    assert "torsdag 13 oktober 2022" in answer.text or "Thursday 13 October 2022" in answer.text
    later = ask(question)
    assert any("Specifika samverkansrådet" in (p.group or "") for p in later.people)


def test_a_person_listed_only_after_now(ask: Ask) -> None:
    answer = ask("Vem är Bechet Barsom?", now=EARLY_2023)
    assert answer.intent == "person" and not answer.found and not answer.people
