"""The subject of a question, as the user wrote it: what a decision or a search
is about ("suicidsamordningen", "projekt CROSS", "mobila team"), or the name a
question asks about when the name is not in the vocabulary.

The subject is the first run of words that are neither small words, question
words, names nor time, starting after "om"/"about" when the question has one.
Small words inside the run stay ("barn och unga"); at its edges they go.

Example:
    >>> words = read_words("Vad sades om projekt CROSS på mötet i maj?")
    >>> subject(words, [w.key for w in words.tokens], used=frozenset({7, 8})).text
    'projekt CROSS'
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from bot.understanding.glossary import phrase_starts
from bot.understanding.lexicon import FUNCTION_WORDS, LEXICON
from bot.understanding.text import Words, read_words, word_set

_INTRODUCERS = word_set(
    """
    om kring angaende gallande rorande betraffande ang
    about regarding concerning re on around
    """
)
_LEXICON = frozenset(LEXICON)
_MAX_WORDS = 12

__all__ = ["has_subject", "read_words", "subject"]


def is_subject_word(key: str) -> bool:
    """A word that can belong to a subject: not a known question or small word."""
    return len(key) > 1 and key not in _LEXICON and any(c.isalpha() for c in key)


def has_subject(keys: Sequence[str], used: frozenset[int]) -> bool:
    return any(is_subject_word(k) for i, k in enumerate(keys) if i not in used)


@dataclass(frozen=True)
class Subject:
    """A subject's text and the tokens it spans (names among them are part of it)."""

    text: str
    tokens: frozenset[int]


def subject(
    words: Words, keys: Sequence[str], used: frozenset[int], names: frozenset[int] = frozenset()
) -> Subject | None:
    """The subject as written, or None when nothing is left to be one.

    `keys` are the (typo-corrected) keys of `words`; `used` the tokens read as time;
    `names` the tokens read as names. A name belongs to the subject when the subject
    is that name ("vad sades om Karlskoga?") or goes on after it ("om Regionens
    Offentliga aktörer"); otherwise it stays a name ("om suicidprevention i Kumla").
    """
    blocked = used - names
    # "gang crime": an English phrase of the domain, though "gang" alone is "gång"
    phrase = phrase_starts(list(keys))
    # "vad sades om IT?": an abbreviation in capitals is a subject, though "it" is a
    # small word
    capitals = _abbreviations(words)

    def content(i: int) -> bool:
        return is_subject_word(keys[i]) or i in phrase or i in capitals

    def word(i: int) -> bool:
        return i not in blocked and (i in names or content(i))

    start, introduced = _after_introducer(keys, blocked, word)
    first = next(
        (i for i in range(start, len(keys)) if word(i) and (introduced or i not in names)), None
    )
    if first is None:
        return None
    run = _run(first, keys, blocked, word)
    last = max((i for i in run if i not in names and content(i)), default=None)
    if last is None:  # the subject is a name: "om Karlskoga"
        last = max(i for i in run if i in names and all(j in names for j in range(first, i + 1)))
    tokens = words.tokens[first : last + 1]
    # Words joined by spaces: the subject is for searching and quoting back, and
    # punctuation between words ("<b>", quotes) has no place in either.
    # A hyphen read as a word of its own goes back on its word ("hälso- och sjukvård").
    text = re.sub(r"(?<=\w) -(?= (?:och|eller|samt|and|or) )", "-", " ".join(t.raw for t in tokens))
    return Subject(text, frozenset(range(first, last + 1)))


def _abbreviations(words: Words) -> frozenset[int]:
    """The tokens written as abbreviations in capitals ("IT", "LSS"), in a question
    not written in capitals throughout."""
    letters = [c for t in words.tokens for c in t.raw if c.isalpha()]
    if sum(c.isupper() for c in letters) * 2 > len(letters):
        return frozenset()  # "VAD SADES OM IT?": shouting, not abbreviations
    return frozenset(
        i
        for i, t in enumerate(words.tokens)
        if 2 <= len(t.raw) <= 5 and t.raw.isalpha() and t.raw.isupper()
    )


def introduced(words: Words, keys: Sequence[str], used: frozenset[int]) -> Subject | None:
    """The words right after "om"/"about" even when they are words questions ask with,
    for a question that has no other subject: "vad beslutades om mötestider?" is
    about the agenda item Mötestider, not about every decision."""
    start = next((i + 1 for i, key in enumerate(keys) if key in _INTRODUCERS), len(keys))
    while start < len(keys) and start not in used and keys[start] in FUNCTION_WORDS:
        start += 1  # "about the agenda"
    end = start
    while end < len(keys) and end not in used and keys[end] not in FUNCTION_WORDS:
        if not any(c.isalpha() for c in keys[end]):
            break
        end += 1
    if end == start:
        return None
    text = " ".join(t.raw for t in words.tokens[start:end])
    return Subject(text, frozenset(range(start, end)))


def name_asked(words: Words, keys: Sequence[str], used: frozenset[int]) -> str | None:
    """A name outside the vocabulary, capitalised as a name: "eva persson" -> "Eva Persson"."""
    found = subject(words, keys, used)
    if found is None:
        return None
    return found.text if any(c.isupper() for c in found.text) else found.text.title()


def _after_introducer(
    keys: Sequence[str], blocked: frozenset[int], word: Callable[[int], bool]
) -> tuple[int, bool]:
    """Where the subject may start: after the first "om"/"about" that has one after it."""
    for i, key in enumerate(keys):
        if key in _INTRODUCERS and any(word(j) for j in range(i + 1, len(keys))):
            return i + 1, True
    return 0, False


def _run(
    first: int, keys: Sequence[str], blocked: frozenset[int], word: Callable[[int], bool]
) -> range:
    """From `first` on, the words that may belong to one subject."""
    end = first + 1
    while end < min(len(keys), first + _MAX_WORDS):
        if end in blocked or not (word(end) or keys[end] in FUNCTION_WORDS or keys[end] == "-"):
            break
        end += 1
    return range(first, end)
