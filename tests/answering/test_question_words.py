"""Answers whose questions ask with verbs: postponed decisions ("skjutits upp"),
question verbs kept out of headers, "vem är <role>" searched, hyphenated topics."""

from __future__ import annotations

import pytest

from tests.answering.conftest import Ask

POSTPONED = {("2023-09-08", "11"), ("2026-05-29", "6"), ("2026-05-29", "8")}


@pytest.mark.parametrize(
    "question",
    [
        "Vilka beslut har skjutits upp?",
        "vilka beslut skots upp",
        "vilka beslut skjuts upp?",
        "Which decisions were put off?",
        "which decisions were deferred?",
    ],
)
def test_postponed_decisions_by_any_verb(ask: Ask, question: str) -> None:
    answer = ask(question)
    assert answer.intent == "decisions" and answer.found
    assert {(d.meeting_date, d.item) for d in answer.decisions} >= POSTPONED
    assert all(d.kind == "postponed" for d in answer.decisions)
    header = answer.text.splitlines()[0]
    assert header in (
        "Bordlagda, återremitterade eller hänskjutna frågor:",
        "Postponed or referred questions:",
    )


def test_postponed_decisions_of_a_year(ask: Ask) -> None:
    answer = ask("vilka beslut sköts upp 2023")
    assert {(d.meeting_date, d.item) for d in answer.decisions} == {("2023-09-08", "11")}
    assert answer.text.startswith("Bordlagda, återremitterade eller hänskjutna frågor")
    assert "Egenvården lyfts ut" in answer.text


@pytest.mark.parametrize(
    ("question", "header"),
    [
        ("Vem föredrog suicidsamordningen?", "om suicidsamordningen:"),
        ("När träder överenskommelsen i kraft?", "om överenskommelsen:"),
    ],
)
def test_question_verbs_stay_out_of_the_header(ask: Ask, question: str, header: str) -> None:
    answer = ask(question)
    assert answer.found and answer.text.splitlines()[0].endswith(header)


@pytest.mark.parametrize(
    "question", ["Vem är ny samverkansledare i norr?", "vem ar ny samverkansledare i norr"]
)
def test_who_is_a_role_is_found_in_the_minutes(ask: Ask, question: str) -> None:
    answer = ask(question)
    assert answer.intent == "search" and answer.found
    assert "Johanna Thybell" in answer.text
    assert ("2023-09-08", "5") in {(s.meeting_date, s.item) for s in answer.sources}


def test_hyphenated_topic_is_its_words(ask: Ask) -> None:
    joined = ask("Vad beslutade man om psykisk hälsa-medel?")
    apart = ask("Vad beslutade man om psykisk hälsa medel?")
    assert joined.found and joined.decisions == apart.decisions
    assert ("2026-05-29", "6") in {(d.meeting_date, d.item) for d in joined.decisions}
