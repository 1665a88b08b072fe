"""Formal §-protocols of kommunstyrelser, nämnder and samverkansnämnder as Word and
PDF write them: a first-page table of labels and values, närvarolistor with a
column per ledamot and ersättare, case numbers after the §, a body's own decision
heading; and English minutes with the meeting's place in the title."""

from __future__ import annotations

from datetime import date, datetime

from storage.parsing import parse_text
from storage.parsing.attendance_rows import read_row
from storage.parsing.people import parse_attendance
from storage.parsing.presenters import KnownPeople, presenters_in
from storage.parsing.records import STOCKHOLM, Attendee, DecisionKind, MeetingMode, Role
from storage.parsing.schedule import parse_schedule

# The first page as a Word table gives it: label cell, tab, value cell whose
# paragraphs are one a line; blank lines between the rows.
FIRST_PAGE_TABLE = """Hallsbergs kommun

SAMMANTRÄDESPROTOKOLL

Kommunstyrelsens arbetsutskott

Sammanträdesdatum 2026-09-15

Plats och tid\tKommunhuset, sammanträdesrum
Sydnärke, kl. 08.30–11.40

Beslutande\tGunnel Vretlund (S), ordförande
Petter Hagmark (C), vice ordförande
Mona Eklöv (M)
Harald Sjöstedt (S), tjänstgörande ersättare för Rune Falk (S)

Ersättare\tKarin Ullsten (KD)
Bosse Nyqvist (SD)

Övriga närvarande\tFredrik Alm, kommundirektör
Linnea Stråhle, nämndsekreterare

Utses att justera\tMona Eklöv (M)

Justeringens plats och tid\tKommunhuset, 2026-09-18

Underskrifter\tSekreterare ............................ Paragrafer 84–90
Linnea Stråhle
Ordförande ............................
Gunnel Vretlund
Justerande ............................
Mona Eklöv

§ 84

Val av justerare

Mona Eklöv (M) utses att jämte ordföranden justera dagens protokoll.

§ 86 Dnr KS 2026/211

Delårsrapport januari–augusti 2026

Ärendebeskrivning

Ekonomichef Jonas Tibbling redovisar delårsrapporten för perioden januari–augusti.

Förslag till beslut

Arbetsutskottet föreslår kommunstyrelsen att godkänna delårsrapporten.

Arbetsutskottets beslut

Arbetsutskottet föreslår kommunstyrelsen besluta att godkänna delårsrapporten.

§ 87 Motion om solceller, Dnr KS 2026/198

Yrkanden

Mona Eklöv (M) yrkar bifall till motionen.

Beslut

Ärendet återremitteras till förvaltningen.
"""


def people_of(attendees: list[Attendee]) -> list[tuple[str, Role, bool]]:
    return [(a.name, a.role, a.present) for a in attendees]


def test_a_first_page_table_of_labels_and_values() -> None:
    doc = parse_text(FIRST_PAGE_TABLE)
    assert doc.meeting.groups == ("Kommunstyrelsens arbetsutskott",)
    assert doc.meeting.start == datetime(2026, 9, 15, 8, 30, tzinfo=STOCKHOLM)
    assert doc.meeting.place == "Kommunhuset, sammanträdesrum Sydnärke"
    assert doc.adjusted_on == date(2026, 9, 18)
    assert people_of(doc.attendees) == [
        ("Gunnel Vretlund", Role.CHAIR, True),
        ("Petter Hagmark", Role.VICE_CHAIR, True),
        ("Mona Eklöv", Role.MEMBER, True),
        ("Harald Sjöstedt", Role.SERVING_SUBSTITUTE, True),
        ("Karin Ullsten", Role.SUBSTITUTE, True),
        ("Bosse Nyqvist", Role.SUBSTITUTE, True),
        ("Fredrik Alm", Role.OFFICIAL, True),
        ("Linnea Stråhle", Role.OFFICIAL, True),
        ("Mona Eklöv", Role.ADJUSTER, True),
        ("Linnea Stråhle", Role.SECRETARY, True),
        ("Rune Falk", Role.MEMBER, False),  # Harald Sjöstedt sat in his seat
    ]
    assert doc.warnings == []  # the letterhead "Hallsbergs kommun" included


def test_a_case_number_after_the_section_sign_is_not_the_title() -> None:
    doc = parse_text(FIRST_PAGE_TABLE)
    titles = [(item.number, item.title) for item in doc.items]
    assert titles == [
        ("§ 84", "Val av justerare"),
        ("§ 86", "Delårsrapport januari–augusti 2026"),
        ("§ 87", "Motion om solceller"),
    ]


def test_a_bodys_own_decision_heading_is_no_sub_heading() -> None:
    doc = parse_text(FIRST_PAGE_TABLE)
    item = next(item for item in doc.items if item.number == "§ 86")
    assert [d.text for d in item.decisions] == [
        "Arbetsutskottet föreslår kommunstyrelsen besluta att godkänna delårsrapporten."
    ]
    assert item.presenters == ("Jonas Tibbling",)  # not "Ekonomichef Jonas Tibbling"
    referred = next(item for item in doc.items if item.number == "§ 87")
    assert [d.kind for d in referred.decisions] == [DecisionKind.POSTPONED]


def test_a_narvarolista_with_a_column_per_member_and_substitute() -> None:
    lines = [
        "Närvarolista",
        "Ledamot\tKommun\tN\tErsättare\tN",
        "Tove Grönqvist (S), ordförande\tLindesbergs kommun\tX\tElias Marmström (S)",
        "Kjell Råberg (M)\tNora kommun\t\tUlrika Fjällström (M)\tX",
        "Östen Brandt (S)\tLjusnarsbergs kommun\tN\tMaja Segerdahl (V)\tF",
    ]
    attendees = parse_attendance(lines)
    assert [(a.name, a.role, a.present, a.municipality) for a in attendees] == [
        ("Tove Grönqvist", Role.CHAIR, True, "Lindesberg"),
        ("Elias Marmström", Role.SUBSTITUTE, False, "Lindesberg"),
        ("Kjell Råberg", Role.MEMBER, False, "Nora"),
        ("Ulrika Fjällström", Role.SUBSTITUTE, True, "Nora"),
        ("Östen Brandt", Role.MEMBER, True, "Ljusnarsberg"),
        ("Maja Segerdahl", Role.SUBSTITUTE, False, "Ljusnarsberg"),
    ]


def test_a_serving_substitute_beside_a_member_leaves_the_member_absent() -> None:
    lines = [
        "Beslutande",
        "Ledamot\tParti\tTjänstgörande ersättare\tParti",
        "Anna Ek\tS\tBo Berg\tS",
        "Cia Dahl\tM\t\t",
    ]
    attendees = parse_attendance(lines)
    assert people_of(attendees) == [
        ("Anna Ek", Role.MEMBER, False),
        ("Bo Berg", Role.SERVING_SUBSTITUTE, True),
        ("Cia Dahl", Role.MEMBER, True),
    ]
    assert attendees[1].note == "för Anna Ek"


def test_a_role_cell_naming_whose_seat_is_taken() -> None:
    lines = [
        "Beslutande:",
        "Namn\tParti\tFunktion\tNärvaro",
        "Leila Haddad\tV\tLedamot\tFrånvarande",
        "Emma Tjäder\tS\tTjänstgörande ersättare för Leila Haddad (V)\tNärvarande",
    ]
    attendees = parse_attendance(lines)
    assert people_of(attendees) == [
        ("Leila Haddad", Role.MEMBER, False),
        ("Emma Tjäder", Role.SERVING_SUBSTITUTE, True),
    ]


def test_semicolons_part_people_whose_details_follow_commas() -> None:
    rows = read_row("Oskar Nyblom, Degerfors kommun; Ingrid Lagerholm, Karlskoga kommun")
    assert [(r.name, r.municipality) for r in rows] == [
        ("Oskar Nyblom", "Degerfors"),
        ("Ingrid Lagerholm", "Karlskoga"),
    ]
    attendees = parse_attendance(
        ["Övriga närvarande: Nils Kärrbäck, förbundschef; Petra Holm, sekreterare"]
    )
    assert [(a.name, a.role, a.title) for a in attendees] == [
        ("Nils Kärrbäck", Role.OFFICIAL, "förbundschef"),
        ("Petra Holm", Role.SECRETARY, None),
    ]


def test_a_wrapped_list_line_goes_on_in_lower_case() -> None:
    attendees = parse_attendance(
        ["Övriga närvarande: Maria Lind, socialchef; Kent Ahl,", "nämndsekreterare"]
    )
    assert [(a.name, a.title) for a in attendees] == [
        ("Maria Lind", "socialchef"),
        ("Kent Ahl", "nämndsekreterare"),
    ]


ENGLISH = """Minutes of the meeting of the Regional Steering Group for Digital Health, held on 12 November 2026 at 10:00–12:30, Conference room Tellus, Örebro

Present:
Margaret Olofsson, Region Örebro län (Chair)
Henrik Dahlgren, Kumla kommun
Peter Wennström, Hallsbergs kommun (Secretary)

Apologies:
Lena Fagerlund, Nora kommun

1. Shared e-health platform
Decision: The group approved the procurement timeline.
"""


def test_english_minutes_name_group_time_and_place_in_the_title() -> None:
    doc = parse_text(ENGLISH)
    assert doc.meeting.groups == ("Regional Steering Group for Digital Health",)
    assert doc.meeting.start == datetime(2026, 11, 12, 10, tzinfo=STOCKHOLM)
    assert doc.meeting.place == "Conference room Tellus, Örebro"
    assert people_of(doc.attendees) == [
        ("Margaret Olofsson", Role.CHAIR, True),
        ("Henrik Dahlgren", Role.MEMBER, True),
        ("Peter Wennström", Role.SECRETARY, True),
        ("Lena Fagerlund", Role.MEMBER, False),
    ]


def test_dates_of_a_list_share_the_time_written_after_the_last() -> None:
    lines = [
        "Nämnden fastställer sammanträdesplanen: 20 januari, 17 februari, 24 mars",
        "och 21 april 2027, kl. 14.00.",
    ]
    found = parse_schedule(lines, reference=date(2026, 10, 21), heading="Sammanträdesplan 2027")
    assert [(m.start.month, m.start.day, m.start.hour, m.time_known) for m in found] == [
        (1, 20, 14, True),
        (2, 17, 14, True),
        (3, 24, 14, True),
        (4, 21, 14, True),
    ]


def test_a_date_with_a_note_of_its_own_does_not_share_the_time() -> None:
    found = parse_schedule(
        ["20/1 (digitalt), 17/2 och 24/3 kl. 9–12"],
        reference=date(2026, 10, 21),
        heading="Sammanträdesplan 2027",
    )
    assert [m.time_known for m in found] == [False, False, True]


def test_the_next_meeting_held_in_a_place() -> None:
    doc = parse_text(
        "Protokoll Samverkansnämnden Bergslagen 2026-10-08\n\n"
        "§ 1 Nästa sammanträde\n\n"
        "Nästa sammanträde äger rum den 3 december 2026 kl. 13.00 i Nora.\n"
    )
    [meeting] = doc.schedule
    assert (meeting.start.day, meeting.place, meeting.mode) == (3, "Nora", MeetingMode.PHYSICAL)


def test_a_job_title_before_a_presenter_is_not_part_of_the_name() -> None:
    lines = ["Förbundschef Nils Kärrbäck redogör för förslaget."]
    assert presenters_in(lines, KnownPeople()) == ("Nils Kärrbäck",)


def test_an_organisation_in_brackets_after_a_name() -> None:
    attendees = parse_attendance(["Närvarande: Anna Ek (Kumla), Bo Berg (Region Örebro län)"])
    assert [(a.name, a.organization, a.municipality) for a in attendees] == [
        ("Anna Ek", "Kumla kommun", "Kumla"),
        ("Bo Berg", "Region Örebro län", None),
    ]


def test_names_and_organisations_after_one_colon_all_parted_by_commas() -> None:
    attendees = parse_attendance(
        ["Närvarande: Anna Ek, Kumla kommun, Bo Berg, Region Örebro län, ~~Cecilia Dahl, Nora~~"]
    )
    assert [(a.name, a.organization, a.present) for a in attendees] == [
        ("Anna Ek", "Kumla kommun", True),
        ("Bo Berg", "Region Örebro län", True),
        ("Cecilia Dahl", "Nora kommun", False),
    ]


def test_the_votes_of_an_omrostningslista_are_not_presence() -> None:
    lines = [
        "Närvaro- och omröstningslista",
        "Ledamot\tParti\tN\tJa\tNej\tAvstår",
        "Anna Ek\tS\tX\tX\t\t",
        "Bo Berg\tM\t\t\t\t",
    ]
    assert people_of(parse_attendance(lines)) == [
        ("Anna Ek", Role.MEMBER, True),
        ("Bo Berg", Role.MEMBER, False),
    ]


def test_tjg_for_makes_a_serving_substitute() -> None:
    lines = ["Ledamöter", "Anna Ek (S)", "Ersättare", "Cia Dahl (C), tjg för Bo Berg (M) § 16"]
    assert people_of(parse_attendance(lines)) == [
        ("Anna Ek", Role.MEMBER, True),
        ("Cia Dahl", Role.SERVING_SUBSTITUTE, True),
        ("Bo Berg", Role.MEMBER, False),
    ]


def test_where_a_postponed_question_went_ends_before_the_reason() -> None:
    doc = parse_text(
        "Minnesanteckningar Länsgruppen för barnhälsa 2026-11-05\n\n"
        "1. Föräldrastödsprogrammet\n\n"
        "Beslut: Frågan skjuts upp till nästa möte i väntan på budgetbesked.\n"
    )
    [decision] = doc.items[0].decisions
    assert (decision.kind, decision.referred_to) == (DecisionKind.POSTPONED, "nästa möte")


def test_english_apologies_and_in_attendance_lists() -> None:
    text = ENGLISH.replace(
        "Lena Fagerlund, Nora kommun\n",
        "Lena Fagerlund, Nora kommun\nMats Bredberg, Lindesbergs kommun\n\n"
        "In attendance:\nJohan Ståhl, project manager, Inera\n",
    )
    attendees = parse_text(text).attendees
    assert people_of(attendees)[3:] == [
        ("Lena Fagerlund", Role.MEMBER, False),
        ("Mats Bredberg", Role.MEMBER, False),
        ("Johan Ståhl", Role.OFFICIAL, True),
    ]
    assert attendees[-1].organization == "Inera"


def test_a_section_number_left_out_still_starts_an_item() -> None:
    text = (
        "Kommunstyrelsens arbetsutskott\nPROTOKOLL 2026-09-15\n\n"
        "§ 46 Detaljplan\nArbetsutskottet beslutar att anta planen.\n\n"
        "§ 47 Motion om cykelväg\nÄrendet bordläggs.\n\n"
        "§ 49 Kommande sammanträden\nArbetsutskottet sammanträder 2026-11-10 kl. 08.30.\n"
    )
    parsed = parse_text(text)
    assert [i.number for i in parsed.items] == ["§ 46", "§ 47", "§ 49"]
    assert [m.start.date().isoformat() for m in parsed.schedule] == ["2026-11-10"]
