"""Who sits in a group ("vilka är med i chefsgrupp folkhälsa?"): the members its
latest minutes list, present or absent; and who represents a länsdel by their
title ("folkhälsochef norra länsdelen")."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from sqlalchemy.orm import Session

from bot.answering.attendance import unique_people
from bot.answering.chosen import asked_meeting
from bot.answering.facts import groups_text, person_fact, role_word
from bot.answering.format import day, pick
from bot.answering.meetings import no_meeting
from bot.answers import Answer, AskContext, Source
from bot.understanding.query import Query
from storage.queries import AttendanceView, attendance_of
from storage.queries.lansdelar import lansdel_titled
from storage.queries.people import NOT_SEATS

# The seat itself goes without saying in a list of members.
PLAIN_SEAT = "ledamot"


def answer_members(session: Session, query: Query, context: AskContext) -> Answer:
    """The group's members as its latest minutes (up to now) list them."""
    lang = query.language
    meeting = asked_meeting(session, query, context)
    if meeting is None:
        return no_meeting(session, query, context, "representatives")
    listed = [
        a
        for a in attendance_of(session, meeting.id)
        # a joint meeting lists each council's own: only the group asked about
        if a.role not in NOT_SEATS and (query.group is None or a.group in (None, query.group))
    ]
    group = groups_text([query.group] if query.group else meeting.groups, lang)
    when_text = day(meeting.day, lang)
    members = member_texts(listed, lang)
    head = pick(
        lang,
        f"Med i {group} enligt mötet {when_text} ({len(members)}):",
        f"Members of {group} as of the meeting on {when_text} ({len(members)}):",
    )
    text = f"{head} {', '.join(members)}\n" + pick(lang, "Källa: ", "Source: ") + meeting.document
    return Answer(
        "representatives",
        text,
        people=[person_fact(p) for p in unique_people(listed)],
        sources=[Source(meeting.document, meeting.day.isoformat(), None)],
        language=lang,
        found=bool(members),
    )


def member_texts(views: list[AttendanceView], lang: str) -> list[str]:
    """ "Peter Björklund (folkhälsochef norra länsdelen, frånvarande)": each person
    once, with organisation (else title), roles besides the seat, and absence."""
    said: dict[str, list[str]] = defaultdict(list)
    for view in views:
        said[view.name] += [s for s in (view.organization or view.title,) if s]
        if view.role != PLAIN_SEAT:
            said[view.name].append(role_word(view.role, lang))
        if not view.present:
            said[view.name].append(pick(lang, "frånvarande", "absent"))
    return [
        f"{name} ({', '.join(dict.fromkeys(words))})" if words else name
        for name, words in said.items()
    ]


def titled_lines(
    session: Session, lansdel: str, at: date, lang: str
) -> tuple[list[str], list[AttendanceView]]:
    """Lines for those whose title names the länsdel, per group, and their listings."""
    found = lansdel_titled(session, lansdel, at)
    by_group: dict[str, list[AttendanceView]] = defaultdict(list)
    for view in found:
        by_group[view.group or ""].append(view)
    lines = [
        f"• {groups_text([group], lang)}: {', '.join(member_texts(views, lang))} "
        + pick(
            lang,
            f"(enligt mötet {day(views[0].meeting_date, lang)})",
            f"(as of the meeting on {day(views[0].meeting_date, lang)})",
        )
        for group, views in by_group.items()
    ]
    if lines:
        lines.insert(
            0,
            pick(
                lang,
                f"Med länsdel {lansdel} i sin titel:",
                f"With the {lansdel} part of the county in their title:",
            ),
        )
    return lines, found


__all__ = ["answer_members", "member_texts", "titled_lines"]
