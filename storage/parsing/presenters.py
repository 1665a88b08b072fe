"""Who presented an agenda item: names in item titles and "X föredrog ärendet".

Titles name their presenters in many ways: after a comma ("Rapport från AU,
Ingmar Ångman"), with job titles ("Johan Molin, utvecklingsledare i psykiatrin
och Åsa Kindahl, verksamhetschef …"), or simply after the title in a table cell
("Psykisk hälsa Maria Belik, Johanna Bernström Höglblom"). A word counts as a
name when the meeting's attendance lists or the first-name lexicon know it;
names that stand right after the title without a comma must also be attendees
or several, so that "Rapport från Maria Ungdom" keeps its clinic.

Example:
    >>> split_title("Rapport från AU, Ingmar Ångman", KnownPeople.from_names(()))
    ('Rapport från AU', ('Ingmar Ångman',))
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from storage.parsing.names import PARTICLES, is_first_name
from storage.registry import MUNICIPALITIES, fold

_NAME_WORD = re.compile(r"^(?:[A-ZÅÄÖÆØÉÜ][\w'’]*(?:-[A-ZÅÄÖÆØÉÜ][\w'’]*)*|[A-ZÅÄÖ]\.)$")
_SEPARATORS = re.compile(r"\s*(?:,|;|&|\s(?:och|samt|and)\s)\s*")
_PARENTHESES = re.compile(r"\s*\([^()]*\)")
# Capitalised words that begin titles and places, never a person here.
_NOT_NAMES = frozenset(fold(w) for w in (*MUNICIPALITIES, "Region", "Regionen", "Sverige"))

PRESENTING_VERBS = (
    "föredrog|föredrar|informerade|informerar|rapporterade|rapporterar|presenterade"
    "|presenterar|redogjorde|redogör|redovisade|redovisar|berättade|berättar|inledde"
    "|presented|reported|introduced"
)
_PRESENTING = re.compile(
    rf"^(?P<names>[^.!?:\n]{{2,120}}?)\s+(?:{PRESENTING_VERBS})\b",
)


@dataclass(frozen=True)
class KnownPeople:
    """Folded full names and first names of a meeting's attendees."""

    full: frozenset[str] = frozenset()
    first: frozenset[str] = frozenset()

    @classmethod
    def from_names(cls, names: Iterable[str]) -> KnownPeople:
        """People from names as the attendance lists give them.

        >>> "ingmar" in KnownPeople.from_names(["Ingmar Ångman"]).first
        True
        """
        cleaned = [" ".join(n.replace("~~", " ").split()) for n in names]
        return cls(
            frozenset(fold(n) for n in cleaned if n),
            frozenset(fold(n.split()[0]) for n in cleaned if n),
        )

    def knows(self, name: str) -> bool:
        return fold(name) in self.full

    def is_first_name(self, word: str) -> bool:
        key = fold(word.strip(".,"))
        return key not in _NOT_NAMES and (key in self.first or is_first_name(word))


def parse_names(text: str, people: KnownPeople, *, loose: bool = False) -> tuple[str, ...] | None:
    """The names in a list such as "Maria Lindborg och Malin Duckert Ek", or None.

    Every word must belong to a name. A name is an attendee, a known first name
    (alone or with surnames), or with `loose` any two to four capitalised words.

    >>> parse_names("Jan Sundelius Fredrik Svensson, Ammi", KnownPeople())
    ('Jan Sundelius', 'Fredrik Svensson', 'Ammi')
    >>> parse_names("Karlskoga och Örebro", KnownPeople()) is None
    True
    """
    text = _PARENTHESES.sub("", text).strip(" .,;")
    if not text:
        return None
    names: list[str] = []
    for chunk in _SEPARATORS.split(text):
        found = _names_in_chunk(chunk.split(), people, loose=loose)
        if found is None:
            return None
        names.extend(found)
    return tuple(names) if names else None


def _names_in_chunk(words: list[str], people: KnownPeople, *, loose: bool) -> list[str] | None:
    if not words or not all(_NAME_WORD.match(w) or w in PARTICLES for w in words):
        return None
    if people.knows(" ".join(words)):
        return [" ".join(words)]
    # "Jan Sundelius Fredrik Svensson": a known first name after a full name starts the next
    starts = [0]
    for i in range(2, len(words) - 1):
        if i - starts[-1] >= 2 and people.is_first_name(words[i]):
            starts.append(i)
    names = []
    for begin, end in zip(starts, [*starts[1:], len(words)], strict=True):
        name = words[begin:end]
        if not _is_name(name, people, loose=loose):
            return None
        names.append(" ".join(name))
    return names


def _is_name(words: list[str], people: KnownPeople, *, loose: bool) -> bool:
    if people.knows(" ".join(words)):
        return True
    if len(words) > 5 or words[0] in PARTICLES:
        return False
    if people.is_first_name(words[0]):
        return len(words) > 1 or len(words[0]) > 1
    return loose and 2 <= len(words) <= 4 and not any(fold(w) in _NOT_NAMES for w in words)


def split_title(title: str, people: KnownPeople) -> tuple[str, tuple[str, ...]]:
    """(title, presenters) from a heading that may end with the presenters' names.

    >>> people = KnownPeople()
    >>> split_title("Länsdelsgruppernas uppdrag, Fredrik Welander och Jan Sundelius", people)
    ('Länsdelsgruppernas uppdrag', ('Fredrik Welander', 'Jan Sundelius'))
    >>> split_title("Psykiatrin, Johan Molin, utvecklingsledare och Åsa Kindahl, chef", people)
    ('Psykiatrin', ('Johan Molin', 'Åsa Kindahl'))
    """
    title = " ".join(title.split()).strip(" ,;:")
    head, after_comma = _comma_presenters(title, people)
    head, juxtaposed = _trailing_presenters(head, people, already=len(after_comma))
    return head, _unique((*juxtaposed, *after_comma))


def _comma_presenters(title: str, people: KnownPeople) -> tuple[str, tuple[str, ...]]:
    pieces = re.split(r"([,;]\s+)", title)  # separators kept at the odd indices
    parts = [p.strip() for p in pieces[::2]]
    for k in range(1, len(parts)):
        names = _presenter_parts(parts[k:], people)
        if names:
            return "".join(pieces[: 2 * k - 1]).strip(" ,;–-"), names
    return title, ()


def _presenter_parts(parts: list[str], people: KnownPeople) -> tuple[str, ...] | None:
    """Names from "Name[ descriptor]" parts; lowercase parts describe the name before."""
    names: list[str] = []
    for index, part in enumerate(parts):
        if part[:1].islower():
            if index == 0:
                return None
            _, _, after = part.partition(" och ")
            names.extend(_leading_names(after, people) or ())
            continue
        leading = _leading_names(part, people)
        if leading is None:
            return None
        names.extend(leading)
    return tuple(names) or None


def _leading_names(part: str, people: KnownPeople) -> tuple[str, ...] | None:
    """The names that open `part`, when the rest of it is a lowercase description."""
    words = part.split()
    for size in range(min(len(words), 8), 0, -1):
        if size < len(words) and not words[size][:1].islower():
            continue
        found = parse_names(" ".join(words[:size]), people)
        if found:
            return found
    return None


def _trailing_presenters(
    title: str, people: KnownPeople, *, already: int
) -> tuple[str, tuple[str, ...]]:
    words = title.split()
    for start in range(1, len(words)):
        if not _NAME_WORD.match(words[start].rstrip(",")):
            continue
        found = parse_names(" ".join(words[start:]), people)
        if found and (already or len(found) > 1 or any(people.knows(n) for n in found)):
            return " ".join(words[:start]).strip(" ,;–-"), found
    return title, ()


def presenters_in(lines: Iterable[str], people: KnownPeople) -> tuple[str, ...]:
    """Names from lines that open with "X (och Y) föredrog ärendet"/"informerade".

    >>> presenters_in(["Karin Haster och Helen Willyams föredrog ärendet"], KnownPeople())
    ('Karin Haster', 'Helen Willyams')
    """
    found: list[str] = []
    for line in lines:
        match = _PRESENTING.match(line.strip().lstrip("*").strip())
        if match:
            names = _without_job_title(match["names"].strip("* "), people)
            found.extend(parse_names(names, people, loose=True) or ())
    return _unique(found)


# Job titles that open a sentence before a name: "Ekonomichef Jonas Tibbling redovisar …".
_JOB_TITLE = re.compile(
    r"(?:chef|direktör|sekreterare|samordnare|strateg|handläggare|ansvarig|ordförande|ledare"
    r"|utredare|planerare|ekonom|jurist|controller|specialist|konsult|manager|officer"
    r"|director|coordinator|secretary|chair)$",
    re.IGNORECASE,
)


def _without_job_title(text: str, people: KnownPeople) -> str:
    """ "Socialchef Maria Lindgren" -> "Maria Lindgren": the title is not the name.

    >>> _without_job_title("Förbundschef Nils Kärrbäck", KnownPeople())
    'Nils Kärrbäck'
    """
    words = text.split()
    if len(words) >= 3 and _JOB_TITLE.search(words[0]) and people.is_first_name(words[1]):
        return " ".join(words[1:])
    return text


def merge_presenters(first: Iterable[str], more: Iterable[str]) -> tuple[str, ...]:
    """`first` then those of `more` not already there, also not as a first name alone.

    >>> merge_presenters(["Åsa Kindahl"], ["Åsa", "Johan Molin"])
    ('Åsa Kindahl', 'Johan Molin')
    """
    merged = list(_unique(first))
    for name in more:
        key = fold(name)
        if any(fold(m) == key or fold(m).split()[0] == key for m in merged):
            continue
        merged.append(name)
    return tuple(merged)


def _unique(names: Iterable[str]) -> tuple[str, ...]:
    seen: set[str] = set()
    out = []
    for name in names:
        if fold(name) not in seen:
            seen.add(fold(name))
            out.append(name)
    return tuple(out)
