"""What a question asks, as plain data: the answering core runs a `Query`
against the store and words the answer.

Example:
    >>> Query(intent=Intent.NEXT_MEETING, language="sv", raw="När är nästa möte?").which
    >>> Period(date(2023, 1, 1), date(2023, 12, 31)).contains(date(2023, 9, 8))
    True
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta


class Intent(enum.StrEnum):
    """What the question wants. The values are the CLI contract's intent names."""

    NEXT_MEETING = "next_meeting"
    MEETINGS = "meetings"  # meetings in a period or with a status
    MEETING_INFO = "meeting_info"  # when/where one meeting was
    MEETING_ROLES = "meeting_roles"  # ordförande, sekreterare, justerare of a meeting
    ATTENDANCE = "attendance"  # who attended, or with `absent` who did not
    AGENDA = "agenda"
    DECISIONS = "decisions"
    REPRESENTATIVES = "representatives"  # who represents a municipality or organisation
    PERSON = "person"  # which organisation and groups a person belongs to
    SEARCH = "search"  # free text in the minutes
    HELP = "help"
    GROUPS = "groups"  # which groups the minutes are of
    BIND_GROUP = "bind_group"  # tie this conversation to a group
    UNBIND_GROUP = "unbind_group"
    SUBSCRIBE = "subscribe"  # meeting reminders
    UNSUBSCRIBE = "unsubscribe"
    LIST_SUBSCRIPTIONS = "list_subscriptions"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Period:
    """A span of whole days, both ends inclusive.

    >>> Period(date(2020, 8, 1), date(2020, 12, 31)).days
    153
    """

    start: date
    end: date

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end


# The ends of a span open on one side ("före 2023", "efter 8 september 2023").
EARLIEST = date(1900, 1, 1)
LATEST = date(2199, 12, 31)


@dataclass(frozen=True)
class LeadTime:
    """How long before a meeting a reminder goes out.

    With `at`, the reminder goes out `before.days` days before the meeting's day at
    that time of day ("dagen före kl 9"); without, exactly `before` ahead of the
    start ("en timme innan").

    >>> start = datetime(2026, 5, 29, 13, 0)
    >>> LeadTime(timedelta(days=1), time(9, 0)).remind_at(start)
    datetime.datetime(2026, 5, 28, 9, 0)
    >>> LeadTime(timedelta(hours=2)).remind_at(start)
    datetime.datetime(2026, 5, 29, 11, 0)
    """

    before: timedelta
    at: time | None = None

    def remind_at(self, meeting_start: datetime) -> datetime:
        if self.at is None:
            return meeting_start - self.before
        day = meeting_start.date() - timedelta(days=self.before.days)
        return datetime.combine(day, self.at, tzinfo=meeting_start.tzinfo)


@dataclass(frozen=True)
class Query:
    """A question read as a query. Fields the question does not touch stay None.

    `group` is a canonical group name; `municipality` one of the region's
    municipalities; `organization` another organisation ("Region Örebro län");
    `person` a known person's full name, else the name as asked. `date` is a single
    day, `period` a span; at most one of them is set. `which` is "next" or "last"
    for "nästa möte" / "förra mötet". `topic` is the subject words as the user wrote
    them ("suicidsamordningen"). `role` is a `storage.parsing.records.Role` value.
    `status` is "cancelled" or "moved" (meetings), "postponed" (decisions), "pending"
    (postponed decisions no later one settled: "vilka frågor väntar fortfarande?") or
    "outcome" (what came of a question: "vad hände med egenvården?", its decisions, else
    what the minutes say of it).
    `lead_times` only for subscribe. `part` narrows a period that holds today to
    what has been ("past": "vilka möten har hållits i år?") or what is left
    ("future": "vilka möten är kvar i år?"), or for the next meeting asks whether
    one is under way ("now": "pågår något möte?"), or of meeting roles asks the day
    the minutes were checked ("day": "när justerades protokollet?"); `mode` is "digital", "physical" or
    "hybrid" for meetings held so. `date_lean` is set when `date` was written
    without a year: where the answer may look for that day in other years
    ("past", "future" or "nearest"). `period_lean` is the same for a span written
    without a year ("vad beslutades i mars?", "möten i februari"): the answer moves it
    to the nearest year, that way, whose such span has meetings. `tally` (attendance)
    counts over meetings: "vem har varit frånvarande flest gånger?".
    """

    intent: Intent
    language: str
    raw: str
    group: str | None = None
    # the groups a question names together ("de specifika samverkansråden"), when
    # it names no single one: the answer is given for each
    groups: tuple[str, ...] = ()
    # the group is one of those the question names together (answered for each)
    one_of_several: bool = False
    municipality: str | None = None
    organization: str | None = None
    person: str | None = None
    role: str | None = None
    # every meeting role asked ("ordförande och sekreterare"); `role` is the first
    roles: tuple[str, ...] = ()
    date: date | None = None
    period: Period | None = None
    which: str | None = None
    topic: str | None = None
    status: str | None = None
    absent: bool = False
    lead_times: tuple[LeadTime, ...] = ()
    part: str | None = None
    mode: str | None = None
    date_lean: str | None = None
    period_lean: str | None = None
    # attendance counted over the meetings asked, not one meeting's list
    tally: bool = False
