"""A day asked about whose meeting is not held on it: moved away ("senare förslag 10
februari") or cancelled. Whatever the question asks of that day's meeting (its
agenda, its chair, whether it is still on, what happened to it), the answer says
where the meeting went, or that it was cancelled, rather than "no minutes".

    >>> gone_from_day(session, understand("är mötet 3 februari 2023 kvar?", now=now),
    ...               "meeting_info").text.splitlines()[0]
    'Mötet den fredag 3 februari 2023 är flyttat: Chefsgrupp …: fredag 10 februari 2023, …'
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from bot.answering.facts import (
    day_bounds,
    meeting_fact,
    meeting_line,
    meeting_source,
    unique_sources,
)
from bot.answering.format import day, pick
from bot.answers import Answer
from bot.understanding.query import Query
from storage.queries import meetings_moved_from, meetings_on


def gone_from_day(session: Session, query: Query, intent: str) -> Answer | None:
    """What became of the meeting(s) of the question's day, when one was moved away
    from it or cancelled; None when the question names no day or nothing was."""
    if query.date is None:
        return None
    lang = query.language
    start, end = day_bounds(query.date, query.date)
    moved = meetings_moved_from(session, start, end, group=query.group)
    cancelled = [
        m for m in meetings_on(session, query.date, group=query.group) if m.status == "cancelled"
    ]
    if not moved and not cancelled:
        return None
    asked = day(query.date, lang)
    lines = [
        pick(lang, f"Mötet den {asked} är flyttat: ", f"The meeting on {asked} was moved: ")
        + meeting_line(m, lang)
        for m in moved
    ]
    lines += [
        pick(lang, f"Mötet den {asked} är inställt: ", f"The meeting on {asked} is cancelled: ")
        + meeting_line(m, lang)
        for m in cancelled
    ]
    shown = [*moved, *cancelled]
    documents = list(dict.fromkeys(m.document for m in shown))
    lines.append(pick(lang, "Källa: ", "Source: ") + ", ".join(documents))
    return Answer(
        intent=intent,
        text="\n".join(lines),
        meetings=[meeting_fact(m) for m in shown],
        sources=unique_sources(meeting_source(m) for m in shown),
        language=lang,
    )
