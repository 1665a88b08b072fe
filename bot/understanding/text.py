"""A question cut into words, each with its folded key, and the folded text the
grammars read. Every later step marks which words it used, so what is left is
the question's subject.

Example:
    >>> words = read_words("När är nästa möte för SSR Folkhälsa?")
    >>> words.norm
    'nar ar nasta mote for ssr folkhalsa'
    >>> words.tokens_in(14, 18)
    (3,)
"""

from __future__ import annotations

import html
import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache

from storage.registry import fold

# A question longer than this is not a question; capping keeps every step bounded.
MAX_CHARS = 2000

# Words keep inner joiners: "2023-09-08", "29/5", "RF-SISU", "kl.13.00", "29:e".
# A lone dash is kept as a word of its own because it joins ranges ("mars - maj").
_TOKEN = re.compile(r"\w+(?:[-/.:]\w+)*|-")
_TAG = re.compile(r"</?[a-zA-Z][^<>]{0,200}>")
_DASHES = re.compile(r"[\u2010-\u2015\u2212]")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\ufeff]")


@dataclass(frozen=True)
class Token:
    """One word: as written, its folded key, and where it stands in the text."""

    raw: str
    key: str
    start: int
    end: int


@dataclass(frozen=True)
class Words:
    """The words of a question and `norm`, their keys joined by single spaces."""

    text: str
    tokens: tuple[Token, ...]
    norm: str
    offsets: tuple[int, ...]  # where each token's key starts in `norm`
    starts: tuple[int, ...]  # where each token starts in `text`

    def tokens_in(self, start: int, end: int) -> tuple[int, ...]:
        """Indices of the tokens a `norm` span [start, end) touches."""
        first = max(0, bisect_right(self.offsets, start) - 1)
        last = bisect_left(self.offsets, end)
        return tuple(
            i for i in range(first, last) if self.offsets[i] + len(self.tokens[i].key) > start
        )

    def tokens_at(self, start: int, end: int) -> tuple[int, ...]:
        """Indices of the tokens a `text` span [start, end) touches."""
        first = max(0, bisect_right(self.starts, start) - 1)
        last = bisect_left(self.starts, end)
        return tuple(i for i in range(first, last) if self.tokens[i].end > start)

    def with_keys(self, keys: list[str]) -> Words:
        """The same words with other keys (typo-corrected), `norm` rebuilt."""
        tokens = tuple(
            Token(t.raw, k, t.start, t.end) for t, k in zip(self.tokens, keys, strict=True)
        )
        return _assemble(self.text, tokens)


def clean(text: str) -> str:
    """The question as the grammars may read it: capped, without markup or control
    characters, in NFC.

    Chat platforms send questions as HTML ("<p>nästa&nbsp;möte</p>"): the tags are
    not words and the entities are the characters they stand for.
    """
    text = html.unescape(_TAG.sub(" ", text[:MAX_CHARS]))
    text = unicodedata.normalize("NFC", text)
    text = _CONTROL.sub(" ", text)
    return _DASHES.sub("-", text)


def read_words(text: str) -> Words:
    """Cut a cleaned question into words."""
    cleaned = clean(text)
    tokens = tuple(
        Token(m.group(), _key(m.group()), m.start(), m.end()) for m in _TOKEN.finditer(cleaned)
    )
    return _assemble(cleaned, tokens)


@lru_cache(maxsize=8192)
def _key(word: str) -> str:
    return fold(word).replace("_", "") or word


def _assemble(text: str, tokens: tuple[Token, ...]) -> Words:
    offsets: list[int] = []
    position = 0
    for token in tokens:
        offsets.append(position)
        position += len(token.key) + 1
    norm = " ".join(t.key for t in tokens)
    return Words(text, tokens, norm, tuple(offsets), tuple(t.start for t in tokens))


def word_set(text: str) -> frozenset[str]:
    """The words of a whitespace-separated list, for word lists that read as prose."""
    return frozenset(text.split())
