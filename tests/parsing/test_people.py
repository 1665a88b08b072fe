"""Attendance lists read as a person reads them: every attendee of the five
real minutes, and layouts beyond them (formal protocols, närvarolistor)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from storage.parsing.people import (
    attendance_heading,
    normalize_name,
    parse_attendance,
    secretary_from_header,
)
from storage.parsing.records import Attendee, Role

MINUTES = Path(__file__).resolve().parents[3] / "shared" / "minutes"
REGION = "Region Örebro län"
SSR_SV = "Specifika samverkansrådet för social välfärd samt vård och omsorg"
SSR_FH = "Specifika samverkansrådet för folkhälsa"
CHAIR, SECRETARY, ADJUSTER = Role.CHAIR, Role.SECRETARY, Role.ADJUSTER
MEMBER, SUBSTITUTE, OFFICIAL, GUEST = Role.MEMBER, Role.SUBSTITUTE, Role.OFFICIAL, Role.GUEST

Seen = tuple[str, Role, str | None, str | None, bool]


def minutes_lines(name: str) -> list[str]:
    path = MINUTES / name
    if not path.exists():
        pytest.skip(f"the real minutes are not at {MINUTES}")
    return path.read_text(encoding="utf-8").splitlines()


def attendance_block(name: str, first: str) -> list[str]:
    """The raw lines from the first attendance heading to the first agenda item."""
    lines = minutes_lines(name)
    start = lines.index(first)
    end = next(i for i in range(start, len(lines)) if re.match(r"^\d+\.\s", lines[i]))
    return lines[start:end]


def seen(attendee: Attendee) -> Seen:
    a = attendee
    return (a.name, a.role, a.organization, a.municipality, a.present)


def by_name(attendees: list[Attendee], name: str) -> Attendee:
    return next(a for a in attendees if a.name == name)


# --- The real minutes -----------------------------------------------------------


def test_2022_chefsgrupp_name_tab_organisation_or_title() -> None:
    attendees = parse_attendance(attendance_block("000_5f027efdf8c98c30.txt", "Närvarande:"))
    assert [seen(a) for a in attendees] == [
        ("Lena Adolfsson", MEMBER, REGION, None, True),
        ("Karin Haster", MEMBER, REGION, None, True),
        ("Martin Gunnarsson", MEMBER, REGION, None, True),
        ("Karolina Strid", MEMBER, REGION, None, True),
        ("Katrin Eriksson", MEMBER, REGION, None, True),
        ("Lise Bergman Nordgren", MEMBER, REGION, None, True),
        ("Martin Widlund", MEMBER, REGION, None, True),
        ("Jens Samuelsson", MEMBER, "Askersunds kommun", "Askersund", True),
        ("Marie-Louise Forsberg Fransson", MEMBER, "Degerfors kommun", "Degerfors", True),
        ("Jaana Jansson", MEMBER, "Hallsbergs kommun", "Hallsberg", True),
        ("Daniel Åhnberg", MEMBER, "Hällefors kommun", "Hällefors", True),
        ("Helen Willyams", MEMBER, "Karlskoga kommun", "Karlskoga", True),
        ("Gabriella Mueller Prabin", MEMBER, "Kumla kommun", "Kumla", True),
        ("Madelene Maxe", MEMBER, "Laxå kommun", "Laxå", True),
        ("Ann-Mari Gustafsson", MEMBER, "Lekebergs kommun", "Lekeberg", True),
        ("Madde Gustafsson", MEMBER, "Lindesbergs kommun", "Lindesberg", True),
        ("Camilla Hofström", MEMBER, "Ljusnarsbergs kommun", "Ljusnarsberg", True),
        ("Fredrik Bergström", MEMBER, "Nora kommun", "Nora", True),
        ("Annika Roman", MEMBER, "Örebro kommun", "Örebro", True),
        ("Johanna Viberg", MEMBER, "Örebro kommun", "Örebro", True),
        ("Patrik Jonsson", MEMBER, "Örebro kommun", "Örebro", True),
        ("Ann-Catrin Svantes Ohlson", MEMBER, "Örebro kommun", "Örebro", True),
        ("Ingmar Ångman", MEMBER, REGION, None, True),
        ("Malin Duckert Ek", MEMBER, REGION, None, True),
        ("Johanna Carlsson", MEMBER, REGION, None, True),
        ("Jan Sundelius", MEMBER, REGION, None, True),
        ("Panagiota Lazarido", MEMBER, REGION, None, True),
        ("Linnea Hedkvist", MEMBER, REGION, None, True),
        ("Hanne Randle", MEMBER, REGION, None, True),
    ]
    lena = by_name(attendees, "Lena Adolfsson")
    assert lena.title == "områdeschef Nära vård, biträdande hs-direktör"
    assert by_name(attendees, "Karolina Strid").title == "chef Hälso- och sjukvårdsstaben"
    assert by_name(attendees, "Madde Gustafsson").note == "dag 2"
    assert by_name(attendees, "Panagiota Lazarido").note == "dag 1"
    assert by_name(attendees, "Hanne Randle").note == "punkt"
    assert all(a.group is None and a.party is None for a in attendees)


def test_2022_secretary_in_the_page_header() -> None:
    lines = minutes_lines("000_5f027efdf8c98c30.txt")
    assert secretary_from_header(lines) == [Attendee("Linnea Hedkvist", SECRETARY)]
    # The same header read as an attendance block gives the same person.
    header = lines[: lines.index("Närvarande:")]
    assert parse_attendance(header) == [Attendee("Linnea Hedkvist", SECRETARY)]


def test_2023_chefsgrupp() -> None:
    attendees = parse_attendance(attendance_block("001_1c564d616379409f.txt", "Närvarande:"))
    assert [seen(a) for a in attendees] == [
        ("Lena Adolffsson", MEMBER, REGION, None, True),
        ("Karin Haster", MEMBER, REGION, None, True),
        ("Karolina Strid", MEMBER, REGION, None, True),
        ("Tobias Kjellberg", MEMBER, REGION, None, True),
        ("Katrin Eriksson", MEMBER, REGION, None, True),
        ("Martin Gunnarsson", MEMBER, REGION, None, True),
        ("Lise Bergman Nordgren", MEMBER, REGION, None, True),
        ("Helen Willyams", MEMBER, REGION, None, True),
        ("Therese Johansson", MEMBER, "Askersunds kommun", "Askersund", True),
        ("Marie-Louise Forsberg Fransson", MEMBER, "Degerfors kommun", "Degerfors", True),
        ("Jaana Jansson", MEMBER, "Hallsbergs kommun", "Hallsberg", True),
        ("Daniel Åhnberg", MEMBER, "Hällefors kommun", "Hällefors", True),
        ("Eva Persson", MEMBER, "Karlskoga kommun", "Karlskoga", True),
        ("Malin Bäcklund", MEMBER, "Kumla kommun", "Kumla", True),
        ("Madelene Maxe", MEMBER, "Laxå kommun", "Laxå", True),
        ("Marie Casco", MEMBER, "Lekebergs kommun", "Lekeberg", True),
        ("Madde Gustafsson", MEMBER, "Lindesbergs kommun", "Lindesberg", True),
        ("Camilla Hofström", MEMBER, "Ljusnarsbergs kommun", "Ljusnarsberg", True),
        ("Fredrik Bergström", MEMBER, "Nora kommun", "Nora", True),
        ("Annika Roman", MEMBER, "Örebro kommun", "Örebro", True),
        ("Johanna Viberg", MEMBER, "Örebro kommun", "Örebro", True),
        ("Patrik Jonsson", MEMBER, "Örebro kommun", "Örebro", True),
        ("Stefan Nilsson", MEMBER, "Örebro kommun", "Örebro", True),
        ("Panagiota Lazarido", MEMBER, REGION, None, True),
        ("Ingmar Ångman", MEMBER, REGION, None, True),
        ("Kristin Gustafsson", MEMBER, REGION, None, True),
    ]
    assert by_name(attendees, "Karolina Strid").title == "Häls- och sjukvårdsstaben"
    assert by_name(attendees, "Kristin Gustafsson").title is None


def test_2023_secretary_in_the_page_header() -> None:
    lines = minutes_lines("001_1c564d616379409f.txt")
    assert secretary_from_header(lines) == [Attendee("Kristin Gustafsson", SECRETARY)]


def test_2024_joint_ssr_meeting_two_groups_lists() -> None:
    block = attendance_block("002_fbd02d15cc9e81b2.txt", "Ordförande:")
    attendees = parse_attendance(block, groups=(SSR_SV, SSR_FH))
    assert [(*seen(a), a.group) for a in attendees] == [
        ("Bechet Barsom", CHAIR, REGION, None, True, None),
        ("Siw Lunader", ADJUSTER, "Hallsbergs kommun", "Hallsberg", True, None),
        ("Jenny Steen", MEMBER, REGION, None, True, SSR_SV),
        ("Jessica Ekerbring", MEMBER, "Örebro kommun", "Örebro", True, SSR_SV),
        ("Helena Fagerstedt", MEMBER, "Lekebergs kommun", "Lekeberg", False, SSR_SV),
        ("Jari Mehtalainen", MEMBER, "Lindesbergs kommun", "Lindesberg", True, SSR_SV),
        ("Christina Kuurne", MEMBER, "Hällefors kommun", "Hällefors", True, SSR_SV),
        ("Lena Jonsson-Arndt", MEMBER, "Karlskoga kommun", "Karlskoga", True, SSR_SV),
        ("Siw Lunader", MEMBER, "Hallsbergs kommun", "Hallsberg", True, SSR_SV),
        ("Niina Linatti", MEMBER, "Askersunds kommun", "Askersund", True, SSR_SV),
        ("Ingela Sundberg", MEMBER, "Degerfors kommun", "Degerfors", True, SSR_SV),
        ("Jerry Karjalainen", MEMBER, "Laxå kommun", "Laxå", True, SSR_SV),
        ("Annica Sjöqvist", MEMBER, "Kumla kommun", "Kumla", True, SSR_SV),
        ("Jon Brossberg", MEMBER, "Ljusnarsbergs kommun", "Ljusnarsberg", True, SSR_SV),
        ("Anna Karlsson", MEMBER, "Nora kommun", "Nora", True, SSR_SV),
        ("Bechet Barsom", SUBSTITUTE, None, None, True, SSR_SV),
        ("Erik Sjöberg", SUBSTITUTE, "Örebro kommun", "Örebro", True, SSR_SV),
        ("Yvonne Hagström", SUBSTITUTE, "Lekebergs kommun", "Lekeberg", True, SSR_SV),
        ("Monika Klockars", SUBSTITUTE, "Lindesbergs kommun", "Lindesberg", False, SSR_SV),
        ("Wilhelm Tham", SUBSTITUTE, "Hällefors kommun", "Hällefors", True, SSR_SV),
        ("Liselott Eriksson", SUBSTITUTE, "Karlskoga kommun", "Karlskoga", True, SSR_SV),
        ("Ann-Christine Appelqvist", SUBSTITUTE, "Hallsbergs kommun", "Hallsberg", True, SSR_SV),
        ("Caroline Dieker", MEMBER, "Askersunds kommun", "Askersund", False, SSR_FH),
        ("Ann-Christin Pettersson", MEMBER, "Degerfors kommun", "Degerfors", True, SSR_FH),
        ("Siw Lunader", MEMBER, "Hallsbergs kommun", "Hallsberg", True, SSR_FH),
        ("Mattias Kjellberg", MEMBER, "Hällefors kommun", "Hällefors", False, SSR_FH),
        ("Amanda Lindgren", MEMBER, "Karlskoga kommun", "Karlskoga", True, SSR_FH),
        ("Annica Sjöqvist", MEMBER, "Kumla kommun", "Kumla", True, SSR_FH),
        ("Jerry Karjalainen", MEMBER, "Laxå kommun", "Laxå", False, SSR_FH),
        ("Kristin Östman", MEMBER, "Lekebergs kommun", "Lekeberg", True, SSR_FH),
        ("Jari Mehtäläinen", MEMBER, "Lindesbergs kommun", "Lindesberg", True, SSR_FH),
        ("Natalie Ström", MEMBER, "Ljusnarsbergs kommun", "Ljusnarsberg", True, SSR_FH),
        ("Anna Karlsson", MEMBER, "Nora kommun", "Nora", True, SSR_FH),
        ("Jimmy Nordengren", MEMBER, "Örebro kommun", "Örebro", True, SSR_FH),
        ("Unnur Tryggvadóttir", MEMBER, "RF-SISU", None, True, SSR_FH),
        ("Cecilia Lönn-Elgstrand", MEMBER, "ÖLBF", None, True, SSR_FH),
        ("Erik König", SUBSTITUTE, "Askersunds kommun", "Askersund", True, SSR_FH),
        ("Anita Bohlin Neuman", SUBSTITUTE, "Degerfors kommun", "Degerfors", True, SSR_FH),
        ("Ann-Christine Appelqvist", SUBSTITUTE, "Hallsbergs kommun", "Hallsberg", True, SSR_FH),
        ("Christina Kuurne", SUBSTITUTE, "Hällefors kommun", "Hällefors", True, SSR_FH),
        ("Lena Hagström", SUBSTITUTE, "Karlskoga kommun", "Karlskoga", True, SSR_FH),
        ("Jan Engman", SUBSTITUTE, "Kumla kommun", "Kumla", True, SSR_FH),
        ("Elvy Wiklund", SUBSTITUTE, "Laxå kommun", "Laxå", True, SSR_FH),
        ("Berth Falk", SUBSTITUTE, "Lekebergs kommun", "Lekeberg", True, SSR_FH),
        # An unlabelled block naming again seats the folkhälsa list has filled
        # (Askersund, Degerfors, Laxå, Kumla), in the order of social välfärd's
        # ledamöter: the rest of social välfärd's ersättare.
        ("Erik König", SUBSTITUTE, "Askersunds kommun", "Askersund", True, SSR_SV),
        ("Torbjörn Holm", SUBSTITUTE, "Degerfors kommun", "Degerfors", True, SSR_SV),
        ("Tina Johansson", SUBSTITUTE, "Laxå kommun", "Laxå", True, SSR_SV),
        ("Jan Engman", SUBSTITUTE, "Kumla kommun", "Kumla", True, SSR_SV),
        ("Mathias Eriksson", SUBSTITUTE, "Ljusnarsbergs kommun", "Ljusnarsberg", True, SSR_SV),
        ("Eva Karlsson", SUBSTITUTE, "Nora kommun", "Nora", True, SSR_SV),
        # The next block goes on with folkhälsa's list where it stopped (Lekeberg).
        ("Monika Klockars", SUBSTITUTE, "Lindesbergs kommun", "Lindesberg", True, SSR_FH),
        ("Mathias Eriksson", SUBSTITUTE, "Ljusnarsbergs kommun", "Ljusnarsberg", True, SSR_FH),
        ("Pia-Maria Johansson", SUBSTITUTE, "Nora kommun", "Nora", True, SSR_FH),
        ("Christina Håkansson", SUBSTITUTE, "Örebro kommun", "Örebro", True, SSR_FH),
        ("Emma Lado", SUBSTITUTE, "ÖLBF", None, True, SSR_FH),
        ("Ingmar Ångman", OFFICIAL, REGION, None, True, None),
        ("Panagiota Lazarido", OFFICIAL, REGION, None, True, None),
        ("Maria Lindborg", OFFICIAL, REGION, None, True, None),
        ("Malin Duckert Ek", OFFICIAL, REGION, None, True, None),
        ("Anna Swift Johannison", OFFICIAL, REGION, None, True, None),
    ]
    ingmar = by_name(attendees, "Ingmar Ångman")
    assert ingmar.title == "områdeschef Vårld och Folkhälsa, Regional utveckling"
    anna = by_name(attendees, "Anna Swift Johannison")
    assert anna.title == "utredningssekreterare, Staben hållbar utveckling"
    assert "Vakant" not in {a.name for a in attendees}


def test_2024_secretaries_in_the_page_header() -> None:
    lines = minutes_lines("002_fbd02d15cc9e81b2.txt")
    assert [a.name for a in secretary_from_header(lines)] == ["Malin Duckert Ek", "Maria Lindborg"]


def test_2020_name_title_and_role_word() -> None:
    attendees = parse_attendance(attendance_block("003_2e629cbed23816f9.txt", "Närvarande:"))
    assert [seen(a) for a in attendees] == [
        ("Ingmar Ångman", CHAIR, REGION, None, True),
        ("Anna Jakobsson", MEMBER, None, None, True),
        ("Katrinn Larsson", MEMBER, "Örebro kommun", "Örebro", True),
        ("Lisa Max", MEMBER, None, None, True),
        ("Cecilia Ljung", MEMBER, None, None, True),
        ("Peter Björklund", MEMBER, None, None, False),
        ("Kristin Lundström", MEMBER, "ÖLBF", None, False),
        ("Margareta Johansson", MEMBER, "RF-SISU", None, True),
        ("Linnea Hedkvist", MEMBER, REGION, None, True),
    ]
    assert by_name(attendees, "Ingmar Ångman").title == "områdeschef välfärd och folkhälsa"
    cecilia = by_name(attendees, "Cecilia Ljung")
    assert (cecilia.title, cecilia.note) == ("folkhälsochef västra länsdelen", "via Skype")
    margareta = by_name(attendees, "Margareta Johansson")
    assert (margareta.title, margareta.organization) == ("folkhälsochef", "RF-SISU")
    assert secretary_from_header(minutes_lines("003_2e629cbed23816f9.txt")) == []


def test_2026_surname_first_struck_and_guests() -> None:
    attendees = parse_attendance(attendance_block("004_68d86e17edf38360.txt", "Närvarande:"))
    assert [seen(a) for a in attendees] == [
        ("Ingmar Ångman", CHAIR, REGION, None, True),
        ("Maria Lindborg", SECRETARY, REGION, None, True),
        ("Karin Haster", MEMBER, None, None, False),
        ("Alexander Jansson", MEMBER, None, None, True),
        ("Anna-Karin Nysten", MEMBER, None, None, True),
        ("Annika Roman", MEMBER, None, None, True),
        ("Lise Bergman Nordgren", MEMBER, None, None, True),
        ("Daniel Ahnberg", MEMBER, None, None, False),
        ("Elin Fennander Sahlberg", MEMBER, None, None, True),
        ("Katrin Eriksson", MEMBER, None, None, True),
        ("Eva Persson", MEMBER, None, None, True),
        ("Fredrik Bergström", MEMBER, None, None, True),
        ("Carola Fahlström", MEMBER, None, None, True),
        ("Jaana Jansson", MEMBER, None, None, True),
        ("Johanna Viberg", MEMBER, None, None, True),
        ("Madelene Johanson", MEMBER, None, None, False),
        ("Madde Gustafsson", MEMBER, None, None, True),
        ("Malin Sundström", MEMBER, None, None, True),
        ("Maria Engdahl", MEMBER, None, None, True),
        ("Marie-Louise Forsberg-Fransson", MEMBER, None, None, True),
        ("Mary Lind Dalevi", MEMBER, None, None, False),
        ("Maria Nyström", MEMBER, "Olaus Petri VC", None, True),
        ("Patrik Jonsson", MEMBER, None, None, False),
        ("Stefan Nilsson", MEMBER, None, None, False),
        ("Karolina Stridh", MEMBER, None, None, True),
        ("Ammi Gustafsson", GUEST, REGION, None, True),
        ("Jan Sundelius", GUEST, REGION, None, True),
        ("Joakim Frögren", GUEST, REGION, None, True),
        ("Fredrik Svensson", GUEST, REGION, None, True),
        ("Carina Persson", GUEST, REGION, None, True),
        ("Maria Belik", GUEST, REGION, None, True),
        ("Johanna Bernström Höglom", GUEST, REGION, None, True),
    ]
    assert by_name(attendees, "Maria Nyström").title is None
    assert by_name(attendees, "Maria Belik").note == "Valfri deltagare"
    assert not any("@" in str(a) for a in attendees)


# --- Headings -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Närvarande:", (MEMBER, True)),
        ("närvarolista", (MEMBER, True)),
        ("Deltagare", (MEMBER, True)),
        ("LEDAMÖTER:", (MEMBER, True)),
        ("Ledamot", (MEMBER, True)),
        ("Beslutande:", (MEMBER, True)),
        ("Ersättare:", (SUBSTITUTE, True)),
        ("Tjänstgörande ersättare", (Role.SERVING_SUBSTITUTE, True)),
        ("Tjänstepersoner:", (OFFICIAL, True)),
        ("Tjänstemän", (OFFICIAL, True)),
        ("Övriga närvarande:", (OFFICIAL, True)),
        ("Gäster:", (GUEST, True)),
        ("Adjungerade", (GUEST, True)),
        ("Frånvarande:", (MEMBER, False)),
        ("Förhinder", (MEMBER, False)),
        ("Ordförande:", (CHAIR, True)),
        ("Vice ordförande", (Role.VICE_CHAIR, True)),
        ("Sekreterare", (SECRETARY, True)),
        ("Protokollförare:", (SECRETARY, True)),
        ("Justerare:", (ADJUSTER, True)),
        ("Justerare: Siw Lunander, Hallsbergs kommun", (ADJUSTER, True)),
        ("<p>Närvarande:</p>", (MEMBER, True)),
    ],
)
def test_attendance_headings(line: str, expected: tuple[Role, bool]) -> None:
    assert attendance_heading(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "Ordförande Bechet hälsade välkommen",
        "Ingmar hälsade deltagarna välkomna.",
        "Närvarande ledamöter röstade för förslaget",
        "1. Inledning",
        "",
    ],
)
def test_other_lines_are_no_headings(line: str) -> None:
    assert attendance_heading(line) is None


# --- Layouts beyond the five files ------------------------------------------------


def test_formal_protocol_with_parties_and_serving_substitutes() -> None:
    lines = """
Beslutande:
Anna Andersson (S), ordförande, Kumla kommun
Bertil Berg (M), vice ordförande, Örebro kommun
Cecilia Ceder (C)
LARSSON Britt (KD), Hallsbergs kommun
Tjänstgörande ersättare:
David Dahl (S) för Erik Ek (S)
Ersättare:
Fia Falk (V), Laxå
Gösta Gran (L)
Hanna Hed (MP)
Ivan Ivarsson (SD)
Övriga närvarande:
Gun Gran, sekreterare
Helena Holm, socialchef, Hallsbergs kommun
Frånvarande:
Ivar Isaksson (KD)
Justerare: Bertil Berg (M)
""".splitlines()
    attendees = parse_attendance(lines)
    assert [(a.name, a.role, a.party, a.municipality, a.present) for a in attendees] == [
        ("Anna Andersson", CHAIR, "(S)", "Kumla", True),
        ("Bertil Berg", Role.VICE_CHAIR, "(M)", "Örebro", True),
        ("Cecilia Ceder", MEMBER, "(C)", None, True),
        ("Britt Larsson", MEMBER, "(KD)", "Hallsberg", True),
        ("David Dahl", Role.SERVING_SUBSTITUTE, "(S)", None, True),
        ("Fia Falk", SUBSTITUTE, "(V)", "Laxå", True),
        ("Gösta Gran", SUBSTITUTE, "(L)", None, True),
        ("Hanna Hed", SUBSTITUTE, "(MP)", None, True),
        ("Ivan Ivarsson", SUBSTITUTE, "(SD)", None, True),
        ("Gun Gran", SECRETARY, None, None, True),
        ("Helena Holm", OFFICIAL, None, "Hallsberg", True),
        ("Ivar Isaksson", MEMBER, "(KD)", None, False),
        ("Bertil Berg", ADJUSTER, "(M)", None, True),
        ("Erik Ek", MEMBER, "(S)", None, False),  # David Dahl sat in his seat
    ]
    assert by_name(attendees, "David Dahl").note == "för Erik Ek (S)"
    assert by_name(attendees, "Helena Holm").title == "socialchef"


def test_narvarolista_table_with_header_row() -> None:
    lines = [
        "Närvarolista",
        "Namn\tParti\tFunktion\tNärvarande",
        "Anna Andersson\tS\tOrdförande\tX",
        "Bertil Berg\tM\tLedamot\t",
        "Cecilia Ceder\tC\tErsättare\tx",
        "Dora Dahl\tV\tTjänstgörande ersättare\tJa",
    ]
    assert [(a.name, a.role, a.party, a.present) for a in parse_attendance(lines)] == [
        ("Anna Andersson", CHAIR, "(S)", True),
        ("Bertil Berg", MEMBER, "(M)", False),
        ("Cecilia Ceder", SUBSTITUTE, "(C)", True),
        ("Dora Dahl", Role.SERVING_SUBSTITUTE, "(V)", True),
    ]


def test_member_and_substitute_columns() -> None:
    lines = [
        "Ledamöter\tErsättare",
        "Anna Andersson (S)\tDavid Dahl (S)",
        "Bertil Berg (M)\t~~Erik Ek (M)~~",
    ]
    assert [(a.name, a.role, a.present) for a in parse_attendance(lines)] == [
        ("Anna Andersson", MEMBER, True),
        ("David Dahl", SUBSTITUTE, True),
        ("Bertil Berg", MEMBER, True),
        ("Erik Ek", SUBSTITUTE, False),
    ]


def test_names_after_the_heading_and_register_order() -> None:
    lines = [
        "Närvarande: Anna Andersson (S), Bertil Berg (M) och Cecilia Ceder (C)",
        "Gäster:",
        "Andersson, Lena (S)",
        "- Sara Svensson, Försäkringskassan",
        "• Ola Olsson, enhetschef, Vingåkers kommun",
        "Vakant, Kumla kommun",
        "NN, Region Örebro län",
    ]
    attendees = parse_attendance(lines)
    assert [(a.name, a.role, a.organization, a.municipality) for a in attendees] == [
        ("Anna Andersson", MEMBER, None, None),
        ("Bertil Berg", MEMBER, None, None),
        ("Cecilia Ceder", MEMBER, None, None),
        ("Lena Andersson", GUEST, None, None),
        ("Sara Svensson", GUEST, "Försäkringskassan", None),
        ("Ola Olsson", GUEST, "Vingåkers kommun", None),
    ]
    assert by_name(attendees, "Lena Andersson").party == "(S)"


def test_groups_named_by_lines_of_their_own() -> None:
    lines = [
        "SSR folkhälsa",
        "Ledamöter:",
        "Anna Ek, Kumla",
        "SSR social välfärd",
        "Ledamöter:",
        "Bo Berg, Nora",
        "Ersättare:",
        "Cia Ceder, Laxå",
        "Tjänstepersoner:",
        "Dan Dahl, utvecklingsledare, Region Örebro län",
    ]
    attendees = parse_attendance(lines, groups=(SSR_SV, SSR_FH))
    assert [(a.name, a.group) for a in attendees] == [
        ("Anna Ek", SSR_FH),
        ("Bo Berg", SSR_SV),
        ("Cia Ceder", SSR_SV),
        ("Dan Dahl", None),
    ]


JOINT_LISTS = [
    "Ledamöter:",
    "Anna Ek, Kumla kommun",
    "Bo Berg, Nora kommun",
    "Cia Ceder, Laxå kommun",
    "Ersättare:",
    "Dan Dahl, Kumla kommun",
    "",
    "Ledamöter:",
    "Eva Ek, Laxå kommun",
    "Fia Falk, Nora kommun",
    "Ersättare:",
    "Gun Gran, Laxå kommun",
    "",
    "Hans Holm, Nora kommun",
    "Ida Ilstam, Laxå kommun",
    "",
    "Jan Jarl, Nora kommun",
]


def test_a_joint_meetings_unlabelled_block_goes_to_the_list_it_continues() -> None:
    # "Hans Holm, Nora", "Ida Ilstam, Laxå" name Laxå again under the second
    # group's ersättare, and fill the seats the first group's list left open.
    attendees = parse_attendance(JOINT_LISTS, groups=(SSR_SV, SSR_FH))
    substitutes = [(a.name, a.group) for a in attendees if a.role is SUBSTITUTE]
    assert substitutes == [
        ("Dan Dahl", SSR_SV),
        ("Gun Gran", SSR_FH),
        ("Hans Holm", SSR_SV),
        ("Ida Ilstam", SSR_SV),
        ("Jan Jarl", SSR_FH),
    ]


def test_a_joint_meetings_list_continued_after_a_page_break_stays_with_its_group() -> None:
    lines = [*JOINT_LISTS[:13], "", "", "Ida Ilstam, Nora kommun"]
    attendees = parse_attendance(lines, groups=(SSR_SV, SSR_FH))
    assert [(a.name, a.group) for a in attendees if a.role is SUBSTITUTE][-1] == (
        "Ida Ilstam",
        SSR_FH,
    )


def test_one_group_lists_carry_no_group() -> None:
    lines = ["Ledamöter:", "Anna Ek, Kumla", "Ersättare:", "Bo Berg, Nora"]
    attendees = parse_attendance(lines, groups=(SSR_SV, SSR_FH))
    assert [a.group for a in attendees] == [None, None]


def test_a_person_listed_twice_in_one_list_counts_once() -> None:
    lines = [
        "Ersättare:",
        "Erik König, Askersund kommun",
        "~~Jan Engman~~",
        "Mathias Eriksson Ljusnarsberg kommun",
        "Erik König, Askersunds kommun",
        "Jan Engman, Kumla kommun",
        "Mathias Eriksson, Ljusnarsberg kommun",
    ]
    assert [seen(a) for a in parse_attendance(lines)] == [
        ("Erik König", SUBSTITUTE, "Askersunds kommun", "Askersund", True),
        ("Jan Engman", SUBSTITUTE, "Kumla kommun", "Kumla", True),
        ("Mathias Eriksson", SUBSTITUTE, "Ljusnarsbergs kommun", "Ljusnarsberg", True),
    ]


def test_lines_that_are_not_people_are_skipped() -> None:
    lines = [
        "Sekreterare",
        "Linnea Hed-",
        "kvist",
        "",
        "Protokoll Chefsgrupp för samverkan social välfärd samt vård och omsorg",
        "Tid: 13-14 oktober 2022",
        "Plats: Båsenberga hotell och konferens, Vingåker",
        "\tMinnes- anteckningar\tDelpunkter",
    ]
    assert parse_attendance(lines) == [Attendee("Linnea Hedkvist", SECRETARY)]


def test_secretary_named_after_the_colon() -> None:
    lines = ["Sekreterare: Maria Lindborg", "Justerare: Anna Ek"]
    assert secretary_from_header(lines) == [Attendee("Maria Lindborg", SECRETARY)]


# --- Names ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Ångman Ingmar", "Ingmar Ångman"),
        ("Bergman Nordgren Lise", "Lise Bergman Nordgren"),
        ("Eriksson Katrin", "Katrin Eriksson"),
        ("Fahlström Carola", "Carola Fahlström"),
        ("Bernström Höglom Johanna", "Johanna Bernström Höglom"),
        ("Gustafsson Ammi", "Ammi Gustafsson"),
        ("Wiklund Elvy", "Elvy Wiklund"),
        ("Nysten Anna Karin", "Anna Karin Nysten"),
        ("ANDERSSON Anna", "Anna Andersson"),
        ("A. Bengtsson", "A. Bengtsson"),
        ("Carl von Essen", "Carl von Essen"),
        ("Alexander Jansson", "Alexander Jansson"),
        ("Anna-Karin Nysten", "Anna-Karin Nysten"),
        ("Annika Roman", "Annika Roman"),
        ("Lisa Max", "Lisa Max"),
        ("Bechet Barsom", "Bechet Barsom"),
        ("Unnur Tryggvadóttir", "Unnur Tryggvadóttir"),
        ("Linnea Hed-\nkvist", "Linnea Hedkvist"),
        ("Linnea Hed- kvist", "Linnea Hedkvist"),
        ("Kristin Gus-\ntafsson", "Kristin Gustafsson"),
        ("Lena Jonsson-Arndt", "Lena Jonsson-Arndt"),
        ("Marie-Louise Forsberg-\nFransson", "Marie-Louise Forsberg-Fransson"),
        ("Daniel Ahnberg (daniel.ahnberg@hellefors.se)", "Daniel Ahnberg"),
        ("~~Johanson Madelene~~", "Madelene Johanson"),
    ],
)
def test_normalize_name(raw: str, expected: str) -> None:
    assert normalize_name(raw) == expected


def test_struck_names_within_one_line() -> None:
    lines = [
        "Närvarande: Anna Andersson (S), ~~Bertil Berg (M)~~, Cecilia Ceder (C)",
        "Ersättare: ~~David Dahl (S), Erik Ek (M)~~ och Fia Falk (V)",
    ]
    assert [(a.name, a.present) for a in parse_attendance(lines)] == [
        ("Anna Andersson", True),
        ("Bertil Berg", False),
        ("Cecilia Ceder", True),
        ("David Dahl", False),
        ("Erik Ek", False),
        ("Fia Falk", True),
    ]


@pytest.mark.parametrize(
    ("line", "organization", "title"),
    [
        ("Nyström Maria, Olaus Petri VC", "Olaus Petri VC", None),
        (
            "Anna Ek, distriktsläkare, Lindesbergs vårdcentral",
            "Lindesbergs vårdcentral",
            "distriktsläkare",
        ),
        ("Bo Berg, Hälsocentralen Fjällnäs", "Hälsocentralen Fjällnäs", None),
        ("Cia Ceder, verksamhetschef Kumla VC", "Kumla VC", "verksamhetschef"),
        # a proper name after a job title is the employer
        ("Johan Ståhl, project manager, Inera", "Inera", "project manager"),
        # a unit of the region after a title stays the title
        ("Dan Dahl, samordnare, Nära vård", REGION, "samordnare, Nära vård"),
    ],
)
def test_an_organisation_after_a_name(line: str, organization: str, title: str | None) -> None:
    [attendee] = parse_attendance(["Närvarande:", line])
    assert (attendee.organization, attendee.title, attendee.municipality) == (
        organization,
        title,
        None,
    )


def test_an_inline_list_with_details_in_brackets() -> None:
    found = parse_attendance(
        [
            "**Present:** Margaret Olofsson (Region Örebro län, chair), Peter Wennström "
            "(Hallsbergs kommun, secretary), Anna Berg (Kumla kommun), Jonas Ek (Nora kommun)",
            "**Apologies:** Lisa Holm (Askersunds kommun)",
            "Närvarande: Eva Ek (S, ordförande), Bo Ek (M, Kumla), Ola Ek (projektledare, Inera)",
        ]
    )
    assert [(a.name, a.role.value, a.organization, a.present, a.party) for a in found] == [
        ("Margaret Olofsson", "ordförande", "Region Örebro län", True, None),
        ("Peter Wennström", "sekreterare", "Hallsbergs kommun", True, None),
        ("Anna Berg", "ledamot", "Kumla kommun", True, None),
        ("Jonas Ek", "ledamot", "Nora kommun", True, None),
        ("Lisa Holm", "ledamot", "Askersunds kommun", False, None),
        ("Eva Ek", "ordförande", None, True, "(S)"),
        ("Bo Ek", "ledamot", "Kumla kommun", True, "(M)"),
        # brackets holding what is no party, role or organisation: a note, whole
        ("Ola Ek", "ledamot", None, True, None),
    ]
    assert found[-1].note == "projektledare, Inera"
