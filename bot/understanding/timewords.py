"""Names of months, seasons, weekdays and small numbers as questions write them
(folded: "hösten" is "hosten"), and the regular-expression alternations built
from them.

Example:
    >>> MONTHS["okt"], SEASONS["hostas"]
    (10, ('autumn', 'past'))
"""

from __future__ import annotations

from collections.abc import Iterable

from bot.understanding.text import word_set

MONTHS: dict[str, int] = {
    **dict.fromkeys(("januari", "january", "jan"), 1),
    **dict.fromkeys(("februari", "february", "feb", "febr"), 2),
    **dict.fromkeys(("mars", "march", "mar"), 3),
    **dict.fromkeys(("april", "apr"), 4),
    **dict.fromkeys(("maj", "may"), 5),
    **dict.fromkeys(("juni", "june", "jun"), 6),
    **dict.fromkeys(("juli", "july", "jul"), 7),
    **dict.fromkeys(("augusti", "august", "aug"), 8),
    **dict.fromkeys(("september", "sept", "sep"), 9),
    **dict.fromkeys(("oktober", "october", "okt", "oct"), 10),
    **dict.fromkeys(("november", "nov"), 11),
    **dict.fromkeys(("december", "dec"), 12),
}
# Short forms that are also names or words ("Jan", "may", "mar") count as months
# only with a number or a preposition beside them.
AMBIGUOUS_MONTHS = word_set("jan feb febr mar apr may jun jul aug sep sept oct okt nov dec")

# season word -> (season, tense the word itself carries: "i höstas" is past)
SEASONS: dict[str, tuple[str, str | None]] = {
    **dict.fromkeys(("hosten", "host", "autumn", "fall"), ("autumn", None)),
    "hostas": ("autumn", "past"),
    **dict.fromkeys(("varen", "var", "spring"), ("spring", None)),
    "varas": ("spring", "past"),
    **dict.fromkeys(("sommaren", "sommar", "summer"), ("summer", None)),
    "somras": ("summer", "past"),
    **dict.fromkeys(("vintern", "vinter", "winter"), ("winter", None)),
    "vintras": ("winter", "past"),
}
# Words that are seasons only after a preposition or before a year: "var" is
# "where", "fall" and "host" are English words.
AMBIGUOUS_SEASONS = frozenset(("var", "fall", "host"))

# (first month, last month); winter starts in the December before.
SEASON_MONTHS: dict[str, tuple[int, int]] = {
    "spring": (1, 6),
    "summer": (6, 8),
    "autumn": (8, 12),
    "winter": (12, 2),
}

WEEKDAYS: dict[str, int] = {
    **dict.fromkeys(("mandag", "monday"), 0),
    **dict.fromkeys(("tisdag", "tuesday"), 1),
    **dict.fromkeys(("onsdag", "wednesday"), 2),
    **dict.fromkeys(("torsdag", "thursday"), 3),
    **dict.fromkeys(("fredag", "friday"), 4),
    **dict.fromkeys(("lordag", "saturday"), 5),
    **dict.fromkeys(("sondag", "sunday"), 6),
}

# "i fredags" is last Friday.
PAST_WEEKDAYS: dict[str, int] = {
    f"{day}s": number for day, number in WEEKDAYS.items() if day.endswith("dag")
}

NUMBERS: dict[str, int] = {
    **dict.fromkeys(("en", "ett", "a", "an", "one"), 1),
    **dict.fromkeys(("tva", "two", "par", "couple"), 2),
    **dict.fromkeys(("tre", "three"), 3),
    **dict.fromkeys(("fyra", "four"), 4),
    **dict.fromkeys(("fem", "five"), 5),
    **dict.fromkeys(("sex", "six"), 6),
    **dict.fromkeys(("sju", "seven"), 7),
    **dict.fromkeys(("atta", "eight"), 8),
    **dict.fromkeys(("nio", "nine"), 9),
    **dict.fromkeys(("tio", "ten"), 10),
    **dict.fromkeys(("elva", "eleven"), 11),
    **dict.fromkeys(("tolv", "twelve"), 12),
    **dict.fromkeys(("fjorton", "fourteen"), 14),
    **dict.fromkeys(("femton", "fifteen"), 15),
    **dict.fromkeys(("tjugo", "twenty"), 20),
    **dict.fromkeys(("trettio", "thirty"), 30),
}

ORDINALS: dict[str, int] = {
    **dict.fromkeys(("forsta", "first", "1"), 1),
    **dict.fromkeys(("andra", "second", "2"), 2),
    **dict.fromkeys(("tredje", "third", "3"), 3),
    **dict.fromkeys(("fjarde", "fourth", "4"), 4),
}

# Words after which a year is part of a name, not a time: "Agenda 2030".
NAMED_BEFORE_YEAR = word_set(
    """
    agenda vision overenskommelse overenskommelsen overenskommelser strategi strategin
    plan planen handlingsplan handlingsplanen program programmet budget budgeten
    projekt projektet
    """
)


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of words, longest first so "hosten" wins over "host"."""
    return "|".join(sorted(words, key=len, reverse=True))


def number_of(word: str) -> int | None:
    """A count written as digits or a word: "3", "tre", "two"."""
    if word.isdigit() and len(word) <= 3:
        return int(word)
    return NUMBERS.get(word)
