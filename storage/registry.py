"""What is known before any minutes are read: the region's municipalities, its
länsdelar (the four parts of the county) and the collaboration groups with the
names people use for them.

Example:
    >>> find_group("ssr folkhalsa").name
    'Specifika samverkansrådet för folkhälsa'
    >>> municipality_of("Hallsbergs kommun")
    'Hallsberg'
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

REGION = "Region Örebro län"

# länsdel -> municipalities
LANSDELAR: dict[str, tuple[str, ...]] = {
    "Norr": ("Hällefors", "Lindesberg", "Ljusnarsberg", "Nora"),
    "Söder": ("Askersund", "Hallsberg", "Kumla", "Laxå"),
    "Väster": ("Degerfors", "Karlskoga"),
    "Örebro": ("Örebro", "Lekeberg"),
}
MUNICIPALITIES: tuple[str, ...] = (
    "Askersund",
    "Degerfors",
    "Hallsberg",
    "Hällefors",
    "Karlskoga",
    "Kumla",
    "Laxå",
    "Lekeberg",
    "Lindesberg",
    "Ljusnarsberg",
    "Nora",
    "Örebro",
)


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Casefold, drop diacritics and squeeze spaces: the key for loose matching.

    >>> fold("  Mehtäläinen  Jari ")
    'mehtalainen jari'
    """
    plain = text.casefold()
    if not plain.isascii():
        # the parser folds every line it reads: skip the costly path for plain ASCII
        decomposed = unicodedata.normalize("NFKD", plain)
        plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.split())


_MUNICIPALITY_BY_FOLD = {fold(m): m for m in MUNICIPALITIES}


@lru_cache(maxsize=65_536)
def municipality_of(organization: str) -> str | None:
    """The municipality an organisation name stands for, if it is one.

    Accepts "Kumla", "Kumla kommun", "Hallsbergs kommun", "Degerfors kommun",
    "Lindesberg (dag 2)". "Region Örebro län" is not a municipality.

    >>> municipality_of("Degerfors kommun"), municipality_of("Hallsbergs kommun")
    ('Degerfors', 'Hallsberg')
    """
    text = fold(re.sub(r"\(.*?\)", "", organization))
    text = re.sub(r"\s+kommun$", "", text).strip()
    if text in _MUNICIPALITY_BY_FOLD:
        return _MUNICIPALITY_BY_FOLD[text]
    if text.endswith("s") and text[:-1] in _MUNICIPALITY_BY_FOLD:
        return _MUNICIPALITY_BY_FOLD[text[:-1]]
    return None


def kommun_name(municipality: str) -> str:
    """The municipality's organisation name, genitive as Swedish writes it.

    >>> kommun_name("Hallsberg"), kommun_name("Kumla"), kommun_name("Degerfors")
    ('Hallsbergs kommun', 'Kumla kommun', 'Degerfors kommun')
    """
    # A name ending in a vowel or s takes no genitive s ("Kumla kommun", "Degerfors kommun").
    if municipality[-1].lower() in "aeiouyåäösxz":
        return f"{municipality} kommun"
    return f"{municipality}s kommun"


_LANSDEL_WORDS = {
    "Norr": ("norr", "norra"),
    "Söder": ("soder", "sodra"),
    "Väster": ("vaster", "vastra"),
    "Örebro": ("orebro",),
}


def lansdel_named(text: str) -> str | None:
    """The länsdel a name stands for: "Söder", "södra länsdelen", "länsdel norr".
    "Örebro" alone is the municipality; the länsdel needs the word länsdel.

    >>> lansdel_named("södra länsdelen"), lansdel_named("Väster"), lansdel_named("Örebro")
    ('Söder', 'Väster', None)
    """
    words = fold(re.sub(r"[^\w\s]", " ", text)).split()
    named = any(w.startswith("lansdel") for w in words)
    rest = [w for w in words if not w.startswith("lansdel")]
    if len(rest) != 1:
        return None
    for lansdel, names in _LANSDEL_WORDS.items():
        if rest[0] in names and (named or lansdel != "Örebro"):
            return lansdel
    return None


def lansdel_of(municipality: str) -> str | None:
    for lansdel, members in LANSDELAR.items():
        if municipality in members:
            return lansdel
    return None


@dataclass(frozen=True)
class KnownGroup:
    name: str
    short: str  # how an answer names the group in passing
    aliases: tuple[str, ...]
    # what people call the group in passing ("folkhälsa"): a name only as the subject
    # of a question ("vad beslutade folkhälsa?") or as a conversation's group, elsewhere
    # the word it is ("beslut om folkhälsa")
    informal: tuple[str, ...] = ()


KNOWN_GROUPS: tuple[KnownGroup, ...] = (
    KnownGroup(
        "Chefsgrupp för samverkan social välfärd samt vård och omsorg",
        "chefsgruppen för social välfärd samt vård och omsorg",
        (
            "chefsgruppen",
            "chefsgrupp",
            "chefsgruppen social välfärd samt vård och omsorg",
            "chefsgrupp social välfärd samt vård och omsorg",
            "chefsgrupp för social välfärd samt vård och omsorg",
            "chefsgrupp social välfärd",
            "chefsgruppen social välfärd",
            "chefsgrupp svo",
            "välfärdschefsgruppen",
            "chefsgruppen vård och omsorg",
        ),
    ),
    KnownGroup(
        "Chefsgrupp folkhälsa",
        "chefsgrupp folkhälsa",
        (
            "chefsgrupp för folkhälsa",
            "chefsgruppen folkhälsa",
            "chefsgruppen för folkhälsa",
            "folkhälsochefsgruppen",
            "folkhälsocheferna",
            "folkhälsochefer",
        ),
        informal=("folkhälsa", "folkhälsan"),
    ),
    KnownGroup(
        "Specifika samverkansrådet för social välfärd samt vård och omsorg",
        "specifika samverkansrådet för social välfärd samt vård och omsorg",
        (
            "ssr social välfärd",
            "ssr svo",
            "ssr välfärd",
            "specifika samverkansrådet social välfärd",
            "specifika samverkansrådet för social välfärd",
            "specifika rådet för social välfärd samt vård och omsorg",
            "specifikt samverkansråd social välfärd",
            "samverkansrådet för social välfärd samt vård och omsorg",
            "samverkansrådet för social välfärd",
            "rådet för social välfärd",
            "välfärdsrådet",
        ),
    ),
    KnownGroup(
        "Specifika samverkansrådet för folkhälsa",
        "specifika samverkansrådet för folkhälsa",
        (
            "ssr folkhälsa",
            "ssr fh",
            "specifika samverkansrådet folkhälsa",
            "specifika rådet för folkhälsa",
            "specifikt samverkansråd folkhälsa",
            "samverkansrådet för folkhälsa",
            "folkhälsorådet",
            "rådet för folkhälsa",
        ),
    ),
)

# Names people use for several groups at once: "specifika samverkansråden" are
# both councils. A question naming one of these is answered for each of them.
GROUP_FAMILIES: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(
        (
            "specifika samverkansrådet",
            "specifika samverkansråden",
            "specifika samverkansråd",
            "specifikt samverkansråd",
            "specifika rådet",
            "specifika råden",
            "samverkansråden",
            "ssr",
            "specific councils",
            "specific collaboration councils",
            "collaboration councils",
            # the one word people use for either: both, unless a longer name says which
            "samverkansrådet",
            "rådet",
            "råden",
            "council",
            "the council",
            "councils",
            "the councils",
        ),
        (KNOWN_GROUPS[2].name, KNOWN_GROUPS[3].name),
    ),
    **dict.fromkeys(
        ("chefsgrupperna", "management groups"),
        (KNOWN_GROUPS[0].name, KNOWN_GROUPS[1].name),
    ),
}

_GROUP_BY_FOLD: dict[str, KnownGroup] = {}
for _group in KNOWN_GROUPS:
    for _alias in (_group.name, *_group.aliases):
        _GROUP_BY_FOLD[fold(_alias)] = _group


def find_group(name: str) -> KnownGroup | None:
    """The known group a name or alias stands for (exact after folding)."""
    key = fold(re.sub(r"[^\w\s-]", " ", name))
    return _GROUP_BY_FOLD.get(key)


_NOT_WORD = re.compile(r"[^\w\s-]")


def group_in(text: str) -> str | None:
    """The known group a text names somewhere in it, by its longest name there:
    "Beslutet hänskjuts till chefsgruppen under hösten" -> the chefsgrupp.

    >>> group_in("tas upp i chefsgrupp folkhälsa i maj")
    'Chefsgrupp folkhälsa'
    """
    padded = " " + fold(_NOT_WORD.sub(" ", text)) + " "
    named = [alias for alias in _GROUP_BY_FOLD if f" {alias} " in padded]
    return _GROUP_BY_FOLD[max(named, key=len)].name if named else None


def informal_group_names() -> dict[str, str]:
    """Every folded informal name -> canonical group name (see `KnownGroup.informal`).

    >>> informal_group_names()["folkhalsa"]
    'Chefsgrupp folkhälsa'
    """
    return {fold(word): group.name for group in KNOWN_GROUPS for word in group.informal}


def group_aliases() -> dict[str, str]:
    """Every folded alias -> canonical group name, for matching in questions."""
    return {alias: group.name for alias, group in _GROUP_BY_FOLD.items()}
