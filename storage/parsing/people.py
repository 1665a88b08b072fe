"""Attendance lists: who was there, for which organisation, in what role.

A list is a run of headings ("Närvarande:", "Ledamöter:", "Ersättare:",
"Gäster:", "Frånvarande:" ...) each followed by one person a line. A heading
gives the role and whether the people under it were there; a ~~struck~~ name
was not. A line may carry its own role word ("– ordf.", ", justerare"), which
wins over the heading's.

Example:
    >>> [a.name for a in parse_attendance(["Närvarande:", "Eriksson Katrin, Kumla"])]
    ['Katrin Eriksson']
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from storage.identity import person_key
from storage.parsing.attendance_rows import Row, clean_line, read_row, seat_holder
from storage.parsing.attendance_tables import Column, read_table_row, table_columns
from storage.parsing.joint_lists import Entry, regroup
from storage.parsing.names import join_broken_lines, normalize_name
from storage.parsing.records import Attendee, Role
from storage.registry import find_group, fold

__all__ = [
    "attendance_heading",
    "normalize_name",
    "parse_attendance",
    "secretary_from_header",
    "share_details",
]

_PRESENT = (Role.MEMBER, True)
_HEADINGS: dict[str, tuple[Role, bool]] = {
    "narvarande": _PRESENT,
    "narvarolista": _PRESENT,
    "narvaro": _PRESENT,
    "deltagare": _PRESENT,
    "deltagande": _PRESENT,
    "ledamoter": _PRESENT,
    "ledamot": _PRESENT,
    "narvarande ledamoter": _PRESENT,
    "beslutande": _PRESENT,
    "beslutande ledamoter": _PRESENT,
    "ersattare": (Role.SUBSTITUTE, True),
    "narvarande ersattare": (Role.SUBSTITUTE, True),
    "ej tjanstgorande ersattare": (Role.SUBSTITUTE, True),
    "tjanstgorande ersattare": (Role.SERVING_SUBSTITUTE, True),
    "tjanstepersoner": (Role.OFFICIAL, True),
    "tjansteman": (Role.OFFICIAL, True),
    "narvarande tjanstepersoner": (Role.OFFICIAL, True),
    "ovriga narvarande": (Role.OFFICIAL, True),
    "ovriga deltagare": (Role.OFFICIAL, True),
    "ovriga deltagande": (Role.OFFICIAL, True),
    "gaster": (Role.GUEST, True),
    "gast": (Role.GUEST, True),
    "inbjudna": (Role.GUEST, True),
    "inbjudna gaster": (Role.GUEST, True),
    "adjungerade": (Role.GUEST, True),
    "adjungerad": (Role.GUEST, True),
    "franvarande": (Role.MEMBER, False),
    "franvarande ledamoter": (Role.MEMBER, False),
    "franvarande ersattare": (Role.SUBSTITUTE, False),
    "ej narvarande": (Role.MEMBER, False),
    "forhinder": (Role.MEMBER, False),
    "anmalt forhinder": (Role.MEMBER, False),
    "ordforande": (Role.CHAIR, True),
    "motesordforande": (Role.CHAIR, True),
    "vice ordforande": (Role.VICE_CHAIR, True),
    "sekreterare": (Role.SECRETARY, True),
    "motessekreterare": (Role.SECRETARY, True),
    "protokollforare": (Role.SECRETARY, True),
    "justerare": (Role.ADJUSTER, True),
    "justerande": (Role.ADJUSTER, True),
    "utses att justera": (Role.ADJUSTER, True),
    "att justera": (Role.ADJUSTER, True),
    # English minutes
    "present": _PRESENT,
    "attendees": _PRESENT,
    "attendance": _PRESENT,
    "participants": _PRESENT,
    "members": _PRESENT,
    "members present": _PRESENT,
    "substitutes": (Role.SUBSTITUTE, True),
    "deputies": (Role.SUBSTITUTE, True),
    "officials": (Role.OFFICIAL, True),
    "staff": (Role.OFFICIAL, True),
    "also present": (Role.OFFICIAL, True),
    "in attendance": (Role.OFFICIAL, True),
    "guests": (Role.GUEST, True),
    "absent": (Role.MEMBER, False),
    "apologies": (Role.MEMBER, False),
    "apologies for absence": (Role.MEMBER, False),
    "chair": (Role.CHAIR, True),
    "chairperson": (Role.CHAIR, True),
    "chairman": (Role.CHAIR, True),
    "vice chair": (Role.VICE_CHAIR, True),
    "secretary": (Role.SECRETARY, True),
    "minutes taken by": (Role.SECRETARY, True),
    "minute taker": (Role.SECRETARY, True),
    "adjuster": (Role.ADJUSTER, True),
    "adjusters": (Role.ADJUSTER, True),
    "minutes checked by": (Role.ADJUSTER, True),
}
# Lists that belong to one group of a joint meeting; chair, secretary,
# officials and guests serve the meeting as a whole.
_GROUP_ROLES = (Role.MEMBER, Role.SUBSTITUTE, Role.SERVING_SUBSTITUTE)
_MARKUP = re.compile(r"</?[a-zA-Z][^>]*>|[*#_]+")
# A signature line's dotted leader stands where a colon would: "Justerare ..... Sara Nyberg".
_LEADER = re.compile(r"\s*(?:\.{3,}|…+|_{3,})\s*")


def _split_heading(line: str) -> tuple[Role, bool, str] | None:
    """(role, present, text after the colon) for a heading line."""
    text = _LEADER.sub(": ", line, count=1)
    text = _MARKUP.sub(" ", text).strip()
    head, colon, rest = text.partition(":")
    found = _HEADINGS.get(fold(head))
    if found is None or (not colon and rest):
        return None
    return found[0], found[1], rest.strip()


def attendance_heading(line: str) -> tuple[Role, bool] | None:
    """(role, present) for an attendance list's heading, None for other lines.

    With or without colon, in any case; a heading may carry its list after the
    colon ("Justerare: Siw Lunander").

    >>> attendance_heading("Tjänstgörande ersättare:")
    (<Role.SERVING_SUBSTITUTE: 'tjänstgörande ersättare'>, True)
    >>> attendance_heading("FRÅNVARANDE")
    (<Role.MEMBER: 'ledamot'>, False)
    >>> attendance_heading("Ordförande Bechet hälsade välkommen") is None
    True
    """
    found = _split_heading(line)
    return (found[0], found[1]) if found else None


@dataclass
class _List:
    """Where the reader is: the current heading and, in a joint meeting, group."""

    role: Role = Role.MEMBER
    present: bool = True
    group: int = -1
    member_heading_seen: bool = False
    columns: tuple[Column, ...] | None = None
    # Blocks of list lines, for a joint meeting's lists: a heading or a blank
    # line after names starts one; `labelled` when a heading did.
    block: int = 0
    labelled: bool = True
    block_has_rows: bool = False


def parse_attendance(lines: Sequence[str], groups: Sequence[str] = ()) -> list[Attendee]:
    """Every attendee in an attendance block (headings included, ~~struck~~ kept
    as absent, vacant seats and non-name lines skipped).

    With several `groups` (a joint meeting), a repeated "Ledamöter:" heading,
    or a line naming one of the groups, starts that group's list; the member
    and substitute lists get the group, the rest of the block does not. A
    list's part after a blank line with no heading goes to the group whose list
    it continues (`joint_lists`).
    A "Sekreterare" heading followed by a bare name (page headers) works too.

    >>> rows = parse_attendance(["Ledamöter:", "~~Anna Ek, Kumla~~", "Gäster:", "Bo Ek"])
    >>> [(a.name, a.role.value, a.present, a.municipality) for a in rows]
    [('Anna Ek', 'ledamot', False, 'Kumla'), ('Bo Ek', 'gäst', True, None)]
    """
    lines = _join_wrapped(join_broken_lines(lines))
    grouped = len(groups) >= 2 and _has_several_lists(lines, groups)
    state = _List()
    read: list[Entry] = []
    for line in lines:
        rows = _read_line(line, state, groups if grouped else ())
        for row in rows:
            state.block_has_rows = True
            read.append(
                (state.block, state.labelled, _attendee(row, state, groups if grouped else ()))
            )
    found: dict[tuple[str, Role, str | None], Attendee] = {}
    for attendee in regroup(read) if grouped else [a for _, _, a in read]:
        key = (person_key(attendee.name), attendee.role, attendee.group)
        found[key] = _merge(found[key], attendee) if key in found else attendee
    return _with_vacated_seats(list(found.values()))


def _with_vacated_seats(attendees: list[Attendee]) -> list[Attendee]:
    """A substitute "tjänstgörande för Rune Falk (S)" says Rune Falk, a member, was
    not there: he is added as absent unless the lists name him already."""
    named = {person_key(a.name) for a in attendees}
    absent: list[Attendee] = []
    for attendee in attendees:
        if attendee.role is not Role.SERVING_SUBSTITUTE or not attendee.note:
            continue
        for note in attendee.note.split(", "):
            holder = seat_holder(note)
            if holder is None or person_key(holder.name) in named:
                continue
            named.add(person_key(holder.name))
            absent.append(
                Attendee(holder.name, Role.MEMBER, False, party=holder.party, group=attendee.group)
            )
    return attendees + absent


def _join_wrapped(lines: Sequence[str]) -> list[str]:
    """A line that ends in a comma and one that goes on in lower case are one
    line wrapped ("Kent Ahlbäck,", "nämndsekreterare"): an entry starts with a name."""
    joined: list[str] = []
    for line in lines:
        if joined and joined[-1].rstrip().endswith(",") and line[:1].islower():
            joined[-1] = f"{joined[-1].rstrip()} {line.strip()}"
        else:
            joined.append(line)
    return joined


def _read_line(line: str, state: _List, groups: Sequence[str]) -> list[Row]:
    if not line.strip():
        if state.block_has_rows:
            _start_block(state, labelled=False)
        return []
    heading = _split_heading(line)
    if heading:
        _start_list(state, heading[0], heading[1])
        return read_row(heading[2], inline=True) if heading[2] else []
    named = _group_named(line, groups)
    if named is not None:
        state.group, state.member_heading_seen = named, False
        _start_block(state, labelled=True)
        return []
    columns = table_columns(line)
    if columns:
        state.columns = columns
        return []
    if state.columns and "\t" in line:
        return read_table_row(line, state.columns)
    return read_row(line)


def _start_block(state: _List, *, labelled: bool) -> None:
    state.block, state.labelled, state.block_has_rows = state.block + 1, labelled, False


def _start_list(state: _List, role: Role, present: bool) -> None:
    state.role, state.present, state.columns = role, present, None
    _start_block(state, labelled=True)
    if role is Role.MEMBER and present:
        if state.member_heading_seen or state.group < 0:
            state.group += 1
        state.member_heading_seen = True


def _attendee(row: Row, state: _List, groups: Sequence[str]) -> Attendee:
    group = None
    if groups and state.group >= 0 and state.role in _GROUP_ROLES:
        group = groups[min(state.group, len(groups) - 1)]
    role = row.role or state.role
    note = row.note
    if state.role is Role.CHAIR and role is Role.VICE_CHAIR:
        # "Chair: Per Holm, vice ordförande": he chaired; his seat is only a note
        role, note = Role.CHAIR, ", ".join(filter(None, ("vice ordförande", note)))
    return Attendee(
        name=row.name,
        role=role,
        present=state.present if row.present is None else row.present and state.present,
        organization=row.organization,
        municipality=row.municipality,
        title=row.title,
        group=group,
        party=row.party,
        note=note,
    )


def _merge(first: Attendee, again: Attendee) -> Attendee:
    """One person listed twice in a list: keep what either line tells."""
    return replace(
        first,
        present=first.present or again.present,
        organization=first.organization or again.organization,
        municipality=first.municipality or again.municipality,
        title=first.title or again.title,
        party=first.party or again.party,
        note=first.note or again.note,
    )


def share_details(attendees: Sequence[Attendee]) -> list[Attendee]:
    """One person listed twice in different roles ("Chair: Per Holm", then "Per Holm,
    Köpings kommun, vice ordförande" in the list) is of the same organisation and party.

    >>> found = share_details([Attendee("Per Holm", Role.CHAIR),
    ...     Attendee("Per Holm", Role.VICE_CHAIR, organization="Köpings kommun")])
    >>> [a.organization for a in found]
    ['Köpings kommun', 'Köpings kommun']
    """
    known: dict[str, Attendee] = {}
    for attendee in attendees:
        key = person_key(attendee.name)
        known[key] = _merge_details(known[key], attendee) if key in known else attendee
    return [_merge_details(a, known[person_key(a.name)]) for a in attendees]


def _merge_details(first: Attendee, again: Attendee) -> Attendee:
    if first.organization is None and again.organization is not None:
        first = replace(first, organization=again.organization, municipality=again.municipality)
    return replace(first, party=first.party or again.party)


def _group_named(line: str, groups: Sequence[str]) -> int | None:
    """The index of the group a line names on its own ("SSR folkhälsa:")."""
    if not groups or "\t" in line:
        return None
    text = clean_line(line).strip(" :")
    known = find_group(text)
    name = known.name if known else text
    for index, group in enumerate(groups):
        if fold(group) == fold(name):
            return index
    return None


def _has_several_lists(lines: Sequence[str], groups: Sequence[str]) -> bool:
    member_headings = sum(1 for line in lines if attendance_heading(line) == _PRESENT)
    return member_headings >= 2 or any(_group_named(line, groups) is not None for line in lines)


def secretary_from_header(lines: Sequence[str]) -> list[Attendee]:
    """The secretaries a page header names: "Sekreterare" followed at once by
    one name a line ("Linnea Hed-", "kvist"), or "Sekreterare: Name".

    >>> [a.name for a in secretary_from_header(["Sekreterare", "Kristin Gus-", "tafsson", ""])]
    ['Kristin Gustafsson']
    """
    lines = join_broken_lines(lines)
    found: dict[str, Attendee] = {}
    for index, line in enumerate(lines):
        heading = _split_heading(line)
        if not heading or heading[0] is not Role.SECRETARY:
            continue
        following = [heading[2]] if heading[2] else _until_blank(lines[index + 1 :])
        for text in following:
            for row in read_row(text):
                found.setdefault(person_key(row.name), Attendee(row.name, Role.SECRETARY))
    return list(found.values())


def _until_blank(lines: Sequence[str]) -> list[str]:
    taken: list[str] = []
    for line in lines:
        if not line.strip() or _split_heading(line):
            break
        taken.append(line)
    return taken
