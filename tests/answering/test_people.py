"""Chairs, secretaries, justerare, attendance and representatives."""

from __future__ import annotations

import pytest

from tests.answering.conftest import Ask


def names(answer) -> list[str]:  # type: ignore[no-untyped-def]
    return [p.name for p in answer.people]


@pytest.mark.parametrize(
    ("question", "who"),
    [
        ("Who chaired the meeting on 20 September 2024?", "Bechet Barsom"),
        ("vem var ordförande 20 september 2024", "Bechet Barsom"),
        ("vem var ordf på mötet 2024-09-20", "Bechet Barsom"),
        ("vem var ordförande 29 maj 2026", "Ingmar Ångman"),
        ("Vem var sekreterare på mötet 13 oktober 2022?", "Linnea Hedkvist"),
        ("who took the minutes on 8 September 2023", "Kristin Gustafsson"),
        ("vem skrev protokollet 20 mars 2020", "Linnea Hedkvist"),
        ("vem justerade protokollet 2024-09-20", "Siw Lunader"),
    ],
)
def test_roles(ask: Ask, question: str, who: str) -> None:
    answer = ask(question)
    assert answer.intent == "meeting_roles"
    assert names(answer) == [who] or who in names(answer)
    assert who in answer.text
    assert answer.sources


@pytest.mark.parametrize(
    "question",
    [
        "Vilka var frånvarande på mötet den 29 maj 2026?",
        "vilka var franvarande 29/5 2026",
        "who was absent on 29 May 2026?",
        "vilka saknades på mötet 2026-05-29",
    ],
)
def test_absent(ask: Ask, question: str) -> None:
    answer = ask(question)
    absent = names(answer)
    for name in ("Karin Haster", "Patrik Jonsson", "Stefan Nilsson", "Mary Lind Dalevi"):
        assert name in absent
    for name in ("Annika Roman", "Jaana Jansson", "Ingmar Ångman"):
        assert name not in absent
    assert all(p.present is False for p in answer.people)


def test_present(ask: Ask) -> None:
    answer = ask("who attended the meeting on 20 March 2020")
    present = names(answer)
    assert "Ingmar Ångman" in present and "Margareta Johansson" in present
    assert "Peter Björklund" not in present  # struck in the list


@pytest.mark.parametrize(
    ("question", "include"),
    [
        ("Vem representerar Karlskoga?", ["Eva Persson", "Lena Jonsson-Arndt", "Amanda Lindgren"]),
        ("vem representerar karlskgoa", ["Eva Persson"]),
        ("Vem representerar Nora?", ["Fredrik Bergström", "Anna Karlsson"]),
        ("who represents Kumla?", ["Malin Bäcklund", "Annica Sjöqvist"]),
        ("vem företräder Hällefors", ["Christina Kuurne"]),
        ("vem representerar Örebro i ssr folkhälsa", ["Jimmy Nordengren"]),
        ("vem representerar RF-SISU", ["Unnur Tryggvadóttir"]),
    ],
)
def test_representatives(ask: Ask, question: str, include: list[str]) -> None:
    answer = ask(question)
    assert answer.intent == "representatives"
    for name in include:
        assert name in names(answer)
    assert include[0] in answer.text


def test_representative_at_a_past_date(ask: Ask) -> None:
    answer = ask("vem representerade Karlskoga 2022")
    assert names(answer) == ["Helen Willyams"]


def test_municipality_kept_from_earlier_minutes_with_evidence(ask: Ask) -> None:
    answer = ask("Vem representerar Karlskoga i chefsgruppen?")
    eva = next(p for p in answer.people if p.name == "Eva Persson")
    assert eva.organization == "Karlskoga kommun" and eva.meeting_date == "2026-05-29"
    assert "2023-09-08" in answer.text  # where Karlskoga was stated


def test_substitutes_have_their_role(ask: Ask) -> None:
    answer = ask("vem representerar Karlskoga i specifika samverkansrådet för folkhälsa")
    roles = {p.name: p.role for p in answer.people}
    assert roles == {"Amanda Lindgren": "ledamot", "Lena Hagström": "ersättare"}


def test_person(ask: Ask) -> None:
    answer = ask("Vilken organisation tillhör Eva Persson?")
    assert answer.intent == "person" and "Karlskoga kommun" in answer.text
    variant = ask("vem är Jari Mehtälainen")
    assert "Lindesbergs kommun" in variant.text


def test_unknown_person_is_not_invented(ask: Ask) -> None:
    answer = ask("vilken organisation tillhör Greta Garbo?")
    assert answer.people == [] and not answer.found


@pytest.mark.parametrize(
    "question", ["Vem representerar Region Örebro län?", "vem representerar regionen?"]
)
def test_an_organisation_with_letters_beyond_ascii(ask: Ask, question: str) -> None:
    """Compared folded, not with the database's lower() (SQLite's knows ASCII only)."""
    answer = ask(question)
    assert answer.intent == "representatives" and answer.found
    assert "Ingmar Ångman" in names(answer)
    assert {p.organization for p in answer.people} == {"Region Örebro län"}


@pytest.mark.parametrize(
    "question", ["Vilka representerar Söder?", "vem representerar södra länsdelen?"]
)
def test_a_lansdel_is_its_municipalities(ask: Ask, question: str) -> None:
    answer = ask(question)
    assert answer.intent == "representatives" and answer.found
    assert answer.text.startswith("Länsdel Söder: Askersund, Hallsberg, Kumla och Laxå.")
    organizations = {p.organization for p in answer.people}
    assert {"Kumla kommun", "Hallsbergs kommun"} <= organizations
    assert not organizations & {"Karlskoga kommun", "Nora kommun", "Örebro kommun"}


def test_one_person_with_two_roles_is_named_once(ask: Ask) -> None:
    answer = ask("vem representerar Hallsberg i ssr folkhälsa?")
    assert "Siw Lunader (ledamot, justerare)" in answer.text
    assert answer.text.count("Siw Lunader") == 1


def test_attendance_from_one_municipality(ask: Ask) -> None:
    answer = ask("Vilka var med på mötet 8 september 2023 från Örebro kommun?")
    assert answer.intent == "attendance"
    assert set(names(answer)) == {
        "Annika Roman",
        "Johanna Viberg",
        "Patrik Jonsson",
        "Stefan Nilsson",
    }


def test_the_last_meetings_roles_come_from_its_minutes(ask: Ask) -> None:
    """The last meeting with minutes, not a planned one since: 29 May 2026 names no justerare."""
    answer = ask("Vem var justerare på förra mötet?")
    assert answer.intent == "meeting_roles"
    assert "29 maj 2026" in answer.text and "anger ingen justerare" in answer.text


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("När justerades protokollet från mötet 20 september 2024?", "tisdag 1 oktober 2024"),
        ("nar justerades protokollet 2024-09-20", "tisdag 1 oktober 2024"),
        ("vilket datum justerades protokollet från mötet i september 2024", "1 oktober 2024"),
        ("justeringsdatum för mötet 20/9 2024?", "1 oktober 2024"),
        (
            "When were the minutes of the meeting on 20 September 2024 signed?",
            "Tuesday 1 October 2024 by e-mail",
        ),
        ("on what date were the minutes from 2024-09-20 checked?", "1 October 2024"),
    ],
)
def test_the_day_the_minutes_were_checked(ask: Ask, question: str, said: str) -> None:
    """ "Justerat den: 2024-10-01 via e-post." in the minutes' header, with who checked them."""
    answer = ask(question)
    assert answer.intent == "meeting_roles"
    assert said in answer.text and "Siw Lunader" in answer.text
    assert answer.found and answer.sources[0].meeting_date == "2024-09-20"


def test_minutes_that_do_not_say_when_they_were_checked_are_not_guessed(ask: Ask) -> None:
    answer = ask("När justerades protokollet från mötet 8 september 2023?")
    assert answer.intent == "meeting_roles" and not answer.found
    assert "säger inte när det justerades" in answer.text
    assert "2023-09" not in answer.text.split("8 september 2023", 1)[1]
    english = ask("When were the minutes of the last meeting signed?")
    assert "29 May 2026" in english.text and "do not say when" in english.text


def test_who_checked_the_minutes_is_still_who(ask: Ask) -> None:
    answer = ask("vem justerade protokollet 2024-09-20, och när?")
    assert "Siw Lunader" in answer.text
