"""A postponed question followed to where it went: its own group's later
meetings, or those of the group it was referred to, never any other group's."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session

from bot.answers import AskContext
from bot.assistant import Assistant
from storage.loading import load_paths
from storage.parsing.records import STOCKHOLM
from storage.queries import later_decisions, read_followed
from storage.store import Store
from tests.answering.conftest import assistant_over
from tests.storage.test_sessions import statements_run

MINUTES = sorted((Path(__file__).parent / "minutes").glob("*.md"))
OTHER_GROUP = "Chefsgrupp för samverkan social välfärd samt vård och omsorg"
NOW = AskContext(now=datetime(2026, 11, 22, 10, 0, tzinfo=STOCKHOLM))


@pytest.fixture
def assistant(db_url: str) -> Iterator[Assistant]:
    store = Store.open(db_url)
    assert load_paths(store, MINUTES).ok
    yield Assistant(store)
    store.close()


@pytest.mark.parametrize(
    "question",
    [
        "vad beslutades om läkemedelsgenomgångar?",
        "vad beslutades om läkemedelsgenomgångar i mars 2026?",  # found by a query, not in the list
    ],
)
def test_referred_to_another_group_and_decided_there(assistant: Assistant, question: str) -> None:
    answer = assistant.answer(question, NOW)
    lines = answer.text.splitlines()
    referred = next(
        i for i, line in enumerate(lines) if "hänskjutet till chefsgrupp folkhälsa" in line
    )
    assert (
        lines[referred + 1]
        .strip()
        .startswith("Följdes upp: Chefsgrupp folkhälsa fredag 17 april 2026")
    )


def test_not_followed_into_an_unrelated_group(assistant: Assistant, db_url: str) -> None:
    """The same words decided in a group it was not referred to are not where it went."""
    store = Store.open(db_url)
    with store.transaction() as session:
        session.execute(
            text("UPDATE groups SET name = 'Annan grupp' WHERE name = 'Chefsgrupp folkhälsa'")
        )
    store.close()
    answer = assistant.answer("vad beslutades om läkemedelsgenomgångar i mars 2026?", NOW)
    assert "Följdes upp" not in answer.text
    assert "Inget senare beslut i frågan finns i protokollen ännu." in answer.text


def test_later_decisions_of_a_group_match_word_beginnings_oldest_first(
    assistant: Assistant,
) -> None:
    """The follow-up's one statement: the group's decisions in the period whose item
    speaks of every word (a word's beginning, as a search widens it), oldest first."""
    start = datetime(2026, 1, 1, tzinfo=STOCKHOLM)
    end = datetime(2027, 1, 1, tzinfo=STOCKHOLM)
    with assistant.store.session() as session:
        found = later_decisions(
            session, ["lakemedelsgenomgang"], group="Chefsgrupp folkhälsa", start=start, end=end
        )
        prefix = later_decisions(
            session, ["lakemedelsgenom"], group="Chefsgrupp folkhälsa", start=start, end=end
        )
        other_words = later_decisions(
            session,
            ["lakemedelsgenomgang", "karnkraft"],
            group="Chefsgrupp folkhälsa",
            start=start,
            end=end,
        )
        before = later_decisions(
            session,
            ["lakemedelsgenomgang"],
            group="Chefsgrupp folkhälsa",
            start=start,
            end=datetime(2026, 4, 1, tzinfo=STOCKHOLM),
        )
        # a pattern's own characters are words' characters, not wildcards
        wild = [
            later_decisions(session, [w], group="Chefsgrupp folkhälsa", start=start, end=end)
            for w in ("%", "_akemedelsgenomgang", "lakemedels%", "lak")  # "lak": short, itself
        ]
    assert found and all("Chefsgrupp folkhälsa" in d.groups for d in found)
    assert [d.meeting_date for d in found] == sorted(d.meeting_date for d in found)
    assert found[0].meeting_date.isoformat() == "2026-04-17"
    assert prefix == found
    assert other_words == [] and before == []
    assert wild == [[], [], [], []]


def test_follow_ups_of_several_groups_are_read_in_one_statement(assistant: Assistant) -> None:
    """read_followed reads the spans an answer will follow up at once, whatever their
    groups, periods and words; later_decisions then finds in them what it finds
    reading each span itself (a decision in two spans in each, a group not stored in
    none)."""
    year = (datetime(2026, 1, 1, tzinfo=STOCKHOLM), datetime(2027, 1, 1, tzinfo=STOCKHOLM))
    spring = (datetime(2026, 3, 7, tzinfo=STOCKHOLM), datetime(2026, 5, 1, tzinfo=STOCKHOLM))
    words = ("lakemedelsgenomgang",)
    spans = [
        ("Chefsgrupp folkhälsa", *spring, words),
        (OTHER_GROUP, *year, words),
        ("Chefsgrupp folkhälsa", *year, ("lakemedelsgenom",)),
        ("Ingen sådan grupp", *year, words),
    ]

    def follow(session: Session) -> list[list[str]]:
        return [
            [
                f"{d.meeting_date} {d.item_title}"
                for d in later_decisions(session, w, group=g, start=s, end=e)
            ]
            for g, s, e, w in spans
        ]

    with assistant.store.session() as session:
        alone = follow(session)
    with statements_run(assistant.store) as seen, assistant.store.session() as session:
        read_followed(session, spans)
        together = follow(session)
    assert together == alone
    assert [d[:10] for d in alone[0]] == ["2026-04-17"] and [d[:10] for d in alone[1]] == [
        "2026-03-06"
    ]
    assert alone[2] == alone[0] and alone[3] == []
    assert len([s for s in seen if "FROM decisions" in s]) == 1


TABLED = """Kommunstyrelsens arbetsutskott, Kumla kommun
PROTOKOLL {day}

Tid och plats: Kl. 08.30–11.00, Kommunhuset

§ 1 Riktlinje för tandvård i hemmet
Arbetsutskottet beslutar {decision}
"""


@pytest.mark.parametrize(
    ("question", "followed_statements"),
    [
        # every decision on the words in 2026 is in the answer: the later one among them
        ("vad beslutades om tandvård 2026?", 0),
        # only the postponed ones are read: the later one is looked for
        ("vilka frågor om tandvård bordlades 2026?", 1),
    ],
)
def test_a_later_decision_the_answer_holds_needs_no_statement(
    db_url: str, tmp_path: Path, question: str, followed_statements: int
) -> None:
    files = {
        "au_2026-02-10.txt": TABLED.format(
            day="2026-02-10", decision="att bordlägga ärendet till nästa sammanträde."
        ),
        "au_2026-03-10.txt": TABLED.format(day="2026-03-10", decision="att anta riktlinjen."),
    }
    with (
        assistant_over(db_url, tmp_path, files) as assistant,
        statements_run(assistant.store) as seen,
    ):
        answer = assistant.answer(question, NOW)
    lines = answer.text.splitlines()
    tabled = next(i for i, line in enumerate(lines) if "bordlägga ärendet" in line)
    assert (
        lines[tabled + 1]
        .strip()
        .startswith("Följdes upp: Kommunstyrelsens arbetsutskott, Kumla kommun tisdag 10 mars 2026")
    )
    assert len([s for s in seen if "FROM decisions" in s]) == 1 + followed_statements
