"""A tester's third round, answered: the real minutes (a joint meeting's lists one
by one, informal questions, what a person presented, a reported decision, a
two-day meeting) and minutes of other layouts (a chair who was absent, organisations
by their place, a group by a compound of its name, a nämnd's meetings in a year)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from bot.answers import Answer, AskContext
from bot.assistant import Assistant
from storage.parsing.records import STOCKHOLM
from tests.answering.conftest import Ask, assistant_over

# -- the real minutes -------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "present_in", "struck_in"),
    [
        ("Var Jerry Karjalainen med 20 september 2024?", "social välfärd", "folkhälsa"),
        ("Var Monika Klockars närvarande 2024-09-20?", "folkhälsa", "social välfärd"),
    ],
)
def test_a_joint_meeting_answers_per_list(
    ask: Ask, question: str, present_in: str, struck_in: str
) -> None:
    answer = ask(question)
    assert answer.intent == "attendance" and answer.text.startswith("Delvis")
    there, _, away = answer.text.partition(" men ")
    assert present_in in there and struck_in in away and "struken" in away
    assert {p.present for p in answer.people} == {True, False}


def test_one_list_of_a_joint_meeting_asked_by_its_group(ask: Ask) -> None:
    answer = ask("Var Jerry Karjalainen med på folkhälsorådet 20 september 2024?")
    assert answer.text.startswith("Nej") and "social välfärd" not in answer.text


@pytest.mark.parametrize("question", ["vem var borta 29 maj", "who was away on 29 May?"])
def test_away_is_absent(ask: Ask, question: str) -> None:
    answer = ask(question)
    assert answer.intent == "attendance" and "Karin Haster" in answer.text
    assert all(p.present is False for p in answer.people)


def test_the_councils_met_last_on_their_joint_meeting(ask: Ask) -> None:
    answer = ask("När träffades de specifika samverkansråden senast?")
    assert answer.found and "20 september 2024" in answer.text
    assert "kommande" not in answer.text and answer.text.count("20 september 2024") == 1


def test_a_decision_reported_is_quoted_not_denied(ask: Ask) -> None:
    answer = ask("Beslutades något om HLR vid palliativ vård?")
    assert answer.intent == "decisions" and not answer.decisions
    assert "SAMS-gruppen förslag till riktlinje ang. HLR vid palliativ vård antagen" in answer.text
    assert "rapporteras" in answer.text
    assert [(s.meeting_date, s.item) for s in answer.sources] == [("2026-05-29", "4")]


@pytest.mark.parametrize(
    "question", ["Vilka ärenden föredrog Jan Sundelius?", "What did Jan Sundelius present?"]
)
def test_what_a_person_presented_across_meetings(ask: Ask, question: str) -> None:
    answer = ask(question)
    assert answer.intent == "agenda" and answer.found
    days = [s.meeting_date for s in answer.sources]
    assert days == sorted(days, reverse=True)  # newest first
    assert {"2026-05-29", "2023-09-08", "2022-10-13"} == set(days)
    assert ("2023-09-08", "11") in {(s.meeting_date, s.item) for s in answer.sources}
    assert "Liv och hälsa ung" not in answer.text  # Carina Persson's


def test_presented_in_a_year(ask: Ask) -> None:
    answer = ask("vilka punkter presenterade jan sundelius 2023")
    assert {s.meeting_date for s in answer.sources} == {"2023-09-08"}


def test_a_two_day_meeting_ends_with_its_last_day(ask: Ask) -> None:
    answer = ask("Vilka möten hade chefsgruppen 2022?")
    internat = next(m for m in answer.meetings if m.start.startswith("2022-10-13"))
    assert internat.end == "2022-10-15T00:00:00+02:00"


def test_the_meeting_today_is_the_one_under_way(ask: Ask) -> None:
    answer = ask("Vilka är med på mötet idag?", now="2022-10-14T10:00:00")
    assert answer.intent == "attendance" and answer.found
    assert "13 oktober 2022" in answer.text and "inga protokoll" not in answer.text


def test_each_representative_once_per_group_and_meeting(ask: Ask) -> None:
    answer = ask("Vem representerar Hallsberg?")
    keys = [(p.name, p.group, p.meeting_date) for p in answer.people]
    assert len(keys) == len(set(keys))
    siw = [p for p in answer.people if p.name == "Siw Lunader"]
    assert len(siw) == 2 and {p.role for p in siw} == {"ledamot"}


def test_a_town_is_not_a_lansdel(ask: Ask) -> None:
    answer = ask("Vem representerar Västerås?")
    assert "Länsdel" not in answer.text and not answer.found


# -- other layouts ----------------------------------------------------------------

NOW = AskContext(now=datetime(2026, 11, 22, 10, 0, tzinfo=STOCKHOLM))

HJALPMEDEL = """# Gemensamma nämnden för hjälpmedel i Västmanland – Minutes

**Date:** 14 May 2025, 13:00–15:00
**Location:** Microsoft Teams
**Chair:** Per Holm (M), vice ordförande (in place of Anna Lindqvist)
**Minutes taken by:** Tobias Ring
**Justerare:** Johan Ek (KD)

## Närvarolista

| Namn | Organisation | Roll | Närvaro |
|---|---|---|---|
| Anna Lindqvist (S) | Västerås stad | Ordförande | Frånvarande |
| Per Holm (M) | Köpings kommun | Vice ordförande | Närvarande |
| Sara Nyberg (C) | Sala kommun | Ledamot | Närvarande |
| Johan Ek (KD) | Fagersta kommun | Ledamot | Närvarande |
| Tobias Ring | Region Västmanland | Sekreterare | Närvarande |

## 1. Opening of the meeting

Per Holm opened the meeting and welcomed everyone.
"""
BARNHALSA = """Minnesanteckningar

Länsgruppen för barnhälsa, 2026-11-05

Tid: 2026-11-05 kl. 9.30–12.00

Plats: Digitalt via Teams

Närvarande:

Helga Strömkvist, Kumla kommun, ordförande

Yusuf Demir, Laxå kommun

Klara Bergfalk, Lekebergs kommun, sekreterare

1. Val av justerare

Till justerare valdes Yusuf Demir.
"""
# the newest minutes, of another group: what a question naming no group is about
ENGLISH = """Minutes of the meeting of the Regional Steering Group for Digital Health, \
held on 12 November 2026 at 10:00–12:30, Conference room Tellus, Örebro

Present:
Margaret Olofsson, Region Örebro län (Chair)
Peter Wennström, Hallsbergs kommun (Secretary)

1. Remote monitoring pilot
Justerare: Peter Wennström
"""
SOCIAL = """PROTOKOLL

Socialnämnden i Karlskoga kommun

Sammanträdesdatum: 21 oktober 2026

Plats och tid: Folkets hus, kl. 14.00–16.30

Beslutande:
Birgitta Hellkvist (S), ordförande
Olle Sand (M)

Sekreterare: Karin Ny

§ 114 Sammanträdesplan 2027
Nämnden fastställer sammanträdesplanen för 2027: 20 januari, 17 februari, 24 mars och \
21 april 2027, kl. 14.00.
"""


@pytest.fixture
def assistant(db_url: str, tmp_path: Path) -> Iterator[Assistant]:
    files = {
        "hjalpmedel.md": HJALPMEDEL,
        "barnhalsa.md": BARNHALSA,
        "english.md": ENGLISH,
        "social.md": SOCIAL,
    }
    with assistant_over(db_url, tmp_path, files) as assistant:
        yield assistant


def _ask(assistant: Assistant, question: str) -> Answer:
    return assistant.answer(question, NOW)


@pytest.mark.parametrize(
    ("question", "chair", "away"),
    [
        ("Who chaired the meeting on 14 May 2025?", "Per Holm", "in place of Anna Lindqvist"),
        ("Vem var ordförande 14 maj 2025?", "Per Holm", "i stället för Anna Lindqvist"),
    ],
)
def test_an_absent_chair_did_not_chair(
    assistant: Assistant, question: str, chair: str, away: str
) -> None:
    answer = _ask(assistant, question)
    assert answer.intent == "meeting_roles"
    assert chair in answer.text and away in answer.text
    assert [p.name for p in answer.people] == [chair]


@pytest.mark.parametrize(
    ("question", "organization", "person"),
    [
        ("Vem representerar Västerås?", "Västerås stad", "Anna Lindqvist"),
        ("Vem representerar Sala?", "Sala kommun", "Sara Nyberg"),
        ("vem representerar koping", "Köpings kommun", "Per Holm"),
    ],
)
def test_a_place_outside_the_region_by_its_organisation(
    assistant: Assistant, question: str, organization: str, person: str
) -> None:
    answer = _ask(assistant, question)
    assert answer.found and answer.text.startswith(f"{organization} representeras av")
    assert [p.name for p in answer.people] == [person]
    assert "Länsdel" not in answer.text


def test_a_group_by_the_compound_of_its_name(assistant: Assistant) -> None:
    answer = _ask(assistant, "Vem var justerare i barnhälsogruppen?")
    assert answer.found and "Yusuf Demir" in answer.text
    assert "Länsgruppen för barnhälsa" in answer.text


def test_when_a_namnd_meets_in_a_year(assistant: Assistant) -> None:
    answer = _ask(assistant, "När sammanträder socialnämnden i Karlskoga 2027?")
    assert answer.intent == "meetings"
    assert [m.start[:10] for m in answer.meetings] == [
        "2027-01-20",
        "2027-02-17",
        "2027-03-24",
        "2027-04-21",
    ]
