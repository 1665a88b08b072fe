"""Views from the store -> facts of the answer contract, and the words an answer
uses for them."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta

from bot.answering.format import day, iso, pick, when
from bot.answers import DecisionFact, MeetingFact, PersonFact, Source
from storage.parsing.records import STOCKHOLM
from storage.queries import AttendanceView, DecisionView, ItemView, MeetingView
from storage.registry import find_group

STATUS_WORDS = {
    "sv": {"cancelled": "inställt", "moved": "flyttat", "planned": "planerat", "held": "hållet"},
    "en": {"cancelled": "cancelled", "moved": "moved", "planned": "planned", "held": "held"},
}
MODE_WORDS = {
    "sv": {"digital": "digitalt", "physical": "fysiskt", "hybrid": "hybrid"},
    "en": {"digital": "online", "physical": "in person", "hybrid": "hybrid"},
}
ROLE_WORDS_EN = {
    "ordförande": "chair",
    "vice ordförande": "vice chair",
    "sekreterare": "secretary",
    "justerare": "minutes checker",
    "ledamot": "member",
    "ersättare": "substitute",
    "beslutande": "voting member",
    "tjänstgörande ersättare": "serving substitute",
    "tjänsteperson": "official",
    "gäst": "guest",
}


def group_short(name: str) -> str:
    known = find_group(name)
    return known.name if known else name


def groups_text(groups: Iterable[str], language: str) -> str:
    names = [group_short(g) for g in groups]
    word = " och " if language == "sv" else " and "
    return word.join(names) if names else pick(language, "okänd grupp", "unknown group")


def role_word(role: str, language: str) -> str:
    return role if language == "sv" else ROLE_WORDS_EN.get(role, role)


def meeting_fact(view: MeetingView) -> MeetingFact:
    return MeetingFact(
        group=" + ".join(view.groups),
        start=iso(view.start) or "",
        end=iso(_end(view)),
        place=view.place,
        status=view.status,
        mode=view.mode,
        joint_with=view.joint_with,
        moved_from=iso(view.moved_from),
        note=view.note,
        document=view.document,
        meeting_id=view.id,
    )


def _end(view: MeetingView) -> datetime | None:
    """When the meeting ends: a meeting of whole days without times ("13-14 oktober",
    stored as ending at 14 October 00:00) at the end of its last day."""
    if view.end is not None and not view.time_known:
        return view.finish
    return view.end


def meeting_line(view: MeetingView, language: str, *, with_group: bool = True) -> str:
    """One meeting in a sentence: time, place or mode, status, group."""
    parts = [when(view.start, view.end, view.time_known, language)]
    if view.place:
        parts.append(view.place)
    elif view.mode:
        parts.append(MODE_WORDS[language].get(view.mode, view.mode))
    others = [j for j in view.joint_with if group_short(j) not in view.groups]
    if others:
        parts.append(pick(language, "gemensamt med ", "joint with ") + ", ".join(others))
    if view.note and view.note not in parts:
        parts.append(view.note)
    text = ", ".join(parts)
    if view.status == "cancelled":
        text += pick(language, " – INSTÄLLT", " – CANCELLED")
    elif view.status == "moved":
        # moved here: from a day the minutes name, or only said to be a new date
        moved = pick(language, " – flyttat hit, nytt datum", " – moved here, a new date")
        if view.moved_from is not None:
            moved = pick(language, " – flyttat från ", " – moved from ") + day(
                view.moved_from.date(), language
            )
        text += moved
    if with_group:
        text = f"{groups_text(view.groups, language)}: {text}"
    return text


def meeting_source(view: MeetingView) -> Source:
    return Source(document=view.document, meeting_date=view.day.isoformat(), item=None)


def decision_fact(view: DecisionView) -> DecisionFact:
    return DecisionFact(
        group=" + ".join(view.groups),
        meeting_date=view.meeting_date.isoformat(),
        item=view.item_number,
        title=view.item_title,
        text=view.text,
        document=view.document,
        kind=view.kind,
        referred_to=view.referred_to,
    )


def decision_source(view: DecisionView) -> Source:
    return Source(view.document, view.meeting_date.isoformat(), view.item_number or None)


def item_source(view: ItemView, snippet: str | None = None) -> Source:
    return Source(view.document, view.meeting_date.isoformat(), view.number or view.parent, snippet)


def person_fact(view: AttendanceView) -> PersonFact:
    return PersonFact(
        name=view.name,
        organization=view.organization,
        role=view.role,
        group=view.group,
        meeting_date=view.meeting_date.isoformat(),
        present=view.present,
    )


def person_source(view: AttendanceView) -> Source:
    return Source(view.document, view.meeting_date.isoformat(), None)


def unique_sources(sources: Iterable[Source]) -> list[Source]:
    return list(dict.fromkeys(sources))


def day_bounds(first: date, last: date) -> tuple[datetime, datetime]:
    """[start of `first`, start of the day after `last`) in Stockholm time."""
    start = datetime.combine(first, time(0), STOCKHOLM)
    return start, datetime.combine(last, time(0), STOCKHOLM) + timedelta(days=1)
