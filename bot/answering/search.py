"""Free search in the minutes: the agenda items that speak of a topic, with the
sentence that does, and the planned meetings the topic names."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from bot.answering.facts import day_bounds, groups_text, item_source, meeting_fact, meeting_line
from bot.answering.format import day, join, pick
from bot.answering.matches import Found, find_items
from bot.answering.relevance import Asked, snippet_for, stemmed, subject_said
from bot.answering.topics import nothing_then, quoted
from bot.answering.written import earlier, written_by
from bot.answers import Answer, AskContext
from bot.understanding.facets import PRESENTED, asks_when
from bot.understanding.query import Period, Query
from storage.queries import ItemView, MeetingView, meetings_between
from storage.queries.decisions import TITLE_SCORE
from storage.queries.presented import items_presented_by
from storage.registry import fold
from storage.search import begins, stem_words

# Items on a topic whose presenters are named, at most ("vem föredrog punkten om X?")
MAX_PRESENTED = 5


def answer_search(session: Session, query: Query, context: AskContext) -> Answer:
    lang = query.language
    written = written_by(session, context.now)  # minutes of later meetings are not written yet
    span: tuple[datetime | None, datetime | None] = (None, written)
    # a span or a day asked ("vad sades om X på mötet 29 maj?"), or none
    period = query.period or (Period(query.date, query.date) if query.date else None)
    if period is not None:
        start, end = day_bounds(period.start, period.end)
        span = (start, earlier(end, written))
    found = find_items(session, query, span)
    asked = quoted(_asked(query, found))
    elsewhen = False
    if not found.hits and found.words and period is not None:
        # the year may belong to the subject ("konferensen 2027"): any time, said so
        found = find_items(session, query, (None, written))
        elsewhen = bool(found.hits)
    words, hits = found.words, found.hits
    if not hits:
        return _nothing(query, asked)
    if not query.person and PRESENTED.search(fold(query.raw)):
        presented = [hit for hit in hits if hit.presenters]
        # the items titled so ("6. Psykisk hälsa"), if any, not those that speak of it
        presented = [hit for hit in presented if hit.score >= TITLE_SCORE] or presented
        if presented:
            return _presenters(query, presented[:MAX_PRESENTED], asked)
    said_by = None
    if query.person and query.topic:  # "vad sa Ingmar om X?": what the person said first
        said_by = _by_person(session, query.person, hits)
        hits = said_by + [hit for hit in hits if hit not in said_by]
    # "när är internatet?": the planned meeting the schedule's note names
    scheduled = _scheduled(session, query, context, words, hits) if asks_when(query.raw) else []
    lines = [
        pick(lang, "Planerat möte: ", "Planned meeting: ") + meeting_line(m, lang)
        for m in scheduled
    ]
    if elsewhen and period is not None:
        lines.append(nothing_then(period, lang, "search"))
    if said_by is not None:
        lines.append(_person_line(query.person or "", asked, bool(said_by), lang))
    lines.append(_heading(found, asked, lang))
    sources = []
    for hit in hits:
        snippet = item_snippet(hit, words, found.asked)
        lines.append(f"• {item_label(hit, lang)}: {snippet}")
        sources.append(item_source(hit, snippet))
    return Answer(
        "search",
        "\n".join(lines),
        meetings=[meeting_fact(m) for m in scheduled],
        sources=sources,
        language=lang,
    )


def _presenters(query: Query, items: list[ItemView], asked: str) -> Answer:
    """ "vem föredrog punkten om psykisk hälsa?": who presented the items on it."""
    lang = query.language
    lines = [pick(lang, f"Föredragande, punkter om {asked}:", f"Presenters of items on {asked}:")]
    for item in items:
        lines.append(f"• {item_label(item, lang)}: {join(item.presenters, lang)}")
    return Answer(
        "agenda",
        "\n".join(lines),
        sources=[item_source(item) for item in items],
        language=lang,
    )


# Meetings whose schedule note ("internat") a search's words name are looked for this
# far either side of now (or in the period asked about), in the hits' groups.
SCHEDULE_REACH = timedelta(days=366)


def _scheduled(
    session: Session, query: Query, context: AskContext, words: list[str], hits: list[ItemView]
) -> list[MeetingView]:
    """The planned meetings a search is about: "när är internatet?" names the
    schedule's "8/10 kl 12 – 9/10 kl 13 Fysiskt möte internat"."""
    if query.period is not None:
        start, end = day_bounds(query.period.start, query.period.end)
    else:
        start, end = context.now - SCHEDULE_REACH, context.now + SCHEDULE_REACH
    groups = list(dict.fromkeys(g for hit in hits for g in hit.groups[:1]))[:2]
    found: list[MeetingView] = []
    for group in groups:
        for meeting in meetings_between(session, start, end, group=group, limit=50):
            noted = stem_words(meeting.note or "")
            if noted and all(any(begins(n, w) for n in noted) for w in words):
                found.append(meeting)
    return list(dict.fromkeys(found))[:3]


def _by_person(session: Session, person: str, hits: list[ItemView]) -> list[ItemView]:
    """Those of `hits` the person presented, or whose text names them."""
    presented = {item.id for item in items_presented_by(session, person)}
    names = [w for w in fold(person).split() if len(w) >= 3]
    return [
        hit
        for hit in hits
        if hit.id in presented
        or any(re.search(rf"\b{re.escape(n)}\b", fold(f"{hit.title} {hit.text}")) for n in names)
    ]


def _person_line(person: str, asked: str, found: bool, lang: str) -> str:
    if found:
        return pick(
            lang,
            f"Först det {person} föredrog eller nämns i:",
            f"First where {person} presented or is named:",
        )
    return pick(
        lang,
        f"Protokollen säger inte vad {person} sa om {asked}.",
        f"The minutes do not say what {person} said about {asked}.",
    )


def item_snippet(hit: ItemView, words: list[str], asked: Asked | None = None) -> str:
    """The sentence of an item that best answers `asked` (else speaks of `words`),
    else its title."""
    about = asked is not None and asked.figure is not None and _mentions(hit.title, words)
    if not (about or _mentions(hit.text, list(asked.all_words) if asked else words)):
        # the title names it, the text goes on without the words ("Gängkriminalitet":
        # "GVI (Grupp Vålds Intervention) …"): how the text begins, else the title
        return snippet_for(hit.text, Asked(()), hit.title) or hit.title
    return snippet_for(hit.text, asked or Asked(tuple(words)), hit.title)


def _nothing(query: Query, asked: str) -> Answer:
    """Nothing found; asked within one group (one of several named), that group said."""
    lang = query.language
    if query.group is not None:
        text = pick(
            lang,
            f"Jag hittar inget om {asked} i protokollen för {query.group}.",
            f"I find nothing about {asked} in the minutes of {query.group}.",
        )
    else:
        text = pick(
            lang,
            f"Jag hittar inget om {asked} i protokollen.",
            f"I find nothing about {asked} in the minutes.",
        )
    return Answer("search", text, language=lang, found=False)


def _asked(query: Query, found: Found) -> str:
    """What the answer says it looked for: the subject; "what did Ingmar Ångman say?":
    the person; no subject read ("vad sades om it?"): the words searched for."""
    if query.topic:
        return subject_said(query.topic, query.raw)
    if query.person:
        return query.person
    return " ".join(found.words) if found.words else query.raw


def _heading(found: Found, asked: str, lang: str) -> str:
    """ "I protokollen om X:", after what was not found when only some words were."""
    said = ""
    if found.missing:
        missing = join([pick(lang, f"”{w}”", f"“{w}”") for w in found.missing], lang)
        said = pick(
            lang,
            f"Inget i protokollen nämner {missing}. ",
            f"Nothing in the minutes mentions {missing}. ",
        )
    if found.apart:
        return said + pick(
            lang,
            f"Ingen punkt i protokollen nämner allt i ”{asked}” på en gång; de som nämner mest av det:",
            f"No item in the minutes mentions all of “{asked}” at once; those that mention the most of it:",
        )
    if found.missing:
        shown = quoted(found.as_written)
        return said + pick(lang, f"I protokollen om ”{shown}”:", f"In the minutes about “{shown}”:")
    return pick(lang, f"I protokollen om {asked}:", f"In the minutes about {asked}:")


def _mentions(text: str, words: list[str]) -> bool:
    stems = stemmed(text)
    return any(f" {w}" in stems for w in words)


# A sentence that reports something decided: an item's report of another body's
# decision ("förslag till riktlinje … antagen"), which the minutes do not record as
# the group's own decision.
_REPORTED = re.compile(
    r"\b(?:antag\w*|antogs|beslut\w*|beslöt|godkän\w*|fastställ\w*|adopted|approved|decided)\b",
    re.IGNORECASE,
)


def item_label(item: ItemView, lang: str) -> str:
    """ "Chefsgrupp … fredag 29 maj 2026, punkt 4 Rapport från AU"."""
    return (
        f"{groups_text(item.groups, lang)} {day(item.meeting_date, lang)}, "
        + pick(lang, "punkt", "item")
        + f" {item.number or item.parent or '–'} {item.title}"
    )


def mention_line(hit: ItemView, snippet: str, lang: str) -> str:
    """ "\n• Chefsgrupp … 29 maj 2026, punkt 4 Rapport från AU: <the sentence>"; a
    reported decision said to be one."""
    line = f"\n• {item_label(hit, lang)}"
    if snippet == hit.title:
        return line
    line += f": {snippet}"
    if _REPORTED.search(snippet):
        line += pick(
            lang,
            " (ett beslut som rapporteras på mötet, inte antecknat som gruppens eget beslut)",
            " (a decision reported at the meeting, not recorded as the group's own)",
        )
    return line
