"""Free search in the minutes: the agenda items that speak of a topic, with the
sentence that does, and the planned meetings the topic names."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from bot.answering.facts import day_bounds, groups_text, item_source, meeting_fact, meeting_line
from bot.answering.format import day, pick
from bot.answering.topics import nothing_then, quoted, search_topics, topic_words
from bot.answering.written import earlier, written_by
from bot.answers import Answer, AskContext
from bot.understanding.facets import asks_when
from bot.understanding.query import Query
from storage.queries import ItemView, MeetingView, meetings_between, search_items_text
from storage.search import stem_words
from storage.search_words import known_words


def answer_search(session: Session, query: Query, context: AskContext) -> Answer:
    lang = query.language
    # "what did Ingmar Ångman say?": the person is what is looked for
    asked = quoted(query.topic or query.person or query.raw)
    written = written_by(session, context.now)  # minutes of later meetings are not written yet
    span: tuple[datetime | None, datetime | None] = (None, written)
    if query.period is not None:
        start, end = day_bounds(query.period.start, query.period.end)
        span = (start, earlier(end, written))
    words, hits = _search(session, query, span)
    elsewhen = False
    if not hits and words and query.period is not None:
        # the year may belong to the subject ("konferensen 2027"): any time, said so
        words, hits = _search(session, query, (None, written))
        elsewhen = bool(hits)
    if not hits:
        text = pick(
            lang,
            f"Jag hittar inget om {asked} i protokollen.",
            f"I find nothing about {asked} in the minutes.",
        )
        return Answer("search", text, language=lang, found=False)
    # "när är internatet?": the planned meeting the schedule's note names
    scheduled = _scheduled(session, query, context, words, hits) if asks_when(query.raw) else []
    lines = [
        pick(lang, "Planerat möte: ", "Planned meeting: ") + meeting_line(m, lang)
        for m in scheduled
    ]
    if elsewhen and query.period is not None:
        lines.append(nothing_then(query.period, lang, "search"))
    lines.append(pick(lang, f"I protokollen om {asked}:", f"In the minutes about {asked}:"))
    sources = []
    for hit in hits:
        snippet = item_snippet(hit, words)
        label = (
            f"{groups_text(hit.groups, lang)} {day(hit.meeting_date, lang)}, "
            + pick(lang, "punkt", "item")
            + f" {hit.number or hit.parent or '–'} {hit.title}"
        )
        lines.append(f"• {label}: {snippet}")
        sources.append(item_source(hit, snippet))
    return Answer(
        "search",
        "\n".join(lines),
        meetings=[meeting_fact(m) for m in scheduled],
        sources=sources,
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
            if noted and all(any(n.startswith(w) for n in noted) for w in words):
                found.append(meeting)
    return list(dict.fromkeys(found))[:3]


def _search(
    session: Session, query: Query, span: tuple[datetime | None, datetime | None]
) -> tuple[list[str], list[ItemView]]:
    """The words looked for and the agenda items that have them: the topic as asked,
    or for an English question first in Swedish; a word the minutes do not have read
    as the nearest one they have."""
    first: list[str] | None = None
    for topic in search_topics(query) if query.topic else [query.person or query.raw]:
        words = known_words(session, topic_words(topic))
        first = words if first is None else first
        if not words:
            continue
        hits = search_items_text(
            session, words, group=query.group, start=span[0], end=span[1], limit=6
        )
        if hits:
            return words, hits
    return first or [], []


def snippet_for(text: str, words: list[str], width: int = 220) -> str:
    """The sentence that best matches `words`, cut to about `width` characters."""
    sentences = _sentences(text)
    if not sentences:
        return ""

    def score(sentence: str) -> int:
        stems = stem_words(sentence)
        return sum(1 for w in words if any(s.startswith(w) for s in stems))

    best = max(sentences, key=score)
    return best if len(best) <= width else best[: width - 1].rsplit(" ", 1)[0] + "…"


# Abbreviations a sentence goes on after ("förslag till riktlinje ang. HLR").
_ABBREVIATIONS = frozenset(
    (
        *("ang.", "bl.a.", "t.ex.", "resp.", "ca.", "kl.", "nr.", "jfr.", "dvs.", "d.v.s."),
        *("s.k.", "m.m.", "mm.", "o.s.v.", "enl.", "p.g.a.", "pga.", "inkl.", "exkl."),
        *("st.", "tel.", "e.g.", "i.e.", "etc.", "approx.", "no."),
    )
)


def _sentences(text: str) -> list[str]:
    """`text` in sentences; a full stop after an abbreviation ends none."""
    sentences: list[str] = []
    for line in text.splitlines():
        joined = ""
        for piece in re.split(r"(?<=[.!?])\s+", line.strip()):
            joined = f"{joined} {piece}" if joined else piece
            last = joined.rsplit(" ", 1)[-1].casefold()
            if last not in _ABBREVIATIONS:
                sentences.append(joined)
                joined = ""
        if joined:
            sentences.append(joined)
    return [s for s in sentences if s.strip()]


def item_snippet(hit: ItemView, words: list[str]) -> str:
    """The sentence of an item that speaks of `words`, else its title."""
    return snippet_for(hit.text, words) if _mentions(hit.text, words) else hit.title


def _mentions(text: str, words: list[str]) -> bool:
    stems = set(stem_words(text))
    return any(any(s.startswith(w) for s in stems) for w in words)


# A sentence that reports something decided: an item's report of another body's
# decision ("förslag till riktlinje … antagen"), which the minutes do not record as
# the group's own decision.
_REPORTED = re.compile(
    r"\b(?:antag\w*|antogs|beslut\w*|beslöt|godkän\w*|fastställ\w*|adopted|approved|decided)\b",
    re.IGNORECASE,
)


def mention_line(hit: ItemView, snippet: str, lang: str) -> str:
    """ "\n• Chefsgrupp … 29 maj 2026, punkt 4 Rapport från AU: <the sentence>"; a
    reported decision said to be one."""
    line = (
        f"\n• {groups_text(hit.groups, lang)} {day(hit.meeting_date, lang)}, "
        + pick(lang, "punkt", "item")
        + f" {hit.number or hit.parent or '–'} {hit.title}"
    )
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
