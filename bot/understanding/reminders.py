"""How long before a meeting a reminder should go out, as a subscription
request says it: "en vecka före och dagen före", "2 dagar innan kl 15",
"a day before at 8", "en timme innan", "samma dag".

A lead counted in days goes out at a time of day: the one asked for, else
09:00 (07:30 on the meeting's own day, before a morning meeting). A lead counted
in hours or minutes goes out that long before the start.

Example:
    >>> norm = read_words("påminn oss en vecka före och dagen före kl 15").norm
    >>> [(lead.before.days, lead.at) for lead in read_lead_times(norm)]
    [(7, datetime.time(9, 0)), (1, datetime.time(15, 0))]
"""

from __future__ import annotations

import re
from datetime import time, timedelta

from bot.understanding.query import LeadTime
from bot.understanding.text import read_words

__all__ = ["read_lead_times", "read_words"]
from bot.understanding.timewords import NUMBERS, alternation, number_of

DAY_REMINDER_AT = time(9, 0)
SAME_DAY_REMINDER_AT = time(7, 30)

_AHEAD = r"(?:\s(?:fore|innan|fore motet|before|ahead|prior|in advance|i forvag))?"
_LEAD = re.compile(
    rf"\b(?:(?P<n>\d{{1,3}}|{alternation(NUMBERS)})\s(?:of\s)?(?P<unit>dagar|dag|days|day|d|veckor|vecka|weeks|week"
    r"|timmar|timme|tim|hours|hour|h|minuter|minut|min|minutes|minute)" + _AHEAD + r"\b"
    r"|(?P<prev>dagen|veckan|the day|the week|a day|a week|day|week)"
    r"\s(?:fore|innan|before|ahead|prior)\b"
    r"|(?P<same>samma dag|same day|on the day|pa motesdagen|motesdagen|the morning of)\b"
    r"|(?P<half>en halvtimme|halvtimme|half an hour)" + _AHEAD + r"\b)"
)
_CLOCK = re.compile(
    r"\b(?:kl|klockan|at)\.?\s?(?P<h>[01]?\d|2[0-3])(?:[.:](?P<m>[0-5]\d))?(?:\s?(?P<ap>am|pm))?\b"
    r"|\b(?P<h2>[01]?\d|2[0-3]):(?P<m2>[0-5]\d)\b"
)
_DAYS_PER_UNIT = {
    **dict.fromkeys(("dagar", "dag", "days", "day", "d"), 1),
    **dict.fromkeys(("veckor", "vecka", "weeks", "week"), 7),
}
_HOUR_UNITS = frozenset(("timmar", "timme", "tim", "hours", "hour", "h"))
PATTERNS = (_LEAD, _CLOCK)


def read_lead_times(norm: str) -> tuple[LeadTime, ...]:
    """Every lead time a subscription request names, in the order written.

    `norm` is the request's folded words (`Words.norm`).
    """
    leads: list[tuple[int, int, LeadTime]] = []
    for match in _LEAD.finditer(norm):
        lead = _lead_of(match)
        if lead is not None:
            leads.append((match.start(), match.end(), lead))
    for clock in _CLOCK.finditer(norm):
        leads = _with_clock(leads, clock)
    return tuple(dict.fromkeys(lead for _, _, lead in leads))


def _lead_of(match: re.Match[str]) -> LeadTime | None:
    if match["same"]:
        return LeadTime(timedelta(0), SAME_DAY_REMINDER_AT)
    if match["half"]:
        return LeadTime(timedelta(minutes=30))
    if match["prev"]:
        days = 7 if match["prev"].endswith(("veckan", "week")) else 1
        return LeadTime(timedelta(days=days), DAY_REMINDER_AT)
    count = number_of(match["n"])
    if count is None or count > 60:
        return None
    unit = match["unit"]
    if unit in _DAYS_PER_UNIT:
        return LeadTime(timedelta(days=count * _DAYS_PER_UNIT[unit]), DAY_REMINDER_AT)
    if unit in _HOUR_UNITS:
        return LeadTime(timedelta(hours=count))
    return LeadTime(timedelta(minutes=count))


def _with_clock(
    leads: list[tuple[int, int, LeadTime]], clock: re.Match[str]
) -> list[tuple[int, int, LeadTime]]:
    """A time of day belongs to the nearest lead counted in days."""
    at = _time_of(clock)
    daily = [i for i, (_, _, lead) in enumerate(leads) if lead.at is not None]
    if not daily:
        return leads
    nearest = min(daily, key=lambda i: _distance(leads[i][:2], clock.span()))
    start, end, lead = leads[nearest]
    leads[nearest] = (start, end, LeadTime(lead.before, at))
    return leads


def _distance(lead: tuple[int, int], clock: tuple[int, int]) -> int:
    return clock[0] - lead[1] if clock[0] >= lead[1] else (lead[0] - clock[1]) * 2


def _time_of(clock: re.Match[str]) -> time:
    hour = int(clock["h"] or clock["h2"])
    minute = int(clock["m"] or clock["m2"] or 0)
    if clock["ap"] == "pm" and hour < 12:
        hour += 12
    if clock["ap"] == "am" and hour == 12:
        hour = 0
    return time(hour, minute)
