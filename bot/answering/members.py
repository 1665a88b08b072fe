"""Who sits in a group ("vilka är med i chefsgrupp folkhälsa?"): the members its
latest minutes list, present or absent; and who represents a länsdel by their
title ("folkhälsochef norra länsdelen")."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from sqlalchemy.orm import Session

from bot.answering.attendance import CHAIRS, role_plural, unique_people
from bot.answering.attendance import in_role as seated_in
from bot.answering.chosen import asked_meeting
from bot.answering.facts import groups_text, person_fact, role_word
from bot.answering.format import day, join, pick
from bot.answering.meetings import no_meeting
from bot.answers import Answer, AskContext, Source
from bot.understanding.query import Query
from storage.queries import AttendanceView, MeetingView, attendance_of
from storage.queries.lansdelar import lansdel_titled
from storage.queries.people import NOT_SEATS

# The seat itself goes without saying in a list of members.
PLAIN_SEAT = "ledamot"
# What someone with a seat did at the meeting, said after their name.
PARTS = frozenset((*CHAIRS, "justerare"))


def answer_members(session: Session, query: Query, context: AskContext) -> Answer:
    """The group's members as its latest minutes (up to now) list them; those in the
    role asked ("vilka är ersättare i folkhälsorådet?") when a role is asked."""
    lang = query.language
    meeting = asked_meeting(session, query, context)
    if meeting is None:
        return no_meeting(session, query, context, "representatives")
    seats = [
        a
        for a in attendance_of(session, meeting.id)
        # a joint meeting lists each council's own: only the group asked about
        if query.group is None or a.group in (None, query.group)
    ]
    listed = in_role(seats, query.role)
    group = groups_text([query.group] if query.group else meeting.groups, lang)
    when_text = day(meeting.day, lang)
    source = pick(lang, "Källa: ", "Source: ") + meeting.document
    if query.role and not listed:
        return _nobody_in_role(query, meeting, seats, group, source)
    # each one's part in the meeting too ("Siw Lunader (Hallsbergs kommun, justerare)")
    ids = {a.person_id for a in listed}
    shown = [a for a in seats if a in listed or (a.person_id in ids and a.role in PARTS)]
    members = member_texts(shown, lang, shown_role=query.role)
    if query.role:
        said = role_plural(query.role, lang).capitalize()
        head = pick(
            lang,
            f"{said} i {group} enligt mötet {when_text} ({len(members)}):",
            f"{said} of {group} as of the meeting on {when_text} ({len(members)}):",
        )
    else:
        head = pick(
            lang,
            f"Med i {group} enligt mötet {when_text} ({len(members)}):",
            f"Members of {group} as of the meeting on {when_text} ({len(members)}):",
        )
    return Answer(
        "representatives",
        f"{head} {', '.join(members)}\n{source}",
        people=[person_fact(p) for p in unique_people(listed)],
        sources=[Source(meeting.document, meeting.day.isoformat(), None)],
        language=lang,
        found=bool(members),
    )


def in_role(listed: list[AttendanceView], role: str | None) -> list[AttendanceView]:
    """Those with a seat in the group (no role asked), or in the role asked (see
    bot.answering.attendance.in_role)."""
    if role is None:
        return [a for a in listed if a.role not in NOT_SEATS]
    return seated_in(listed, role)


def _nobody_in_role(
    query: Query, meeting: MeetingView, seats: list[AttendanceView], group: str, source: str
) -> Answer:
    """No one in the role asked: said so, with the roles the list does give."""
    lang, role = query.language, str(query.role)
    when_text = day(meeting.day, lang)
    counted: dict[str, int] = defaultdict(int)
    for view in unique_people([a for a in seats if a.role not in NOT_SEATS]):
        counted[view.role] += 1
    given = join(
        [
            f"{n} {role_plural(r, lang) if n > 1 else role_word(r, lang)}"
            for r, n in counted.items()
        ],
        lang,
    )
    text = pick(
        lang,
        f"Protokollet från {group} {when_text} anger inga {role_plural(role, 'sv')}.",
        f"The minutes of {group} on {when_text} list no {role_plural(role, 'en')}.",
    )
    if given:
        text += pick(lang, f" Listan har {given}.", f" The list has {given}.")
    return Answer(
        "representatives",
        f"{text}\n{source}",
        sources=[Source(meeting.document, meeting.day.isoformat(), None)],
        language=lang,
        found=False,
    )


def member_texts(
    views: list[AttendanceView], lang: str, *, shown_role: str | None = None
) -> list[str]:
    """ "Peter Björklund (folkhälsochef norra länsdelen, frånvarande)": each person
    once, with organisation (else title), roles besides the seat (or besides the role
    the list is of), and absence."""
    said: dict[str, list[str]] = defaultdict(list)
    for view in views:
        said[view.name] += [s for s in (view.organization or view.title,) if s]
        if view.role not in (PLAIN_SEAT, shown_role):
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
