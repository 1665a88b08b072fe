"""Schedules written as sentences: a move stated in words ("The 12 March meeting
has been moved to 19 March"), headings that name meetings in other words
("Meetings 2027", "Sammanträden 2027"), and a coming meeting named only in
running text ("Nästa möte är den 5 juni", "till chefsgruppsmötet den 5 juni")."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from storage.parsing import parse_text
from storage.parsing.records import STOCKHOLM, MeetingMode, MeetingStatus, ScheduledMeeting
from storage.parsing.schedule import find_meeting_notes, is_schedule_heading, parse_schedule

MINUTES = Path(__file__).resolve().parents[3] / "shared" / "minutes"
FOLKHALSA = "Chefsgrupp folkhälsa"
SSR_FOLKHALSA = "Specifika samverkansrådet för folkhälsa"
PLANNED, MOVED, CANCELLED = MeetingStatus.PLANNED, MeetingStatus.MOVED, MeetingStatus.CANCELLED
DEC_2026 = date(2026, 12, 2)  # minutes written before the 2027 meetings
MARCH_2020 = date(2020, 3, 20)  # the day of the 2020 folkhälsa minutes


def at(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=STOCKHOLM)


def on(year: int, month: int, day: int, **fields: Any) -> ScheduledMeeting:
    """A meeting known by its day only."""
    return ScheduledMeeting(start=at(year, month, day), time_known=False, **fields)


# --- moves written as sentences -------------------------------------------------

MOVES = [
    ("9 June: the meeting is moved to 16 June", (6, 9), (6, 16)),
    ("The 12 March meeting has been moved to 19 March", (3, 12), (3, 19)),
    ("Mötet den 12 mars har flyttats till 19 mars", (3, 12), (3, 19)),
    ("Mötet 12 mars flyttas till den 19 mars", (3, 12), (3, 19)),
    ("Mötet den 12 mars kommer att flyttas till 19 mars", (3, 12), (3, 19)),
    ("The meeting on 12 March will instead be held on 19 March", (3, 12), (3, 19)),
    ("Mötet 12 mars hålls istället 19 mars", (3, 12), (3, 19)),
    ("12 mars-mötet senareläggs till 19 mars", (3, 12), (3, 19)),
]


@pytest.mark.parametrize(("line", "old", "new"), MOVES)
def test_a_move_in_a_schedule_line_keeps_only_the_new_date(
    line: str, old: tuple[int, int], new: tuple[int, int]
) -> None:
    # The old date is no meeting of its own: the new one is MOVED from it (the
    # data model's move, as for a struck date followed by "senare förslag").
    schedule = parse_schedule([line], reference=DEC_2026, heading="Mötestider 2027")
    assert schedule == [on(2027, *new, status=MOVED, moved_from=at(2027, *old))]


@pytest.mark.parametrize(("line", "old", "new"), MOVES)
def test_a_move_in_running_text_keeps_only_the_new_date(
    line: str, old: tuple[int, int], new: tuple[int, int]
) -> None:
    notes = find_meeting_notes(f"{line}.", reference=DEC_2026)
    assert notes == [on(2027, *new, status=MOVED, moved_from=at(2027, *old))]


def test_the_new_date_of_a_moved_meeting_keeps_its_time_and_place() -> None:
    [meeting] = find_meeting_notes(
        "Mötet den 12 mars har flyttats till 19 mars kl. 13–16 i Nora.", reference=DEC_2026
    )
    assert (meeting.start, meeting.end, meeting.moved_from, meeting.place) == (
        at(2027, 3, 19, 13),
        at(2027, 3, 19, 16),
        at(2027, 3, 12),
        "Nora",
    )


@pytest.mark.parametrize(
    "text",
    [
        "12 mars ställs in.",
        "Den 12 mars är inställd.",
        "12 March is cancelled.",
        "- 12 mars: inställt",
    ],
)
def test_a_date_said_to_be_cancelled_is_a_cancelled_meeting(text: str) -> None:
    assert find_meeting_notes(text, reference=DEC_2026) == [on(2027, 3, 12, status=CANCELLED)]


def test_two_meetings_stated_one_after_the_other_are_no_move() -> None:
    text = "Mötet 12 mars flyttas, mötet 19 mars hålls som planerat."
    notes = find_meeting_notes(text, reference=DEC_2026)
    assert [(m.start.date(), m.status, m.moved_from) for m in notes] == [
        (date(2027, 3, 12), MOVED, None),
        (date(2027, 3, 19), PLANNED, None),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # another event, not the group's meeting
        "Utbildningen 12 mars ställs in.",
        # a day that opens a sentence moving a matter, not a meeting
        "15 april flyttas frågan till rådet.",
        "2027-05-29 postponed three questions to the council.",
    ],
)
def test_a_day_is_no_meeting_when_something_else_is_cancelled_or_moved(text: str) -> None:
    assert find_meeting_notes(text, reference=DEC_2026) == []


def test_a_moved_meeting_replaces_its_listed_date_in_the_documents_schedule() -> None:
    text = (
        "Minnesanteckningar Chefsgrupp folkhälsa\n\nDatum: 2026-12-02\n\n"
        "1. Mötestider 2027\n\n12 mars\n\n16 april\n\n"
        "2. Övrigt\n\nMötet den 12 mars har flyttats till 19 mars.\n"
    )
    schedule = parse_text(text).schedule
    assert [(m.start.date(), m.status) for m in schedule] == [
        (date(2027, 3, 19), MOVED),
        (date(2027, 4, 16), PLANNED),
    ]


# --- headings -------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Meetings 2027",
        "Meeting dates 2027",
        "Mötesdatum 2027",
        "Sammanträdestider 2027",
        "Mötesplan 2027",
        "Möten 2027",
        "Upcoming meetings 2027",
        "Sammanträden 2027",
        "Mötesdagar 2027",
        "Meeting calendar 2027",
        "Meetings in 2027",
        "4. Meetings for 2027:",
        "Board meetings 2027",
        "Dates of meetings 2027",
        "Chefsgruppens sammanträden hösten 2027",
        "Övrigt och kommande sammanträden",
    ],
)
def test_headings_that_name_the_meetings_of_a_year(line: str) -> None:
    assert is_schedule_heading(line)


@pytest.mark.parametrize(
    "line",
    [
        "Meeting opened",
        "Previous meeting",
        "Minutes of the previous meeting",
        "Mötets öppnande",
        "Dagens möte",
        "Föregående sammanträde",
        "Meetings were held on 12 March 2027",
        # meetings with someone else, not the group's own
        "Meetings with the municipalities",
        "Möten med kommunerna 2027",
    ],
)
def test_headings_about_this_or_past_meetings_are_no_schedules(line: str) -> None:
    assert not is_schedule_heading(line)


def test_an_english_meetings_heading_opens_a_schedule() -> None:
    text = (
        "Minutes – Regional Digital Health Network\n\nDate: 2 December 2026\n\n"
        "1. Meetings 2027\n\n12 March at 13:00\n\n16 April at 13:00 (Teams)\n"
    )
    schedule = parse_text(text).schedule
    assert [(m.start, m.mode) for m in schedule] == [
        (at(2027, 3, 12, 13), None),
        (at(2027, 4, 16, 13), MeetingMode.DIGITAL),
    ]


# --- a coming meeting named in running text -------------------------------------


@pytest.mark.parametrize(
    ("text", "meeting"),
    [
        ("Nästa chefsgruppsmöte är den 5 juni.", on(2020, 6, 5)),
        ("Nästa möte är den 5 juni.", on(2020, 6, 5)),
        ("Nästa ordinarie möte blir 5 juni.", on(2020, 6, 5)),
        ("Frågan tas upp på nästa möte den 5 juni.", on(2020, 6, 5)),
        ("The next meeting is on 5 June.", on(2020, 6, 5)),
        ("Next meeting: 5 June.", on(2020, 6, 5)),
        (
            "Nästa möte hålls 12 maj kl. 9–12 i Nora.",
            ScheduledMeeting(
                at(2020, 5, 12, 9), at(2020, 5, 12, 12), mode=MeetingMode.PHYSICAL, place="Nora"
            ),
        ),
        (
            "The next meeting will be held on 10 September at 13:00 in Nora.",
            ScheduledMeeting(at(2020, 9, 10, 13), mode=MeetingMode.PHYSICAL, place="Nora"),
        ),
        (
            "Nästa möte i Nora är den 5 juni.",
            on(2020, 6, 5, mode=MeetingMode.PHYSICAL, place="Nora"),
        ),
        ("Nästa möte i chefsgruppen är den 5 juni.", on(2020, 6, 5)),
        ("Nästa möte, den 5 juni, blir digitalt.", on(2020, 6, 5)),
        ("The group's next meeting is on 5 June.", on(2020, 6, 5)),
        # the group's own meeting word and a coming day
        ("Ett dokument ska tas fram till chefsgruppsmötet den 5 juni.", on(2020, 6, 5)),
        ("Rapporten lämnas till chefsgruppens möte den 5 juni.", on(2020, 6, 5)),
    ],
)
def test_a_coming_meeting_of_the_group_named_in_running_text(
    text: str, meeting: ScheduledMeeting
) -> None:
    notes = find_meeting_notes(text, reference=MARCH_2020, own_groups=(FOLKHALSA,))
    assert notes == [meeting]


def test_a_council_names_its_own_meetings_by_its_own_word() -> None:
    text = "Rapporten lämnas till rådets möte den 5 juni."
    assert find_meeting_notes(text, reference=MARCH_2020, own_groups=(SSR_FOLKHALSA,)) == [
        on(2020, 6, 5)
    ]
    # in the minutes of a management group, "rådets möte" is another body's
    assert find_meeting_notes(text, reference=MARCH_2020, own_groups=(FOLKHALSA,)) == []
    # and in a council's minutes, "chefsgruppen" is another body
    text = "Nästa möte i chefsgruppen är den 5 juni."
    assert find_meeting_notes(text, reference=MARCH_2020, own_groups=(SSR_FOLKHALSA,)) == []


@pytest.mark.parametrize(
    "text",
    [
        "Vid mötet 2020-01-24 beslutades att planen antas.",
        # a move word, but of a matter decided at a past meeting
        "Vid mötet 2020-01-24 beslutades att flytta frågan till hösten.",
        "Anteckningarna från mötet 2020-01-24 lades till handlingarna.",
        # the group's own meeting word, but a day already past (also one more
        # than two months back, which a list of coming meetings would roll over)
        "Vid chefsgruppsmötet den 24 januari beslutades att planen antas.",
        "Vid chefsgruppsmötet den 10 januari beslutades att planen antas.",
        # another body's meeting
        "Nästa AU-möte är den 5 juni.",
        "Nästa möte med arbetsgruppen är den 5 juni.",
        "The next board meeting is on 5 June.",
        "Ett dokument ska tas fram till rådets möte den 5 juni.",
        # a meeting word, but the day is not the meeting's
        "Till nästa möte ska en rapport om läget den 5 juni tas fram.",
        "Linnea informerade om uppföljningsdagen den 28 maj.",
        "Mötet med kommunerna den 5 juni planeras av arbetsgruppen.",
    ],
)
def test_no_coming_meeting_is_read_from_a_past_or_anothers_meeting(text: str) -> None:
    assert find_meeting_notes(text, reference=MARCH_2020, own_groups=(FOLKHALSA,)) == []


def test_the_groups_own_meeting_word_is_its_own_whatever_group_was_named_before() -> None:
    text = (
        "Mötet med specifika samverkansrådet för folkhälsa den 24 april är inställt. "
        "Nästa chefsgruppsmöte är den 5 juni. Nästa ordinarie möte hålls den 11 september."
    )
    notes = find_meeting_notes(text, reference=MARCH_2020, own_groups=(FOLKHALSA,))
    assert [(m.start.date(), m.groups) for m in notes] == [
        (date(2020, 4, 24), (SSR_FOLKHALSA,)),
        (date(2020, 6, 5), ()),
        (date(2020, 9, 11), (SSR_FOLKHALSA,)),
    ]


def test_an_unknown_groups_compound_meeting_word_is_not_ours() -> None:
    # without knowing the document's group, "chefsgruppsmötet" may be anyone's
    text = "Ett dokument ska tas fram till chefsgruppsmötet den 5 juni."
    assert find_meeting_notes(text, reference=MARCH_2020) == []


def test_the_2020_minutes_plan_the_june_meeting_of_the_management_group() -> None:
    # "... ska tas fram till chefsgruppsmötet den 5 juni": minutes of Chefsgrupp
    # folkhälsa on 20 March 2020 name its own coming meeting on 5 June.
    files = sorted(MINUTES.glob("003_*.txt"))
    if not files:
        pytest.skip(f"the real minutes are not at {MINUTES}")
    doc = parse_text(files[0].read_text(encoding="utf-8"), source_name=files[0].name)
    assert doc.meeting.groups == (FOLKHALSA,)
    assert [(m.start.date(), m.status, m.groups) for m in doc.schedule] == [
        (date(2020, 4, 24), CANCELLED, (SSR_FOLKHALSA,)),
        (date(2020, 6, 5), PLANNED, ()),
        (date(2020, 8, 26), PLANNED, ()),
        (date(2020, 9, 11), PLANNED, (SSR_FOLKHALSA,)),
        (date(2020, 10, 13), PLANNED, ()),
        (date(2020, 10, 16), PLANNED, ()),
        (date(2020, 12, 10), PLANNED, ()),
    ]
