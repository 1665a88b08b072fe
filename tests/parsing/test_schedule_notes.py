"""A schedule line's note: what the line says besides its date, status, mode, place
and joint groups, without the words that only tied those into the sentence."""

from __future__ import annotations

from datetime import date

import pytest

from storage.parsing import parse_text
from storage.parsing.records import MeetingStatus
from storage.parsing.schedule import parse_schedule

PLANNED, MOVED, CANCELLED = MeetingStatus.PLANNED, MeetingStatus.MOVED, MeetingStatus.CANCELLED

ENGLISH_MINUTES = """Minutes – Regional Digital Health Network

Date: 2 December 2026

1. Upcoming meetings 2027
- The meeting on 12 March is cancelled; the internal workshop moves to 14 April
- Planning day on 5 May, internat in Loka
- The meeting on 9 June (internat) is cancelled
- The next meeting will be held on 10 September at 13:00 in Nora.
"""


def test_english_notes_keep_no_words_of_the_date_or_the_statement() -> None:
    # The words that tie a date, a status or the meeting into a sentence ("on",
    # "the", "is") go with them; they were left behind as "The on; internat".
    schedule = parse_text(ENGLISH_MINUTES).schedule
    assert [(m.start.date(), m.status, m.place, m.note) for m in schedule] == [
        (date(2027, 3, 12), CANCELLED, None, None),
        (date(2027, 4, 14), MOVED, None, "internal workshop"),
        (date(2027, 5, 5), PLANNED, None, "Planning day, internat in Loka"),
        (date(2027, 6, 9), CANCELLED, None, "internat"),
        (date(2027, 9, 10), PLANNED, "Nora", None),
    ]


@pytest.mark.parametrize(
    ("line", "note"),
    [
        ("Mötet den 12 mars är inställt (internat)", "internat"),
        ("Internatet är 8-9 oktober", "Internatet"),
        ("8-9 oktober, det är internat", "internat"),
        ("The meeting has been moved to 19 March (lunch-lunch)", "lunch-lunch"),
        ("Workshop on 5 May, in Sala", "Workshop, in Sala"),
        ("5 maj (?)", "?"),
    ],
)
def test_a_note_is_what_is_left_of_its_clauses(line: str, note: str) -> None:
    [meeting] = parse_schedule([line], reference=date(2026, 12, 2), heading="Mötestider 2027")
    assert meeting.note == note
