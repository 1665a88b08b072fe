"""People's names as minutes write them: put them in "Firstname Surname" order,
join words broken across lines and drop e-mail addresses.

Example:
    >>> normalize_name("Bergman Nordgren Lise")
    'Lise Bergman Nordgren'
    >>> normalize_name("Linnea Hed-\\nkvist")
    'Linnea Hedkvist'
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache, lru_cache
from importlib import resources

from storage.registry import fold

# Lowercase words that belong inside a name ("Carl von Essen", "Ebba af Klercker").
PARTICLES = frozenset({"af", "av", "von", "van", "der", "den", "de", "la", "le", "da", "di", "du"})

# Endings that mark a Swedish, Nordic or other common surname ("Adolfsson",
# "Fahlström", "Bergman", "Karjalainen", "Tryggvadóttir"). Only used when the
# first-name lexicon cannot tell which word is the first name.
_SURNAME_ENDINGS = (
    "sson", "son", "sen", "strom", "berg", "borg", "gren", "qvist", "kvist", "quist",
    "lund", "dahl", "dal", "ek", "holm", "mark", "back", "stedt", "stad", "blad",
    "blom", "man", "lin", "ius", "ell", "lof", "hed", "ling", "lander", "fors",
    "nas", "sjo", "vall", "ainen", "inen", "nen", "dottir", "ovic", "evic", "ski",
    "sky", "ow", "ova", "ev",
)  # fmt: skip

# Words after a line-break hyphen that show the hyphen is the Swedish elision
# ("Hälso- och sjukvård"), not a word broken in two.
_CONJUNCTIONS = frozenset({"och", "eller", "samt", "respektive", "resp", "som", "till"})

# Capitalised words that open document lines and are never part of a name.
_NOT_NAME_WORDS = frozenset(
    {
        "protokoll", "minnesanteckningar", "motesanteckningar", "anteckningar", "kallelse",
        "dagordning", "agenda", "tid", "plats", "datum", "lokal", "sida", "beteckning",
        "region", "regionen", "kommun", "kommunen", "tjanstestalle", "handlaggare",
        "forvaltningen", "chefsgrupp", "chefsgruppen", "specifika", "specifikt",
        "samverkansradet", "postadress", "besoksadress", "telefon", "telefax", "justerat",
        "paragraf", "punkt", "arende", "bilaga", "mote", "motet",
    }
)  # fmt: skip
# Endings of words for bodies and documents ("Socialnämnden", "Arbetsgruppen").
_NOT_NAME_ENDINGS = ("gruppen", "radet", "namnden", "forvaltningen", "kansliet", "anteckningar")

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_EMPTY_BRACKETS = re.compile(r"[(\[<]\s*[)\]>]")
_BROKEN_WORD = re.compile(r"(?<=\w)-\s+(?=([a-zåäöéü]+))")
_BROKEN_DOUBLE_NAME = re.compile(r"(?<=\w)-\s+(?=[A-ZÅÄÖÉÜ])")


@cache
def first_names() -> frozenset[str]:
    """Folded first names from `storage/data/first_names.txt`.

    >>> "linnea" in first_names()
    True
    """
    text = resources.files("storage").joinpath("data/first_names.txt").read_text("utf-8")
    words = (line.strip() for line in text.splitlines())
    return frozenset(fold(word) for word in words if word and not word.startswith("#"))


@lru_cache(maxsize=65_536)
def is_first_name(word: str) -> bool:
    """True for a known first name; a hyphenated one counts when every part does.

    >>> is_first_name("Marie-Louise"), is_first_name("Forsberg-Fransson")
    (True, False)
    """
    key = fold(word.strip(".,"))
    if key in first_names():
        return True
    parts = [part for part in key.split("-") if part]
    return len(parts) > 1 and all(part in first_names() for part in parts)


def looks_like_surname(word: str) -> bool:
    """True when a word ends like a common surname ("Fahlström", "Karjalainen")."""
    key = fold(word).split("-")[-1]
    return len(key) > 3 and key.endswith(_SURNAME_ENDINGS)


def drop_emails(text: str) -> str:
    """Remove e-mail addresses (personal data we do not keep) and the brackets
    left empty by that.

    >>> drop_emails("Daniel Ahnberg (daniel.ahnberg@hellefors.se)")
    'Daniel Ahnberg'
    """
    text = _EMAIL.sub("", text)
    text = _EMPTY_BRACKETS.sub("", text)
    return " ".join(text.split())


def join_broken_words(text: str) -> str:
    """Join words that a line break hyphenated; keep real double names.

    A hyphen followed by space and a lowercase word is a broken word, unless
    the word is a conjunction ("Hälso- och sjukvård"). A hyphen followed by
    space and a capital is a double name broken at its hyphen.

    >>> join_broken_words("Linnea Hed- kvist, Marie-Louise Forsberg-\\nFransson")
    'Linnea Hedkvist, Marie-Louise Forsberg-Fransson'
    """

    def join(match: re.Match[str]) -> str:
        return match.group(0) if match.group(1) in _CONJUNCTIONS else ""

    text = _BROKEN_WORD.sub(join, text)
    return _BROKEN_DOUBLE_NAME.sub("-", text)


def join_broken_lines(lines: Sequence[str]) -> list[str]:
    """Lines with words broken across them put back together.

    >>> join_broken_lines(["Sekreterare", "Kristin Gus-", "tafsson"])
    ['Sekreterare', 'Kristin Gustafsson']
    """
    joined: list[str] = []
    for line in lines:
        previous = joined[-1].rstrip() if joined else ""
        if re.search(r"\w-$", previous) and line[:1].strip():
            candidate = join_broken_words(previous + " " + line.strip())
            if candidate != previous + " " + line.strip():
                joined[-1] = candidate
                continue
        joined.append(line)
    return joined


@lru_cache(maxsize=65_536)
def name_words(text: str) -> tuple[str, ...]:
    """The words of a name, or () when the text does not look like a name.

    A name is two to six words, each capitalised (or a particle such as "von"),
    with nothing but letters, hyphens, apostrophes and initials' dots.

    >>> name_words("Carl von Essen"), name_words("Plats: Eken")
    (('Carl', 'von', 'Essen'), ())
    """
    words = tuple(text.split())
    if not 2 <= len(words) <= 6 or words[0] in PARTICLES or words[-1] in PARTICLES:
        return ()
    if not all(word in PARTICLES or _is_name_word(word) for word in words):
        return ()
    folded = [fold(word) for word in words]
    if any(w in _NOT_NAME_WORDS or w.endswith(_NOT_NAME_ENDINGS) for w in folded):
        return ()
    return words


def _is_name_word(word: str) -> bool:
    """ "Åhnberg", "Lönn-Elgstrand", "O'Brien", an initial "A."."""
    if len(word) == 2 and word.endswith("."):
        return word[0].isupper()
    letters = word.replace("-", "").replace("'", "").replace("’", "")
    return word[0].isupper() and letters.isalpha() and not word.endswith("-")


def _given_score(word: str) -> int:
    if is_first_name(word) or (len(word) <= 2 and word[:1].isupper() and word.endswith(".")):
        return 2  # a known first name or an initial ("A.")
    return -1 if looks_like_surname(word) else 0


def _surname_first(words: Sequence[str]) -> bool:
    """Is this name written surname first ("Eriksson Katrin")?

    Decided per name: the last word must be likelier a first name than the
    first word is (a known first name beats an unknown word, which beats a
    word ending like a surname).
    """
    if len(words) < 2:
        return False
    return _given_score(words[-1]) > _given_score(words[0])


def _reorder(words: list[str]) -> list[str]:
    # Registers write the surname in capitals: "ANDERSSON Anna".
    shouted = [w for w in words if len(w) > 2 and w.isupper() and w.replace("-", "").isalpha()]
    if shouted and len(shouted) == len(words):
        words = [w.title() for w in words]
    elif shouted:
        rest = [w for w in words if w not in shouted]
        return rest + [w.title() for w in shouted]
    if not _surname_first(words):
        return words
    # Move the trailing first names ("Anna Karin") to the front, keeping one surname.
    split = len(words) - 1
    while split > 1 and is_first_name(words[split - 1]):
        split -= 1
    return words[split:] + words[:split]


@lru_cache(maxsize=65_536)
def normalize_name(raw: str) -> str:
    """ "Firstname Surname" from a name as written.

    Joins line-break hyphenation, drops e-mail addresses and struck-through
    marks, and turns surname-first names around, deciding per name.

    >>> normalize_name("Ångman Ingmar")
    'Ingmar Ångman'
    >>> normalize_name("~~Daniel Ahnberg (daniel.ahnberg@hellefors.se)~~")
    'Daniel Ahnberg'
    >>> normalize_name("Alexander Jansson")
    'Alexander Jansson'
    """
    text = drop_emails(join_broken_words(raw.replace("~~", " ")))
    words = text.strip(" ,;:").split()
    return " ".join(_reorder(words))
