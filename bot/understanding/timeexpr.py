"""When a question is about: one day or a span of days, relative to `today`.

Dates as minutes write them ("29 maj 2026", "2023-09-08", "20 September 2024",
"29/5") are read by `storage.parsing.dates.find_whens`; this module adds what only
questions say: months and seasons without a day ("i mars", "hösten 2020"),
years, weeks, quarters, "igår", "nästa månad", "förra året", "i fredags", and
ranges ("mellan januari och mars", "2020-2022").

A date without a year leans on the question's tense: "vem var med på mötet i maj"
in February means last May, "när är mötet i maj" this May.

Example:
    >>> words = read_words("När har chefsgrupp folkhälsa möten hösten 2020?")
    >>> read_time(words, today=date(2026, 1, 5)).resolve(date(2026, 1, 5))
    (None, Period(start=datetime.date(2020, 8, 1), end=datetime.date(2020, 12, 31)))
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from bot.understanding.query import EARLIEST, LATEST, Period
from bot.understanding.text import Words, read_words
from bot.understanding.timegrammar import GRAMMARS, Atom, shift_years
from bot.understanding.timewords import NAMED_BEFORE_YEAR, alternation
from storage.parsing.dates import find_whens

_YEAR_WRITTEN = re.compile(r"(?:19|20)\d\d")
_LOWER_MAY = re.compile(r"(?<=\d )may\b|\bmay(?= \d)")
_CLOCK = re.compile(
    r"\b(?:kl|klockan)\.?\s?\d{1,2}(?:[.:]\d{2})?(?:\s?-\s?\d{1,2}(?:[.:]\d{2})?)?\b"
    r"|\b\d{1,2}[:]\d{2}\b"
)
_NAMED_YEAR = re.compile(rf"\b(?:{alternation(NAMED_BEFORE_YEAR)})\s(?:19|20)\d\d\b")
_RANGE_JOIN = re.compile(r"-|till|to|until|tom|t\.o\.m|till och med|through|thru")
_PAIR_JOIN = re.compile(r"och|and")
_RANGE_OPEN = re.compile(r"\b(?:mellan|between|fran|from)\s$")
_SINCE = re.compile(r"\b(?:sedan|since|fr\.o\.m|fran och med)\s$")
# "före 2023", "mötet innan 8 september", "efter mötet 2023-09-08": the days before or after
_BOUND_MEETING = r"(?:(?:motet|sammantradet)\s(?:den\s)?|(?:the\s)?meeting\s(?:on\s|of\s)?)?"
_BOUND = {
    "before": re.compile(
        rf"\b(?:fore|innan|before|prior to|earlier than|tidigare an)\s{_BOUND_MEETING}$"
    ),
    "after": re.compile(rf"\b(?:efter|after|later than|senare an)\s{_BOUND_MEETING}$"),
}

__all__ = ["TimeReading", "read_time", "read_words"]


@dataclass(frozen=True)
class TimeReading:
    """The time phrase a question uses, before its tense has placed a missing year.

    `used` holds the token indices of every time phrase (and clock time) read.
    """

    atom: Atom | None
    used: frozenset[int]
    names: frozenset[int] = frozenset()  # a year in a name: "Agenda 2030"

    def resolve(self, today: date, lean: str | None = None) -> tuple[date | None, Period | None]:
        """(day, None) or (None, span); `lean` ("past"/"future"/"nearest") places a date
        written without a year."""
        if self.atom is None:
            return None, None
        if self.atom.since:
            lean = "past"
        elif self.atom.bound is not None and lean == "future":
            lean = "nearest"  # "nästa möte efter 6 november" (on 22 November): this year's
        atom = _place(self.atom, today, lean)
        if atom.since:
            atom = replace(atom, last=max(today, atom.last))
        # (kept within the open ends: "före 1900" is no span ending before it begins)
        if atom.bound == "before":
            return None, Period(EARLIEST, max(EARLIEST, atom.first - timedelta(days=1)))
        if atom.bound == "after":
            return None, Period(min(LATEST, atom.last + timedelta(days=1)), LATEST)
        if atom.first == atom.last:
            return atom.first, None
        return None, Period(atom.first, atom.last)


def read_time(words: Words, *, today: date) -> TimeReading:
    """The first time phrase in a question (ranges joined, a lone year applied)."""
    atoms, claimed = _explicit_dates(words, today)
    for grammar in GRAMMARS:
        for match in grammar.pattern.finditer(words.norm):
            if _overlaps(match.span(), claimed):
                continue
            atom = grammar.build(match, today, words.norm)
            if atom is not None:
                atoms.append(atom)
                claimed.append(match.span())
    used = {i for s, e in claimed for i in words.tokens_in(s, e)}
    used |= {i for m in _CLOCK.finditer(words.norm) for i in words.tokens_in(*m.span())}
    names = frozenset(
        i for m in _NAMED_YEAR.finditer(words.norm) for i in words.tokens_in(*m.span())
    )
    if not atoms:
        return TimeReading(None, frozenset(used), names)
    atoms = _apply_year(_merge_ranges(sorted(atoms, key=lambda a: a.start), words.norm))
    chosen = _bounded(_since(atoms[0], words.norm), words.norm)
    if chosen.bound is not None and len(atoms) > 1:
        chosen = _between(chosen, _bounded(atoms[1], words.norm))
    used |= set(words.tokens_in(chosen.start, chosen.end))
    return TimeReading(chosen, frozenset(used), names)


def _explicit_dates(words: Words, today: date) -> tuple[list[Atom], list[tuple[int, int]]]:
    """Days as minutes write them, as atoms over `norm`."""
    # The shared grammar reads lower-case "may" as the English verb; beside a number
    # in a question it is the month.
    text = _LOWER_MAY.sub("May", words.text)
    atoms: list[Atom] = []
    for start, end, when in find_whens(text, reference=today):
        tokens = words.tokens_at(start, end)
        if not tokens:
            continue
        span = (
            words.offsets[tokens[0]],
            words.offsets[tokens[-1]] + len(words.tokens[tokens[-1]].key),
        )
        first = when.start.date()
        last = when.end.date() if when.end else first
        yearless = _YEAR_WRITTEN.search(text, start, end) is None
        atoms.append(Atom(span[0], span[1], first, max(first, last), yearless=yearless))
    return atoms, [(a.start, a.end) for a in atoms]


def _overlaps(span: tuple[int, int], claimed: list[tuple[int, int]]) -> bool:
    return any(span[0] < end and span[1] > start for start, end in claimed)


def _merge_ranges(atoms: list[Atom], norm: str) -> list[Atom]:
    """Join "mellan januari och mars", "från mars till maj", "januari - mars 2024"."""
    merged: list[Atom] = []
    for atom in atoms:
        if merged and _joined(merged[-1], atom, norm):
            merged[-1] = _span(merged[-1], atom, norm)
        else:
            merged.append(atom)
    return merged


def _joined(first: Atom, second: Atom, norm: str) -> bool:
    between = norm[first.end : second.start].strip()
    if _RANGE_JOIN.fullmatch(between):
        return True
    return bool(_PAIR_JOIN.fullmatch(between) and _RANGE_OPEN.search(norm, 0, first.start))


def _span(first: Atom, second: Atom, norm: str) -> Atom:
    """One atom from the first's start to the second's end, sharing a written year."""
    if first.yearless and not second.yearless:
        first = shift_years(first, second.first.year - first.first.year)
        if first.first > second.last:
            first = shift_years(first, -1)
    elif second.yearless and not first.yearless:
        second = shift_years(second, first.first.year - second.first.year)
    if second.last < first.first and second.yearless:
        second = shift_years(second, 1)  # "december till februari": the February after
    opening = _RANGE_OPEN.search(norm, 0, first.start)
    start = opening.start() if opening else first.start
    yearless = first.yearless and second.yearless
    # written backwards ("2023-09-08 till 2020"): the days between, in order
    low, high = min(first.first, second.first), max(first.last, second.last)
    return Atom(start, second.end, low, high, yearless=yearless, tense=first.tense)


def _apply_year(atoms: list[Atom]) -> list[Atom]:
    """ "i september 2023" said as "2023 ... i september": the year places the month."""
    years = [a for a in atoms if a.whole_year]
    placeable = [a for a in atoms if a.yearless and not a.whole_year]
    if len(years) != 1 or not placeable:
        return atoms
    year = years[0]
    placed = [
        shift_years(a, year.first.year - a.first.year) if a in placeable else a for a in atoms
    ]
    return [replace(a, yearless=False) for a in placed if a is not year]


def _place(atom: Atom, today: date, lean: str | None) -> Atom:
    """A yearless atom moved to the year the tense points at."""
    tense = atom.tense or lean
    if not atom.yearless or tense is None:
        return atom
    if tense == "past" and atom.first > today:
        return shift_years(atom, -1)
    if tense == "future" and atom.last < today:
        return shift_years(atom, 1)
    if tense == "nearest":
        return min(
            (atom, shift_years(atom, 1), shift_years(atom, -1)),
            key=lambda a: days_away(a.first, a.last, today),
        )
    return atom


def days_away(first: date, last: date, today: date) -> int:
    """Days between today and the span [first, last] (0 inside it).

    >>> days_away(date(2026, 3, 1), date(2026, 3, 31), date(2026, 4, 10))
    10
    """
    if last < today:
        return (today - last).days
    return max(0, (first - today).days)


def _since(atom: Atom, norm: str) -> Atom:
    """ "sedan mars": from the atom's start until today (or its end, if later)."""
    opening = _SINCE.search(norm, max(0, atom.start - 20), atom.start)
    if opening is None or opening.end() != atom.start:
        return atom
    return replace(atom, start=opening.start(), since=True)


def _between(first: Atom, second: Atom) -> Atom:
    """ "efter 2022-10-14 och före 2023-09-08": the days between (each with its year
    written); else the first alone."""
    bounds = {first.bound: first, second.bound: second}
    after, before = bounds.get("after"), bounds.get("before")
    if after is None or before is None or after.yearless or before.yearless:
        return first
    last_day = before.first - timedelta(days=1)
    if last_day <= after.last:
        return first
    start, end = min(first.start, second.start), max(first.end, second.end)
    return Atom(start, end, after.last + timedelta(days=1), last_day)


def _bounded(atom: Atom, norm: str) -> Atom:
    """ "före 2023", "innan 8 september": the days before the atom's; "efter …" those
    after it (a span open on the other side, see `TimeReading.resolve`)."""
    if atom.since:
        return atom
    for bound, opening in _BOUND.items():
        found = opening.search(norm, max(0, atom.start - 40), atom.start)
        if found is not None and found.end() == atom.start:
            return replace(atom, start=found.start(), bound=bound)
    return atom
