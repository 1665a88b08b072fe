"""The time phrases questions use beyond written dates, one small grammar each,
read over the folded question ("hösten 2020" is "hosten 2020").

Each grammar turns a match into an `Atom`: a first and last day, and whether the
year was only assumed (`yearless`), so the question's tense can move it.

Example:
    >>> import re
    >>> text = "vilka moten var det forra manaden"
    >>> atom = next(g.build(m, date(2026, 3, 10), text) for g in GRAMMARS
    ...             for m in g.pattern.finditer(text))
    >>> atom.first, atom.last
    (datetime.date(2026, 2, 1), datetime.date(2026, 2, 28))
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from bot.understanding.timewords import (
    AMBIGUOUS_MONTHS,
    AMBIGUOUS_SEASONS,
    MONTHS,
    NAMED_BEFORE_YEAR,
    ORDINALS,
    PAST_WEEKDAYS,
    SEASON_MONTHS,
    SEASONS,
    WEEKDAYS,
    alternation,
    number_of,
)

_NEXT = frozenset(("nasta", "next", "kommande", "nastkommande", "upcoming", "coming"))
_LAST = frozenset(("forra", "last", "previous", "foregaende"))
_THIS = frozenset(("denna", "detta", "den har", "this", "i", "in", "under", "during", "of"))
_MODS = alternation(_NEXT | _LAST | _THIS)
_TWO_AWAY = {"forrforra": -2, "nastnasta": 2}
_YEAR = r"(?:19|20)\d\d"
_AMOUNTS = frozenset(("kr", "kronor", "sek", "tkr", "mkr", "miljoner", "personer", "st"))


@dataclass(frozen=True)
class Atom:
    """A time phrase: its span in the folded text and the days it covers."""

    start: int
    end: int
    first: date
    last: date
    yearless: bool = False  # the year is today's only because none was said
    tense: str | None = None  # "past" when the words say so ("i höstas")
    whole_year: bool = False  # a year on its own ("2023", "i fjol")
    since: bool = False  # "sedan mars": from the first day until today
    bound: str | None = None  # "before" ("före 2023"), "after" ("efter 8 september"): the days


Build = Callable[[re.Match[str], date, str], Atom | None]


@dataclass(frozen=True)
class Grammar:
    pattern: re.Pattern[str]
    build: Build


def shift_years(atom: Atom, years: int) -> Atom:
    """The same atom `years` later (earlier when negative)."""
    if years == 0:
        return atom
    return replace(atom, first=_year_of(atom.first, years), last=_year_of(atom.last, years))


def _year_of(day: date, years: int) -> date:
    year = day.year + years
    if not 1 <= year <= 9999:
        return day
    return day.replace(year=year, day=min(day.day, 28) if day.month == 2 else day.day)


def _month_days(year: int, month: int) -> tuple[date, date]:
    if month == 12:
        return date(year, 12, 1), date(year, 12, 31)
    return date(year, month, 1), date(year, month + 1, 1) - timedelta(days=1)


def _atom(
    m: re.Match[str],
    first: date,
    last: date,
    *,
    yearless: bool = False,
    tense: str | None = None,
    whole_year: bool = False,
) -> Atom:
    return Atom(m.start(), m.end(), first, last, yearless, tense, whole_year)


def _modified(atom: Atom, modifier: str | None, today: date) -> Atom:
    """ "nästa höst" is the next one to start, "förra mars" the last one to end."""
    if modifier in _NEXT:
        moved = shift_years(atom, 1) if atom.first <= today else atom
        return replace(moved, yearless=False)
    if modifier in _LAST:
        moved = shift_years(atom, -1) if atom.last >= today else atom
        return replace(moved, yearless=False)
    return atom


def _dotted_date(m: re.Match[str], today: date, norm: str) -> Atom | None:
    try:
        day = date(int(m[3]), int(m[2]), int(m[1]))
    except ValueError:
        return None
    return _atom(m, day, day)


def _year_month(m: re.Match[str], today: date, norm: str) -> Atom | None:
    return _atom(m, *_month_days(int(m[1]), int(m[2])))


def _year_range(m: re.Match[str], today: date, norm: str) -> Atom | None:
    first, last = sorted((int(m[1]), int(m[2])))
    return _atom(m, date(first, 1, 1), date(last, 12, 31))


_RELATIVE_DAYS = {
    **dict.fromkeys(("idag", "i dag", "today"), 0),
    **dict.fromkeys(("igar", "i gar", "yesterday"), -1),
    **dict.fromkeys(("imorgon", "i morgon", "tomorrow"), 1),
    **dict.fromkeys(("i forrgar", "forrgar"), -2),
    **dict.fromkeys(("i overmorgon", "overmorgon"), 2),
}


def _relative_day(m: re.Match[str], today: date, norm: str) -> Atom | None:
    day = today + timedelta(days=_RELATIVE_DAYS[m[1]])
    return _atom(m, day, day)


def _rolling(m: re.Match[str], today: date, norm: str) -> Atom | None:
    """ "de senaste tre månaderna", "past 2 weeks", "senaste året": up to today."""
    count = number_of(m[1]) if m[1] else 1
    if count is None or count > 400:
        return None
    unit = m[2]
    if unit.startswith(("dag", "day", "dygn")):
        first = today - timedelta(days=count)
    elif unit.startswith(("veck", "week")):
        first = today - timedelta(weeks=count)
    elif unit.startswith(("man", "month")):
        first = today - timedelta(days=round(30.44 * count))
    else:
        first = _year_of(today, -count)
    return _atom(m, first, today)


def _ago(m: re.Match[str], today: date, norm: str) -> Atom | None:
    """ "för två år sedan" is that year, "three months ago" that month, "för en vecka
    sedan" that week, "för tre dagar sedan" that day."""
    said, unit = m["count"] or m["count_en"], m["unit"] or m["unit_en"]
    count = 1 if said in ("en", "ett", "a", "one") else number_of(said)
    if count is None or count > 400:
        return None
    if unit.startswith(("dag", "day")):
        day = today - timedelta(days=count)
        return _atom(m, day, day, tense="past")
    if unit.startswith(("veck", "week")):
        monday = today - timedelta(days=today.weekday()) - timedelta(weeks=count)
        return _atom(m, monday, monday + timedelta(days=6), tense="past")
    if unit.startswith(("man", "month")):
        index = today.year * 12 + today.month - 1 - count
        return _atom(m, *_month_days(index // 12, index % 12 + 1), tense="past")
    year = today.year - count
    if year < 1:
        return None
    return _atom(m, date(year, 1, 1), date(year, 12, 31), tense="past", whole_year=True)


# Words that put a day of the month asked without its month in the past
_PAST_HINT = re.compile(
    r"\b(?:var|varit|hade|holls|hande|was|were|did|had|held|happened|\w{3,}ades)\b"
)


def _day_of_month(m: re.Match[str], today: date, norm: str) -> Atom | None:
    """ "den 11:e", "the 11th": that day of this month, or of the next one when it is
    past (of the last one, asked in the past tense)."""
    number = int(m["day"] or m["day_en"])
    past = _PAST_HINT.search(norm) is not None
    index = today.year * 12 + today.month - 1
    for step in (0, -1, -2) if past else (0, 1, 2):
        year, month = divmod(index + step, 12)
        try:
            day = date(year, month + 1, number)
        except ValueError:
            continue  # "den 31:e" in a month of 30 days
        if (day <= today) if past else (day >= today):
            return _atom(m, day, day)
    return None


def _new_year(m: re.Match[str], today: date, norm: str) -> Atom | None:
    """ "efter nyår", "in the new year": the coming year (in its first days, this one)."""
    year = today.year + (today.month > 1 or today.day > 15)
    return _atom(m, date(year, 1, 1), date(year, 12, 31), whole_year=True)


def _week_number(m: re.Match[str], today: date, norm: str) -> Atom | None:
    year = int(m[2]) if m[2] else today.year
    try:
        monday = date.fromisocalendar(year, int(m[1]), 1)
    except ValueError:
        return None
    return _atom(m, monday, monday + timedelta(days=6), yearless=not m[2])


def _relative_unit(m: re.Match[str], today: date, norm: str) -> Atom | None:
    """ "nästa vecka", "förra månaden", "i år", "i fjol": calendar weeks, months, years;
    "förrförra året", "i förrfjol", "the month before last", "nästnästa vecka" two
    of them away."""
    if m["unit_en"]:
        unit, step = m["unit_en"], -2 if m["beyond"].startswith("before") else 2
    elif m["unit"]:
        unit, modifier = m["unit"], m["mod"]
        step = _TWO_AWAY.get(modifier) or (
            1 if modifier in _NEXT else -1 if modifier in _LAST else 0
        )
    else:  # "i fjol", "i förrfjol"
        unit, step = "ar", -2 if m["fjol"] or m["fjolaret"] else -1
    if unit.startswith(("veck", "week")):
        monday = today - timedelta(days=today.weekday()) + timedelta(weeks=step)
        return _atom(m, monday, monday + timedelta(days=6))
    if unit.startswith(("man", "month")):
        index = today.year * 12 + today.month - 1 + step
        return _atom(m, *_month_days(index // 12, index % 12 + 1))
    year = today.year + step
    return _atom(m, date(year, 1, 1), date(year, 12, 31), whole_year=True)


def _quarter(m: re.Match[str], today: date, norm: str) -> Atom | None:
    """ "första kvartalet 2024", "Q3", "andra halvåret"."""
    year = int(m["year"]) if m["year"] else today.year
    number = ORDINALS.get(m["nth"] or m["q"] or m["k"] or "", 1)
    months = 6 if m["half"] else 3
    if number * months > 12:
        return None
    first = date(year, (number - 1) * months + 1, 1)
    return _atom(m, first, _month_days(year, number * months)[1], yearless=not m["year"])


def _weekday(m: re.Match[str], today: date, norm: str) -> Atom | None:
    """ "i fredags" is the last Friday, "på fredag" the coming one."""
    if m["past"]:
        target = PAST_WEEKDAYS[m["past"]]
        back = (today.weekday() - target) % 7 or 7
        day = today - timedelta(days=back)
    else:
        target = WEEKDAYS[m["day"]]
        ahead = (target - today.weekday()) % 7
        if m["mod"] in _LAST:
            day = today - timedelta(days=(today.weekday() - target) % 7 or 7)
        else:
            day = today + timedelta(days=ahead or (7 if m["mod"] in _NEXT else 0))
    return _atom(m, day, day)


def _season(m: re.Match[str], today: date, norm: str) -> Atom | None:
    word, modifier = m["season"], m["mod"]
    if word in AMBIGUOUS_SEASONS and not (modifier or m["year"]):
        return None
    if word == "var" and not (m["year"] or _ends_phrase(norm, m.end())):
        return None  # "i var kommun" is "in each municipality"
    if word == "var" and not m["mod"]:
        return None  # "vilka möten var 2023?": the verb, not "vår 2023"
    season, tense = SEASONS[word]
    explicit = int(m["year"]) if m["year"] else None
    year = explicit or (today.year + (season == "winter" and today.month == 12))
    first_month, last_month = SEASON_MONTHS[season]
    first = date(year - (first_month > last_month), first_month, 1)
    atom = _atom(m, first, _month_days(year, last_month)[1], yearless=explicit is None, tense=tense)
    return atom if explicit else _modified(atom, modifier, today)


def _ends_phrase(norm: str, position: int) -> bool:
    rest = norm[position:].split()
    return not rest or rest[0] in ("och", "eller", "and", "or", "-")


def _month(m: re.Match[str], today: date, norm: str) -> Atom | None:
    word, modifier = m["month"], m["mod"]
    if word in AMBIGUOUS_MONTHS and not (modifier or m["year"]):
        return None
    year = int(m["year"]) if m["year"] else today.year
    atom = _atom(m, *_month_days(year, MONTHS[word]), yearless=not m["year"])
    return atom if m["year"] else _modified(atom, modifier, today)


def _year(m: re.Match[str], today: date, norm: str) -> Atom | None:
    before = norm[: m.start()].split()[-1:]
    after = norm[m.end() :].split()[:1]
    if set(before) & NAMED_BEFORE_YEAR or set(after) & _AMOUNTS:
        return None  # "Agenda 2030", "2000 kronor"
    year = int(m[1])
    return _atom(m, date(year, 1, 1), date(year, 12, 31), whole_year=True)


def _grammar(pattern: str, build: Build) -> Grammar:
    return Grammar(re.compile(pattern), build)


GRAMMARS: tuple[Grammar, ...] = (
    _grammar(rf"\b(\d{{1,2}})\.(\d{{1,2}})\.({_YEAR})\b", _dotted_date),
    _grammar(rf"\b({_YEAR})-(0?[1-9]|1[0-2])\b(?![-/.]\d)", _year_month),
    _grammar(rf"\b({_YEAR})\s?[-/]\s?({_YEAR})\b", _year_range),
    _grammar(rf"\b({alternation(_RELATIVE_DAYS)})\b", _relative_day),
    _grammar(
        r"\b(?:senaste|past|last)\s(\w+)\s(dagarna|dagar|days|veckorna|veckor|weeks"
        r"|manaderna|manader|months|aren|years)\b",
        _rolling,
    ),
    _grammar(r"\b(?:senaste|past)\s()(dygnet|veckan|week|manaden|month|aret|year)\b", _rolling),
    _grammar(
        r"\bfor\s(?P<count>\w+)\s(?P<unit>ar|manader|manad|veckor|vecka|dagar|dag)\ssedan\b"
        r"|\b(?P<count_en>\w+)\s(?P<unit_en>years?|months?|weeks?|days?)\sago\b",
        _ago,
    ),
    _grammar(
        r"\b(?:efter|over|fran)\s(?:nyar|nyaret|arsskiftet)\b|\bi\sdet\snya\saret\b"
        r"|\b(?:in|after)\sthe\snew\syear\b|\bafter\snew\syear(?:s|\s?s)?\b",
        _new_year,
    ),
    _grammar(rf"\b(?:vecka|veckan|week|v)\.?\s?(\d{{1,2}})\b(?:\s({_YEAR})\b)?", _week_number),
    _grammar(
        rf"\bden\s(?P<day>[1-9]|[12]\d|3[01])(?::?e|:a)?\b(?!\s*(?:[-/.]\d|{alternation(MONTHS)}))"
        rf"|\bthe\s(?P<day_en>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)\b"
        rf"(?!\s*(?:of\s)?(?:{alternation(MONTHS)}))",
        _day_of_month,
    ),
    _grammar(
        r"\b(?P<mod>nasta|next|kommande|forra|last|previous|foregaende|denna|detta|den har"
        r"|this|i|innevarande|current|forrforra|nastnasta)\s"
        r"(?P<unit>veckan|vecka|week|manaden|manad|month|aret|ar|year)\b"
        r"|\b(?:i\s?(?P<fjol>forr)?fjol|(?P<fjolaret>forr)?fjolaret)\b"
        r"|\bthe\s(?P<unit_en>week|month|year)\s(?P<beyond>before\slast|after\snext)\b",
        _relative_unit,
    ),
    _grammar(
        r"\b(?:(?P<nth>forsta|andra|tredje|fjarde|first|second|third|fourth)\s"
        r"(?:(?:kvartalet|kvartal|quarter)|(?P<half>halvaret|halvar|half))"
        r"|q(?P<q>[1-4])|kvartal\s(?P<k>[1-4]))"
        rf"\b(?:\s(?:of\s|in\s|ar\s)?(?P<year>{_YEAR})\b)?",
        _quarter,
    ),
    _grammar(
        rf"\bi\s(?P<past>{alternation(PAST_WEEKDAYS)})\b"
        r"|\b(?P<mod>nu pa|pa|on|this|denna|kommande|nasta|next|forra|last)\s"
        rf"(?P<day>{alternation(WEEKDAYS)})(?:en)?\b",
        _weekday,
    ),
    _grammar(
        rf"\b(?:(?P<mod>{_MODS})\s)?(?:the\s)?(?P<season>{alternation(SEASONS)})\b"
        rf"(?:\s(?:of\s)?(?P<year>{_YEAR})\b)?",
        _season,
    ),
    _grammar(
        rf"\b(?:(?P<mod>{_MODS})\s)?(?P<month>{alternation(MONTHS)})\b(?:\s(?P<year>{_YEAR})\b)?",
        _month,
    ),
    _grammar(rf"\b({_YEAR})\b", _year),
)
