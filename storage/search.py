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
    """(agenda item id, score) best first for stemmed `words`. Higher is better.

    Each word matches as a prefix too, so "samordning" finds "samordningsförbund".
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
    match = joiner.join(f'"{t}"*' for t in terms)
    rows = session.execute(
        text(
            "SELECT rowid, bm25(item_search, 4.0, 1.0) AS rank FROM item_search "
            "WHERE item_search MATCH :match ORDER BY rank LIMIT :limit"
        ),
        {"match": match, "limit": limit},
    )
    return [(int(row[0]), -float(row[1])) for row in rows]


def _search_postgres(
    session: Session, terms: list[str], limit: int, require_all: bool
) -> list[tuple[int, float]]:
    joiner = " & " if require_all else " | "
    query = joiner.join(f"{t}:*" for t in terms)
    rows = session.execute(
        text(
            "SELECT id, ts_rank(setweight(to_tsvector('simple', search_title), 'A') || "
            "to_tsvector('simple', search_text), q) AS rank "
            "FROM agenda_items, to_tsquery('simple', :query) AS q "
            "WHERE to_tsvector('simple', search_title || ' ' || search_text) @@ q "
            "ORDER BY rank DESC LIMIT :limit"
        ),
        {"query": query, "limit": limit},
    )
    return [(int(row[0]), float(row[1])) for row in rows]
