"""An iCalendar file (.ics) for one meeting, and signed links to it.

Chat cards offer a meeting as a file people add to Outlook or any other
calendar. Times are written in UTC, which every calendar program reads and
shows in the reader's own time zone. The UID is stable per meeting, so adding
the same meeting again (or after it moved) updates the entry instead of
doubling it.

    >>> fact = MeetingFact(group="Chefsgrupp folkhälsa", start="2026-08-28T09:00:00+02:00",
    ...                    end="2026-08-28T12:00:00+02:00", place="Digitalt",
    ...                    status="planned", meeting_id=7)
    >>> b"DTSTART:20260828T070000Z" in meeting_ics(fact)
    True
"""

from __future__ import annotations

import hashlib
import hmac
from datetime import UTC, date, datetime, time

from icalendar import Calendar, Event

from bot.answers import MeetingFact

PRODID = "-//Region Orebro lan//minutesbot//SV"
UID_DOMAIN = "minutesbot"

_STATUS = {"cancelled": "CANCELLED", "planned": "CONFIRMED", "moved": "CONFIRMED"}
_STATUS_SV = {"cancelled": "Inställt", "moved": "Flyttat"}
_MODE_SV = {"digital": "Digitalt", "physical": "Fysiskt", "hybrid": "Hybrid"}


def meeting_uid(meeting: MeetingFact) -> str:
    """The event's UID: the meeting's id when stored, else its group and start.

    >>> meeting_uid(MeetingFact("SSR", "2026-01-01T09:00:00+01:00", None, None,
    ...                         "planned", meeting_id=3))
    'meeting-3@minutesbot'
    """
    if meeting.meeting_id is not None:
        return f"meeting-{meeting.meeting_id}@{UID_DOMAIN}"
    digest = hashlib.sha256(f"{meeting.group}|{meeting.start}".encode()).hexdigest()[:16]
    return f"meeting-{digest}@{UID_DOMAIN}"


def meeting_ics(meeting: MeetingFact, *, stamp: datetime | None = None) -> bytes:
    """The meeting as a VCALENDAR with one VEVENT.

    `stamp` is the DTSTAMP (when the file was made); pass one for a
    byte-for-byte stable file. A meeting that starts at midnight with no end is
    taken as a day whose time the minutes do not give: an all-day event.
    """
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add_component(_event(meeting, stamp or datetime.now(UTC)))
    return bytes(calendar.to_ical())


def _event(meeting: MeetingFact, stamp: datetime) -> Event:
    event = Event()
    event.add("uid", meeting_uid(meeting))
    event.add("dtstamp", stamp.astimezone(UTC))
    event.add("summary", _summary(meeting))
    start = datetime.fromisoformat(meeting.start)
    if meeting.end is None and start.time() == time(0, 0):
        event.add("dtstart", start.date())
    else:
        event.add("dtstart", start.astimezone(UTC))
        if meeting.end is not None:
            event.add("dtend", datetime.fromisoformat(meeting.end).astimezone(UTC))
    if meeting.place:
        event.add("location", meeting.place)
    description = _description(meeting)
    if description:
        event.add("description", description)
    event.add("status", _STATUS.get(meeting.status, "CONFIRMED"))
    return event


def _summary(meeting: MeetingFact) -> str:
    label = _STATUS_SV.get(meeting.status)
    return f"{meeting.group} ({label.lower()})" if label else meeting.group


def _description(meeting: MeetingFact) -> str:
    lines: list[str] = []
    if meeting.mode in _MODE_SV:
        lines.append(f"Form: {_MODE_SV[meeting.mode]}")
    if meeting.joint_with:
        lines.append("Gemensamt med: " + ", ".join(meeting.joint_with))
    if meeting.moved_from:
        lines.append(f"Flyttat från: {_readable(meeting.moved_from)}")
    if meeting.note:
        lines.append(meeting.note)
    if meeting.document:
        lines.append(f"Källa: {meeting.document}")
    return "\n".join(lines)


def _readable(iso: str) -> str:
    moment = datetime.fromisoformat(iso)
    if moment.time() == time(0, 0):
        return date.isoformat(moment.date())
    return moment.strftime("%Y-%m-%d %H:%M")


class CalendarLinks:
    """Signed paths to `GET /calendar/<meeting id>.ics`.

    The calendar route is opened from a person's browser, without a Bot
    Framework token, so each link carries an HMAC of the meeting id: only links
    the bot handed out work, and meeting ids cannot be enumerated.

    >>> links = CalendarLinks(b"secret")
    >>> path = links.path(12)
    >>> path.startswith("/calendar/12.ics?sig=")
    True
    >>> links.verify(12, path.split("sig=")[1]), links.verify(13, path.split("sig=")[1])
    (True, False)
    """

    def __init__(self, secret: bytes) -> None:
        self._secret = secret

    def signature(self, meeting_id: int) -> str:
        digest = hmac.new(self._secret, f"meeting:{meeting_id}".encode(), hashlib.sha256)
        return digest.hexdigest()[:32]

    def path(self, meeting_id: int) -> str:
        return f"/calendar/{meeting_id}.ics?sig={self.signature(meeting_id)}"

    def verify(self, meeting_id: int, signature: str) -> bool:
        return hmac.compare_digest(self.signature(meeting_id), signature)
