"""Reading a question into a `Query`: names first (so a typo in a name is not
"corrected" into a word), then typo repair, time, intent, and what the intent
needs (subject, role, lead times).

Example:
    >>> now = datetime(2026, 6, 1, 10, 0, tzinfo=STOCKHOLM)
    >>> q = understand("Vilka möten har chefsgruppen 2023?", now=now)
    >>> q.intent, q.group
    (<Intent.MEETINGS: 'meetings'>, 'Chefsgrupp för samverkan social välfärd samt vård och omsorg')
    >>> q.period.start, q.period.end
    (datetime.date(2023, 1, 1), datetime.date(2023, 12, 31))
"""

from __future__ import annotations

from datetime import date, datetime
from functools import cache

from bot.understanding.facets import (
    ABSENT,
    meeting_role,
    member_role,
    status_asked,
    tense_of,
    which_meeting,
)
from bot.understanding.intents import Signals, classify
from bot.understanding.language import detect_language
from bot.understanding.lexicon import correct_keys
from bot.understanding.query import Intent, LeadTime, Query
from bot.understanding.reminders import read_lead_times
from bot.understanding.text import MAX_CHARS, Words, read_words
from bot.understanding.timeexpr import TimeReading, read_time
from bot.understanding.topic import has_subject, is_subject_word, name_asked, subject
from bot.understanding.vocabulary import Mentions, Vocabulary
from storage.parsing.records import STOCKHOLM

# Where a date without a year lies when the question's tense does not say.
_LEAN: dict[Intent, str] = {
    **dict.fromkeys(
        (
            Intent.ATTENDANCE,
            Intent.AGENDA,
            Intent.DECISIONS,
            Intent.MEETING_ROLES,
            Intent.SEARCH,
            Intent.MEETING_INFO,
        ),
        "past",
    ),
    **dict.fromkeys((Intent.NEXT_MEETING, Intent.SUBSCRIBE), "future"),
}
_SUBJECT_INTENTS = frozenset((Intent.DECISIONS, Intent.SEARCH, Intent.AGENDA))
_MEETING_INTENTS = frozenset((Intent.MEETINGS, Intent.NEXT_MEETING, Intent.MEETING_INFO))
_NO_DEFAULT_GROUP = frozenset((Intent.BIND_GROUP, Intent.HELP, Intent.UNKNOWN))
_COMMANDS = frozenset(
    (
        Intent.HELP,
        Intent.BIND_GROUP,
        Intent.UNBIND_GROUP,
        Intent.SUBSCRIBE,
        Intent.UNSUBSCRIBE,
        Intent.LIST_SUBSCRIPTIONS,
    )
)


@cache
def builtin_vocabulary() -> Vocabulary:
    """The registry's groups, municipalities and organisations, and no people."""
    return Vocabulary()


def understand(
    text: str,
    *,
    now: datetime,
    vocabulary: Vocabulary | None = None,
    default_group: str | None = None,
) -> Query:
    """Read a question (Swedish or English) as a query. Never raises.

    `now` places relative dates ("igår", "nästa månad"); `default_group` is the
    conversation's group, used when the question names none.
    """
    raw = text[:MAX_CHARS]
    words = read_words(raw)
    if not words.tokens:
        return Query(intent=Intent.UNKNOWN, language="sv", raw=raw)
    mentions = (vocabulary or builtin_vocabulary()).find(words.tokens)
    keys = correct_keys([t.key for t in words.tokens], keep=mentions.used)
    fixed = words.with_keys(keys)
    today = _today(now)
    time = read_time(fixed, today=today)
    used = mentions.used | time.used
    leads = read_lead_times(fixed.norm)
    signals = Signals(
        fixed.norm,
        group=mentions.group is not None,
        person=mentions.person is not None,
        place=mentions.municipality is not None or mentions.organization is not None,
        time=time.atom is not None,
        lead_times=bool(leads),
        subject=has_subject(keys, used),
    )
    intent = classify(signals)
    return _query(intent, raw, fixed, mentions, time, today, default_group, used, leads)


def _query(
    intent: Intent,
    raw: str,
    words: Words,
    mentions: Mentions,
    time: TimeReading,
    today: date,
    default_group: str | None,
    used: frozenset[int],
    leads: tuple[LeadTime, ...],
) -> Query:
    norm = words.norm
    keys = [t.key for t in words.tokens]
    which = which_meeting(norm)
    topic = None
    if intent in _SUBJECT_INTENTS:
        names = mentions.used - mentions.tokens_of("group") | time.names
        found = subject(words, keys, time.used | mentions.used, names)
        if found is not None:
            topic = found.text
            mentions = mentions.without(found.tokens)
    tense = tense_of(norm)
    if intent == Intent.SEARCH and topic is None and (time.atom or which):
        intent = Intent.AGENDA  # "vad diskuterades på mötet i maj?"
    if intent == Intent.REPRESENTATIVES and mentions.person and not _place(mentions):
        intent = Intent.PERSON  # "i vilka grupper sitter Eva Persson?"
    if intent == Intent.MEETING_INFO and time.atom is None and which is None:
        if tense == "past":
            which = "last"  # "var hölls mötet?"
        else:
            intent = Intent.NEXT_MEETING  # "när är mötet?"
    if intent == Intent.NEXT_MEETING:
        which = "next"
    lean = tense if tense in ("past", "future") else None
    if tense is None:
        lean = _LEAN.get(intent)
    day, period = time.resolve(today, lean)
    return Query(
        intent=intent,
        language=_language(words, mentions),
        raw=raw,
        group=mentions.group or (None if intent in _NO_DEFAULT_GROUP else default_group),
        municipality=mentions.municipality,
        organization=mentions.organization
        or (None if _place(mentions) else _organization_asked(intent, words, keys, used)),
        person=mentions.person or _person_asked(intent, words, keys, used),
        role=_role(intent, norm),
        date=day,
        period=period,
        which=which if intent not in _COMMANDS else None,
        topic=topic,
        status=status_asked(norm) if intent in _MEETING_INTENTS else None,
        absent=intent == Intent.ATTENDANCE and ABSENT.search(norm) is not None,
        lead_times=leads if intent == Intent.SUBSCRIBE else (),
    )


def _today(now: datetime) -> date:
    """The day in Stockholm; a naive `now` is taken to be Stockholm time already."""
    return now.astimezone(STOCKHOLM).date() if now.tzinfo else now.date()


def _place(mentions: Mentions) -> bool:
    return mentions.municipality is not None or mentions.organization is not None


def _role(intent: Intent, norm: str) -> str | None:
    if intent == Intent.MEETING_ROLES:
        return meeting_role(norm)
    if intent in (Intent.REPRESENTATIVES, Intent.ATTENDANCE):
        return member_role(norm)
    return None


def _person_asked(
    intent: Intent, words: Words, keys: list[str], used: frozenset[int]
) -> str | None:
    """The name asked about when no known person matched: "vem är Anna Ek?"."""
    return name_asked(words, keys, used) if intent == Intent.PERSON else None


def _organization_asked(
    intent: Intent, words: Words, keys: list[str], used: frozenset[int]
) -> str | None:
    """An organisation outside the vocabulary: "vem representerar Vingåker?"."""
    if intent != Intent.REPRESENTATIVES or not has_subject(keys, used):
        return None
    return name_asked(words, keys, used)


def _language(words: Words, mentions: Mentions) -> str:
    """The question's language, judged on its known words (not names, not its subject)."""
    kept = [
        t
        for i, t in enumerate(words.tokens)
        if i not in mentions.used and not is_subject_word(t.key)
    ]
    return detect_language([t.key for t in kept], [t.raw for t in kept])
