"""A meeting asked about by its day, whose minutes are not stored, may still be
spoken of in later minutes ("Anteckningarna från mötet 2020-01-24 lades till
handlingarna"): where, so that "I find no minutes" is not all the answer says.

    >>> lines, sources = day_mentioned(session, date(2020, 1, 24), None, "sv", now)
    >>> lines
    ['Dagen nämns i:', '• Chefsgrupp folkhälsa fredag 20 mars 2020, punkt 1 Föregående …']
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

from babel.dates import format_date
from sqlalchemy.orm import Session

from bot.answering.facts import groups_text, item_source
from bot.answering.format import day, pick
from bot.answers import Source
from storage.parsing.records import STOCKHOLM
from storage.queries import items_saying

# Later minutes speak of a meeting within months: those of the meetings begun this
# long after the day are read (a year's meetings of the groups at most).
WITHIN = timedelta(days=200)
SHOWN = 2  # mentions shown at most
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")
_LONGEST = 220  # characters of a mention shown


def day_mentioned(
    session: Session, asked: date, group: str | None, lang: str, now: datetime
) -> tuple[list[str], list[Source]]:
    """Where minutes of meetings after `asked` (and before `now`), of `group` if
    given, speak of that day: a line each, and their sources."""
    start = datetime.combine(asked + timedelta(days=1), time(0), STOCKHOLM)
    end = min(start + WITHIN, now)
    if end <= start:
        return [], []
    said_sv = format_date(asked, "d MMMM", locale="sv_SE").lower()
    numeric = f"{asked.day}/{asked.month}"
    patterns = [f"%{asked.isoformat()}%", f"%{said_sv}%", f"%{numeric}%"]
    written = re.compile(
        rf"(?<![\d-]){asked.isoformat()}(?!\d)"
        rf"|(?<!\d){asked.day}\s+{said_sv.split()[1]}(?!\w)(?:\s+{asked.year}|(?![\s\d]*\d{{4}}))"
        rf"|(?<![\d/]){numeric}(?:/{asked.year}|/{asked.year % 100:02d})?(?![\d/])",
        re.IGNORECASE,
    )
    lines: list[str] = []
    sources: list[Source] = []
    for item in reversed(items_saying(session, patterns, start=start, end=end)):  # oldest first
        if group is not None and group not in item.groups:
            continue
        sentence = next((s for s in _SENTENCE.split(item.text) if written.search(s)), None)
        if sentence is None:
            continue
        said = " ".join(sentence.split())
        said = said if len(said) <= _LONGEST else said[: _LONGEST - 1].rstrip() + "…"
        where = (
            f"{groups_text(list(item.groups), lang)} {day(item.meeting_date, lang)}, "
            f"{pick(lang, 'punkt', 'item')} {item.number} {item.title}".rstrip()
        )
        lines.append(f"{where}: " + pick(lang, f"”{said}”", f"“{said}”"))
        sources.append(item_source(item))
        if len(lines) == SHOWN:
            break
    if not lines:
        return [], []
    # (the day may be of something else than a meeting: "Uppföljningsdag 28 februari")
    heading = pick(lang, "Dagen nämns i:", "The day is mentioned in:")
    return [heading, *(f"• {line}" for line in lines)], sources
