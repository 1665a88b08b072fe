"""Answers about what was decided, what was on the agenda and what was said."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from bot.answering.chosen import asked_meeting, place_asked
from bot.answering.facts import (
    day_bounds,
    decision_fact,
    decision_source,
    groups_text,
    item_source,
    meeting_fact,
    meeting_line,
    meeting_source,
    unique_sources,
)
from bot.answering.format import day, pick, span
from bot.answering.meetings import find_meeting, no_meeting
from bot.answering.presented import answer_presented
from bot.answering.referred import planned_for, planned_line, referred_to, with_referred
from bot.answering.search import answer_search as search_answer
from bot.answering.search import item_snippet, mention_line
from bot.answering.topics import nothing_then, quoted, search_topics
from bot.answering.topics import topic_words as topic_words  # bot.inspect's
from bot.answering.written import as_of, earlier, written_by
from bot.answers import Answer, AskContext, Source
from bot.understanding.query import Period, Query
from storage.parsing.records import STOCKHOLM
from storage.queries import (
    DecisionView,
    MeetingView,
    decisions,
    items_of,
    later_decisions,
    meetings_between,
    meetings_on,
    previous_meetings,
    read_followed,
    search_items_text,
)
from storage.registry import fold, group_in
from storage.search_words import known_words

MAX_SHOWN = 8
MAX_FOLLOWED = 2
# "vilka frågor väntar fortfarande?": the newest postponed ones looked after, at most
PENDING_CHECKED = 20
# A postponed question is looked for in its group's meetings this long after,
# among the first agenda items on its subject stored after it.
FOLLOW_UP = timedelta(days=366)
FOLLOW_DEPTH = 40
KIND_WORDS = {
    "sv": {
        "postponed": "bordlagt/återremitterat/hänskjutet",
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


# Decisions read for one answer, at most (the newest, or one meeting's all)
DECISIONS_READ = 60
# "hur många beslut …?", "how many decisions …?": the heading says how many
_HOW_MANY = re.compile(r"\b(?:hur manga|how many|antal|antalet|number of)\b")
# Words for a meeting, as stemmed: "mötet", "internatet", "konferensen".
_GATHERING = re.compile(r"mot|meeting|traff|sammantrade|intern|konferens|conference")
_REFERRED_BACK = re.compile(r"återremitt|\breferred\s+back", re.IGNORECASE)


@dataclass(frozen=True)
class Known:
    """The decisions on the words asked that an answer already holds: every one of
    them (bar text-only mentions past the newest DECISIONS_READ) before `until`
    (None: up to now), of `group` (None: of every group). A postponed question among
    them whose later decision is among them too needs no statement to follow it."""

    decisions: Sequence[DecisionView] = ()
    until: datetime | None = None
    group: str | None = None

    def later(
        self, view: DecisionView, group: str | None, until: datetime
    ) -> list[DecisionView] | None:
        """The substantive decisions of `group` (None: any) on `view`'s question after
        it and before `until`, when they are known; None when a statement must look
        (the span runs past what is held, and what is held has none)."""
        if view not in self.decisions or self.group not in (None, group):
            return None
        bound = until if self.until is None else min(until, self.until)
        found = [
            d
            for d in self.decisions
            if view.meeting_date < d.meeting_date < bound.date()
            and (group is None or group in d.groups)
            and d.kind != "procedural"
        ]
        return found if found or bound == until else None


def answer_decisions(session: Session, query: Query, context: AskContext) -> Answer:
    lang = query.language
    written = written_by(session, context.now)  # minutes of later meetings are not written yet
    start = end = None
    on_day = _decisions_of_day(session, query, written)
    meeting_ids: list[int] | None
    place_words: tuple[str, ...]
    words: list[str]
    if on_day:  # "vilka beslut fattades 2023-09-08?": the day's, read by the day alone
        meeting_ids, place_words = list(dict.fromkeys(d.meeting_id for d in on_day)), ()
        words, found = [], on_day
    else:
        asked = _meetings_asked(session, query, context)
        if isinstance(asked, Answer):
            return asked
        meeting_ids, place_words = asked
        if query.period is not None and meeting_ids is None:
            start, end = day_bounds(query.period.start, query.period.end)
        end = earlier(end, written)
        words, found = _find_decisions(session, query, meeting_ids, place_words, (start, end))
    elsewhen = False
    if not found and words and start is not None:
        # the year may belong to the subject ("konferensen 2027"): any time, said so
        found = _find_decisions(session, query, meeting_ids, place_words, (None, written))[1]
        elsewhen = bool(found)
    elsewhere = ""
    if not found and words and meeting_ids is not None:
        # none on it at the meeting asked of ("vad beslutades där om X?"): at any, said so
        found = _find_decisions(session, query, None, place_words, (None, written))[1]
        elsewhere = _not_there(query) if found else ""
        meeting_ids = None if found else meeting_ids
    if not found and words and query.group and meeting_ids is None and not query.one_of_several:
        # none on it in the group asked of (or the channel's): in the others, said so
        others = replace(query, group=None)
        found = _find_decisions(session, others, None, place_words, (start, end))[1]
        elsewhere = _not_in_group(query) if found else ""
    if query.status == "pending":  # (`found` holds only postponed ones: no `known`)
        found = [
            d
            for d in found[:PENDING_CHECKED]
            if _later(session, d, words, Known(), written) is None
        ]
    if not found:
        if query.status == "outcome":  # "vad hände med X?": what the minutes say of it
            return search_answer(session, query, context)
        return _no_decisions(session, query, words, context.now, written)
    # one meeting asked about: its decisions in agenda order, all of them
    shown = found if meeting_ids is not None and len(meeting_ids) == 1 else found[:MAX_SHOWN]
    about = (
        f" {pick(lang, 'om', 'about')} {quoted(_shown_topic(query.topic, place_words))}"
        if words
        else ""
    )
    # the period as placed ("i oktober" is October 2022, the latest with minutes)
    period = query.period
    within = period is not None and start is not None and not elsewhen
    placed = f" {span(period.start, period.end, lang)}" if period is not None and within else ""
    # one meeting's decisions: the meeting said once, in the heading
    one = meeting_ids is not None and len({(d.groups, d.meeting_date) for d in shown}) == 1
    at = f" {_at_meeting(shown[0], lang)}" if one else ""
    counted = ""
    if _HOW_MANY.search(fold(query.raw)):  # "hur många beslut fattades 2023?"
        counted = f" ({len(found)})" if len(found) < DECISIONS_READ else f" ({DECISIONS_READ}+)"
    lines = [_decisions_label(query) + at + about + placed + counted + ":"]
    if elsewhen and query.period is not None:
        lines.insert(0, nothing_then(query.period, lang, "decisions"))
    if elsewhere:
        lines.insert(0, elsewhere)
    followed = 0
    # Asked by topic alone, `found` holds the newest decisions on it: a postponed
    # one is followed among them when they reach back to it.
    # (Asked for postponed ones only, `found` lacks the later decisions.)
    # (found elsewhere than asked, `found` says nothing of the group or meeting asked)
    unfiltered = query.status in (None, "outcome") and not elsewhere
    known = Known()
    if words and unfiltered and query.group is None and query.period is None:
        known = Known(found)
    elif words and unfiltered and len(found) < DECISIONS_READ:
        # asked for a group or a period: every decision on the words there is held,
        # the decision a postponed question got later among them if it fell there
        known = Known(found, None if elsewhen else end, query.group)
    if query.status != "pending":
        postponed = [view for view in shown if view.kind == "postponed"][:MAX_FOLLOWED]
        _read_follow_ups(session, postponed, words, known, written)
    for view in shown:
        lines.append("• " + _decision_line(view, lang, with_meeting=not one))
        # Follow the first postponed questions to where they went; more would be noise.
        if view.kind == "postponed" and followed < MAX_FOLLOWED and query.status != "pending":
            followed += 1
            said = _followed(session, view, words, lang, known, written, context.now)
            lines.append("  " + said)
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


def _not_there(query: Query) -> str:
    """ "Nothing on it at that meeting", before what was found at others."""
    lang = query.language
    if query.date is not None:
        return pick(
            lang,
            f"Inga beslut om det vid mötet {day(query.date, lang)}; från andra möten:",
            f"No decisions on it at the meeting on {day(query.date, lang)}; from other meetings:",
        )
    return pick(
        lang,
        "Inga beslut om det vid det mötet; från andra möten:",
        "No decisions on it at that meeting; from other meetings:",
    )


def _not_in_group(query: Query) -> str:
    """ "Nothing on it in that group", before what was found in others."""
    lang, group = query.language, groups_text([query.group or ""], query.language)
    return pick(
        lang,
        f"Inga beslut om det i protokollen för {group}; i andra grupper:",
        f"No decisions on it in the minutes of {group}; in other groups:",
    )


def _decisions_label(query: Query) -> str:
    lang = query.language
    if query.status == "pending":
        return pick(
            lang,
            "Bordlagda eller hänskjutna frågor utan senare beslut i protokollen",
            "Postponed or referred questions with no later decision in the minutes",
        )
    if query.status == "postponed":
        return pick(
            lang,
            "Bordlagda, återremitterade eller hänskjutna frågor",
            "Postponed or referred questions",
        )
    return pick(lang, "Beslut", "Decisions")


def _find_decisions(
    session: Session,
    query: Query,
    meeting_ids: list[int] | None,
    place_words: tuple[str, ...],
    span: tuple[datetime | None, datetime | None],
) -> tuple[list[str], list[DecisionView]]:
    """The topic's words and the decisions on them: the topic as asked, or for an
    English question first in Swedish; a word the minutes do not have read as the
    nearest one they have ("sucidsamordningen")."""
    placed = topic_words(" ".join(place_words))
    kind = {"pending": "postponed", "outcome": None}.get(query.status or "", query.status)
    first: list[str] | None = None
    for topic in search_topics(query):
        words = known_words(session, [w for w in topic_words(topic) if w not in placed])
        first = words if first is None else first
        found = decisions(
            session,
            meeting_ids=meeting_ids,
            words=words,
            group=query.group,
            start=span[0],
            end=span[1],
            limit=DECISIONS_READ,
            kind=kind,
        )
        substantive = [d for d in found if d.kind != "procedural"]
        found = substantive or ([] if words else found)
        if found:
            return words, found
    return first or [], []


def _decisions_of_day(
    session: Session, query: Query, written: datetime | None
) -> list[DecisionView]:
    """A day's decisions, when the question asks for all of them ("vilka beslut
    fattades 2023-09-08?"), read by the day in one statement: the meetings of the day
    and then their decisions are read only when it has none (to say why: no meeting,
    no minutes yet, a meeting of several days under way)."""
    if query.date is None or query.topic or query.status is not None:
        return []
    start, day_end = day_bounds(query.date, query.date)
    end = earlier(day_end, written)
    if end is None or end <= start:
        return []
    # the whole day written: read by the day (one plan for any day on PostgreSQL)
    whole = query.date if end == day_end else None
    found = decisions(
        session, group=query.group, start=start, end=end, limit=DECISIONS_READ, day=whole
    )
    return [d for d in found if d.kind != "procedural"] or found


def _meetings_asked(
    session: Session, query: Query, context: AskContext
) -> tuple[list[int] | None, tuple[str, ...]] | Answer:
    """The meetings whose decisions are asked for (None: any) and the words that
    named a meeting's place: a day's meetings; one meeting ("förra mötet", "första
    mötet 2023", "mötet i Vingåker"); or a "not found" answer."""
    if query.date is not None:
        on_day = meetings_on(session, query.date, group=query.group, minutes_only=True)
        on_day = [m for m in on_day if as_of(m, context.now).has_minutes]
        # else a meeting of several days under way that day (day 2 of "13-14 oktober")
        under_way = None if on_day else find_meeting(session, query, context)
        on_day = on_day or ([under_way] if under_way else [])
        if not on_day:
            return _no_meeting(session, query, context, "decisions")
        return [m.id for m in on_day], ()
    place = place_asked(session, query)
    if query.which is None and not place.places:
        ahead = _ahead(session, query, context)  # "vad ska beslutas på mötet i augusti?"
        return (None, ()) if ahead is None else ahead
    coming = query.which == "next"
    meeting = asked_meeting(session, query, context, minutes_only=not coming, place=place)
    if meeting is None:
        return _no_meeting(session, query, context, "decisions")
    if not meeting.has_minutes:  # "vad beslutas på nästa möte?"
        return _with_referred(session, _not_held(meeting, query), meeting, context)
    return [meeting.id], place.words


def _ahead(session: Session, query: Query, context: AskContext) -> Answer | None:
    """A period still to come asked for its decisions without a topic: its meeting has
    none yet, and what was postponed to it is said (None: not such a question)."""
    today = context.now.astimezone(STOCKHOLM).date()
    if query.period is None or query.topic or query.period.start <= today:
        return None
    meeting = find_meeting(session, query, context, minutes_only=False)
    if meeting is None or meeting.has_minutes:
        return None
    return _with_referred(session, _not_held(meeting, query), meeting, context)


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


def _no_meeting(session: Session, query: Query, context: AskContext, intent: str) -> Answer:
    """`no_meeting`'s answer; for a coming meeting without minutes, with the questions
    postponed to it."""

    def referred(answer: Answer, coming: MeetingView) -> Answer:
        return _with_referred(session, answer, coming, context)

    return no_meeting(session, query, context, intent, coming_with=referred)


def _with_referred(
    session: Session, answer: Answer, meeting: MeetingView, context: AskContext
) -> Answer:
    """A coming meeting's "not known yet", with the questions postponed to it that are
    still open (see bot.answering.referred)."""
    if meeting.status == "cancelled":
        return answer
    written = written_by(session, context.now)

    def still_open(view: DecisionView) -> bool:
        return _later(session, view, [], Known(), written) is None

    found = referred_to(session, meeting, context.now, still_open)
    return with_referred(answer, found, answer.language)


def answer_search(session: Session, query: Query, context: AskContext) -> Answer:
    """What the minutes say of a subject; asked of a meeting named by its place alone
    ("vad hände på mötet i Vingåker?"), that meeting's agenda."""
    place = place_asked(session, query)
    rest = [
        w for w in topic_words(query.topic or "") if w not in topic_words(" ".join(place.words))
    ]
    if place.places and not [w for w in rest if not _GATHERING.match(w)]:
        return answer_agenda(session, query, context)
    return search_answer(session, query, context)


def answer_agenda(session: Session, query: Query, context: AskContext) -> Answer:
    lang = query.language
    if query.person:  # "vilka ärenden föredrog Jan Sundelius?"
        return answer_presented(session, query, context)
    meeting = asked_meeting(session, query, context)
    if meeting is None:
        return _no_meeting(session, query, context, "agenda")
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


def _at_meeting(view: DecisionView, lang: str) -> str:
    """ "vid Chefsgrupp … fredag 29 maj 2026" / "at Chefsgrupp … on Friday 29 May 2026"."""
    return pick(
        lang,
        f"vid {groups_text(view.groups, lang)} {day(view.meeting_date, lang)}",
        f"at {groups_text(view.groups, lang)} on {day(view.meeting_date, lang)}",
    )


def _decision_line(view: DecisionView, lang: str, *, with_meeting: bool = True) -> str:
    item = pick(lang, "punkt", "item") + f" {view.item_number} " if view.item_number else ""
    kind = KIND_WORDS[lang].get(view.kind)
    marker = f" [{kind}]" if kind and view.kind in ("postponed",) else ""
    back = _REFERRED_BACK.search(view.text) is not None  # återremiss: back for more work
    referred = (
        pick(
            lang,
            f" ({'återremitterat' if back else 'hänskjutet'} till {view.referred_to})",
            f" ({'referred back' if back else 'referred'} to {view.referred_to})",
        )
        if view.referred_to
        else ""
    )
    meeting = f"{groups_text(view.groups, lang)} {day(view.meeting_date, lang)}, "
    said = f"{item}{view.item_title}: {view.text}{marker}{referred}"
    return meeting + said if with_meeting else said[:1].upper() + said[1:]


def _followed(
    session: Session,
    view: DecisionView,
    asked: list[str],
    lang: str,
    known: Known,
    written: datetime | None,
    now: datetime,
) -> str:
    """Where a postponed question went, in words (see `_later`); not yet decided, the
    coming meeting it is referred to, when the schedule says which."""
    first = _later(session, view, asked, known, written)
    if first is None:
        none = pick(
            lang,
            "Inget senare beslut i frågan finns i protokollen ännu.",
            "No later decision on it is in the minutes yet.",
        )
        planned = planned_for(session, view, now)
        return none if planned is None else f"{none} {planned_line(view, planned, lang)}"
    return pick(lang, "Följdes upp: ", "Followed up: ") + _decision_line(first, lang)


def _later(
    session: Session,
    view: DecisionView,
    asked: list[str],
    known: Known,
    written: datetime | None = None,
) -> DecisionView | None:
    """Where a postponed question went: the first later decision on the same
    subject (the words asked about, else the agenda item's title) in the year
    after, in the group's own meetings, else in those of the group it was
    referred to ("hänskjuts till chefsgruppen"). Not in any group's: in a store
    of many groups another group's decision on the same words is not where this
    question went. (A group's meetings of a year are read whole; a meeting of no
    known group is followed among the year's first 40 matching agenda items.)

    `known`: the decisions on the words asked that the answer holds (see Known);
    a later one among them needs no statement. `written`: minutes up to then only
    (see bot.answering.written)."""
    words = _follow_words(view, asked)
    after, until = _follow_window(view, written)
    later: list[DecisionView] = []
    referred = group_in(view.referred_to or "")
    groups: list[str | None] = list(dict.fromkeys(g for g in (*view.groups[:1], referred) if g))
    for group in (groups or [None]) if words else ():
        held = known.later(view, group, until) if asked else None
        if held is not None:
            found = held
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
    return min(later, key=lambda d: d.meeting_date) if later else None


def _follow_window(view: DecisionView, written: datetime | None) -> tuple[datetime, datetime]:
    """Where a postponed question is looked for: its group's meetings in the year after
    (up to `written`, see bot.answering.written)."""
    after = day_bounds(view.meeting_date, view.meeting_date)[1]
    return after, after + FOLLOW_UP if written is None else min(after + FOLLOW_UP, written)


def _read_follow_ups(
    session: Session,
    views: Sequence[DecisionView],
    asked: list[str],
    known: Known,
    written: datetime | None,
) -> None:
    """Read the group meetings `_later` will look through for these postponed
    questions in one statement, not one each (those the answer's own decisions
    settle aside)."""
    spans = []
    for view in views:
        if not view.groups:
            continue
        after, until = _follow_window(view, written)
        if asked and known.later(view, view.groups[0], until) is not None:
            continue  # settled by the answer's own decisions
        spans.append((view.groups[0], after, until, _follow_words(view, asked)))
    read_followed(session, [span for span in spans if span[3]])


def _follow_words(view: DecisionView, asked: list[str]) -> tuple[str, ...]:
    """What a postponed question is followed up by: the words asked about, else its
    agenda item's title."""
    return tuple(asked or topic_words(view.item_title)[:4])


def _no_decisions(
    session: Session, query: Query, words: list[str], now: datetime, written: datetime | None
) -> Answer:
    lang = query.language
    if words:
        text = pick(
            lang,
            f"Jag hittar inga beslut om {quoted(query.topic or '')} i protokollen.",
            f"I find no decisions about {quoted(query.topic or '')} in the minutes.",
        )
        hits = search_items_text(session, words, group=query.group, end=written, limit=3)
        snippets = [item_snippet(h, words) for h in hits]
        if hits:
            text += pick(lang, " Det nämns i:", " It is mentioned in:")
            text += "".join(
                mention_line(h, snippet, lang) for h, snippet in zip(hits, snippets, strict=True)
            )
        sources = [item_source(h, snippet) for h, snippet in zip(hits, snippets, strict=True)]
    elif query.period is not None:  # "vilka beslut fattades i mars 2023?"
        return _none_then(session, query, query.period, now, written)
    else:
        text = pick(
            lang,
            "Jag hittar inga beslut för det du frågar om i protokollen.",
            "I find no decisions for what you ask about in the minutes.",
        )
        sources = []
    return Answer("decisions", text, sources=sources, language=lang, found=False)


def _none_then(
    session: Session, query: Query, period: Period, now: datetime, written: datetime | None
) -> Answer:
    """No decisions in a period: said so, with the meetings with minutes nearest it,
    the last one before and the first one after."""
    lang = query.language
    whose = f" {pick(lang, 'för', 'for')} {groups_text([query.group], lang)}" if query.group else ""
    start, end = day_bounds(period.start, period.end)
    before = previous_meetings(session, start, group=query.group, minutes_only=True)
    bound = earlier(now, written)
    later = meetings_between(session, end, bound, group=query.group, limit=8) if bound else []
    after = [m for m in later if m.has_minutes][:1]
    text = pick(
        lang,
        f"Jag hittar inga beslut{whose} {span(period.start, period.end, lang)} i protokollen.",
        f"I find no decisions{whose} {span(period.start, period.end, lang)} in the minutes.",
    )
    near = [*before, *after]
    if near:
        text += "\n" + pick(
            lang, "Närmaste möten med protokoll: ", "Nearest meetings with minutes: "
        )
        text += "; ".join(meeting_line(m, lang) for m in near)
    return Answer(
        "decisions",
        text,
        sources=unique_sources(meeting_source(m) for m in near),
        language=lang,
        found=False,
    )
