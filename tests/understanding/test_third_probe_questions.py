"""A tester's third round of questions, as understood: a town that begins like a
länsdel, organisations by their place, informal words for absent, meeting verbs in
the past tense and as a verb ("sammanträder"), what a person presented, and a group
by the compound people make of its name ("barnhälsogruppen")."""

from __future__ import annotations

import pytest

from bot.understanding import Vocabulary
from bot.understanding.lexicon import correct_keys
from bot.understanding.names import group_short_forms, organization_places
from tests.understanding.asking import CHEFSGRUPP, SSR_FH, SSR_SVO, ask, check

ORGANIZATIONS = ["Sala kommun", "Västerås stad", "Köpings kommun", "Region Västmanland"]
BARN = "Länsgruppen för barnhälsa"
SOCIAL = "Socialnämnden i Karlskoga kommun"
STORED = Vocabulary.build(
    groups=[BARN, SOCIAL, "Regional Steering Group for Digital Health"],
    people=["Jan Sundelius", "Anna Lindqvist"],
    organizations=ORGANIZATIONS,
)


def test_a_longer_word_is_no_typo_of_its_beginning() -> None:
    assert correct_keys(["vasteras", "vastra", "nastaa"]) == ["vasteras", "vastra", "nasta"]


@pytest.mark.parametrize(
    ("question", "organization"),
    [
        ("Vem representerar Västerås?", "Västerås stad"),
        ("vem representerar vasteras", "Västerås stad"),
        ("Vem representerar Sala?", "Sala kommun"),
        ("Vem representerar Köping?", "Köpings kommun"),
        ("who represents koping", "Köpings kommun"),
    ],
)
def test_a_place_outside_the_region_is_its_organisation(question: str, organization: str) -> None:
    check(
        ask(question, vocabulary=STORED),
        {"intent": "representatives", "organization": organization, "municipality": None},
    )


def test_a_town_is_no_lansdel_without_stored_organisations() -> None:
    query = ask("Vem representerar Västerås?")
    assert query.organization != "Väster" and query.municipality is None


def test_organization_places() -> None:
    assert organization_places("sala kommun") == ("sala",)
    assert organization_places("vasteras stad") == ("vasteras",)
    assert organization_places("region orebro lan") == ("orebro lan",)
    assert organization_places("olbf") == ()


@pytest.mark.parametrize(
    "question",
    [
        "vem var borta 29 maj",
        "vilka var borta på mötet 29 maj?",
        "who was away on 29 May?",
        "vilka saknades 29 maj",
        "vilka var inte med 29 maj",
    ],
)
def test_informal_words_for_absent(question: str) -> None:
    check(ask(question), {"intent": "attendance", "absent": True})


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "När träffades de specifika samverkansråden senast?",
            {"groups": (SSR_FH, SSR_SVO), "which": "last"},
        ),
        ("När träffades chefsgruppen senast?", {"group": CHEFSGRUPP, "which": "last"}),
        ("When did the public health council last meet?", {"group": SSR_FH, "which": "last"}),
    ],
)
def test_met_last_time_is_the_latest_meeting(question: str, expected: dict[str, object]) -> None:
    check(ask(question), {"intent": "meeting_info", **expected})


def test_a_meeting_verb_with_a_year_lists_the_meetings() -> None:
    query = ask("När sammanträder socialnämnden i Karlskoga 2027?", vocabulary=STORED)
    check(query, {"intent": "meetings", "group": SOCIAL})
    assert query.period is not None and query.period.start.year == 2027


@pytest.mark.parametrize(
    "question",
    [
        "Vilka ärenden föredrog Jan Sundelius?",
        "vilka punkter presenterade jan sundelius",
        "What did Jan Sundelius present?",
        "Vad har Jan Sundelius föredragit?",
    ],
)
def test_what_a_person_presented(question: str) -> None:
    check(ask(question, vocabulary=STORED), {"intent": "agenda", "person": "Jan Sundelius"})


def test_present_at_a_meeting_is_still_attendance() -> None:
    query = ask("Was Jan Sundelius present on 29 May 2026?", vocabulary=STORED)
    check(query, {"intent": "attendance", "person": "Jan Sundelius"})


def test_attendance_today() -> None:
    check(ask("Vilka är med på mötet idag?"), {"intent": "attendance"})


@pytest.mark.parametrize(
    "question",
    ["Vem var justerare i barnhälsogruppen?", "vem var justerare i barnhalsogruppen"],
)
def test_a_group_by_the_compound_of_its_name(question: str) -> None:
    check(ask(question, vocabulary=STORED), {"intent": "meeting_roles", "group": BARN})


def test_compound_short_forms() -> None:
    forms = group_short_forms("lansgruppen for barnhalsa")
    assert {"barnhalsogrupp", "barnhalsagrupp"} <= set(forms)
    assert "digital health group" in group_short_forms("regional steering group for digital health")
    # a place is no topic: "socialnämnden i Karlskoga" is no "karlskoganämnd"
    assert not any(
        "karlskoga" in f and " " not in f
        for f in group_short_forms("socialnamnden i karlskoga kommun")
    )
