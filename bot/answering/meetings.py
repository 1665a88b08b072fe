"""Answers about meetings: the next one, those in a period, and one meeting's
time and place."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date, datetime, time, timedelta

from sqlalchemy.orm import Session

from bot.answering.coming import coming_meetings, no_minutes_yet
from bot.answering.facts import (
    day_bounds,
    groups_text,
    meeting_fact,
    meeting_line,
    meeting_source,
    unique_sources,
)
from bot.answering.format import day, on_days, pick, span, when
from bot.answering.gone import gone_from_day
from bot.answering.meeting_filters import (
    all_time,
    held_as,
    list_window,
    mode_label,
    mode_words,
    of_mode,
    part_words,
)
from bot.answering.mentioned import day_mentioned
from bot.answering.written import as_of, schedule_only
from bot.answers import Answer, AskContext
from bot.understanding.query import EARLIEST, LATEST, Period, Query
from storage.parsing.records import STOCKHOLM
from storage.queries import (
    MeetingView,
    meetings_between,
    meetings_moved_from,
    meetings_on,
    next_meetings,
    previous_meetings,
)
from storage.registry import fold

MAX_LISTED = 25
# Facts one answer carries; past this, the text asks for a group or a shorter time.
# (A chat card shows ten; fifty is more than anyone reads in a chat, and an answer's
# work stays the same however many groups the store holds.)
MAX_FACTS = 50


def answer_next(session: Session, query: Query, context: AskContext) -> Answer:
    lang = query.language
    if query.mode is not None and _ASKS_YES_NO.match(fold(query.raw)):
        return _next_is_of_mode(session, query, context)
    # "nästa möte i januari", "nästa möte efter nyår": the next one from then, until its end
    from_day, to_day = _next_within(query)
    since = context.now
    if from_day is not None:
        since = max(since, datetime.combine(from_day, time(0), STOCKHOLM))
    # a way of meeting asked ("nästa digitala möte") leaves some out: read further ahead
    upcoming = next_meetings(
        session, since, group=query.group, limit=4 if query.mode is None else 16
    )
    upcoming = [m for m in of_mode(upcoming, query.mode) if to_day is None or m.day <= to_day][:4]
    kind = mode_words(query.mode, lang)
    if not upcoming:
        whose = (
            f" {pick(lang, 'för', 'for')} {groups_text([query.group], lang)}" if query.group else ""
        )
        when = f" {span(from_day, to_day, lang)}" if from_day and to_day else ""
        text = pick(
            lang,
            f"Jag hittar inget kommande {_indefinite(kind)}möte{whose}{when} i protokollen.",
            f"I find no coming {kind}meeting{whose}{when} in the minutes.",
        )
        # narrowed to a span or a way, the coming meetings of any are worth offering
        narrowed = bool(when) or query.mode is not None
        return _with_latest(session, query, context, text, ahead=narrowed)
    first = upcoming[0]
    lines = []
    if query.part == "now" and not _under_way(first, context.now):
        lines.append(pick(lang, "Inget möte pågår just nu.", "No meeting is under way now."))
    if _under_way(first, context.now):
        lines.append(
            pick(lang, "Ett möte pågår just nu: ", "A meeting is under way now: ")
            + meeting_line(first, lang)
        )
    elif first.status == "cancelled":
        lines.append(
            pick(
                lang,
                "Nästa planerade möte är inställt: ",
                "The next planned meeting is cancelled: ",
            )
            + meeting_line(first, lang)
        )
    else:
        label = pick(lang, f"Nästa {kind}möte: ", f"Next {kind}meeting: ")
        lines.append(label.capitalize() + meeting_line(first, lang))
    rest = [m for m in upcoming[1:] if m.status != "cancelled"][:2]
    if first.status == "cancelled" and rest:
        lines.append(pick(lang, "Därefter: ", "After that: ") + meeting_line(rest[0], lang))
        rest = rest[1:]
    if rest:
        lines.append(
            pick(lang, "Sedan: ", "Then: ") + "; ".join(meeting_line(m, lang) for m in rest)
        )
    lines.append(_source_note(upcoming[:1], lang))
    return Answer(
        intent="next_meeting",
        text="\n".join(lines),
        meetings=[meeting_fact(m) for m in upcoming],
        sources=unique_sources(meeting_source(m) for m in upcoming),
        language=lang,
    )


# "är nästa möte digitalt?", "is the next meeting online?": yes or no
_ASKS_YES_NO = re.compile(r"^\s*(?:ar|blir|kommer|ska|is|will|are)\b")
_MODE_SAID = {
    "digital": ("digitalt", "online"),
    "physical": ("fysiskt", "in person"),
    "hybrid": ("hybrid", "hybrid"),
}


def _next_is_of_mode(session: Session, query: Query, context: AskContext) -> Answer:
    """Whether the next meeting (not cancelled) is held the way asked, as its
    schedule says; not said when the schedule does not say."""
    lang, asked = query.language, str(query.mode)
    upcoming = [
        m
        for m in next_meetings(session, context.now, group=query.group, limit=4)
        if m.status != "cancelled"
    ]
    if not upcoming:
        return answer_next(session, replace(query, mode=None), context)
    first = upcoming[0]
    held = held_as(first)
    said = pick(lang, *_MODE_SAID[asked])
    if held is None:
        lead = pick(
            lang,
            f"Protokollen säger inte om nästa möte är {said}: ",
            f"The minutes do not say whether the next meeting is {said}: ",
        )
    elif held == asked:
        lead = pick(lang, f"Ja, nästa möte är {said}: ", f"Yes, the next meeting is {said}: ")
    else:
        other = pick(lang, *_MODE_SAID[held])
        lead = pick(lang, f"Nej, nästa möte är {other}: ", f"No, the next meeting is {other}: ")
    return Answer(
        intent="next_meeting",
        text=lead + meeting_line(first, lang) + "\n" + _source_note([first], lang),
        meetings=[meeting_fact(first)],
        sources=[meeting_source(first)],
        language=lang,
    )


def asked_days(query: Query, lang: str) -> str:
    """The day or span a question names, as said ("den fredag 4 december 2026",
    "i mars 2023"); "" for none."""
    if query.date is not None:
        return on_days(query.date, query.date, lang)
    if query.period is not None:
        return on_days(query.period.start, query.period.end, lang)
    return ""


def _next_within(query: Query) -> tuple[date | None, date | None]:
    """The first and last day a "next meeting" question keeps to (none: any)."""
    if query.date is not None:
        return query.date, query.date
    if query.period is not None:
        return query.period.start, query.period.end
    return None, None


def _indefinite(words: str) -> str:
    """ "digitala " after "nästa", "digitalt " after "inget": an adjective before "möte"."""
    return {"digitala ": "digitalt ", "fysiska ": "fysiskt "}.get(words, words)


def _under_way(meeting: MeetingView, now: datetime) -> bool:
    """Begun and not over; without a time known, only on a later day of the meeting
    (a two-day meeting's second day), as its first day's hours are not known."""
    if not meeting.start <= now < meeting.finish:
        return False
    return meeting.time_known or meeting.day < now.astimezone(STOCKHOLM).date()


def answer_list(session: Session, query: Query, context: AskContext) -> Answer:
    lang = query.language
    window = list_window(query, context.now)
    if window is None:
        return _latest_list(session, query, context)
    start, end = window.start, window.end
    # One more than is shown says whether there are more.
    found = meetings_between(
        session, start, end, group=query.group, limit=MAX_FACTS + 1, status=query.status
    )
    if query.status == "moved":  # "är mötet den 3 februari flyttat?": moved away from it too
        known = {m.id for m in found}
        moved = meetings_moved_from(session, start, end, group=query.group)
        found = sorted([*found, *(m for m in moved if m.id not in known)], key=lambda m: m.start)
    if window.first == window.last and query.status is None:
        # "vad händer imorgon?" on day 1 of "8/10 kl 12 – 9/10 kl 13": that meeting too
        known = {m.id for m in found}
        found = [
            *(m for m in _under_way_on(session, window.first, query.group) if m.id not in known),
            *found,
        ]
    found = of_mode(found, query.mode)
    more = len(found) > MAX_FACTS
    found = found[:MAX_FACTS]
    whose = f" {pick(lang, 'för', 'for')} {groups_text([query.group], lang)}" if query.group else ""
    span = on_days(window.first, window.last, lang)
    span += part_words(window.part, lang)
    if not found:
        if not (query.period or query.date or query.status or query.mode):
            return _latest_list(session, query, context, none_coming=True)
        gone = gone_from_day(session, query, "meetings")
        if gone is not None:
            return gone
        what = {
            "cancelled": pick(lang, "inställda ", "cancelled "),
            "moved": pick(lang, "flyttade ", "moved "),
        }
        kind = what.get(query.status or "", "") or mode_words(query.mode, lang)
        text = pick(
            lang,
            f"Jag hittar inga {kind}möten{whose} {span} i protokollen.",
            f"I find no {kind}meetings{whose} {span} in the minutes.",
        )
        ahead = window.last >= context.now.astimezone(STOCKHOLM).date()
        return _with_latest(session, query, context, text, intent="meetings", ahead=ahead)
    shown = found[:MAX_LISTED]
    label = {
        "cancelled": pick(lang, "Inställda möten", "Cancelled meetings"),
        "moved": pick(lang, "Flyttade möten", "Moved meetings"),
    }.get(query.status or "", mode_label(query.mode or "", lang))
    everything = all_time(query)
    if everything and not (query.status or query.mode):
        label = pick(lang, "Alla möten i protokollen", "All meetings in the minutes")
    if (query.status or everything) and query.period is None and query.date is None:
        span = ""
    counted = "" if more else _counted(found, query.status, lang)  # "hur många möten …?"
    header = f"{label}{whose} {span}".rstrip() + counted + ":"
    notes = _more_notes(lang, more, len(found), len(shown))
    return _listed(query, header, shown, found, notes + _unrecorded(found, context.now, lang))


def _counted(found: Sequence[MeetingView], status: str | None, lang: str) -> str:
    """ "(24)"; with cancelled ones among them, those held or planned and those
    cancelled apart: "(23 och 1 inställt)"."""
    cancelled = sum(m.status == "cancelled" for m in found)
    if not cancelled or status is not None:
        return f" ({len(found)})"
    rest = len(found) - cancelled
    return pick(
        lang,
        f" ({rest} och {cancelled} {'inställt' if cancelled == 1 else 'inställda'})",
        f" ({rest} and {cancelled} cancelled)",
    )


def _unrecorded(found: Sequence[MeetingView], now: datetime, lang: str) -> list[str]:
    """A note on the past meetings (not cancelled) known only from a schedule: the
    archive has no minutes of them, so whether and how they were held is not known."""
    count = sum(schedule_only(m, now) for m in found)
    return [_unrecorded_note(count, lang)] if count else []


def _unrecorded_note(count: int, lang: str) -> str:
    """ "2 av mötena som har passerat finns bara i en mötesplan: …"."""
    if count == 1 and lang == "sv":
        return "Ett av mötena som har passerat finns bara i en mötesplan: protokoll från det finns inte."
    if count == 1:
        return "One of the past meetings appears only in a schedule: its minutes are not stored."
    return pick(
        lang,
        f"{count} av mötena som har passerat finns bara i en mötesplan: protokoll från dem finns inte.",
        f"{count} of the past meetings appear only in a schedule: their minutes are not stored.",
    )


def _more_notes(lang: str, more: bool, found: int, shown: int) -> list[str]:
    """What a list says of the meetings it leaves out."""
    if more:
        return [
            pick(
                lang,
                f"… och fler än {MAX_FACTS - shown} till: ange en grupp eller en kortare "
                "tid för att se alla.",
                f"… and more than {MAX_FACTS - shown} others: name a group or a shorter "
                "time to see them all.",
            )
        ]
    if found > shown:
        return [pick(lang, f"… och {found - shown} till.", f"… and {found - shown} more.")]
    return []


def _latest_list(
    session: Session, query: Query, context: AskContext, *, none_coming: bool = False
) -> Answer:
    """The latest meetings held ("vilka möten har rådet haft?"), in time order; with
    `none_coming` (nothing is planned) cancelled ones too, after a line saying so."""
    lang = query.language
    # a mode asked for leaves some out: read further back to fill the list
    wanted = (MAX_LISTED + 1) * (4 if query.mode else 1)
    found = previous_meetings(
        session, context.now, group=query.group, limit=wanted, cancelled=none_coming
    )
    found = of_mode(found, query.mode)[: MAX_LISTED + 1]
    whose = f" {pick(lang, 'för', 'for')} {groups_text([query.group], lang)}" if query.group else ""
    if not found:
        text = pick(
            lang,
            f"Jag hittar inga hållna möten{whose} i protokollen.",
            f"I find no meetings held{whose} in the minutes.",
        )
        return Answer("meetings", text, language=lang, found=False)
    shown = sorted(found[:MAX_LISTED], key=lambda m: m.start)
    kind = mode_words(query.mode, lang)
    header = pick(lang, f"Senaste {kind}mötena{whose}:", f"The latest {kind}meetings{whose}:")
    if none_coming:
        header = (
            pick(
                lang,
                f"Inga kommande möten{whose} finns i protokollen.",
                f"No coming meetings{whose} are in the minutes.",
            )
            + "\n"
            + header
        )
    earlier = pick(
        lang, "… och tidigare: ange ett år för att se dem.", "… and earlier ones: name a year."
    )
    return _listed(query, header, shown, shown, [earlier] if len(found) > MAX_LISTED else [])


def _listed(
    query: Query,
    header: str,
    shown: Sequence[MeetingView],
    facts: Sequence[MeetingView],
    notes: Sequence[str],
) -> Answer:
    """A list of meetings: the header, a line per meeting shown, notes, the sources."""
    lang = query.language
    lines = [header, *(f"• {meeting_line(m, lang, with_group=not query.group)}" for m in shown)]
    lines += [*notes, _source_note(shown, lang)]
    return Answer(
        intent="meetings",
        text="\n".join(lines),
        meetings=[meeting_fact(m) for m in facts],
        sources=unique_sources(meeting_source(m) for m in shown),
        language=lang,
    )


def find_meeting(
    session: Session, query: Query, context: AskContext, *, minutes_only: bool = True
) -> MeetingView | None:
    """The one meeting a question points at: by day, "last"/"next"/"first", or the
    latest in a period; preferring meetings with minutes (those written by now: a
    meeting that begins after now has none yet, see `bot.answering.written`)."""
    candidates: list[MeetingView]
    if query.date is not None:
        candidates = meetings_on(session, query.date, group=query.group, minutes_only=minutes_only)
        candidates = candidates or _under_way_on(session, query.date, query.group)
    elif query.which == "first":  # "första mötet 2023": the period's (or ever) first
        period = query.period or Period(date(1900, 1, 1), context.now.date())
        start, end = day_bounds(period.start, period.end)
        candidates = meetings_between(session, start, end, group=query.group, limit=10)
    elif query.period is not None:
        start, end = day_bounds(query.period.start, query.period.end)
        if minutes_only:
            # the period's last meeting with minutes: a walk back from its end (or now)
            last = min(end - timedelta(microseconds=1), context.now)
            latest = previous_meetings(session, last, group=query.group, minutes_only=True)
            candidates = [m for m in latest if m.start >= start]
        else:
            candidates = meetings_between(session, start, end, group=query.group)[-1:]
    elif query.which == "next":
        candidates = coming_meetings(session, context.now, query.group)[:1]
    else:
        candidates = previous_meetings(
            session, context.now, group=query.group, limit=1, minutes_only=minutes_only
        )
    candidates = [as_of(m, context.now) for m in candidates]
    with_minutes = [m for m in candidates if m.has_minutes]
    if minutes_only:
        return with_minutes[0] if with_minutes else None
    if query.which == "first" and query.date is None:
        # "when was the first meeting in 2023?": the earliest held or planned, minutes or not
        candidates = [m for m in candidates if m.status != "cancelled"]
        with_minutes = []
    chosen = with_minutes or candidates
    return chosen[0] if chosen else None


# Questions of one meeting's minutes (its people, agenda, decisions)
_OF_MINUTES = frozenset(("meeting_roles", "attendance", "agenda", "decisions"))


def _next_to_a_day(query: Query) -> tuple[bool, date] | None:
    """(after, the day) of "the meeting after/before <day>", else None."""
    period = query.period
    if period is not None and period.end == LATEST and query.which == "first":
        return True, period.start - timedelta(days=1)
    if period is not None and period.start == EARLIEST and query.which == "last":
        return False, period.end + timedelta(days=1)
    return None


def _adjacent_without_minutes(
    adjacent: MeetingView, after: bool, asked: date, lang: str, now: datetime
) -> str:
    """ "The meeting right after <day> was <meeting>; it has no minutes"."""
    line = meeting_line(adjacent, lang)
    held = adjacent.start < now
    return pick(
        lang,
        f"Mötet närmast {'efter' if after else 'före'} {day(asked, lang)} "
        f"{'var' if held else 'är'} {line}; "
        "det finns bara i en mötesplan, protokoll från det finns inte.",
        f"The meeting right {'after' if after else 'before'} {day(asked, lang)} "
        f"{'was' if held else 'is'} {line}; "
        "it appears only in a schedule, its minutes are not stored.",
    )


def _none_next_to(session: Session, query: Query, context: AskContext, intent: str) -> Answer:
    """No minutes of any meeting after (before) the day: the meeting there is, if any,
    and that it has none (a coming one: not yet)."""
    next_to = _next_to_a_day(query)
    assert next_to is not None
    after, asked = next_to
    lang = query.language
    adjacent = find_meeting(session, query, context, minutes_only=False)
    if adjacent is not None and adjacent.start > context.now:
        return no_minutes_yet(as_of(adjacent, context.now), query, intent)
    if adjacent is None:
        text = pick(
            lang,
            f"Jag hittar inget möte {'efter' if after else 'före'} {day(asked, lang)} "
            "i protokollen.",
            f"I find no meeting {'after' if after else 'before'} {day(asked, lang)} "
            "in the minutes.",
        )
        return _with_latest(session, query, context, text, intent=intent)
    text = _adjacent_without_minutes(adjacent, after, asked, lang, context.now)
    answer = _with_latest(session, query, context, text, intent=intent)
    return replace(answer, sources=unique_sources([meeting_source(adjacent), *answer.sources]))


def note_skipped(session: Session, query: Query, context: AskContext, answer: Answer) -> Answer:
    """ "vem var sekreterare på mötet efter 2022-10-13?": when the meeting right after
    (or before) the day has no minutes, the answer (from the nearest meeting that has
    them) says so first, rather than passing over it."""
    next_to = _next_to_a_day(query)
    if answer.intent not in _OF_MINUTES or not answer.found or next_to is None:
        return answer
    adjacent = find_meeting(session, query, context, minutes_only=False)
    if adjacent is None or adjacent.has_minutes:
        return answer
    if adjacent.day.isoformat() in answer.meeting_days():
        return answer
    after, asked = next_to
    lang = query.language
    said = _adjacent_without_minutes(adjacent, after, asked, lang, context.now)
    note = said + " " + pick(lang, "Närmast med protokoll:", "The nearest with minutes:")
    return replace(
        answer,
        text=f"{note}\n{answer.text}",
        sources=unique_sources([*answer.sources, meeting_source(adjacent)]),
    )


def _under_way_on(session: Session, day_asked: date, group: str | None) -> list[MeetingView]:
    """Meetings begun before `day_asked` and still under way on it: day 2 of
    "13-14 oktober" is that meeting ("vilka är med på mötet idag?" on 14 October)."""
    day_start = datetime.combine(day_asked, datetime.min.time(), STOCKHOLM)
    return [m for m in next_meetings(session, day_start, group=group, limit=3) if m.day < day_asked]


def no_meeting(
    session: Session,
    query: Query,
    context: AskContext,
    intent: str,
    *,
    coming_with: Callable[[Answer, MeetingView], Answer] | None = None,
) -> Answer:
    """An honest "not found", with the nearest meetings that have minutes; for a coming
    meeting asked about (the next, or one on a day or in a span not yet over), which
    one it is and that it has no minutes yet (and what `coming_with` adds to that)."""
    lang = query.language
    gone = gone_from_day(session, query, intent)
    if gone is not None:
        return gone
    whose = f" {pick(lang, 'för', 'for')} {groups_text([query.group], lang)}" if query.group else ""
    if _next_to_a_day(query) is not None:
        return _none_next_to(session, query, context, intent)
    coming = _coming_asked(session, query, context)
    if coming is not None:
        answer = no_minutes_yet(coming, query, intent)
        return answer if coming_with is None else coming_with(answer, coming)
    if query.which == "next" and query.date is None and query.period is None:
        text = pick(
            lang,
            f"Jag hittar inget kommande möte{whose} i protokollen.",
            f"I find no coming meeting{whose} in the minutes.",
        )
        return _with_latest(session, query, context, text, intent=intent)
    what = asked_days(query, lang)
    last_day = query.date or (query.period.end if query.period else None)
    if last_day is not None and last_day >= context.now.astimezone(STOCKHOLM).date():
        # a day or span not yet over: no meeting is planned then (no minutes are expected)
        text = pick(
            lang,
            f"Jag hittar inget möte{whose} {what} i protokollen.",
            f"I find no meeting{whose} {what} in the minutes.",
        )
        return _with_latest(session, query, context, text, intent=intent, ahead=True)
    text = pick(
        lang,
        f"Jag hittar inga protokoll från ett möte{whose} {what}.".replace(" .", "."),
        f"I find no minutes of a meeting{whose} {what}.".replace(" .", "."),
    )
    if query.date is None:
        return _with_latest(session, query, context, text, intent=intent)
    # the day's meeting spoken of in later minutes ("Anteckningarna från mötet 2020-01-24")
    lines, sources = day_mentioned(session, query.date, query.group, lang, context.now)
    answer = _with_latest(session, query, context, "\n".join([text, *lines]), intent=intent)
    return replace(answer, sources=unique_sources([*sources, *answer.sources]))


def _coming_asked(session: Session, query: Query, context: AskContext) -> MeetingView | None:
    """The meeting a question asks about when it has no minutes yet: the next one (not
    cancelled), or the one on a day or in a span not yet over."""
    today = context.now.astimezone(STOCKHOLM).date()
    if query.date is not None or query.period is not None:
        last_day = query.date or (query.period.end if query.period else today)
        if last_day < today:
            return None
        meeting = find_meeting(session, query, context, minutes_only=False)
    elif query.which == "next":
        upcoming = coming_meetings(session, context.now, query.group)
        meeting = next((m for m in upcoming if m.status != "cancelled"), None)
    else:
        return None
    meeting = as_of(meeting, context.now) if meeting is not None else None
    return meeting if meeting is not None and not meeting.has_minutes else None


def _with_latest(
    session: Session,
    query: Query,
    context: AskContext,
    text: str,
    *,
    intent: str = "next_meeting",
    ahead: bool = False,
) -> Answer:
    """A "not found" answer with what was found near it: the latest meetings with
    minutes, or, for a span not yet over (`ahead`), the coming meetings known, if any."""
    lang = query.language
    coming = next_meetings(session, context.now, group=query.group, limit=3) if ahead else []
    if coming:
        label = pick(lang, "Kommande möten i protokollen: ", "Coming meetings in the minutes: ")
        near = coming
    else:
        label = pick(lang, "Senaste möten med protokoll: ", "Latest meetings with minutes: ")
        near = previous_meetings(
            session, context.now, group=query.group, limit=3, minutes_only=True
        )
    if near:
        text += "\n" + label + "; ".join(meeting_line(m, lang) for m in near)
    return Answer(
        intent=intent,
        text=text,
        sources=unique_sources(meeting_source(m) for m in near),
        language=lang,
        found=False,
    )


def _source_note(meetings: Sequence[MeetingView], lang: str) -> str:
    docs = list(dict.fromkeys(m.document for m in meetings))
    return pick(lang, "Källa: ", "Source: ") + ", ".join(docs)


__all__ = ["answer_list", "answer_next", "find_meeting", "no_meeting", "when"]
