"""Answers about what a person presented: the agenda items whose presenters
include them ("vilka ärenden föredrog Jan Sundelius?"), newest meeting first."""

from __future__ import annotations

from itertools import groupby

from sqlalchemy.orm import Session

from bot.answering.facts import groups_text, item_source
from bot.answering.format import day, join, pick
from bot.answers import Answer, AskContext
from bot.understanding.query import Query
from storage.queries import ItemView
from storage.queries.presented import items_presented_by
from storage.registry import fold

MAX_ITEMS = 30


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
    lines = [pick(lang, f"{person} föredrog:", f"{person} presented:")]
    for (_, meeting_day, groups), of_meeting in groupby(
        items, key=lambda i: (i.meeting_id, i.meeting_date, i.groups)
    ):
        said = "; ".join(_item_text(i, person, lang) for i in of_meeting)
        lines.append(f"• {groups_text(groups, lang)} {day(meeting_day, lang)}: {said}")
    return Answer(
        "agenda",
        "\n".join(lines),
        sources=[item_source(i) for i in items],
        language=lang,
    )


def _item_text(item: ItemView, person: str, lang: str) -> str:
    """ "7. Riktlinje … (med Ammi Gustafsson och Fredrik Svensson)"; a sub-heading
    under its item: "6. Mobila team – rapport från utredning"."""
    number = item.number or item.parent
    text = f"{number}. {item.title}" if number else item.title
    others = [p for p in item.presenters if set(fold(p).split()) != set(fold(person).split())]
    if others:
        text += pick(lang, " (med ", " (with ") + join(others, lang) + ")"
    return text
