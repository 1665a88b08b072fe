"""A coming meeting asked about for what only its minutes will tell ("vad står på
dagordningen för nästa möte?", "who will attend the next meeting?") when it is known
from a schedule alone: which meeting it is, and that its agenda, attendance list or
decisions are not known yet."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from bot.answering.facts import meeting_fact, meeting_line, meeting_source, role_word
from bot.answering.format import pick
from bot.answers import Answer
from bot.understanding.query import Query
from storage.queries import MeetingView, next_meetings

# What a meeting's minutes would tell, by the intent asked (sv, en).
NOT_KNOWN = {
    "agenda": ("dess dagordning är inte känd", "its agenda is not known"),
    "attendance": (
        "det finns ingen deltagarlista: vilka som kommer är inte känt",
        "there is no attendance list: who will attend is not known",
    ),
    "decisions": ("inga beslut från det är kända", "no decisions from it are known"),
    "representatives": (
        "det finns ingen deltagarlista: vilka som är med är inte känt",
        "there is no attendance list: who takes part is not known",
    ),
}
NOTHING_YET = ("protokollen säger inget om det än", "the minutes say nothing about it yet")
# session.info: the coming meetings read for an answer, by (now, group)
COMING = "bot.answering.coming.meetings"


def coming_meetings(session: Session, now: datetime, group: str | None) -> list[MeetingView]:
    """The next few meetings (cancelled ones too), read once per answer: the one a
    question names as "nästa möte" and, when that has no minutes, the first held."""
    known: dict[tuple[datetime, str | None], list[MeetingView]]
    known = session.info.setdefault(COMING, {})
    if (now, group) not in known:
        known[(now, group)] = next_meetings(session, now, group=group, limit=4)
    return known[(now, group)]


def no_minutes_yet(meeting: MeetingView, query: Query, intent: str) -> Answer:
    """An honest "not known yet" that names the meeting (group, day and time, place)."""
    lang = query.language
    label = pick(lang, "Nästa möte: ", "Next meeting: ")
    if query.which != "next":
        label = pick(lang, "Planerat möte: ", "Planned meeting: ")
    if meeting.status == "cancelled":
        why = pick(lang, "Mötet är inställt.", "The meeting is cancelled.")
    else:
        sv_unknown, en_unknown = _not_known(query, intent)
        why = pick(
            lang,
            f"Det har inga protokoll ännu, så {sv_unknown}.",
            f"It has no minutes yet, so {en_unknown}.",
        )
    source = pick(lang, "Källa: ", "Source: ") + meeting.document
    return Answer(
        intent=intent,
        text=f"{label}{meeting_line(meeting, lang)}.\n{why}\n{source}",
        meetings=[meeting_fact(meeting)],
        sources=[meeting_source(meeting)],
        language=lang,
        found=False,
    )


def _not_known(query: Query, intent: str) -> tuple[str, str]:
    """What the meeting's minutes would have told, said as not known (sv, en)."""
    if intent == "meeting_roles":
        roles = query.roles or (query.role or "ordförande",)
        return (
            f"vem som blir {' och '.join(roles)} är inte känt",
            f"who will be the {' and '.join(role_word(r, 'en') for r in roles)} is not known",
        )
    return NOT_KNOWN.get(intent, NOTHING_YET)
