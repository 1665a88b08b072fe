"""Times of day as minutes write them: "kl 9-12", "kl.13.00-16.00", "kl 8:30",
"13.15 – 16.15", "mellan kl 9 och 12", "at 1-3 pm".

A bare number is a time only after "kl", "klockan" or "at"; otherwise it needs
minutes ("9.00", "13:00") or am/pm, so that "8 av 11" and "90-120 dagar" are
not read as times.

Example:
    >>> parse_clock("Samtliga dagar kl 13-16")
    (datetime.time(13, 0), datetime.time(16, 0))
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import time


def _time_pattern(name: str) -> str:
    return (
        rf"(?P<{name}>(?<!\d[.,:])(?<![\d/])(?P<{name}_h>2[0-3]|[01]?\d)"
        rf"(?:[.:](?P<{name}_m>[0-5]\d))?(?![\d/]|[.:]\d)"
        rf"(?:\s*(?P<{name}_ap>[ap]\.?m\b\.?))?)"
    )


_CLOCK = re.compile(
    rf"""
    (?:\b(?P<between>mellan|between)\s+|\b(?:från|from)\s+)?
    (?:\b(?P<mark>kl\b\.?|klockan|at\b)\s*)?
    {_time_pattern("t1")}
    (?:\s*(?P<sep>-|–|—|till\b|to\b|until\b|och\b|and\b)\s*(?:(?:kl\b\.?|klockan)\s*)?
       {_time_pattern("t2")})?
    """,
    re.IGNORECASE | re.VERBOSE,
)


@dataclass(frozen=True)
class Clock:
    """A time or time range and where it stands in the text (`span`);
    `first_end` is where its start time ends."""

    start: time
    end: time | None
    span: tuple[int, int]
    first_end: int

    def without_end(self) -> Clock:
        """Only the start: for "kl 9 – 14 oktober" the 14 is a day, not a time."""
        return replace(self, end=None, span=(self.span[0], self.first_end))


def parse_clock(text: str) -> tuple[time, time | None] | None:
    """The first time or time range in `text`, without a date.

    >>> parse_clock("kl. 8:30")
    (datetime.time(8, 30), None)
    """
    clock = find_clock(text)
    return (clock.start, clock.end) if clock else None


def find_clock(text: str, pos: int = 0, endpos: int | None = None) -> Clock | None:
    """The first time in text[pos:endpos]."""
    endpos = len(text) if endpos is None else endpos
    while match := _CLOCK.search(text, pos, endpos):
        if clock := _clock_from(match):
            return clock
        pos = match.start() + 1
    return None


def clock_at(text: str, pos: int) -> Clock | None:
    """A time starting exactly at `pos`."""
    match = _CLOCK.match(text, pos)
    return _clock_from(match) if match else None


def clock_before(text: str, pos: int, floor: int = 0) -> Clock | None:
    """A time ending just before `pos` on the same line, not before `floor`:
    the time of "kl 13-16 den 5 juni"."""
    line_start = max(floor, text.rfind("\n", 0, pos) + 1)
    window = max(line_start, pos - 40)
    while window > line_start and not text[window - 1].isspace():
        window -= 1
    clock = find_clock(text, window, pos)
    while clock and text[clock.span[1] : pos].strip(" ,"):
        clock = find_clock(text, clock.span[0] + 1, pos)
    return clock


def _clock_from(match: re.Match[str]) -> Clock | None:
    g = match.groupdict()
    if not (g["mark"] or g["t1_m"] or g["t1_ap"] or g["t2_ap"]):
        return None
    end_group = "t2"
    if g["t2"] is None or (g["sep"].lower() in ("och", "and") and not g["between"]):
        end_group = "t1"  # "och" joins two times only after "mellan"
    end_time = _time_of(g, "t2") if end_group == "t2" else None
    start_time = _time_of(g, "t1", g["t2_ap"] if end_time else None)
    if end_time and start_time and start_time > end_time and not g["t1_ap"]:
        start_time = _time_of(g, "t1")  # "11-1 pm": the start is in the morning
    if start_time is None:
        return None
    span = (match.start(), match.end(end_group))
    return Clock(start_time, end_time, span, match.end("t1"))


def _time_of(g: dict[str, str | None], name: str, inherited_ap: str | None = None) -> time | None:
    hour = int(g[f"{name}_h"] or 0)
    ap = (g[f"{name}_ap"] or inherited_ap or "").lower()
    if ap:
        if hour > 12:
            return None
        hour = hour % 12 + (12 if ap.startswith("p") else 0)
    return time(hour, int(g[f"{name}_m"] or 0))
