"""A question that says only what changes: "Och 2022?", "och för Kumla?", "what
about Nora?", "och folkhälsa då?" right after "Vad beslutades om suicidprevention
2023?" or "Vem representerar Nora i chefsgruppen?" asks the previous question again
with that part changed.

    >>> go_on_from("Vad beslutades om suicidprevention 2023?", "Och 2022?", now=now)
    'Vad beslutades om suicidprevention 2022?'
    >>> go_on_from("Vem representerar Nora?", "och Kumla då?", now=now)
    'Vem representerar Kumla?'

A part is a time ("2022", "i maj", "förra året"), a group, a municipality or
organisation, or a person. A fragment is read as one only when every other word in
it is a joining word ("och", "what about", "då"); a time or a group the previous
question lacked is added to it, a place or a person only replaces one it named.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from bot.understanding.language import said_language
from bot.understanding.lexicon import correct_keys
from bot.understanding.parse import INFORMAL_GROUPS, builtin_vocabulary, read_mentions, understand
from bot.understanding.query import Intent, Query
from bot.understanding.text import MAX_CHARS, Words, read_words
from bot.understanding.timeexpr import read_time
from bot.understanding.vocabulary import Vocabulary
from storage.parsing.records import STOCKHOLM

# The words a fragment may hold besides the parts it changes (folded keys), and the
# prepositions said before a time or a place: the fragment's, when it has one,
# replaces the previous question's.
_JOINING_WORDS = """
    och and men but samt also too as well ocksa aven
    what how about hur ar var det med vad galler sager om then da sa
    samma sak same thing for i in pa on at under during den the till to
    aret year istallet instead likadant sadar nu now
    mote motet meeting sammantradet
"""
_PREPOSITIONS = "i in for pa on at under during den till to om"
JOINING = frozenset(_JOINING_WORDS.split())
_BEFORE = frozenset(_PREPOSITIONS.split())
# Parts added to a previous question that lacked them; the others only replace.
_ADDED = ("time", "group")
_KINDS = ("time", "group", "place", "person")
_END = re.compile(r"[\s?!.…]*$")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


@dataclass(frozen=True)
class _Parts:
    words: Words
    spans: dict[str, frozenset[int]]  # kind -> token indices
    group: str | None  # the group named, if one group
    informal: bool  # the group is named by its everyday name alone
    yearless: bool  # the time is said without a year ("i maj")
    year: int | None  # the year the time is in, if it says one
    whole_year: bool  # the time is a year alone ("2022", "i fjol")
    within_year: bool  # the time is a part of a year said with its year ("i maj 2023")


def go_on_from(
    previous: str, question: str, *, now: datetime, vocabulary: Vocabulary | None = None
) -> str | None:
    """`previous` with the parts `question` names put in, if `question` is only such
    parts, or with its subject changed ("och om samsjuklighet?" after a question of
    decisions); else None (the question is asked as written)."""
    if len(question) > 80 or not previous:  # a fragment is short
        return None
    vocabulary = vocabulary or builtin_vocabulary()
    return _parts_changed(previous, question, now, vocabulary) or _subject_changed(
        previous, question, now, vocabulary
    )


# "och om samsjuklighet?", "and about egenvård?", "vad gäller nära vård då?"
_ABOUT = re.compile(
    r"^(?:(?:och|and|men|but|what|how|then|sa|da|hur|vad|ar|var|det|med)\s)*"
    r"(?:om|about|angaende|regarding|galler|kring|concerning)\s(?P<subject>.+?)(?:\sda)?$"
)
_OF_A_SUBJECT = frozenset((Intent.DECISIONS, Intent.SEARCH, Intent.AGENDA))


def _subject_changed(
    previous: str, question: str, now: datetime, vocabulary: Vocabulary
) -> str | None:
    """The previous question of decisions or of what was said, asked of another subject
    (or of one, when it named none: "beslut efter 2022" → "och om nära vård?")."""
    words = read_words(question[:MAX_CHARS])
    about = _ABOUT.match(words.norm.strip())
    if about is None:
        return None
    asked = understand(previous, now=now, vocabulary=vocabulary)
    if asked.intent not in _OF_A_SUBJECT:
        return None
    begins = about.start("subject")
    first = next(t for t, at in zip(words.tokens, words.offsets, strict=True) if at >= begins)
    subject = question[first.start : _subject_end(words)].strip()
    if not subject:
        return None
    # a subject, all of it ("om vi tar det på nästa möte?" is "if …", no subject)
    read = understand(f"vad beslutades om {subject}?", now=now, vocabulary=vocabulary).topic
    if (read or "").casefold() != subject.casefold():
        return None
    if asked.topic:
        found = previous.lower().find(asked.topic.lower())
        if found < 0:
            return None
        return previous[:found] + subject + previous[found + len(asked.topic) :]
    end = _END.search(previous)
    assert end is not None  # matches at the end at least
    tokens = read_words(previous[:MAX_CHARS]).tokens
    english = said_language([t.key for t in tokens], [t.raw for t in tokens]) == "en"
    word = "about" if english else "om"
    return f"{previous[: end.start()]} {word} {subject}{previous[end.start() :]}"


def _subject_end(words: Words) -> int:
    """Where the subject of a fragment ends: before a closing "då" and the punctuation."""
    last = words.tokens[-1]
    if last.key == "da" and len(words.tokens) > 1:
        return words.tokens[-2].end
    return last.end


def _parts_changed(
    previous: str, question: str, now: datetime, vocabulary: Vocabulary
) -> str | None:
    """`previous` with the parts `question` names put in (see go_on_from)."""
    today = now.astimezone(STOCKHOLM).date()
    said = _parts(question, vocabulary, today)
    named = [kind for kind in _KINDS if said.spans[kind]]
    if not named or not _only_parts(said):
        return None
    asked = understand(previous, now=now, vocabulary=vocabulary)
    # "folkhälsa?" after "vad beslutades om X?" is a subject; "för folkhälsa?" the group
    bare = said.informal and not _wording(said, question, "group")[1]
    if bare and asked.intent in _OF_A_SUBJECT:
        return None
    before = _parts(previous[:MAX_CHARS], vocabulary, today)
    who = [kind for kind in named if kind in ("person", "place") and not before.spans[kind]]
    if who and _one_meetings_list(asked):
        # "och Siw Lunader?" after who attended a meeting: whether she was there
        name = question[slice(*_span(said, who[0], with_preposition=False))]
        english = fragment_language(question, vocabulary=vocabulary) == "en"
        # (the meeting's day is added as to any question of "that meeting")
        return f"Was {name} at that meeting?" if english else f"Var {name} med på det mötet?"
    edits: list[tuple[int, int, str]] = []
    for kind in named:
        words, preposition = _wording(said, question, kind)
        if kind == "group" and said.group is not None:
            # the group by its name, which no other reading takes for a subject
            words = f"{words.split()[0]} {said.group}" if preposition else said.group
        if kind == "time" and said.yearless and before.year is not None:
            words += f" {before.year}"  # "och i september?" after "… 2023?": of 2023
        if kind == "time" and said.whole_year and before.within_year and said.year:
            # "och 2022?" after "… i september 2023?": September 2022
            start, end = _span(before, kind, with_preposition=False)
            edits.append((start, end, _YEAR.sub(str(said.year), previous[start:end])))
            continue
        if before.spans[kind]:
            start, end = _span(before, kind, with_preposition=preposition)
            edits.append((start, end, words))
        elif kind in _ADDED:
            at = _END.search(previous)
            assert at is not None  # matches at the end at least
            edits.append((at.start(), at.start(), " " + words))
        else:
            return None
    text = previous
    for start, end, new in sorted(edits, reverse=True):
        text = text[:start] + new + text[end:]
    return text


def fragment_language(question: str, *, vocabulary: Vocabulary | None = None) -> str | None:
    """The language a fragment is said in, when its words say ("and in 2022?": "en"),
    without the names in it ("what about Örebro?" is English)."""
    words = read_words(question[:MAX_CHARS])
    names = read_mentions(words, vocabulary or builtin_vocabulary()).used
    kept = [t for i, t in enumerate(words.tokens) if i not in names]
    return said_language([t.key for t in kept], [t.raw for t in kept])


def _parts(text: str, vocabulary: Vocabulary, today: date) -> _Parts:
    words = read_words(text)
    mentions = read_mentions(words, vocabulary)
    # a group's everyday name alone is the group in a fragment ("och folkhälsa?")
    group = mentions.tokens_of("group")
    informal = frozenset(i for i, t in enumerate(words.tokens) if t.key in INFORMAL_GROUPS)
    group = group or informal
    keys = correct_keys([t.key for t in words.tokens], keep=mentions.used | group)
    time = read_time(words.with_keys(keys), today=today)
    taken = mentions.used | group
    spans = {
        "time": frozenset(time.used - time.names - taken) if time.atom else frozenset(),
        "group": group,
        "place": mentions.tokens_of("municipality") | mentions.tokens_of("organization"),
        "person": mentions.tokens_of("person"),
    }
    named = mentions.group
    if named is None and informal and not mentions.groups:
        named = INFORMAL_GROUPS[words.tokens[min(informal)].key]
    atom = time.atom
    return _Parts(
        words,
        spans,
        group=named,
        informal=bool(group) and group == informal,
        yearless=atom is not None and atom.yearless,
        year=atom.first.year if atom is not None and not atom.yearless else None,
        whole_year=atom is not None and atom.whole_year,
        within_year=atom is not None
        and not (atom.yearless or atom.whole_year or atom.first == atom.last)
        and atom.first.year == atom.last.year
        and _YEAR.search(text[slice(*_span_of(words, spans["time"]))]) is not None,
    )


def _one_meetings_list(asked: Query) -> bool:
    """Whether the previous question asked who attended a meeting (not a count)."""
    named = asked.person or asked.municipality or asked.organization
    return asked.intent == Intent.ATTENDANCE and not asked.tally and not named


def _only_parts(said: _Parts) -> bool:
    """Every word of the fragment a part or a joining word."""
    taken = frozenset().union(*said.spans.values())
    return all(i in taken or token.key in JOINING for i, token in enumerate(said.words.tokens))


def _wording(said: _Parts, question: str, kind: str) -> tuple[str, bool]:
    """The fragment's words for the part (with the preposition before it, if any),
    and whether they begin with a preposition."""
    start, end = _span(said, kind, with_preposition=True)
    first = said.words.tokens[min(said.spans[kind])]
    return question[start:end], question[start:end] != question[first.start : end]


def _span_of(words: Words, tokens: frozenset[int]) -> tuple[int, int]:
    """Where these tokens are said, from the first to the last (nowhere: (0, 0))."""
    if not tokens:
        return 0, 0
    return words.tokens[min(tokens)].start, words.tokens[max(tokens)].end


def _span(parts: _Parts, kind: str, *, with_preposition: bool) -> tuple[int, int]:
    """Where the part is said in the text, from its first word to its last; with
    the preposition just before it."""
    tokens = parts.spans[kind]
    first = min(tokens)
    if with_preposition and first > 0 and parts.words.tokens[first - 1].key in _BEFORE:
        tokens = tokens | {first - 1}
    return _span_of(parts.words, tokens)
