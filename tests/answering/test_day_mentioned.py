"""A meeting asked about by its day, with no minutes stored, is shown where later
minutes speak of it ("Anteckningarna från mötet 2020-01-24 lades till
handlingarna"), as such and with its source; never as minutes of that day."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from bot.answers import AskContext
from storage.parsing.records import STOCKHOLM
from tests.answering.conftest import Ask, assistant_over

NOW = "2026-11-22T10:00"
MENTION = (
    "• Chefsgrupp folkhälsa fredag 20 mars 2020, punkt 1 Föregående minnesanteckningar: "
    "”Anteckningarna från mötet 2020-01-24 lades till handlingarna.”"
)


def test_a_day_without_minutes_spoken_of_later(ask: Ask) -> None:
    answer = ask("vad hände på mötet 2020-01-24?", now=NOW)
    assert not answer.found
    lines = answer.text.splitlines()
    assert lines[0] == "Jag hittar inga protokoll från ett möte den fredag 24 januari 2020."
    assert lines[1:3] == ["Dagen nämns i:", MENTION]
    said = answer.sources[0]
    assert (said.meeting_date, said.item) == ("2020-03-20", "1")
    assert not answer.meetings and not answer.decisions  # no meeting of that day invented


def test_in_english(ask: Ask) -> None:
    answer = ask("who attended the meeting on 24 January 2020?", now=NOW)
    assert "The day is mentioned in:" in answer.text
    assert "item 1 Föregående minnesanteckningar: “Anteckningarna från mötet 2020-01-24" in (
        answer.text
    )


def test_only_the_group_asked_about(ask: Ask) -> None:
    answer = ask("vad hände på mötet för ssr folkhälsa 2020-01-24?", now=NOW)
    assert "nämns i" not in answer.text


def test_a_day_nobody_speaks_of(ask: Ask) -> None:
    answer = ask("vad hände på mötet 2021-05-05?", now=NOW)
    assert not answer.found and "nämns i" not in answer.text


def test_not_before_the_minutes_are_written(ask: Ask) -> None:
    """Asked before the minutes that speak of the day were written: nothing of them."""
    answer = ask("vad hände på mötet 2020-01-24?", now="2020-03-01T10:00")
    assert "nämns i" not in answer.text


MINUTES = """Minnesanteckningar Chefsgrupp folkhälsa

Datum: {day}

Närvarande:
Anna Berg, Kumla

1. Föregående möte
{text}
"""


def test_a_day_written_many_ways(db_url: str, tmp_path: Path) -> None:
    files = {
        "a.md": MINUTES.format(day="2023-05-12", text="Anteckningarna från 24/10 godkändes."),
        "b.md": MINUTES.format(day="2023-06-09", text="Mötet 24/1 flyttades. Inget mer."),
        "c.md": MINUTES.format(day="2023-09-08", text="Från mötet 24 januari 2022: inget."),
        "d.md": MINUTES.format(day="2023-07-07", text="Mötet den 24 januari utgick."),
        # beyond the months in which later minutes speak of a meeting
        "e.md": MINUTES.format(day="2023-10-06", text="Mötet 2023-01-24 var långt."),
    }
    now = AskContext(now=datetime(2023, 12, 1, 10, tzinfo=STOCKHOLM))
    with assistant_over(db_url, tmp_path, files) as assistant:
        answer = assistant.answer("vad hände på mötet 2023-01-24?", now)
    lines = answer.text.splitlines()
    # 24/10 is another day, and so is 24 januari 2022; the first two of the others
    assert lines[1] == "Dagen nämns i:"
    assert lines[2].endswith("”Mötet 24/1 flyttades.”")
    assert lines[3].endswith("”Mötet den 24 januari utgick.”")
    assert "24/10" not in answer.text and "2022" not in answer.text and "långt" not in answer.text
