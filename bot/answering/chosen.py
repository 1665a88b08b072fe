"""The one meeting a question is about, also when it names the meeting by where
it was held ("vem ledde mötet i Vingåker?"): `find_meeting` otherwise."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy.orm import Session

from bot.answering.facts import groups_text, meeting_fact, meeting_line, meeting_source
from bot.answering.format import pick
from bot.answering.meetings import find_meeting, no_meeting
from bot.answering.written import schedule_only
from bot.answers import Answer, AskContext
from bot.understanding.query import Query
from storage.queries import MeetingView
from storage.queries.places import latest_held_at, places_named
from storage.registry import fold, municipality_of

# Words before a place: "mötet i Vingåker", "the meeting in Båsenberga", "på Teams".
PLACE_BEFORE = frozenset(("i", "in", "pa", "at", "vid"))
MEETING_WORD = re.compile(r"mot|meeting|traff|sammantrade")


@dataclass(frozen=True)
class PlaceAsked:
    """The stored places a question names, and its words that named them."""

    places: tuple[str, ...] = ()
    words: tuple[str, ...] = ()


def place_asked(session: Session, query: Query) -> PlaceAsked:
    """A place word after "i"/"in"/"på"/"at" that matches a stored meeting place,
    unless a day or period already says which meeting (or it is the municipality
    the question asks about)."""
    if query.date is not None or query.period is not None or query.which not in (None, "last"):
        return PlaceAsked()
    raw = re.findall(r"[^\W\d_]+", query.raw)
    skip = {fold(query.municipality or ""), *fold(query.person or "").split()}
    candidates = [
        word
        for meeting, before, word in zip(["", "", *raw], ["", *raw], raw, strict=False)
        if fold(before) in PLACE_BEFORE
        and fold(word) not in skip
        # "i Kumla" is a municipality; "mötet i Kumla" may be a place
        and (municipality_of(word) is None or MEETING_WORD.match(fold(meeting)))
    ]
    named = [w for w in candidates if places_named(session, [w])]
    return PlaceAsked(places_named(session, named), tuple(named)) if named else PlaceAsked()


def asked_meeting(
    session: Session,
    query: Query,
    context: AskContext,
    *,
    minutes_only: bool = True,
    place: PlaceAsked | None = None,
) -> MeetingView | None:
    """The meeting held at the place the question names, else `find_meeting`'s."""
    place = place_asked(session, query) if place is None else place
    if place.places:
        held = latest_held_at(session, place.places, context.now, query.group)
        if held is not None:
            return held
    return find_meeting(session, query, context, minutes_only=minutes_only)


def answer_meeting_info(session: Session, query: Query, context: AskContext) -> Answer:
    """When and where a meeting is or was, also one named by its place ("when was the
    meeting in Vingåker?"), with or without minutes."""
    meeting = asked_meeting(session, query, context, minutes_only=False)
    return answer_info(session, query, context, meeting)


def answer_info(
    session: Session, query: Query, context: AskContext, meeting: MeetingView | None
) -> Answer:
    """When and where `meeting`, the one the question points at, is or was."""
    lang = query.language
    if meeting is None:
        return no_meeting(session, query, context, "meeting_info")
    verb = pick(lang, "var", "was") if meeting.start < context.now else pick(lang, "är", "is")
    if meeting.start <= context.now < meeting.finish:
        verb = pick(lang, "pågår", "is under way")  # day 1 of a meeting of two days
    text = f"{groups_text(meeting.groups, lang)} {verb}: {meeting_line(meeting, lang, with_group=False)}"
    if meeting.status == "cancelled":
        text = pick(lang, "Mötet är inställt: ", "The meeting is cancelled: ") + meeting_line(
            meeting, lang
        )
    elif meeting.place is None and _WHERE.search(fold(query.raw)):
        text += "\n" + _no_place(meeting, lang)
    if schedule_only(meeting, context.now):
        text += "\n" + pick(  # "när var senaste mötet?": a past meeting only planned here
            lang,
            "Mötet finns bara i en mötesplan: protokoll från det finns inte.",
            "The meeting appears only in a schedule: its minutes are not stored.",
        )
    return Answer(
        intent="meeting_info",
        text=text + "\n" + pick(lang, "Källa: ", "Source: ") + meeting.document,
        meetings=[meeting_fact(meeting)],
        sources=[meeting_source(meeting)],
        language=lang,
    )


# "var hölls mötet?", "where is it?": the place is asked for ("när var mötet?" is no place)
_WHERE = re.compile(
    r"^\W*(?:var|vart)\b|\b(?:where|plats\w*|lokal\w*|location|venue|place|room|adress\w*"
    r"|address|vilken (?:ort|stad)|in which (?:town|city))\b"
)


def _no_place(meeting: MeetingView, lang: str) -> str:
    """What is known of where a meeting without a place was held: nothing, or digitally."""
    said_sv, said_en = (
        ("protokollet", "the minutes give")
        if meeting.has_minutes
        else ("mötesplanen", "the schedule gives")
    )
    if meeting.mode == "digital":
        return pick(
            lang,
            f"Mötet är digitalt; {said_sv} anger ingen plats.",
            f"The meeting is digital; {said_en} no place.",
        )
    return pick(
        lang,
        f"{said_sv.capitalize()} anger ingen plats.",
        f"{said_en.capitalize()} no place.",
    )
