"""Questions about when and where groups meet: next_meeting, meetings, meeting_info."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from bot.understanding import Period
from tests.understanding.asking import CHEFSGRUPP, CHEFSGRUPP_FH, SSR_FH, SSR_SVO, ask, check

NEXT = {"intent": "next_meeting", "which": "next"}


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("När är nästa möte?", {**NEXT, "group": None, "language": "sv"}),
        ("nar ar nasta mote for ssr folkhalsa", {**NEXT, "group": SSR_FH, "language": "sv"}),
        ("NÄR ÄR NÄSTA MÖTE FÖR SSR FOLKHÄLSA", {**NEXT, "group": SSR_FH}),
        ("when do we meet next", {**NEXT, "language": "en"}),
        ("When is the next meeting?", {**NEXT, "language": "en"}),
        ("when's the next meeting of the public health council", {**NEXT, "group": SSR_FH}),
        ("nästa möte?", NEXT),
        ("när ses vi igen", NEXT),
        ("när träffas vi nästa gång?", NEXT),
        ("var är nästa möte", NEXT),
        ("när är mötet?", NEXT),
        ("när är nästa möte för chefsgrupp folkhälsa", {**NEXT, "group": CHEFSGRUPP_FH}),
        ("nästa möte i ssr social välfärd", {**NEXT, "group": SSR_SVO}),
        ("när är nästa möte med chefsgrupen", {**NEXT, "group": CHEFSGRUPP}),
        ("when is the next meting", NEXT),
        (
            "nästa möte i januari",
            {**NEXT, "period": Period(date(2027, 1, 1), date(2027, 1, 31))},
        ),
    ],
)
def test_next_meeting(question: str, expected: dict[str, Any]) -> None:
    check(ask(question), expected)


def year(y: int) -> Period:
    return Period(date(y, 1, 1), date(y, 12, 31))


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Vilka möten har chefsgruppen 2023?", {"group": CHEFSGRUPP, "period": year(2023)}),
        ("vilka moten har chefsgruppen 2023", {"group": CHEFSGRUPP, "period": year(2023)}),
        ("which meetings did the management group have in 2023", {"period": year(2023)}),
        ("vilka möten är inställda", {"status": "cancelled", "period": None}),
        ("har något möte ställts in?", {"status": "cancelled"}),
        # "ställa in" with its particle apart
        ("ställdes något möte in 2020?", {"status": "cancelled", "period": year(2020)}),
        ("stalldes motet i april 2020 in", {"status": "cancelled"}),
        ("ska mötet i december ställas in?", {"status": "cancelled"}),
        ("ställde chefsgruppen in något möte 2023?", {"status": "cancelled", "group": CHEFSGRUPP}),
        ("finns det några inställda möten?", {"status": "cancelled"}),
        ("which meetings were cancelled in 2024", {"status": "cancelled", "period": year(2024)}),
        (
            "är mötet i oktober flyttat?",
            {"status": "moved", "period": Period(date(2026, 10, 1), date(2026, 10, 31))},
        ),
        (
            "has the december meeting been moved?",
            {"status": "moved", "period": Period(date(2026, 12, 1), date(2026, 12, 31))},
        ),
        ("är nästa möte flyttat", {"status": "moved", "which": "next"}),
        ("upcoming meetings", {"which": "next", "language": "en"}),
        ("kommande möten för ssr folkhälsa", {"which": "next", "group": SSR_FH}),
        ("mötesdatum 2025", {"period": year(2025)}),
        # meetings asked without a tense are the coming ones: the next January
        ("när träffas vi i januari?", {"period": Period(date(2027, 1, 1), date(2027, 1, 31))}),
        ("möten i januari", {"period": Period(date(2027, 1, 1), date(2027, 1, 31))}),
        ("mötestider för ssr folkhälsa 2025", {"group": SSR_FH, "period": year(2025)}),
        (
            "när träffas chefsgruppen i höst?",
            {"group": CHEFSGRUPP, "period": Period(date(2026, 8, 1), date(2026, 12, 31))},
        ),
        (
            "when are the meetings this autumn",
            {"period": Period(date(2026, 8, 1), date(2026, 12, 31)), "language": "en"},
        ),
        (
            "what meetings are there next month",
            {"period": Period(date(2026, 12, 1), date(2026, 12, 31))},
        ),
        (
            "möten mellan januari och mars 2024",
            {"period": Period(date(2024, 1, 1), date(2024, 3, 31))},
        ),
        ("chefsgruppen 2023", {"group": CHEFSGRUPP, "period": year(2023)}),
        ("list meetings in 2024", {"period": year(2024), "language": "en"}),
        ("show cancelled meetings", {"status": "cancelled"}),
        (
            "when did the group meet in spring 2024",
            {"period": Period(date(2024, 1, 1), date(2024, 6, 30))},
        ),
        ("hur många möten hade chefsgruppen 2023", {"group": CHEFSGRUPP, "period": year(2023)}),
    ],
)
def test_meetings(question: str, expected: dict[str, Any]) -> None:
    check(ask(question), {"intent": "meetings", **expected})


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("förra mötet", {"which": "last"}),
        ("last meeting", {"which": "last", "language": "en"}),
        ("när var förra mötet", {"which": "last"}),
        ("var hölls mötet?", {"which": "last"}),
        ("where was the last meeting held", {"which": "last"}),
        ("var hölls mötet 2023-09-08", {"date": date(2023, 9, 8), "which": None}),
        ("where was the meeting on 20 September 2024", {"date": date(2024, 9, 20)}),
        ("vilken tid börjar mötet den 29 maj 2026", {"date": date(2026, 5, 29)}),
        (
            "var hålls mötet i september",
            {"period": Period(date(2026, 9, 1), date(2026, 9, 30))},
        ),
        ("när var mötet i ssr folkhälsa förra veckan", {"group": SSR_FH}),
    ],
)
def test_meeting_info(question: str, expected: dict[str, Any]) -> None:
    check(ask(question), {"intent": "meeting_info", **expected})


def test_default_group_applies_when_none_is_named() -> None:
    assert ask("När är nästa möte?", default_group=CHEFSGRUPP_FH).group == CHEFSGRUPP_FH
    assert ask("nästa möte för ssr folkhälsa", default_group=CHEFSGRUPP_FH).group == SSR_FH


@pytest.mark.parametrize(
    "question",
    ["vilka möten har rådet haft?", "which meetings have we had?", "tidigare möten"],
)
def test_meetings_held_so_far(question: str) -> None:
    check(ask(question), {"intent": "meetings", "which": "last", "period": None})


@pytest.mark.parametrize(
    ("question", "month"),
    [
        # asked on 22 November 2026, in the present tense: the nearest such month
        ("Finns det något möte i december?", Period(date(2026, 12, 1), date(2026, 12, 31))),
        ("är det något möte i januari?", Period(date(2027, 1, 1), date(2027, 1, 31))),
        ("är mötet i oktober flyttat?", Period(date(2026, 10, 1), date(2026, 10, 31))),
    ],
)
def test_a_month_without_a_year_in_the_present_tense(question: str, month: Period) -> None:
    check(ask(question), {"period": month})
