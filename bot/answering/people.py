"""Answers about people: who held a role at a meeting, who attended or was
absent, who represents a municipality or organisation, and who someone is."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace
from datetime import date

from sqlalchemy.orm import Session

from bot.answering import attendance
from bot.answering.attendance import (
    in_role,
    listed_fact,
    name_with_org,
    role_plural,
)
from bot.answering.chosen import asked_meeting
from bot.answering.facts import (
    groups_text,
    person_fact,
    person_source,
    role_word,
    unique_sources,
)
from bot.answering.format import day, join, pick
from bot.answering.meetings import asked_days, no_meeting
from bot.answering.members import answer_members, titled_lines
from bot.answering.person import answer_person
from bot.answering.search import answer_search
from bot.answering.tally import answer_tally
from bot.answers import Answer, AskContext, PersonFact, Source, combined
from bot.understanding.query import Query
from storage.parsing.adjusted import Adjusted
from storage.parsing.records import Role
from storage.queries import (
    AttendanceView,
    adjusted_of,
    attendance_of,
    person_profile,
    representatives,
)
from storage.queries.people_rows import groups_of
from storage.registry import LANSDELAR, fold, lansdel_named

# A person's seat in the group before what they did at the meeting.
SEATS_FIRST = {"ledamot": 0, "ersättare": 1, "tjänstgörande ersättare": 2}
# Groups a "who represents" answer without a group lists (the most recent ones).
MAX_GROUPS = 8
ROLE_QUESTION = {
    "ordförande": ("ordförande", "chaired"),
    "vice ordförande": ("vice ordförande", "was vice chair"),
    "sekreterare": ("sekreterare", "took the minutes"),
    "justerare": ("justerare", "checked the minutes (justerare)"),
}


def answer_roles(session: Session, query: Query, context: AskContext) -> Answer:
    lang = query.language
    meeting = asked_meeting(session, query, context)
    if meeting is None:
        return no_meeting(session, query, context, "meeting_roles")
    listed = attendance_of(session, meeting.id)
    roles = query.roles or (query.role or "ordförande",)
    held = [(role, _holders(listed, role)) for role in roles]
    people = [person for _, holders in held for person in holders if person.present]
    people = people or [person for _, holders in held for person in holders]
    group, when_text = groups_text(meeting.groups, lang), day(meeting.day, lang)
    asks_day = query.part == "day" and Role.ADJUSTER.value in roles  # "när justerades …?"
    checked = adjusted_of(session, meeting) if asks_day else None
    if asks_day:
        lines = [_adjusted_line(checked, group, when_text, lang)]
        if held[0][1]:
            lines.append(_role_held(*held[0], lang) + ".")
    elif len(held) == 1:
        lines = [_role_line(*held[0], group, when_text, lang)]
    else:  # "ordförande och sekreterare": one line per role
        lines = [
            pick(
                lang,
                f"Vid mötet med {group} {when_text}:",
                f"At the meeting of {group} on {when_text}:",
            ),
            *(f"• {_role_held(role, holders, lang)}" for role, holders in held),
        ]
    if people:
        lines.append(pick(lang, "Källa: ", "Source: ") + meeting.document)
    return Answer(
        "meeting_roles",
        "\n".join(lines),
        people=[listed_fact(p, meeting.groups) for p in people],
        sources=[Source(meeting.document, meeting.day.isoformat(), None)],
        language=lang,
        found=checked is not None if asks_day else bool(people),
    )


# how minutes were checked, as the minutes say it, in English
_HOW_EN = {"via e-post": "by e-mail", "per e-post": "by e-mail", "digitalt": "digitally"}


def _adjusted_line(checked: Adjusted | None, group: str, when_text: str, lang: str) -> str:
    """ "Protokollet från mötet med … justerades tisdag 1 oktober 2024 via e-post."."""
    if checked is None:
        return pick(
            lang,
            f"Protokollet från mötet med {group} {when_text} säger inte när det justerades.",
            f"The minutes of the meeting of {group} on {when_text} do not say when they "
            "were checked and signed.",
        )
    how_sv = f" {checked.how}" if checked.how else ""
    how_en = f" {_HOW_EN.get(checked.how, checked.how)}" if checked.how else ""
    return pick(
        lang,
        f"Protokollet från mötet med {group} {when_text} justerades "
        f"{day(checked.day, lang)}{how_sv}.",
        f"The minutes of the meeting of {group} on {when_text} were checked and signed "
        f"on {day(checked.day, lang)}{how_en}.",
    )


def _holders(listed: list[AttendanceView], role: str) -> list[AttendanceView]:
    """Who held `role` at the meeting: those present first; one listed in the role but
    absent held it only if nobody present did (someone stood in for them)."""
    holders = [a for a in listed if a.role == role]
    return sorted(holders, key=lambda a: not a.present)


def _names(holders: list[AttendanceView], lang: str) -> str:
    """ "Per Holm (Köpings kommun), i stället för Anna Lindqvist (frånvarande)"."""
    names, instead = _stood_in(holders, lang)
    return names + instead


def _stood_in(holders: list[AttendanceView], lang: str) -> tuple[str, str]:
    """Those present, and ", i stället för <the absent ones> (frånvarande)"; the absent
    ones alone, marked so, when nobody present held the role."""
    present = [p for p in holders if p.present]
    away = [f"{p.name} ({pick(lang, 'frånvarande', 'absent')})" for p in holders if not p.present]
    if not present:
        return join(away, lang), ""
    instead = pick(lang, ", i stället för ", ", in place of ") + join(away, lang) if away else ""
    return join([name_with_org(p, lang) for p in present], lang), instead


def _role_line(
    role: str, holders: list[AttendanceView], group: str, when_text: str, lang: str
) -> str:
    """ "Ordförande vid mötet med … : Bechet Barsom (Region Örebro län)."."""
    sv_role, en_role = ROLE_QUESTION.get(role, (role, f"was {role_word(role, 'en')}"))
    if not holders:
        return pick(
            lang,
            f"Protokollet från {group} {when_text} anger ingen {sv_role}.",
            f"The minutes of {group} on {when_text} do not say who {en_role}.",
        )
    names, instead = _stood_in(holders, lang)
    return pick(
        lang,
        f"{sv_role.capitalize()} vid mötet med {group} {when_text}: {names}{instead}.",
        f"{names} {en_role} at the meeting of {group} on {when_text}{instead}.",
    )


def _role_held(role: str, holders: list[AttendanceView], lang: str) -> str:
    """ "Sekreterare: Maria Lindborg (Region Örebro län) och Malin Duckert Ek (…)"."""
    said = role_word(role, lang).capitalize()
    if not holders:
        return said + pick(lang, ": anges inte i protokollet", ": not stated in the minutes")
    return f"{said}: {_names(holders, lang)}"


def answer_representatives(session: Session, query: Query, context: AskContext) -> Answer:
    lang = query.language
    who = query.municipality or query.organization
    if not who and query.person:  # "vem ersätter Jerry Karjalainen?"
        return _substitutes_for(session, query, context)
    if not who and query.group:  # "vilka är med i chefsgrupp folkhälsa?"
        return answer_members(session, query, context)
    if not who:
        text = pick(
            lang,
            'Vilken kommun eller organisation menar du? T.ex. "Vem representerar Kumla?"',
            'Which municipality or organisation do you mean? E.g. "Who represents Kumla?"',
        )
        return Answer("representatives", text, language=lang, found=False)
    lansdel = None if query.municipality else lansdel_named(who)
    if lansdel is not None:
        return _lansdel_representatives(session, query, context, lansdel)
    # as of the question's day, or now: minutes written later are not known yet
    at = query.date or (query.period.end if query.period else context.now.date())
    found = representatives(
        session,
        municipality=query.municipality,
        organization=None if query.municipality else who,
        group=query.group,
        at=at,
        max_groups=MAX_GROUPS,
    )
    if not found:
        return _nobody(session, query, context, who, at)
    # "vem representerade Karlskoga 2022?": a day or period asked that is past
    past = (query.date or query.period) is not None and at < context.now.date()
    lines = [
        pick(lang, f"{who} representerades av:", f"{who} was represented by:")
        if past
        else pick(lang, f"{who} representeras av:", f"{who} is represented by:")
    ]
    seated = _in_seat(found, query.role)
    if seated:  # "vilka ledamöter har Örebro kommun?": those, with their seat
        found = seated
    elif query.role in SEATS_ASKED:
        whose = _in_group(query)
        seats = role_plural(query.role, lang)
        lines.insert(
            0,
            pick(
                lang,
                f"Jag hittar inga {seats} för {who}{whose} i protokollen.",
                f"I find no {seats} for {who}{whose} in the minutes.",
            ),
        )
    lines += _listing(found, who, lang, capped=query.group is None)
    return Answer(
        "representatives",
        "\n".join(lines),
        people=_one_each(found),
        sources=unique_sources(person_source(v) for v in found),
        language=lang,
    )


def _substitutes_for(session: Session, query: Query, context: AskContext) -> Answer:
    """The substitutes for the seat a person holds: their municipality's or
    organisation's in their groups (minutes seldom say whose substitute is whose)."""
    lang = query.language
    at = query.date or (query.period.end if query.period else context.now.date())
    listings = [v for v in person_profile(session, str(query.person)) if v.meeting_date <= at]
    seat = next((v for v in listings if v.organization), None)  # newest first
    if seat is None:
        text = pick(
            lang,
            f"Jag hittar inte {query.person} med någon organisation i protokollens deltagarlistor, "
            "så jag vet inte vems ersättare som gäller.",
            f"I cannot find {query.person} with an organisation on the minutes' attendance "
            "lists, so I do not know whose substitutes apply.",
        )
        return Answer("representatives", text, language=lang, found=False)
    groups = groups_of(session, listings)
    group = query.group or (groups[0] if len(groups) == 1 else None)
    # a substitute stands in for the members: those, then
    substitute = seat.role in (Role.SUBSTITUTE.value, Role.SERVING_SUBSTITUTE.value)
    place = replace(
        query,
        person=None,
        municipality=seat.municipality,
        organization=None if seat.municipality else seat.organization,
        group=group,
        role=Role.MEMBER.value if substitute else Role.SUBSTITUTE.value,
    )
    found = answer_representatives(session, place, context)
    whose = seat.organization or ""
    lines = found.text.splitlines()
    if substitute:
        head = pick(
            lang,
            f"{seat.name} är själv ersättare för {whose}{_in_group(place)}; ledamöter för {whose}:",
            f"{seat.name} is a substitute for {whose}{_in_group(place)}; the members for {whose}:",
        )
        return replace(found, text="\n".join([head, *lines[1:]]))
    sits = pick(lang, f"{seat.name} sitter för ", f"{seat.name} sits for ")
    sits += whose + _in_group(place) + ". "
    if not any(p.role == Role.SUBSTITUTE.value for p in found.people):
        # "Jag hittar inga ersättare för …": said by the head, then who sits for them
        head = sits + pick(
            lang,
            f"Protokollen anger inga ersättare för {whose}.",
            f"The minutes name no substitutes for {whose}.",
        )
        return replace(found, text="\n".join([head, *lines[1:]]), found=False)
    head = sits + pick(
        lang,
        f"Protokollen anger inte personliga ersättare; ersättare för {whose}:",
        f"The minutes name no personal substitutes; the substitutes for {whose}:",
    )
    return replace(found, text="\n".join([head, *lines[1:]]))


# Seats a "who represents" question may ask for ("vem är ersättare för Kumla?")
SEATS_ASKED = frozenset(("ledamot", "ersättare", "tjänstgörande ersättare", "beslutande"))


def _in_group(query: Query) -> str:
    """ " i Chefsgrupp folkhälsa" / " in …" for a question about one group, else ""."""
    if query.group is None:
        return ""
    return f" {pick(query.language, 'i', 'in')} {groups_text([query.group], query.language)}"


def _by_group(found: list[AttendanceView]) -> dict[str | None, list[AttendanceView]]:
    by_group: dict[str | None, list[AttendanceView]] = defaultdict(list)
    for view in found:
        by_group[view.group].append(view)
    return by_group


def _in_seat(found: list[AttendanceView], role: str | None) -> list[AttendanceView]:
    """Those of each group's listing in the seat asked (none asked: none)."""
    if role not in SEATS_ASKED:
        return []
    return [view for views in _by_group(found).values() for view in in_role(views, role)]


def _listing(found: list[AttendanceView], who: str, lang: str, *, capped: bool) -> list[str]:
    """A line per group with its people and the meeting it rests on; where an
    organisation was taken from earlier minutes, which."""
    by_group = _by_group(found)
    lines = []
    for group, views in by_group.items():
        people = join(_reps_text(views, lang), lang)
        meeting_day = day(views[0].meeting_date, lang)
        lines.append(
            f"• {groups_text([group] if group else [], lang)}: {people} "
            + pick(lang, f"(enligt mötet {meeting_day})", f"(as of the meeting on {meeting_day})")
        )
    if capped and len(by_group) >= MAX_GROUPS:
        lines.append(
            pick(
                lang,
                f"Det är de {MAX_GROUPS} grupper där {who} senast fanns med; "
                "ange en grupp för att se en annan.",
                f"These are the {MAX_GROUPS} groups {who} was most recently listed in; "
                "name a group to see another.",
            )
        )
    evidence = [v for v in found if v.evidence]
    if evidence:
        lines.append(
            pick(
                lang,
                "Organisation hämtad från tidigare protokoll: ",
                "Organisation taken from earlier minutes: ",
            )
            + "; ".join(_evidence_text(v, lang) for v in evidence)
        )
    return lines


def _nobody(session: Session, query: Query, context: AskContext, who: str, at: date) -> Answer:
    """Nobody listed for `who` in the group or at the time asked: said so, with whom the
    minutes do list for it in its other groups, else in the minutes up to now."""
    lang = query.language
    whose = _in_group(query)
    asked_day = query.date or (query.period.end if query.period else None)
    when = f" {asked_days(query, lang)}".rstrip()
    past = asked_day is not None and asked_day < context.now.date()
    text = pick(
        lang,
        f"Jag hittar ingen som {'representerade' if past else 'representerar'} {who}{whose}"
        f"{when} i protokollen.",
        f"I find nobody representing {who}{whose}{when} in the minutes.",
    )
    wider = [
        (None, at, pick(lang, "I andra grupper:", "In other groups:")),
        (
            query.group,
            context.now.date(),
            pick(lang, "Enligt senare protokoll:", "In later minutes:"),
        ),
        (
            None,
            context.now.date(),
            pick(lang, "I andra grupper, enligt senare protokoll:", "In other groups, later:"),
        ),
    ]
    tried = {(query.group, at)}
    for group, until, label in wider:
        if (group, until) in tried:
            continue
        tried.add((group, until))
        found = representatives(
            session,
            municipality=query.municipality,
            organization=None if query.municipality else who,
            group=group,
            at=until,
            max_groups=MAX_GROUPS,
        )
        if found:
            lines = [text, label, *_listing(found, who, lang, capped=group is None)]
            return Answer(
                "representatives",
                "\n".join(lines),
                sources=unique_sources(person_source(v) for v in found),
                language=lang,
                found=False,
            )
    if query.municipality is None and _BODY.search(fold(query.raw.lower())):
        # "vilka ingår i arbetsgruppen för samverkansplanerna?": no listing names it,
        # the minutes may say who in so many words
        said = _said_of(session, query, context)
        if said is not None:
            return said
    return Answer("representatives", text, language=lang, found=False)


# A body of people a question may ask the members of ("styrgruppen", "the project team"),
# not a place ("vem representerar Västerås?")
_BODY = re.compile(
    r"(?:grupp|rad|radet|natverk|projekt|team|utskott|namnd|styrelse|group|council|network"
    r"|committee|board|project)\w*\b"
)


def _said_of(session: Session, query: Query, context: AskContext) -> Answer | None:
    """What the minutes say of an organisation no listing names (a working group, a
    project); None when they say nothing of it either."""
    topic = (query.organization or "").lower() if query.topic is None else query.topic
    searched = answer_search(session, replace(query, topic=topic, organization=None), context)
    if not searched.found or not searched.sources:
        return None
    lead = pick(
        query.language,
        f"Ingen deltagarlista visar vilka som ingår i {topic}.",
        f"No attendance list shows who is in {topic}.",
    )
    return replace(searched, intent="representatives", text=f"{lead}\n{searched.text}", found=False)


def _one_each(found: list[AttendanceView]) -> list[PersonFact]:
    """One fact per person, group and meeting: the seat as the role (a ledamot who was
    also justerare is a ledamot), absent if any of their lines says so."""
    lines: dict[tuple[str, str | None, object], list[AttendanceView]] = defaultdict(list)
    for view in found:
        lines[(view.name, view.group, view.meeting_date)].append(view)
    facts = []
    for views in lines.values():
        seat = min(views, key=lambda v: SEATS_FIRST.get(v.role, len(SEATS_FIRST)))
        facts.append(replace(person_fact(seat), present=all(v.present for v in views)))
    return facts


def _lansdel_representatives(
    session: Session, query: Query, context: AskContext, lansdel: str
) -> Answer:
    """Who represents each municipality of a länsdel (a part of the county)."""
    members = LANSDELAR[lansdel]
    each = [
        answer_representatives(session, replace(query, municipality=m, organization=None), context)
        for m in members
    ]
    answer = combined(each)
    head = pick(
        query.language,
        f"Länsdel {lansdel}: {join(members, 'sv')}.",
        f"The {lansdel} part of the county: {join(members, 'en')}.",
    )
    at = query.date or (query.period.end if query.period else context.now.date())
    lines, titled = titled_lines(session, lansdel, at, query.language)
    return replace(
        answer,
        text="\n".join([head, answer.text, *lines]),
        people=[*answer.people, *(person_fact(v) for v in titled)],
        sources=unique_sources([*answer.sources, *(person_source(v) for v in titled)]),
        found=answer.found or bool(titled),
    )


def _evidence_text(view: AttendanceView, lang: str) -> str:
    """ "Eva Persson: Karlskoga kommun as of the meeting on 2023-09-08"."""
    stated = view.evidence.isoformat() if view.evidence else ""
    return f"{view.name}: {view.organization} " + pick(
        lang, f"enligt mötet {stated}", f"as of the meeting on {stated}"
    )


def _reps_text(views: list[AttendanceView], lang: str) -> list[str]:
    """Each person once, with every role the list gives them, the seat first:
    "Siw Lunader (ledamot, justerare)"."""
    roles: dict[str, list[str]] = defaultdict(list)
    for view in sorted(views, key=lambda v: SEATS_FIRST.get(v.role, len(SEATS_FIRST))):
        roles[view.name].append(role_word(view.role, lang))
    for view in views:
        if not view.present:
            roles[view.name].append(pick(lang, "frånvarande", "absent"))
    return [f"{name} ({', '.join(dict.fromkeys(said))})" for name, said in roles.items()]


def answer_attendance(session: Session, query: Query, context: AskContext) -> Answer:
    """Who was at a meeting, or how often, counted over meetings ("vem har varit
    frånvarande flest gånger?")."""
    if query.tally:
        return answer_tally(session, query, context)
    return attendance.answer_attendance(session, query, context)


__all__ = [
    "answer_attendance",
    "answer_person",
    "answer_representatives",
    "answer_roles",
]
