"""A formal protocol's lists, asked about: "Beslutande" (members and the substitutes
serving for them), "Ersättare", a "tjänstgörande ersättare", the chair and vice chair
who sit as members, and the party each is marked with."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from bot.answers import Answer, AskContext
from bot.assistant import Assistant
from bot.understanding import understand
from storage.parsing.records import STOCKHOLM
from tests.answering.conftest import assistant_over

PROTOCOL = """PROTOKOLL
Socialnämnden i Kumla kommun

Sammanträdesdatum: 2026-10-21
Plats och tid: Kommunhuset, Sessionssalen, kl. 13.00–15.30

Beslutande
Anna Andersson (S), ordförande
Bertil Berg (M), vice ordförande
Cecilia Carlsson (C)
Sven Svensson (SD), tjänstgörande ersättare för David Dahl (SD)

Ersättare
Erik Ek (S)
Fia Fors (L)

Övriga närvarande
Gunilla Gran, socialchef
Hans Holm, nämndsekreterare

Justerare: Bertil Berg
Sekreterare: Hans Holm

§ 101 Val av justerare
Socialnämnden beslutar att utse Bertil Berg att justera protokollet.

§ 102 Budgetuppföljning september 2026
Beslut
Socialnämnden beslutar att godkänna budgetuppföljningen.
"""
NOW = AskContext(now=datetime(2026, 11, 1, 10, tzinfo=STOCKHOLM))


@pytest.fixture
def assistant(db_url: str, tmp_path: Path) -> Iterator[Assistant]:
    with assistant_over(db_url, tmp_path, {"sn_2026-10-21.txt": PROTOCOL}) as assistant:
        yield assistant


def _ask(assistant: Assistant, question: str) -> Answer:
    return assistant.answer(question, NOW)


def _names(answer: Answer) -> list[str]:
    return [p.name for p in answer.people]


@pytest.mark.parametrize(
    ("question", "said", "names"),
    [
        (
            "vilka var beslutande?",
            "beslutande (4): Anna Andersson (S), Bertil Berg (M), Cecilia Carlsson (C), "
            "Sven Svensson (SD)",
            ["Anna Andersson", "Bertil Berg", "Cecilia Carlsson", "Sven Svensson"],
        ),
        (
            "vilka ledamöter var med på senaste mötet?",
            "ledamöter (3): Anna Andersson (S), Bertil Berg (M), Cecilia Carlsson (C)",
            ["Anna Andersson", "Bertil Berg", "Cecilia Carlsson"],
        ),
        (
            "vilka var ersättare på senaste mötet?",
            "ersättare (3): Sven Svensson (SD), Erik Ek (S), Fia Fors (L)",
            ["Sven Svensson", "Erik Ek", "Fia Fors"],
        ),
        (
            "vem var tjänstgörande ersättare?",
            "tjänstgörande ersättare (1): Sven Svensson (SD)",
            ["Sven Svensson"],
        ),
        (
            "who were the voting members at the last meeting?",
            "voting members (4): Anna Andersson (S), Bertil Berg (M), Cecilia Carlsson (C), "
            "Sven Svensson (SD)",
            ["Anna Andersson", "Bertil Berg", "Cecilia Carlsson", "Sven Svensson"],
        ),
    ],
)
def test_a_meetings_list_by_seat(
    assistant: Assistant, question: str, said: str, names: list[str]
) -> None:
    answer = _ask(assistant, question)
    assert answer.intent == "attendance" and answer.found
    assert said in answer.text.splitlines()[0]
    assert _names(answer) == names
    assert [s.meeting_date for s in answer.sources] == ["2026-10-21"]


def test_absent_member_with_party(assistant: Assistant) -> None:
    answer = _ask(assistant, "vilka var frånvarande?")
    assert answer.text.splitlines()[0].endswith("(1): David Dahl (SD)")


def test_chair_with_party(assistant: Assistant) -> None:
    answer = _ask(assistant, "vem var ordförande?")
    assert "Anna Andersson (S)" in answer.text


@pytest.mark.parametrize(
    ("question", "intent", "role"),
    [
        ("vilka var beslutande?", "attendance", "beslutande"),
        ("vilka var beslutande på mötet 21 oktober?", "attendance", "beslutande"),
        ("vem var tjänstgörande ersättare?", "attendance", "tjänstgörande ersättare"),
        ("who were the substitutes at the last meeting?", "attendance", "ersättare"),
        # a municipality's: its representatives, not one meeting's list
        ("vem är ersättare för Kumla i chefsgruppen?", "representatives", "ersättare"),
        ("vilka ledamöter har Kumla?", "representatives", "ledamot"),
        # "beslutande" is no decision, "beslut" is
        ("vilka beslut fattades?", "decisions", None),
    ],
)
def test_seats_understood(question: str, intent: str, role: str | None) -> None:
    query = understand(question, now=NOW.now)
    assert (query.intent.value, query.role) == (intent, role)
