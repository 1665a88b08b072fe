"""Questions a colleague's probe of the sixth session found misread: a verb read as a
person's genitive ("hålls" as Johanna Häll's), "leder" always read as the chair,
"held" always read as past, a leading "och var" read as "was"."""

from __future__ import annotations

import pytest

from bot.understanding import Vocabulary, understand
from tests.understanding.asking import NOW, ask


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("och var hålls det?", "next_meeting"),
        ("var hålls det?", "next_meeting"),
        ("var hölls det?", "meeting_info"),
        ("where is it held?", "next_meeting"),
        ("where will the next meeting be held?", "next_meeting"),
        ("where was it held?", "meeting_info"),
        ("vad hölls det för föredrag om CROSS?", "search"),  # about the talk
    ],
)
def test_held(question: str, intent: str) -> None:
    assert ask(question).intent == intent


def test_a_word_of_the_language_is_no_persons_genitive() -> None:
    vocabulary = Vocabulary.build(people=["Johanna Häll", "Eva Persson"])
    query = understand("och var hålls det?", now=NOW, vocabulary=vocabulary)
    assert query.person is None
    # a surname's genitive still names the person ("Hälls" folds to "hålls": a word)
    assert understand("Perssons grupper", now=NOW, vocabulary=vocabulary).person == "Eva Persson"


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("vem ledde mötet?", "meeting_roles"),
        ("vem ledde mötet 8 september 2023?", "meeting_roles"),
        ("who led the meeting on 29 May 2026?", "meeting_roles"),
        ("vem leder implementeringen av nya överenskommelsen?", "search"),
        ("vem leder fokusgrupperna?", "search"),
        ("vem ledde workshopen om samledning?", "search"),
        ("who leads the focus groups?", "search"),
    ],
)
def test_who_leads(question: str, intent: str) -> None:
    assert ask(question).intent == intent


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("Vilka kommuner deltar i CROSS?", "search"),  # the project, not the latest meeting
        ("vilka deltar i styrgruppen?", "search"),
        ("vilka kommuner deltog på mötet?", "attendance"),
        ("vilka deltog i mötet 29 maj?", "attendance"),
        ("who took part in the meeting?", "attendance"),
        ("vilka deltar i chefsgruppen?", "attendance"),
    ],
)
def test_taking_part_in_a_project(question: str, intent: str) -> None:
    assert ask(question).intent == intent
