"""Answers about who was at a meeting: everyone present or absent (of one
municipality, role or way of taking part), and whether one person was there."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from sqlalchemy.orm import Session

from bot.answering.chosen import asked_meeting, place_asked
from bot.answering.facts import groups_text, person_fact, role_word
from bot.answering.format import day, join, pick
from bot.answering.meetings import no_meeting
from bot.answers import Answer, AskContext, PersonFact, Source
from bot.understanding.query import Query
from storage.queries import AttendanceView, MeetingView, attendance_of, meeting_by_id
from storage.queries.people import attendance_noted, person_ids
from storage.registry import MUNICIPALITIES, fold, kommun_name

# How someone took part, as the list notes it: "(via Skype)", "via Teams".
VIA = re.compile(r"\bvia\s+([^\W\d_]+)")

# A note for one day of a meeting of several days ("dag 2"): there that day only.
DAY_NOTE = re.compile(r"^(?:dag|day)\s+(\d+)$")

# "Var Hällefors representerat …?", "Was Kumla present …?": yes or no, not a list.
YES_NO = re.compile(r"^\s*(?:var|was|were|ar|is|did|deltog|fanns|hade|had)\b")

# "vilka kommuner var med?", "which municipalities were absent?": the municipalities
MUNICIPALITIES_ASKED = re.compile(r"\b(?:kommuner|kommunerna|municipalities)\b")

ROLES_PLURAL = {
    "sv": {
        "gäst": "gäster",
        "ledamot": "ledamöter",
        "ersättare": "ersättare",
        "beslutande": "beslutande",
        "tjänsteperson": "tjänstepersoner",
    },
    "en": {
        "gäst": "guests",
        "ledamot": "members",
        "beslutande": "voting members",
        "ersättare": "substitutes",
        "tjänstgörande ersättare": "serving substitutes",
        "tjänsteperson": "officials",
        "ordförande": "chairs",
        "vice ordförande": "vice chairs",
        "sekreterare": "secretaries",
        "justerare": "minutes checkers",
    },
}
# A role asked about and the roles it takes in: the secretary is one of the officials
# (a list of tjänstepersoner names the secretaries too, stored with that role); a
# serving substitute (tjänstgörande ersättare) is one of the substitutes.
ROLES_TAKEN_IN = {
    "tjänsteperson": frozenset(("tjänsteperson", "sekreterare")),
    "ersättare": frozenset(("ersättare", "tjänstgörande ersättare")),
    # a formal protocol's "Beslutande": the members and the substitutes serving for them
    "beslutande": frozenset(("ledamot", "tjänstgörande ersättare")),
}
CHAIRS = frozenset(("ordförande", "vice ordförande"))


def role_plural(role: str, lang: str) -> str:
    """ "ledamöter", "substitutes": those in `role`, as a list of them is headed."""
    return ROLES_PLURAL[lang].get(role, role_word(role, lang))


@dataclass(frozen=True)
class Where:
    """The meeting an attendance answer is about."""

    document: str
    day: date
    groups: tuple[str, ...]
    asked: date | None = None  # the day asked of a meeting of several days

    def when(self, lang: str) -> str:
        """The meeting's day; and the day asked, for a later day of it."""
        said = day(self.day, lang)
        if self.asked is None:
            return said
        number = (self.asked - self.day).days + 1
        return said + pick(lang, " (dag {n}: {d})", " (day {n}: {d})").format(
            n=number, d=day(self.asked, lang)
        )

    def source(self) -> Source:
        return Source(self.document, self.day.isoformat(), None)


def answer_attendance(session: Session, query: Query, context: AskContext) -> Answer:
    via = VIA.search(fold(query.raw))
    if via and _no_meeting_named(session, query):  # "vem deltog via Skype?": the latest such
        listed = attendance_noted(session, via.group(1), context.now)
        if not listed:
            return _nobody_via(query, via.group(1))
        held = meeting_by_id(session, listed[0].meeting_id)
        groups = tuple(held.groups) if held else ()
        where = Where(listed[0].document, listed[0].meeting_date, groups)
    else:
        meeting = asked_meeting(session, query, context)
        if meeting is None:
            return no_meeting(session, query, context, "attendance")
        asked = day_asked(meeting, query.date)
        listed = on_day(attendance_of(session, meeting.id), meeting.day, asked)
        where = Where(meeting.document, meeting.day, tuple(meeting.groups), asked)
    if query.person:
        return _was_there(session, query, listed, where)
    place = query.municipality or query.organization
    if not place and MUNICIPALITIES_ASKED.search(fold(query.raw)):
        return _municipalities(query, listed, where)
    if place and not query.absent and YES_NO.search(fold(query.raw)):
        return _place_there(query, listed, where)
    listed = [a for a in in_role(listed, query.role) if _from(a, query)]
    if via:
        listed = [a for a in listed if via.group(1) in fold(a.note or "")]
    chosen = unique_people([a for a in listed if a.present != query.absent])
    return _listed(query, chosen, where, found=bool(chosen) or not listed)


def _no_meeting_named(session: Session, query: Query) -> bool:
    return (
        query.date is None
        and query.period is None
        and query.which is None
        and not place_asked(session, query).places
    )


def day_asked(meeting: MeetingView, asked: date | None) -> date | None:
    """The day asked of a meeting of several days, None for any other meeting."""
    if asked is None:
        return None
    over = meeting.finish - timedelta(microseconds=1)
    last = over.astimezone(meeting.start.tzinfo).date()
    return asked if meeting.day <= asked <= last and meeting.day < last else None


def on_day(
    listed: Sequence[AttendanceView], first: date, asked: date | None
) -> list[AttendanceView]:
    """The listings as of the asked day of a meeting of several days: someone noted
    for another of its days ("Madde Gustafsson, Lindesberg (dag 2)") was not there."""
    if asked is None:
        return list(listed)
    number = (asked - first).days + 1
    return [
        replace(view, present=False) if _day_noted(view) not in (None, number) else view
        for view in listed
    ]


def _day_noted(view: AttendanceView) -> int | None:
    noted = DAY_NOTE.match(fold(view.note or "").strip())
    return int(noted.group(1)) if noted else None


def _from(view: AttendanceView, query: Query) -> bool:
    """Listed for the municipality or organisation the question names, if any."""
    if query.municipality:
        return view.municipality == query.municipality
    if query.organization:
        return fold(view.organization or "") == fold(query.organization)
    return True


def in_role(listed: Sequence[AttendanceView], role: str | None) -> list[AttendanceView]:
    """The listings of those in `role` (see ROLES_TAKEN_IN; all of them for no role).
    A chair or vice chair sits as a member ("Beslutande: Anna Andersson (S),
    ordförande"), unless the list seats them as a substitute."""
    if role is None:
        return list(listed)
    taken_in = ROLES_TAKEN_IN.get(role, frozenset((role,)))
    if "ledamot" not in taken_in:
        return [a for a in listed if a.role in taken_in]
    substitutes = {a.person_id for a in listed if a.role in ROLES_TAKEN_IN["ersättare"]}
    return [
        a
        for a in listed
        if a.role in taken_in or (a.role in CHAIRS and a.person_id not in substitutes)
    ]


def _place_there(query: Query, listed: Sequence[AttendanceView], where: Where) -> Answer:
    """Yes or no for a municipality or organisation at one meeting: someone of
    theirs present, all of them struck (absent), or nobody of theirs listed."""
    lang = query.language
    whom = kommun_name(query.municipality) if query.municipality else str(query.organization)
    theirs = unique_people([a for a in listed if _from(a, query)])
    present = [name_with_org(a, lang) for a in theirs if a.present]
    absent = [name_with_org(a, lang) for a in theirs if not a.present]
    group, when_text = groups_text(where.groups, lang), where.when(lang)
    if present:
        text = pick(
            lang,
            f"Ja, {whom} var representerad vid {group} {when_text}: {join(present, lang)}.",
            f"Yes, {whom} was represented at {group} on {when_text}: {join(present, lang)}.",
        )
    elif absent:
        text = pick(
            lang,
            f"Nej, {whom} var inte representerad vid {group} {when_text}: "
            f"{join(absent, lang)} var frånvarande (struken i deltagarlistan).",
            f"No, {whom} was not represented at {group} on {when_text}: "
            f"{join(absent, lang)} was absent (struck in the attendance list).",
        )
        absent = []
    else:
        text = pick(
            lang,
            f"Nej, ingen från {whom} finns med i deltagarlistan för {group} {when_text}.",
            f"No, nobody from {whom} is listed in the attendance of {group} on {when_text}.",
        )
    if absent:
        text += pick(lang, " Frånvarande: ", " Absent: ") + join(absent, lang) + "."
    text += "\n" + pick(lang, "Källa: ", "Source: ") + where.document
    return _answer(query, text, theirs, where)


def _was_there(
    session: Session, query: Query, listed: Sequence[AttendanceView], where: Where
) -> Answer:
    """Yes or no for one person: present, absent (struck), or not on the list."""
    lang = query.language
    person = str(query.person)
    ids = set(person_ids(session, person))
    words = set(fold(person).split())
    theirs = [a for a in listed if a.person_id in ids or set(fold(a.name).split()) == words]
    # a joint meeting's list for the group asked about, when they are in it
    in_group = [a for a in theirs if query.group and a.group == query.group]
    theirs = in_group or theirs
    shown = (query.group,) if in_group and query.group else where.groups
    group, when_text = groups_text(shown, lang), where.when(lang)
    if any(a.present for a in theirs) and not all(a.present for a in theirs):
        return _answer(query, _partly_there(theirs, when_text, lang), theirs, where)
    if not theirs:
        text = pick(
            lang,
            f"{person} finns inte med i deltagarlistan för {group} {when_text}.",
            f"{person} is not listed in the attendance of {group} on {when_text}.",
        )
    elif any(a.present for a in theirs):
        roles = ", ".join(dict.fromkeys(role_word(a.role, lang) for a in theirs))
        text = pick(
            lang,
            f"Ja, {name_with_org(theirs[0], lang)} var med på {group} {when_text} ({roles}).",
            f"Yes, {name_with_org(theirs[0], lang)} was present at {group} on {when_text} ({roles}).",
        )
    else:
        text = pick(
            lang,
            f"Nej, {name_with_org(theirs[0], lang)} var frånvarande vid {group} {when_text} "
            + _why_absent(theirs[0], lang),
            f"No, {name_with_org(theirs[0], lang)} was absent from {group} on {when_text} "
            + _why_absent(theirs[0], lang),
        )
    return _answer(query, text, theirs, where)


def _why_absent(view: AttendanceView, lang: str) -> str:
    """ "(struken i deltagarlistan).", or the one other day they came."""
    noted = _day_noted(view)
    if noted is not None:
        return pick(lang, f"(med bara dag {noted}).", f"(present on day {noted} only).")
    return pick(lang, "(struken i deltagarlistan).", "(struck in the attendance list).")


def _partly_there(theirs: list[AttendanceView], when_text: str, lang: str) -> str:
    """One person in several lists of a joint meeting, struck in some: per list.
    "Jerry Karjalainen (Laxå kommun) var med för …, men var frånvarande för … (struken)"."""

    def lists(present: bool) -> str:
        by_group: dict[str, list[str]] = {}
        for a in theirs:
            if a.present == present:
                roles = by_group.setdefault(groups_text([a.group] if a.group else [], lang), [])
                roles.append(role_word(a.role, lang))
        said = [f"{g} ({', '.join(dict.fromkeys(r))})" for g, r in by_group.items()]
        return join(said, lang)

    who = name_with_org(theirs[0], lang)
    return pick(
        lang,
        f"Delvis: {who} var med {when_text} i listan för {lists(True)}, men var frånvarande "
        f"(struken) i listan för {lists(False)}.",
        f"Partly: {who} was present on {when_text} in the list of {lists(True)}, but absent "
        f"(struck) in the list of {lists(False)}.",
    )


def _listed(query: Query, chosen: list[AttendanceView], where: Where, *, found: bool) -> Answer:
    lang = query.language
    group = groups_text(where.groups, lang)
    when_text = pick(lang, "", "on ") + where.when(lang)
    if query.municipality or query.organization:  # "… från Örebro kommun"
        whom = kommun_name(query.municipality) if query.municipality else query.organization
        group += pick(lang, " från ", " from ") + str(whom)
    if not chosen and query.role:  # "vilka gäster var med?": "… anger inga gäster."
        seats = role_plural(query.role, lang)
        text = pick(
            lang,
            f"Protokollet från {group} {when_text} anger inga "
            + (f"frånvarande {seats}." if query.absent else f"{seats}."),
            f"The minutes of {group} {when_text} list no "
            + (f"absent {seats}." if query.absent else f"{seats}."),
        )
        return _answer(query, text, [], where, found=found)
    if query.role:  # "vilka gäster …"
        when_text += ", " + role_plural(query.role, lang)
    if not chosen:
        text = pick(
            lang,
            f"Protokollet från {group} {when_text} anger ingen som "
            + ("frånvarande." if query.absent else "närvarande."),
            f"The minutes of {group} {when_text} list nobody as "
            + ("absent." if query.absent else "present."),
        )
        return _answer(query, text, [], where, found=found)
    if query.absent:
        head = pick(lang, "Frånvarande vid", "Absent from")
    else:
        head = pick(lang, "Närvarande vid", "Present at")
    names = ", ".join(name_with_org(p, lang) for p in chosen)
    text = f"{head} {group} {when_text} ({len(chosen)}): {names}"
    text += "\n" + pick(lang, "Källa: ", "Source: ") + where.document
    return _answer(query, text, chosen, where)


def _municipalities(query: Query, listed: Sequence[AttendanceView], where: Where) -> Answer:
    """Which of the county's municipalities had someone there, which had nobody (and
    whose listed people were all absent); people listed with no organisation known
    are counted, as one of them may have come for a municipality without it."""
    lang = query.language
    present = [a for a in unique_people(list(listed)) if a.present]
    there = {a.municipality for a in present if a.municipality}
    came = [m for m in MUNICIPALITIES if m in there]
    missing = [m for m in MUNICIPALITIES if m not in there]
    excused = {a.municipality for a in listed if not a.present and a.municipality}
    unknown = sum(1 for a in present if not a.organization and not a.municipality)
    group, when_text = groups_text(where.groups, lang), pick(lang, "", "on ") + where.when(lang)
    represented = pick(
        lang,
        f"Kommuner med närvarande vid {group} {when_text} ({len(came)} av {len(MUNICIPALITIES)})",
        f"Municipalities present at {group} {when_text} ({len(came)} of {len(MUNICIPALITIES)})",
    ) + (f": {join(came, lang)}." if came else ".")
    lines = [represented]
    if missing:
        said = [
            f"{m} ({pick(lang, 'anmäld frånvaro', 'sent apologies')})" if m in excused else m
            for m in missing
        ]
        lines.append(
            pick(lang, "Ingen närvarande från: ", "Nobody present from: ") + join(said, lang) + "."
        )
    if query.absent:  # "vilka kommuner saknades?": those first
        lines.reverse()
    if unknown and missing:
        lines.append(
            pick(
                lang,
                f"{unknown} närvarande står utan organisation i listan; "
                "någon av dem kan ha kommit för en av kommunerna ovan.",
                f"{unknown} present are listed with no organisation; "
                "one of them may have come for one of the municipalities above.",
            )
        )
    lines.append(pick(lang, "Källa: ", "Source: ") + where.document)
    return _answer(query, "\n".join(lines), [a for a in present if a.municipality], where)


def _nobody_via(query: Query, way: str) -> Answer:
    lang = query.language
    text = pick(
        lang,
        f"Jag hittar ingen i protokollens deltagarlistor som deltog via {way.capitalize()}.",
        f"I find nobody in the minutes' attendance lists who took part via {way.capitalize()}.",
    )
    return Answer("attendance", text, language=lang, found=False)


def _answer(
    query: Query, text: str, people: list[AttendanceView], where: Where, *, found: bool = True
) -> Answer:
    return Answer(
        "attendance",
        text,
        people=[listed_fact(p, where.groups) for p in people],
        sources=[where.source()],
        language=query.language,
        found=found,
    )


def listed_fact(view: AttendanceView, groups: Sequence[str]) -> PersonFact:
    """A listing as a fact; a list that names no group is the meeting's groups'."""
    return person_fact(view if view.group else replace(view, group=", ".join(groups) or None))


def name_with_org(view: AttendanceView, lang: str = "sv") -> str:
    """ "Patrik Jonsson (Örebro kommun)", "Anna Andersson (S, Kumla kommun)": the party
    as the list marks it; the title when no organisation is known; how or which day
    they took part when the list says ("via Skype", "dag 2"/"day 2")."""
    noted_day = _day_noted(view)
    way = view.note if fold(view.note or "").startswith("via ") else None
    if noted_day is not None:
        way = pick(lang, f"dag {noted_day}", f"day {noted_day}")
    party = view.party.strip("() ") if view.party else None
    said = [s for s in (party, view.organization or view.title, way) if s]
    return f"{view.name} ({', '.join(said)})" if said else view.name


def unique_people(views: list[AttendanceView]) -> list[AttendanceView]:
    seen: set[str] = set()
    unique = []
    for view in views:
        if view.name not in seen:
            seen.add(view.name)
            unique.append(view)
    return unique
