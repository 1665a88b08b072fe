"""Words of a question that no agenda item has, read as the indexed words they
most likely mean: a misspelling ("sucidsamordningen") as the nearest indexed word,
a definite form whose stem runs past the text's ("internatet") as the shorter one.

    >>> known_words(session, ["sucidsamordning", "placering"])
    ['suicidsamordning', 'placering']
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from rapidfuzz import fuzz, process
from sqlalchemy import TextClause, text
from sqlalchemy.orm import Session

from storage.lookups import lookups
from storage.search import widened_terms
from storage.statements import PLAN_EACH_TIME

# A word no indexed word begins is read as the indexed word it is nearest to, among
# those with its first letters (at most NEAREST_AMONG of them), when that is this close.
NEAREST_AMONG = 20000
NEAREST_SCORE = 85
NEAREST_MIN = 5  # a shorter word is too easily another word
# A stem shorter by this much is still the word ("internatet" stems to "internat",
# "internat" in the text to "intern").
SHORTER_STEM = 3


def known_words(session: Session, words: Sequence[str]) -> list[str]:
    """`words` (stemmed), each no indexed word begins replaced by the indexed word it
    most likely means: one it begins with ("internat" -> "intern"), else the nearest
    in spelling ("sucidsamordning" -> "suicidsamordning"); else kept.

    The indexed words are read by their first two letters, once per store state
    (kept with the session's lookups), and only for words that need them."""
    terms = [w for w in dict.fromkeys(words) if w]
    if not terms:
        return list(words)
    postgres = session.get_bind().dialect.name == "postgresql"
    missing = {t for t, found in widened_terms(session, terms, postgres) if found == []}
    if not missing:
        return list(words)
    return [_nearest(session, w) if w in missing and len(w) >= NEAREST_MIN else w for w in words]


def _nearest(session: Session, word: str) -> str:
    def read() -> str:
        near = _indexed_starting(session, word[:2])
        indexed = set(near)
        shorter = range(len(word) - 1, max(len(word) - SHORTER_STEM, 4) - 1, -1)
        prefix = next((word[:end] for end in shorter if word[:end] in indexed), None)
        close = process.extractOne(word, near, scorer=fuzz.ratio, score_cutoff=NEAREST_SCORE)
        return str(prefix or (close[0] if close else word))

    return lookups(session).kept(("nearest", word), read)


def _indexed_starting(session: Session, start: str) -> tuple[str, ...]:
    """The indexed words that begin with `start` (at most NEAREST_AMONG)."""

    def read() -> tuple[str, ...]:
        postgres = session.get_bind().dialect.name == "postgresql"
        statement = _indexed_statement(postgres)
        params = {"pattern": start + "%"} if postgres else {"low": start, "high": start + "\uffff"}
        return tuple(session.connection().scalars(statement, params))

    return lookups(session).kept(("indexed", start), read)


@cache
def _indexed_statement(postgres: bool) -> TextClause:
    match = "term LIKE :pattern" if postgres else "term >= :low AND term < :high"
    statement = f"SELECT term FROM search_terms WHERE {match} ORDER BY term LIMIT {NEAREST_AMONG}"
    # a prefix look-up: planned for its word (see storage.statements.PLAN_EACH_TIME)
    return text(statement).execution_options(**{PLAN_EACH_TIME: True})
