"""Lists of meetings narrowed by tense (held so far, or left), by how they were
held (digital, in person), and a day without a year, left for the store to place."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from bot.understanding import Period
from tests.understanding.asking import CHEFSGRUPP, ask, check

YEAR_2026 = Period(date(2026, 1, 1), date(2026, 12, 31))
YEAR_2023 = Period(date(2023, 1, 1), date(2023, 12, 31))


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Vilka möten har hållits i år?", {"part": "past", "period": YEAR_2026}),
        ("vilka moten har hallits i ar", {"part": "past", "period": YEAR_2026}),
        (
            "Hur många möten har chefsgruppen haft 2026?",
            {"part": "past", "group": CHEFSGRUPP, "period": YEAR_2026},
        ),
        ("which meetings were held this year?", {"part": "past", "period": YEAR_2026}),
        (
            "hur många gånger har chefsgruppen träffats i år?",
            {"intent": "meetings", "part": "past", "group": CHEFSGRUPP, "period": YEAR_2026},
        ),
        ("har vi mötts något i år?", {"part": "past", "period": YEAR_2026}),
        # how often: this year's meetings, or else those of the latest year with any
        (
            "hur ofta träffas chefsgruppen?",
            {"intent": "meetings", "group": CHEFSGRUPP, "period": YEAR_2026, "period_lean": "past"},
        ),
        ("how often do we meet?", {"intent": "meetings", "period": YEAR_2026}),
        ("how many meetings did we have in 2026", {"part": "past", "period": YEAR_2026}),
        ("Vilka möten är kvar i år?", {"part": "future", "period": YEAR_2026}),
        ("vilka möten återstår i år", {"part": "future", "period": YEAR_2026}),
        ("vilka kommande möten finns 2026", {"part": "future"}),
        ("which meetings are left this year?", {"part": "future", "period": YEAR_2026}),
        ("what meetings remaining in 2026", {"part": "future", "period": YEAR_2026}),
        ("Vilka möten har chefsgruppen 2023?", {"part": None, "period": YEAR_2023}),
    ],
)
def test_held_or_left(question: str, expected: dict[str, Any]) -> None:
    check(ask(question), {"intent": "meetings", **expected})


@pytest.mark.parametrize(
    ("question", "mode"),
    [
        ("Vilka möten var digitala 2023?", "digital"),
        ("vilka moten var digitala 2023", "digital"),
        ("vilka möten hölls på Teams 2023", "digital"),
        ("which meetings were online in 2023?", "digital"),
        ("vilka möten var fysiska 2023?", "physical"),
        ("which meetings were held in person in 2023?", "physical"),
        ("Vilka möten har chefsgruppen 2023?", None),
    ],
)
def test_mode(question: str, mode: str | None) -> None:
    check(ask(question), {"intent": "meetings", "mode": mode, "period": YEAR_2023})


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # the grammar's year stands until the store places the day (bot.answering.dates)
        ("Var ska mötet den 28 augusti hållas?", {"date_lean": "future"}),
        ("Blev mötet den 24 april inställt?", {"date_lean": "past"}),
        ("vem var med på mötet den 29 maj", {"date_lean": "past"}),
        ("Vad beslutades 2023-09-08?", {"date_lean": None}),
        ("Vem var ordförande den 20 september 2024?", {"date_lean": None}),
        ("vilka möten har chefsgruppen i maj", {"date_lean": None}),  # a month: a period
    ],
)
def test_a_day_without_a_year_is_marked(question: str, expected: dict[str, Any]) -> None:
    check(ask(question), expected)
