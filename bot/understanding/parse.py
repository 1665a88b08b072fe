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

import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache

from bot.understanding.facets import (
    ABSENT,
    FREQUENCY,
    SUBSTITUTE_OF,
    asking_spans,
    at_a_meeting,
    decision_status,
    describes_role,
    lansdel_asked,
    meeting_mode,
    meeting_role,
    meeting_roles,
    member_role,
    part_asked,
    person_in_yes_no,
    status_asked,
    subject_at,
    tally_asked,
    tense_of,
    which_meeting,
)
from bot.understanding.intents import Signals, asks_under_way, asks_which_day, classify
from bot.understanding.language import detect_language, looks_like_code
from bot.understanding.lexicon import correct_keys
from bot.understanding.query import Intent, LeadTime, Period, Query
from bot.understanding.reminders import read_lead_times
from bot.understanding.text import MAX_CHARS, Words, read_words
from bot.understanding.timeexpr import TimeReading, read_time
from bot.understanding.topic import (
    has_subject,
    introduced,
    is_subject_word,
    name_asked,
    subject,
)
from bot.understanding.vocabulary import Mentions, Vocabulary, key_of
from storage.parsing.records import STOCKHOLM, Role
from storage.registry import informal_group_names

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
INFORMAL_GROUPS = informal_group_names()
_PLACE_INTENTS = frozenset((Intent.REPRESENTATIVES, Intent.ATTENDANCE))
_SUBJECT_INTENTS = frozenset((Intent.DECISIONS, Intent.SEARCH, Intent.AGENDA))
_MEETING_INTENTS = frozenset((Intent.MEETINGS, Intent.NEXT_MEETING, Intent.MEETING_INFO))
# Questions of one meeting: "mötet innan 2023-09-08" is the last before that day, "the
# meeting after it" the first after (the days before or after are a span otherwise).
_ONE_MEETING_INTENTS = frozenset(
    (
        Intent.MEETING_INFO,
        Intent.MEETING_ROLES,
        Intent.ATTENDANCE,
        Intent.AGENDA,
        Intent.DECISIONS,
    )
)
_OF_ONE_MEETING = frozenset((Intent.MEETING_INFO, Intent.MEETING_ROLES, Intent.AGENDA))
_ONE_MEETING = re.compile(r"\b(?:motet|mote|sammantradet|traffen|the meeting|meeting)\b")
_NO_DEFAULT_GROUP = frozenset((Intent.BIND_GROUP, Intent.HELP, Intent.GROUPS, Intent.UNKNOWN))
_COMMANDS = frozenset(
    (
        Intent.HELP,
        Intent.GROUPS,
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
    mentions = read_mentions(words, vocabulary or builtin_vocabulary())
    keys = correct_keys([t.key for t in words.tokens], keep=mentions.used)
    fixed = words.with_keys(keys)
    today = _today(now)
    time = read_time(fixed, today=today)
    reading = _Reading(fixed, mentions, time, mentions.used | time.used, today)
    leads = read_lead_times(fixed.norm)
    intent = classify(
        Signals(
            fixed.norm,
            group=mentions.group is not None or bool(mentions.groups),
            person=mentions.person is not None,
            place=_place(mentions),
            time=time.atom is not None,
            lead_times=bool(leads),
            subject=has_subject(keys, reading.used),
        )
    )
    return _query(intent, raw, reading, default_group, leads)


def read_mentions(words: Words, vocabulary: Vocabulary) -> Mentions:
    """The names a question mentions, a group named in passing among them."""
    return _informal_group(words, vocabulary.find(words.tokens))


def _informal_group(words: Words, mentions: Mentions) -> Mentions:
    """A group named in passing as the question's subject ("vad beslutade folkhälsa
    2020?": Chefsgrupp folkhälsa), when no group is named otherwise; as a topic ("beslut
    om folkhälsa") the word stays a word."""
    if mentions.group is not None or mentions.groups:
        return mentions
    for i, token in enumerate(words.tokens):
        if i in mentions.used:
            continue
        key, start = token.key, words.offsets[i]
        genitive = key.endswith("s") and key[:-1] in INFORMAL_GROUPS
        group = INFORMAL_GROUPS.get(key[:-1] if genitive else key)
        if group is not None and subject_at(words.norm, start, start + len(key), genitive=genitive):
            return mentions.with_group(group, frozenset((i,)))
    return mentions


@dataclass(frozen=True)
class _Reading:
    """What was read from a question before its intent was known."""

    words: Words  # keys typo-corrected
    mentions: Mentions
    time: TimeReading
    used: frozenset[int]  # tokens read as names or time
    today: date

    @property
    def keys(self) -> list[str]:
        return [t.key for t in self.words.tokens]


def _query(
    intent: Intent,
    raw: str,
    reading: _Reading,
    default_group: str | None,
    leads: tuple[LeadTime, ...],
) -> Query:
    norm = reading.words.norm
    intent = _role_asked(intent, reading)
    topic, mentions = _subject(intent, reading)
    tense = tense_of(norm)
    intent, which = _settle(intent, reading, topic, tense)
    lean = _lean(tense, intent)
    # meetings asked without a tense are the coming ones ("möten i januari" in December)
    ahead = "future" if intent == Intent.MEETINGS and tense is None else lean
    day, period = reading.time.resolve(reading.today, ahead)
    often = intent == Intent.MEETINGS and day is None and period is None
    often = often and FREQUENCY.search(norm) is not None
    if often:  # "hur ofta träffas chefsgruppen?": this year's meetings (or the latest year's)
        period = Period(
            reading.today.replace(month=1, day=1), reading.today.replace(month=12, day=31)
        )
    tally = intent == Intent.ATTENDANCE and tally_asked(norm)
    # "norra länsdelen" is no misspelt Nora
    lansdel = lansdel_asked(norm) if intent in _PLACE_INTENTS else None
    return Query(
        intent=intent,
        language=_language(reading.words, mentions),
        raw=raw,
        group=mentions.group or _default(intent, mentions, default_group),
        groups=mentions.groups if mentions.group is None else (),
        municipality=None if lansdel else mentions.municipality,
        organization=lansdel
        or mentions.organization
        or _organization_asked(intent, reading, mentions),
        person=mentions.person or _person_asked(intent, reading, tally),
        role=_role(intent, norm, tally),
        roles=meeting_roles(norm) if intent == Intent.MEETING_ROLES else (),
        date=day,
        period=period,
        which=which if intent not in _COMMANDS else None,
        topic=topic,
        status=_status(intent, norm),
        absent=intent == Intent.ATTENDANCE and ABSENT.search(norm) is not None,
        tally=tally,
        lead_times=leads if intent == Intent.SUBSCRIBE else (),
        part=_part(intent, norm, tense),
        mode=meeting_mode(norm) if intent in (Intent.MEETINGS, Intent.NEXT_MEETING) else None,
        date_lean=(lean or "nearest") if day is not None and _yearless(reading) else None,
        period_lean="past" if often else _period_lean(intent, tense, period, reading),
    )


def _part(intent: Intent, norm: str, tense: str | None) -> str | None:
    """Meetings held so far or left ("past"/"future"); "now" for a meeting under way;
    "day" for the day the minutes were checked ("när justerades protokollet?")."""
    if intent == Intent.MEETINGS:
        return part_asked(norm, tense)
    if intent == Intent.NEXT_MEETING and asks_under_way(norm):
        return "now"
    if intent == Intent.MEETING_ROLES and asks_which_day(norm):
        return "day"
    return None


def _period_lean(
    intent: Intent, tense: str | None, period: Period | None, reading: _Reading
) -> str | None:
    """Where a span written without a year lies ("i mars", "hösten"), as `_lean` says
    for a day: the answer moves it to the nearest such span with meetings that way.
    Meetings asked without a tense are the coming ones ("möten i februari")."""
    if period is None or not _yearless(reading) or intent in _COMMANDS:
        return None
    if intent == Intent.MEETINGS and tense is None:
        return "future"
    return _lean(tense, intent) or "nearest"


def _yearless(reading: _Reading) -> bool:
    """The question's day was written without a year ("den 28 augusti")."""
    atom = reading.time.atom
    return atom is not None and atom.yearless and not atom.since and atom.bound is None


def _status(intent: Intent, norm: str) -> str | None:
    """Meetings cancelled or moved; decisions postponed."""
    if intent in _MEETING_INTENTS:
        return status_asked(norm)
    if intent == Intent.DECISIONS:
        return decision_status(norm)
    return None


def _default(intent: Intent, mentions: Mentions, default_group: str | None) -> str | None:
    """The conversation's group, unless the question names groups of its own."""
    if mentions.groups or intent in _NO_DEFAULT_GROUP:
        return None
    return default_group


def _subject(intent: Intent, reading: _Reading) -> tuple[str | None, Mentions]:
    """The subject of a decision, agenda or search question; names it takes in
    ("om Regionens Offentliga aktörer") are no longer mentions."""
    mentions = reading.mentions
    if intent not in _SUBJECT_INTENTS:
        return None, mentions
    names = mentions.used - mentions.tokens_of("group") | reading.time.names
    words = reading.words
    asked = {i for span in asking_spans(words.norm) for i in words.tokens_in(*span)}
    used = reading.time.used | mentions.used | asked
    found = subject(reading.words, reading.keys, used, names)
    if found is None and intent == Intent.DECISIONS and not which_meeting(words.norm):
        found = introduced(reading.words, reading.keys, used)  # "om mötestider"
    if found is None:
        return None, mentions
    return found.text, mentions.without(found.tokens)


def _settle(
    intent: Intent, reading: _Reading, topic: str | None, tense: str | None
) -> tuple[Intent, str | None]:
    """The intent and "next"/"last" once the subject, names and tense are known."""
    which = which_meeting(reading.words.norm)
    has_time = reading.time.atom is not None
    if intent == Intent.SEARCH and topic is None and (has_time or which):
        intent = Intent.AGENDA  # "vad diskuterades på mötet i maj?"
    mentions = reading.mentions
    # "vem ersätter Eva Persson?": the substitutes for her seat
    substitutes = (
        intent == Intent.REPRESENTATIVES
        and mentions.person is not None
        and SUBSTITUTE_OF.search(reading.words.norm) is not None
    )
    # "i vilka grupper sitter Eva Persson?" (but "vem ersätter Eva Persson?": her seat's)
    if (
        intent == Intent.REPRESENTATIVES
        and mentions.person
        and not _place(mentions)
        and not substitutes
    ):
        intent = Intent.PERSON
    if _one_meetings_place(intent, reading, has_time or which is not None):
        intent = Intent.ATTENDANCE  # "var Hällefors representerat på mötet 29 maj?"
    if (
        intent == Intent.REPRESENTATIVES
        and not _place(mentions)
        and not substitutes
        and _one_day(reading)
    ):
        intent = Intent.ATTENDANCE  # "who were the substitutes on 20 September 2024?"
    if intent == Intent.MEETING_INFO and not has_time and which is None:
        if tense == "past":
            which = "last"  # "var hölls mötet?"
        else:
            intent = Intent.NEXT_MEETING  # "när är mötet?"
    if intent == Intent.MEETINGS and not has_time and which is None and tense == "past":
        which = "last"  # "vilka möten har rådet haft?": the latest ones, not the coming
    atom = reading.time.atom
    bound = atom.bound if atom is not None else None
    # a meeting's chair, secretary or agenda is one meeting's ("vem var sekreterare
    # efter 2022-10-13?"); its decisions or who attended, when a meeting is said
    # outside the time ("beslut efter mötet 2023-09-08" are every decision since)
    norm = reading.words.norm
    outside = norm[: atom.start] + " " + norm[atom.end :] if atom is not None else norm
    one = intent in _OF_ONE_MEETING or (
        intent in _ONE_MEETING_INTENTS and _ONE_MEETING.search(outside) is not None
    )
    if bound is not None and one and which in (None, "last", "next"):
        which = "first" if bound == "after" else "last"
    if intent == Intent.NEXT_MEETING:
        which = "next"
    return intent, which


def _one_meetings_place(intent: Intent, reading: _Reading, meeting_named: bool) -> bool:
    """A municipality or organisation at one meeting: its attendance, not its representatives."""
    return (
        intent == Intent.REPRESENTATIVES
        and meeting_named
        and _place(reading.mentions)
        and (at_a_meeting(reading.words.norm) or _yes_no_on_a_day(reading))
    )


def _yes_no_on_a_day(reading: _Reading) -> bool:
    """ "was Kumla represented on 29 May 2026?": a yes/no question about one day is about
    that day's meeting, not about who represents the place."""
    yes_no = reading.words.norm.partition(" ")[0] in ("was", "were")
    return yes_no and _one_day(reading)


def _one_day(reading: _Reading) -> bool:
    atom = reading.time.atom
    return atom is not None and atom.first == atom.last


def _lean(tense: str | None, intent: Intent) -> str | None:
    """Where a date without a year lies: as the tense says, else as the intent implies
    (a present-tense question means this year's)."""
    if tense is None:
        return _LEAN.get(intent)
    if tense == "present" and intent in _MEETING_INTENTS:
        # "finns det något möte i januari?" in November: the coming January;
        # "är mötet i oktober flyttat?" in November: the one just past
        return "nearest"
    return tense if tense in ("past", "future") else None


def _today(now: datetime) -> date:
    """The day in Stockholm; a naive `now` is taken to be Stockholm time already."""
    return now.astimezone(STOCKHOLM).date() if now.tzinfo else now.date()


def _place(mentions: Mentions) -> bool:
    return mentions.municipality is not None or mentions.organization is not None


def _role(intent: Intent, norm: str, tally: bool) -> str | None:
    if intent == Intent.MEETING_ROLES:
        return meeting_role(norm)
    if intent == Intent.REPRESENTATIVES and SUBSTITUTE_OF.search(norm):
        return Role.SUBSTITUTE.value
    if tally and (role := meeting_role(norm)):
        return role  # "vem har varit ordförande flest gånger?"
    if intent in (Intent.REPRESENTATIVES, Intent.ATTENDANCE):
        return member_role(norm)
    return None


def _role_asked(intent: Intent, reading: _Reading) -> Intent:
    """ "vem är ny samverkansledare i norr?": no person is named but a role is, and
    the minutes are searched for it."""
    if intent != Intent.PERSON or reading.mentions.person is not None:
        return intent
    found = subject(reading.words, reading.keys, reading.used)
    if found is None or not describes_role([reading.keys[i] for i in sorted(found.tokens)]):
        return intent
    return Intent.SEARCH


def _person_asked(intent: Intent, reading: _Reading, tally: bool) -> str | None:
    """The name asked about when no known person matched: "vem är Anna Ek?"."""
    if intent == Intent.ATTENDANCE:
        name = person_in_yes_no(reading.words.text)  # "var Anna Ek med på mötet?"
        if name is None and tally:  # "hur ofta är Anna Ek med?": a name as written,
            # capitalised (name_asked capitalises a name written in lower case)
            name = name_asked(reading.words, reading.keys, reading.used)
            name = name if name and name != name.lower() and name in reading.words.text else None
        return None if name and _names_a_place(name, reading) else name
    if intent != Intent.PERSON:
        return None
    return name_asked(reading.words, reading.keys, reading.used)


def _names_a_place(name: str, reading: _Reading) -> bool:
    """ "var Hällefors med på mötet?": the name is the municipality or organisation asked."""
    mentions = reading.mentions
    spans = mentions.tokens_of("municipality") | mentions.tokens_of("organization")
    place = {word for i in spans for word in key_of(reading.words.tokens[i].key).split()}
    return bool(place) and all(word in place for word in key_of(name).split())


def _organization_asked(intent: Intent, reading: _Reading, mentions: Mentions) -> str | None:
    """An organisation outside the vocabulary: "vem representerar Vingåker?"."""
    if intent != Intent.REPRESENTATIVES or _place(mentions):
        return None
    return name_asked(reading.words, reading.keys, reading.used)


def _language(words: Words, mentions: Mentions) -> str:
    """The question's language, judged on its known words (not names, not its subject)."""
    if looks_like_code([t.key for t in words.tokens]):
        return "sv"  # "SELECT * FROM meetings" is no English: the minutes' language
    kept = [
        t
        for i, t in enumerate(words.tokens)
        if i not in mentions.used and not is_subject_word(t.key)
    ]
    return detect_language([t.key for t in kept], [t.raw for t in kept])
