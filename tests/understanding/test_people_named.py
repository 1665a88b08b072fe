"""Hyphenated and shared names, several meeting roles at once, officials, and a
municipality asked about at one meeting."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from bot.understanding import Vocabulary, understand
from bot.understanding.text import read_words
from tests.understanding.asking import NOW, ask, check

PEOPLE = Vocabulary.build(
    people=[
        "Ann-Mari Gustafsson",
        "Madde Gustafsson",
        "Marie-Louise Forsberg Fransson",
        "Lena Jonsson-Arndt",
        "Pia-Maria Johansson",
        "Tina Johansson",
        "Madelene Johanson",
    ]
)


def asked(text: str) -> Any:
    return understand(text, now=NOW, vocabulary=PEOPLE)


@pytest.mark.parametrize(
    ("question", "person"),
    [
        ("Vem är Ann-Mari Gustafsson?", "Ann-Mari Gustafsson"),
        ("vem ar ann mari gustavsson", "Ann-Mari Gustafsson"),
        ("vem ar ann-mari gustavsson", "Ann-Mari Gustafsson"),
        ("Vem är Marie-Louise Forsberg-Fransson?", "Marie-Louise Forsberg Fransson"),
        ("vem är marie-louise forsberg-franson", "Marie-Louise Forsberg Fransson"),
        ("Vem är Lena Jonsson Arndt?", "Lena Jonsson-Arndt"),
        ("Who is Pia-Maria Johansson?", "Pia-Maria Johansson"),
        # a near full name wins over another person's surname written exactly so
        ("vem ar pia maria johanson", "Pia-Maria Johansson"),
        ("vem är johanson", "Madelene Johanson"),
    ],
)
def test_hyphenated_names_are_found_whole(question: str, person: str) -> None:
    check(asked(question), {"intent": "person", "person": person})


@pytest.mark.parametrize(
    ("question", "surname"),
    [("Vem är Johansson?", "Johansson"), ("vem ar gustavsson", "Gustafsson")],
)
def test_a_shared_surname_stays_a_surname(question: str, surname: str) -> None:
    """Several people answer to it: the core lists them all."""
    check(asked(question), {"intent": "person", "person": surname})


@pytest.mark.parametrize(
    "question",
    [
        "Var Marie-Louise Forsberg-Fransson med 29 maj 2026?",
        "var marie-louise forsberg fransson med på mötet 29 maj 2026",
        "Var Madde Gustafsson med 29 maj 2026?",
    ],
)
def test_was_a_person_there(question: str) -> None:
    check(asked(question), {"intent": "attendance", "date": date(2026, 5, 29)})
    assert asked(question).person in ("Marie-Louise Forsberg Fransson", "Madde Gustafsson")


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Var Hällefors representerat på mötet 29 maj 2026?", {"municipality": "Hällefors"}),
        ("var hallefors representerad pa motet 2026-05-29", {"municipality": "Hällefors"}),
        ("Was Hällefors represented at the meeting on 29 May 2026?", {"language": "en"}),
        ("Var Hällefors med på mötet 29 maj 2026?", {"municipality": "Hällefors"}),
        ("Var Kumla närvarande 8 september 2023?", {"municipality": "Kumla"}),
        ("Var RF-SISU med på mötet 20 september 2024?", {"organization": "RF-SISU"}),
    ],
)
def test_a_municipality_at_one_meeting(question: str, expected: dict[str, Any]) -> None:
    check(ask(question), {"intent": "attendance", "person": None, **expected})


@pytest.mark.parametrize(
    "question",
    ["Vem representerar Hällefors?", "Vem representerade Kumla 2023?", "vem sitter för kumla"],
)
def test_representatives_without_a_meeting_stay_so(question: str) -> None:
    check(ask(question), {"intent": "representatives"})


@pytest.mark.parametrize(
    ("question", "roles"),
    [
        ("Vem var ordförande och sekreterare 20 september 2024?", ("ordförande", "sekreterare")),
        ("vem var ordf, sekr och justerare 2023-09-08", ("ordförande", "sekreterare", "justerare")),
        (
            "Who chaired and who took the minutes on 20 September 2024?",
            ("ordförande", "sekreterare"),
        ),
        ("vem var vice ordförande", ("vice ordförande",)),
        ("vem var ordförande", ("ordförande",)),
    ],
)
def test_several_meeting_roles(question: str, roles: tuple[str, ...]) -> None:
    check(ask(question), {"intent": "meeting_roles", "roles": roles, "role": roles[0]})


@pytest.mark.parametrize(
    "question",
    [
        "Vilka tjänstepersoner deltog 20 september 2024?",
        "vilka tjanstepersoner var med 2024-09-20",
        "Which officials attended on 20 September 2024?",
    ],
)
def test_officials(question: str) -> None:
    check(ask(question), {"intent": "attendance", "role": "tjänsteperson"})


def test_a_hyphenated_token_is_compared_word_by_word() -> None:
    found = PEOPLE.find(read_words("vem är ann-mari gustafson").tokens)
    assert found.person == "Ann-Mari Gustafsson"
