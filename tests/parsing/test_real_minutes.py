"""`parse_text` on the five real minutes and on invented documents in other
layouts: the meeting, every agenda item, and that attendees, decisions and
schedules are attached (their details are tested with their own parsers)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storage.parsing import parse_text
from storage.parsing.records import (
    STOCKHOLM,
    DecisionKind,
    MeetingMode,
    MeetingStatus,
    ParsedDocument,
    Role,
)

MINUTES = Path(__file__).resolve().parents[3] / "shared" / "minutes"
SVO = "Chefsgrupp för samverkan social välfärd samt vård och omsorg"
FOLKHALSA = "Chefsgrupp folkhälsa"
SSR_SV = "Specifika samverkansrådet för social välfärd samt vård och omsorg"
SSR_FH = "Specifika samverkansrådet för folkhälsa"
FILES = {
    2022: "000_5f027efdf8c98c30.txt",
    2023: "001_1c564d616379409f.txt",
    2024: "002_fbd02d15cc9e81b2.txt",
    2020: "003_2e629cbed23816f9.txt",
    2026: "004_68d86e17edf38360.txt",
}
_CACHE: dict[int, ParsedDocument] = {}

Heading = tuple[str, str | None, str, tuple[str, ...]]


def parsed(year: int) -> ParsedDocument:
    if year not in _CACHE:
        path = MINUTES / FILES[year]
        if not path.exists():
            pytest.skip(f"the real minutes are not at {MINUTES}")
        _CACHE[year] = parse_text(path.read_text(encoding="utf-8"), source_name=path.name)
    return _CACHE[year]


def at(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=STOCKHOLM)


def headings(doc: ParsedDocument) -> list[Heading]:
    return [(i.number, i.parent, i.title, i.presenters) for i in doc.items]


def people_in(doc: ParsedDocument, role: Role) -> list[str]:
    return [a.name for a in doc.attendees if a.role is role]


def scheduled_days(doc: ParsedDocument) -> list[date]:
    return [m.start.date() for m in doc.schedule if m.status is not MeetingStatus.CANCELLED]


# --- 2022: Chefsgrupp SVO, internat at Båsenberga ---------------------------------------

ITEMS_2022: list[Heading] = [
    ("1", None, "Inledning", ()),
    ("2", None, "Dagens agenda", ()),
    ("3", None, "Samledning och gemensam systemledning utifrån omställningen till Nära vård", ()),
    ("4", None, "Föregående möte", ()),
    ("5", None, "Rapport från au", ("Ingmar Ångman",)),
    ("6", None, "Nära vård", ("Malin Duckert Ek", "Jan Sundelius")),
    ("", "6", "Mellanvårdsplatser – utredningsdirektiv", ("Perola Sundin",)),
    ("", "6", "Mobila team – rapport från utredning", ("Jan Sundelius",)),
    ("7", None, "Samverkansorganisationen – avstämning och vidareutveckling", ()),
    ("", "7", "Fokusgrupperna – bemanning och uppstart", ("Johanna Carlsson",)),
    ("", "7", "Gemensam uppdragsbeskrivning – samverkansledarna", ("Jan Sundelius",)),
    ("", "7", "Länsdelsnivåns funktion – hur vill vi vidareutveckla den?", ("Ingmar Ångman",)),
    ("", "7", "Val av AU för 2023", ()),
    ("8", None, "Samsjuklighet", ()),
    ("", "8", "Avrapportering av pågående arbete", ("Hanne Randle",)),
    ("", "8", "Pilot mellan psykiatri och Karlskoga kommun", ("Karin Haster", "Helen Willyams")),
    (
        "9",
        None,
        "Komplexa ärenden - Information om pågående arbete i Örebro kommun",
        ("Karin Haster", "Johanna Viberg"),
    ),
    (
        "10",
        None,
        "Suicidsamordning – placering och samordning",
        ("Lise Bergman Nordgren", "Ingmar Ångman"),
    ),
    (
        "11",
        None,
        "Skapa bästa möjliga förutsättningar för att alla ungdomar ska fullfölja sina studier",
        ("Linnea Hedkvist",),
    ),
    ("12", None, "Mötestider 2023", ()),
    ("13", None, "Kort utvärdering och sammanfattning", ()),
]


def test_2022_meeting() -> None:
    doc = parsed(2022)
    assert (doc.kind, doc.title) == ("protokoll", f"Protokoll {SVO}")
    meeting = doc.meeting
    assert meeting.groups == (SVO,)
    assert (meeting.start, meeting.end, meeting.time_known) == (
        at(2022, 10, 13),
        at(2022, 10, 14),
        False,
    )
    assert meeting.place == "Båsenberga hotell och konferens, Vingåker"
    assert meeting.mode is MeetingMode.PHYSICAL
    assert doc.warnings == []


def test_2022_items_and_what_is_attached() -> None:
    doc = parsed(2022)
    assert headings(doc) == ITEMS_2022
    by_title = {i.title: i for i in doc.items}
    item_10 = by_title["Suicidsamordning – placering och samordning"]
    assert DecisionKind.ENDORSED in [d.kind for d in item_10.decisions]
    # decisions attach to the sub-heading they were taken under
    assert by_title["Gemensam uppdragsbeskrivning – samverkansledarna"].decisions
    assert not by_title["Samverkansorganisationen – avstämning och vidareutveckling"].decisions
    assert "hjärt- kärlsjukdomar" in by_title["Nära vård"].text
    assert len(doc.attendees) == 29
    assert people_in(doc, Role.SECRETARY) == ["Linnea Hedkvist"]


def test_2022_schedule_has_the_moved_february_meeting() -> None:
    doc = parsed(2022)
    days = scheduled_days(doc)
    assert date(2023, 2, 10) in days and date(2023, 2, 3) not in days
    moved = next(m for m in doc.schedule if m.start.date() == date(2023, 2, 10))
    assert moved.status is MeetingStatus.MOVED
    assert moved.moved_from is not None and moved.moved_from.date() == date(2023, 2, 3)
    assert {date(2022, 11, 11), date(2022, 12, 9), date(2023, 12, 8)} <= set(days)


# --- 2023-09-08: Chefsgrupp SVO on Teams ------------------------------------------------

ITEMS_2023: list[Heading] = [
    ("1", None, "Inledning", ()),
    ("2", None, "Dagens agenda", ()),
    ("3", None, "Föregående möte", ()),
    ("4", None, "Rapport från AU", ("Ingmar Ångman",)),
    ("5", None, "Rapport från länsdelsgrupperna", ()),
    ("6", None, "Forum 2.0 – samverkan för äldres hälsa och livsvillkor", ("Ingmar Ångman",)),
    ("7", None, "Länsdelsgruppernas uppdrag och funktion", ("Fredrik Welander", "Jan Sundelius")),
    (
        "8",
        None,
        "E-hälsa, Läns gemensam förstudie; Stöd för läkemedelshantering ur ett "
        "personcentrerat perspektiv i samverkan",
        ("Ingmar Ångman",),
    ),
    ("9", None, "Psykiatrin, Nära vårdomställning", ("Johan Molin", "Åsa Kindahl")),
    ("10", None, "Gängkriminalitet", ("Sara Rosengren", "Johanna Johansson")),
    (
        "11",
        None,
        "Ny överenskommelse för hälso-och sjukvård i hemmet",
        ("Malin Duckert Ek", "Jan Sundelius"),
    ),
    ("12", None, "Utredning kognitiv svikt", ("Ulrika Westerling",)),
    ("13", None, "Mitt vaccin- ett IT-stöd", ("Maria Gunnarsson",)),
    ("14", None, "Kort utvärdering och sammanfattning", ()),
]


def test_2023_meeting_items_and_decisions() -> None:
    doc = parsed(2023)
    meeting = doc.meeting
    assert meeting.groups == (SVO,)
    assert (meeting.start, meeting.end, meeting.time_known) == (
        at(2023, 9, 8, 13),
        at(2023, 9, 8, 16),
        True,
    )
    assert (meeting.place, meeting.mode) == ("Teams", MeetingMode.DIGITAL)
    assert headings(doc) == ITEMS_2023
    assert sum(len(i.decisions) for i in doc.items) >= 6
    assert len(doc.attendees) == 26
    assert people_in(doc, Role.SECRETARY) == ["Kristin Gustafsson"]
    assert doc.warnings == []


# --- 2024-09-20: the two specifika samverkansråden together ---------------------------

ITEMS_2024: list[Heading] = [
    ("1", None, "Mötet öppnas och justerare utses", ()),
    ("2", None, "Fastställande av dagordning", ()),
    ("3", None, "Val av justerare", ()),
    ("4", None, "Föregående möte och protokoll", ()),
    (
        "5",
        None,
        "Rapport från chefsgrupp social vålfärd samt vård och omsorg och chefsgrupp folkhälsa",
        ("Ingmar Ångman",),
    ),
    ("6", None, "Aktuellt inom områdena", ("Ingmar Ångman",)),
    (
        "7",
        None,
        "Förändringar med stadsbidrag nära vård och psykisk hälsa (Informationspunkt)",
        ("Ingmar Ångman",),
    ),
    ("8", None, "Ny socialtjänstlag - informationspunkt", ("Ingmar Ångman",)),
    (
        "9",
        None,
        "Introduktion dialog om arbetssätt för specifika samverkansråden",
        ("Ingmar Ångman",),
    ),
    (
        "10",
        None,
        "Gruppdialoger arbetssätt specifika samverkansråden",
        ("Maria Lindborg", "Malin Duckert Ek"),
    ),
    (
        "11",
        None,
        "Kvalitativ rapport Liv och hälsa med fokus på äldre och jämställdhet",
        ("Maria Lindborg", "Anna Swift Johannison"),
    ),
    ("12", None, "Övriga frågor", ()),
    (
        "13",
        None,
        "Beslut och implementering av ny överenskommelse för hälso-och sjukvård i hemmet",
        ("Malin Duckert Ek",),
    ),
    ("14", None, "Avslut", ()),
]


def test_2024_joint_meeting() -> None:
    doc = parsed(2024)
    assert doc.kind == "protokoll"
    meeting = doc.meeting
    assert meeting.groups == (SSR_SV, SSR_FH)
    assert (meeting.start, meeting.end) == (at(2024, 9, 20, 9), at(2024, 9, 20, 12))
    assert (meeting.place, meeting.mode) == ("Lokal Eken, Eklundavägen 1", MeetingMode.PHYSICAL)
    assert doc.adjusted_on == date(2024, 10, 1)
    assert doc.warnings == []


def test_2024_items_people_and_text() -> None:
    doc = parsed(2024)
    assert headings(doc) == ITEMS_2024
    assert sorted(people_in(doc, Role.SECRETARY)) == ["Malin Duckert Ek", "Maria Lindborg"]
    assert people_in(doc, Role.CHAIR) == ["Bechet Barsom"]
    assert {a.group for a in doc.attendees if a.role is Role.MEMBER} == {SSR_SV, SSR_FH}
    items = {i.number: i for i in doc.items}
    assert items["2"].text == "Dagordningen fastställs."
    assert items["2"].decisions
    assert "ibland beroende på vem som arbetar" in items["11"].text
    assert "Chefsgruppen har även beslutat" in items["5"].text
    assert "POSTADRESS" not in doc.text and "*" not in items["6"].text


# --- 2020: Chefsgrupp folkhälsa, mötesanteckningar --------------------------------------

ITEMS_2020: list[Heading] = [
    ("1", None, "Föregående minnesanteckningar", ()),
    (
        "2",
        None,
        "Information om Överenskommelse 2020, insatser inom området psykisk hälsa samt medel "
        "för att stärka det suicidpreventiva arbetet på lokal och regional nivå",
        ("Johanna Häll", "Gun Loiske", "Ida Broman"),
    ),
    (
        "3",
        None,
        "Information om projekt CROSS – Civilsamhälle och Regionens Offentliga aktörer i "
        "Samverkan kring Samhällsutmaningar",
        ("Lena Uvhagen",),
    ),
    ("4", None, "Uppföljning av Uppföljningsdag 28 februari", ("Linnea Hedkvist",)),
    ("5", None, "Uppföljning av processmöten samverkan", ("Anna Jakobsson",)),
    (
        "6",
        None,
        "Inför mötet med specifika samverkansrådet för folkhälsa den 24 april",
        ("Ingmar Ångman",),
    ),
    ("7", None, "Förslag Kunskapslyft 2020", ("Margareta Johansson", "Linnea Hedkvist")),
    ("8", None, "Rapporter", ()),
    (
        "",
        "8",
        "Vårdriktlinjer för fysisk aktivitet på recept",
        ("Anna Jakobsson", "Margareta Johansson"),
    ),
    ("", "8", "Pågående ansökningar", ("Linnea Hedkvist",)),
    ("", "8", "Från protokoll", ()),
    ("9", None, "Möten hösten 2020", ()),
    ("10", None, "Övrigt", ()),
]


def test_2020_meeting_and_document_date() -> None:
    doc = parsed(2020)
    assert (doc.kind, doc.title) == (
        "mötesanteckningar",
        "Mötesanteckningar chefsgrupp folkhälsa den 20 mars 2020",
    )
    assert doc.document_date == date(2020, 4, 1)
    meeting = doc.meeting
    assert meeting.groups == (FOLKHALSA,)
    assert (meeting.start, meeting.time_known) == (at(2020, 3, 20), False)
    assert (meeting.place, meeting.mode) == (None, None)
    assert doc.warnings == []


def test_2020_items_secretary_and_schedule() -> None:
    doc = parsed(2020)
    assert headings(doc) == ITEMS_2020
    assert people_in(doc, Role.SECRETARY) == ["Linnea Hedkvist"]
    assert people_in(doc, Role.CHAIR) == ["Ingmar Ångman"]
    assert len(doc.attendees) == 9
    # the signature at the end is not text of the last item
    assert "Utvecklingsledare folkhälsa" not in doc.items[-1].text
    cancelled = [m for m in doc.schedule if m.status is MeetingStatus.CANCELLED]
    assert [(m.start.date(), m.groups) for m in cancelled] == [(date(2020, 4, 24), (SSR_FH,))]
    assert {date(2020, 8, 26), date(2020, 10, 13), date(2020, 12, 10)} <= set(scheduled_days(doc))


# --- 2026: tab table minutes ----------------------------------------------------------

ITEMS_2026: list[Heading] = [
    ("1", None, "Inledning", ()),
    ("2", None, "Dagordning", ()),
    ("3", None, "Föregående minnesanteckning", ()),
    ("4", None, "Rapport från AU", ()),
    ("5", None, "Rapport från länsdelsgrupperna", ("Fredrik", "Stefan", "Marie-Louise", "Jaana")),
    (
        "6",
        None,
        "Psykisk hälsa",
        ("Maria Belik", "Johanna Bernström Höglom", "Jenny Jansson"),
    ),
    (
        "7",
        None,
        "Riktlinje öppen specialiserad vård till kommunal primärvård",
        ("Ammi Gustafsson", "Jan Sundelius", "Fredrik Svensson"),
    ),
    ("8", None, "Nära vård", ("Ammi Gustafsson", "Jan Sundelius", "Fredrik Svensson")),
    ("9", None, "Liv och hälsa ung", ("Carina Persson",)),
    ("10", None, "Uppföljning av nätverk och chefsgrupper", ("Joakim Frögren",)),
    ("11", None, "Kommande möten", ()),
    ("12", None, "Kort utvärdering och sammanfattning", ()),
    ("13", None, "Mötets avslutning", ()),
]


def test_2026_meeting_items_people_and_schedule() -> None:
    doc = parsed(2026)
    assert doc.kind == "minnesanteckningar"
    meeting = doc.meeting
    assert meeting.groups == (SVO,)
    assert (meeting.start, meeting.end) == (at(2026, 5, 29, 9), at(2026, 5, 29, 12))
    assert headings(doc) == ITEMS_2026
    assert people_in(doc, Role.SECRETARY) == ["Maria Lindborg"]
    assert people_in(doc, Role.CHAIR) == ["Ingmar Ångman"]
    assert len(doc.attendees) == 32
    items = {i.number: i for i in doc.items}
    assert items["1"].text == "Närvaro"
    # 6a to the AU in June, 6b "Ny diskussion och beslutsförslag i augusti månads möte"
    assert [d.kind for d in items["6"].decisions] == [DecisionKind.POSTPONED] * 2
    assert items["7"].decisions
    days = scheduled_days(doc)
    for day in (date(2026, 8, 28), date(2026, 10, 8), date(2026, 11, 6), date(2026, 12, 11)):
        assert day in days
    internat = next(m for m in doc.schedule if m.start.date() == date(2026, 10, 8))
    assert internat.end == at(2026, 10, 9, 13)
    assert doc.warnings == []


# --- invented layouts -----------------------------------------------------------------

FORMAL = """SAMMANTRÄDESPROTOKOLL

Socialnämnden

Sammanträdesdatum 2025-03-12

Tid och plats: Kommunhuset, Nora, kl. 13.00–15.30

Beslutande:
Anna Andersson (S), ordförande
Bertil Berg (M)
Cecilia Carlsson (C)

Tjänstgörande ersättare:
David Dahl (L)

Ersättare:
Fia Fors (S)

Övriga närvarande:
Gun Gustavsson, socialchef
Hans Holm, sekreterare

Justerare:
Bertil Berg

Justeringens plats och tid: Kommunhuset 2025-03-19

§ 12 Val av justerare

Bertil Berg utses att justera protokollet.

§ 13 Budgetuppföljning februari

Gun Gustavsson redogjorde för budgetläget.

Beslut
Socialnämnden beslutar att godkänna budgetuppföljningen.

§14. Sammanträdestider hösten 2025

Nämnden sammanträder 10 september, 8 oktober och 12 november.

Beslut
Socialnämnden beslutar att fastställa sammanträdestiderna.
"""


def test_a_formal_paragraph_protocol() -> None:
    doc = parse_text(FORMAL)
    assert doc.kind == "protokoll"
    meeting = doc.meeting
    assert meeting.groups == ("Socialnämnden",)
    assert (meeting.start, meeting.end) == (at(2025, 3, 12, 13), at(2025, 3, 12, 15, 30))
    assert (meeting.place, meeting.mode) == ("Kommunhuset, Nora", MeetingMode.PHYSICAL)
    assert doc.adjusted_on == date(2025, 3, 19)
    assert headings(doc) == [
        ("§ 12", None, "Val av justerare", ()),
        ("§ 13", None, "Budgetuppföljning februari", ("Gun Gustavsson",)),
        ("§ 14", None, "Sammanträdestider hösten 2025", ()),
    ]
    assert all(item.decisions for item in doc.items[1:])
    assert people_in(doc, Role.CHAIR) == ["Anna Andersson"]
    assert people_in(doc, Role.ADJUSTER) == ["Bertil Berg"]
    assert "Hans Holm" in people_in(doc, Role.SECRETARY)
    assert next(a for a in doc.attendees if a.name == "Bertil Berg").party == "(M)"
    assert scheduled_days(doc) == [date(2025, 9, 10), date(2025, 10, 8), date(2025, 11, 12)]
    assert doc.warnings == []


ENGLISH = """Minutes of the Steering Group for Digital Health

Date: 2025-03-12, 13:00-15:00
Location: Microsoft Teams
Minutes taken by: Eva Lund

1. Welcome

Anna Berg welcomed everyone.

2. Report from the working group, Bo Ek

Bo Ek presented the report on the pilot.

Decision: The group approved the report.

3. Next meetings

The next meeting is held on 14 May 2025.
"""


def test_english_minutes() -> None:
    doc = parse_text(ENGLISH)
    meeting = doc.meeting
    assert meeting.groups == ("Steering Group for Digital Health",)
    assert (meeting.start, meeting.end) == (at(2025, 3, 12, 13), at(2025, 3, 12, 15))
    assert (meeting.place, meeting.mode) == ("Microsoft Teams", MeetingMode.DIGITAL)
    assert headings(doc) == [
        ("1", None, "Welcome", ()),
        ("2", None, "Report from the working group", ("Bo Ek",)),
        ("3", None, "Next meetings", ()),
    ]
    assert doc.items[1].decisions
    assert people_in(doc, Role.SECRETARY) == ["Eva Lund"]
    assert date(2025, 5, 14) in scheduled_days(doc)


MARKDOWN = """# Minnesanteckningar Chefsgrupp folkhälsa

**Datum:** 2025-02-07 kl. 9.00–11.00
**Plats:** Kumla stadshus

## Närvarande

- Ingmar Ångman, ordförande
- Anna Ek, Kumla kommun

## 1. Inledning

Ordföranden hälsade alla välkomna.

## 2. Aktuellt från länsdelarna

### Söder

Arbetet med samverkansplanen fortsätter under våren enligt tidplanen.

### Norr

Norra länsdelen har anställt en ny samverkansledare som börjar i april.

## 3. Övrigt

Inga övriga frågor.
"""


def test_markdown_minutes() -> None:
    doc = parse_text(MARKDOWN, source_name="fh-2025-02-07.md")
    assert (doc.kind, doc.title) == (
        "minnesanteckningar",
        "Minnesanteckningar Chefsgrupp folkhälsa",
    )
    meeting = doc.meeting
    assert meeting.groups == (FOLKHALSA,)
    assert (meeting.start, meeting.place) == (at(2025, 2, 7, 9), "Kumla stadshus")
    assert headings(doc) == [
        ("1", None, "Inledning", ()),
        ("2", None, "Aktuellt från länsdelarna", ()),
        ("", "2", "Söder", ()),
        ("", "2", "Norr", ()),
        ("3", None, "Övrigt", ()),
    ]
    assert people_in(doc, Role.CHAIR) == ["Ingmar Ångman"]
    assert doc.warnings == []


def test_text_outside_any_part_is_reported() -> None:
    doc = parse_text(
        "Protokoll Chefsgrupp folkhälsa\n\nTid: 2025-01-10\n\nNågot oväntat här.\n\n1. Start"
    )
    assert any("Något oväntat här." in w for w in doc.warnings)


# --- any input ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["", "   \n\n", "hej", "1.", "§", "<p><i></i></p>", "\x00\x01\x02", "Tid:\nPlats:\n1.\t\t"],
)
def test_garbage_gives_a_document_with_warnings(text: str) -> None:
    doc = parse_text(text)
    assert isinstance(doc, ParsedDocument)
    assert doc.meeting.start is None
    assert doc.warnings


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "1. Inledning",
                "2.\tRad\tText.",
                "\tAnna Ek\t<p>Text</p>",
                "§ 3 Beslut",
                "Närvarande:",
                "~~Anna Ek~~",
                "Tid: 2025-01-10 kl. 9-12",
                "Sekreterare",
                "POSTADRESS",
                "Hed-",
                "kvist",
                "<i>Bo Ek</i>",
                "Beslut: Att godkänna.",
                "Kommande möten",
                "28/8 kl 9-12",
                "",
            ]
        )
        | st.text(max_size=30),
        max_size=40,
    )
)
def test_parse_text_never_raises(lines: list[str]) -> None:
    doc = parse_text("\n".join(lines))
    assert isinstance(doc.items, list)
    assert not any(w.startswith("the document could not be read") for w in doc.warnings)


def test_lists_and_signatures_after_the_last_item_are_attendance() -> None:
    text = (
        "Protokoll Chefsgrupp folkhälsa 2025-06-05\n\n1. Inledning\n\nVälkomna.\n\n"
        "2. Avslut\n\nMötet avslutades.\n\nNärvarande:\nAnna Ek, Kumla kommun\nBo Lind, Nora kommun"
        "\n\nJusterare:\nBo Lind"
    )
    doc = parse_text(text)
    assert doc.meeting.start == at(2025, 6, 5)
    assert doc.items[-1].text == "Mötet avslutades."
    assert {a.name for a in doc.attendees} == {"Anna Ek", "Bo Lind"}
    assert people_in(doc, Role.ADJUSTER) == ["Bo Lind"]


def test_a_document_without_items_warns_briefly() -> None:
    doc = parse_text("\n\n".join(f"Rad nummer {n} med lite text" for n in range(40)))
    assert doc.items == []
    assert len(doc.warnings) <= 7
    assert any("37 more lines" in w for w in doc.warnings)
