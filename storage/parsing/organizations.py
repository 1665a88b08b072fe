"""Organisations named in attendance lists, written one way each.

"Hallsberg", "Hallsberg kommun" and "Hallsbergs kommun" are all
"Hallsbergs kommun"; "RF SISU Örebro län" is "RF-SISU".

Example:
    >>> read_organization("Lindesberg kommun")
    ('Lindesbergs kommun', 'Lindesberg')
    >>> split_organization("folkhälsochef RF SISU Örebro län")
    ('folkhälsochef', 'RF-SISU', None)
"""

from __future__ import annotations

import re
from functools import lru_cache

from storage.registry import MUNICIPALITIES, REGION, fold, kommun_name, municipality_of

# folded pattern -> the organisation's one written form
_KNOWN: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^region(en)?( orebro( lans?)?)?$"), REGION),
    (re.compile(r"^orebro lans landsting$"), REGION),
    (re.compile(r"^rf[- ]?sisu( orebro( lans?)?)?$"), "RF-SISU"),
    (re.compile(r"^(olbf|orebro lans bildningsforbund)$"), "ÖLBF"),
    (re.compile(r"^lansstyrelsen( i)?( orebro( lans?)?)?$"), "Länsstyrelsen Örebro län"),
    (re.compile(r"^orebro universitet$"), "Örebro universitet"),
    (re.compile(r"^(forsakringskassan|arbetsformedlingen|polisen|skr)$"), ""),
)
# One word before "kommun" or "stad" ("Vingåkers kommun", "Västerås stad"); longer
# runs are more likely a name followed by a municipality ("Mathias Eriksson Ljusnarsberg kommun").
_OTHER_MUNICIPALITY = re.compile(r"^[A-ZÅÄÖ][\wåäö]+ (?:kommun|[Ss]tad)$")
_OTHER_REGION = re.compile(r"^Region [A-ZÅÄÖ][\wåäö]+( län)?$")
# A health centre named by its place ("Olaus Petri VC", "Lindesbergs vårdcentral",
# "Hälsocentralen Fjällnäs"); one or two capitalised words, since a longer run is
# more likely a name before it ("Maria Nyström Olaus Petri VC").
_PLACE = r"[A-ZÅÄÖ][\wåäö-]+(?: [A-ZÅÄÖ][\wåäö-]+)?"
_HEALTH_CENTRE = re.compile(
    rf"^{_PLACE} (?:VC|HC|[Vv]årdcentral(?:en)?|[Hh]älsocentral(?:en)?)$"
    rf"|^(?:Vårdcentralen|Hälsocentralen) {_PLACE}$"
)

# Units of Region Örebro län as attendance lists write them: a person with such
# a title and no organisation works for the region.
_REGION_UNIT = re.compile(
    r"\b(omradeschef|nara vard|psykiatri|specialiserad vard|hs-direktor|hs|reg utv"
    r"|regional utveckling|regionkansliet|regionhalsan|halsoval|folktandvard"
    r"|valfard och folkhalsa)\b|sjukvard"
)


def read_organization(text: str) -> tuple[str, str | None] | None:
    """(organisation, municipality) when the whole text names an organisation.

    >>> read_organization("Hällefors")
    ('Hällefors kommun', 'Hällefors')
    >>> read_organization("Olaus Petri VC")
    ('Olaus Petri VC', None)
    >>> read_organization("områdeschef Psykiatri") is None
    True
    """
    text = " ".join(text.strip(" .,;").split())
    if not text:
        return None
    municipality = municipality_of(text) or _region_municipality(text)
    if municipality is not None:
        return kommun_name(municipality), municipality
    key = fold(text)
    for pattern, written in _KNOWN:
        if pattern.match(key):
            return written or text, None
    if any(p.match(text) for p in (_OTHER_MUNICIPALITY, _OTHER_REGION, _HEALTH_CENTRE)):
        return text, None
    return None


def _region_municipality(text: str) -> str | None:
    """ "Degerfors kommun", "Hällefors kommun": names that end in s themselves."""
    words = fold(text).split()
    if len(words) != 2 or words[1] != "kommun":
        return None
    for municipality in MUNICIPALITIES:
        if words[0] in (fold(municipality), fold(municipality) + "s"):
            return municipality
    return None


@lru_cache(maxsize=65_536)
def split_organization(text: str) -> tuple[str, str, str | None] | None:
    """(what comes before, organisation, municipality) when text ends with an
    organisation: "hållbarhetschef Örebro kommun", "Staben hållbar utveckling
    Region Örebro län". A bare municipality name counts only on its own or
    after a name ("Mathias Eriksson Ljusnarsberg").

    >>> split_organization("Mathias Eriksson Ljusnarsberg kommun")
    ('Mathias Eriksson', 'Ljusnarsbergs kommun', 'Ljusnarsberg')
    """
    words = text.split()
    for start in range(len(words)):
        tail = " ".join(words[start:])
        found = read_organization(tail)
        if found is None:
            continue
        head = " ".join(words[:start])
        bare = fold(tail) in {fold(m) for m in MUNICIPALITIES}
        if bare and head and not _ends_with_name(head):
            continue
        return head, found[0], found[1]
    return None


def _ends_with_name(text: str) -> bool:
    words = text.split()
    return len(words) >= 2 and all(word[:1].isupper() for word in words[-2:])


def region_unit(title: str) -> bool:
    """True when a title names a unit of Region Örebro län.

    >>> region_unit("biträdande områdeschef Nära vård"), region_unit("socialchef")
    (True, False)
    """
    return bool(_REGION_UNIT.search(fold(title)))
