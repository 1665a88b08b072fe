"""The text of an agenda item cut the way `decisions` reads it: paragraphs, lines
with the lists under them, sentences (owner: decisions helper).

Accepts both raw extracted text (`<p>`, `<i>`, tabs between table cells) and text
already cleaned by `storage.parsing.text` (`*italic*`, `- ` bullets).

Example:
    >>> [[(u.text, u.entries) for u in p] for p in paragraphs("Vi beslutar\\n1. att a\\n2. att b")]
    [[('Vi beslutar', ['att a', 'att b'])]]
    >>> sentences("Mötet, bl.a. Anna, beslutade. Nästa möte 5 juni. 1. Ett 2. Två")
    ['Mötet, bl.a. Anna, beslutade.', 'Nästa möte 5 juni.', '1. Ett 2. Två']
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

LIST_MARK = re.compile(r"^(?:[-•*–]|\d{1,2}[.)]|[a-zåäö][.)])\s+")

_BLOCK_TAG = re.compile(r"</?(?:p|br|li|ul|ol|div|tr|td|th|table|h\d)\b[^>]*>", re.IGNORECASE)
# An italic run starting with a capital is a phrase of its own (a presenter, a
# "Se tidigare minnesanteckningar Länk" note), not part of the sentence around it.
_ITALIC = re.compile(
    r"<(?:i|em)>\s*(?=[A-ZÅÄÖ])(.*?)</(?:i|em)>|(?<![\w*])\*(?=[A-ZÅÄÖ])([^*\n]+?)\*(?![\w*])"
)
_ANY_TAG = re.compile(r"<[^<>]+>")
_STRUCK = re.compile(r"~~.+?~~", re.DOTALL)
# Headings of a §-protocol: under "Beslut" the decision, under "Förslag till beslut" or
# "Yrkanden" what someone wanted, elsewhere ordinary text.
HEADING = re.compile(
    r"^(?i:(?P<decision>beslut|beslutat|beslutades|\w+s\s+beslut|decisions?|resolution)|"
    r"(?P<proposal>förslag\s+till\s+beslut|beslutsförslag|\w+s\s+förslag(?:\s+till\s+beslut)?|"
    r"förslag|yrkanden?|propositionsordning|omröstning|proposals?)|"
    r"(?P<other>ärendebeskrivning|ärendet|sammanfattning|bakgrund|beslutsunderlag|underlag|"
    r"reservation(?:er)?|protokollsanteckning(?:ar)?|särskilt\s+yttrande|expedieras\s+till|"
    r"skickas\s+till|diskussion|synpunkter(?:/diskussion)?|background|discussion))"
    r"(?:\s*:\s*|\s*$|\s+(?=[A-ZÅÄÖ§]))"
)
# A case's reference on a line of its own ("Dnr KS 2026/112"): not the start of a sentence
_REFERENCE = re.compile(r"^(?:dnr|diarienr|diarienummer|ärendenr|ärendenummer)\b", re.IGNORECASE)
_STARTS_ANEW = re.compile(
    r"^(?:§\s*\d+|(?:Beslut|Beslutat|Beslutades|BESLUT|Decisions?|Decided|Resolved)\s*:|"
    r"Beslut\s+[A-ZÅÄÖ])"
)


@dataclass
class Unit:
    """A line of text (wrapped lines joined) and the list entries under it."""

    text: str
    entries: list[str] = field(default_factory=list)
    heading: bool = False  # a heading on a line of its own ("Beslut", "Yrkanden")
    listed: bool = False  # it was itself a list entry
    loose: bool = False  # its entries are short lines without list marks


def clean_lines(text: str) -> list[str]:
    """Lines without markup, whitespace squeezed; table cells become paragraphs."""
    text = _ITALIC.sub(lambda m: f"\n\n{m[1] or m[2]}\n\n", text)
    text = _BLOCK_TAG.sub("\n\n", text)
    text = html.unescape(_ANY_TAG.sub("", text)).replace("**", "").replace("\t", "\n\n")
    return [" ".join(line.split()) for line in text.split("\n")]


def paragraphs(text: str) -> list[list[Unit]]:
    """Blank-line separated paragraphs of units; a list after a ':' line joins it."""
    found: list[list[Unit]] = []
    current: list[Unit] = []
    for line in [*clean_lines(text), ""]:
        if not line:
            if current:
                found.append(current)
            current = []
        else:
            _add_line(current, line)
    return _attach_lists(found)


def _add_line(units: list[Unit], line: str) -> None:
    last = units[-1] if units else None
    heading = HEADING.match(line)
    if heading and heading.end() == len(line):
        units.append(Unit(line, heading=True))
    elif LIST_MARK.match(line) and last is not None:
        if last.heading:  # "Beslut:" on its own line, then "1. …"
            units.append(last := Unit(""))
        last.entries.append(LIST_MARK.sub("", line))
    elif last is None or last.heading or _STARTS_ANEW.match(line) or _REFERENCE.match(last.text):
        units.append(Unit(LIST_MARK.sub("", line), listed=bool(LIST_MARK.match(line))))
    elif last.entries:
        last.entries[-1] = _join(last.entries[-1], line)
    else:
        last.text = _join(last.text, line)


def _join(before: str, line: str) -> str:
    # "pati-\nents" keeps its hyphen: the brief is to keep text as given
    if re.search(r"\w-$", before) and line[:1].islower():
        return before + line
    return f"{before} {line}"


def _attach_lists(found: list[list[Unit]]) -> list[list[Unit]]:
    """A list after "… hålls:" is its list, even with blank lines between the entries."""
    out: list[list[Unit]] = []
    for paragraph in found:
        lead = out[-1][-1] if out else None
        entry = paragraph[0]
        if lead is not None and len(paragraph) == 1 and _continues(lead, entry):
            lead.entries.append(entry.text)
            lead.loose = lead.loose or not entry.listed
        else:
            out.append(paragraph)
    return out


def _continues(lead: Unit, entry: Unit) -> bool:
    if lead.heading or entry.heading or entry.entries or _STARTS_ANEW.match(entry.text):
        return False
    if entry.listed:
        return lead.text.endswith(":") or bool(lead.entries)
    # a short line without a full stop ("26 augusti kl 13.15 – 16.15") after a colon
    short = len(entry.text) <= 120 and not re.search(r"[.!?:]$", entry.text)
    return short and lead.text.endswith(":") and (lead.loose or not lead.entries)


# a full stop after these does not end a sentence
_ABBREVIATIONS = frozenset(
    re.split(
        r"\s+",
        "t.ex bl.a m.m ang ev kl nr resp dvs inkl ca s.k jfr fr.o.m t.o.m p.g.a osv m.fl mfl "
        "etc st tel e.g i.e vs prop budgetprop impl utv ordf sekr reg milj kr tex bla mm",
    )
)
_BOUNDARY = re.compile(r"[.!?][\"”’)]*\s+(?=[\"”“(]?[A-ZÅÄÖÉ0-9§])")


def sentences(text: str) -> list[str]:
    """Sentences of one line; abbreviations, initials and list numbers do not end one."""
    found: list[str] = []
    start = 0
    for boundary in _BOUNDARY.finditer(text):
        words = text[start : boundary.start() + 1].split()
        last = words[-1] if words else ""
        token = last.rstrip(".!?").casefold()
        if (
            token in _ABBREVIATIONS
            or re.fullmatch(r"[A-ZÅÄÖ]\.", last)
            or re.fullmatch(r"\d{1,2}\.", last)
            or re.match(r"(?!1[.)])\d{1,2}[.)]\s", text[boundary.end() :])
        ):
            continue
        found.append(text[start : boundary.end()].strip())
        start = boundary.end()
    found.append(text[start:].strip())
    return [s for s in found if s]


def inline_points(text: str) -> tuple[str, list[str]] | None:
    """(lead, points) of a numbered list written on one line: "Beslut: 1. A 2. B"."""
    marks = list(re.finditer(r"(?:^|(?<=\s))(\d{1,2})[.)]\s+", text))
    chosen: list[re.Match[str]] = []
    for mark in marks:
        if int(mark[1]) == len(chosen) + 1:
            chosen.append(mark)
    if len(chosen) < 2:
        return None
    ends = [m.start() for m in chosen[1:]] + [len(text)]
    return text[: chosen[0].start()].strip(), [
        text[m.end() : end].strip() for m, end in zip(chosen, ends, strict=True)
    ]


def tidy(text: str) -> str:
    """Text as quoted: whitespace squeezed, no list mark, no stray italic stars, and
    no ~~struck~~ words, which the writer took back.

    >>> tidy("- Mötet hålls ~~3 september~~ 10 september.")
    'Mötet hålls 10 september.'
    """
    text = " ".join(_STRUCK.sub(" ", text).split())
    return LIST_MARK.sub("", text).strip(" *")


def words_before(text: str, position: int) -> list[str]:
    """The words of `text` before `position`."""
    return re.findall(r"[\w-]+", text[:position])
