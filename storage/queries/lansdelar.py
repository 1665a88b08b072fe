"""People whose title names a länsdel (a part of the county): "Peter Björklund,
folkhälsochef norra länsdelen" represents Norr though the list names no
organisation. The few such listings are known from the lookups (read once per
state of the store), so this is a look-up by primary key.

Example:
    >>> lansdel_in_title("folkhälsochef norra länsdelen"), lansdel_in_title("chef")
    ('Norr', None)
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from sqlalchemy.orm import Session

from storage.lookups import lookups
from storage.queries.people_rows import AttendanceView, _group_names, _meeting_groups, _views
from storage.queries.people_statements import LISTINGS_BY_IDS
from storage.registry import fold, lansdel_named

_NAMED = re.compile(r"\b(?:(\w+)\s+lansdel\w*|lansdel\w*\s+(\w+))")


def lansdel_in_title(title: str) -> str | None:
    """The länsdel a title names ("södra länsdelen", "länsdel Örebro")."""
    for found in _NAMED.finditer(fold(title)):
        word = found.group(1) or found.group(2)
        if (lansdel := lansdel_named(f"{word} lansdel")) is not None:
            return lansdel
    return None


def lansdel_titled(session: Session, lansdel: str, at: date) -> list[AttendanceView]:
    """Per group, the listings at its newest meeting (on or before `at`) of people
    whose title names `lansdel`; the group filled in from the meeting's groups."""
    ids = lookups(session).lansdel_titled
    if not ids:
        return []
    views = [
        v
        for v in _views(session, LISTINGS_BY_IDS, ids=list(ids))
        if v.meeting_date <= at and lansdel_in_title(v.title or "") == lansdel
    ]
    groups = _meeting_groups(session, {v.meeting_id for v in views if v.group is None})
    names = _group_names(session, {g for found in groups.values() for g in found})
    newest: dict[str, int] = {}
    found: list[AttendanceView] = []
    for view in views:  # newest first
        for group in [view.group] if view.group else [names[g] for g in groups[view.meeting_id]]:
            if newest.setdefault(group, view.meeting_id) == view.meeting_id:
                found.append(replace(view, group=group))
    return found
