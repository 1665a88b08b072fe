"""Which group of a joint meeting an unlabelled block of an attendance list belongs to.

Minutes of a joint meeting print each group's lists one after the other, but a
list broken by a page or a column often goes on after a blank line with no
heading, and the two groups' continuations may come out interleaved
(002_fbd02d15cc9e81b2.txt, 2024-09-20):

    Ersättare:                   <- group 2's list, after group 1's
    Erik König, Askersund ... Berth Falk, Lekeberg
    <blank>
    Erik König, Askersund, Torbjörn Holm, Degerfors ...   <- the rest of group 1's
    <blank>
    Monika Klockars, Lindesberg ...                       <- group 2's, from Lindesberg on

A list names each seat (municipality or organisation) once per role, and a
group's substitutes stand for the seats its members hold. So a block that
repeats seats the current group's list has already filled, and fits another
group's list (seats it has not filled yet, among its members'), is that group's.

Example:
    >>> def sub(name, seat, group):
    ...     return Attendee(name, Role.SUBSTITUTE, municipality=seat, group=group)
    >>> read = [(0, True, sub("Anna Ek", "Kumla", "A")),
    ...         (1, True, sub("Bo Ek", "Askersund", "B")), (1, True, sub("Eva Holm", "Kumla", "B")),
    ...         (2, False, sub("Per Berg", "Askersund", "B")),
    ...         (3, False, sub("Ola Lund", "Nora", "B"))]
    >>> members = [Attendee(n, Role.MEMBER, municipality=m, group=g) for n, m, g in
    ...     [("X", "Kumla", "A"), ("Y", "Askersund", "A"), ("Z", "Kumla", "B"),
    ...      ("W", "Askersund", "B"), ("V", "Nora", "B")]]
    >>> [(a.name, a.group) for a in regroup([(9, True, m) for m in members] + read)][5:]
    [('Anna Ek', 'A'), ('Bo Ek', 'B'), ('Eva Holm', 'B'), ('Per Berg', 'A'), ('Ola Lund', 'B')]
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from storage.parsing.records import Attendee, Role

# (block index, whether a heading began the block, attendee)
Entry = tuple[int, bool, Attendee]


@dataclass
class _Block:
    """A run of list lines between blank lines or headings: the group it was
    read under, its role and the seats (municipality or organisation) it names."""

    group: str
    role: Role
    labelled: bool
    seats: set[str] = field(default_factory=set)


def regroup(entries: Sequence[Entry]) -> list[Attendee]:
    """The attendees, those of an unlabelled block given the group whose list it continues."""
    blocks: dict[int, _Block] = {}
    for index, labelled, attendee in entries:
        if attendee.group is None:
            continue
        block = blocks.setdefault(index, _Block(attendee.group, attendee.role, labelled))
        seat = attendee.municipality or attendee.organization
        if seat:
            block.seats.add(seat)
    members: dict[str, set[str]] = {}
    for block in blocks.values():
        if block.role is Role.MEMBER:
            members.setdefault(block.group, set()).update(block.seats)
    moved = _moved(blocks, members)
    return [replace(a, group=moved[i]) if i in moved and a.group else a for i, _, a in entries]


def _moved(blocks: Mapping[int, _Block], members: Mapping[str, set[str]]) -> dict[int, str]:
    """The blocks that belong to another group than the one read: index -> group.

    Blocks are taken in document order, so a block continues what the lists
    before it filled."""
    filled: dict[tuple[str, Role], set[str]] = {}
    moved: dict[int, str] = {}
    for index, block in blocks.items():
        group = block.group
        if not block.labelled and block.seats and not _fits(group, block, filled, members):
            others = [g for g in members if g != group and _fits(g, block, filled, members)]
            if len(others) == 1:
                group = moved[index] = others[0]
        filled.setdefault((group, block.role), set()).update(block.seats)
    return moved


def _fits(
    group: str,
    block: _Block,
    filled: Mapping[tuple[str, Role], set[str]],
    members: Mapping[str, set[str]],
) -> bool:
    """A block fits a group's list when it fills none of the seats the list has
    filled already, and holds only seats the group's members hold."""
    if filled.get((group, block.role), set()) & block.seats:
        return False
    held = members.get(group, set())
    return not held or block.seats <= held
