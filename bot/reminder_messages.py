"""The words of a reminder and of the notices that follow a meeting's changes,
as an `Answer` the chat adapters render like any other (the meeting fact gives
the Teams card its calendar button).

    Påminnelse: Chefsgrupp folkhälsa har möte i morgon, fredag 11 december 2026
    kl. 13.00–16.00.
    Plats: Eklundavägen 2, Örebro
"""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy.orm import Session

from bot.answering.facts import MODE_WORDS, groups_text, meeting_fact, meeting_line, meeting_source
from bot.answering.format import day, pick, when
from bot.answers import Answer
from bot.reminder_plan import Due
from storage.parsing.records import STOCKHOLM
from storage.queries import MeetingView, items_of, next_meetings

MAX_AGENDA_ITEMS = 8


def compose(session: Session, due: Due, now: datetime) -> Answer:
    """The message for `due`, in its subscription's language."""
    lang = due.subscription.language
    if due.kind == "gone" or due.meeting is None:
        return _gone(session, due, now, lang)
    meeting = due.meeting
    if due.kind == "cancelled":
        text = pick(
            lang,
            f"Inställt: mötet för {groups_text(meeting.groups, lang)} {_when(meeting, lang)} "
            "är inställt.",
            f"Cancelled: the meeting of {groups_text(meeting.groups, lang)} on "
            f"{_when(meeting, lang)} is cancelled.",
        )
        return _answer("reminder_cancelled", text, meeting, lang)
    if due.kind == "changed":
        previous = _previous(due, lang)
        text = pick(
            lang,
            f"Ny tid: mötet för {groups_text(meeting.groups, lang)} är flyttat till "
            f"{_when(meeting, lang)} (tidigare {previous}).",
            f"New time: the meeting of {groups_text(meeting.groups, lang)} has moved to "
            f"{_when(meeting, lang)} (was {previous}).",
        )
        return _answer(
            "reminder_changed", "\n".join([text, *_details(meeting, lang)]), meeting, lang
        )
    text = pick(
        lang,
        f"Påminnelse: {groups_text(meeting.groups, lang)} har möte "
        f"{_relative(meeting.day, now, lang)}, {_when(meeting, lang)}.",
        f"Reminder: {groups_text(meeting.groups, lang)} meets "
        f"{_relative(meeting.day, now, lang)}, {_when(meeting, lang)}.",
    )
    lines = [text, *_details(meeting, lang), *_agenda(session, meeting, lang)]
    return _answer("reminder", "\n".join(lines), meeting, lang)


def _answer(intent: str, text: str, meeting: MeetingView, lang: str) -> Answer:
    return Answer(
        intent,
        text,
        meetings=[meeting_fact(meeting)],
        sources=[meeting_source(meeting)],
        language=lang,
    )


def _gone(session: Session, due: Due, now: datetime, lang: str) -> Answer:
    group = due.meeting_key.split("|", 1)[-1]
    text = pick(
        lang,
        f"Mötet för {groups_text([group], lang)} {_previous(due, lang)} finns inte längre "
        "med i mötesplaneringen i protokollen.",
        f"The meeting of {groups_text([group], lang)} on {_previous(due, lang)} is no longer "
        "in the schedule in the minutes.",
    )
    coming = next_meetings(session, now, group=group or None, limit=1)
    if not coming:
        return Answer("reminder_gone", text, language=lang)
    following = pick(lang, "Nästa möte: ", "Next meeting: ")
    following += meeting_line(coming[0], lang, with_group=False)
    return _answer("reminder_gone", f"{text}\n{following}", coming[0], lang)


def _when(meeting: MeetingView, lang: str) -> str:
    return when(meeting.start, meeting.end, meeting.time_known, lang)


def _previous(due: Due, lang: str) -> str:
    previous = (due.previous_start or due.meeting_start).astimezone(STOCKHOLM)
    return when(previous, None, previous.time() != time(0, 0), lang)


def _relative(meeting_day: date, now: datetime, lang: str) -> str:
    """ "i morgon", "om en vecka", "in 3 days"."""
    days = (meeting_day - now.astimezone(STOCKHOLM).date()).days
    words = {
        0: ("i dag", "today"),
        1: ("i morgon", "tomorrow"),
        2: ("i övermorgon", "the day after tomorrow"),
        7: ("om en vecka", "in a week"),
        14: ("om två veckor", "in two weeks"),
    }
    sv, en = words.get(days, (f"om {days} dagar", f"in {days} days"))
    return pick(lang, sv, en)


def _details(meeting: MeetingView, lang: str) -> list[str]:
    """Where, in what form, moved from when, together with whom."""
    lines: list[str] = []
    mode = MODE_WORDS[lang if lang in MODE_WORDS else "sv"].get(meeting.mode or "")
    if meeting.place:
        place = meeting.place
        if mode and mode.lower() not in place.lower():
            place += f" ({mode})"
        lines.append(pick(lang, "Plats: ", "Place: ") + place)
    elif mode:
        lines.append(pick(lang, f"Mötet är {mode}.", f"The meeting is {mode}."))
    if meeting.moved_from is not None:
        lines.append(
            pick(lang, "Flyttat från ", "Moved from ")
            + day(meeting.moved_from.astimezone(STOCKHOLM).date(), lang)
            + "."
        )
    others = [g for g in meeting.joint_with if g not in meeting.groups]
    if others:
        lines.append(pick(lang, "Gemensamt med ", "Together with ") + ", ".join(others) + ".")
    if meeting.note:
        lines.append(meeting.note)
    return lines


def _agenda(session: Session, meeting: MeetingView, lang: str) -> list[str]:
    """The agenda when the minutes give one; planned meetings usually have none."""
    items = items_of(session, meeting.id)
    if not items:
        return []
    titles = [f"{i.number}. {i.title}" if i.number else i.title for i in items]
    shown = titles[:MAX_AGENDA_ITEMS]
    if len(titles) > len(shown):
        shown.append(pick(lang, f"… och {len(titles) - len(shown)} till", "…"))
    return [pick(lang, "På dagordningen:", "On the agenda:"), *(f"• {t}" for t in shown)]
