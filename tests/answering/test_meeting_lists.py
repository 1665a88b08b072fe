"""Lists of meetings held so far or left, digital or in person; the latest held
when nothing is coming; a meeting under way (a two-day one too); a day without
a year placed where the store has a meeting."""

from __future__ import annotations

import pytest

from tests.answering.conftest import Ask

CHEFSGRUPP_2026_HELD = ["2026-05-29", "2026-08-28", "2026-10-08", "2026-11-06"]


def days(answer) -> list[str]:  # type: ignore[no-untyped-def]
    return [m.start[:10] for m in answer.meetings]


@pytest.mark.parametrize(
    "question",
    [
        "Vilka möten har hållits i år?",
        "Hur många möten har chefsgruppen haft 2026?",
        "which meetings were held this year?",
        "how many meetings did chefsgruppen have in 2026?",
    ],
)
def test_held_this_year_stops_at_now(ask: Ask, question: str) -> None:
    answer = ask(question)
    assert answer.intent == "meetings"
    assert days(answer) == CHEFSGRUPP_2026_HELD
    assert "(4)" in answer.text


@pytest.mark.parametrize(
    "question",
    [
        "Vilka möten är kvar i år?",
        "vilka möten återstår i år",
        "which meetings are left this year?",
        "vilka kommande möten finns 2023",
    ],
)
def test_left_this_year_starts_at_now(ask: Ask, question: str) -> None:
    answer = ask(question, now="2023-05-01T10:00")
    assert days(answer) == ["2023-06-02", "2023-09-08", "2023-10-12", "2023-11-10", "2023-12-08"]


def test_a_whole_year_past_is_not_narrowed(ask: Ask) -> None:
    assert len(ask("Vilka möten hade chefsgruppen 2023?").meetings) == 8


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Vilka möten var digitala 2023?", ["2023-02-10", "2023-04-21", "2023-09-08", "2023-11-10"]),
        ("which meetings were online in 2023?", ["2023-02-10", "2023-04-21", "2023-09-08", "2023-11-10"]),
        # the internat of 12-13 October is a meeting in person too
        ("vilka möten var fysiska 2023", ["2023-03-17", "2023-10-12", "2023-12-08"]),
        ("which meetings were held in person in 2023?", ["2023-03-17", "2023-10-12", "2023-12-08"]),
    ],
)  # fmt: skip
def test_meetings_by_mode(ask: Ask, question: str, expected: list[str]) -> None:
    answer = ask(question)
    assert days(answer) == expected
    assert answer.text.startswith(("Digitala möten", "Online meetings", "Fysiska", "In-person"))


def test_no_meeting_of_a_mode_is_said_plainly(ask: Ask) -> None:
    answer = ask("vilka möten var digitala 2024")
    assert not answer.found and "inga digitala möten" in answer.text


@pytest.mark.parametrize(
    "question",
    ["Vilka möten har de specifika samverkansråden?", "vilka möten har ssr folkhälsa"],
)
def test_nothing_coming_lists_the_latest_held(ask: Ask, question: str) -> None:
    answer = ask(question)
    assert answer.intent == "meetings"
    assert "Inga kommande möten" in answer.text
    public_health = [m for m in answer.meetings if "folkhälsa" in m.group]
    assert [m.start[:10] for m in public_health] == ["2020-04-24", "2020-09-11", "2024-09-20"]
    assert public_health[0].status == "cancelled" and "INSTÄLLT" in answer.text


@pytest.mark.parametrize(
    "question", ["Pågår något möte nu?", "pagar nagot mote just nu", "is there a meeting now?"]
)
def test_meeting_under_way_now(ask: Ask, question: str) -> None:
    answer = ask(question, now="2026-05-29T10:30")
    assert answer.intent == "next_meeting"
    assert days(answer)[0] == "2026-05-29"
    assert "pågår" in answer.text or "under way" in answer.text


def test_no_meeting_under_way_now_is_said_before_the_next(ask: Ask) -> None:
    answer = ask("Pågår något möte nu?", now="2026-05-29T13:30")
    assert answer.text.startswith("Inget möte pågår just nu.")
    assert days(answer)[0] == "2026-08-28"
    assert "Inget möte pågår" not in ask("När är nästa möte?", now="2026-05-29T13:30").text


def test_second_day_of_a_two_day_meeting_is_under_way(ask: Ask) -> None:
    answer = ask("När är nästa möte?", now="2022-10-14T10:00")
    assert days(answer)[:2] == ["2022-10-13", "2022-11-11"]
    assert "pågår" in answer.text and "14 oktober 2022" in answer.text
    after = ask("När är nästa möte?", now="2022-10-15T10:00")
    assert days(after)[0] == "2022-11-11" and "pågår" not in after.text


def test_first_day_of_a_meeting_without_times_is_not_said_to_be_under_way(ask: Ask) -> None:
    answer = ask("När är nästa möte?", now="2022-10-13T08:00")
    assert days(answer)[0] == "2022-10-13" and "pågår" not in answer.text


@pytest.mark.parametrize(
    ("question", "now", "day"),
    [
        ("Var ska mötet den 28 augusti hållas?", "2026-11-22T10:00", "2026-08-28"),
        ("Blev mötet den 24 april inställt?", "2026-11-22T10:00", "2020-04-24"),
        ("was the meeting on 24 April cancelled?", "2026-11-22T10:00", "2020-04-24"),
        ("när är mötet den 11 december?", "2026-11-22T10:00", "2026-12-11"),
        ("Var hölls mötet den 13 oktober?", "2026-11-22T10:00", "2022-10-13"),
    ],
)
def test_a_day_without_a_year_is_where_a_meeting_is(
    ask: Ask, question: str, now: str, day: str
) -> None:
    answer = ask(question, now=now)
    assert answer.found and days(answer)[0] == day


def test_a_day_without_a_year_or_a_meeting_keeps_the_grammars_year(ask: Ask) -> None:
    answer = ask("Var hölls mötet den 3 mars?")
    assert not answer.found and "3 mars 2026" in answer.text


def test_a_day_without_a_year_in_a_question_about_minutes(ask: Ask) -> None:
    answer = ask("Vem var sekreterare den 13 oktober?")
    assert answer.found and answer.sources[0].meeting_date == "2022-10-13"


@pytest.mark.parametrize(
    ("question", "now", "expected"),
    [
        # the next one in the span asked, not the next one of all
        ("nästa möte i mars", "2023-01-15T10:00", "2023-03-17"),
        ("next meeting in October", "2023-05-01T10:00", "2023-10-12"),
    ],
)
def test_next_meeting_in_a_span(ask: Ask, question: str, now: str, expected: str) -> None:
    answer = ask(question, now=now)
    assert answer.intent == "next_meeting" and days(answer)[0] == expected


@pytest.mark.parametrize(
    ("question", "first_line"),
    [
        ("nästa möte efter nyår", "Jag hittar inget kommande möte under 2027 i protokollen."),
        ("nästa möte i januari", "Jag hittar inget kommande möte i januari 2027 i protokollen."),
    ],
)
def test_no_next_meeting_in_a_span_offers_the_coming_ones(
    ask: Ask, question: str, first_line: str
) -> None:
    answer = ask(question, now="2026-12-03T10:00")
    lines = answer.text.splitlines()
    assert lines[0] == first_line and not answer.found and answer.meetings == []
    assert lines[1].startswith("Kommande möten i protokollen: ") and "11 december 2026" in lines[1]


@pytest.mark.parametrize(
    ("question", "first_words"),
    [
        ("är nästa möte digitalt?", "Nej, nästa möte är fysiskt: "),
        ("is the next meeting online?", "No, the next meeting is in person: "),
        ("blir nästa möte fysiskt?", "Ja, nästa möte är fysiskt: "),
    ],
)
def test_whether_the_next_meeting_is_held_a_way(ask: Ask, question: str, first_words: str) -> None:
    answer = ask(question, now="2026-12-03T10:00")
    assert answer.text.startswith(first_words)
    assert days(answer) == ["2026-12-11"]


def test_no_coming_meeting_of_a_mode_offers_the_coming_ones(ask: Ask) -> None:
    answer = ask("nästa digitala möte", now="2026-12-03T10:00")
    assert not answer.found and answer.meetings == []
    assert answer.text.splitlines()[1].startswith("Kommande möten i protokollen: ")


def test_how_often_a_group_meets(ask: Ask) -> None:
    """This year's meetings, counted; a group with none this year, its latest year's."""
    answer = ask("hur ofta träffas chefsgruppen?")
    assert answer.intent == "meetings"
    assert answer.text.startswith(
        "Möten för Chefsgrupp för samverkan social välfärd samt vård och omsorg under 2026 ("
    )
    answer = ask("how often does the public health council meet?")
    assert answer.text.startswith(
        "Meetings for Specifika samverkansrådet för folkhälsa in 2024 (1):"
    )


def test_a_count_of_meetings_holds_the_cancelled_apart(ask: Ask) -> None:
    answer = ask("hur många möten har hållits sedan 2020?", now="2026-12-03T10:00")
    assert "(23 och 1 inställt):" in answer.text.splitlines()[0]
    english = ask("how many meetings have there been since 2020?", now="2026-12-03T10:00")
    assert "(23 and 1 cancelled):" in english.text.splitlines()[0]


def test_past_meetings_known_only_from_a_schedule_are_said_so(ask: Ask) -> None:
    """The chefsgrupp's 2026: minutes of 29 May only; 28 August, 8-9 October and
    6 November are in the schedule of those minutes, none of them with minutes here."""
    answer = ask("hur många möten har chefsgruppen haft 2026?", now="2026-12-03T10:00")
    assert len(answer.meetings) == 4
    assert (
        "3 av mötena som har passerat finns bara i en mötesplan: protokoll från dem finns inte."
        in answer.text.splitlines()
    )
    latest = ask("när var senaste mötet?", now="2026-12-03T10:00")
    assert latest.meetings[0].start.startswith("2026-11-06")
    assert "Mötet finns bara i en mötesplan: protokoll från det finns inte." in latest.text
    held = ask("när var mötet 8 september 2023?")  # minutes: no such note
    assert "mötesplan" not in held.text


def test_a_day_holds_the_meeting_begun_the_day_before(ask: Ask) -> None:
    """On day 1 of "8/10 kl 12 – 9/10 kl 13", tomorrow has that meeting."""
    answer = ask("vad händer imorgon?", now="2026-10-08T14:00")
    assert [m.start[:16] for m in answer.meetings] == ["2026-10-08T12:00"]
    assert "mötesplan" not in answer.text  # under way: no minutes are expected yet
    info = ask("har vi möte imorgon?", now="2026-10-08T14:00")
    assert "pågår: torsdag 8 oktober 2026 kl. 12.00 – fredag 9 oktober 2026 kl. 13.00" in info.text


def test_every_meeting_in_the_minutes_counted(ask: Ask) -> None:
    """ "totalt", "in total": every meeting, not the coming year's (it said 1)."""
    answer = ask("Hur många möten finns i protokollen totalt?", now="2026-12-03T10:00")
    assert answer.text.startswith("Alla möten i protokollen (24 och 1 inställt):")
    assert len(answer.meetings) == 25
    english = ask("how many meetings has the chefsgrupp had in total?", now="2026-12-03T10:00")
    assert english.text.startswith("All meetings in the minutes for Chefsgrupp för samverkan")
    assert all(m.start < "2026-12-03" for m in english.meetings)  # had: up to today


def test_a_tentative_joint_meeting_is_not_the_other_groups(ask: Ask) -> None:
    """ "2/6 ev gemensamt med folkhälsocheferna" in the chefsgrupp's 2023 plan: maybe
    joint, so not Chefsgrupp folkhälsa's latest meeting (its latest is of 2020)."""
    answer = ask("när var senaste mötet för chefsgrupp folkhälsa?", now="2026-12-03T10:00")
    assert answer.meetings[0].start.startswith("2020-12-10")
    plan = ask("vilka möten har chefsgruppen 2023?")
    june = next(line for line in plan.text.splitlines() if "2 juni 2023" in line)
    assert "ev gemensamt med folkhälsocheferna" in june and "Chefsgrupp folkhälsa" not in june
