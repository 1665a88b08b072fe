"""Full-text search over agenda items, the same on SQLite (FTS5) and PostgreSQL
(GIN over to_tsvector('simple', ...)).

Both index words already stemmed by the Snowball Swedish stemmer, so a question's
"suicidsamordningen" finds an item titled "Suicidsamordning", and the two
databases agree on what matches.

    >>> stem_words("Suicidsamordningen – placering")
    ['suicidsamordning', 'placering']
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

import snowballstemmer
from sqlalchemy import text
from sqlalchemy.orm import Session

from storage.registry import fold

_WORD = re.compile(r"[0-9A-Za-zÀ-ÖØ-öø-ÿ]+")
_STEMMER = snowballstemmer.stemmer("swedish")
MIN_WORD = 2


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    return fold(str(_STEMMER.stemWord(word.lower())))


def stem_words(text_: str) -> list[str]:
    """Stemmed, folded words of a text (diacritics dropped after stemming)."""
    return [_stem(w) for w in _WORD.findall(text_) if len(w) >= MIN_WORD]


def index_text(text_: str) -> str:
    """What the search columns store for a text."""
    return " ".join(stem_words(text_))


def search_items(
    session: Session, words: Sequence[str], *, limit: int = 50, require_all: bool = True
) -> list[tuple[int, float]]:
    """(agenda item id, score) for stemmed `words`: items whose title has them
    (score 2) before those whose text has them (score 1), newest first within each.

    Each word matches as a prefix too, so "samordning" finds "samordningsförbund".
    Matches are not ranked by frequency: a common topic can match tens of thousands
    of items, and ranking them all would cost more than the rest of an answer.
    """
    terms = [w for w in dict.fromkeys(words) if w]
    if not terms:
        return []
    if session.get_bind().dialect.name == "sqlite":
        return _search_sqlite(session, terms, limit, require_all)
    return _search_postgres(session, terms, limit, require_all)


def _search_sqlite(
    session: Session, terms: list[str], limit: int, require_all: bool
) -> list[tuple[int, float]]:
    joiner = " AND " if require_all else " OR "
    expression = joiner.join(f'"{t}"*' for t in terms)
    found: dict[int, float] = {}
    for match, score in ((f"search_title : ({expression})", 2.0), (expression, 1.0)):
        rows = session.execute(
            text(
                "SELECT rowid FROM item_search WHERE item_search MATCH :match "
                "ORDER BY rowid DESC LIMIT :limit"
            ),
            {"match": match, "limit": limit},
        )
        for (item_id,) in rows:
            found.setdefault(int(item_id), score)
    return sorted(found.items(), key=lambda hit: (-hit[1], -hit[0]))[:limit]


def _search_postgres(
    session: Session, terms: list[str], limit: int, require_all: bool
) -> list[tuple[int, float]]:
    joiner = " & " if require_all else " | "
    query = joiner.join(f"{t}:*" for t in terms)
    found: dict[int, float] = {}
    # Each expression matches one of the GIN indexes the migration creates.
    for column, score in (("search_title", 2.0), ("search_title || ' ' || search_text", 1.0)):
        rows = session.execute(
            text(
                f"SELECT id FROM agenda_items WHERE to_tsvector('simple', {column}) "
                "@@ to_tsquery('simple', :query) ORDER BY id DESC LIMIT :limit"
            ),
            {"query": query, "limit": limit},
        )
        for (item_id,) in rows:
            found.setdefault(int(item_id), score)
    return sorted(found.items(), key=lambda hit: (-hit[1], -hit[0]))[:limit]
