"""A committee's §-protocols, as a municipality writes them: the committee named with
a comma ("Kommunstyrelsens arbetsutskott, Hallsbergs kommun") deciding in its own
name, a case reference line before the decision ("Dnr KS 2026/112"), a motion tabled
and decided at the next meeting, and a meeting of the schedule cancelled."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from bot.answers import Answer, AskContext
from bot.assistant import Assistant
from bot.understanding import understand
from storage.parsing.decision_rules import self_names_for
from storage.parsing.decisions import find_decisions
from storage.parsing.records import STOCKHOLM
from tests.answering.conftest import assistant_over

SEPTEMBER = """Kommunstyrelsens arbetsutskott, Hallsbergs kommun
PROTOKOLL 2026-09-15

Tid och plats: Kl. 08.30–11.00, Kommunhuset, sal Tisaren

Närvarolista
Ledamöter
Magnus Andersson (S), ordförande
Siw Lunader (S)
Eva-Lena Nilsson (M), vice ordförande

Övriga
Tomas Lind, sekreterare

§ 46 Detaljplan för Norra Folkasboda
Dnr KS 2026/112
Arbetsutskottet beslutar
att föreslå kommunstyrelsen att anta detaljplanen, samt
att uppdra åt förvaltningen att informera berörda fastighetsägare.

§ 47 Motion om gång- och cykelväg till Vretstorp
Arbetsutskottet beslutar att bordlägga ärendet till nästa sammanträde.

§ 49 Kommande sammanträden
Arbetsutskottet sammanträder 2026-10-13 kl. 08.30 och 2026-11-10 kl. 08.30. Sammanträdet den 8 december ställs in.
"""
OCTOBER = """Kommunstyrelsens arbetsutskott, Hallsbergs kommun
PROTOKOLL 2026-10-13

Tid och plats: Kl. 08.30–10.30, Kommunhuset, sal Tisaren

Beslutande
Magnus Andersson (S), ordförande
Siw Lunader (S)

§ 50 Motion om gång- och cykelväg till Vretstorp
Arbetsutskottet beslutar att föreslå kommunstyrelsen att bifalla motionen.
"""
NOW = AskContext(now=datetime(2026, 10, 20, 10, tzinfo=STOCKHOLM))
COMMITTEE = "Kommunstyrelsens arbetsutskott, Hallsbergs kommun"


@pytest.fixture
def assistant(db_url: str, tmp_path: Path) -> Iterator[Assistant]:
    files = {"ksau_2026-09-15.txt": SEPTEMBER, "ksau_2026-10-13.txt": OCTOBER}
    with assistant_over(db_url, tmp_path, files) as assistant:
        yield assistant


def _ask(assistant: Assistant, question: str) -> Answer:
    return assistant.answer(question, NOW)


def test_the_committee_decides_in_its_own_name() -> None:
    assert "arbetsutskottet" in self_names_for([COMMITTEE])
    found = find_decisions(
        "Arbetsutskottet beslutar att föreslå kommunstyrelsen att bifalla motionen.",
        self_names=self_names_for([COMMITTEE]),
    )
    assert [d.text for d in found] == [
        "Arbetsutskottet beslutar att föreslå kommunstyrelsen att bifalla motionen."
    ]


def test_a_reference_line_does_not_hide_the_decision(assistant: Assistant) -> None:
    answer = _ask(assistant, "vad beslutades om detaljplanen?")
    assert answer.found and [(d.meeting_date, d.item) for d in answer.decisions] == [
        ("2026-09-15", "§ 46")
    ]
    assert answer.decisions[0].text.startswith(
        "Arbetsutskottet beslutar att föreslå kommunstyrelsen att anta detaljplanen"
    )


def test_a_tabled_motion_is_followed_to_its_decision(assistant: Assistant) -> None:
    answer = _ask(assistant, "vad hände med motionen om gång- och cykelväg?")
    lines = answer.text.splitlines()
    followed = next(line for line in lines if line.strip().startswith("Följdes upp:"))
    assert "tisdag 13 oktober 2026, punkt § 50" in followed and "bifalla motionen" in followed


@pytest.mark.parametrize("question", ["ställs något möte in?", "ställs mötet i december in?"])
def test_the_cancelled_meeting(assistant: Assistant, question: str) -> None:
    answer = _ask(assistant, question)
    assert answer.intent == "meetings"
    assert [(m.start[:10], m.status) for m in answer.meetings] == [("2026-12-08", "cancelled")]


def test_the_schedules_own_words_are_no_note(assistant: Assistant) -> None:
    answer = _ask(assistant, "vilka möten har arbetsutskottet i höst?")
    assert "sammanträder" not in answer.text
    assert [m.start[:10] for m in answer.meetings] == [
        "2026-09-15",
        "2026-10-13",
        "2026-11-10",
        "2026-12-08",
    ]


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("ställ in påminnelser för nästa möte", "subscribe"),
        ("ställ in en påminnelse två dagar innan", "subscribe"),
        ("vilka påminnelser finns?", "list_subscriptions"),
        ("ställs något möte in?", "meetings"),
    ],
)
def test_stalla_in_is_setting_up_or_cancelling(question: str, intent: str) -> None:
    assert understand(question, now=NOW.now).intent == intent
