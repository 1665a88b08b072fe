"""The meeting's chair and secretary when an agenda item elects them ("Val av
ordförande och sekreterare": "Till ordförande valdes Eva Strand och till
sekreterare Olle Vik"), and the chair who opened it ("Ordförande Eva Ås hälsade
välkommen"). The person's entry in the attendance list takes the role.

Example:
    >>> people = [Attendee("Eva Strand"), Attendee("Olle Vik")]
    >>> found = with_officers(people, ["Till ordförande valdes Eva Strand och till "
    ...     "sekreterare Olle Vik."])
    >>> [(a.name, a.role.value) for a in found]
    [('Eva Strand', 'ordförande'), ('Olle Vik', 'sekreterare')]
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import replace

from storage.identity import same_person
from storage.parsing.records import Attendee, Role

_CHOSEN = r"(?:utses|utsågs|utsedd|valdes|väljs|vald|was\s+(?:elected|appointed))"
_ROLE = r"(?P<role>(?:mötes)?ordförande|sekreterare|chair(?:person)?|secretary)"
_NAME = r"(?P<who>[A-ZÅÄÖÉ][\w'’-]+(?:\s+[A-ZÅÄÖÉ][\w'’-]+){1,2})"
# "Till ordförande valdes Eva Strand", "… och till sekreterare Olle Vik" (the verb shared)
_ROLE_FIRST = re.compile(rf"\b[Tt]ill\s+{_ROLE}\s+(?:för\s+mötet\s+)?(?:{_CHOSEN}\s+)?{_NAME}")
# "Eva Strand valdes till ordförande", "Linda Carter was elected chair"
_NAME_FIRST = re.compile(rf"{_NAME}\s+{_CHOSEN}\s+(?:till|as|to\s+be)?\s*(?:mötets\s+)?{_ROLE}")
_VERB = re.compile(rf"\b{_CHOSEN}\b")
# "Ordförande Eva Ås hälsade välkommen", "Mötesordförande Per Holm öppnade mötet": who
# opened the meeting as its chair
_OPENED = re.compile(
    rf"\b(?:[Mm]ötes)?[Oo]rdförande(?:n)?\s+{_NAME}\s+(?:hälsade|öppnade|förklarade\s+mötet)"
)
_ROLES = {"ordförande": Role.CHAIR, "chair": Role.CHAIR, "sekreterare": Role.SECRETARY}
_PLAIN_ROLES = (Role.MEMBER, Role.OFFICIAL, Role.GUEST)


def with_officers(attendees: Sequence[Attendee], texts: Sequence[str]) -> list[Attendee]:
    """`attendees`, the chair and secretary `texts` elect taking those roles.

    A role the attendance list already gives someone stays theirs; a name that
    is not in the list is not added, since the list is the record of who came.
    """
    result = list(attendees)
    for role, name in (found for text in texts for found in _elected(text)):
        if any(a.role is role for a in result):
            continue
        for i, attendee in enumerate(result):
            if (
                attendee.role in _PLAIN_ROLES
                and attendee.present
                and same_person(attendee.name, name)
            ):
                result[i] = replace(attendee, role=role)
                break
    return result


def _elected(text: str) -> Iterator[tuple[Role, str]]:
    for sentence in re.split(r"(?<=[.;])\s+", " ".join(text.split())):
        for match in _OPENED.finditer(sentence):
            yield Role.CHAIR, match["who"]
        if not _VERB.search(sentence):
            continue
        for pattern in (_ROLE_FIRST, _NAME_FIRST):
            for match in pattern.finditer(sentence):
                word = match["role"].removeprefix("mötes").removesuffix("person")
                yield _ROLES.get(word, Role.SECRETARY), match["who"]
