"""Where schedules are in minutes: the headings that open them ("Mötestider 2023",
"Kommande möten", "Upcoming meetings"), the sections they open, and the year a
section's dates belong to.

Example:
    >>> years_of("Mötestider 2023", date(2022, 10, 13)).reference
    datetime.date(2023, 1, 1)
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from storage.parsing.dates import UPCOMING, contains_date
from storage.parsing.schedule_words import read_line

# A heading names meetings to come: meetings in the plural ("Möten", "Sammanträden",
# "Meetings", perhaps of a season: "Möten hösten", but not the meetings with
# someone: "Möten med kommunerna"), a list of them ("Mötestider", "Sammanträdesplan",
# "Meeting dates", "Tider för möten") or a meeting said to come ("Kommande möten",
# "Nästa sammanträde", "Next meeting").
_MEETINGS = r"(?:möten|mötena|sammanträden|sammanträdena|meetings)"
_MEETING = r"(?:möte[tn]?|mötena|sammanträde[tn]?|sammanträdena|meetings?)"
_LISTING = (
    r"(?:tider|datum|dagar|plan\w*|schema|kalender|tillfällen"
    r"|dates|times|days|schedule|calendar|planning)"
)
_COMING = (
    r"(?:kommande|planerade|framtida|nästa|höstens|vårens|årets|återstående|upcoming|future"
    r"|planned|coming|forthcoming|next|scheduled|remaining)"
)
# "Möten hösten 2020": a season after the meetings is part of the heading.
_SEASON = (
    r"(?:(?:under|i|in|during)\s+)?(?:hösten|våren|vt|ht|autumn|spring|fall)|för|for|under|in|år"
)
_HEADING_WORDS = rf"""(?:
    (?:mötes|sammanträdes){_LISTING}
  | meeting\s+{_LISTING}
  | {_LISTING}\s+(?:för|of|for)\s+(?:{_COMING}\s+)?{_MEETINGS}
  | {_COMING}\s+{_MEETING}
  | {_MEETINGS}(?:\s+(?:{_SEASON}))?(?!\s+(?:med|with|hos|tillsammans|together)\b)
)"""
# The words open or close a heading; inside a line they are part of a sentence
# ("Chefsgruppen beslutade att höstens möten hålls:").
_HEADING_START = re.compile(rf"^{_HEADING_WORDS}\b", re.IGNORECASE | re.VERBOSE)
_HEADING_END = re.compile(rf"\b{_HEADING_WORDS}$", re.IGNORECASE | re.VERBOSE)
_EDGE_YEARS = re.compile(r"^(?:19|20)\d\d\s+|\s*(?:(?:19|20)\d\d(?:\s*[/-]\s*(?:19|20)?\d\d)?)?$")
_NUMBERING = re.compile(r"^\s*(?:#+\s*)?(?:§\s*)?(?:\d+(?:\.\d+)*[.)]?\s+)?")
_HEADING_YEARS = re.compile(r"(?<!\d)((?:19|20)\d\d)(?:\s*[/-]\s*((?:19|20)?\d\d))?(?!\d)")


@dataclass(frozen=True)
class Years:
    """How a section's dates get their year: from its heading or the document date."""

    reference: date
    rollover: timedelta | None


def is_schedule_heading(line: str) -> bool:
    """True for headings such as "Mötestider 2023", "Kommande möten",
    "2026 mötesplanering", "Möten hösten 2020", "Sammanträdesplan 2025".

    A heading is short, names no day, and is not "Föregående möte".

    >>> is_schedule_heading("12. Mötestider 2023"), is_schedule_heading("Föregående möte")
    (True, False)
    """
    text = _NUMBERING.sub("", read_line(line).text).strip().rstrip(":").strip()
    if not text or "\t" in line or len(text.split()) > 8 or text.endswith("."):
        return False
    core = _EDGE_YEARS.sub("", text).strip(" :,")
    named = _HEADING_START.search(core) or _HEADING_END.search(core)
    return named is not None and not contains_date(text)


def labelled_schedule(line: str) -> tuple[str, str] | None:
    """(heading, dates) of a line that labels its own dates, else None.

    >>> labelled_schedule("Nästa möte: 9 april kl. 13–15")
    ('Nästa möte', '9 april kl. 13–15')
    """
    label, colon, rest = line.partition(":")
    rest = rest.strip()
    if not colon or not rest or not contains_date(rest) or not is_schedule_heading(label):
        return None
    return label.strip(), rest


def sections(lines: Sequence[str], heading: str) -> Iterator[tuple[str, list[str]]]:
    """(heading, lines) of each section: a schedule heading among `lines` starts a
    new one; the lines before the first belong to `heading`."""
    section: list[str] = []
    for line in lines:
        cell, rest = _heading_cell(line)
        if cell is not None:
            yield heading, section
            heading, section = cell, [rest]
        elif is_schedule_heading(line):
            yield heading, section
            heading, section = line, []
        else:
            section.append(line)
    yield heading, section


def _heading_cell(line: str) -> tuple[str | None, str]:
    """An agenda table row "11<TAB>Kommande möten<TAB>Nytt datum 28/8": the
    heading cell and the cells after it."""
    cells = [cell.strip() for cell in line.split("\t")]
    for index, cell in enumerate(cells[:3]):
        if is_schedule_heading(cell) and len(cells) > index + 1:
            return cell, " ".join(cells[index + 1 :])
        if not re.fullmatch(r"[\d.§ ]*", cell):
            break
    return None, line


def years_of(heading: str, reference: date) -> Years:
    """ "Mötestider 2023" fixes the year; "2023/24" is a season from July to June;
    without a year the dates are the coming ones, seen from `reference`."""
    match = _HEADING_YEARS.search(heading)
    if match is None:
        return Years(reference, UPCOMING)
    if match.group(2):
        return Years(date(int(match.group(1)), 7, 1), timedelta(0))
    return Years(date(int(match.group(1)), 1, 1), None)
