"""The agenda items a search question finds: those with all the words of its
subject, best first for the question's other words; else, said so, those with
the most and rarest of them.

A word of the question that asks rather than names ("hur mycket pengar till
suicidprevention", "vad kostar CROSS-projektet") is not required of an item, and
a word no item has at all does not hide those that have the rest.

"vad kostar CROSS-projektet?" looks for items with "cross" and "projekt" (a figure
of money preferred); "vad sades om CROSS och gängkriminalitet?", with no item
that has both, shows those with the one and with the other, and says so.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy.orm import Session

from bot.answering.relevance import (
    Asked,
    analysed,
    asked_in,
    gives_figure,
    matched,
    required,
    stemmed,
    weights,
)
from bot.answering.topics import search_topics, topic_words
from bot.understanding.query import Query
from storage.queries import ItemView, search_items_text
from storage.search import Scope, search_items, widened_terms
from storage.search_words import known_words

# Items shown for a search.
SHOWN = 6
# With words to prefer, the best of this many items with the subject's words are
# chosen among (read in the same statement as the shown ones would be).
RERANK_DEPTH = 12
# No item with all the words: each word's newest matches, this many, tell which
# items have the most and rarest of them (only on this path: one statement a word).
CLOSEST_DEPTH = 100

# ... and the items with the best this many sets of them are shown.
CLOSEST_SETS = 2
# Found without the others, a word must be at least this long (its stem).
PARTIAL_WORD = 4

Span = tuple[datetime | None, datetime | None]


@dataclass(frozen=True)
class Found:
    """What a search found: the words looked for, the items, the subject's words
    (as written) that no item has, and whether the items found have only some of
    the others (`apart`: never all together)."""

    asked: Asked
    hits: list[ItemView]
    missing: tuple[str, ...] = ()
    apart: bool = False
    written: Mapping[str, str] = field(default_factory=dict)  # each stem's word as written

    @property
    def as_written(self) -> str:
        """The words looked for, as the question wrote them ("projekt CROSS")."""
        return " ".join(dict.fromkeys(self.written.get(w, w) for w in self.asked.words))

    @property
    def words(self) -> list[str]:
        return list(self.asked.words)


@dataclass(frozen=True)
class _Reading:
    """One way of reading the subject (as asked, or an English one in Swedish)."""

    asked: Asked
    absent: tuple[str, ...]  # words no item has
    written: dict[str, str]  # each stem's word as written


def find_items(session: Session, query: Query, span: Span, group: str | None = None) -> Found:
    """The items `query` asks for in `span` (and `group`, else the query's)."""
    group = group or query.group
    topics = search_topics(query) if query.topic else [query.person or query.raw]
    readings: list[_Reading] = []
    for topic in topics:  # first each reading with all its words
        reading = _read(session, query, topic)
        readings.append(reading)
        if reading.asked.words and not reading.absent:
            hits = _all_of(session, reading.asked, group, span)
            if hits:
                return Found(reading.asked, hits)
    # then the most of them; an English question's words as asked are no subject of
    # their own when they have a Swedish reading (its words that are no English are
    # in that reading too)
    english = query.language == "en" and len(topics) > 1
    for topic, reading in zip(topics, readings, strict=True):
        if english and topic == query.topic:
            continue
        found = _most_of(session, reading, group, span)
        if found is not None:
            return found
    return Found(readings[0].asked if readings else Asked(()), [])


def _read(session: Session, query: Query, topic: str | None) -> _Reading:
    written = {
        stem: word for word in re.findall(r"[^\W_]+", topic or "") for stem in topic_words(word)
    }
    asked = asked_in(query, topic_words(topic))
    must, may = required(asked.words)
    known = known_words(session, must)
    absent = _unindexed(session, must, known)
    present = tuple(w for w in dict.fromkeys(known) if w not in absent)
    extra = tuple(dict.fromkeys(w for w in (*may, *asked.extra) if w not in present))
    shown = {new: written.get(old, new) for old, new in zip(must, known, strict=True)}
    return _Reading(Asked(present, extra, asked.figure), absent, {**written, **shown})


def _unindexed(session: Session, words: list[str], known: list[str]) -> tuple[str, ...]:
    """The words no indexed word begins and none was read as (asked the way
    known_words asked: no statement of its own)."""
    terms = [w for w in dict.fromkeys(words) if w]
    if not terms:
        return ()
    postgres = session.get_bind().dialect.name == "postgresql"
    missing = {t for t, found in widened_terms(session, terms, postgres) if found == []}
    return tuple(
        new for old, new in zip(words, known, strict=True) if old in missing and new == old
    )


def _all_of(session: Session, asked: Asked, group: str | None, span: Span) -> list[ItemView]:
    """Items with all of `asked.words`; with other words to prefer, the best of more."""
    depth = RERANK_DEPTH if asked.extra or asked.figure else SHOWN
    hits = search_items_text(
        session, list(asked.words), group=group, start=span[0], end=span[1], limit=depth
    )
    return ranked(hits, asked)[:SHOWN]


def ranked(hits: Sequence[ItemView], asked: Asked) -> list[ItemView]:
    """`hits` by the weight of the question's words they have (the rarer among them,
    the more), else in the store's order (title matches first, newest first)."""
    if not (asked.extra or asked.figure) or len(hits) < 2:
        return list(hits)
    stems = [stemmed(hit.title) + "".join(analysed(hit.text)[1]) for hit in hits]
    weighed = weights(stems, asked)
    scores = [
        (gives_figure(hit.text, asked, hit.title), matched(s, weighed))
        for hit, s in zip(hits, stems, strict=True)
    ]
    return [hits[i] for i in sorted(range(len(hits)), key=lambda i: scores[i], reverse=True)]


def _most_of(session: Session, reading: _Reading, group: str | None, span: Span) -> Found | None:
    """No item has all the words: those with the words that are in the minutes (the
    longer ones), or, those never together, with the most and rarest of them; the
    words the best of them lacks said."""
    # a short stem begins too many words to stand for the subject alone ("enter" -> "ent")
    long = tuple(w for w in reading.asked.words if len(w) >= PARTIAL_WORD)
    if not long:
        return None
    short = tuple(w for w in reading.asked.words if w not in long)
    asked = Asked(long, (*short, *reading.asked.extra), reading.asked.figure)
    hits = _all_of(session, asked, group, span) if reading.absent or short else []
    if not hits and len(long) >= 2:
        for words in _best_sets(session, list(long), group, span):
            rest = tuple(w for w in long if w not in words)
            found = Asked(tuple(words), (*rest, *short, *reading.asked.extra), asked.figure)
            more = _all_of(session, found, group, span)
            asked = asked if hits else found
            hits = list({hit.id: hit for hit in [*hits, *more]}.values())[:SHOWN]
    if not hits:
        return None
    best = stemmed(f"{hits[0].title} {hits[0].text}")
    lacking = [w for w in (*reading.asked.words, *reading.absent) if f" {w}" not in best]
    missing = tuple(reading.written.get(w, w) for w in reading.absent)
    apart = any(w not in reading.absent for w in lacking)
    return Found(asked, hits, missing, apart, reading.written)


def _best_sets(
    session: Session, words: list[str], group: str | None, span: Span
) -> list[list[str]]:
    """The words of the items with the most and rarest of `words` (those of the best
    item, then the next other ones): each word's newest matches, a word found in
    fewer items counting for more."""
    scope = Scope(group, span[0], span[1]) if group or span[0] or span[1] else None
    having: dict[str, set[int]] = {}
    for word in words:
        found = search_items(session, [word], limit=CLOSEST_DEPTH, scope=scope, ranked=False)
        having[word] = {item_id for item_id, _ in found}
    weight = {w: math.log(1 + CLOSEST_DEPTH / len(ids)) for w, ids in having.items() if ids}
    sets: dict[tuple[str, ...], float] = {}
    for item_id in set().union(*having.values()):
        them = tuple(w for w in words if item_id in having[w])
        sets[them] = sum(weight[w] for w in them)
    return [list(them) for them in sorted(sets, key=lambda t: -sets[t])[:CLOSEST_SETS]]
