"""Attendance counted over meetings: who was absent most often, how many meetings a
person or a municipality took part in, per group and period, in Swedish and English."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from bot.answers import Answer, AskContext
from bot.assistant import Assistant
from bot.understanding import understand
from storage.parsing.records import STOCKHOLM
from tests.answering.conftest import Ask, assistant_over
from tests.conftest import NOW


def _minutes(day: str, present: list[str], absent: list[str]) -> str:
    lines = [
        "Kommunstyrelsens arbetsutskott, Kumla kommun",
        f"PROTOKOLL {day}",
        "",
        "Tid och plats: Kl. 08.30–11.00, Kommunhuset",
        "",
        "Närvarande",
        *present,
        "",
        "Anmält förhinder",
        *absent,
        "",
        "§ 1 Mötets öppnande",
        "Ordföranden öppnade mötet.",
        "",
    ]
    return "\n".join(lines)


# Anna is away twice, Bo once; Cecilia (Laxå, named without her organisation in
# October) is there every time; nobody from Hallsberg comes in October.
FILES = {
    "au_2026-08-18.txt": _minutes(
        "2026-08-18",
        ["Cecilia Ceder, Laxå kommun", "Bo Berg, Hallsbergs kommun", "Dan Dahl, Kumla kommun"],
        ["Anna Ahl, Kumla kommun"],
    ),
    "au_2026-09-15.txt": _minutes(
        "2026-09-15",
        ["Cecilia Ceder, Laxå kommun", "Anna Ahl, Kumla kommun", "Bo Berg, Hallsbergs kommun"],
        ["Dan Dahl, Kumla kommun"],
    ),
    "au_2026-10-13.txt": _minutes(
        "2026-10-13", ["Cecilia Ceder", "Dan Dahl, Kumla kommun"], ["Anna Ahl", "Bo Berg"]
    ),
}
CONTEXT = AskContext(now=datetime(2026, 11, 2, 10, tzinfo=STOCKHOLM))


@pytest.fixture
def committee(db_url: str, tmp_path: Path) -> Iterator[Assistant]:
    with assistant_over(db_url, tmp_path, FILES) as assistant:
        yield assistant


def _ask(assistant: Assistant, question: str, context: AskContext = CONTEXT) -> Answer:
    return assistant.answer(question, context)


@pytest.mark.parametrize(
    "question",
    [
        "Vem har varit frånvarande flest gånger?",
        "vem har varit franvarande flest ganger",
        "vem missar oftast möten?",
        "vem har vart frånvarnde flest ggr?",
        "Who has missed the most meetings?",
        "who was absent most often?",
    ],
)
def test_the_most_absent_first(committee: Assistant, question: str) -> None:
    answer = _ask(committee, question)
    assert answer.intent == "attendance" and answer.found
    lines = answer.text.splitlines()
    assert "3" in lines[0]  # the meetings counted
    assert lines[1].startswith("- Anna Ahl (Kumla kommun): 2")
    assert [line.split(" (")[0] for line in lines[2:4]] == ["- Bo Berg", "- Dan Dahl"]
    assert "Cecilia" not in answer.text
    assert [p.name for p in answer.people] == ["Anna Ahl", "Bo Berg", "Dan Dahl"]
    assert sorted(s.meeting_date for s in answer.sources) == [
        "2026-08-18",
        "2026-09-15",
        "2026-10-13",
    ]


def test_present_at_the_most(committee: Assistant) -> None:
    answer = _ask(committee, "vem har varit med på flest möten?")
    lines = answer.text.splitlines()
    assert lines[1] == "- Cecilia Ceder (Laxå kommun): 3 av 3"
    # a tie, by name
    assert lines[2].startswith("- Bo Berg (Hallsbergs kommun): 2 av 3 (tisdag 15 september")
    assert lines[3].startswith("- Dan Dahl (Kumla kommun): 2 av 3 (tisdag 13 oktober")


def test_a_person_counted(committee: Assistant) -> None:
    answer = _ask(committee, "hur många möten har Anna Ahl deltagit i?")
    assert answer.intent == "attendance"
    assert answer.text.startswith(
        "Anna Ahl (Kumla kommun) var närvarande vid 1 av 3 möten med närvarolista i "
        "Kommunstyrelsens arbetsutskott, Kumla kommun (2026): tisdag 15 september 2026."
    )
    assert "Frånvarande 2 gånger: tisdag 13 oktober 2026 och tisdag 18 augusti 2026." in answer.text
    assert sorted((p.meeting_date, p.present) for p in answer.people) == [
        ("2026-08-18", False),
        ("2026-09-15", True),
        ("2026-10-13", False),
    ]


def test_a_person_in_english_within_a_period(committee: Assistant) -> None:
    answer = _ask(committee, "how often did Bo Berg attend in september 2026?")
    assert answer.text.startswith(
        "Bo Berg (Hallsbergs kommun) was present at 1 of the 1 meeting with an attendance "
        "list of Kommunstyrelsens arbetsutskott, Kumla kommun in September 2026: "
        "Tuesday 15 September 2026."
    )


def test_a_municipality_counted(committee: Assistant) -> None:
    answer = _ask(committee, "hur ofta har Hallsberg varit frånvarande?")
    lines = answer.text.splitlines()
    # asked about absence: the meetings with nobody there first
    assert lines[0] == "Ingen närvarande vid 1: tisdag 13 oktober 2026 (anmäld frånvaro)."
    assert lines[1].startswith("Hallsbergs kommun hade någon närvarande vid 2 av 3 möten")


def test_someone_named_without_an_organisation_counts_for_it(committee: Assistant) -> None:
    answer = _ask(committee, "hur många gånger har Laxå varit med?")
    assert answer.text.startswith("Laxå kommun hade någon närvarande vid 3 av 3 möten")


@pytest.mark.parametrize(
    "question",
    [
        "vilka kommuner har saknats oftast?",
        "vilken kommun har varit frånvarande flest gånger?",
        "which municipality has missed the most meetings?",
    ],
)
def test_the_municipalities_missing_most_often_first(committee: Assistant, question: str) -> None:
    answer = _ask(committee, question)
    lines = answer.text.splitlines()
    assert lines[0].endswith(("de som saknades oftast först:", "those missing most often first:"))
    # nobody of theirs ever: the municipalities with no one on the lists come first
    assert lines[1] in ("- Askersunds kommun: 0 av 3", "- Askersunds kommun: 0 of 3")
    assert lines[-4].startswith("- Hallsbergs kommun: 2 ")
    assert lines[-4].endswith(
        ("(saknades tisdag 13 oktober 2026)", "(missing Tuesday 13 October 2026)")
    )
    assert lines[-3:-1] == ["- Kumla kommun: 3 av 3", "- Laxå kommun: 3 av 3"] or lines[-3:-1] == [
        "- Kumla kommun: 3 of 3",
        "- Laxå kommun: 3 of 3",
    ]


def test_counted_as_of_now(committee: Assistant) -> None:
    """Asked in early October, the October minutes are not written yet."""
    answer = _ask(
        committee,
        "vem har varit frånvarande flest gånger?",
        AskContext(now=datetime(2026, 10, 1, 10, tzinfo=STOCKHOLM)),
    )
    assert "2 möten" in answer.text.splitlines()[0]
    assert answer.text.splitlines()[1].startswith("- Anna Ahl (Kumla kommun): 1")


def test_a_period_without_lists(committee: Assistant) -> None:
    answer = _ask(committee, "vem var frånvarande flest gånger 2019?")
    assert not answer.found and answer.intent == "attendance"
    assert answer.text == (
        "Jag hittar inga protokoll med närvarolista under 2019. Närvarolistor finns från "
        "tisdag 18 augusti 2026 till tisdag 13 oktober 2026 (3 möten)."
    )
    assert not answer.people and not answer.sources


def test_a_person_never_listed(committee: Assistant) -> None:
    answer = _ask(committee, "hur många möten har Kalle Anka deltagit i?")
    assert not answer.found and not answer.people
    assert "Kalle Anka finns inte med i närvarolistorna från 3 möten" in answer.text


@pytest.mark.parametrize(
    ("question", "said"),
    [
        (
            "hur många brukar vara med?",
            "I snitt 2,7 närvarande per möte, vid 3 möten med närvarolista (2026). "
            "Flest 3 (tisdag 15 september 2026), färst 2 (tisdag 13 oktober 2026).",
        ),
        (
            "how many attend on average?",
            "On average 2.7 present per meeting, at the 3 meetings with an attendance list "
            "(2026). Most 3 (Tuesday 15 September 2026), fewest 2 (Tuesday 13 October 2026).",
        ),
    ],
)
def test_present_on_average(committee: Assistant, question: str, said: str) -> None:
    answer = _ask(committee, question)
    assert answer.intent == "attendance" and answer.text.splitlines()[0] == said


# -- over the real minutes ------------------------------------------------------------


def test_real_minutes_most_absent(ask: Ask) -> None:
    answer = ask("vem har varit frånvarande flest gånger?")
    lines = answer.text.splitlines()
    assert lines[0] == "Flest gånger frånvarande, vid 5 möten med närvarolista (2020–2026):"
    assert "- Karin Haster (Region Örebro län): 1 (fredag 29 maj 2026)" in lines
    # eleven people were away once: five are named, and how many more
    assert "… och 6 till med 1." in lines


@pytest.mark.parametrize(
    "question",
    [
        "hur ofta är Karin Haster med?",
        "när var Karin Haster senast med?",
        "Vilka möten har Karin Haster varit med på?",
    ],
)
def test_real_minutes_a_person(ask: Ask, question: str) -> None:
    """Counted over the groups the person is listed in (the chefsgrupp's three
    meetings with lists), the newest day first."""
    answer = ask(question)
    assert answer.text.startswith(
        "Karin Haster (Region Örebro län) var närvarande vid 2 av 3 möten med närvarolista i "
        "Chefsgrupp för samverkan social välfärd samt vård och omsorg (2022–2026): "
        "fredag 8 september 2023 och torsdag 13 oktober 2022."
    )
    assert "Frånvarande 1 gång: fredag 29 maj 2026." in answer.text
    assert "Inte med i listan" not in answer.text


def test_real_minutes_a_municipality_at_every_meeting(ask: Ask) -> None:
    answer = ask("har Kumla varit med på alla möten?")
    assert answer.text.startswith("Kumla kommun hade någon närvarande vid 3 av 5 möten")


def test_a_joint_meetings_list_is_per_group(ask: Ask) -> None:
    """The councils met together on 20 September 2024, and each listed its own
    members: Jerry Karjalainen was struck in the public health council's list only."""
    answer = ask("hur ofta var Jerry Karjalainen med i folkhälsorådet?")
    assert "var närvarande vid 0 av 1 möte" in answer.text
    assert "Frånvarande 1 gång: fredag 20 september 2024." in answer.text
    answer = ask("hur ofta var Jerry Karjalainen med i samverkansrådet för social välfärd?")
    assert "var närvarande vid 1 av 1 möte" in answer.text


@pytest.mark.parametrize(
    ("question", "tally"),
    [
        ("vem har varit frånvarande flest gånger?", True),
        ("hur många möten har Linnea Hedkvist deltagit i?", True),
        ("who attended the most meetings in 2024?", True),
        ("how often has Örebro been absent?", True),
        ("hur många var närvarande på senaste mötet?", False),
        ("vilka var frånvarande på senaste mötet?", False),
        ("hur många möten har chefsgruppen haft 2024?", False),
        ("vilka möten har Linnea Hedkvist varit med på?", True),
        ("when did Jerry Karjalainen last attend?", True),
        ("vilka möten har chefsgruppen haft?", False),
        ("när var senaste mötet?", False),
        ("who attended the most recent meeting?", False),
    ],
)
def test_a_count_is_told_from_one_meetings_list(question: str, tally: bool) -> None:
    query = understand(question, now=NOW)
    assert query.tally is tally
    if tally:
        assert query.intent.value == "attendance"


@pytest.mark.parametrize(
    ("question", "head", "first"),
    [
        (
            "vem har varit ordförande flest gånger?",
            "Ordförande flest gånger, vid 5 möten med närvarolista (2020–2026):",
            "- Ingmar Ångman (Region Örebro län): 2 (fredag 29 maj 2026 och fredag 20 mars 2020)",
        ),
        (
            "who has taken the minutes most often?",
            "Secretary most often, at the 5 meetings with an attendance list (2020–2026):",
            "- Linnea Hedkvist (Region Örebro län): 2 (Thursday 13 October 2022 and Friday 20 "
            "March 2020)",
        ),
    ],
)
def test_a_role_counted(ask: Ask, question: str, head: str, first: str) -> None:
    answer = ask(question)
    assert answer.intent == "attendance"
    lines = answer.text.splitlines()
    assert lines[0] == head and lines[1] == first


def test_a_persons_role_counted(ask: Ask) -> None:
    answer = ask("hur många gånger har Ingmar Ångman varit ordförande?")
    assert answer.text.startswith(
        "Ingmar Ångman (Region Örebro län) var ordförande vid 2 av 5 möten med närvarolista i 4 "
        "grupper (2020–2026): fredag 29 maj 2026 och fredag 20 mars 2020."
    )
    assert {(p.role, p.meeting_date) for p in answer.people} == {
        ("ordförande", "2026-05-29"),
        ("ordförande", "2020-03-20"),
    }


def test_one_meetings_chair_is_no_count(ask: Ask) -> None:
    answer = ask("vem var ordförande på senaste mötet?")
    assert answer.intent == "meeting_roles"


def test_a_role_over_the_years_is_each_holder_counted(ask: Ask) -> None:
    """ "genom åren": every secretary of the chefsgrupp's lists, not the latest one."""
    answer = ask("Vem har varit sekreterare i chefsgruppen genom åren?")
    named = {p.name for p in answer.people}
    assert {"Kristin Gustafsson", "Linnea Hedkvist", "Maria Lindborg"} <= named
