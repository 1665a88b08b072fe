"""The names questions may mention: groups (with their aliases), the region's
municipalities, other organisations and people, matched loosely.

Matching folds case and diacritics ("orebro"), reads a genitive as the name
("Örebros", "lindesbergs"), accepts "Kumla kommun", and forgives a typo in a
longer name ("karlskgoa", "eva persons"). Longer names win over shorter ones, so
"Region Örebro län" is the region, not the municipality Örebro.

Example:
    >>> vocabulary = Vocabulary.build(people=["Jari Mehtäläinen"])
    >>> found = vocabulary.find(read_words("vem representerar karlskgoa").tokens)
    >>> found.municipality
    'Karlskoga'
    >>> vocabulary.find(read_words("mehtalainen").tokens).person
    'Jari Mehtäläinen'
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache

from rapidfuzz import fuzz, process

from bot.understanding.lexicon import FUNCTION_WORDS, LEXICON
from bot.understanding.names import (
    BUILTIN_GROUPS,
    BUILTIN_ORGANIZATIONS,
    group_short_forms,
    municipality_keys,
    organization_places,
)
from bot.understanding.text import Token, read_words
from storage.registry import fold, informal_group_names, municipality_of

# Kinds in the order they win when one name is several things; a person's first
# name alone ("vem är Ingmar?") is the weakest.
GROUP, ORGANIZATION, MUNICIPALITY, PERSON, SURNAME, GIVEN = range(6)
_FIELDS = {
    GROUP: "group",
    ORGANIZATION: "organization",
    MUNICIPALITY: "municipality",
    PERSON: "person",
}
_LEXICON = frozenset(LEXICON)
_MIN_SURNAME = 4
_MIN_GIVEN = 3
# Typos are forgiven in names of up to this many words; longer names are written out.
_FUZZY_WORDS = 3
_NEAR_KEPT, _NEAR_LONGEST = 20_000, 80  # phrases (so long) whose nearest name is remembered
_UNSEEN = object()
_Adder = Callable[[str, int, str], None]
_MUNICIPALITY_KEYS = frozenset(key for key, _ in municipality_keys())
_INFORMAL_GROUPS = informal_group_names()
# The last parts (folded) of a compound that names a group's meeting or the group
# itself, and the least left of the compound before them.
_COMPOUND_TAILS = tuple(
    fold(tail)
    for tail in [
        "mötenas",
        "mötena",
        "mötets",
        "mötet",
        "mötens",
        "möten",
        "mötes",
        "möte",
        "gruppernas",
        "grupperna",
        "gruppens",
        "gruppen",
        "grupps",
        "grupp",
    ]
)
_MIN_COMPOUND_HEAD = 3


@dataclass(frozen=True)
class Mentions:
    """The names a question mentions and the tokens that said them."""

    group: str | None = None
    municipality: str | None = None
    organization: str | None = None
    person: str | None = None
    used: frozenset[int] = frozenset()
    # a name that stands for several groups ("specifika samverkansråden"): those groups
    groups: tuple[str, ...] = ()
    spans: tuple[tuple[str, frozenset[int]], ...] = ()  # field -> the tokens that said it

    def tokens_of(self, name: str) -> frozenset[int]:
        """The tokens that said the mention `name` ("group", "person", ...)."""
        return next((span for field_name, span in self.spans if field_name == name), frozenset())

    def with_group(self, group: str, tokens: frozenset[int]) -> Mentions:
        """These mentions with `group`, said by `tokens`, as the group asked."""
        return replace(
            self,
            group=group,
            groups=(),
            used=self.used | tokens,
            spans=(*(span for span in self.spans if span[0] != "group"), ("group", tokens)),
        )

    def without(self, tokens: frozenset[int]) -> Mentions:
        """These mentions less the names said by `tokens` (read as a subject instead)."""
        gone = {name for name, span in self.spans if span & tokens}
        return Mentions(
            group=None if "group" in gone else self.group,
            municipality=None if "municipality" in gone else self.municipality,
            organization=None if "organization" in gone else self.organization,
            person=None if "person" in gone else self.person,
            used=self.used - tokens,
            groups=() if "group" in gone else self.groups,
            spans=tuple((name, span) for name, span in self.spans if name not in gone),
        )


@dataclass(frozen=True)
class _Entry:
    kind: int
    name: str
    choices: tuple[str, ...] = ()  # a group name several groups answer to


@dataclass(frozen=True)
class _Index:
    exact: dict[str, tuple[_Entry, ...]]
    by_length: dict[int, tuple[str, ...]]  # keys by word count, for fuzzy matching
    longest: int
    # phrases already compared with every name (most of a question's words are
    # the same from one question to the next): phrase -> the entry or None
    near: dict[str, _Entry | None] = field(default_factory=dict)


@dataclass(frozen=True)
class Vocabulary:
    """Names known in the store, beyond the built-in groups, municipalities and
    organisations (which are always known).

    `groups` pairs an alias (or the name itself) with the canonical group name.
    """

    groups: tuple[tuple[str, str], ...] = ()
    people: tuple[str, ...] = ()
    organizations: tuple[str, ...] = ()
    _index: _Index = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_index", _build_index(self))

    @classmethod
    def build(
        cls,
        *,
        groups: Mapping[str, str] | Iterable[str | tuple[str, str]] = (),
        people: Iterable[str] = (),
        organizations: Iterable[str] = (),
    ) -> Vocabulary:
        """A vocabulary from plain collections.

        `groups` maps alias -> group name, or lists group names or (alias, name) pairs.
        Empty names are skipped.
        """
        items = groups.items() if isinstance(groups, Mapping) else groups
        pairs = ((g, g) if isinstance(g, str) else (g[0], g[1]) for g in items)
        return cls(
            tuple((alias, name) for alias, name in pairs if alias.strip() and name.strip()),
            tuple(p for p in people if p.strip()),
            tuple(o for o in organizations if o.strip()),
        )

    def find(self, tokens: tuple[Token, ...]) -> Mentions:
        """The names among `tokens`: exact (folded) matches first, then near ones."""
        parts = [key_of(t.key) for t in tokens]
        found: dict[int, _Entry] = {}
        spans: dict[int, frozenset[int]] = {}
        used: set[int] = set()
        for fuzzy in (False, True):
            longest = min(_FUZZY_WORDS if fuzzy else self._index.longest, len(tokens))
            for size in range(longest, 0, -1):
                for start in range(len(tokens) - size + 1):
                    span = range(start, start + size)
                    if used.intersection(span) or not _may_be_name(parts[start : start + size]):
                        continue
                    phrase = " ".join(parts[start : start + size])
                    # compared with names of as many words: "ann-mari" is two of them
                    words = phrase.count(" ") + 1
                    entry = self._fuzzy(phrase, words) if fuzzy else self._exact(phrase)
                    if (
                        entry is not None
                        and entry.kind == GIVEN
                        and not _said_as_name(tokens, span, phrase)
                    ):
                        continue
                    if entry is not None and entry.kind in (SURNAME, GIVEN):
                        entry, span = self._fuller(parts, span, used, entry.kind) or (entry, span)
                    if entry is not None:
                        kind = min(entry.kind, PERSON)
                        found.setdefault(kind, entry)
                        spans.setdefault(kind, frozenset(span))
                        used.update(span)
        if GROUP not in found:
            for i, part in enumerate(parts):
                compound = None if i in used else self._compound_group(part)
                if compound is not None:
                    found[GROUP], spans[GROUP] = compound, frozenset((i,))
                    used.add(i)
                    break
        group = found.get(GROUP)
        return Mentions(
            group=group.name if group and not group.choices else None,
            municipality=_name(found.get(MUNICIPALITY)),
            organization=_name(found.get(ORGANIZATION)),
            person=_name(found.get(PERSON)),
            used=frozenset(used),
            groups=group.choices if group else (),
            spans=tuple((_FIELDS[kind], span) for kind, span in spans.items()),
        )

    def _compound_group(self, part: str) -> _Entry | None:
        """The group a compound's first part names, when the compound is a meeting or
        a group of it: "folkhälsomötet", "chefsgruppsmöte", "rådsmötena" (both
        councils), "folkhälsogruppen". A group's informal name counts here, as the
        compound says it is the group ("folkhälsoarbete" is no compound of these)."""
        head = next((part[: -len(tail)] for tail in _COMPOUND_TAILS if part.endswith(tail)), "")
        if len(head) < _MIN_COMPOUND_HEAD:
            return None
        # the joint of a compound: "chefsgrupp-s-möte", "folkhäls-o-mötet" (folkhälsa)
        folkhalsa = f"{head[:-1]}a" if head.endswith("o") else head
        stems = dict.fromkeys((head, head.removesuffix("s"), folkhalsa))
        for stem in stems:
            for form in (stem, f"{stem}et", f"{stem}en"):
                entries = [e for e in self._index.exact.get(form, ()) if e.kind == GROUP]
                if entries:
                    return _best(tuple(entries), form)
                informal = _INFORMAL_GROUPS.get(form)
                if informal is not None:
                    return _Entry(GROUP, informal)
        return None

    def group_named(self, name: str) -> str | None:
        """The group `name` names as a person would write it (an alias, lower case,
        missing å/ä/ö, a typo), by its stored name; None when it names no group, or
        several.

        >>> Vocabulary.build(groups=["Chefsgrupp folkhälsa"]).group_named("chefsgrupp folkhalsa")
        'Chefsgrupp folkhälsa'
        """
        named = self.groups_named(name)
        return named[0] if len(named) == 1 else None

    def groups_named(self, name: str) -> tuple[str, ...]:
        """Every group `name` may stand for, as a conversation's group is named: one
        for a group's name, alias or informal name ("folkhälsa"), several for a name
        they share ("SSR"), none for no group.

        >>> Vocabulary().groups_named("folkhälsa")
        ('Chefsgrupp folkhälsa',)
        >>> len(Vocabulary().groups_named("SSR"))
        2
        """
        informal = _INFORMAL_GROUPS.get(key_of(name[:200]))
        if informal is not None:
            return (informal,)
        found = self.find(read_words(name[:200]).tokens)
        return (found.group,) if found.group is not None else found.groups

    def _fuller(
        self, parts: list[str], span: range, used: set[int], kind: int = SURNAME
    ) -> tuple[_Entry, range] | None:
        """A surname read with the words before it (a first name with the words
        after it), when together they are near a person's full name: "pia maria
        johanson" is Pia-Maria Johansson, not the Madelene Johanson whose surname is
        written so; "jan sundelis" is Jan Sundelius, not every Jan."""
        for more in (2, 1):
            wider = (
                range(span.start - more, span.stop)
                if kind == SURNAME
                else range(span.start, span.stop + more)
            )
            if (
                wider.start < 0
                or wider.stop > len(parts)
                or used.intersection(wider)
                or not _may_be_name(parts[wider.start : wider.stop])
            ):
                continue
            phrase = " ".join(parts[wider.start : wider.stop])
            entry = self._fuzzy(phrase, phrase.count(" ") + 1)
            if entry is not None and entry.kind == PERSON:
                return entry, wider
        return None

    def _exact(self, phrase: str) -> _Entry | None:
        exact = self._index.exact
        # a word of the language is not a name's genitive: "hålls" is no "Häll"'s
        genitive = "" if phrase in _LEXICON else _genitive(phrase)
        return _best(exact.get(phrase) or exact.get(genitive, ()), phrase)

    def _fuzzy(self, phrase: str, size: int) -> _Entry | None:
        if len(phrase) < 5 or all(word in _LEXICON for word in phrase.split()):
            return None
        if len(phrase) > _NEAR_LONGEST:
            return self._nearest(phrase, size)
        near = self._index.near
        known = near.get(phrase, _UNSEEN)
        if known is not _UNSEEN:
            return known  # type: ignore[return-value]
        if len(near) >= _NEAR_KEPT:
            near.clear()
        found = near[phrase] = self._nearest(phrase, size)
        return found

    def _nearest(self, phrase: str, size: int) -> _Entry | None:
        cutoff = 88.0 if len(phrase) < 8 else 85.0
        hit = process.extractOne(
            phrase, self._index.by_length.get(size, ()), scorer=fuzz.ratio, score_cutoff=cutoff
        )
        if hit is None:
            return None
        entries = self._index.exact[hit[0]]
        if all(e.kind in (SURNAME, GIVEN) for e in entries) and hit[1] < 90:
            return None  # a lone surname must be close
        return _best(entries, hit[0])  # a shared surname as known: "gustavsson" is Gustafsson


def _name(entry: _Entry | None) -> str | None:
    return entry.name if entry is not None else None


def _best(entries: tuple[_Entry, ...], phrase: str) -> _Entry | None:
    """The entry of the strongest kind; a surname several people share stays as
    asked; a name several groups answer to stands for all of them."""
    if not entries:
        return None
    kind = min(e.kind for e in entries)
    names = {e.name for e in entries if e.kind == kind}
    if len(names) == 1:
        return _Entry(kind, names.pop())
    if kind in (SURNAME, GIVEN):
        return _Entry(kind, phrase.title())
    if kind == GROUP:
        return _Entry(kind, phrase, choices=tuple(sorted(names)))
    return _Entry(kind, sorted(names)[0])


def _may_be_name(parts: list[str]) -> bool:
    """A name neither starts nor ends with a small word ("i kumla" is not a name)."""
    return bool(parts[0]) and parts[0] not in FUNCTION_WORDS and parts[-1] not in FUNCTION_WORDS


_PUNCTUATION = re.compile(r"[^\w\s]|_")


@lru_cache(maxsize=8192)
def key_of(name: str) -> str:
    """How a name is compared: folded, punctuation and hyphens read as spaces."""
    return " ".join(_PUNCTUATION.sub(" ", fold(name)).split())


def _definite_forms(key: str) -> tuple[str, ...]:
    """A group's name as written, and with its head word in definite form, as
    people say it: "chefsgrupp för …" -> "chefsgruppen för …", "råd" -> "rådet"."""
    first, _, rest = key.partition(" ")
    if not rest or first.endswith(("en", "et")):
        return (key,)
    return (key, f"{first}en {rest}", f"{first}et {rest}")


def _genitive(phrase: str) -> str:
    return phrase[:-1] if phrase.endswith("s") and len(phrase) > 4 else ""


def _build_index(vocabulary: Vocabulary) -> _Index:
    entries: dict[str, set[_Entry]] = {}

    def add(key: str, kind: int, name: str) -> None:
        if key:
            entries.setdefault(key, set()).add(_Entry(kind, name))

    for alias, name in (*BUILTIN_GROUPS, *vocabulary.groups):
        for key in {key_of(alias), key_of(name)}:
            for variant in _definite_forms(key):
                add(variant, GROUP, name)
    for alias, name in BUILTIN_ORGANIZATIONS:
        add(key_of(alias), ORGANIZATION, name)
    for name in vocabulary.organizations:
        # "Kumla kommun" in an attendance list is the municipality Kumla.
        if municipality_of(name) is None and key_of(name) not in _MUNICIPALITY_KEYS:
            add(key_of(name), ORGANIZATION, name)
    for key, name in municipality_keys():
        add(key, MUNICIPALITY, name)
    for name in vocabulary.people:
        _add_person(add, name)
    _add_short_forms(entries, vocabulary.groups)
    _add_places(entries, vocabulary.organizations)
    exact = {
        key: tuple(sorted(found, key=lambda e: (e.kind, e.name))) for key, found in entries.items()
    }
    by_length: dict[int, list[str]] = {}
    for key in exact:
        by_length.setdefault(len(key.split()), []).append(key)
    return _Index(
        exact=exact,
        by_length={size: tuple(keys) for size, keys in by_length.items()},
        longest=max(by_length, default=1),
    )


def _add_short_forms(entries: dict[str, set[_Entry]], groups: Iterable[tuple[str, str]]) -> None:
    """Groups the minutes brought, by the shorter names people use for them
    ("socialnämnden i Karlskoga", "arbetsutskottet"): only where the shorter name
    is no other name; one several of these groups share stands for all of them."""
    builtin = {name for _, name in BUILTIN_GROUPS}
    short: dict[str, set[_Entry]] = {}
    for name in {name for _, name in groups} - builtin:
        for form in group_short_forms(key_of(name)):
            for variant in _definite_forms(form):
                if variant not in entries and variant not in _LEXICON:
                    short.setdefault(variant, set()).add(_Entry(GROUP, name))
    entries.update(short)


def _add_places(entries: dict[str, set[_Entry]], organizations: Iterable[str]) -> None:
    """Organisations the minutes brought, by the place they are named for ("Sala"
    for Sala kommun): only where the place is no other name or word."""
    places: dict[str, set[_Entry]] = {}
    for name in organizations:
        for place in organization_places(key_of(name)):
            if place not in entries and place not in _LEXICON:
                places.setdefault(place, set()).add(_Entry(ORGANIZATION, name))
    entries.update(places)


def _add_person(add: _Adder, name: str) -> None:
    """A person by full name in either order, by a surname that is not a word,
    and by their first name ("Ann-Mari" too)."""
    words = key_of(name).split()
    if not words:
        return
    add(" ".join(words), PERSON, name)
    if len(words) > 1:
        add(" ".join((*words[1:], words[0])), PERSON, name)
        for surname in (words[-1], " ".join(words[1:])):
            if len(surname) >= _MIN_SURNAME and surname not in _LEXICON:
                add(surname, SURNAME, name)
        given = key_of(name.split()[0])
        if len(given) >= _MIN_GIVEN and given not in FUNCTION_WORDS and given != " ".join(words):
            add(given, GIVEN, name)


def _said_as_name(tokens: tuple[Token, ...], span: range, phrase: str) -> bool:
    """A first name that is also a word ("Jan", the month) is a name only when
    written as one (capitalised, and not merely the question's first word) or
    asked about as one ("vem är jan?"); a first name followed by a word the
    vocabulary does not know is part of a name not known ("Anna Ek")."""
    after = span.stop < len(tokens) and _unknown_word(key_of(tokens[span.stop].key))
    if after:
        return False  # "vem är Anna Ek?": a name not known, not every Anna
    if phrase not in _LEXICON:
        return True
    before = tuple(t.key for t in tokens[max(0, span.start - 2) : span.start])
    if before in _WHO_IS:
        return True
    number_after = span.stop < len(tokens) and tokens[span.stop].key.isdigit()
    if number_after or before[-1:] in _IN_TIME:
        return False  # "vad hände i Jan 2023?": the month
    first = tokens[span.start].raw
    alone = len(tokens) == len(span)
    return first[:1].isupper() and (span.start > 0 or alone)


_WHO_IS = frozenset((("vem", "ar"), ("who", "is")))
# words before a month's name ("i Jan", "since Jan"), not before a person's
_IN_TIME = frozenset(
    (w,) for w in ("i", "in", "under", "during", "sedan", "since", "fran", "from", "till", "until")
)


def _unknown_word(key: str) -> bool:
    """A word neither Swedish nor English nor a small word: perhaps a surname."""
    return bool(key) and key not in _LEXICON and key not in FUNCTION_WORDS and key.isalpha()


__all__ = ["Mentions", "Vocabulary", "read_words"]
