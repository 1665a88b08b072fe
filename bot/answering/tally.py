"""Attendance counted over meetings: "vem har varit frånvarande flest gånger?",
"hur många möten har Linnea Hedkvist deltagit i?", "how often was Kumla absent?",
"vilka kommuner har saknats oftast?".

Counted over the meetings of the group and period asked whose minutes list who
attended (see storage.queries.tally). Absent is what a list says (struck, "anmält
förhinder"); someone a list leaves out is counted as not listed, not as absent.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TypeVar

from sqlalchemy.orm import Session

from bot.answering.attendance import in_role, listed_fact, name_with_org
from bot.answering.facts import day_bounds, groups_text, role_word
from bot.answering.format import day, join, pick, span
from bot.answering.written import earlier, written_by
from bot.answers import Answer, AskContext, Source
from bot.understanding.query import Period, Query
from storage.queries import AttendanceView
from storage.queries.people import person_ids
from storage.queries.people_rows import groups_of
from storage.queries.tally import (
    Counted,
    listings_at,
    listings_of_people,
    listings_of_place,
    meetings_with_lists,
    people_counts,
)
from storage.registry import MUNICIPALITIES, fold, kommun_name

K = TypeVar("K", bound=Hashable)

# "vilka kommuner har saknats oftast?", "which municipality has missed the most meetings?"
MUNICIPALITIES_COUNTED = re.compile(
    r"\b(?:vilk(?:en|a) kommun\w*|kommunerna|municipalities|(?:which|what) municipalit\w*)\b"
)
# "hur många brukar vara med?", "how many attend on average?": present per meeting
AVERAGE = re.compile(
    r"\b(?:i snitt|i genomsnitt|genomsnitt\w*|brukar|usually|on average|average)\b"
)
# "vem har varit med minst antal gånger?", "who attended the fewest meetings?"
FEWEST = re.compile(r"\b(?:minst|farst|fewest|least|sallan|sallast)\b")
SHOWN = 5  # people a ranking names (more when they tie with the last of them)
DAYS_SHOWN = 4  # days named after a count, the newest
PERSON_DAYS = 12  # a person's days present, the newest ("vilka möten har X varit med på?")
SOURCES_SHOWN = 10  # the newest minutes counted, as sources


@dataclass(frozen=True)
class Scope:
    """The meetings counted, and how the question bounded them."""

    counted: Counted
    groups: tuple[str, ...]
    period: Period | None
    start: datetime | None = None  # the bounds counted within (`period`, up to now)
    end: datetime | None = None

    def said(self, lang: str) -> str:
        """ "5 möten med närvarolista i Chefsgrupp folkhälsa (2020–2026)"."""
        n = len(self.counted.meetings)
        text = pick(
            lang,
            f"{n} {'möte' if n == 1 else 'möten'} med närvarolista",
            f"{n} {'meeting' if n == 1 else 'meetings'} with an attendance list",
        )
        if len(self.groups) > 2:  # a person's groups: how many
            text += pick(lang, f" i {len(self.groups)} grupper", f" of {len(self.groups)} groups")
        elif self.groups:
            text += pick(lang, " i ", " of ") + groups_text(self.groups, lang)
        if self.period is not None:
            text += " " + span(self.period.start, self.period.end, lang)
        elif self.counted.meetings:
            first, last = self.counted.meetings[-1][1].year, self.counted.meetings[0][1].year
            text += f" ({first})" if first == last else f" ({first}–{last})"
        if self.counted.total > n:
            text += pick(
                lang,
                f", de senaste av {self.counted.total}",
                f", the newest of {self.counted.total}",
            )
        return text


def answer_tally(session: Session, query: Query, context: AskContext) -> Answer:
    groups = (query.group,) if query.group else ()
    start, end = day_bounds(query.period.start, query.period.end) if query.period else (None, None)
    written = written_by(session, context.now)
    end = earlier(end, written)
    counted = meetings_with_lists(session, groups=groups, start=start, end=end)
    scope = Scope(counted, groups, query.period, start, end)
    lang = query.language
    if not scope.counted.meetings:
        text = pick(
            lang,
            "Jag hittar inga protokoll med närvarolista",
            "I find no minutes with an attendance list",
        )
        if groups:
            text += pick(lang, " för ", " for ") + groups_text(groups, lang)
        text += " " + span(query.period.start, query.period.end, lang) if query.period else ""
        text += "."
        # a period with none: where the lists there are lie
        every = meetings_with_lists(session, groups=groups, end=written) if query.period else None
        if every is not None and every.meetings:
            first, last = every.meetings[-1][1], every.meetings[0][1]
            text += " " + pick(
                lang,
                f"Närvarolistor finns från {day(first, lang)} till {day(last, lang)} "
                f"({every.total} möten).",
                f"Attendance lists run from {day(first, lang)} to {day(last, lang)} "
                f"({every.total} meetings).",
            )
        return Answer("attendance", text, language=lang, found=False)
    if query.person:
        return _person(session, query, scope)
    if query.municipality or query.organization:
        return _place(session, query, scope)
    if MUNICIPALITIES_COUNTED.search(fold(query.raw)):
        return _municipalities(session, query, scope)
    if AVERAGE.search(fold(query.raw)) and query.role is None:
        return _average(session, query, scope)
    return _ranking(session, query, scope)


def _person(session: Session, query: Query, scope: Scope) -> Answer:
    """How many of the meetings one person was listed at, present or absent."""
    lang = query.language
    people = person_ids(session, str(query.person))
    listed = listings_of_people(session, scope.counted, people)
    if listed and not scope.groups:  # counted over the groups the person is listed in
        every = scope.counted.total == len(scope.counted.meetings)  # all were counted
        groups = tuple(sorted(groups_of(session, listed)))
        counted = meetings_with_lists(session, groups=groups, start=scope.start, end=scope.end)
        scope = Scope(counted, groups, scope.period, scope.start, scope.end)
        if every:  # the person's listings at these meetings are among those read
            ids = set(counted.ids)
            listed = [v for v in listed if v.meeting_id in ids]
        else:
            listed = listings_of_people(session, scope.counted, people)
    if not listed:
        text = pick(
            lang,
            f"{query.person} finns inte med i närvarolistorna från {scope.said(lang)}.",
            f"{query.person} is not on the attendance lists of {scope.said(lang)}.",
        )
        return _answer(query, text, [], _sources(scope.counted.meetings), found=False)
    if query.role:  # "hur många gånger har Ingmar Ångman varit ordförande?"
        return _person_in_role(query, scope, listed)
    there = _present_at(listed)
    present = [d for m, d, _ in scope.counted.meetings if there.get(m) is True]
    absent = [d for m, d, _ in scope.counted.meetings if there.get(m) is False]
    n = len(scope.counted.meetings)
    lines = [
        pick(
            lang,
            f"{name_with_org(listed[0], lang)} var närvarande vid {len(present)} av "
            f"{scope.said(lang)}",
            f"{name_with_org(listed[0], lang)} was present at {len(present)} of the "
            f"{scope.said(lang)}",
        )
        + _days(present, lang, listed=True, most=PERSON_DAYS)
        + "."
    ]
    if absent:
        lines.append(
            pick(
                lang,
                f"Frånvarande {_times(len(absent), lang)}",
                f"Absent {_times(len(absent), lang)}",
            )
            + _days(absent, lang, listed=True)
            + "."
        )
    if n - len(present) - len(absent):
        lines.append(
            pick(
                lang,
                f"Inte med i listan vid {n - len(present) - len(absent)} av dem.",
                f"Not on the list at {n - len(present) - len(absent)} of them.",
            )
        )
    sources = _sources([m for m in scope.counted.meetings if m[0] in there])
    return _answer(query, "\n".join(lines), listed, sources)


def _place(session: Session, query: Query, scope: Scope) -> Answer:
    """At how many of the meetings a municipality or organisation had someone present."""
    lang = query.language
    whom = kommun_name(query.municipality) if query.municipality else str(query.organization)
    listed = listings_of_place(
        session,
        scope.counted,
        municipality=query.municipality,
        organization=None if query.municipality else query.organization,
    )
    there = _present_at(listed)
    present = [d for m, d, _ in scope.counted.meetings if there.get(m) is True]
    missing = [
        day(d, lang) + (pick(lang, " (anmäld frånvaro)", " (sent apologies)") if m in there else "")
        for m, d, _ in scope.counted.meetings
        if there.get(m) is not True
    ]
    lines = [
        pick(
            lang,
            f"{whom} hade någon närvarande vid {len(present)} av {scope.said(lang)}.",
            f"{whom} had someone present at {len(present)} of the {scope.said(lang)}.",
        )
    ]
    if missing:
        shown = ", ".join(missing[:DAYS_SHOWN]) + (", …" if len(missing) > DAYS_SHOWN else "")
        lines.append(
            pick(
                lang,
                f"Ingen närvarande vid {len(missing)}: ",
                f"Nobody present at {len(missing)}: ",
            )
            + shown
            + "."
        )
        if query.absent:  # "hur ofta har Kumla saknats?": that first
            lines.reverse()
    sources = _sources([m for m in scope.counted.meetings if m[0] in there])
    return _answer(query, "\n".join(lines), [v for v in listed if v.present], sources)


def _municipalities(session: Session, query: Query, scope: Scope) -> Answer:
    """Each municipality: at how many of the meetings someone of theirs was present."""
    lang = query.language
    there = _present(
        listings_at(session, scope.counted), lambda v: v.municipality, lambda v: v.meeting_id
    )
    n = len(scope.counted.meetings)
    fewest = query.absent or FEWEST.search(fold(query.raw)) is not None
    ranked = sorted(MUNICIPALITIES, key=lambda m: len(there[m]) if fewest else -len(there[m]))
    lines = [
        pick(
            lang,
            f"Kommunernas närvaro vid {scope.said(lang)}"
            + (", de som saknades oftast först:" if fewest else ":"),
            f"The municipalities at the {scope.said(lang)}"
            + (", those missing most often first:" if fewest else ":"),
        )
    ]
    for municipality in ranked:
        missing = [d for m, d, _ in scope.counted.meetings if m not in there[municipality]]
        line = f"- {kommun_name(municipality)}: {len(there[municipality])} {pick(lang, 'av', 'of')} {n}"
        if missing and len(missing) <= DAYS_SHOWN and len(missing) < n:
            line += (
                pick(lang, " (saknades ", " (missing ")
                + join([day(d, lang) for d in missing], lang)
                + ")"
            )
        lines.append(line)
    return _answer(query, "\n".join(lines), [], _sources(scope.counted.meetings))


def _average(session: Session, query: Query, scope: Scope) -> Answer:
    """How many are present at a meeting, on average, with the fewest and the most."""
    lang = query.language
    there = _present(
        listings_at(session, scope.counted), lambda v: v.meeting_id, lambda v: v.person_id
    )
    days = {m: d for m, d, _ in scope.counted.meetings}
    counts = {m: len(there[m]) for m in scope.counted.ids}
    mean = sum(counts.values()) / len(counts)
    fewest = min(counts, key=lambda m: (counts[m], days[m]))
    most = max(counts, key=lambda m: (counts[m], days[m]))
    said = f"{mean:.1f}".replace(".", ",") if lang == "sv" else f"{mean:.1f}"
    text = pick(
        lang,
        f"I snitt {said} närvarande per möte, vid {scope.said(lang)}.",
        f"On average {said} present per meeting, at the {scope.said(lang)}.",
    )
    if len(counts) > 1:
        text += pick(
            lang,
            f" Flest {counts[most]} ({day(days[most], lang)}), "
            f"färst {counts[fewest]} ({day(days[fewest], lang)}).",
            f" Most {counts[most]} ({day(days[most], lang)}), "
            f"fewest {counts[fewest]} ({day(days[fewest], lang)}).",
        )
    return _answer(query, text, [], _sources(scope.counted.meetings))


def _ranking(session: Session, query: Query, scope: Scope) -> Answer:
    """The people present (or absent) at the most meetings, ties with the last shown."""
    lang = query.language
    fewest = FEWEST.search(fold(query.raw)) is not None
    score: dict[int, int]
    if query.role:  # "vem har varit ordförande flest gånger?": the meetings in that role
        seated = _present(
            in_role(listings_at(session, scope.counted), query.role),
            lambda v: v.person_id,
            lambda v: v.meeting_id,
        )
        score = {person: len(meetings) for person, meetings in seated.items()}
    else:
        counts = people_counts(session, scope.counted)
        missed = {c.person_id: c.listed - c.present for c in counts}
        there = {c.person_id: c.present for c in counts}
        score = {p: n for p, n in (missed if query.absent else there).items() if n}
    if not score and query.role:
        text = pick(
            lang,
            f"Ingen står som {query.role} i listorna från {scope.said(lang)}.",
            f"Nobody is listed as {role_word(query.role, lang)} at the {scope.said(lang)}.",
        )
        return _answer(query, text, [], _sources(scope.counted.meetings), found=False)
    if not score:
        text = pick(
            lang,
            f"Ingen är antecknad som {'frånvarande' if query.absent else 'närvarande'} vid "
            f"{scope.said(lang)}.",
            f"Nobody is noted as {'absent' if query.absent else 'present'} at the "
            f"{scope.said(lang)}.",
        )
        return _answer(query, text, [], _sources(scope.counted.meetings))
    ordered = sorted(score, key=lambda p: (score[p] if fewest else -score[p], p))
    last = score[ordered[min(SHOWN, len(ordered)) - 1]]
    chosen = [p for p in ordered if (score[p] >= last if not fewest else score[p] <= last)]
    listed = listings_of_people(session, scope.counted, chosen)
    newest: dict[int, AttendanceView] = {}
    days: dict[int, list[date]] = defaultdict(list)
    roles = in_role(listed, query.role) if query.role else listed
    for view in roles:  # newest first
        newest.setdefault(view.person_id, view)
        if view.present != query.absent and view.meeting_date not in days[view.person_id]:
            days[view.person_id].append(view.meeting_date)
    n = len(scope.counted.meetings)
    if query.role:
        said = role_word(query.role, lang)
        head = pick(
            lang,
            f"{said.capitalize()} {'minst' if fewest else 'flest'} gånger, vid {scope.said(lang)}:",
            f"{said.capitalize()} {'fewest times' if fewest else 'most often'}, at the "
            f"{scope.said(lang)}:",
        )
    elif query.absent:
        head = pick(
            lang,
            f"{'Minst' if fewest else 'Flest'} gånger frånvarande, vid {scope.said(lang)}:",
            f"{'Fewest' if fewest else 'Most'} times absent, at the {scope.said(lang)}:",
        )
    else:
        head = pick(
            lang,
            f"Närvarande vid {'minst' if fewest else 'flest'} av {scope.said(lang)}:",
            f"Present at the {'fewest' if fewest else 'most'} of the {scope.said(lang)}:",
        )
    lines = [head]
    # ties by name, as a reader looks them up
    shown = sorted(
        (newest[p] for p in chosen if p in newest),
        key=lambda v: (score[v.person_id] if fewest else -score[v.person_id], v.name),
    )
    if len(shown) > 2 * SHOWN:  # many alike ("1 av 1"): the first, and how many more
        shown = shown[:SHOWN]
    for view in shown:
        lines.append(
            f"- {name_with_org(view, lang)}: {_count(score[view.person_id], n, query, lang)}"
            + ("" if score[view.person_id] == n else _days(days[view.person_id], lang))
        )
    if len(chosen) > len(shown):
        more = len(chosen) - len(shown)
        lines.append(
            pick(lang, f"… och {more} till med ", f"… and {more} more with ")
            + _count(last, n, query, lang)
            + "."
        )
    sources = _sources(
        [m for m in scope.counted.meetings if any(m[0] == v.meeting_id for v in listed)]
    )
    return _answer(query, "\n".join(lines), shown, sources)


def _count(score: int, n: int, query: Query, lang: str) -> str:
    return f"{score}" if query.absent or query.role else f"{score} {pick(lang, 'av', 'of')} {n}"


def _person_in_role(query: Query, scope: Scope, listed: Sequence[AttendanceView]) -> Answer:
    """At how many of the meetings a person was listed in a role ("ordförande")."""
    lang = query.language
    role = str(query.role)
    seated = [v for v in in_role(listed, role) if v.present]
    meetings = {v.meeting_id for v in seated}
    days = [d for m, d, _ in scope.counted.meetings if m in meetings]
    said = role_word(role, lang)
    text = (
        pick(
            lang,
            f"{name_with_org(listed[0], lang)} var {said} vid {len(days)} av {scope.said(lang)}",
            f"{name_with_org(listed[0], lang)} was {said} at {len(days)} of the {scope.said(lang)}",
        )
        + _days(days, lang, listed=True, most=PERSON_DAYS)
        + "."
    )
    sources = _sources([m for m in scope.counted.meetings if m[0] in meetings])
    return _answer(query, text, seated, sources)


def _present(
    views: Sequence[AttendanceView],
    key: Callable[[AttendanceView], K | None],
    value: Callable[[AttendanceView], int],
) -> defaultdict[K, set[int]]:
    """The listings present, grouped by `key` (those without one aside): the `value`s
    (people, meetings) of each."""
    found: defaultdict[K, set[int]] = defaultdict(set)
    for view in views:
        if view.present and (k := key(view)) is not None:
            found[k].add(value(view))
    return found


def _present_at(listed: Sequence[AttendanceView]) -> dict[int, bool]:
    """Per meeting listing any of them: whether any of them was present."""
    there: dict[int, bool] = {}
    for view in listed:
        there[view.meeting_id] = there.get(view.meeting_id, False) or view.present
    return there


def _days(days: Sequence[date], lang: str, *, listed: bool = False, most: int = DAYS_SHOWN) -> str:
    """ " (fredag 29 maj 2026 och …)", or after a colon when `listed`: `days` (newest
    first) when they are few; of more, the newest `most` when `listed`."""
    if not days or (len(days) > most and not listed):
        return ""
    said = [day(d, lang) for d in days[:most]]
    text = join(said, lang) if len(days) <= most else ", ".join(said) + ", …"
    return f": {text}" if listed else f" ({text})"


def _times(n: int, lang: str) -> str:
    return pick(lang, f"{n} {'gång' if n == 1 else 'gånger'}", "once" if n == 1 else f"{n} times")


def _sources(meetings: Sequence[tuple[int, date, str]]) -> list[Source]:
    return [Source(document, d.isoformat(), None) for _, d, document in meetings[:SOURCES_SHOWN]]


def _answer(
    query: Query,
    text: str,
    people: Sequence[AttendanceView],
    sources: list[Source],
    *,
    found: bool = True,
) -> Answer:
    if found and sources:
        text += (
            "\n"
            + pick(query.language, "Källa: ", "Source: ")
            + ", ".join(dict.fromkeys(s.document for s in sources))
        )
    return Answer(
        "attendance",
        text,
        people=[listed_fact(v, ()) for v in people],
        sources=sources,
        language=query.language,
        found=found,
    )
