"""People by hyphenated or shared names, names only in an item's text, a
municipality at one meeting, several meeting roles, officials, and the group of
every listing (the real minutes)."""

from __future__ import annotations

import pytest

from tests.answering.conftest import Ask

SSR_BOTH = (
    "Specifika samverkansrådet för social välfärd samt vård och omsorg, "
    "Specifika samverkansrådet för folkhälsa"
)
CHEFSGRUPP = "Chefsgrupp för samverkan social välfärd samt vård och omsorg"


def names(answer) -> list[str]:  # type: ignore[no-untyped-def]
    return [p.name for p in answer.people]


@pytest.mark.parametrize(
    ("question", "person", "org"),
    [
        ("Vem är Ann-Mari Gustafsson?", "Ann-Mari Gustafsson", "Lekebergs kommun"),
        ("Vem är Marie-Louise Forsberg Fransson?", "Marie-Louise Forsberg Fransson", "Degerfors"),
        ("vem ar marie-louise forsberg-fransson", "Marie-Louise Forsberg Fransson", "Degerfors"),
        ("Vem är Lena Jonsson-Arndt?", "Lena Jonsson-Arndt", "Karlskoga kommun"),
        ("Vem är Ann-Christine Appelqvist?", "Ann-Christine Appelqvist", "Hallsbergs kommun"),
        ("Who is Pia-Maria Johansson?", "Pia-Maria Johansson", "Nora kommun"),
        ("vem ar ann-mari gustavsson", "Ann-Mari Gustafsson", "Lekebergs kommun"),
    ],
)
def test_hyphenated_names(ask: Ask, question: str, person: str, org: str) -> None:
    answer = ask(question)
    assert answer.intent == "person" and answer.found
    assert set(names(answer)) == {person}
    assert answer.text.startswith(person) and org in answer.text


def test_a_hyphen_between_surnames_at_a_meeting(ask: Ask) -> None:
    answer = ask("Var Marie-Louise Forsberg-Fransson med 29 maj 2026?")
    assert answer.intent == "attendance" and answer.text.startswith("Ja")
    assert names(answer) == ["Marie-Louise Forsberg Fransson"] and answer.people[0].present
    assert answer.people[0].group == CHEFSGRUPP


@pytest.mark.parametrize(
    ("question", "people"),
    [
        (
            "Vem är Johansson?",
            {"Tina Johansson", "Pia-Maria Johansson", "Therese Johansson", "Margareta Johansson"},
        ),
        (
            "vem ar gustafson",
            {"Madde Gustafsson", "Ammi Gustafsson", "Kristin Gustafsson", "Ann-Mari Gustafsson"},
        ),
    ],
)
def test_a_shared_surname_lists_each_person(ask: Ask, question: str, people: set[str]) -> None:
    answer = ask(question)
    assert answer.intent == "person" and set(names(answer)) == people
    lines = answer.text.splitlines()
    for person in people:  # each on a line of their own, with their own organisation
        assert sum(line.startswith(f"• {person}:") for line in lines) == 1
    tina = next(line for line in lines if "Tina Johansson" in line or "Madde" in line)
    assert "tidigare även" not in tina and "RF-SISU" not in tina and "Lekeberg" not in tina


@pytest.mark.parametrize(
    ("question", "meeting_date", "item", "said"),
    [
        ("Vem är Johanna Thybell?", "2023-09-08", "5", "finns inte med i någon deltagarlista"),
        ("Vem är Richard Forsman?", "2023-09-08", "8", "Richard Forsman från Karlskoga"),
        ("Who is Albin Algotson?", "2024-09-20", "5", "not in any attendance list"),
    ],
)
def test_a_name_in_an_items_text(
    ask: Ask, question: str, meeting_date: str, item: str, said: str
) -> None:
    answer = ask(question)
    assert answer.intent == "person" and answer.found and not answer.people
    assert said in answer.text
    assert (answer.sources[0].meeting_date, answer.sources[0].item) == (meeting_date, item)


def test_a_name_nowhere(ask: Ask) -> None:
    answer = ask("Vem är Nisse Hult?")
    assert not answer.found and "hittar ingen Nisse Hult" in answer.text


@pytest.mark.parametrize(
    "question",
    [
        "Var Hällefors representerat på mötet 29 maj 2026?",
        "var hallefors med pa motet 2026-05-29",
        "Was Hällefors represented at the meeting on 29 May 2026?",
    ],
)
def test_a_municipality_absent_from_one_meeting(ask: Ask, question: str) -> None:
    answer = ask(question)
    assert answer.intent == "attendance" and answer.text.startswith(("Nej", "No"))
    assert names(answer) == ["Daniel Åhnberg"] and answer.people[0].present is False
    assert answer.sources[0].meeting_date == "2026-05-29"


def test_a_municipality_present_at_one_meeting(ask: Ask) -> None:
    answer = ask("Var Kumla representerat på mötet 8 september 2023?")
    assert answer.text.startswith("Ja") and "Malin Bäcklund" in answer.text
    assert all(p.present for p in answer.people)


def test_an_organisation_at_one_meeting(ask: Ask) -> None:
    answer = ask("Var RF-SISU med på mötet 20 september 2024?")
    assert answer.text.startswith("Ja") and names(answer) == ["Unnur Tryggvadóttir"]


def test_chair_and_secretaries(ask: Ask) -> None:
    answer = ask("Vem var ordförande och sekreterare 20 september 2024?")
    assert answer.intent == "meeting_roles"
    roles = {(p.name, p.role) for p in answer.people}
    assert roles == {
        ("Bechet Barsom", "ordförande"),
        ("Maria Lindborg", "sekreterare"),
        ("Malin Duckert Ek", "sekreterare"),
    }
    assert "Ordförande: Bechet Barsom" in answer.text and "Sekreterare: " in answer.text
    assert {p.group for p in answer.people} == {SSR_BOTH}


def test_officials(ask: Ask) -> None:
    answer = ask("Vilka tjänstepersoner deltog 20 september 2024?")
    assert answer.intent == "attendance"
    assert names(answer) == [
        "Ingmar Ångman",
        "Panagiota Lazarido",
        "Maria Lindborg",
        "Malin Duckert Ek",
        "Anna Swift Johannison",
    ]


@pytest.mark.parametrize(
    "question",
    [
        "vilka deltog 2024-09-20",
        "vem var ordförande 20 september 2024",
        "var karin haster med på mötet 29 maj 2026",
        "vem justerade protokollet 2024-09-20",
    ],
)
def test_every_listing_has_a_group(ask: Ask, question: str) -> None:
    answer = ask(question)
    assert answer.people and all(p.group for p in answer.people)
