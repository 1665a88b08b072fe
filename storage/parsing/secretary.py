"""Who kept the minutes: the secretary named in the page header, the
handläggare (case officer) of a letterhead, or the writer who signs at the end.

A page header's "Sekreterare / Linnea Hed-/kvist" and a closing signature
("Linnea Hedkvist" / "Utvecklingsledare folkhälsa") both name the person who
wrote the minutes. When that person is already in the attendance list, the
list entry takes the secretary role; otherwise the secretary is added.

Example:
    >>> people = [Attendee("Linnea Hedkvist", organization="Region Örebro län")]
    >>> [(a.name, a.role.value) for a in with_secretaries(people, ["Linnea Hedkvist"])]
    [('Linnea Hedkvist', 'sekreterare')]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from storage.identity import same_person
from storage.parsing.presenters import KnownPeople, parse_names
from storage.parsing.records import Attendee, Role

# A role the secretary's own entry may give up for the secretary role.
_PLAIN_ROLES = (Role.MEMBER, Role.OFFICIAL, Role.GUEST)
_JOB_TITLE = re.compile(r"^[A-ZÅÄÖ][\wåäö-]*(?:\s+[\wåäö-]+){0,5}$")


def with_secretaries(attendees: Sequence[Attendee], names: Sequence[str]) -> list[Attendee]:
    """`attendees` with each of `names` in the secretary role."""
    result = list(attendees)
    for name in names:
        if any(a.role is Role.SECRETARY and same_person(a.name, name) for a in result):
            continue
        index = next(
            (
                i
                for i, a in enumerate(result)
                if a.role in _PLAIN_ROLES and a.present and same_person(a.name, name)
            ),
            None,
        )
        if index is None:
            result.append(Attendee(name, Role.SECRETARY))
        else:
            result[index] = replace(result[index], role=Role.SECRETARY)
    return result


def take_signature(lines: list[str], people: KnownPeople) -> str | None:
    """The name a document is signed with at its very end, removed from `lines`.

    The signature is a line holding one known person's name, at most followed
    by a short job title line ("Utvecklingsledare folkhälsa").

    >>> lines = ["Tekniken", "", "Linnea Hedkvist", "", "Utvecklingsledare folkhälsa"]
    >>> take_signature(lines, KnownPeople.from_names(["Linnea Hedkvist"])), lines
    ('Linnea Hedkvist', ['Tekniken', ''])
    """
    filled = [i for i, line in enumerate(lines) if line.strip()]
    for back in (1, 2):
        if len(filled) < back + 1:
            return None
        index = filled[-back]
        if back == 2 and not _JOB_TITLE.match(lines[filled[-1]].strip()):
            return None
        names = parse_names(lines[index].strip(), people)
        if names and len(names) == 1 and people.knows(names[0]):
            del lines[index:]
            return names[0]
    return None
