"""Agenda items: the numbered points of a set of minutes, with their
sub-headings, presenters and text.

Items are found in every layout minutes use: "1. Inledning" paragraphs,
one-line table rows "2.<TAB>Title text…" (number with or without dot), the
formal "§ 12 Title", markdown "## 3. Title" and "7.2" sub-points. Numbers must
continue the sequence: a "1. 2. 3." list inside item 6 is content. Table rows
that start with a tab continue the item above, and a name in their first cell
is a presenter ("<TAB>Jenny Jansson<TAB>Förslag från …").

Example:
    >>> items = parse_items(["1. Inledning", "", "Ingmar hälsade välkomna.",
    ...     "", "2. Rapport från AU, Ingmar Ångman", "", "Inget att rapportera."])
    >>> [(i.number, i.title, i.presenters) for i in items]
    [('1', 'Inledning', ()), ('2', 'Rapport från AU', ('Ingmar Ångman',))]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from storage.parsing.headings import (
    ITALIC,
    find_subheadings,
    heading_text,
    split_heading,
)
from storage.parsing.presenters import (
    KnownPeople,
    merge_presenters,
    parse_names,
    presenters_in,
    split_title,
)
from storage.parsing.records import AgendaItem
from storage.parsing.text import split_paragraphs

_MARKDOWN = re.compile(r"^(#{1,6})\s+")
_ROW = re.compile(r"^(?P<num>\d{1,3})\.?\t+(?P<rest>.*)$")
_NUMBERED = re.compile(r"^(?P<num>\d{1,3})(?:[.)]\s+(?P<rest>\S.*)|\.\s*$)")
_SUB = re.compile(r"^(?P<num>\d{1,3})\.(?P<minor>\d{1,2})\.?\s+(?P<rest>\S.*)$")
# "Punkt 3 Skolnärvaro", "Ärende 3: …", "Item 3 – …": the item's number named in a word.
_WORD_NUMBERED = re.compile(
    r"^(?:Punkt|PUNKT|Ärende|ÄRENDE|Item|ITEM|Agenda item)\s+(?P<num>\d{1,3})\b\s*[.:)–-]?\s*"
    r"(?P<rest>.*)$"
)
_SECTION = re.compile(r"^§\s*(?P<num>\d{1,4})\s*[.:]?(?:\s+(?P<rest>.*))?$")
_MAX_GAP = 2  # numbers may skip one point ("3.", "5."), never more
# A case number (diarienummer) after a § number: "§ 45 Dnr 2024/123", "Dnr KS 2026/211".
# It files the matter; it is not its title, which then stands on the next line.
_CASE_NUMBER = re.compile(
    r"(?:^|[\s,;–-]+)(?:dnr|diarienr|diarienummer|ärendenr|ärendenummer)\.?\s*:?\s*"
    r"(?:[A-ZÅÄÖ]{1,8}[\s/.-]?){0,2}\d{2,4}(?:[/.:-]\d{1,6}){1,2}(?:[-.:]\d+)?[\s,;.]*",
    re.IGNORECASE,
)


@dataclass
class RawItem:
    """An item as found: its number, heading line and the lines under it."""

    number: str
    heading: str
    lines: list[str] = field(default_factory=list)
    parent: str | None = None
    row: bool = False


@dataclass
class ItemSplit:
    preface: list[str]  # the lines before the first item
    items: list[RawItem]


@dataclass(frozen=True)
class _Start:
    kind: str  # "number", "sub", "section" or "heading"
    value: int
    minor: int
    heading: str
    row: bool
    level: int  # markdown heading level, 0 for plain lines


def parse_items(lines: Sequence[str], people: KnownPeople | None = None) -> list[AgendaItem]:
    """The agenda items in the lines of a cleaned document (no decisions yet)."""
    split = split_items(lines)
    return build_items(split.items, people or KnownPeople())


def split_items(lines: Sequence[str]) -> ItemSplit:
    """The lines before the first item and the raw items, in order."""
    starts = [_start_of(line) for line in lines]
    # Numbering begins at 1, or on a continuation page later ("5. …"): the longer
    # sequence wins, and of two as long the one that starts first.
    found = [s for s in (_sequence(starts, lines, strict=True), _sequence(starts, lines)) if s]
    chosen = max(found, key=lambda s: (len(s), -s[0]), default=[])
    if not chosen:
        chosen = _markdown_sections(starts)
    if not chosen:
        return ItemSplit(list(lines), [])
    items = []
    bounds = [*chosen, len(lines)]
    for index, end in zip(chosen, bounds[1:], strict=False):
        items.append(_raw_item(starts[index], list(lines[index + 1 : end])))
    return ItemSplit(list(lines[: chosen[0]]), items)


def _start_of(line: str) -> _Start | None:
    level = 0
    marked = _MARKDOWN.match(line)
    if marked:
        level = len(marked[1])
        line = line[marked.end() :]
    if match := _ROW.match(line):
        return _Start("number", int(match["num"]), 0, match["rest"], True, level)
    if match := _SUB.match(line):
        minor = int(match["minor"])
        return _Start("sub", int(match["num"]), minor, match["rest"], False, level)
    if match := _NUMBERED.match(line):
        return _Start("number", int(match["num"]), 0, match["rest"] or "", False, level)
    if match := _WORD_NUMBERED.match(line.strip()):
        return _Start("number", int(match["num"]), 0, match["rest"], False, level)
    if match := _SECTION.match(line.strip()):
        return _Start("section", int(match["num"]), 0, match["rest"] or "", False, level)
    if level:
        return _Start("heading", 0, 0, line.strip(), False, level)
    return None


def _sequence(
    starts: Sequence[_Start | None], lines: Sequence[str], *, strict: bool = False
) -> list[int]:
    """Indices of the item lines: one style, numbers in sequence.

    `strict` asks the first item to be number 0 or 1 (or any § number); an
    agenda listed before the items ("1. Inledning 2. …" then "1. Inledning"
    with its text) is dropped when the numbering starts over.
    """
    chosen: list[int] = []
    kind = ""
    first = last = minor = 0
    for i, start in enumerate(starts):
        if start is None or start.kind == "heading":
            continue
        if not chosen:
            if start.kind == "sub" or (strict and start.kind == "number" and start.value > 1):
                continue
            chosen, kind, first, last, minor = [i], start.kind, start.value, start.value, 0
            continue
        if start.kind == "sub" and kind == "number":
            if start.value == last and start.minor == minor + 1:
                chosen.append(i)
                minor = start.minor
            continue
        if start.kind != kind:
            continue
        if last < start.value <= last + _MAX_GAP and (
            start.value == last + 1
            or _stands_alone(i, lines, start)
            # "§ 49 …" opening a paragraph: a § left out (kept secret, or an excerpt)
            or (kind == "section" and (i == 0 or not lines[i - 1].strip()))
        ):
            chosen.append(i)
            last, minor = start.value, 0
        elif start.value == first and _only_agenda(chosen, lines):
            chosen, last, minor = [i], start.value, 0
    return chosen


def _stands_alone(i: int, lines: Sequence[str], start: _Start) -> bool:
    """A heading line of its own (or a table row), as a skipped number needs."""
    if start.row or start.level:
        return True
    before = i == 0 or not lines[i - 1].strip()
    after = i + 1 >= len(lines) or not lines[i + 1].strip()
    return before and after


def _only_agenda(chosen: list[int], lines: Sequence[str]) -> bool:
    """Were the items so far only an agenda list, each at most a line of text?"""
    if len(chosen) < 2:
        return False
    for index, end in pairwise(chosen):
        if sum(1 for line in lines[index + 1 : end] if line.strip()) > 1:
            return False
    return True


def _markdown_sections(starts: Sequence[_Start | None]) -> list[int]:
    """Unnumbered markdown headings as items, below a lone document title."""
    headings = [(i, s.level) for i, s in enumerate(starts) if s is not None and s.level]
    if not headings:
        return []
    levels = [level for _, level in headings]
    top = min(levels)
    if levels.count(top) == 1 and len(set(levels)) > 1:
        top = min(level for level in levels if level > top)
    return [i for i, level in headings if level == top]


def _raw_item(start: _Start | None, lines: list[str]) -> RawItem:
    assert start is not None
    if start.kind == "section":
        number = f"§ {start.value}"
    elif start.kind == "sub":
        return RawItem(f"{start.value}.{start.minor}", start.heading, lines, str(start.value))
    elif start.kind == "heading":
        number = ""
    else:
        number = str(start.value)
    return RawItem(number, start.heading, lines, None, start.row)


# --- from raw items to agenda items ---------------------------------------------------


def build_items(raw_items: Sequence[RawItem], people: KnownPeople) -> list[AgendaItem]:
    """Agenda items with titles, presenters and text; sub-headings follow their item."""
    items: list[AgendaItem] = []
    for raw in raw_items:
        items.extend(build_item(raw, people))
    return items


def build_item(raw: RawItem, people: KnownPeople) -> list[AgendaItem]:
    """The item and its sub-headings (number "", parent = the item's number)."""
    heading, extra = _heading_cells(raw)
    lines = list(raw.lines)
    heading = _without_case_number(heading)
    if not heading.strip():
        heading = _take_first_line(lines)
    parts = split_heading(heading, people)
    title, named = split_title(parts.title, people)
    presenters = merge_presenters(named, parts.presenters)
    body, row_presenters = _body_lines([parts.text, *extra, *lines], people, row=raw.row)
    presenters = merge_presenters(presenters, row_presenters)
    paragraphs = split_paragraphs("\n".join(body))
    subs = find_subheadings(paragraphs, people)
    intro = paragraphs[: subs[0]] if subs else paragraphs
    presenters = merge_presenters(presenters, presenters_in(_lines_of(intro), people))
    items = [AgendaItem(raw.number, title, "\n\n".join(intro), presenters, (), raw.parent)]
    for index, end in zip(subs, [*subs[1:], len(paragraphs)], strict=False):
        section = paragraphs[index + 1 : end]
        items.append(
            AgendaItem(
                "",
                heading_text(paragraphs[index]),
                "\n\n".join(section),
                presenters_in(_lines_of(section), people),
                (),
                raw.number or raw.parent,
            )
        )
    return items


def _heading_cells(raw: RawItem) -> tuple[str, list[str]]:
    if not raw.row:
        return raw.heading, []
    cells = [cell.strip() for cell in raw.heading.split("\t") if cell.strip()]
    return (cells[0], cells[1:]) if cells else ("", [])


def _without_case_number(heading: str) -> str:
    """The heading without its case number, which only files the matter.

    >>> _without_case_number("Dnr KS 2026/211")
    ''
    >>> _without_case_number("Taxa för tillsyn, Dnr 2026/131")
    'Taxa för tillsyn'
    """
    match = _CASE_NUMBER.search(heading)
    if match is None:
        return heading
    rest = f"{heading[: match.start()]} {heading[match.end() :]}"
    return " ".join(rest.split()).strip(" ,;–-")


def _take_first_line(lines: list[str]) -> str:
    """The title of "§ 12" or "3." written alone on its line is the next line."""
    for i, line in enumerate(lines):
        if line.strip():
            del lines[i]
            return line
    return ""


def _body_lines(
    lines: Sequence[str], people: KnownPeople, *, row: bool
) -> tuple[list[str], tuple[str, ...]]:
    """Lines without italic marks; continuation rows give their presenter cell."""
    body: list[str] = []
    presenters: list[str] = []
    for line in lines:
        if row and line.startswith("\t"):
            cells = line.split("\t")[1:]
            texts = [cell.strip() for cell in cells if cell.strip()]
            if len(texts) > 1 and cells[0].strip():
                names = parse_names(ITALIC.sub(r"\1", cells[0]), people, loose=True)
                if names:
                    presenters.extend(names)
                    texts = texts[1:]
            line = " ".join(texts)
        body.append(ITALIC.sub(r"\1", line))
    return body, tuple(presenters)


def _lines_of(paragraphs: Sequence[str]) -> list[str]:
    return [line for paragraph in paragraphs for line in paragraph.split("\n")]
