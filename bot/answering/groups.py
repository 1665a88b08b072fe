"""Which groups the minutes are of ("vilka grupper finns?"): each group the store
holds, with its latest meeting with minutes and its next planned one."""

from __future__ import annotations

from sqlalchemy.orm import Session

from bot.answering.facts import meeting_source, unique_sources
from bot.answering.format import day, pick
from bot.answers import Answer, AskContext
from bot.understanding.query import Query
from storage.lookups import lookups
from storage.queries import next_meetings, previous_meetings

MAX_GROUPS = 20  # a store of many groups: the first of them, and how many more


def answer_groups(session: Session, query: Query, context: AskContext) -> Answer:
    lang = query.language
    names = sorted(lookups(session).group_names.values())
    if not names:
        text = pick(
            lang,
            "Inga protokoll är inlästa än, så jag känner inte till några grupper.",
            "No minutes are loaded yet, so I know of no groups.",
        )
        return Answer("groups", text, language=lang, found=False)
    lines = [
        pick(
            lang, f"Grupper i protokollen ({len(names)}):", f"Groups in the minutes ({len(names)}):"
        )
    ]
    latest_of = []
    for name in names[:MAX_GROUPS]:
        latest = previous_meetings(session, context.now, group=name, minutes_only=True)
        coming = [
            m
            for m in next_meetings(session, context.now, group=name, limit=3)
            if m.status != "cancelled"
        ][:1]
        said = []
        if latest:
            said.append(
                pick(lang, "senaste protokoll ", "latest minutes ") + day(latest[0].day, lang)
            )
        if coming:
            said.append(pick(lang, "nästa möte ", "next meeting ") + day(coming[0].day, lang))
        lines.append(f"• {name}" + (f": {'; '.join(said)}" if said else ""))
        latest_of += latest
    if len(names) > MAX_GROUPS:
        more = len(names) - MAX_GROUPS
        lines.append(pick(lang, f"… och {more} till.", f"… and {more} more."))
    return Answer(
        "groups",
        "\n".join(lines),
        sources=unique_sources(meeting_source(m) for m in latest_of),
        language=lang,
    )
