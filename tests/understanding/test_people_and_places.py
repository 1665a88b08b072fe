"""Questions about one person's attendance, a group's members, a länsdel, guests,
and one meeting picked by "första"/"senaste"."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from bot.understanding.query import Period
from tests.understanding.asking import CHEFSGRUPP_FH, ask, check


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Var Eva Persson med på mötet 29 maj 2026?", {"person": "Eva Persson"}),
        ("var anna ek med pa motet 29 maj 2026", {"person": "Anna Ek"}),
        ("Was Anna Ek present on 29 May 2026?", {"person": "Anna Ek"}),
        ("Var det många med på mötet 29 maj 2026?", {"person": None}),
        ("Vilka var med på mötet 29 maj 2026?", {"person": None}),
        ("Vilka gäster var med den 29 maj?", {"role": "gäst"}),
        ("who were the guests on 29 May 2026", {"role": "gäst"}),
        ("who took part via skype", {}),
    ],
)
def test_attendance(question: str, expected: dict[str, Any]) -> None:
    check(ask(question), {"intent": "attendance", **expected})


@pytest.mark.parametrize(
    "question",
    [
        "Vilka är med i chefsgrupp folkhälsa?",
        "vilka ar med i chefsgrupp folkhalsa",
        "who is in chefsgrupp folkhälsa",
        "members of chefsgrupp folkhälsa",
    ],
)
def test_members(question: str) -> None:
    check(ask(question), {"intent": "representatives", "group": CHEFSGRUPP_FH})


@pytest.mark.parametrize(
    ("question", "lansdel"),
    [
        ("Vem representerar norra länsdelen?", "Norr"),
        ("vem representerar norra lansdelen", "Norr"),
        ("Vem representerar södra länsdelen?", "Söder"),
        ("Vem representerar Söder?", "Söder"),
        ("vem representerar vaster", "Väster"),
        ("Vem representerar länsdel Örebro?", "länsdel Örebro"),
        ("who represents the northern part of the county", "Norr"),
    ],
)
def test_lansdel(question: str, lansdel: str) -> None:
    check(
        ask(question), {"intent": "representatives", "organization": lansdel, "municipality": None}
    )


def test_nora_stays_nora() -> None:
    check(ask("Vem representerar Nora?"), {"municipality": "Nora", "organization": None})


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Vilka beslut fattades på senaste mötet?", {"which": "last"}),
        ("beslut på första mötet 2023", {"which": "first"}),
        (
            "what was decided at the first meeting of 2023",
            {"which": "first", "period": Period(date(2023, 1, 1), date(2023, 12, 31))},
        ),
    ],
)
def test_one_meeting(question: str, expected: dict[str, Any]) -> None:
    check(ask(question), {"intent": "decisions", **expected})


def test_hyphen_on_its_word() -> None:
    check(
        ask("Vad beslutades om hälso- och sjukvård i hemmet?"),
        {"topic": "hälso- och sjukvård i hemmet"},
    )
