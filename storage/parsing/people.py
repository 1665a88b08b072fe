"""Attendance lists: who was there, for which organisation, in what role
(owner: people helper; stub)."""

from __future__ import annotations

from collections.abc import Sequence

from storage.parsing.records import Attendee, Role


def attendance_heading(line: str) -> tuple[Role, bool] | None:
    """(role, present) for a list heading such as "Närvarande:", "Ledamöter:",
    "Ersättare:", "Tjänstgörande ersättare", "Tjänstepersoner:", "Gäster:",
    "Frånvarande:", "Ordförande:", "Justerare:"; None for any other line."""
    raise NotImplementedError


def parse_attendance(lines: Sequence[str], *, groups: Sequence[str] = ()) -> list[Attendee]:
    """Every attendee in an attendance block (headings included, ~~struck~~ kept).

    With several `groups` (a joint meeting), a repeated "Ledamöter:" heading
    starts the next group's list.
    """
    raise NotImplementedError


def normalize_name(raw: str) -> str:
    """ "Firstname Surname" from "Ångman Ingmar", "Linnea Hed-kvist",
    "Daniel Ahnberg (daniel.ahnberg@x.se)"."""
    raise NotImplementedError
