"""Whether a question is Swedish or English, from its small words.

Names are left out (the caller passes only the words that are not names), so
"who represents Örebro?" is English although "Örebro" has an ö. Swedish wins a tie:
the minutes are Swedish.

Example:
    >>> detect_language(["who", "chaired", "the", "meeting"], ["who", "chaired", "the", "meeting"])
    'en'
    >>> detect_language(["nar", "ar", "nasta", "mote"], ["När", "är", "nästa", "möte"])
    'sv'
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.understanding.lexicon import ENGLISH_FUNCTION_WORDS, SWEDISH_FUNCTION_WORDS
from bot.understanding.text import word_set

_SWEDISH_MARKERS = word_set(
    """
    mote motet moten nasta forra beslut beslutades beslutade fattades hjalp paminn
    paminnelser paminnelse sluta kanalen gruppen narvarande franvarande dagordningen
    ordforande sekreterare justerare representerar sades protokollet igar idag
    chefsgruppen manad manaden aret veckan sitter tillhor ledamot ersattare
    """
)
_ENGLISH_MARKERS = word_set(
    """
    meeting meetings next decided decisions decision said help remind reminders stop
    channel group chaired secretary attended absent agenda represents representative
    who yesterday today week month year minutes council search find show list tell
    unsubscribe members represent substitute happened discussed mentioned upcoming
    cancelled moved schedule set attend took wrote
    """
)
# Words both languages use, or that are names in one and words in the other.
_SHARED = frozenset(
    {"i", "a", "at", "var", "is", "for", "man", "under", "over", "till", "dag", "agenda"}
)


def detect_language(keys: Sequence[str], raws: Sequence[str]) -> str:
    """ "sv" or "en" for the folded `keys` of a question's non-name words."""
    swedish, english = _counts(keys, raws)
    return "en" if english > swedish else "sv"


def said_language(keys: Sequence[str], raws: Sequence[str]) -> str | None:
    """ "sv" or "en" when the words say, None when they do not ("2022?", "Nora?").

    >>> said_language(["what", "about", "nora"], ["what", "about", "Nora"])
    'en'
    """
    swedish, english = _counts(keys, raws)
    if swedish == english:
        return None
    return "en" if english > swedish else "sv"


def _counts(keys: Sequence[str], raws: Sequence[str]) -> tuple[int, int]:
    swedish = sum(1 for raw in raws if any(c in "åäöÅÄÖ" for c in raw))
    english = 0
    for key in keys:
        if key in _SHARED:
            continue
        swedish += key in SWEDISH_FUNCTION_WORDS or key in _SWEDISH_MARKERS
        english += key in ENGLISH_FUNCTION_WORDS or key in _ENGLISH_MARKERS
    return swedish, english


# SQL and code words: two of them in a question make it code, not English.
_CODE_WORDS = word_set(
    """
    select insert update delete drop create alter truncate from where into values table
    union join null true false def import return function var const lambda
    """
)
_CODE_STARTS = word_set("select insert update delete drop create alter truncate def import")


def looks_like_code(keys: Sequence[str]) -> bool:
    """ "SELECT * FROM meetings", "DROP TABLE people": text that is code, not a language.

    >>> looks_like_code(["select", "from", "meetings"]), looks_like_code(["where", "is", "it"])
    (True, False)
    """
    return bool(keys) and keys[0] in _CODE_STARTS and sum(k in _CODE_WORDS for k in keys) >= 2
