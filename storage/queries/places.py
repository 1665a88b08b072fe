"""Meetings named by where they were held: "mötet i Vingåker", "the meeting in
Båsenberga". A word of a question matches a word of a stored place
("Båsenberga hotell och konferens, Vingåker"); generic words (hotell, lokal)
name no place.

Example:
    >>> place_words(("Båsenberga hotell och konferens, Vingåker", "Teams"))["vingaker"]
    ('Båsenberga hotell och konferens, Vingåker',)
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import datetime
from difflib import SequenceMatcher
from functools import lru_cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.lookups import lookups
from storage.models import Meeting
from storage.queries.meetings import meeting_by_id
from storage.queries.merging import MeetingView
from storage.registry import fold
from storage.statements import param

# Words of a place that do not tell one place from another.
GENERIC = frozenset((
    "hotell", "hotel", "konferens", "conference", "lokal", "lokalen", "lokaler", "rum",
    "rummet", "sal", "salen", "motesrum", "digitalt", "digital", "fysiskt", "plats", "vagen",
    "gatan", "huset", "kommunhuset", "regionens", "region", "lan",
))  # fmt: skip
MIN_LETTERS = 4
# A typo in a word this long still names the place ("Basenbergga").
FUZZY_LETTERS, FUZZY_RATIO = 6, 0.85
# Meetings at the places, newest first, before a moment: a walk back on the start index.
HELD_AT = (
    select(Meeting.id)
    .where(Meeting.place.in_(param("places", expanding=True)), Meeting.start < param("until"))
    .order_by(Meeting.start.desc())
    .limit(10)
)


@lru_cache(maxsize=8)
def place_words(places: tuple[str, ...]) -> Mapping[str, tuple[str, ...]]:
    """Folded distinctive word -> the places it occurs in."""
    found: dict[str, list[str]] = defaultdict(list)
    for place in places:
        for word in re.findall(r"[^\W\d_]+", fold(place)):
            if len(word) >= MIN_LETTERS and word not in GENERIC:
                found[word].append(place)
    return {word: tuple(dict.fromkeys(where)) for word, where in found.items()}


def places_named(session: Session, words: Iterable[str]) -> tuple[str, ...]:
    """The stored places one of `words` names (folded, one typo forgiven)."""
    known = place_words(lookups(session).places)
    named: list[str] = []
    for word in (fold(w) for w in words):
        if len(word) < MIN_LETTERS:
            continue
        if word in known:
            named += known[word]
        elif len(word) >= FUZZY_LETTERS:
            named += (
                place
                for key, where in known.items()
                if SequenceMatcher(None, word, key).ratio() >= FUZZY_RATIO
                for place in where
            )
    return tuple(dict.fromkeys(named))


def latest_held_at(
    session: Session, places: tuple[str, ...], before: datetime, group: str | None = None
) -> MeetingView | None:
    """The newest meeting with minutes held at one of `places` before `before`."""
    if not places:
        return None
    ids = session.connection().scalars(HELD_AT, {"places": list(places), "until": before})
    for meeting_id in ids:
        view = meeting_by_id(session, meeting_id)
        if view is not None and view.has_minutes and (group is None or group in view.groups):
            return view
    return None
