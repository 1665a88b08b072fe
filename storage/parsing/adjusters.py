"""Justerare (who check and sign the minutes) named in an agenda item's text.

A §-protocol often names them only in its first §: "Sara Nyberg (C) utses att
jämte ordföranden justera dagens protokoll", "Till justerare valdes Anna Ek".
The attendance list's "Justerare:" heading is read by `people`; this adds those
the items name and the list does not.

Example:
    >>> found = with_adjusters([], ["Sara Nyberg (C) utses att jämte ordföranden justera "
    ...     "dagens protokoll."])
    >>> [(a.name, a.role.value, a.party) for a in found]
    [('Sara Nyberg', 'justerare', '(C)')]
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from storage.identity import same_person
from storage.parsing.attendance_rows import read_row
from storage.parsing.records import Attendee, Role

_CHOSEN = r"(?:utses|utsågs|utsedd|valdes|väljs|vald)"
# "<names> utses (till) att (jämte ordföranden) justera", "<names> utses till justerare"
_NAMES_FIRST = re.compile(
    rf"(?:^|(?<=[.:;]\s))(?P<who>[A-ZÅÄÖ][^.:;]{{2,120}}?)\s+{_CHOSEN}\s+(?:till\s+)?"
    r"(?:att\s+)?(?:jämte\s+\w+\s+)?(?:att\s+)?justera(?:re|nde)?\b"
)
# "Till justerare valdes <names>", "Att justera protokollet utses <names>"
_NAMES_AFTER = re.compile(
    rf"\b(?:till\s+justerare|att\s+(?:jämte\s+\w+\s+)?justera(?:\s+\w+){{0,3}}?)\s+{_CHOSEN}"
    r"\s*:?\s+(?P<who>[A-ZÅÄÖ][^.:;]{2,120})",
    re.IGNORECASE,
)


def with_adjusters(attendees: Sequence[Attendee], texts: Sequence[str]) -> list[Attendee]:
    """`attendees` and, in the justerare role, each person `texts` choose to adjust."""
    result = list(attendees)
    for text in texts:
        for name, party in _chosen(text):
            if not any(a.role is Role.ADJUSTER and same_person(a.name, name) for a in result):
                result.append(Attendee(name, Role.ADJUSTER, party=party))
    return result


def _chosen(text: str) -> list[tuple[str, str | None]]:
    found: list[tuple[str, str | None]] = []
    for pattern in (_NAMES_FIRST, _NAMES_AFTER):
        for match in pattern.finditer(" ".join(text.split())):
            rows = read_row(match["who"], inline=True)
            # every part must be a person: "Mötet utses …" names nobody
            if rows and all(not row.titles and not row.organization for row in rows):
                found += [(row.name, row.party) for row in rows]
    return found
