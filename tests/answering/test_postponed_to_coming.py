"""A coming meeting's agenda before its minutes: the questions postponed to it and
not decided since ("vad ska vi ta upp på nästa möte?"). The words of a referral
("höstens sista möte", "augusti månads möte", "under våren") are read against the
group's schedule; a question referred to another body, to another meeting, or
decided since is not on it."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from bot.answering.referred import Target, target
from bot.answers import AskContext
from storage.parsing.records import STOCKHOLM
from tests.answering.conftest import Ask, assistant_over
from tests.conftest import BACKENDS, database_url

MAY_29 = "2026-05-29"


def test_the_next_meeting_holds_what_was_postponed_to_the_autumns_last(ask: Ask) -> None:
    answer = ask("vad ska vi ta upp på nästa möte?")
    assert answer.intent == "agenda" and not answer.found  # its agenda is not known
    assert answer.meetings[0].start.startswith("2026-12-11")
    assert "Frågor uppskjutna till detta möte:" in answer.text
    assert [(d.meeting_date, d.item) for d in answer.decisions] == [(MAY_29, "8")]
    assert "Beslut under höstens sista möte" in answer.decisions[0].text
    # to the AU in June, and to the August meeting: not this one
    assert "kommande AU" not in answer.text and "augusti månads möte" not in answer.text
    assert any(s.meeting_date == MAY_29 and s.item == "8" for s in answer.sources)


def test_in_june_the_august_meeting_holds_the_question_sent_there(ask: Ask) -> None:
    answer = ask("vad står på dagordningen för nästa möte?", now="2026-06-15T10:00:00")
    assert answer.meetings[0].start.startswith("2026-08-28")
    assert [d.text for d in answer.decisions] == [
        "Ny diskussion och beslutsförslag i augusti månads möte."
    ]
    english = ask("what will be decided at the next meeting?", now="2026-06-15T10:00:00")
    assert english.intent == "decisions" and not english.found
    assert "Questions postponed to this meeting:" in english.text
    assert len(english.decisions) == 1


def test_a_question_postponed_to_the_autumn_may_be_on_any_autumn_meeting(ask: Ask) -> None:
    answer = ask("vad står på dagordningen för nästa möte?", now="2023-09-20T10:00:00")
    assert answer.meetings[0].start.startswith("2023-10-12")
    assert "Frågor uppskjutna till en period som mötet ligger i:" in answer.text
    assert [d.meeting_date for d in answer.decisions] == ["2023-09-08"]


def test_decisions_of_a_month_ahead_are_its_meetings_not_a_month_past(ask: Ask) -> None:
    """Asked in June, "vad ska beslutas i oktober?" is the coming October's meeting
    (no minutes yet), not October 2022's decisions."""
    for question in ("vad ska beslutas i oktober?", "what will be decided in October?"):
        answer = ask(question, now="2026-06-15T10:00:00")
        assert answer.intent == "decisions" and not answer.found
        assert answer.meetings[0].start.startswith("2026-10-08")
        assert "2022" not in answer.text
    past = ask("vad beslutades i oktober?", now="2026-06-15T10:00:00")
    assert past.found and past.decisions[0].meeting_date == "2022-10-13"


SPRING = """Chefsgrupp för samverkan social välfärd samt vård och omsorg

När: 6 mars 2026, fredag kl. 9.00 – 12.00

Närvarande:

Åberg Henrik, Reg utv Välfärd och folkhälsa – ordf.

\tMinnes- anteckningar\tDelpunkter
1.\tInledning\tNärvaro
2.\tBudget 2027\t<p>Förslag till budget. Beslut: Beslutet bordläggs till ett möte under våren.</p>
3.\tLokaler för internatet\t<p>Förslag om lokaler. Beslut: Frågan bordläggs till ett möte under våren.</p>
4.\tKommande möten\t<p>17 april kl 9-12, 5 juni kl 9-12</p>
"""
DECIDED = """Chefsgrupp för samverkan social välfärd samt vård och omsorg

När: 17 april 2026, fredag kl. 9.00 – 12.00

Närvarande:

Åberg Henrik, Reg utv Välfärd och folkhälsa – ordf.

\tMinnes- anteckningar\tDelpunkter
1.\tInledning\tNärvaro
2.\tBudget 2027\t<p>Beslut: Budgeten för 2027 antas.</p>
"""


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_question_decided_since_is_not_on_the_agenda(backend: str, tmp_path: Path) -> None:
    files = {"2026-03-06.md": SPRING, "2026-04-17.md": DECIDED}
    with assistant_over(database_url(backend, tmp_path), tmp_path, files) as assistant:
        now = datetime(2026, 5, 1, 10, tzinfo=STOCKHOLM)
        answer = assistant.answer("vad står på dagordningen för nästa möte?", AskContext(now=now))
    assert answer.meetings[0].start.startswith("2026-06-05")
    assert [d.title for d in answer.decisions] == ["Lokaler för internatet"]  # budget: decided


@pytest.mark.parametrize(
    ("words", "decided", "expected"),
    [
        (
            "höstens sista möte",
            date(2026, 5, 29),
            Target(date(2026, 8, 1), date(2026, 12, 31), "last"),
        ),
        (
            "augusti månads möte",
            date(2026, 5, 29),
            Target(date(2026, 8, 1), date(2026, 8, 31), "first"),
        ),
        (
            "mötet i februari",
            date(2026, 11, 20),
            Target(date(2027, 2, 1), date(2027, 2, 28), "first"),
        ),
        ("nästa möte", date(2026, 3, 6), Target(date(2026, 3, 7), date(2027, 3, 7), "first")),
        (
            "chefsgruppen under hösten",
            date(2023, 9, 8),
            Target(date(2023, 9, 9), date(2023, 12, 31), "any"),
        ),
        ("next meeting", date(2026, 3, 6), Target(date(2026, 3, 7), date(2027, 3, 7), "first")),
        # later the same month; the last of a month
        ("mötet i maj", date(2026, 5, 5), Target(date(2026, 5, 6), date(2026, 5, 31), "first")),
        (
            "sista mötet i november",
            date(2026, 5, 5),
            Target(date(2026, 11, 1), date(2026, 11, 30), "last"),
        ),
        # winter runs into the next year
        ("under vintern", date(2026, 5, 29), Target(date(2026, 12, 1), date(2027, 2, 28), "any")),
    ],
)
def test_where_a_referral_points(words: str, decided: date, expected: Target) -> None:
    chefsgrupp = "Chefsgrupp för samverkan social välfärd samt vård och omsorg"
    assert target(words, decided, (chefsgrupp,)) == expected


@pytest.mark.parametrize(
    "words",
    [
        "kommande AU i juni månad",
        "kommunstyrelsen",
        "chefsgrupp folkhälsa i maj",
        "vidare beredning",
    ],
)
def test_referrals_elsewhere_or_to_no_time(words: str) -> None:
    chefsgrupp = "Chefsgrupp för samverkan social välfärd samt vård och omsorg"
    assert target(words, date(2026, 5, 29), (chefsgrupp,)) is None


def test_a_postponed_question_not_yet_decided_names_the_meeting_it_waits_for(ask: Ask) -> None:
    answer = ask("när ska beslut om nära vård tas?")
    assert (
        "Inget senare beslut i frågan finns i protokollen ännu. Höstens sista möte är enligt "
        "mötesplanen fredag 11 december 2026."
    ) in answer.text
    june = ask("what was decided about psykisk hälsa?", now="2026-06-15T10:00:00")
    assert "By the schedule, augusti månads möte is on Friday 28 August 2026." in june.text
    # the one referred to the AU has no meeting of the group's own
    au = next(line for line in june.text.splitlines() if "kommande AU" in line)
    following = june.text.splitlines()[june.text.splitlines().index(au) + 1]
    assert following.strip() == "No later decision on it is in the minutes yet."
    # once the meeting is past, the schedule is not offered as where it waits
    later = ask("vad beslutades om psykisk hälsa?", now="2026-09-15T10:00:00")
    assert "enligt mötesplanen" not in later.text
