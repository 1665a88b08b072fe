"""Layouts beyond the real minutes: Markdown minutes (a title with a kind suffix,
bold English labels, a pipe-table närvarolista, a "Next meetings" list) and a
formal §-protocol (justerare chosen in words and signatures, struck dates)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from storage.parsing import parse_text
from storage.parsing.attendance_rows import read_row
from storage.parsing.decisions import find_decisions, self_names_for
from storage.parsing.header import read_preface
from storage.parsing.markup import pipe_tables_to_tabs
from storage.parsing.people import parse_attendance
from storage.parsing.records import (
    STOCKHOLM,
    Attendee,
    Decision,
    DecisionKind,
    MeetingMode,
    MeetingStatus,
    Role,
)
from storage.parsing.schedule import find_meeting_notes, parse_schedule

GROUP = "Gemensamma nämnden för hjälpmedel i Västmanland"

MARKDOWN = f"""# {GROUP} – Minutes

**Date:** 14 May 2025, 13:00–15:00
**Location:** Microsoft Teams
**Chair:** Per Holm (M), vice ordförande (in place of Anna Lindqvist)
**Minutes taken by:** Tobias Ring
**Justerare:** Johan Ek (KD)

## Närvarolista

| Namn | Organisation | Roll | Närvaro |
|---|---|---|---|
| Anna Lindqvist (S) | Västerås stad | Ordförande | Frånvarande |
| Per Holm (M) | Köpings kommun | Vice ordförande | Närvarande |
| Lars Strand (L) | Surahammars kommun | Ersättare | Tjänstgörande för Anna Lindqvist |
| Tobias Ring | Region Västmanland | Sekreterare | Närvarande |

## 1. Digital hjälpmedelsbeställning

**Decision:** The matter is postponed to the meeting on 10 September 2025.

## 2. Next meetings

- 10 September 2025, 09:00–12:00, Regionhuset Västerås
- 12 November 2025 – cancelled
- 3 December 2025, 13:00–16:00, Teams
"""

PROTOCOL = f"""PROTOKOLL

{GROUP}

Sammanträdesdatum: 2025-03-12

Beslutande:
Anna Lindqvist (S), ordförande, Västerås stad
Johan Ek (KD), Fagersta kommun

Utses att justera: Sara Nyberg (C)

Underskrifter

Sekreterare ..................... Tobias Ring

Justerare ..................... Sara Nyberg

§ 12 Val av justerare

Sara Nyberg (C) utses att jämte ordföranden justera dagens protokoll.

§ 13 Sammanträdesplan 2025

Beslut
Nämnden sammanträder 2025 enligt följande:
~~3 september~~ 10 september kl. 09.00–12.00
"""


def at(year: int, month: int, day: int, hour: int = 0) -> datetime:
    return datetime(year, month, day, hour, tzinfo=STOCKHOLM)


def roles(attendees: list[Attendee]) -> set[tuple[str, Role, bool]]:
    return {(a.name, a.role, a.present) for a in attendees}


# --- 1. a title's kind suffix is not part of the group's name ------------------------


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        (f"{GROUP} – Minutes", "minnesanteckningar"),
        (f"{GROUP} – protokoll", "protokoll"),
        (f"{GROUP}, protokoll 2025-03-12", "protokoll"),
        (f"{GROUP} Minnesanteckningar från den 14 maj 2025", "minnesanteckningar"),
    ],
)
def test_a_kind_after_the_group_name_is_stripped(title: str, kind: str) -> None:
    preface = read_preface([title])
    assert (preface.groups, preface.kind, preface.title) == ([GROUP], kind, title)


def test_a_trailing_date_is_not_part_of_an_unknown_group() -> None:
    assert read_preface([f"{GROUP} 2025-05-14"]).groups == [GROUP]


def test_a_sentence_ending_in_protokoll_names_no_group() -> None:
    assert read_preface(["Se bifogat protokoll"]).groups == []


def test_markdown_and_protocol_name_the_same_group() -> None:
    assert parse_text(MARKDOWN).meeting.groups == parse_text(PROTOCOL).meeting.groups == (GROUP,)


# --- 2. pipe tables read by their header names ---------------------------------------


def test_pipe_tables_become_tab_rows() -> None:
    assert pipe_tables_to_tabs("| Name | Present |\n|:---|---:|\n| Bo Ek | Yes |\nText | x") == (
        "Name\tPresent\nBo Ek\tYes\nText | x"
    )


def test_a_markdown_attendance_table() -> None:
    attendees = parse_text(MARKDOWN).attendees
    anna = next(a for a in attendees if a.name == "Anna Lindqvist")
    assert (anna.role, anna.present, anna.organization, anna.party) == (
        Role.CHAIR,
        False,
        "Västerås stad",
        "(S)",
    )
    lars = next(a for a in attendees if a.name == "Lars Strand")
    assert (lars.role, lars.present, lars.note) == (
        Role.SERVING_SUBSTITUTE,
        True,
        "Tjänstgörande för Anna Lindqvist",
    )


@pytest.mark.parametrize(
    ("present", "expected"),
    [("Present", True), ("Absent", False), ("x", True), ("Ja", True), ("Nej", False)],
)
def test_english_table_headers_and_presence_words(present: str, expected: bool) -> None:
    lines = [
        "Name\tOrganisation\tRole\tPresent",
        f"Eva Kron\tNorbergs kommun\tSubstitute\t{present}",
    ]
    [eva] = parse_attendance(lines)
    assert (eva.organization, eva.present) == ("Norbergs kommun", expected)


# --- 3. bold English labels ------------------------------------------------------------


def test_bold_english_labels_name_chair_secretary_and_justerare() -> None:
    found = roles(parse_text(MARKDOWN).attendees)
    assert {
        ("Per Holm", Role.CHAIR, True),
        ("Tobias Ring", Role.SECRETARY, True),
        ("Johan Ek", Role.ADJUSTER, True),
    } <= found


def test_a_vice_chair_in_the_chair_is_the_meetings_chair() -> None:
    [per] = parse_attendance(["Chair: Per Holm (M), vice ordförande (in place of Anna Lindqvist)"])
    assert (per.role, per.party, per.note) == (
        Role.CHAIR,
        "(M)",
        "vice ordförande, in place of Anna Lindqvist",
    )


def test_one_person_in_two_roles_keeps_the_organisation() -> None:
    per = [a for a in parse_text(MARKDOWN).attendees if a.name == "Per Holm"]
    assert {(a.role, a.organization) for a in per} == {
        (Role.CHAIR, "Köpings kommun"),
        (Role.VICE_CHAIR, "Köpings kommun"),
    }


@pytest.mark.parametrize(
    ("line", "role", "present"),
    [
        ("Apologies: Eva Kron", Role.MEMBER, False),
        ("Absent: Eva Kron", Role.MEMBER, False),
        ("Present: Eva Kron", Role.MEMBER, True),
        ("Adjuster: Eva Kron", Role.ADJUSTER, True),
        ("Secretary: Eva Kron", Role.SECRETARY, True),
    ],
)
def test_english_attendance_labels(line: str, role: Role, present: bool) -> None:
    assert roles(parse_attendance([line])) == {("Eva Kron", role, present)}


# --- 4. an English "Next meetings" list --------------------------------------------------


def test_a_next_meetings_list_in_english() -> None:
    found = parse_text(MARKDOWN).schedule
    assert [(m.start, m.end, m.status, m.place, m.mode) for m in found] == [
        (at(2025, 9, 10, 9), at(2025, 9, 10, 12), MeetingStatus.PLANNED,
         "Regionhuset Västerås", MeetingMode.PHYSICAL),
        (at(2025, 11, 12), None, MeetingStatus.CANCELLED, None, None),
        (at(2025, 12, 3, 13), at(2025, 12, 3, 16), MeetingStatus.PLANNED, None,
         MeetingMode.DIGITAL),
    ]  # fmt: skip


def test_a_note_after_a_comma_stays_a_note_without_a_capital() -> None:
    [meeting] = parse_schedule(
        ["10 September 2025, lunch-lunch"], reference=date(2025, 5, 14), heading="Next meetings"
    )
    assert (meeting.place, meeting.note) == (None, "lunch-lunch")


def test_a_matter_postponed_to_a_meeting_does_not_move_the_meeting() -> None:
    [meeting] = find_meeting_notes(
        "The matter is postponed to the meeting on 10 September 2025.",
        reference=date(2025, 5, 14),
    )
    assert meeting.status is MeetingStatus.PLANNED


# --- 5. justerare of a §-protocol ------------------------------------------------------


def test_justerare_chosen_in_the_preface_signatures_and_text() -> None:
    found = roles(parse_text(PROTOCOL).attendees)
    assert ("Sara Nyberg", Role.ADJUSTER, True) in found
    assert ("Tobias Ring", Role.SECRETARY, True) in found


@pytest.mark.parametrize(
    "text",
    [
        "Sara Nyberg (C) utses att jämte ordföranden justera dagens protokoll.",
        "Till justerare valdes Sara Nyberg.",
        "Att justera protokollet utses Sara Nyberg (C).",
    ],
)
def test_justerare_named_only_in_an_item(text: str) -> None:
    doc = parse_text(f"Protokoll {GROUP}\n\nTid: 2025-03-12\n\n§ 1 Val av justerare\n\n{text}")
    assert ("Sara Nyberg", Role.ADJUSTER, True) in roles(doc.attendees)
    assert [d.kind for d in doc.items[0].decisions] == [DecisionKind.PROCEDURAL]


# --- 6. a role between name and organisation ------------------------------------------


@pytest.mark.parametrize("organisation", ["Västerås stad", "Göteborgs Stad", "Köpings kommun"])
def test_organisation_after_a_role(organisation: str) -> None:
    [row] = read_row(f"Anna Lindqvist (S), ordförande, {organisation}")
    assert (row.party, row.role, row.organization) == ("(S)", Role.CHAIR, organisation)


# --- 7. struck words are not quoted -----------------------------------------------------


def test_struck_text_is_dropped_from_a_decision() -> None:
    [decision] = parse_text(PROTOCOL).items[-1].decisions
    assert "~~" not in decision.text and "3 september" not in decision.text
    assert decision.text.endswith("enligt följande: 10 september kl. 09.00–12.00")


# --- 8. and 9. the real minutes' wording -------------------------------------------------

SVO = self_names_for(["Chefsgrupp för samverkan social välfärd samt vård och omsorg"])


def test_a_new_discussion_and_decision_at_a_later_meeting_is_a_postponement() -> None:
    text = (
        "Utvecklingsidéer har efterfrågats. Ny diskussion och beslutsförslag i augusti månads möte."
    )
    assert find_decisions(text, self_names=SVO) == [
        Decision(
            "Ny diskussion och beslutsförslag i augusti månads möte.",
            DecisionKind.POSTPONED,
            "augusti månads möte",
        )
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Beslut: Att genomföra förstudien.\n\nRegionen utser representanter till styrgrupp",
            "Att genomföra förstudien. Regionen utser representanter till styrgrupp",
        ),
        # a sentence of its own, or a name, is no further line of the decision
        ("Beslut: Att genomföra förstudien.\n\nRegionen utser representanter.", None),
        ("Beslut: Att genomföra förstudien.\n\nAnna Ek Kumla", None),
        ("Beslut: Att genomföra förstudien.\n\nRegionen utser\n\nnågon senare", None),
    ],
)
def test_a_decisions_further_line_without_a_full_stop(text: str, expected: str | None) -> None:
    found = find_decisions(text, self_names=SVO)
    assert found[0].text == (expected or "Att genomföra förstudien.")


def test_a_protocols_meeting_plan_keeps_a_cancelled_and_a_moved_date() -> None:
    plan = PROTOCOL.replace("~~3 september~~", "14 maj kl. 13.00–15.00\n~~3 september~~")
    text = (
        plan
        + "8 oktober – inställt\n12 november kl. 13.00–16.00\n\nVid protokollet\n\nTobias Ring\n"
    )
    found = [(m.start.date(), m.status) for m in parse_text(text).schedule]
    assert sorted(found) == [
        (date(2025, 5, 14), MeetingStatus.PLANNED),
        (date(2025, 9, 10), MeetingStatus.MOVED),
        (date(2025, 10, 8), MeetingStatus.CANCELLED),
        (date(2025, 11, 12), MeetingStatus.PLANNED),
    ]
