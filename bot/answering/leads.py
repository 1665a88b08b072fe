"""Reminder lead times: their stored text form, their words, and when a reminder
for a meeting goes out.

A subscription stores its lead times as short, stable codes in the spirit of
ISO-8601 durations: "P7DT09:00" is seven days before the meeting's day at 09:00,
"P0DT07:30" the meeting's own day at 07:30, "PT1H" an hour before the start and
"PT1H30M" an hour and a half before.

>>> code = lead_code(LeadTime(timedelta(days=7), time(9, 0)))
>>> code, parse_lead(code) == LeadTime(timedelta(days=7), time(9, 0))
('P7DT09:00', True)
>>> lead_words(parse_lead("PT1H"), "sv"), lead_words(parse_lead("P1DT09:00"), "en")
('en timme före', 'the day before at 09:00')
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime, time, timedelta

from bot.answering.format import join, pick
from bot.understanding.query import LeadTime
from bot.understanding.reminders import DAY_REMINDER_AT
from storage.parsing.records import STOCKHOLM
from storage.queries import MeetingView

# Without a request for other times: a week before, and the day before, at 09:00.
DEFAULT_LEADS = (
    LeadTime(timedelta(days=7), DAY_REMINDER_AT),
    LeadTime(timedelta(days=1), DAY_REMINDER_AT),
)
# A meeting whose time the minutes do not give counts as starting at 08:00, the
# start of a working day, for leads in hours and for "has it begun".
UNKNOWN_TIME_START = time(8, 0)

_DAY_CODE = re.compile(r"^P(?P<days>\d{1,3})DT(?P<h>[01]\d|2[0-3]):(?P<m>[0-5]\d)$")
_CLOCK_CODE = re.compile(r"^PT(?:(?P<h>\d{1,4})H)?(?:(?P<m>\d{1,4})M)?$")
_NUMBER_WORDS = {"sv": {1: "en", 2: "två", 3: "tre"}, "en": {1: "a", 2: "two", 3: "three"}}


class BadLeadCode(ValueError):
    """A stored lead time is not in the form `lead_code` writes."""


def lead_code(lead: LeadTime) -> str:
    """The stored form of a lead time (see the module docstring)."""
    if lead.at is not None:
        return f"P{lead.before.days}DT{lead.at.hour:02d}:{lead.at.minute:02d}"
    minutes = int(lead.before.total_seconds() // 60)
    hours, rest = divmod(minutes, 60)
    return "PT" + (f"{hours}H" if hours else "") + (f"{rest}M" if rest or not hours else "")


def parse_lead(code: str) -> LeadTime:
    """The lead time a stored code stands for; BadLeadCode if it is none."""
    day = _DAY_CODE.match(code)
    if day:
        return LeadTime(timedelta(days=int(day["days"])), time(int(day["h"]), int(day["m"])))
    clock = _CLOCK_CODE.match(code)
    if clock and (clock["h"] or clock["m"]):
        return LeadTime(timedelta(hours=int(clock["h"] or 0), minutes=int(clock["m"] or 0)))
    raise BadLeadCode(f"not a lead time code: {code!r}")


def parse_leads(codes: Sequence[str]) -> tuple[LeadTime, ...]:
    """The lead times of a subscription; codes that do not parse are left out."""
    leads: list[LeadTime] = []
    for code in codes:
        try:
            leads.append(parse_lead(code))
        except BadLeadCode:
            continue
    return tuple(dict.fromkeys(leads))


def lead_words(lead: LeadTime, language: str) -> str:
    """ "en vecka före kl. 09.00", "dagen före kl. 09.00", "30 minutes before"."""
    if lead.at is not None:
        at = pick(language, f"kl. {lead.at:%H.%M}", f"at {lead.at:%H:%M}")
        return f"{_days_before(lead.before.days, language)} {at}"
    hours, minutes = divmod(int(lead.before.total_seconds() // 60), 60)
    parts = []
    if hours:
        parts.append(_count(hours, "timme", "timmar", "hour", "hours", language))
    if minutes or not hours:
        parts.append(_count(minutes, "minut", "minuter", "minute", "minutes", language))
    return join(parts, language) + pick(language, " före", " before")


def leads_text(leads: Sequence[LeadTime], language: str) -> str:
    """ "en vecka före kl. 09.00 och dagen före kl. 09.00"."""
    return join([lead_words(lead, language) for lead in leads], language)


def _days_before(days: int, language: str) -> str:
    if days == 0:
        return pick(language, "samma dag", "on the day")
    if days == 1:
        return pick(language, "dagen före", "the day before")
    if days % 7 == 0:
        return _count(days // 7, "vecka", "veckor", "week", "weeks", language) + pick(
            language, " före", " before"
        )
    return _count(days, "dag", "dagar", "day", "days", language) + pick(
        language, " före", " before"
    )


def _count(n: int, one_sv: str, many_sv: str, one_en: str, many_en: str, language: str) -> str:
    word = pick(language, one_sv if n == 1 else many_sv, one_en if n == 1 else many_en)
    number = _NUMBER_WORDS["sv" if language == "sv" else "en"].get(n, str(n))
    if language != "sv" and n == 1 and word.startswith("h"):
        number = "an"
    return f"{number} {word}"


def begins(meeting: MeetingView) -> datetime:
    """When a meeting begins, for reminders: its start, or 08:00 on its day when
    the minutes give no time."""
    if meeting.time_known:
        return meeting.start
    return datetime.combine(meeting.day, UNKNOWN_TIME_START, STOCKHOLM)


def reminder_time(lead: LeadTime, meeting: MeetingView) -> datetime:
    """When the reminder with `lead` goes out for `meeting` (Stockholm time):
    "dagen före kl. 09.00" on the day before at nine, "en timme före" an hour
    before it begins."""
    start = begins(meeting).astimezone(STOCKHOLM)
    if lead.at is None:
        return start - lead.before
    day = start.date() - timedelta(days=lead.before.days)
    return datetime.combine(day, lead.at, STOCKHOLM)
