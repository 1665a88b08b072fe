"""Questions about people: meeting_roles, attendance, representatives, person."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from bot.understanding import Period
from tests.understanding.asking import CHEFSGRUPP_FH, SSR_FH, ask, check

MAY_2026 = Period(date(2026, 5, 1), date(2026, 5, 31))


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "Who chaired the meeting on 20 September 2024?",
            {"role": "ordförande", "date": date(2024, 9, 20), "language": "en"},
        ),
        ("vem är ordförande", {"role": "ordförande", "date": None}),
        ("vem var ordf förra mötet", {"role": "ordförande", "which": "last"}),
        (
            "vem var ordförnade på mötet 2023-09-08",
            {"role": "ordförande", "date": date(2023, 9, 8)},
        ),
        (
            "vem ledde mötet i oktober 2022",
            {"role": "ordförande", "period": Period(date(2022, 10, 1), date(2022, 10, 31))},
        ),
        ("vem var vice ordförande", {"role": "vice ordförande"}),
        ("Vem var sekreterare på mötet 13 oktober 2022?", {"role": "sekreterare"}),
        ("vem förde protokollet i maj", {"role": "sekreterare", "period": MAY_2026}),
        ("who took the minutes at the last meeting", {"role": "sekreterare", "which": "last"}),
        ("vem var sekreterre 2023-09-08", {"role": "sekreterare"}),
        ("vem justerade protokollet 2024-09-20", {"role": "justerare", "date": date(2024, 9, 20)}),
        ("vem var justerare 2024-09-20 i ssr folkhälsa", {"role": "justerare", "group": SSR_FH}),
        ("who was the adjuster in september 2024", {"role": "justerare", "language": "en"}),
        ("who was the minutes checker in 2024", {"role": "justerare", "language": "en"}),
        ("vem skriver protokollet?", {"role": "sekreterare"}),
        ("who takes the minutes?", {"role": "sekreterare", "language": "en"}),
        ("who signed the minutes on 20 September 2024", {"role": "justerare"}),
        ("who is the chair of the public health council", {"role": "ordförande", "group": SSR_FH}),
        ("vem e ordförande", {"role": "ordförande"}),
        ("vem tog protokoll förra mötet", {"role": "sekreterare", "which": "last"}),
        # the day the minutes were checked: `part` "day"
        (
            "När justerades protokollet från mötet 2024-09-20?",
            {"role": "justerare", "part": "day", "date": date(2024, 9, 20)},
        ),
        ("nar justerades protokollet forra motet", {"role": "justerare", "part": "day"}),
        ("vilket datum justerades protokollet?", {"role": "justerare", "part": "day"}),
        ("och när justerades det?", {"role": "justerare", "part": "day"}),
        ("justeringsdatum för förra mötet", {"role": "justerare", "part": "day"}),
        ("when were the minutes signed?", {"role": "justerare", "part": "day"}),
        ("vem justerade protokollet", {"role": "justerare", "part": None}),
        ("vem var ordförande när vi sågs i maj", {"role": "ordförande", "part": None}),
    ],
)
def test_meeting_roles(question: str, expected: dict[str, Any]) -> None:
    check(ask(question), {"intent": "meeting_roles", **expected})


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Vilka var frånvarande på mötet den 29 maj 2026?", {"absent": True}),
        ("vilka var frånvarnde 2026-05-29", {"absent": True, "date": date(2026, 5, 29)}),
        ("vilka var med på mötet i maj", {"absent": False, "period": MAY_2026}),
        ("vilka deltog 2023-09-08", {"absent": False, "date": date(2023, 9, 8)}),
        ("who attended the meeting on 8 September 2023", {"date": date(2023, 9, 8)}),
        ("vilka saknades på senaste mötet", {"absent": True, "which": "last"}),
        ("who was absent last time", {"absent": True, "which": "last", "language": "en"}),
        ("vem var inte med på mötet i maj", {"absent": True, "period": MAY_2026}),
        ("vilka kunde inte komma 29 maj 2026", {"absent": True}),
        ("who didn't attend the meeting in May?", {"absent": True, "period": MAY_2026}),
        ("närvarolista 2024-09-20", {"absent": False, "date": date(2024, 9, 20)}),
        (
            "deltog Eva Persson på mötet 29 maj 2026?",
            {"person": "Eva Persson", "date": date(2026, 5, 29)},
        ),
        ("vilka ledamöter var frånvarande 2024-09-20", {"absent": True, "role": "ledamot"}),
        ("vilka från kumla var med", {"municipality": "Kumla"}),
        (
            "vilka från regionen var med på mötet i maj",
            {"organization": "Region Örebro län", "period": MAY_2026},
        ),
        ("who was there on 29 May 2026", {"date": date(2026, 5, 29), "language": "en"}),
        ("vilka var med på förra mötet i chefsgrupp folkhälsa", {"group": CHEFSGRUPP_FH}),
    ],
)
def test_attendance(question: str, expected: dict[str, Any]) -> None:
    check(ask(question), {"intent": "attendance", **expected})


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Vem representerar Karlskoga?", {"municipality": "Karlskoga"}),
        ("vem representerar karlskgoa", {"municipality": "Karlskoga"}),
        ("vem representerar hallefors", {"municipality": "Hällefors"}),
        ("vem representerar lindesbergs kommun", {"municipality": "Lindesberg"}),
        ("vilka representerar Örebros kommun?", {"municipality": "Örebro"}),
        ("vem sitter för kumla i samverkansrådet", {"municipality": "Kumla"}),
        (
            "who represents Örebro in the public health council",
            {"municipality": "Örebro", "group": SSR_FH, "language": "en"},
        ),
        ("vilka ledamöter har Örebro", {"municipality": "Örebro", "role": "ledamot"}),
        ("vem är ersättare för kumla", {"municipality": "Kumla", "role": "ersättare"}),
        ("who is the substitute for Nora", {"municipality": "Nora", "role": "ersättare"}),
        (
            "vem representerar regionen i ssr folkhälsa",
            {"organization": "Region Örebro län", "group": SSR_FH, "municipality": None},
        ),
        ("who represents Region Örebro län", {"organization": "Region Örebro län"}),
        ("who represents RF-SISU", {"organization": "RF-SISU"}),
        ("vem sitter för ÖLBF", {"organization": "ÖLBF"}),
        ("vem representerar olaus petri vc", {"organization": "Olaus Petri VC"}),
        (
            "vem var Kumlas representant 2023",
            {"municipality": "Kumla", "period": Period(date(2023, 1, 1), date(2023, 12, 31))},
        ),
        ("vem företräder Laxå", {"municipality": "Laxå"}),
        ("vem är från Askersund", {"municipality": "Askersund"}),
        ("vilka är medlemmar i chefsgrupp folkhälsa", {"group": CHEFSGRUPP_FH}),
        ("vem representerar Vingåker", {"organization": "Vingåker", "municipality": None}),
        ("kumla", {"municipality": "Kumla"}),
    ],
)
def test_representatives(question: str, expected: dict[str, Any]) -> None:
    check(ask(question), {"intent": "representatives", **expected})


@pytest.mark.parametrize(
    ("question", "person"),
    [
        ("vilken organisation tillhör Eva Persson", "Eva Persson"),
        ("vem är eva persons", "Eva Persson"),
        ("mehtalainen", "Jari Mehtäläinen"),
        ("who is Jari Mehtäläinen", "Jari Mehtäläinen"),
        ("which organisation does jari mehtalainen belong to", "Jari Mehtäläinen"),
        ("vilka grupper är eva persson med i", "Eva Persson"),
        ("i vilka grupper sitter Eva Persson", "Eva Persson"),
        ("vilken roll har Ingmar Ångman", "Ingmar Ångman"),
        ("vad gör Ångman Ingmar", "Ingmar Ångman"),
        ("var jobbar gustafsson", "Gustafsson"),  # two people: the core lists both
        ("vilken organisation tillhör anna svensson", "Anna Svensson"),
        ("Eva Persson", "Eva Persson"),
    ],
)
def test_person(question: str, person: str) -> None:
    check(ask(question), {"intent": "person", "person": person})
