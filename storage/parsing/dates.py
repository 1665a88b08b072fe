"""Swedish (and English) dates and times as minutes write them.

A small grammar of our own rather than dateparser, which misreads exactly the
forms minutes use: "12-13 oktober" becomes the year 2112, and "kl. 9.00",
"28/8 kl 9-12" or "26 augusti kl 13.15" are not read at all.

The grammar: a date is ISO (`2023-09-08`), day and month name (`13 oktober`,
`den 5:e juni`, `11th of December`, `okt`, `sept`), month name and day
(`December 11, 2026`) or numeric day/month (`20/3`, `28/8 2026`); a day range
shares one month (`13-14 oktober`, `8-9/10`). A weekday may stand before or
after the date. A time follows `kl`/`klockan`/`at` (`kl 9`, `kl.13.00`,
`kl 8:30`) or is written with minutes (`13:00`, `9.00`); a time range uses
-, –, —, "till" or "to". Two dates joined by a dash make a span across days
(`8/10 kl 12 – 9/10 kl 13`). "förmiddag"/"eftermiddag"/"kväll" after a date
are kept as `part_of_day`, and the time then stays unknown: minutes that say
"eftermiddag" do not say when it starts.

A date without a year takes the year of `reference` (the document's own
date). With `rollover`, a day that falls more than that before the reference
belongs to the next year, as in a list of coming meetings written in December.

Example:
    >>> w = parse_when("28/8 kl 9-12", reference=date(2026, 5, 29))
    >>> w.start.isoformat(), w.end.isoformat() if w.end else None
    ('2026-08-28T09:00:00+02:00', '2026-08-28T12:00:00+02:00')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from storage.parsing.clock import Clock, clock_at, clock_before, find_clock
from storage.parsing.records import STOCKHOLM

# A schedule of "coming meetings" may list January while written in October.
UPCOMING = timedelta(days=61)


@dataclass(frozen=True)
class When:
    """A point or span in time read from text; aware datetimes in Europe/Stockholm.

    When `time_known` is False, start and end stand for whole days (00:00).
    `part_of_day` keeps "eftermiddag" or "förmiddag" when that is all that is said.
    """

    start: datetime
    end: datetime | None = None
    time_known: bool = True
    part_of_day: str | None = None


_MONTHS: dict[str, int] = {
    **dict.fromkeys(("januari", "january", "jan"), 1),
    **dict.fromkeys(("februari", "february", "febr", "feb"), 2),
    **dict.fromkeys(("mars", "march", "mar"), 3),
    **dict.fromkeys(("april", "apr"), 4),
    **dict.fromkeys(("maj", "may"), 5),
    **dict.fromkeys(("juni", "june", "jun"), 6),
    **dict.fromkeys(("juli", "july", "jul"), 7),
    **dict.fromkeys(("augusti", "august", "aug"), 8),
    **dict.fromkeys(("september", "sept", "sep"), 9),
    **dict.fromkeys(("oktober", "october", "okt", "oct"), 10),
    **dict.fromkeys(("november", "nov"), 11),
    **dict.fromkeys(("december", "dec"), 12),
}
# Month-first order ("December 11") is English; Swedish text writes "i december 3 möten".
_ENGLISH_ONLY_MONTHS = frozenset(
    ("january", "february", "march", "may", "june", "july", "august", "october")
)
_WEEKDAYS = (
    "måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag"
    "|monday|tuesday|wednesday|thursday|friday|saturday|sunday"
)
_MONTH_ALT = "|".join(sorted(_MONTHS, key=len, reverse=True))
_YEAR = r"(?:19|20)\d\d"
_DAY = r"3[01]|[12]\d|0?[1-9]"
_ORD = r"(?::[ae]|st|nd|rd|th)"
# Spaces inside one date, never tabs or line breaks: "10<TAB>Jan Sundelius" is a table row.
_SP = r"[ \u00a0]"
_DAY_SEP = rf"{_SP}*[-–—]{_SP}*|{_SP}+(?:till|to){_SP}+"

_ATOM = re.compile(
    rf"""
    (?:\b(?:{_WEEKDAYS})(?:en)?{_SP}*,?{_SP}*)?(?:\b(?:den|the){_SP}+)?
    (?:
        (?<![\d.,:/-])(?P<iso_y>{_YEAR})-(?P<iso_m>1[0-2]|0?[1-9])-(?P<iso_d>{_DAY})(?!\d)
      | (?<![\d.,:/])(?P<n_d1>{_DAY}){_ORD}?(?:(?:{_DAY_SEP})(?P<n_d2>{_DAY}){_ORD}?)?
        \.?{_SP}+(?:of{_SP}+)?(?P<n_m>{_MONTH_ALT})\b\.?(?:,?{_SP}+(?P<n_y>{_YEAR})(?!\d))?
      | \b(?P<e_m>{_MONTH_ALT})\b\.?{_SP}+(?P<e_d1>{_DAY})(?P<e_ord>{_ORD})?
        (?:{_SP}*[-–]{_SP}*(?P<e_d2>{_DAY}){_ORD}?)?(?:,?{_SP}+(?P<e_y>{_YEAR}))?(?![\d/])
      | (?<![\d.,:/])(?P<s_d1>{_DAY})(?:{_SP}*[-–]{_SP}*(?P<s_d2>{_DAY}))?/(?P<s_m>1[0-2]|0?[1-9])
        (?:(?:{_SP}*[-/]{_SP}*|{_SP}+)(?P<s_y>{_YEAR}))?(?![\d/]|{_SP}*(?:av|of)\b|-?del)
    )
    """,
    re.IGNORECASE | re.VERBOSE,
)


_BEFORE_CLOCK = re.compile(r"T(?=\d)|[\s,]*")
# An end time may not be the day of a following date: "kl 9 – 14 oktober".
_MONTH_FOLLOWS = re.compile(rf"{_SP}*(?:{_MONTH_ALT})\b", re.IGNORECASE)
_AFTER_WEEKDAY = re.compile(rf"\s*,?\s*(?:{_WEEKDAYS})(?:en)?\b", re.IGNORECASE)
_PART_OF_DAY = re.compile(
    r"\s*,?\s*(?:(?:på|i|in\s+the)\s+)?"
    r"(?P<pod>förmiddag|eftermiddag|kväll|morning|afternoon|evening)(?:en)?\b",
    re.IGNORECASE,
)
_SPAN_SEP = re.compile(r"\s*(?:[-–—]|till\b|to\b|until\b)\s*", re.IGNORECASE)


@dataclass(frozen=True)
class _Day:
    """A date as written: the year may be missing, `last_day` ends a day range."""

    day: int
    month: int
    year: int | None
    last_day: int | None = None


def parse_when(
    text: str, *, reference: date | None = None, rollover: timedelta | None = None
) -> When | None:
    """Read the first date (with time or span) in `text`.

    `reference` is the document's own date: it gives the year to "28/8" and
    "10 februari", and the day to a bare "kl 9-12". Handles "13-14 oktober 2022",
    "2023-09-08 kl.13.00-16.00", "29 maj 2026, fredag kl. 9.00 – 12.00",
    "8/10 kl 12 – 9/10 kl 13", "26 augusti kl 13.15 – 16.15", "16 oktober eftermiddag".
    Without a reference, dates without a year are not read.

    >>> parse_when("den 20 mars 2020").start.date()
    datetime.date(2020, 3, 20)
    """
    found = find_whens(text, reference=reference, rollover=rollover)
    if found:
        return found[0][2]
    clock = find_clock(text)
    if clock is None or reference is None:
        return None
    return _build(reference, None, clock, None, None)


def contains_date(text: str) -> bool:
    """True when `text` names a day, with or without a year.

    >>> contains_date("Nästa möte hålls den 11 september"), contains_date("Mötestider 2023")
    (True, False)
    """
    return bool(find_whens(text, reference=date(2000, 1, 1)))


def find_whens(
    text: str, *, reference: date | None = None, rollover: timedelta | None = None
) -> list[tuple[int, int, When]]:
    """Every date expression in `text` as (start offset, end offset, When).

    >>> text = "Möten 3 mars och 8/10 kl 12 – 9/10 kl 13"
    >>> [(a, b) for a, b, _ in find_whens(text, reference=date(2026, 1, 1))]
    [(6, 12), (17, 40)]
    """
    found: list[tuple[int, int, When]] = []
    pos = 0
    while match := _ATOM.search(text, pos):
        parsed = _read_expression(text, match, pos, reference, rollover)
        if parsed is None:
            pos = match.start() + 1
            continue
        found.append(parsed)
        pos = parsed[1]
    return found


def _read_expression(
    text: str,
    match: re.Match[str],
    floor: int,
    reference: date | None,
    rollover: timedelta | None,
) -> tuple[int, int, When] | None:
    """A date atom plus what may surround it: weekday, time, part of day, a second date.

    `floor` is where the previous expression ended: a time before it is not ours.
    """
    first = _day_of(match)
    if first is None or _is_first_name(text, match):
        return None
    start = match.start()
    end, clock, pod = _read_tail(text, _atom_end(match))
    if clock is None and (clock := clock_before(text, start, floor)):
        start = clock.span[0]
    last: _Day | None = None
    last_clock: Clock | None = None
    if first.last_day is None and (clock is None or clock.end is None):
        sep = _SPAN_SEP.match(text, end)
        second = _ATOM.match(text, sep.end()) if sep else None
        last = _day_of(second) if second else None
        if second and last:
            end, last_clock, _ = _read_tail(text, _atom_end(second))
    if _is_round_the_clock(match, clock):
        return None
    days = _resolve(first, last, reference, rollover)
    if days is None:
        return None
    return start, end, _build(days[0], days[1], clock, last_clock, pod)


def _atom_end(match: re.Match[str]) -> int:
    # "okt." keeps its dot; after "31 oktober." the dot ends the sentence.
    name = match.group("n_m") or ""
    full_name = len(name) > 4 or name.lower() in ("maj", "mars", "juni", "juli")
    return match.end() - (full_name and match.group().endswith("."))


def _read_tail(text: str, pos: int) -> tuple[int, Clock | None, str | None]:
    if weekday := _AFTER_WEEKDAY.match(text, pos):
        pos = weekday.end()
    pod = _PART_OF_DAY.match(text, pos)
    if pod:
        pos = pod.end()
    gap = _BEFORE_CLOCK.match(text, pos)
    clock = clock_at(text, gap.end() if gap else pos)
    if clock and clock.end and _MONTH_FOLLOWS.match(text, clock.span[1]):
        clock = clock.without_end()
    if clock:
        pos = clock.span[1]
        if pod is None and (pod := _PART_OF_DAY.match(text, pos)):
            pos = pod.end()
    return pos, clock, pod.group("pod").lower() if pod else None


def _day_of(match: re.Match[str]) -> _Day | None:
    """The written date of an atom; None for text that only looks like one."""
    g = match.groupdict()
    if g["iso_y"]:
        return _Day(int(g["iso_d"]), int(g["iso_m"]), int(g["iso_y"]))
    if g["s_d1"]:
        return _Day(int(g["s_d1"]), int(g["s_m"]), _opt_int(g["s_y"]), _opt_int(g["s_d2"]))
    name = g["n_m"] or g["e_m"]
    if name == "may":  # lowercase "may" is the English verb
        return None
    month = _MONTHS[name.lower()]
    if g["n_d1"]:
        return _Day(int(g["n_d1"]), month, _opt_int(g["n_y"]), _opt_int(g["n_d2"]))
    if not (g["e_y"] or g["e_ord"] or name.lower() in _ENGLISH_ONLY_MONTHS):
        return None
    return _Day(int(g["e_d1"]), month, _opt_int(g["e_y"]), _opt_int(g["e_d2"]))


def _is_first_name(text: str, match: re.Match[str]) -> bool:
    # "10 Jan Sundelius", "3 Maj Persson": months are lowercase in Swedish, names are not.
    month = match.group("n_m")
    following = text[match.end() : match.end() + 3]
    return (
        month in ("Jan", "Maj")
        and not match.group("n_y")
        and re.match(r" [A-ZÅÄÖ][a-zåäö]", following) is not None
    )


def _is_round_the_clock(match: re.Match[str], clock: Clock | None) -> bool:
    # "24/7" in Swedish minutes means "dygnet runt", not the 24th of July.
    return clock is None and re.fullmatch(r"24/0?7", match.group().strip()) is not None


def _opt_int(value: str | None) -> int | None:
    return int(value) if value else None


def _resolve(
    first: _Day, last: _Day | None, reference: date | None, rollover: timedelta | None
) -> tuple[date, date | None] | None:
    """Real dates for a written date or span, filling in missing years."""
    year = first.year
    if year is None and last is not None and last.year is not None:
        year = last.year - ((first.month, first.day) > (last.month, last.day))
    if year is None:
        if reference is None:
            return None
        year = _year_near(first.day, first.month, reference, rollover)
    try:
        start = date(year, first.month, first.day)
        if first.last_day is not None:
            return start, date(year, first.month, first.last_day)
        if last is None:
            return start, None
        end = date(last.year or year, last.month, last.day)
        if last.year is None and end < start:
            end = end.replace(year=end.year + 1)
        return start, end
    except ValueError:
        return None


def _year_near(day: int, month: int, reference: date, rollover: timedelta | None) -> int:
    year = reference.year
    if rollover is None:
        return year
    try:
        if date(year, month, day) < reference - rollover:
            return year + 1
    except ValueError:
        pass
    return year


def _build(
    start_day: date,
    end_day: date | None,
    clock: Clock | None,
    last_clock: Clock | None,
    part_of_day: str | None,
) -> When:
    start = _at(start_day, clock.start if clock else time())
    end: datetime | None = None
    if end_day is not None:
        end_time = last_clock.end or last_clock.start if last_clock else None
        end = _at(end_day, end_time or (clock.end if clock and clock.end else time()))
    elif clock and clock.end:
        end = _at(start_day, clock.end)
        if end < start:  # "kl 22-02" runs past midnight
            end = _at(start_day + timedelta(days=1), clock.end)
    if end_day is not None and end is not None and end <= start and start_day == end_day:
        end = None
    return When(start, end, clock is not None or last_clock is not None, part_of_day)


def _at(day: date, clock: time) -> datetime:
    return datetime.combine(day, clock, tzinfo=STOCKHOLM)
