"""Answers about what was decided, what was on the agenda and what was said."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import timedelta

from sqlalchemy.orm import Session

from bot.answering.chosen import asked_meeting, place_asked
from bot.answering.facts import (
    day_bounds,
    decision_fact,
    decision_source,
    groups_text,
    item_source,
    meeting_fact,
    meeting_source,
    unique_sources,
)
from bot.answering.format import day, pick
from bot.answering.meetings import no_meeting
from bot.answers import Answer, AskContext, Source
from bot.understanding.query import Query
from storage.queries import (
    DecisionView,
    MeetingView,
    decisions,
    items_of,
    later_decisions,
    meetings_on,
    search_items_text,
)
from storage.registry import group_in
from storage.search import stem_words

MAX_SHOWN = 8
MAX_FOLLOWED = 2
# A postponed question is looked for in its group's meetings this long after,
# among the first agenda items on its subject stored after it.
FOLLOW_UP = timedelta(days=366)
FOLLOW_DEPTH = 40
KIND_WORDS = {
    "sv": {
        "postponed": "bordlagt/hänskjutet",
        "endorsed": "ställde sig bakom",
        "adopted": "antaget",
        "noted": "lades till handlingarna",
        "procedural": "formalia",
    },
    "en": {
        "postponed": "postponed/referred",
        "endorsed": "endorsed",
        "adopted": "adopted",
        "noted": "noted",
        "procedural": "procedural",
    },
}
# Words that carry no topic: question words, fillers and the domain's own verbs.
STOPWORDS = frozenset(
    stem_words(
        "och i om för att det som en ett på med av till från vad vilka vilket vilken när var hur "
        "beslut besluten beslutades beslutade besluta fattades fattade tog togs sades sagt sagts "
        "mötet möte möten protokoll protokollet minnesanteckningar gruppen chefsgruppen rådet "
        "the a an of about on in for to what which when was were is did decide decided decision "
        "decisions said say group meeting minutes "
        # asking for postponed decisions (Query.status) is not a topic
        "bordlagd bordlagt bordlagda bordlagts bordlades bordläggas hänskjuten hänskjutet "
        "hänskjutna hänskjutits hänsköts hänskjuts uppskjuten uppskjutet uppskjutna "
        "postponed deferred tabled referred fråga frågan frågor frågorna har hade question questions"
    )
)


def topic_words(topic: str | None) -> list[str]:
    return [w for w in stem_words(topic or "") if w not in STOPWORDS]


def answer_decisions(session: Session, query: Query, context: AskContext) -> Answer:
    lang = query.language
    asked = _meetings_asked(session, query, context)
    if isinstance(asked, Answer):
        return asked
    meeting_ids, place_words = asked
    words = [w for w in topic_words(query.topic) if w not in topic_words(" ".join(place_words))]
    start = end = None
    if query.period is not None and meeting_ids is None:
        start, end = day_bounds(query.period.start, query.period.end)
    found = decisions(
        session,
        meeting_ids=meeting_ids,
        words=words,
        group=query.group,
        start=start,
        end=end,
        limit=60,
        kind=query.status,
    )
    substantive = [d for d in found if d.kind != "procedural"]
    found = substantive or ([] if words else found)
    if not found:
        return _no_decisions(session, query, words)
    # one meeting asked about: its decisions in agenda order, all of them
    shown = found if meeting_ids is not None and len(meeting_ids) == 1 else found[:MAX_SHOWN]
    about = (
        f" {pick(lang, 'om', 'about')} {_shown_topic(query.topic, place_words)}" if words else ""
    )
    label = (
        pick(lang, "Bordlagda eller hänskjutna frågor", "Postponed or referred questions")
        if query.status == "postponed"
        else pick(lang, "Beslut", "Decisions")
    )
    lines = [f"{label}{about}:"]
    followed = 0
    # Asked by topic alone, `found` holds the newest decisions on it: a postponed
    # one is followed among them when they reach back to it.
    known = found if words and query.group is None and query.period is None else []
    for view in shown:
        lines.append("• " + _decision_line(view, lang))
        # Follow the first postponed questions to where they went; more would be noise.
        if view.kind == "postponed" and followed < MAX_FOLLOWED:
            followed += 1
            lines.append("  " + _followed(session, view, words, lang, known))
    if len(found) > len(shown):
        lines.append(
            pick(
                lang,
                f"… och {len(found) - len(shown)} till.",
                f"… and {len(found) - len(shown)} more.",
            )
        )
    return Answer(
        "decisions",
        "\n".join(lines),
        decisions=[decision_fact(d) for d in found],
        sources=unique_sources(decision_source(d) for d in shown),
        language=lang,
    )


def _meetings_asked(
    session: Session, query: Query, context: AskContext
) -> tuple[list[int] | None, tuple[str, ...]] | Answer:
    """The meetings whose decisions are asked for (None: any) and the words that
    named a meeting's place: a day's meetings; one meeting ("förra mötet", "första
    mötet 2023", "mötet i Vingåker"); or a "not found" answer."""
    if query.date is not None:
        on_day = meetings_on(session, query.date, group=query.group, minutes_only=True)
        if not on_day:
            return no_meeting(session, query, context, "decisions")
        return [m.id for m in on_day], ()
    place = place_asked(session, query)
    if query.which is None and not place.places:
        return None, ()
    coming = query.which == "next"
    meeting = asked_meeting(session, query, context, minutes_only=not coming, place=place)
    if meeting is None:
        return no_meeting(session, query, context, "decisions")
    if not meeting.has_minutes:  # "vad beslutas på nästa möte?"
        return _not_held(meeting, query)
    return [meeting.id], place.words


def _shown_topic(topic: str | None, place_words: tuple[str, ...]) -> str:
    """The topic as asked, without the words that named the meeting's place."""
    if not place_words:
        return topic or ""
    pattern = (
        r"\s*\b(?:i|in|på|pa|at|vid)?\s*\b(?:" + "|".join(map(re.escape, place_words)) + r")\b"
    )
    return re.sub(pattern, "", topic or "").strip()


def _not_held(meeting: MeetingView, query: Query) -> Answer:
    lang = query.language
    text = pick(
        lang,
        f"Mötet med {groups_text(meeting.groups, lang)} {day(meeting.day, lang)} har inga "
        "protokoll ännu, så inga beslut finns från det.",
        f"The meeting of {groups_text(meeting.groups, lang)} on {day(meeting.day, lang)} has "
        "no minutes yet, so no decisions from it are known.",
    )
    return Answer(
        "decisions",
        text,
        meetings=[meeting_fact(meeting)],
        sources=[meeting_source(meeting)],
        language=lang,
        found=False,
    )


def answer_agenda(session: Session, query: Query, context: AskContext) -> Answer:
    lang = query.language
    meeting = asked_meeting(session, query, context)
    if meeting is None:
        return no_meeting(session, query, context, "agenda")
    items = [i for i in items_of(session, meeting.id) if i.number]
    head = pick(
        lang,
        f"Dagordning för {groups_text(meeting.groups, lang)} {day(meeting.day, lang)}:",
        f"Agenda of {groups_text(meeting.groups, lang)} on {day(meeting.day, lang)}:",
    )
    lines = [
        head,
        *(
            f"{i.number}. {i.title}" + (f" ({', '.join(i.presenters)})" if i.presenters else "")
            for i in items
        ),
    ]
    return Answer(
        "agenda",
        "\n".join(lines),
        sources=[Source(meeting.document, meeting.day.isoformat(), i.number) for i in items][:30],
        language=lang,
        found=bool(items),
    )


def answer_search(session: Session, query: Query, context: AskContext) -> Answer:
    lang = query.language
    words = topic_words(query.topic or query.raw)
    start = end = None
    if query.period is not None:
        start, end = day_bounds(query.period.start, query.period.end)
    hits = (
        search_items_text(session, words, group=query.group, start=start, end=end, limit=6)
        if words
        else []
    )
    if not hits:
        text = pick(
            lang,
            f"Jag hittar inget om {query.topic or query.raw} i protokollen.",
            f"I find nothing about {query.topic or query.raw} in the minutes.",
        )
        return Answer("search", text, language=lang, found=False)
    lines = [pick(lang, f"I protokollen om {query.topic}:", f"In the minutes about {query.topic}:")]
    sources = []
    for hit in hits:
        snippet = snippet_for(hit.text, words) if _mentions(hit.text, words) else hit.title
        label = (
            f"{groups_text(hit.groups, lang)} {day(hit.meeting_date, lang)}, "
            + pick(lang, "punkt", "item")
            + f" {hit.number or hit.parent or '–'} {hit.title}"
        )
        lines.append(f"• {label}: {snippet}")
        sources.append(item_source(hit, snippet))
    return Answer("search", "\n".join(lines), sources=sources, language=lang)


def snippet_for(text: str, words: list[str], width: int = 220) -> str:
    """The sentence that best matches `words`, cut to about `width` characters."""
    sentences = [s.strip() for s in re.split(r"(?<=[.!?])\s+|\n+", text) if s.strip()]
    if not sentences:
        return ""

    def score(sentence: str) -> int:
        stems = stem_words(sentence)
        return sum(1 for w in words if any(s.startswith(w) for s in stems))

    best = max(sentences, key=score)
    return best if len(best) <= width else best[: width - 1].rsplit(" ", 1)[0] + "…"


def _mentions(text: str, words: list[str]) -> bool:
    stems = set(stem_words(text))
    return any(any(s.startswith(w) for s in stems) for w in words)


def _decision_line(view: DecisionView, lang: str) -> str:
    item = pick(lang, "punkt", "item") + f" {view.item_number} " if view.item_number else ""
    kind = KIND_WORDS[lang].get(view.kind)
    marker = f" [{kind}]" if kind and view.kind in ("postponed",) else ""
    referred = (
        pick(lang, f" (hänskjutet till {view.referred_to})", f" (referred to {view.referred_to})")
        if view.referred_to
        else ""
    )
    return (
        f"{groups_text(view.groups, lang)} {day(view.meeting_date, lang)}, {item}{view.item_title}: "
        f"{view.text}{marker}{referred}"
    )


def _followed(
    session: Session,
    view: DecisionView,
    asked: list[str],
    lang: str,
    known: Sequence[DecisionView] = (),
) -> str:
    """Where a postponed question went: the first later decision on the same
    subject (the words asked about, else the agenda item's title) in the year
    after, in the group's own meetings, else in those of the group it was
    referred to ("hänskjuts till chefsgruppen"). Not in any group's: in a store
    of many groups another group's decision on the same words is not where this
    question went. (A group's meetings of a year are read whole; a meeting of no
    known group is followed among the year's first 40 matching agenda items.)

    `known`: the newest decisions on the words asked about, this one among them:
    they hold the later ones (bar text-only mentions past the newest 60), and no
    query is needed."""
    words = tuple(asked or topic_words(view.item_title)[:4])
    after = day_bounds(view.meeting_date, view.meeting_date)[1]
    until = after + FOLLOW_UP
    later: list[DecisionView] = []
    complete = bool(asked) and view in known
    referred = group_in(view.referred_to or "")
    groups: list[str | None] = list(dict.fromkeys(g for g in (*view.groups[:1], referred) if g))
    for group in (groups or [None]) if words else ():
        if complete:
            found = [
                d
                for d in known
                if view.meeting_date < d.meeting_date < until.date()
                and (group is None or group in d.groups)
            ]
        elif group is not None:
            found = later_decisions(session, words, group=group, start=after, end=until)
        else:  # a meeting of no known group: any group's, among the first matches
            found = decisions(
                session,
                words=words,
                start=after,
                end=until,
                depth=FOLLOW_DEPTH,
                oldest_first=True,
                ranked=False,  # the first by date is taken
            )
        later = [d for d in found if d.kind != "procedural"]
        if later:
            break
    if not later:
        return pick(
            lang,
            "Inget senare beslut i frågan finns i protokollen ännu.",
            "No later decision on it is in the minutes yet.",
        )
    first = min(later, key=lambda d: d.meeting_date)
    return pick(lang, "Följdes upp: ", "Followed up: ") + _decision_line(first, lang)


def _no_decisions(session: Session, query: Query, words: list[str]) -> Answer:
    lang = query.language
    if words:
        text = pick(
            lang,
            f"Jag hittar inga beslut om {query.topic} i protokollen.",
            f"I find no decisions about {query.topic} in the minutes.",
        )
        hits = search_items_text(session, words, group=query.group, limit=3)
        if hits:
            text += pick(lang, " Det nämns i: ", " It is mentioned in: ") + "; ".join(
                f"{groups_text(h.groups, lang)} {day(h.meeting_date, lang)}, {h.title}"
                for h in hits
            )
        sources = [item_source(h) for h in hits]
    else:
        text = pick(
            lang,
            "Jag hittar inga beslut för det du frågar om i protokollen.",
            "I find no decisions for what you ask about in the minutes.",
        )
        sources = []
    return Answer("decisions", text, sources=sources, language=lang, found=False)
