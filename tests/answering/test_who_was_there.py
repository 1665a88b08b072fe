"""Whether one person was at a meeting, members of a group, representatives by
länsdel and organisation, role and way filters, and answers given once."""

from __future__ import annotations

import pytest

from tests.answering.conftest import Ask


def names(answer) -> list[str]:  # type: ignore[no-untyped-def]
    return [p.name for p in answer.people]


@pytest.mark.parametrize(
    "question",
    [
        "Var Karin Haster med på mötet 29 maj 2026?",
        "var karin haster med pa motet 29 maj 2026",
        "Was Karin Haster present on 29 May 2026?",
        "Deltog Karin Haster den 29 maj 2026?",
    ],
)
def test_a_struck_person_was_absent(ask: Ask, question: str) -> None:
    answer = ask(question)
    assert answer.intent == "attendance"
    assert names(answer) == ["Karin Haster"] and answer.people[0].present is False
    assert answer.text.startswith(("Nej", "No"))
    assert answer.sources[0].meeting_date == "2026-05-29"


@pytest.mark.parametrize(
    "question",
    [
        "Was Patrik Jonsson present on 8 September 2023?",
        "var patrik jonsson med pa motet 2023-09-08",
    ],
)
def test_a_listed_person_was_present(ask: Ask, question: str) -> None:
    answer = ask(question)
    assert names(answer) == ["Patrik Jonsson"] and answer.people[0].present is True
    assert answer.text.startswith(("Ja", "Yes")) and "Örebro kommun" in answer.text


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("Var Peter Björklund med på mötet 29 maj 2026?", "inte med i deltagarlistan"),
        ("var anna ek med pa motet 29 maj 2026", "Anna Ek finns inte med"),
        ("Was Anna Ek present at the last meeting?", "Anna Ek is not listed"),
    ],
)
def test_a_person_not_on_the_list(ask: Ask, question: str, said: str) -> None:
    answer = ask(question)
    assert answer.intent == "attendance" and not answer.people and said in answer.text
    assert answer.sources[0].meeting_date == "2026-05-29"


@pytest.mark.parametrize(
    "question",
    [
        "Vilka är med i chefsgrupp folkhälsa?",
        "vilka ar med i chefsgrupp folkhalsa",
        "who is in chefsgrupp folkhälsa",
        "members of chefsgrupp folkhälsa",
    ],
)
def test_members_of_a_group(ask: Ask, question: str) -> None:
    answer = ask(question)
    assert answer.intent == "representatives" and answer.found
    members = {p.name: p.present for p in answer.people}
    assert members["Ingmar Ångman"] is True and members["Peter Björklund"] is False
    assert "Lisa Max" in members and "folkhälsochef norra länsdelen" in answer.text
    assert answer.sources[0].meeting_date == "2020-03-20"


def test_representatives_leave_guests_out_and_absentees_in(ask: Ask) -> None:
    answer = ask("Vem representerar Region Örebro län i chefsgruppen?")
    found = {p.name: p for p in answer.people}
    for member in ("Lise Bergman Nordgren", "Katrin Eriksson", "Karolina Strid", "Ingmar Ångman"):
        assert member in found
    assert found["Karin Haster"].present is False and "frånvarande" in answer.text
    assert "Ammi Gustafsson" not in found and "Maria Lindborg" not in found
    assert "gäst" not in answer.text


@pytest.mark.parametrize(
    ("question", "lansdel", "titled"),
    [
        ("Vem representerar norra länsdelen?", "Norr", "Peter Björklund"),
        ("vem representerar norra lansdelen", "Norr", "Peter Björklund"),
        ("Vem representerar södra länsdelen?", "Söder", "Lisa Max"),
        ("Vem representerar Väster?", "Väster", "Cecilia Ljung"),
        ("who represents the western part of the county", "Väster", "Cecilia Ljung"),
    ],
)
def test_lansdel(ask: Ask, question: str, lansdel: str, titled: str) -> None:
    answer = ask(question)
    assert answer.intent == "representatives"
    assert f"Länsdel {lansdel}" in answer.text or f"The {lansdel} part" in answer.text
    assert titled in names(answer)


def test_norra_is_not_nora(ask: Ask) -> None:
    answer = ask("Vem representerar norra länsdelen?")
    for municipality in ("Hällefors", "Lindesberg", "Ljusnarsberg", "Nora"):
        assert f"{municipality} representeras av" in answer.text


def test_lansdel_orebro(ask: Ask) -> None:
    answer = ask("Vem representerar länsdel Örebro?")
    assert "Länsdel Örebro: Örebro och Lekeberg" in answer.text


def test_a_person_known_by_title(ask: Ask) -> None:
    answer = ask("Vem är Peter Björklund?")
    assert "folkhälsochef norra länsdelen" in answer.text and "okänd" not in answer.text


def test_joint_groups_once(ask: Ask) -> None:
    text = ask("vem ar siw lunander").text
    assert text.count("Specifika samverkansrådet för folkhälsa") == 1


@pytest.mark.parametrize(
    "question", ["Vilka gäster var med den 29 maj?", "who were the guests on 29 May 2026"]
)
def test_guests(ask: Ask, question: str) -> None:
    answer = ask(question)
    assert len(answer.people) == 7 and {p.role for p in answer.people} == {"gäst"}
    assert "Ammi Gustafsson" in names(answer)


@pytest.mark.parametrize("question", ["Vem deltog via Skype?", "who took part via skype"])
def test_way_of_taking_part(ask: Ask, question: str) -> None:
    answer = ask(question)
    assert names(answer) == ["Cecilia Ljung"]
    assert answer.sources[0].meeting_date == "2020-03-20" and "Skype" in answer.text


def test_representatives_as_of_now(ask: Ask) -> None:
    answer = ask("Vem representerar Karlskoga?", now="2023-05-01T10:00")
    assert answer.found and {p.meeting_date for p in answer.people} <= {"2022-10-13"}
    assert "2026" not in answer.text


@pytest.mark.parametrize(
    "question",
    [
        "Vem var ordförande för de specifika samverkansråden 2024?",
        "vem var sekreterare för de specifika samverkansråden 2024",
    ],
)
def test_joint_meeting_answered_once(ask: Ask, question: str) -> None:
    text = ask(question).text
    assert text.count("Källa:") == 1


def test_joint_meeting_decisions_once(ask: Ask) -> None:
    answer = ask("Vad beslutade specifika samverkansråden 2024?")
    lines = [line for line in answer.text.splitlines() if line.startswith("•")]
    assert len(lines) == len(set(lines)) >= 1


def test_hyphen_kept_on_its_word(ask: Ask) -> None:
    answer = ask("Vad beslutades om hälso- och sjukvård i hemmet?")
    assert "hälso- och sjukvård" in answer.text.splitlines()[0]


def test_members_of_one_council_of_a_joint_meeting_are_its_own(ask: Ask) -> None:
    """The 2024 minutes list both councils: members of one are that council's list."""
    answer = ask("Vilka är ledamöter i specifika samverkansrådet för folkhälsa?")
    names = {p.name for p in answer.people}
    assert "Bechet Barsom" in names and "Caroline Dieker" in names
    assert "Jenny Steen" not in names and "Jessica Ekerbring" not in names
    other = ask("Vilka är med i specifika samverkansrådet för social välfärd?")
    assert "Jenny Steen" in {p.name for p in other.people}


def test_which_municipalities_were_there(ask: Ask) -> None:
    answer = ask("vilka kommuner deltog 2024?")
    assert answer.intent == "attendance"
    assert answer.text.splitlines()[0].endswith(
        "(12 av 12): Askersund, Degerfors, Hallsberg, Hällefors, Karlskoga, Kumla, Laxå, "
        "Lekeberg, Lindesberg, Ljusnarsberg, Nora och Örebro."
    )
    assert {p.meeting_date for p in answer.people} == {"2024-09-20"}
    assert all(p.present for p in answer.people)


def test_which_municipalities_were_missing(ask: Ask) -> None:
    answer = ask("vilka kommuner saknades på mötet 29 maj 2026?")
    lines = answer.text.splitlines()
    assert lines[0] == (
        "Ingen närvarande från: Askersund, Hällefors (anmäld frånvaro), Kumla, Laxå, "
        "Lekeberg och Ljusnarsberg."
    )
    assert lines[1].endswith(
        "(6 av 12): Degerfors, Hallsberg, Karlskoga, Lindesberg, Nora och Örebro."
    )
    # listed with no organisation: said, not taken to be absent
    assert lines[2].startswith("6 närvarande står utan organisation i listan")
    assert [s.meeting_date for s in answer.sources] == ["2026-05-29"]


def test_which_municipalities_in_english(ask: Ask) -> None:
    answer = ask("which municipalities attended on 8 September 2023?")
    assert answer.text.startswith("Municipalities present at ")
    assert "(12 of 12)" in answer.text and "Nobody present from" not in answer.text


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "vem är ersättare för Örebro?",
            {("Erik Sjöberg", "ersättare"), ("Christina Håkansson", "ersättare")},
        ),
        (
            "vilka ledamöter har Örebro kommun i ssr folkhälsa?",
            {("Jimmy Nordengren", "ledamot")},
        ),
        (
            "who are the substitutes for Nora?",
            {("Eva Karlsson", "ersättare"), ("Pia-Maria Johansson", "ersättare")},
        ),
    ],
)
def test_representatives_in_the_seat_asked(
    ask: Ask, question: str, expected: set[tuple[str, str]]
) -> None:
    answer = ask(question)
    assert answer.intent == "representatives" and answer.found
    assert {(p.name, p.role) for p in answer.people} == expected


def test_no_one_in_the_seat_asked_says_so_and_lists_who_is(ask: Ask) -> None:
    answer = ask("vem är ersättare för Kumla i chefsgruppen?")
    lines = answer.text.splitlines()
    assert lines[0] == (
        "Jag hittar inga ersättare för Kumla i Chefsgrupp för samverkan social välfärd samt "
        "vård och omsorg i protokollen."
    )
    assert "Malin Bäcklund (ledamot)" in lines[2]


def test_no_one_in_a_role_at_a_meeting_is_said_plainly(ask: Ask) -> None:
    answer = ask("vilka gäster var med 2024?")
    assert answer.text.endswith("fredag 20 september 2024 anger inga gäster.")
    assert answer.people == []
