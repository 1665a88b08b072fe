"""Coming meetings, meetings in a period, moved and cancelled ones."""

from __future__ import annotations

import pytest

from tests.answering.conftest import Ask

CHEFSGRUPP_2023 = [
    "2023-02-10",
    "2023-03-17",
    "2023-04-21",
    "2023-06-02",
    "2023-09-08",
    "2023-10-12",
    "2023-11-10",
    "2023-12-08",
]


def starts(answer) -> list[str]:  # type: ignore[no-untyped-def]
    return [m.start[:16] for m in answer.meetings]


@pytest.mark.parametrize(
    "question",
    [
        "När är nästa möte?",
        "nar ar nasta mote",
        "NÄSTA MÖTE",
        "när ses vi nästa gång?",
        "When is the next meeting?",
        "next meeting",
        "när är näsa möte",
        "nästa möte för chefsgruppen",
        "when does chefsgrupp folkhälsa meet next?",
    ],
)
def test_next_meeting(ask: Ask, question: str) -> None:
    answer = ask(question)
    assert answer.intent == "next_meeting"
    assert starts(answer)[0] == "2026-12-11T13:00"
    assert "11 december" in answer.text.lower()
    assert answer.sources and answer.sources[0].document.startswith("004_")


def test_next_meeting_in_english_is_written_in_english(ask: Ask) -> None:
    assert "Friday 11 December 2026 at 13:00–16:00" in ask("When is the next meeting?").text


def test_swedish_dates_are_written_the_swedish_way(ask: Ask) -> None:
    assert "fredag 11 december 2026 kl. 13.00–16.00" in ask("När är nästa möte?").text


def test_no_coming_meeting_is_said_plainly(ask: Ask) -> None:
    answer = ask("När är nästa möte för SSR folkhälsa?")
    assert answer.meetings == [] and not answer.found
    assert "inget kommande möte" in answer.text
    assert "20 september 2024" in answer.text  # what it did find


def test_moved_meeting_is_said_to_be_moved(ask: Ask) -> None:
    answer = ask("nästa möte", now="2026-08-01T10:00")
    assert starts(answer)[0] == "2026-08-28T09:00"
    assert answer.meetings[0].status == "moved" and "flyttat" in answer.text


def test_meeting_under_way(ask: Ask) -> None:
    answer = ask("när är nästa möte?", now="2026-10-08T15:00")
    assert starts(answer)[0] == "2026-10-08T12:00"
    assert "pågår" in answer.text


def test_cancelled_next_meeting_and_the_one_after(ask: Ask) -> None:
    answer = ask("nästa möte för ssr folkhälsa", now="2020-04-01T10:00")
    assert answer.meetings[0].status == "cancelled" and starts(answer)[0].startswith("2020-04-24")
    assert "inställt" in answer.text.lower() and "11 september 2020" in answer.text


def test_default_group_of_the_conversation(ask: Ask) -> None:
    answer = ask("nästa möte", now="2020-09-01T10:00", group="Chefsgrupp folkhälsa")
    assert starts(answer)[0] == "2020-10-13T14:00"


@pytest.mark.parametrize(
    "question",
    [
        "Vilka möten har chefsgruppen 2023?",
        "vilka moten har chefsgruppen 2023",
        "mötestider för chefsgruppen 2023",
        "Which meetings does chefsgruppen have in 2023?",
        "chefsgrupp social välfärd möten 2023",
    ],
)
def test_meetings_in_a_year(ask: Ask, question: str) -> None:
    answer = ask(question)
    assert answer.intent == "meetings"
    found = starts(answer)
    for day in CHEFSGRUPP_2023:
        assert any(s.startswith(day) for s in found), day
    assert not any(s.startswith("2023-02-03") for s in found)


@pytest.mark.parametrize(
    "question",
    [
        "När har chefsgrupp folkhälsa möten hösten 2020?",
        "folkhälsochefernas möten hösten 2020",
        "meetings of chefsgrupp folkhälsa in autumn 2020",
    ],
)
def test_meetings_in_a_season(ask: Ask, question: str) -> None:
    found = starts(ask(question))
    for start in ("2020-08-26T13:15", "2020-10-13T14:00", "2020-10-16", "2020-12-10T08:30"):
        assert any(s.startswith(start) for s in found), start


def test_joint_meeting_belongs_to_both_groups(ask: Ask) -> None:
    found = starts(ask("möten för chefsgruppen i oktober 2020"))
    assert any(s.startswith("2020-10-16") for s in found)


@pytest.mark.parametrize(
    "question", ["Vilka möten är inställda?", "which meetings were cancelled?"]
)
def test_cancelled_meetings(ask: Ask, question: str) -> None:
    answer = ask(question)
    assert [m.status for m in answer.meetings] == ["cancelled"]
    assert starts(answer)[0].startswith("2020-04-24")


def test_moved_meetings(ask: Ask) -> None:
    answer = ask("Har något möte flyttats 2026?")
    assert starts(answer) == ["2026-08-28T09:00"]
    moved = ask("vilka möten har flyttats 2023")
    assert moved.meetings[0].moved_from and moved.meetings[0].moved_from.startswith("2023-02-03")


def test_meeting_place(ask: Ask) -> None:
    answer = ask("Var hölls mötet 13 oktober 2022?")
    assert "Båsenberga" in answer.text
    assert answer.meetings[0].place and "Vingåker" in answer.meetings[0].place


@pytest.mark.parametrize(
    "question",
    [
        "vilka möten har chefsgrupp folkhälsa haft?",
        "which meetings has chefsgrupp folkhälsa had?",
        "tidigare möten för chefsgrupp folkhälsa",
    ],
)
def test_meetings_held_are_the_latest_not_the_coming(ask: Ask, question: str) -> None:
    answer = ask(question)
    assert answer.intent == "meetings" and answer.found
    held = starts(answer)
    assert held == sorted(held)  # in time order
    assert "2020-12-10T08:30" in held and "2020-08-26T13:15" in held
    assert all(start < "2026-11-22" for start in held)  # not the meeting of 11 December


def test_a_meeting_moved_away_from_a_day(ask: Ask) -> None:
    answer = ask("Är mötet den 3 februari 2023 flyttat?")
    assert [m.start[:10] for m in answer.meetings] == ["2023-02-10"]
    assert answer.meetings[0].moved_from is not None
    assert answer.meetings[0].moved_from.startswith("2023-02-03")
    assert "10 februari 2023" in answer.text


def test_what_a_meeting_was_about(ask: Ask) -> None:
    answer = ask("Vad handlade mötet 13 oktober 2022 om?")
    assert answer.intent == "agenda" and answer.found
    assert answer.sources and answer.sources[0].meeting_date == "2022-10-13"


def test_a_list_of_meetings_says_how_many(ask: Ask) -> None:
    answer = ask("Hur många möten hade chefsgruppen 2023?")
    assert answer.text.splitlines()[0].endswith("(8):")


def test_a_new_date_without_the_old_one_reads_as_moved_here(ask: Ask) -> None:
    """'Nytt datum 28/8' (2026): moved to the 28th from a day the minutes do not name."""
    answer = ask("Vilka möten har chefsgruppen hösten 2026?", now="2026-06-01T10:00")
    line = next(line for line in answer.text.splitlines() if "28 augusti 2026" in line)
    assert line.endswith("flyttat hit, nytt datum")
    assert answer.meetings[0].status == "moved" and answer.meetings[0].moved_from is None
