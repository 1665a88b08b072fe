"""The agenda items a person presented (föredrog), across meetings.

A presenter is not always in the meeting's attendance list, but presents in the
groups they take part in: the items are looked for among the meetings the person
is listed at and the newest meetings of those meetings' groups, each an index
range scan ((person, start), (group, start)), then the items of those meetings;
never a scan of every item's presenters.

Example:
    >>> presenter_key("Sundelius Jan") == presenter_key("Jan Sundelius")
    True
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.identity import person_key
from storage.models import AgendaItem, Attendance, MeetingGroup, PersonName
from storage.queries.decisions import _ITEM_ROWS, ItemView, _items
from storage.queries.people_rows import _person_ids
from storage.statements import in_list, param

MAX_MEETINGS = 200  # the person's newest meetings looked at
MAX_GROUPS = 8  # the groups of those meetings whose other meetings are looked at
GROUP_MEETINGS = 100  # the newest meetings of each such group

_MEETINGS_OF_PEOPLE = (
    select(Attendance.meeting_id, Attendance.meeting_start)
    .where(in_list(Attendance.person_id, "people"))
    .order_by(Attendance.meeting_start.desc())
    .limit(MAX_MEETINGS * 4)  # a person has a few listings at a joint meeting
)
_GROUPS_OF_MEETINGS = select(MeetingGroup.group_id).where(
    in_list(MeetingGroup.meeting_id, "meetings")
)
_MEETINGS_OF_GROUP = (
    select(MeetingGroup.meeting_id)
    .where(MeetingGroup.group_id == param("group"))
    .order_by(MeetingGroup.start.desc())
    .limit(GROUP_MEETINGS)
)
_SPELLINGS = select(PersonName.name).where(in_list(PersonName.person_id, "people"))
_ITEMS_OF_MEETINGS = _ITEM_ROWS.where(in_list(AgendaItem.meeting_id, "meetings"))


def presenter_key(name: str) -> frozenset[str]:
    """A name's words, folded, in any order: the minutes write "Sundelius Jan" too."""
    return frozenset(person_key(name).split())


def items_presented_by(
    session: Session, name: str, *, first: date | None = None, last: date | None = None
) -> list[ItemView]:
    """The agenda items whose presenters include the person `name` stands for,
    newest meeting first (in agenda order within a meeting); within [first, last]
    when given."""
    people = _person_ids(session, name)
    if not people:
        return []
    connection = session.connection()
    keys = {presenter_key(n) for n in connection.scalars(_SPELLINGS, {"people": people})}
    keys.add(presenter_key(name))
    rows = connection.execute(_MEETINGS_OF_PEOPLE, {"people": people}).all()
    listed = list(dict.fromkeys(meeting_id for meeting_id, _ in rows))[:MAX_MEETINGS]
    if not listed:
        return []
    groups = list(dict.fromkeys(connection.scalars(_GROUPS_OF_MEETINGS, {"meetings": listed})))
    meetings = set(listed)
    for group in groups[:MAX_GROUPS]:
        meetings.update(connection.scalars(_MEETINGS_OF_GROUP, {"group": group}))
    items = _items(session, _ITEMS_OF_MEETINGS, meetings=sorted(meetings))
    return [
        item
        for item in items
        if any(presenter_key(p) in keys for p in item.presenters)
        and (first is None or item.meeting_date >= first)
        and (last is None or item.meeting_date <= last)
    ]
