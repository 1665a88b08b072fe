"""Dates, times and lists as a Swedish (or English) reader expects them.

>>> when(datetime(2026, 12, 11, 13, tzinfo=STOCKHOLM), datetime(2026, 12, 11, 16, tzinfo=STOCKHOLM), True, "sv")
'fredag 11 december 2026 kl. 13.00–16.00'
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta
from functools import lru_cache

from babel.dates import format_date

from bot.understanding.query import EARLIEST, LATEST
from storage.parsing.records import STOCKHOLM

_LOCALE = {"sv": "sv_SE", "en": "en_GB"}
# Spans of a year said by name: (first month, day, last month, day) -> (sv, en)
_TERMS = {
    (1, 1, 12, 31): ("under {}", "in {}"),
    (1, 1, 6, 30): ("våren {}", "in spring {}"),
    (6, 1, 8, 31): ("sommaren {}", "in summer {}"),
    (8, 1, 12, 31): ("hösten {}", "in autumn {}"),
}


@lru_cache(maxsize=4096)
def day(value: date, language: str = "sv") -> str:
    """ "fredag 11 december 2026" / "Friday 11 December 2026"."""
    return format_date(value, "EEEE d MMMM y", locale=_LOCALE.get(language, "sv_SE"))


def span(first: date, last: date, language: str = "sv") -> str:
    """A span of days as said: "i oktober 2022" / "in October 2022", "under 2022" /
    "in 2022", "våren 2027" / "in spring 2027" (the terms of bot.understanding),
    "vecka 51 2026" / "in week 51 of 2026", a span open on one side "före …" /
    "before …" or "efter …" / "after …", else
    "från 2022-09-01 till 2022-11-30" / "from … to …"."""
    open_side = open_span(first, last, language)
    if open_side is not None:
        return open_side
    month_end = (last.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    if (
        first.day == 1
        and last == month_end
        and (first.year, first.month) == (last.year, last.month)
    ):
        month = format_date(first, "LLLL y", locale=_LOCALE.get(language, "sv_SE"))
        return pick(language, f"i {month}", f"in {month}")
    if first.weekday() == 0 and last == first + timedelta(days=6):
        week, year = first.isocalendar()[1], first.isocalendar()[0]
        return pick(language, f"vecka {week} {year}", f"in week {week} of {year}")
    if first.year == last.year and (first.month, first.day, last.month, last.day) in _TERMS:
        sv, en = _TERMS[first.month, first.day, last.month, last.day]
        return pick(language, sv.format(first.year), en.format(first.year))
    return pick(
        language,
        f"från {first.isoformat()} till {last.isoformat()}",
        f"from {first.isoformat()} to {last.isoformat()}",
    )


def open_span(first: date, last: date, language: str = "sv") -> str | None:
    """A span open on one side as said ("före 2021", "efter fredag 8 september 2023");
    None for a span with both ends."""
    if first <= EARLIEST < last < LATEST:
        after = last + timedelta(days=1)
        said = str(after.year) if (after.month, after.day) == (1, 1) else day(after, language)
        return pick(language, f"före {said}", f"before {said}")
    if EARLIEST < first < LATEST <= last:
        before = first - timedelta(days=1)
        said = str(before.year) if (before.month, before.day) == (12, 31) else day(before, language)
        return pick(language, f"efter {said}", f"after {said}")
    return None


def on_days(first: date, last: date, language: str = "sv") -> str:
    """One day as "den fredag 4 december 2026" / "on Friday 4 December 2026", a span
    of days as `span` says it."""
    if first == last:
        return pick(language, f"den {day(first, language)}", f"on {day(first, language)}")
    return span(first, last, language)


def clock(value: datetime, language: str = "sv") -> str:
    local = value.astimezone(STOCKHOLM)
    separator = "." if language == "sv" else ":"
    return f"{local.hour:02d}{separator}{local.minute:02d}"


def when(start: datetime, end: datetime | None, time_known: bool, language: str = "sv") -> str:
    """A meeting's time: one day with hours, a span of days, or just the day."""
    start = start.astimezone(STOCKHOLM)
    if not time_known:
        if end is not None and end.astimezone(STOCKHOLM).date() > start.date():
            return (
                f"{day(start.date(), language)} – {day(end.astimezone(STOCKHOLM).date(), language)}"
            )
        return day(start.date(), language)
    at = "kl." if language == "sv" else "at"
    text = f"{day(start.date(), language)} {at} {clock(start, language)}"
    if end is None:
        return text
    end = end.astimezone(STOCKHOLM)
    if end.date() == start.date():
        return f"{text}–{clock(end, language)}"
    return f"{text} – {day(end.date(), language)} {at} {clock(end, language)}"


def join(items: Sequence[str], language: str = "sv") -> str:
    """ "A, B och C" / "A, B and C"."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    word = " och " if language == "sv" else " and "
    return ", ".join(items[:-1]) + word + items[-1]


def iso(value: datetime | None) -> str | None:
    return value.astimezone(STOCKHOLM).isoformat() if value is not None else None


def pick(language: str, sv: str, en: str) -> str:
    return sv if language == "sv" else en
