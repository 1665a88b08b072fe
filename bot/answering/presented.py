"""Answers about what a person presented: the agenda items whose presenters
include them ("vilka ärenden föredrog Jan Sundelius?"), newest meeting first; the
same items as part of who someone is, and for a presenter on no attendance list
("vem är Åsa Kindahl?") all the minutes say of them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from itertools import groupby

from sqlalchemy.orm import Session

from bot.answering.facts import groups_text, item_source
from bot.answering.format import day, join, pick
from bot.answers import Answer, AskContext
from bot.understanding.query import Query
from storage.queries import ItemView
from storage.queries.presented import items_presented, items_presented_by
from storage.registry import fold

MAX_ITEMS = 30
MAX_SHOWN = 6  # items named in a person's profile; "vad föredrog …?" names them all


def answer_presented(session: Session, query: Query, context: AskContext) -> Answer:
    """Example: "Jan Sundelius föredrog:\\n• Chefsgrupp … fredag 29 maj 2026: 7. Riktlinje …"."""
    lang, person = query.language, str(query.person)
    first = query.date or (query.period.start if query.period else None)
    last = query.date or (query.period.end if query.period else context.now.date())
    items = items_presented_by(session, person, first=first, last=min(last, context.now.date()))
    items = [i for i in items if query.group is None or query.group in i.groups][:MAX_ITEMS]
    if not items:
        text = pick(
            lang,
            f"Jag hittar inga punkter som {person} föredrog i protokollen.",
            f"I find no agenda items presented by {person} in the minutes.",
        )
        return Answer("agenda", text, language=lang, found=False)
    lines = [
        pick(lang, f"{person} föredrog:", f"{person} presented:"),
        *_by_meeting(items, person, lang),
    ]
    return Answer(
        "agenda",
        "\n".join(lines),
        sources=[item_source(i) for i in items],
        language=lang,
    )


def presented_lines(items: Sequence[ItemView], person: str, lang: str) -> list[str]:
    """The items a person presented, for their profile: the newest few, by meeting,
    and how many more there are."""
    if not items:
        return []
    lines = [
        pick(lang, f"Föredrog ({len(items)} punkter):", f"Presented ({len(items)} items):")
        if len(items) > 1
        else pick(lang, "Föredrog:", "Presented:"),
        *_by_meeting(items[:MAX_SHOWN], person, lang),
    ]
    if len(items) > MAX_SHOWN:
        more = len(items) - MAX_SHOWN
        lines.append(
            pick(
                lang,
                f"… och {more} till: fråga ”vad föredrog {person}?”.",
                f"… and {more} more: ask “what did {person} present?”.",
            )
        )
    return lines


def presenter_word(lang: str) -> str:
    """What a presenter on no attendance list is known as."""
    return pick(lang, "föredragande, på ingen deltagarlista", "presenter, on no attendance list")


def nobody_called(name: str, lang: str) -> Answer:
    """No one of that name in the minutes, said plainly."""
    text = pick(
        lang,
        f"Jag hittar ingen {name} i protokollen.",
        f"I find nobody called {name} in the minutes.",
    )
    return Answer("person", text, language=lang, found=False)


def answer_unlisted_presenter(session: Session, name: str, lang: str, last_day: date) -> Answer:
    """A person the minutes name only as presenter of agenda items: those items, and
    no organisation (no list states one)."""
    items = [i for i in items_presented(session, (), [name]) if i.meeting_date <= last_day]
    if not items:
        return nobody_called(name, lang)
    lines = [
        pick(
            lang,
            f"{name} står inte i någon deltagarlista, men föredrog i protokollen "
            "(organisation anges inte):",
            f"{name} is in no attendance list, but presented in the minutes "
            "(no organisation is given):",
        ),
        *_by_meeting(items[:MAX_ITEMS], name, lang),
    ]
    return Answer(
        "person",
        "\n".join(lines),
        sources=[item_source(i) for i in items[:MAX_ITEMS]],
        language=lang,
    )


def _by_meeting(items: Sequence[ItemView], person: str, lang: str) -> list[str]:
    """ "• Chefsgrupp … fredag 8 september 2023: 9. Psykiatrin … (med Johan Molin)"."""
    lines = []
    for (_, meeting_day, groups), of_meeting in groupby(
        items, key=lambda i: (i.meeting_id, i.meeting_date, i.groups)
    ):
        said = "; ".join(_item_text(i, person, lang) for i in of_meeting)
        lines.append(f"• {groups_text(groups, lang)} {day(meeting_day, lang)}: {said}")
    return lines


def _item_text(item: ItemView, person: str, lang: str) -> str:
    """ "7. Riktlinje … (med Ammi Gustafsson och Fredrik Svensson)"; a sub-heading
    under its item: "6. Mobila team – rapport från utredning"."""
    number = item.number or item.parent
    text = f"{number}. {item.title}" if number else item.title
    others = [p for p in item.presenters if set(fold(p).split()) != set(fold(person).split())]
    if others:
        text += pick(lang, " (med ", " (with ") + join(others, lang) + ")"
    return text
