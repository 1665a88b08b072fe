"""Read-only questions to the store, answered with plain views (no ORM objects
escape, so callers never depend on an open session)."""

from storage.queries.decisions import (
    DecisionView,
    ItemView,
    decisions,
    items_of,
    items_saying,
    later_decisions,
    read_followed,
    search_items_text,
)
from storage.queries.meeting_spans import spans_with_meetings
from storage.queries.meetings import (
    adjusted_of,
    meeting_by_id,
    meetings_between,
    meetings_moved_from,
    meetings_on,
    next_meetings,
    previous_meetings,
)
from storage.queries.merging import MeetingView
from storage.queries.people import (
    attendance_of,
    known_names,
    person_profile,
    representatives,
)
from storage.queries.people_rows import AttendanceView

__all__ = [
    "AttendanceView",
    "DecisionView",
    "ItemView",
    "MeetingView",
    "adjusted_of",
    "attendance_of",
    "decisions",
    "items_of",
    "items_saying",
    "known_names",
    "later_decisions",
    "meeting_by_id",
    "meetings_between",
    "meetings_moved_from",
    "meetings_on",
    "next_meetings",
    "person_profile",
    "previous_meetings",
    "read_followed",
    "representatives",
    "search_items_text",
    "spans_with_meetings",
]
