"""Formal protocols of groups the registry does not know (a nämnd, an
arbetsutskott): asked by the shorter names people use, their återremitterade
ärenden, and a month of meetings without a year placed where the store has them."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from bot.answers import Answer, AskContext
from bot.assistant import Assistant
from storage.parsing.records import STOCKHOLM
from tests.answering.conftest import assistant_over

NOW = AskContext(now=datetime(2026, 11, 22, 10, 0, tzinfo=STOCKHOLM))

KSAU = """PROTOKOLL

Kommunstyrelsens arbetsutskott

Sammanträdesdatum: {day}

Plats och tid: Kommunhuset, kl. 08.30–11.40

Beslutande:
Anna Lind (S), ordförande
Mona Eklöv (M)
Per Holm (C)

Sekreterare: Eva Berg

§ {n}0 Val av justerare
{justerare} utses att jämte ordföranden justera dagens protokoll.

§ {n}1 Riktlinjer för bidrag till föreningar
Arbetsutskottets beslut
Ärendet återremitteras till förvaltningen för att komplettera med en konsekvensanalys.

§ {n}2 Motion om solceller
Arbetsutskottets beslut
Arbetsutskottet föreslår kommunstyrelsen att avslå motionen.
"""
SOCIAL = """PROTOKOLL

Socialnämnden i Karlskoga kommun

Sammanträdesdatum: 21 oktober 2026

Plats och tid: Folkets hus, kl. 14.00–16.30

Beslutande:
Birgitta Hellkvist (S), ordförande
Olle Sand (M)

Sekreterare: Karin Ny

§ 112 Val av justerare
Olle Sand (M) utses att jämte ordföranden justera dagens protokoll.

§ 113 Ansökan om bidrag
Socialnämndens beslut
Ärendet återremitteras till förvaltningen för ytterligare beredning.

§ 114 Sammanträdesplan 2027
Nämnden fastställer sammanträdesplanen: 17 februari 2027 kl. 14.00.
"""
# the newest minutes, of another group: what a question naming no group is about
ENGLISH = """Minutes of the meeting of the Regional Steering Group for Digital Health, \
held on 12 November 2026 at 10:00–12:30, Conference room Tellus, Örebro

Present:
Margaret Olofsson, Region Örebro län (Chair)
Peter Wennström, Hallsbergs kommun (Secretary)

1. Remote monitoring pilot
Decision: The decision on extending the pilot was deferred to the next meeting.
"""


@pytest.fixture
def assistant(db_url: str, tmp_path: Path) -> Iterator[Assistant]:
    files = {
        "ksau_aug.md": KSAU.format(day="18 augusti 2026", n=7, justerare="Per Holm (C)"),
        "ksau_sep.md": KSAU.format(day="15 september 2026", n=8, justerare="Mona Eklöv (M)"),
        "social.md": SOCIAL,
        "english.md": ENGLISH,
    }
    with assistant_over(db_url, tmp_path, files) as assistant:
        yield assistant


def _ask(assistant: Assistant, question: str) -> Answer:
    return assistant.answer(question, NOW)


@pytest.mark.parametrize(
    "question",
    [
        "Vem var ordförande i socialnämnden i Karlskoga?",
        "vem var ordforande i socialnamden i karlskoga",  # no å/ä, a letter missing
        "Who chaired the social committee socialnämnden?",
    ],
)
def test_a_group_by_a_shorter_name(assistant: Assistant, question: str) -> None:
    answer = _ask(assistant, question)
    assert answer.intent == "meeting_roles" and answer.found
    assert "Birgitta Hellkvist" in answer.text and "Margaret Olofsson" not in answer.text


@pytest.mark.parametrize(
    "question",
    ["Vem justerade protokollet från arbetsutskottet?", "vem justerade arbetsutskottets protokoll"],
)
def test_the_justerare_of_the_groups_latest_minutes(assistant: Assistant, question: str) -> None:
    answer = _ask(assistant, question)
    assert answer.intent == "meeting_roles" and answer.found
    assert "Mona Eklöv" in answer.text and "15 september 2026" in answer.text
    assert "Per Holm" not in answer.text


@pytest.mark.parametrize(
    "question",
    [
        "Vilka ärenden återremitterades?",
        "vad har återremitterats",
        "which items were referred back?",
    ],
)
def test_referred_back_are_shown_as_postponed(assistant: Assistant, question: str) -> None:
    answer = _ask(assistant, question)
    assert answer.intent == "decisions" and answer.found
    assert all(d.kind == "postponed" for d in answer.decisions)
    texts = [d.text for d in answer.decisions]
    assert sum("återremitteras" in text for text in texts) == 3  # each meeting's once
    assert "återremitterat till förvaltningen" in answer.text or "referred back to" in answer.text


def test_referred_back_in_one_group(assistant: Assistant) -> None:
    answer = _ask(assistant, "vilka ärenden återremitterades i socialnämnden?")
    assert [(d.meeting_date, d.item) for d in answer.decisions] == [("2026-10-21", "§ 113")]


@pytest.mark.parametrize(
    ("question", "header"),
    [
        # February 2026 is past and had none; February 2027 has a meeting planned
        ("möten i februari", "Möten i februari 2027 (1):"),
        ("Vilka möten är det i februari?", "Möten i februari 2027 (1):"),
        ("meetings in february", "Meetings in February 2027 (1):"),
        # none planned in August 2027: the August just past, which had one
        ("möten i augusti", "Möten i augusti 2026 (1):"),
    ],
)
def test_a_month_without_a_year_where_the_store_has_meetings(
    assistant: Assistant, question: str, header: str
) -> None:
    answer = _ask(assistant, question)
    assert answer.intent == "meetings" and answer.text.splitlines()[0] == header


def test_a_month_asked_in_the_past_tense_is_the_past_one(assistant: Assistant) -> None:
    answer = _ask(assistant, "Vilka möten hölls i februari?")
    assert not answer.found and "inga möten i februari 2026" in answer.text
