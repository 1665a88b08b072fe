"""Questions about what the minutes say: decisions, agenda, free-text search."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from bot.understanding import Period
from tests.understanding.asking import CHEFSGRUPP, SSR_FH, ask, check


def year(y: int) -> Period:
    return Period(date(y, 1, 1), date(y, 12, 31))


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Vad beslutades om suicidsamordningen?", {"topic": "suicidsamordningen"}),
        ("vad beslutades om karnkraft", {"topic": "karnkraft"}),
        ("Vilka beslut fattades 2023-09-08?", {"topic": None, "date": date(2023, 9, 8)}),
        ("what did the group decide about egenvård", {"topic": "egenvård", "language": "en"}),
        (
            "vilka beslut tog chefsgruppen i september 2023",
            {
                "group": CHEFSGRUPP,
                "topic": None,
                "period": Period(date(2023, 9, 1), date(2023, 9, 30)),
            },
        ),
        ("vad beslutdes om mobila team", {"topic": "mobila team"}),
        ("decisions about egenvård in 2023", {"topic": "egenvård", "period": year(2023)}),
        (
            "vad har chefsgruppen beslutat om samverkan kring barn och unga?",
            {"group": CHEFSGRUPP, "topic": "samverkan kring barn och unga"},
        ),
        ("vilka beslut fattades förra året", {"period": year(2025), "topic": None}),
        ("what was decided at the last meeting", {"which": "last", "topic": None}),
        (
            "vilka beslut togs i höstas",
            {"period": Period(date(2026, 8, 1), date(2026, 12, 31))},
        ),
        (
            "beslut om mobila team hösten 2023",
            {"topic": "mobila team", "period": Period(date(2023, 8, 1), date(2023, 12, 31))},
        ),
        ("hitta beslut om egenvård", {"topic": "egenvård"}),
        ("when was suicidsamordningen decided", {"topic": "suicidsamordningen"}),
        (
            "were there any decisions about suicide prevention last year",
            {"topic": "suicide prevention", "period": year(2025)},
        ),
        (
            "vilka beslut har ssr folkhälsa tagit om tobaksprevention under 2024",
            {"group": SSR_FH, "topic": "tobaksprevention", "period": year(2024)},
        ),
        ("vad kom man fram till om suicidprevention", {"topic": "suicidprevention"}),
        (
            "vad beslutades om suicidprevention i chefsgruppen",
            {"topic": "suicidprevention", "group": CHEFSGRUPP},
        ),
        ("vilka beslut fattades igår", {"date": date(2026, 11, 21)}),
        ("vad beslutades i fredags", {"date": date(2026, 11, 20)}),
        (
            "vad beslutades i december",  # past tense: last December
            {"period": Period(date(2025, 12, 1), date(2025, 12, 31))},
        ),
        ("beslut 13.10.2022", {"date": date(2022, 10, 13)}),
    ],
)
def test_decisions(question: str, expected: dict[str, Any]) -> None:
    check(ask(question), {"intent": "decisions", **expected})


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("vad stod på dagordningen 8 september 2023", {"date": date(2023, 9, 8)}),
        ("what was on the agenda on 8 September 2023", {"date": date(2023, 9, 8)}),
        ("vilka punkter fanns på dagordningen förra mötet", {"which": "last"}),
        ("dagordnngen 2023-09-08", {"date": date(2023, 9, 8)}),
        ("stod mobila team på dagordningen?", {"topic": "mobila team"}),
        ("vad diskuterades på mötet 2023-09-08", {"date": date(2023, 9, 8), "topic": None}),
        (
            "vad handlade mötet om i september 2023",
            {"period": Period(date(2023, 9, 1), date(2023, 9, 30)), "topic": None},
        ),
        ("agenda nästa möte", {"which": "next"}),
        ("what's on the agenda next time?", {"which": "next", "topic": None}),
        ("visa protokollet från 2023-09-08", {"date": date(2023, 9, 8), "topic": None}),
        ("show me the minutes from the last meeting", {"which": "last"}),
        ("vilka ärenden togs upp 2023-09-08", {"date": date(2023, 9, 8)}),
        ("may I see the agenda for 2023-09-08", {"date": date(2023, 9, 8), "language": "en"}),
    ],
)
def test_agenda(question: str, expected: dict[str, Any]) -> None:
    check(ask(question), {"intent": "agenda", **expected})


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("vad sades om projekt CROSS", {"topic": "projekt CROSS"}),
        ("Vad sades om projekt CROSS?", {"topic": "projekt CROSS"}),
        # an abbreviation in capitals is a subject, though "it" is a small word
        ("vad sades om IT?", {"topic": "IT"}),
        ("what was said about IT", {"topic": "IT", "language": "en"}),
        ("vad sades om IT och LSS?", {"topic": "IT och LSS"}),
        ("what was said about mobila team", {"topic": "mobila team", "language": "en"}),
        ("har vi pratat om kärnkraft?", {"topic": "kärnkraft"}),
        (
            "was suicide prevention discussed in 2023?",
            {"topic": "suicide prevention", "period": year(2023)},
        ),
        (
            "nämndes kärnkraft på mötet i maj?",
            {"topic": "kärnkraft", "period": Period(date(2026, 5, 1), date(2026, 5, 31))},
        ),
        ("vad vet du om CROSS", {"topic": "CROSS"}),
        ("berätta om projektet CROSS", {"topic": "projektet CROSS"}),
        ("sök suicidprevention", {"topic": "suicidprevention"}),
        ("sök i protokollen efter CROSS", {"topic": "CROSS"}),
        ("finns det något om kärnkraft i protokollen?", {"topic": "kärnkraft"}),
        ("anything about mobile teams?", {"topic": "mobile teams", "language": "en"}),
        ("search egenvård 2023", {"topic": "egenvård", "language": "en"}),
        ("mobila team", {"topic": "mobila team"}),
        ("vad sades om Agenda 2030", {"topic": "Agenda 2030", "period": None}),
        ("vad sades om Karlskoga", {"topic": "Karlskoga", "municipality": None}),
        (
            "vad sades om suicidprevention i Kumla",
            {"topic": "suicidprevention", "municipality": "Kumla"},
        ),
        (
            'Vad sades om "CROSS – Civilsamhälle och Regionens Offentliga aktörer"?',
            {
                "topic": "CROSS - Civilsamhälle och Regionens Offentliga aktörer",
                "organization": None,
            },
        ),
        ("what was said about Eva Persson", {"topic": "Eva Persson", "person": None}),
        ("vad sades om mobila team i ssr folkhälsa", {"topic": "mobila team", "group": SSR_FH}),
        ("vad tog man upp om äldres hälsa?", {"topic": "äldres hälsa"}),
        ("vad togs upp om suicidprevention?", {"topic": "suicidprevention"}),
        ("what was brought up about nära vård?", {"topic": "nära vård", "language": "en"}),
    ],
)
def test_search(question: str, expected: dict[str, Any]) -> None:
    check(ask(question), {"intent": "search", **expected})
