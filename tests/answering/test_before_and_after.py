"""The days before or after a day ("beslut före 2021", "möten efter 1 december"), the
meeting before or after one ("vilket var mötet innan 2023-09-08?"), and in a
conversation the meeting before or after the one just talked of ("och mötet innan?").
Against the real minutes."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from bot.answering.conversation import follow_up
from bot.answering.format import span
from bot.answering.recent import RecentMeetings
from bot.answers import Answer, MeetingFact
from bot.understanding import Period, understand
from bot.understanding.query import EARLIEST, LATEST
from storage.parsing.records import STOCKHOLM
from tests.answering.conftest import Ask

NOW = "2026-11-22T10:00"
MOMENT = datetime.fromisoformat(NOW).replace(tzinfo=STOCKHOLM)
CHEFSGRUPP = "Chefsgrupp för samverkan social välfärd samt vård och omsorg"


@pytest.mark.parametrize(
    ("question", "period"),
    [
        ("beslut före 2021", Period(EARLIEST, date(2020, 12, 31))),
        ("vad beslutades innan 8 september 2023?", Period(EARLIEST, date(2023, 9, 7))),
        ("decisions before 2022", Period(EARLIEST, date(2021, 12, 31))),
        ("vad beslutades efter 2024?", Period(date(2025, 1, 1), LATEST)),
        ("möten efter 1 december", Period(date(2026, 12, 2), LATEST)),
        ("när är nästa möte efter 3 december", Period(date(2026, 12, 4), LATEST)),
        # bounded on both sides
        (
            "vilka möten efter 2022-10-14 och före 2023-09-08",
            Period(date(2022, 10, 15), date(2023, 9, 7)),
        ),
        ("beslut före 2023 och efter 2020", Period(date(2021, 1, 1), date(2022, 12, 31))),
        ("meetings after 2023 and before 2022", Period(date(2024, 1, 1), LATEST)),  # none between
        ("meetings after 8 September 2023", Period(date(2023, 9, 9), LATEST)),
        # "efter nyår" stays the new year; "sedan" stays since
        ("vad beslutades efter nyår", Period(date(2027, 1, 1), date(2027, 12, 31))),
        ("beslut sedan mars 2026", Period(date(2026, 3, 1), date(2026, 11, 22))),
        # nothing before the open end: no span ending before it begins
        ("före 1900", Period(EARLIEST, EARLIEST)),
    ],
)
def test_the_days_before_or_after(question: str, period: Period) -> None:
    assert understand(question, now=MOMENT).period == period


@pytest.mark.parametrize(
    ("question", "which"),
    [
        ("vilket var mötet innan 2023-09-08?", "last"),
        ("what was the meeting before 8 September 2023?", "last"),
        ("när var mötet efter 2023-09-08?", "first"),
        ("vem var ordförande på mötet efter 2023-09-08?", "first"),
        ("vad beslutades på mötet innan 2024-09-20?", "last"),
        ("vad beslutades före 2021?", None),  # every decision before, not one meeting's
        ("what happened before the meeting on 20 September 2024?", "last"),
        ("vad beslutades på mötet före mötet den 8 september 2023?", "last"),
        ("beslut efter mötet 2023-09-08", None),  # every decision since
        ("vem var sekreterare efter 2022-10-13?", "first"),  # a secretary is one meeting's
    ],
)
def test_the_meeting_before_or_after_is_one_meeting(question: str, which: str | None) -> None:
    assert understand(question, now=MOMENT).which == which


def test_a_span_open_on_one_side_is_said_so() -> None:
    assert span(EARLIEST, date(2020, 12, 31)) == "före 2021"
    assert span(EARLIEST, date(2023, 9, 7), "en") == "before Friday 8 September 2023"
    assert span(date(2025, 1, 1), LATEST) == "efter 2024"
    assert span(date(2026, 12, 12), LATEST) == "efter fredag 11 december 2026"


def test_the_meeting_before_a_day(ask: Ask) -> None:
    before = ask("vilket var mötet innan 2023-09-08?", now=NOW)
    assert [m.start[:10] for m in before.meetings] == ["2023-06-02"]
    after = ask("när var mötet efter 2023-09-08?", now=NOW)
    assert [m.start[:10] for m in after.meetings] == ["2023-10-12"]
    english = ask("what was the meeting before 8 September 2023?", now=NOW)
    assert [m.start[:10] for m in english.meetings] == ["2023-06-02"]


def test_the_meeting_after_a_day_with_minutes(ask: Ask) -> None:
    chair = ask("vem var ordförande på mötet efter 2023-09-08?", now=NOW)
    assert "fredag 20 september 2024" in chair.text and "Bechet Barsom" in chair.text
    decided = ask("vad beslutades på mötet innan 2024-09-20?", now=NOW)
    assert {d.meeting_date for d in decided.decisions} == {"2023-09-08"}


def test_decisions_before_a_year(ask: Ask) -> None:
    answer = ask("beslut före 2021", now=NOW)
    assert answer.text.startswith("Beslut före 2021:")
    assert answer.decisions and all(d.meeting_date < "2021" for d in answer.decisions)


def test_no_next_meeting_after_the_last_planned(ask: Ask) -> None:
    answer = ask("nästa möte efter 11 december", now=NOW)
    assert answer.text.startswith(
        "Jag hittar inget kommande möte efter fredag 11 december 2026 i protokollen."
    )


@pytest.mark.parametrize(
    ("question", "meant"),
    [
        ("och mötet innan?", "och mötet innan 2026-11-06?"),
        ("och mötet innan det?", "och mötet innan 2026-11-06?"),
        ("Och mötet efter", "Och mötet efter 2026-11-06"),
        ("what about the meeting before that?", "what about the meeting before 2026-11-06?"),
        ("vem var ordförande på mötet dessförinnan?", "på mötet före 2026-11-06?"),
        ("och mötet därefter?", "och mötet efter 2026-11-06?"),
    ],
)
def test_before_or_after_the_meeting_just_talked_of(question: str, meant: str) -> None:
    assert follow_up(question, "2026-11-06", MOMENT).endswith(meant)


def test_a_conversation_walks_back_through_the_meetings(ask: Ask) -> None:
    chat = "slack:T1:before-and-after"
    latest = ask("När var senaste mötet?", now=NOW, conversation=chat)
    assert [m.start[:10] for m in latest.meetings] == ["2026-11-06"]
    before = ask("och mötet innan?", now=NOW, conversation=chat)
    assert [m.start[:10] for m in before.meetings] == ["2026-10-08"]
    earlier = ask("och mötet innan det?", now=NOW, conversation=chat)
    assert [m.start[:10] for m in earlier.meetings] == ["2026-08-28"]
    after = ask("och mötet efter?", now=NOW, conversation=chat)
    assert [m.start[:10] for m in after.meetings] == ["2026-10-08"]


def test_the_meeting_before_is_of_the_group_asked_about(ask: Ask) -> None:
    chat = "slack:T1:before-in-a-group"
    latest = ask("När var senaste mötet för chefsgrupp folkhälsa?", now=NOW, conversation=chat)
    assert [m.start[:10] for m in latest.meetings] == ["2020-12-10"]
    before = ask("och mötet innan?", now=NOW, conversation=chat)
    assert [m.start[:10] for m in before.meetings] == ["2020-10-16"]
    assert "Chefsgrupp folkhälsa" in before.meetings[0].group
    earlier = ask("och mötet innan det?", now=NOW, conversation=chat)
    assert [m.start[:10] for m in earlier.meetings] == ["2020-10-13"]
    assert earlier.meetings[0].group == "Chefsgrupp folkhälsa"


def test_a_group_named_in_the_follow_up_is_kept() -> None:
    meant = follow_up("och mötet för ssr folkhälsa innan det?", "2026-11-06", MOMENT, CHEFSGRUPP)
    assert meant == "och mötet för ssr folkhälsa innan 2026-11-06?"
    meant = follow_up("och mötet innan?", "2026-11-06", MOMENT, CHEFSGRUPP)
    assert meant == f"och mötet innan 2026-11-06 ({CHEFSGRUPP})?"


def test_after_a_day_of_this_year_without_a_year(ask: Ask) -> None:
    """On 22 November, "efter 6 november" is after 6 November of this year."""
    asked = understand("när är nästa möte efter 6 november?", now=MOMENT)
    assert asked.period == Period(date(2026, 11, 7), LATEST)
    answer = ask("när är nästa möte efter 6 november?", now=NOW)
    assert [m.start[:10] for m in answer.meetings][:1] == ["2026-12-11"]


def test_short_follow_ups_before_and_after(ask: Ask) -> None:
    chat = "slack:T1:short-before-and-after"
    ask("när var mötet 8 september 2023?", now=NOW, conversation=chat)
    before = ask("och innan dess?", now=NOW, conversation=chat)
    assert [m.start[:10] for m in before.meetings] == ["2023-06-02"]
    earlier = ask("and the one before?", now=NOW, conversation=chat)
    assert [m.start[:10] for m in earlier.meetings] == ["2023-04-21"]
    assert earlier.language == "en"
    after = ask("och efter?", now=NOW, conversation=chat)
    assert [m.start[:10] for m in after.meetings] == ["2023-06-02"]


def test_the_same_question_of_the_meeting_after(ask: Ask) -> None:
    """ "och på mötet efter?" asks the last question again of the meeting after; the
    one right after has no minutes, said so before the nearest that has them."""
    chat = "slack:T1:same-question-after"
    ask("vem var sekreterare 13 oktober 2022?", now=NOW, conversation=chat)
    after = ask("och på mötet efter?", now=NOW, conversation=chat)
    assert after.intent == "meeting_roles"
    lines = after.text.splitlines()
    assert lines[0].startswith(
        "Mötet närmast efter torsdag 13 oktober 2022 var Chefsgrupp för samverkan social "
        "välfärd samt vård och omsorg: fredag 11 november 2022"
    )
    assert lines[0].endswith("protokoll från det finns inte. Närmast med protokoll:")
    assert lines[1].endswith("fredag 8 september 2023: Kristin Gustafsson (Region Örebro län).")
    chat = "slack:T1:same-question-before"
    ask("Vilka var med på mötet 20 september 2024?", now=NOW, conversation=chat)
    before = ask("och på mötet innan det?", now=NOW, conversation=chat)
    assert before.intent == "attendance"
    assert {p.meeting_date for p in before.people} == {"2023-09-08"}


def test_var_with_a_year_is_the_verb() -> None:
    assert understand("vilka möten var 2023?", now=MOMENT).period == Period(
        date(2023, 1, 1), date(2023, 12, 31)
    )
    assert understand("möten i vår", now=MOMENT).period == Period(
        date(2026, 1, 1), date(2026, 6, 30)
    )


def test_the_meeting_before_what_is_asked_not_guessed(ask: Ask) -> None:
    chat = "slack:T1:before-what"
    ask("vilka möten hade chefsgrupp folkhälsa 2020", now=NOW, conversation=chat)
    answer = ask("och mötet innan?", now=NOW, conversation=chat)
    assert not answer.found and not answer.meetings
    assert answer.text.startswith("Före eller efter vilket möte?")
    english = ask("and the meeting after?", now=NOW)
    assert english.text.startswith("Before or after which meeting?")


def test_before_the_meeting_on_a_day(ask: Ask) -> None:
    answer = ask("what happened before the meeting on 20 September 2024?", now=NOW)
    assert [m.start[:10] for m in answer.meetings] == ["2023-12-08"]


def test_a_list_leaves_no_one_meeting_talked_of(ask: Ask) -> None:
    """After a list of meetings, "och mötet innan?" does not go back to the meeting
    talked of before the list."""
    chat = "slack:T1:list-forgets"
    ask("vem var sekreterare 13 oktober 2022?", now=NOW, conversation=chat)
    ask("vilka möten hade chefsgrupp folkhälsa 2020", now=NOW, conversation=chat)
    answer = ask("och mötet innan?", now=NOW, conversation=chat)
    assert answer.text.startswith("Före eller efter vilket möte?")


def test_in_memory_a_list_leaves_no_one_meeting_talked_of() -> None:
    def meeting(day: str) -> MeetingFact:
        return MeetingFact(
            group="G", start=f"{day}T10:00:00+01:00", end=None, place=None, status="held"
        )

    recent = RecentMeetings()
    one = Answer("meeting_info", "…", meetings=[meeting("2022-10-13")])
    recent.remember("c", one, "när var mötet 13 oktober 2022?")
    assert recent.go_on("c", "och vem justerade?", MOMENT).endswith("(2022-10-13)")
    several = Answer("meetings", "…", meetings=[meeting("2020-03-20"), meeting("2020-06-05")])
    recent.remember("c", several, "vilka möten var 2020?")
    assert recent.go_on("c", "och vem justerade?", MOMENT) == "och vem justerade?"


def test_there_after_a_list_is_asked_not_guessed(ask: Ask) -> None:
    chat = "slack:T1:there-after-a-list"
    ask("Vilka möten hölls 2022?", now=NOW, conversation=chat)
    answer = ask("vad beslutades där?", now=NOW, conversation=chat)
    assert answer.text.startswith("Vilket möte menar du?") and not answer.decisions
    english = ask("what was decided there?", now=NOW)
    assert english.text.startswith("Which meeting do you mean?")
    # one meeting talked of: there is that meeting
    ask("vem var ordförande 20 september 2024?", now=NOW, conversation=chat)
    there = ask("vad beslutades där?", now=NOW, conversation=chat)
    assert {d.meeting_date for d in there.decisions} == {"2024-09-20"}


def test_the_meeting_after_a_span_or_the_next_is_a_meeting(ask: Ask) -> None:
    """After "beslut i september 2023", "och mötet efter?" is the meeting after the one
    answered about, not every decision since; after the next meeting and the one after
    it, "och mötet innan det?" is the one before, not "no coming meeting before"."""
    chat = "slack:T1:after-a-span"
    ask("beslut i september 2023", now=NOW, conversation=chat)
    after = ask("och mötet efter?", now=NOW, conversation=chat)
    assert [m.start[:10] for m in after.meetings] == ["2023-10-12"]
    chat = "slack:T1:before-the-next"
    ask("När är nästa möte?", now=NOW, conversation=chat)
    ask("och mötet efter det?", now=NOW, conversation=chat)
    before = ask("och mötet innan det?", now=NOW, conversation=chat)
    assert [m.start[:10] for m in before.meetings] == ["2026-11-06"]


def test_the_meeting_after_the_last_minutes_is_no_planned_one(ask: Ask) -> None:
    """After the newest minutes, the meeting after (28 August 2026, past, known from a
    schedule) is said to have no minutes, not to be a planned meeting to come."""
    chat = "slack:T1:after-the-last-minutes"
    ask("vilka var med på mötet 29 maj 2026?", now=NOW, conversation=chat)
    after = ask("och på mötet efter?", now=NOW, conversation=chat)
    assert not after.found and not after.people
    assert after.text.startswith(
        "Mötet närmast efter fredag 29 maj 2026 var Chefsgrupp för samverkan social välfärd "
        "samt vård och omsorg: fredag 28 augusti 2026"
    )
    assert "Planerat möte" not in after.text
    # and a meeting still to come is one
    coming = ask("vem blir ordförande på mötet efter 2026-11-30?", now=NOW)
    assert coming.text.startswith("Planerat möte: ") and "11 december 2026" in coming.text


@pytest.mark.parametrize(
    ("question", "meant"),
    [
        ("är det digitalt?", "är mötet digitalt? (2026-12-11)"),
        ("is it online?", "is the meeting online? (2026-12-11)"),
        ("blir det fysiskt?", "blir mötet fysiskt? (2026-12-11)"),
        ("är det på Teams?", "är mötet på Teams? (2026-12-11)"),
    ],
)
def test_how_the_meeting_just_talked_of_is_held(question: str, meant: str) -> None:
    assert follow_up(question, "2026-12-11", MOMENT) == meant


def test_how_the_next_meeting_is_held(ask: Ask) -> None:
    chat = "slack:T1:way-of-the-next"
    ask("När är nästa möte?", now=NOW, conversation=chat)
    answer = ask("är det digitalt?", now=NOW, conversation=chat)
    assert answer.intent == "meeting_info" and "fysiskt" in answer.text
    assert [m.start[:10] for m in answer.meetings] == ["2026-12-11"]
