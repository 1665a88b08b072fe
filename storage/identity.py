"""Is this the same person? Names across documents.

Minutes spell one person several ways ("Lena Adolfsson", "Lena Adolffsson";
"Ångman Ingmar", "Ingmar Ångman") while colleagues share surnames ("Madde
Gustafsson", "Ann-Mari Gustafsson"). The rules are a careful reader's: the
first names must be the same name (up to accents, a doubled letter or two
swapped letters) and the surnames may differ by one letter added or left out,
never in their first letter (in a double surname whose other part agrees, one
part may differ a little more).

Example:
    >>> same_person("Siw Lunader", "Siw Lunander"), same_person("Anna Karlsson", "Eva Karlsson")
    (True, False)
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA, Indel, Levenshtein

from storage.parsing.names import normalize_name
from storage.registry import fold

# Shorter surnames differ by one letter too often to call it a misspelling.
_MIN_FUZZY_SURNAME = 4
_MIN_SWAPPED_GIVEN = 5
_DOUBLE_SURNAME_SIMILARITY = 0.8


def person_key(name: str) -> str:
    """A folded key: equal keys are certainly the same written name.

    >>> person_key("Mehtäläinen Jari") == person_key("Jari Mehtalainen")
    True
    >>> person_key("Marie-Louise Forsberg-Fransson")
    'marie louise forsberg fransson'
    """
    return " ".join(fold(normalize_name(name)).replace("-", " ").split())


def words_key(name: str) -> str:
    """A name's folded words in alphabetical order: the same for every order the
    minutes write them in (a presenter's key, see storage.queries.presented).

    >>> words_key("Sundelius Jan") == words_key("Jan Sundelius") == "jan sundelius"
    True
    """
    return " ".join(sorted(set(person_key(name).split())))


def same_person(a: str, b: str) -> bool:
    """True for spelling variants of one person (Adolfsson/Adolffsson,
    Strid/Stridh, Åhnberg/Ahnberg, Mehtalainen/Mehtäläinen, Lunader/Lunander),
    False for different people sharing a surname (Madde/Ann-Mari Gustafsson).

    >>> same_person("Bechet Barsom", "Behcet Barsom")
    True
    >>> same_person("Jaana Jansson", "Alexander Jansson")
    False
    """
    key_a, key_b = person_key(a), person_key(b)
    if key_a == key_b:
        return True
    words_a, words_b = key_a.split(), key_b.split()
    if sorted(words_a) == sorted(words_b):
        return True  # the same words in another order: "Ångman Ingmar"
    given_a, surname_a = _given_and_surname(a)
    given_b, surname_b = _given_and_surname(b)
    if not (surname_a and surname_b):
        return False
    return _same_given(given_a, given_b) and _same_surname(surname_a, surname_b)


def _given_and_surname(name: str) -> tuple[str, str]:
    """("marie louise", "forsberg fransson"): the first word (a hyphenated
    first name stays whole) and the rest, folded."""
    words = fold(normalize_name(name)).split()
    if not words:
        return "", ""
    return words[0].replace("-", " "), " ".join(words[1:]).replace("-", " ")


def _squeeze(text: str) -> str:
    """Doubled letters made single: "katrinn" -> "katrin"."""
    return re.sub(r"(.)\1+", r"\1", text)


def _same_given(a: str, b: str) -> bool:
    if a == b or _squeeze(a) == _squeeze(b):
        return True
    # Two neighbouring letters swapped ("Bechet"/"Behcet"), not a letter changed.
    swapped = OSA.distance(a, b) == 1 and Levenshtein.distance(a, b) == 2
    return swapped and min(len(a), len(b)) >= _MIN_SWAPPED_GIVEN


def _same_surname(a: str, b: str) -> bool:
    if a == b or _squeeze(a) == _squeeze(b):
        return True
    parts_a, parts_b = a.split(), b.split()
    if len(parts_a) != len(parts_b):
        return False
    differing = [(x, y) for x, y in zip(parts_a, parts_b, strict=True) if x != y]
    if len(differing) != 1:
        return False
    x, y = differing[0]
    if min(len(x), len(y)) < _MIN_FUZZY_SURNAME or x[0] != y[0]:
        return False
    if len(parts_a) > 1:
        # The other part of a double surname already agrees, so a closely
        # similar second part is a misspelling ("Höglom"/"Höglblom").
        return Indel.normalized_similarity(x, y) >= _DOUBLE_SURNAME_SIMILARITY
    # One letter added or left out ("Strid"/"Stridh", "Lunader"/"Lunander");
    # a changed letter makes another name ("Jansson"/"Hansson", "Lind"/"Lund").
    return Indel.distance(x, y) <= 1


class PersonResolver:
    """One written name per person across documents.

    The first spelling met is the person's canonical name; later variants
    resolve to it. Seed it with preferred spellings to choose them.

    >>> people = PersonResolver(["Lena Adolfsson", "Ann-Mari Gustafsson"])
    >>> people.resolve("Lena Adolffsson"), people.resolve("Gustafsson Madde")
    ('Lena Adolfsson', 'Madde Gustafsson')
    """

    def __init__(self, known: Iterable[str] = ()) -> None:
        self._by_key: dict[str, str] = {}
        self._spellings: dict[str, list[str]] = {}
        for name in known:
            self.resolve(name)

    def resolve(self, name: str) -> str:
        """The canonical name of the person `name` stands for, remembering
        `name` (as a new person when nobody known matches)."""
        written = normalize_name(name)
        key = person_key(written)
        if key not in self._by_key:
            canonical = self._closest(written) or written
            self._by_key[key] = canonical
            self._spellings.setdefault(canonical, []).append(written)
        return self._by_key[key]

    def _closest(self, name: str) -> str | None:
        matches = [known for known in self._spellings if same_person(known, name)]
        if not matches:
            return None
        key = person_key(name)
        return max(matches, key=lambda known: fuzz.ratio(person_key(known), key))

    @property
    def names(self) -> tuple[str, ...]:
        """Every canonical name, in the order first met."""
        return tuple(self._spellings)

    def spellings(self, canonical: str) -> tuple[str, ...]:
        """The ways a person's name has been written, canonical first."""
        return tuple(self._spellings.get(canonical, ()))

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and person_key(name) in self._by_key
