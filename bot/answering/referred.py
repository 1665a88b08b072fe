"""Questions postponed to a coming meeting: what its agenda will hold before its
minutes are written ("vad ska vi ta upp på nästa möte?").

A postponed decision says where its question went in words: "Beslut under höstens
sista möte", "Ny diskussion i augusti månads möte", "till nästa möte". Those words
are read as a span of the group's meetings and which of them ("höstens sista möte":
the last of the autumn's), and the group's schedule says which meeting that is. A
question referred to another body ("kommande AU i juni") or already decided later
is not on the meeting's agenda; one referred to a span the meeting lies in
("under hösten") may be, and is said so.

    >>> target("höstens sista möte", date(2026, 5, 29), ())
    Target(first=datetime.date(2026, 8, 1), last=datetime.date(2026, 12, 31), which='last')
    >>> target("kommande AU i juni månad", date(2026, 5, 29), ()) is None
    True
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy.orm import Session

from bot.answering.facts import day_bounds, decision_fact, decision_source, groups_text
from bot.answering.format import day, pick
from bot.answers import SOURCE_LINES, Answer
from bot.understanding.facets import which_meeting
from bot.understanding.timewords import AMBIGUOUS_SEASONS, MONTHS, SEASON_MONTHS, SEASONS
from storage.queries import DecisionView, MeetingView, decisions, meetings_between
from storage.registry import fold, group_in

# How far back a meeting's referred questions are looked for, and how far ahead "nästa
# möte" reaches: the follow-up span of a postponed question (decisions.FOLLOW_UP).
FOLLOW_SPAN = timedelta(days=366)
REFERRED_READ = 40  # the newest postponed decisions of a group looked at, at most

# Bodies other than the group itself: a question referred there leaves the group.
_ELSEWHERE = re.compile(
    r"\b(?:au|arbetsutskott\w*|styrgrupp\w*|ledningsgrupp\w*|namnd\w*|styrelse\w*|kommunstyrelse\w*"
    r"|working committee|steering group|board)\b"
)
# "hösten", "höstens", "spring": the season a referral names (not "var", "fall", "host")
_SEASON_WORDS = {
    form: season
    for word, (season, _) in SEASONS.items()
    if word not in AMBIGUOUS_SEASONS
    for form in (word, f"{word}s")
}
# Month names written out (a short form, "jun", may be a word or a name).
_MONTH_WORDS = {word: number for word, number in MONTHS.items() if len(word) > 4 or word == "maj"}


@dataclass(frozen=True)
class Target:
    """The days a referral names and which of the group's meetings then: "first",
    "last" or "any" (a span only: "under hösten")."""

    first: date
    last: date
    which: str


def target(referred: str, decided: date, groups: Sequence[str]) -> Target | None:
    """Where `referred` (a postponed decision's "hänskjuts till …" words, decided on
    `decided` by `groups`) sends the question among the group's own meetings; None
    for another body or words that name no time."""
    norm = " ".join(re.findall(r"\w+", fold(referred.lower())))
    named = group_in(referred)
    if (named is not None and named not in groups) or (named is None and _ELSEWHERE.search(norm)):
        return None
    words = norm.split()
    named_meeting = which_meeting(norm)  # "nästa möte", "höstens sista möte"
    which = "any" if named_meeting is None else "last" if named_meeting == "last" else "first"
    month = next((_MONTH_WORDS[w] for w in words if w in _MONTH_WORDS), None)
    if month is not None:  # "augusti månads möte": the month's (first) meeting after
        first, last = _month(month, decided.year)
        if last <= decided:
            first, last = _month(month, decided.year + 1)
        return Target(
            max(first, decided + timedelta(days=1)), last, "last" if which == "last" else "first"
        )
    season = next((_SEASON_WORDS[w] for w in words if w in _SEASON_WORDS), None)
    if season is not None:
        first, last = _season(season, decided.year)
        if last <= decided:  # that season is over this year: the next
            first, last = _season(season, decided.year + 1)
        return Target(max(first, decided + timedelta(days=1)), last, which)
    if named_meeting == "next":
        return Target(decided + timedelta(days=1), decided + FOLLOW_SPAN, "first")
    return None


def _month(month: int, year: int) -> tuple[date, date]:
    following = date(year + month // 12, month % 12 + 1, 1)
    return date(year, month, 1), following - timedelta(days=1)


def _season(season: str, year: int) -> tuple[date, date]:
    """A season's first and last day; winter runs from December into the next year."""
    begins, ends = SEASON_MONTHS[season]
    last_year = year + 1 if begins > ends else year
    last = date(last_year + ends // 12, ends % 12 + 1, 1) - timedelta(days=1)
    return date(year, begins, 1), last


@dataclass(frozen=True)
class Referred:
    """A question postponed to a meeting: `exact` when the words name that meeting
    ("höstens sista möte" and it is the autumn's last), else to a span it lies in."""

    decision: DecisionView
    exact: bool


def referred_to(
    session: Session,
    meeting: MeetingView,
    now: datetime,
    still_open: Callable[[DecisionView], bool],
) -> list[Referred]:
    """The postponed questions of `meeting`'s groups, in the year before it and in
    minutes written by `now`, that are referred to it and not decided since
    (`still_open`)."""
    start = min(meeting.start, now)
    found: list[Referred] = []
    seen: set[tuple[date, str, str]] = set()
    for group in meeting.groups:
        postponed = decisions(
            session,
            group=group,
            start=start - FOLLOW_SPAN,
            end=start,
            kind="postponed",
            limit=REFERRED_READ,
        )
        for view in postponed:
            key = (view.meeting_date, view.item_number, view.text)
            if key in seen or not view.referred_to:
                continue
            aim = target(view.referred_to, view.meeting_date, view.groups)
            exact = aim is not None and _names(session, aim, group, meeting)
            if aim is None or not (exact or _within(aim, meeting)):
                continue
            if still_open(view):
                seen.add(key)
                found.append(Referred(view, exact))
    return sorted(found, key=lambda r: (not r.exact, r.decision.meeting_date))


def _names(session: Session, aim: Target, group: str, meeting: MeetingView) -> bool:
    """Whether the meeting is the one of the group's meetings `aim` names."""
    chosen = _aimed_at(session, aim, group)
    return chosen is not None and chosen.start == meeting.start


def _aimed_at(session: Session, aim: Target, group: str) -> MeetingView | None:
    """The one of the group's meetings (not cancelled) `aim` names: None for a span."""
    if aim.which == "any":
        return None
    start, end = day_bounds(aim.first, aim.last)
    held = [
        m for m in meetings_between(session, start, end, group=group) if m.status != "cancelled"
    ]
    if not held:
        return None
    return held[-1] if aim.which == "last" else held[0]


def planned_for(session: Session, view: DecisionView, now: datetime) -> MeetingView | None:
    """The coming meeting of its group that a postponed question is referred to by the
    schedule ("höstens sista möte": 11 December 2026), if the words name one."""
    if not view.referred_to or not view.groups:
        return None
    aim = target(view.referred_to, view.meeting_date, view.groups)
    if aim is None or aim.which == "any" or aim.last < now.date():
        return None
    chosen = _aimed_at(session, aim, view.groups[0])
    return chosen if chosen is not None and chosen.start >= now else None


def planned_line(view: DecisionView, meeting: MeetingView, lang: str) -> str:
    """ "Höstens sista möte är enligt mötesplanen fredag 11 december 2026." """
    referred = view.referred_to or ""
    return pick(
        lang,
        f"{referred[:1].upper()}{referred[1:]} är enligt mötesplanen {day(meeting.day, lang)}.",
        f"By the schedule, {referred} is on {day(meeting.day, lang)}.",
    )


def _within(aim: Target, meeting: MeetingView) -> bool:
    return aim.which == "any" and aim.first <= meeting.day <= aim.last


def with_referred(answer: Answer, found: Sequence[Referred], lang: str) -> Answer:
    """`answer` (a coming meeting's "not known yet") with the questions referred to it."""
    if not found:
        return answer
    lines = answer.text.splitlines()
    source_line = lines.pop() if lines and lines[-1].startswith(SOURCE_LINES) else None
    for exact in (True, False):
        shown = [r.decision for r in found if r.exact == exact]
        if not shown:
            continue
        lines.append(
            pick(lang, "Frågor uppskjutna till detta möte:", "Questions postponed to this meeting:")
            if exact
            else pick(
                lang,
                "Frågor uppskjutna till en period som mötet ligger i:",
                "Questions postponed to a period this meeting falls in:",
            )
        )
        lines += [f"• {_line(view, lang)}" for view in shown]
    if source_line is not None:
        lines.append(source_line)
    shown_all = [r.decision for r in found]
    return Answer(
        intent=answer.intent,
        text="\n".join(lines),
        meetings=answer.meetings,
        decisions=[*answer.decisions, *(decision_fact(v) for v in shown_all)],
        people=answer.people,
        sources=[*answer.sources, *(decision_source(v) for v in shown_all)],
        language=lang,
        found=answer.found,
    )


def _line(view: DecisionView, lang: str) -> str:
    """ "Nära vård (punkt 8, Chefsgrupp … fredag 29 maj 2026): Beslut under höstens
    sista möte … (till höstens sista möte)"."""
    item = pick(lang, "punkt", "item") + f" {view.item_number}, " if view.item_number else ""
    at = pick(
        lang,
        f"{groups_text(view.groups, lang)} {day(view.meeting_date, lang)}",
        f"{groups_text(view.groups, lang)} on {day(view.meeting_date, lang)}",
    )
    return f"{view.item_title} ({item}{at}): {view.text} ({pick(lang, 'till', 'to')} {view.referred_to})"
