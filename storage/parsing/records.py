"""Plain data the parser produces from one minutes document.

Nothing here touches a database: `storage.loading` turns these records into rows.
All datetimes are timezone-aware in Europe/Stockholm.

Example:
    >>> ScheduledMeeting(start=datetime(2026, 8, 28, 9, tzinfo=STOCKHOLM)).status
    <MeetingStatus.PLANNED: 'planned'>
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date, datetime
from zoneinfo import ZoneInfo

STOCKHOLM = ZoneInfo("Europe/Stockholm")


class MeetingStatus(enum.StrEnum):
    HELD = "held"
    PLANNED = "planned"
    CANCELLED = "cancelled"  # inställt
    MOVED = "moved"  # flyttat: this is the new time, `moved_from` the old one


class MeetingMode(enum.StrEnum):
    DIGITAL = "digital"
    PHYSICAL = "physical"
    HYBRID = "hybrid"


class Role(enum.StrEnum):
    """A person's part in a meeting. Swedish terms are the ones minutes use."""

    CHAIR = "ordförande"
    VICE_CHAIR = "vice ordförande"
    SECRETARY = "sekreterare"
    ADJUSTER = "justerare"  # checks and signs the minutes
    MEMBER = "ledamot"
    SUBSTITUTE = "ersättare"
    SERVING_SUBSTITUTE = "tjänstgörande ersättare"  # substitute with a vote today
    OFFICIAL = "tjänsteperson"  # civil servant attending without a seat
    GUEST = "gäst"


class DecisionKind(enum.StrEnum):
    DECIDED = "decided"  # beslutade att ...
    ENDORSED = "endorsed"  # ställde sig bakom ...
    ADOPTED = "adopted"  # ... antas
    POSTPONED = "postponed"  # hänskjuts, bordläggs, beslut tas senare
    NOTED = "noted"  # lades till handlingarna
    PROCEDURAL = "procedural"  # agenda approved, justerare chosen


@dataclass(frozen=True)
class Attendee:
    """One line of an attendance list, read as a person would read it.

    `name` is always in "Firstname Surname" order, hyphenation joined.
    `organization` is as written but normalised ("Karlskoga kommun",
    "Region Örebro län", "RF-SISU"); `municipality` is set when the organisation
    is one of the region's municipalities. `group` is set only when a document
    holds several groups' lists (joint meetings) and names the list's group.
    """

    name: str
    role: Role = Role.MEMBER
    present: bool = True
    organization: str | None = None
    municipality: str | None = None
    title: str | None = None  # job title: "områdeschef Psykiatri"
    group: str | None = None
    party: str | None = None  # "(S)", "(M)"
    note: str | None = None  # "dag 2", "via Skype"


@dataclass(frozen=True)
class Decision:
    text: str
    kind: DecisionKind = DecisionKind.DECIDED
    referred_to: str | None = None  # where a postponed question went: "AU i juni"


@dataclass(frozen=True)
class AgendaItem:
    number: str  # "7", "§ 12", "7.2"; "" for an unnumbered sub-heading
    title: str
    text: str = ""
    presenters: tuple[str, ...] = ()
    decisions: tuple[Decision, ...] = ()
    parent: str | None = None  # number of the item a sub-heading belongs to


@dataclass(frozen=True)
class ScheduledMeeting:
    """A meeting named in a document other than the one it records.

    `groups` empty means the document's own group(s). `time_known` is False
    when only the day is known (start is then 00:00 that day).
    """

    start: datetime
    end: datetime | None = None
    time_known: bool = True
    status: MeetingStatus = MeetingStatus.PLANNED
    moved_from: datetime | None = None
    mode: MeetingMode | None = None
    place: str | None = None
    groups: tuple[str, ...] = ()
    joint_with: tuple[str, ...] = ()  # other groups taking part
    note: str | None = None  # "internat", "lunch-lunch", "eftermiddag"


@dataclass(frozen=True)
class MeetingRecord:
    """The meeting a document records."""

    groups: tuple[str, ...]
    start: datetime | None
    end: datetime | None = None
    time_known: bool = False
    place: str | None = None
    mode: MeetingMode | None = None
    status: MeetingStatus = MeetingStatus.HELD


@dataclass
class ParsedDocument:
    title: str
    kind: str  # "protokoll", "minnesanteckningar", "mötesanteckningar"
    meeting: MeetingRecord
    document_date: date | None = None  # the date the document itself carries
    adjusted_on: date | None = None  # "Justerat den"
    attendees: list[Attendee] = field(default_factory=list)
    items: list[AgendaItem] = field(default_factory=list)
    schedule: list[ScheduledMeeting] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    text: str = ""  # the cleaned text the parser read
