"""A group's members asked by role ("vilka är ersättare i folkhälsorådet?"): the list
keeps to the role asked, as the group's latest minutes give it, and says plainly when
they give nobody in that role."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from bot.answers import AskContext
from bot.assistant import Assistant
from storage.parsing.records import STOCKHOLM
from tests.answering.conftest import Ask, assistant_over

# The folkhälsa council's own lists of 20 September 2024 (a joint meeting with the
# social välfärd council, whose lists are its own).
FOLKHALSA_SUBSTITUTES = {
    "Erik König",
    "Anita Bohlin Neuman",
    "Ann-Christine Appelqvist",
    "Christina Kuurne",
    "Lena Hagström",
    "Jan Engman",
    "Elvy Wiklund",
    "Berth Falk",
    "Monika Klockars",
    "Mathias Eriksson",
    "Pia-Maria Johansson",
    "Christina Håkansson",
    "Emma Lado",
}
FOLKHALSA_MEMBERS = {
    "Caroline Dieker",
    "Ann-Christin Pettersson",
    "Siw Lunader",
    "Mattias Kjellberg",
    "Amanda Lindgren",
    "Annica Sjöqvist",
    "Jerry Karjalainen",
    "Kristin Östman",
    "Jari Mehtalainen",
    "Natalie Ström",
    "Anna Karlsson",
    "Jimmy Nordengren",
    "Unnur Tryggvadóttir",
    "Cecilia Lönn-Elgstrand",
}


def names(answer) -> set[str]:  # type: ignore[no-untyped-def]
    return {p.name for p in answer.people}


@pytest.mark.parametrize(
    "question",
    [
        "Vilka är ersättare i folkhälsorådet?",
        "vilka ersatare finns i folkhalsoradet",
        "Who are the substitutes in the public health council?",
        "who are the deputies of ssr folkhälsa",
        "vilka är suppleanter i folkhälsorådet",
    ],
)
def test_the_substitutes_of_a_council(ask: Ask, question: str) -> None:
    answer = ask(question)
    assert answer.intent == "representatives" and answer.found
    assert names(answer) == FOLKHALSA_SUBSTITUTES
    assert answer.text.startswith(
        (
            "Ersättare i Specifika samverkansrådet för folkhälsa enligt mötet fredag 20 september 2024 (13):",
            "Substitutes of Specifika samverkansrådet för folkhälsa as of the meeting on Friday 20 September 2024 (13):",
        )
    )
    assert "Amanda Lindgren" not in answer.text  # a member, not a substitute


@pytest.mark.parametrize(
    "question", ["Vilka ledamöter har folkhälsorådet?", "vilka ar ledamoter i folkhalsoradet"]
)
def test_the_members_of_a_council_with_its_chair(ask: Ask, question: str) -> None:
    answer = ask(question)
    assert answer.intent == "representatives" and answer.found
    # the joint meeting's chair chairs the council too
    assert names(answer) == FOLKHALSA_MEMBERS | {"Bechet Barsom"}
    assert answer.text.startswith("Ledamöter i Specifika samverkansrådet för folkhälsa")
    assert "Siw Lunader (Hallsbergs kommun, justerare)" in answer.text
    assert "Erik König" not in answer.text and "ersättare" not in answer.text


def test_a_chair_seated_as_a_substitute_is_no_member(ask: Ask) -> None:
    """Bechet Barsom chaired the joint meeting, but sits among the social välfärd
    council's substitutes."""
    members = ask("vilka ledamöter har det specifika samverkansrådet för social välfärd?")
    assert members.found and "Jenny Steen" in names(members)
    assert "Bechet Barsom" not in names(members)
    substitutes = ask("vilka är ersättare i det specifika samverkansrådet för social välfärd?")
    assert "Bechet Barsom" in names(substitutes) and "Jenny Steen" not in names(substitutes)


@pytest.mark.parametrize(
    "question", ["Vilka ledamöter har chefsgruppen?", "which members does chefsgruppen have"]
)
def test_the_members_of_a_chefsgrupp(ask: Ask, question: str) -> None:
    answer = ask(question)
    assert answer.found
    found = names(answer)
    assert {"Ingmar Ångman", "Annika Roman", "Karin Haster"} <= found
    # guests and the secretary sit in no seat
    assert not found & {"Jan Sundelius", "Ammi Gustafsson", "Maria Lindborg"}


@pytest.mark.parametrize(
    ("question", "said"),
    [
        (
            "Vilka är ersättare i chefsgruppen?",
            "Protokollet från Chefsgrupp för samverkan social välfärd samt vård och omsorg "
            "fredag 29 maj 2026 anger inga ersättare. Listan har 1 ordförande och 23 ledamöter.",
        ),
        (
            "who are the substitutes in chefsgrupen",
            "The minutes of Chefsgrupp för samverkan social välfärd samt vård och omsorg on "
            "Friday 29 May 2026 list no substitutes. The list has 1 chair and 23 members.",
        ),
    ],
)
def test_nobody_in_the_role_asked_is_said_plainly(ask: Ask, question: str, said: str) -> None:
    answer = ask(question)
    assert answer.intent == "representatives" and not answer.found and not answer.people
    assert answer.text.splitlines()[0] == said
    assert [s.meeting_date for s in answer.sources] == ["2026-05-29"]


def test_members_without_a_role_are_all_seats(ask: Ask) -> None:
    answer = ask("Vilka är med i folkhälsorådet?")
    assert names(answer) == FOLKHALSA_MEMBERS | FOLKHALSA_SUBSTITUTES | {"Bechet Barsom"}


NAMND = """PROTOKOLL

Socialnämnden i Karlskoga kommun

Sammanträdesdatum: 10 november 2026

Plats och tid: Folkets hus, kl. 14.00–16.30

Beslutande:
Birgitta Hellkvist (S), ordförande
Olle Sand (M)

Tjänstgörande ersättare:
Eva Ek (V)

Ersättare:
Karl Berg (S)

Sekreterare: Karin Ny

§ 12 Val av justerare
Olle Sand (M) utses att jämte ordföranden justera dagens protokoll.
"""


@pytest.fixture
def namnd(db_url: str, tmp_path: Path) -> Iterator[Assistant]:
    with assistant_over(db_url, tmp_path, {"namnd.md": NAMND}) as assistant:
        yield assistant


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Vilka är ersättare i socialnämnden?", {"Eva Ek", "Karl Berg"}),
        ("who are the substitutes in socialnamnden", {"Eva Ek", "Karl Berg"}),
        ("Vilka ledamöter har socialnämnden?", {"Birgitta Hellkvist", "Olle Sand"}),
    ],
)
def test_a_serving_substitute_is_a_substitute(
    namnd: Assistant, question: str, expected: set[str]
) -> None:
    answer = namnd.answer(question, AskContext(now=datetime(2026, 11, 22, tzinfo=STOCKHOLM)))
    assert answer.found and names(answer) == expected
    assert "Karin Ny" not in answer.text  # the secretary has no seat
