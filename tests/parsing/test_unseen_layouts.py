"""Layouts first met in invented minutes: a Word "Save as HTML" page, a plain
minnesanteckning with "Punkt N" items, page headers carrying the date and page
numbers, and English labels after a decision."""

from __future__ import annotations

from datetime import date

import pytest

from storage.parsing import parse_text
from storage.parsing.markup import html_to_text
from storage.parsing.officers import with_officers
from storage.parsing.records import Attendee, DecisionKind, Role
from storage.parsing.schedule import parse_schedule
from storage.parsing.text import clean_text


def test_word_html_cells_wrapped_in_paragraphs_stay_on_one_row() -> None:
    page = (
        "<html><head><title>Minnesanteckningar</title></head><body><table>"
        "<tr><td><p>Namn</p></td><td><p>Organisation</p></td><td><p>Roll</p></td></tr>"
        "<tr><td><p>Åsa Lindqvist</p></td><td><p>Nora kommun</p></td>"
        "<td><p>Ordförande</p></td></tr>"
        "</table><p>Efter&nbsp;tabellen</p></body></html>"
    )
    lines = [line for line in html_to_text(page).split("\n") if line.strip()]
    assert lines == [
        "Namn\tOrganisation\tRoll",
        "Åsa Lindqvist\tNora kommun\tOrdförande",
        "Efter\xa0tabellen",
    ]


def test_word_html_attendance_table_gives_each_person_their_own_role() -> None:
    page = (
        "<h1>Minnesanteckningar Samverkansgrupp Äldreomsorg</h1>"
        "<p>Datum:&nbsp;2025-02-18</p><h2>Närvarande</h2><table>"
        "<tr><td><p><b>Namn</b></p></td><td><p><b>Organisation</b></p></td>"
        "<td><p><b>Roll</b></p></td></tr>"
        "<tr><td><p>Åsa Lindqvist</p></td><td><p>Lindesbergs kommun</p></td>"
        "<td><p>Ordförande</p></td></tr>"
        "<tr><td><p>Håkan Berglund</p></td><td><p>Nora kommun</p></td>"
        "<td><p>Ledamot</p></td></tr>"
        "</table><h2>1.&nbsp;Mötets öppnande</h2><p>Ordföranden hälsade välkommen.</p>"
    )
    roles = {a.name: (a.role, a.municipality) for a in parse_text(page).attendees}
    assert roles == {
        "Åsa Lindqvist": (Role.CHAIR, "Lindesberg"),
        "Håkan Berglund": (Role.MEMBER, "Nora"),
    }


PUNKT = """Minnesanteckning
Beredningsgruppen för barn och unga

Datum: 12/3 2025
Tid: 13.00-15.00

Närvarande ledamöter:
Eva Strand (S), Kumla
Olle Vik (V), Laxå

Punkt 1 Val av ordförande och sekreterare
Till ordförande valdes Eva Strand och till sekreterare Olle Vik.

Punkt 2 Fritidsbanken
Ärendet bordläggs till nästa möte.

Punkt 3 Övrigt
Inga övriga frågor.

Nästa möte: 9 april kl. 13–15
"""


def test_items_numbered_with_the_word_punkt() -> None:
    document = parse_text(PUNKT)
    assert [(i.number, i.title) for i in document.items] == [
        ("1", "Val av ordförande och sekreterare"),
        ("2", "Fritidsbanken"),
        ("3", "Övrigt"),
    ]
    assert [d.kind for d in document.items[1].decisions] == [DecisionKind.POSTPONED]


def test_next_meeting_labelled_on_its_own_line() -> None:
    planned = parse_text(PUNKT).schedule
    assert [(m.start.date(), m.start.hour, m.end and m.end.hour) for m in planned] == [
        (date(2025, 4, 9), 13, 15)
    ]


def test_chair_and_secretary_elected_in_an_item_take_their_roles() -> None:
    roles = {a.name: a.role for a in parse_text(PUNKT).attendees}
    assert roles == {"Eva Strand": Role.CHAIR, "Olle Vik": Role.SECRETARY}


def test_election_does_not_override_a_listed_chair_or_add_strangers() -> None:
    people = [Attendee("Anna Ek", Role.CHAIR), Attendee("Per Holm")]
    found = with_officers(
        people, ["Per Holm valdes till ordförande. Till sekreterare valdes Nils Ahl."]
    )
    assert [(a.name, a.role) for a in found] == [
        ("Anna Ek", Role.CHAIR),
        ("Per Holm", Role.MEMBER),
    ]


@pytest.mark.parametrize(
    "opening",
    [
        "Ordförande Per Holm hälsade välkommen.",
        "Mötesordförande Per Holm öppnade mötet och hälsade alla välkomna.",
        "Ordföranden Per Holm förklarade mötet öppnat.",
    ],
)
def test_the_chair_who_opened_the_meeting_takes_the_role(opening: str) -> None:
    people = [Attendee("Anna Ek"), Attendee("Per Holm")]
    found = with_officers(people, [opening])
    assert [(a.name, a.role) for a in found] == [("Anna Ek", Role.MEMBER), ("Per Holm", Role.CHAIR)]


def test_an_opener_not_in_the_list_or_a_listed_chair_is_kept() -> None:
    listed = [Attendee("Anna Ek", Role.CHAIR), Attendee("Per Holm")]
    assert with_officers(listed, ["Ordförande Per Holm hälsade välkommen."]) == listed
    stranger = [Attendee("Anna Ek")]
    assert with_officers(stranger, ["Ordförande Per Holm hälsade välkommen."]) == stranger


PAGED = """PROTOKOLL                                   Sammanträdesdatum 2025-11-04
Styrgruppen för Länsgemensam Psykiatri                         Sida 1 av 2

Plats och tid: Regionens hus, kl. 10.00-12.00

Beslutande:
Anders Falk, ordförande, Örebro kommun
Maria Lund, Karlskoga kommun

§ 1 Mötets öppnande
Ordföranden öppnade mötet.

                                                               Sida 1 av 2
PROTOKOLL                                   Sammanträdesdatum 2025-11-04
Styrgruppen för Länsgemensam Psykiatri                         Sida 2 av 2

§ 2 Mobila team
Styrgruppen beslutar att förlänga försöket med mobila team.
                                                               Sida 2 av 2
"""


def test_page_header_with_changing_page_numbers_is_one_header() -> None:
    cleaned = clean_text(PAGED)
    assert "Sida" not in cleaned.text
    assert "Sammanträdesdatum" not in cleaned.text
    assert cleaned.text.startswith("Plats och tid:")


def test_meeting_date_and_group_read_from_the_page_header() -> None:
    document = parse_text(PAGED)
    assert document.meeting.start is not None
    assert (document.meeting.start.date(), document.meeting.start.hour) == (
        date(2025, 11, 4),
        10,
    )
    assert document.meeting.groups == ("Styrgruppen för Länsgemensam Psykiatri",)
    assert [d.text for i in document.items for d in i.decisions] == [
        "Styrgruppen beslutar att förlänga försöket med mobila team."
    ]


def test_another_label_ends_a_decided_text() -> None:
    text = """Minutes – Regional Digital Health Network

Date: 21 May 2025

1. Telehealth pilot
Decided: The network agreed to extend the telehealth pilot to Sala.
Actions: Ahmed Hassan to circulate the evaluation report.
"""
    decisions = parse_text(text).items[0].decisions
    assert [d.text for d in decisions] == [
        "The network agreed to extend the telehealth pilot to Sala."
    ]


def test_the_verb_that_states_a_meeting_is_no_note() -> None:
    planned = parse_schedule(
        ["Nästa sammanträde äger rum 2025-12-09 kl. 10.00."],
        reference=date(2025, 11, 4),
        heading="Nästa sammanträde",
    )
    assert [(m.start.date(), m.note) for m in planned] == [(date(2025, 12, 9), None)]
