"""Headings inside agenda items: where a title ends and the text begins, and
which short lines inside an item are sub-headings.

One-line table rows carry title and text together: "Fastställande av
dagordning Dagordningen fastställs." is the title "Fastställande av dagordning"
and the sentence after it; an italic span after the title names the presenters
("Aktuellt inom områdena *Ingmar Ångman*").

A sub-heading is a short line of its own that names a topic (no final full
stop, no colon, no comma, not a sentence) and either is followed by "X
föredrog ärendet" or opens a real paragraph. Runs of short lines are lists
("Värdefullt att lära känna varandra", "Bra transparens"), not headings.

Example:
    >>> split_heading("Övriga frågor Inga övriga frågor.", KnownPeople())
    HeadingParts(title='Övriga frågor', presenters=(), text='Inga övriga frågor.')
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from storage.parsing.presenters import KnownPeople, parse_names, presenters_in
from storage.registry import fold

ITALIC = re.compile(r"\*(?=\S)([^*\n]+?)\*")
_TOKEN = re.compile(r"\S+")
_SENTENCE_END = re.compile(r"[.!?]['\"”’)]*$")
# A title does not end on a preposition: "Rapport från Region …" goes on.
_PREPOSITIONS = frozenset(
    (
        "från", "för", "om", "i", "av", "med", "till", "inom", "kring", "och", "samt", "på",
        "vid", "mellan", "hos", "under", "efter", "inför", "mot", "ur", "the", "of", "for",
        "and", "from", "in", "on", "with", "by", "to",
    )
)  # fmt: skip


@dataclass(frozen=True)
class HeadingParts:
    title: str
    presenters: tuple[str, ...] = ()
    text: str = ""


def split_heading(cell: str, people: KnownPeople) -> HeadingParts:
    """Title, italic presenters and run-on text of an item's heading line."""
    cell = " ".join(cell.split())
    span = ITALIC.search(cell)
    if span:
        return _split_at_italic(cell, span, people)
    title, text = _split_sentence(cell)
    return HeadingParts(title, (), text)


def _split_at_italic(cell: str, span: re.Match[str], people: KnownPeople) -> HeadingParts:
    title = cell[: span.start()].strip(" ,;–-")
    inner = span[1].strip()
    after = ITALIC.sub(r"\1", cell[span.end() :]).strip()
    first, dot, rest = inner.partition(". ")
    names = parse_names(first, people, loose=True)
    if names:
        note = rest.strip() if dot else ""
    else:
        names, note = (), inner
    if not title:
        title, after = _split_sentence(after)
    text = "\n".join(part for part in (note, after) if part)
    return HeadingParts(title, names, text)


def _split_sentence(cell: str) -> tuple[str, str]:
    """(title, text) where a sentence runs on after the title, else (cell, "")."""
    if not _SENTENCE_END.search(cell):
        return cell, ""
    tokens = list(_TOKEN.finditer(cell))
    for i in range(1, len(tokens)):
        word = tokens[i][0]
        if not word[0].isupper() or (len(word) > 1 and word.rstrip(".,:").isupper()):
            continue
        before = tokens[i - 1][0]
        if i > 1 and not (before[0].islower() or before[0].isdigit() or before.endswith(",")):
            continue
        if before.rstrip(",").casefold() in _PREPOSITIONS:
            continue
        return cell[: tokens[i].start()].strip(" ,;–-"), cell[tokens[i].start() :]
    return cell, ""


# --- sub-headings ---------------------------------------------------------------------

_LIST_MARK = re.compile(r"^(?:[-–•*]\s|\d+[.)]\s|[a-zåäö]\)\s)")
_MARKDOWN = re.compile(r"^#{1,6}\s+")
# Finite verbs make a line a sentence ("Agendan godkändes", "Chefsgruppen beslutade …").
_VERBS = frozenset(
    (
        "är", "var", "har", "hade", "ska", "skall", "kan", "kunde", "blir", "blev", "finns",
        "fanns", "får", "fick", "gör", "gjorde", "går", "gick", "tas", "togs", "ges", "gavs",
        "bör", "måste", "kommer", "beslutar", "beslutade", "föredrog", "informerade",
        "informerar", "rapporterade", "presenterade", "behövs", "krävs", "saknas", "ser",
        "sker", "skedde", "utser", "utsågs", "läggs", "lades", "is", "are", "was", "were",
    )
)  # fmt: skip
# A body's own section of a §-item: "Kommunstyrelsens beslut", "Arbetsutskottets förslag".
_BODY_SECTION = re.compile(
    r"^[\wåäöÅÄÖ-]+s\s+(?:beslut|förslag(?:\s+till\s+beslut)?|yttrande)\s*:?$", re.IGNORECASE
)
_PAST = re.compile(r"\w\w(?:ade|ades|ats|dde|ddes|ände|ändes|kte|ktes)$")
_MAX_WORDS = 10
# The fixed parts of a §-protocol's item structure it, they are not topics.
_SECTION_LABELS = frozenset(
    fold(label)
    for label in (
        "Beslut", "Förslag till beslut", "Beslutsunderlag", "Ärendebeskrivning", "Ärendet",
        "Bakgrund", "Sammanfattning", "Yrkanden", "Yrkande", "Propositionsordning",
        "Reservation", "Reservationer", "Protokollsanteckning", "Expediering",
        "Skickas till", "Beslutet skickas till", "Jäv", "Omröstning", "Överläggning",
        "Diskussion", "Information", "Decision", "Background", "Discussion",
    )
)  # fmt: skip


def heading_text(paragraph: str) -> str:
    """A sub-heading's words without markdown marks."""
    return _MARKDOWN.sub("", paragraph.strip()).strip("# ")


def find_subheadings(paragraphs: Sequence[str], people: KnownPeople) -> list[int]:
    """Indices of the paragraphs that are sub-headings.

    >>> find_subheadings(["Pågående ansökningar",
    ...     "Örebro kommun ansöker hos Vinnova för ett projekt om rehabilitering."], KnownPeople())
    [0]
    """
    found = []
    for i, paragraph in enumerate(paragraphs):
        if _MARKDOWN.match(paragraph):
            found.append(i)
            continue
        if i + 1 >= len(paragraphs) or not _candidate(paragraph, people):
            continue
        following = paragraphs[i + 1]
        presented = bool(presenters_in(following.split("\n")[:1], people))
        if presented or (
            _plain_topic(paragraph)
            and _is_real_paragraph(following)
            and (i == 0 or not _is_bare_line(paragraphs[i - 1]))
        ):
            found.append(i)
    return found


def _candidate(paragraph: str, people: KnownPeople) -> bool:
    line = paragraph.strip()
    if "\n" in line or not 3 <= len(line) <= 90 or len(line.split()) > _MAX_WORDS:
        return False
    if not line[0].isupper() or _LIST_MARK.match(line):
        return False
    if any(mark in line for mark in (":", "*", "~~", "\t", ",", ";")):
        return False
    if line[-1] in ".!" or fold(line) in _SECTION_LABELS or _BODY_SECTION.match(line):
        return False
    return parse_names(line, people) is None


def _plain_topic(line: str) -> bool:
    """A heading names a topic: no question, no finite verb."""
    line = line.strip()
    if line.endswith("?"):
        return False
    words = [w.casefold() for w in re.findall(r"\w+", line)]
    return not any(w in _VERBS or _PAST.search(w) for w in words)


def _is_real_paragraph(paragraph: str) -> bool:
    words = len(paragraph.split())
    ends = bool(_SENTENCE_END.search(paragraph.strip()))
    return (words >= 8 and ends) or words >= 15


def _is_bare_line(paragraph: str) -> bool:
    line = paragraph.strip()
    return (
        "\n" not in line
        and len(line.split()) <= _MAX_WORDS
        and not _SENTENCE_END.search(line)
        and not line.endswith(":")
    )
