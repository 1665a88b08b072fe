"""Which meetings a list question asks for: the window of time (narrowed to what
has been held, or to what is left, when the period holds today) and how they
were held (digitally, in person).

Example:
    >>> q = understand("Vilka möten har hållits i år?", now=now)  # now: 22 Nov 2026
    >>> window = list_window(q, now)
    >>> window.start.date(), window.end == now, window.part
    (datetime.date(2026, 1, 1), True, 'past')
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from bot.answering.facts import day_bounds
from bot.answering.format import pick
from bot.understanding.query import Query
from storage.queries import MeetingView
from storage.registry import fold

# A place that is a meeting service says the meeting was digital.
_DIGITAL_PLACE = re.compile(r"\b(?:teams|skype|zoom|digital\w*|online|webex)\b", re.IGNORECASE)

_INTERNAT = re.compile(r"\binternat\w*", re.IGNORECASE)
# "hur många möten finns i protokollen totalt?": every meeting, not the coming year's
_ALL_TIME = re.compile(
    r"\b(?:totalt|sammanlagt|allt som allt|nagonsin|in total|altogether|overall|ever"
    r"|i protokollen|in the minutes)\b"
)


def all_time(query: Query) -> bool:
    """The question asks about every meeting the minutes hold, whenever it lies."""
    return (
        query.date is None
        and query.period is None
        and query.which in (None, "last")
        and _ALL_TIME.search(fold(query.raw.lower())) is not None
    )


@dataclass(frozen=True)
class Window:
    """[start, end) of the meetings asked about; `first`/`last` the days the question
    named (before narrowing), `part` "past" or "future" when narrowed to now."""

    start: datetime
    end: datetime
    first: date
    last: date
    part: str | None = None


def list_window(query: Query, now: datetime) -> Window | None:
    """The window a list of meetings covers; None when the question asks for the
    latest meetings held ("vilka möten har rådet haft?")."""
    if query.date is not None:
        first, last = query.date, query.date
    elif query.period is not None:
        first, last = query.period.start, query.period.end
    elif query.status or all_time(query):
        # "which meetings were cancelled?" asks about everything the minutes say
        first, last = date(1900, 1, 1), date(2999, 12, 30)
        if query.which == "last":  # "hur många möten har rådet haft totalt?": up to today
            last = now.date()
    elif query.which == "last":
        return None
    else:
        # no period: what is coming, a year ahead
        first, last = now.date(), date(now.year + 1, 12, 31)
    start, end = day_bounds(first, last)
    # a cancelled or moved meeting was so whenever it lies: only plain lists narrow
    if query.status is None and start <= now < end:
        if query.part == "past":
            return Window(start, now, first, last, "past")
        if query.part == "future" and (query.period or query.date):
            return Window(now, end, first, last, "future")
    return Window(start, end, first, last)


def held_as(view: MeetingView) -> str | None:
    """How a meeting was held: its mode, "digital" when its place is a meeting service,
    "physical" for an internat (a meeting of days, with a night, at one place)."""
    if view.mode:
        return view.mode
    if view.place and _DIGITAL_PLACE.search(view.place):
        return "digital"
    return "physical" if view.note and _INTERNAT.search(view.note) else None


def of_mode(views: Sequence[MeetingView], mode: str | None) -> list[MeetingView]:
    return [v for v in views if mode is None or held_as(v) == mode]


def mode_label(mode: str, lang: str) -> str:
    """ "Digitala möten", "In-person meetings"."""
    labels = {
        "digital": pick(lang, "Digitala möten", "Online meetings"),
        "physical": pick(lang, "Fysiska möten", "In-person meetings"),
        "hybrid": pick(lang, "Hybridmöten", "Hybrid meetings"),
    }
    return labels.get(mode, pick(lang, "Möten", "Meetings"))


def mode_words(mode: str | None, lang: str) -> str:
    """ "digitala ", "in-person " (before "möten"), or nothing."""
    words = {
        "digital": pick(lang, "digitala ", "online "),
        "physical": pick(lang, "fysiska ", "in-person "),
        "hybrid": pick(lang, "hybrid", "hybrid "),
    }
    return words.get(mode or "", "")


def part_words(part: str | None, lang: str) -> str:
    """What narrowing the window to now adds to its span: " hittills", " från och med nu"."""
    if part == "past":
        return pick(lang, " hittills", " so far")
    if part == "future":
        return pick(lang, " från och med nu", " from now on")
    return ""
