"""What minutes say before their first agenda item: title and kind, the
group(s), when and where, the document's own date, who wrote it, and the
attendance lists (handed on as lines to the people parser).

The preface is read a paragraph at a time, as a person scans a letterhead:
label blocks ("Tjänsteställe", "Sekreterare", "Datum", "Beteckning" with their
value below), the title ("Protokoll …", "Mötesanteckningar … den 20 mars
2020"), group names, "Label: value" lines (Tid, Plats, När, Justerat den), and
from the first attendance heading on, the lists. What fits none of these is
kept as unplaced so the caller can warn about it.

Example:
    >>> p = read_preface(["Protokoll Chefsgrupp folkhälsa", "", "Tid: 2023-09-08 kl. 13-16",
    ...     "Plats: Teams", "", "Närvarande:", "Anna Ek, Kumla"])
    >>> p.kind, p.groups, p.when.start.hour, p.place, p.attendance[:2]
    ('protokoll', ['Chefsgrupp folkhälsa'], 13, 'Teams', ['Närvarande:', 'Anna Ek, Kumla'])
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from storage.parsing.dates import When, find_whens, parse_when
from storage.parsing.label_rows import label_rows
from storage.parsing.organizations import read_organization
from storage.parsing.people import attendance_heading
from storage.parsing.text import split_paragraphs
from storage.parsing.when_where import (
    Field,
    labelled_fields,
    opens_with_date,
    resolve_clock,
    when_and_place,
)
from storage.registry import fold, group_aliases

_KIND = re.compile(
    r"^(?P<kind>(?:sammanträdes|mötes|justerat\s+)?protokoll|minnesanteckning(?:ar)?"
    r"|mötesanteckningar|anteckningar|minutes|meeting\s+notes)\b[\s:,–-]*",
    re.IGNORECASE,
)
# A title that names the group first and the kind after it:
# "Gemensamma nämnden för hjälpmedel – Minutes", "Styrgrupp X, protokoll 2025-03-12".
_KIND_SUFFIX = re.compile(
    r"^(?P<name>[A-ZÅÄÖ].*?\w\)?)(?P<glue>[\s,:–—-]+)(?P<kind>(?:sammanträdes|mötes|justerat\s+)?protokoll"
    r"|minnesanteckning(?:ar)?|mötesanteckningar|anteckningar|minutes|meeting\s+notes)"
    r"(?P<rest>(?:\s+(?:från|fört|förda|den|of|from|on|held))*[\s,:–—-]*\d.*|[\s.:]*)$",
    re.IGNORECASE,
)
# Label blocks of a letterhead: the label alone on its line, the value below.
_BLOCK_LABELS = frozenset(
    (
        "tjanstestalle", "tjanstestalle, handlaggare", "handlaggare", "sekreterare", "datum",
        "beteckning", "var beteckning", "diarienummer", "dnr", "dokumentdatum", "sida",
        "forvaltning", "enhet", "dokumenttyp",
    )
)  # fmt: skip
_HEADER_CELL_GAP = re.compile(r"\n|\t|[ ]{3,}")  # a page header's cells, set apart by space
_TITLE_GLUE_WORDS = re.compile(r"^(?:\s+(?:från|fört|förda|den|of|from|on|held))*[\s,:–—-]*")
_TITLE_WORDS = 14  # a group's name before a kind word is short: longer is running text
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")
_TITLE_GLUE = re.compile(
    r"^(?:(?:fört\s+)?(?:vid|från|för|med|of(?:\s+the)?|från\s+mötet\s+med|vid\s+sammanträde\s+med"
    r"|sammanträde\s+med|möte\s+med|meeting\s+of(?:\s+the)?)\s+)+",
    re.IGNORECASE,
)


@dataclass
class Preface:
    title: str = ""
    kind: str = ""
    groups: list[str] = field(default_factory=list)
    when: When | None = None
    place: str | None = None
    stated_mode: str | None = None
    document_date: date | None = None
    adjusted_on: date | None = None
    secretary_lines: list[str] = field(default_factory=list)  # "Sekreterare" blocks
    case_officer: str | None = None  # handläggare: who wrote the document
    attendance: list[str] = field(default_factory=list)
    unplaced: list[str] = field(default_factory=list)
    # what is known only part-way: settled by `_settle`
    clock_text: str | None = None  # "kl. 13.00–15.30" waiting for its day
    title_when: When | None = None
    title_place: str | None = None  # what follows the date in the title
    date_line_when: When | None = None
    group_title: str = ""  # a line naming the group, the title when there is no other
    expect_group: bool = False
    # lines that may be an unknown group's name, in document order (page header first)
    named_bodies: list[str] = field(default_factory=list)


def read_preface(lines: Sequence[str], page_header: Sequence[str] = ()) -> Preface:
    """Everything the lines before the first agenda item tell."""
    preface = Preface()
    for block in page_header:
        if not _read_block(block.split("\n"), preface, from_page_header=True):
            _read_header_cells(block, preface)
    in_lists = False
    plain = label_rows([_MARKDOWN_HEADING.sub("", line) for line in lines])
    for paragraph in split_paragraphs("\n".join(plain)):
        rows = paragraph.split("\n")
        if paragraph.startswith("\t") and len(rows) == 1:
            _read_table_header(paragraph, preface)
        elif not in_lists and _read_block(rows, preface, from_page_header=False):
            continue
        else:
            in_lists = _read_lines(rows, preface, in_lists)
    _settle(preface)
    return preface


def _read_block(rows: list[str], preface: Preface, *, from_page_header: bool) -> bool:
    """A letterhead block ("Datum\\n2020-04-01"); False when `rows` is none."""
    label = fold(rows[0].strip(" :"))
    if label not in _BLOCK_LABELS or len(rows) < 2:
        if from_page_header:
            preface.groups.extend(g for g in groups_in(" ".join(rows)) if g not in preface.groups)
            preface.named_bodies.append(" ".join(r.strip() for r in rows))
        return False
    value = " ".join(r.strip() for r in rows[1:])
    if label == "sekreterare":
        preface.secretary_lines.extend(rows)
    elif label in ("datum", "dokumentdatum"):
        when = parse_when(value)
        preface.document_date = when.start.date() if when else preface.document_date
    elif label == "beteckning":
        preface.kind = preface.kind or _kind_of(value)
    elif "handlaggare" in label:
        preface.case_officer = value.rsplit(",", 1)[-1].strip() or None
    return True


def _read_header_cells(block: str, preface: Preface) -> None:
    """The labelled fields of a page header, cell by cell: "PROTOKOLL      Sammanträdesdatum
    2025-11-04" may be the only place the meeting's date is written; the other
    cells may name the group."""
    for cell in _HEADER_CELL_GAP.split(block):
        fields = labelled_fields(cell.strip())
        if fields and all(f.means for f in fields):
            for found in fields:
                _apply_field(found, preface)
        elif kind := _KIND.fullmatch(cell.strip()):
            preface.kind = preface.kind or _kind_of(kind["kind"])
        elif cell.strip():
            preface.named_bodies.append(cell.strip())  # may be the group's name


def _read_table_header(row: str, preface: Preface) -> None:
    """A table's header row ("<TAB>Minnes- anteckningar<TAB>Delpunkter") may name the kind."""
    for cell in row.split("\t"):
        kind = _kind_of(cell.replace("- ", ""))
        if kind and not preface.kind:
            preface.kind = kind


def _read_lines(rows: list[str], preface: Preface, in_lists: bool) -> bool:
    """Read one paragraph line by line; returns whether the lists have begun."""
    if not in_lists and _read_names_paragraph(rows, preface):
        return False
    for row in rows:
        line = row.strip()
        fields = labelled_fields(line)
        if attendance_heading(line) is not None:
            in_lists = True
            preface.attendance.append(row)
        elif fields and all(f.means for f in fields):
            for found in fields:
                _apply_field(found, preface)
        elif in_lists:
            preface.attendance.append(row)
        elif not _read_title_or_info(line, preface):
            preface.unplaced.append(line)
    if in_lists:
        preface.attendance.append("")
    return in_lists


def _read_names_paragraph(rows: list[str], preface: Preface) -> bool:
    """A title paragraph, or one that only names groups ("Specifika samverkansrådet\\nför …")."""
    if any(labelled_fields(r.strip()) or attendance_heading(r) for r in rows):
        return False
    if _KIND.match(rows[0].strip()) and not preface.title:
        return False  # read line by line: the title comes first
    found = groups_in(" ".join(rows))
    if not found or len(rows) == 1:
        return False
    preface.groups.extend(g for g in found if g not in preface.groups)
    preface.group_title = preface.group_title or " ".join(r.strip() for r in rows)
    return True


def _read_title_or_info(line: str, preface: Preface) -> bool:
    kind = _KIND.match(line)
    if kind and not preface.title:
        preface.title = line
        preface.kind = _kind_of(kind["kind"])
        rest = line[kind.end() :]
        _group_from_title(rest, preface)
        return True
    suffixed = _KIND_SUFFIX.match(line)
    if suffixed and not preface.title and _names_a_body(suffixed):
        preface.title = line
        preface.kind = _kind_of(suffixed["kind"])
        when = _TITLE_GLUE_WORDS.sub("", suffixed["rest"])  # "från den 14 maj" -> "14 maj"
        _group_from_title(f"{suffixed['name']} {when}", preface)
        return True
    found = groups_in(line)
    if found:
        preface.groups.extend(g for g in found if g not in preface.groups)
        preface.group_title = preface.group_title or line
        preface.expect_group = False
        return True
    if not preface.title and read_organization(line) is not None:
        return True  # the letterhead's organisation: "Hallsbergs kommun" above the title
    if opens_with_date(line) and preface.date_line_when is None:
        parsed = when_and_place(line)
        preface.date_line_when = parsed.when
        preface.place = preface.place or parsed.place
        return True
    if preface.expect_group and _looks_like_group_name(line):
        preface.groups.append(line.strip(" :"))
        preface.expect_group = False
        return True
    return False


def _names_a_body(suffixed: re.Match[str]) -> bool:
    """Whether the words before a trailing kind name a group: set off by a dash or
    comma, or holding a body word ("nämnden"); "Se bifogat protokoll" does not."""
    name = suffixed["name"]
    if len(name.split()) > _TITLE_WORDS:
        return False
    return bool(suffixed["glue"].strip() or _BODY_WORDS.search(name) or groups_in(name))


def _group_from_title(rest: str, preface: Preface) -> None:
    whens = find_whens(rest)
    if whens:
        preface.title_when = whens[0][2]
        if rest[whens[0][1] :].strip(" ,.:;–-"):
            # "… held on 12 November 2026 at 10:00–12:30, Room Tellus, Örebro"
            preface.title_place = when_and_place(rest[whens[0][0] :]).place
        rest = rest[: whens[0][0]]
    found = groups_in(rest)
    if found:
        preface.groups.extend(g for g in found if g not in preface.groups)
        return
    name = _TITLE_GLUE.sub("", _TITLE_TAIL.sub("", rest.strip(" ,:–-")))
    name = name.strip(" ,:–-")
    if name:
        preface.groups.append(name)
    else:
        preface.expect_group = True  # "Protokoll" alone: the group's name may follow


# What links a title's group to its date: "…, held on", "… den", "… som hölls den".
_TITLE_TAIL = re.compile(
    r"(?:[\s,]+(?:den|on|held|som|hålls|hölls|holden|which\s+was|was))+\s*$", re.IGNORECASE
)
# Words that make a line the name of a body that meets, for groups not in the registry.
_BODY_WORDS = re.compile(
    r"(?:grupp|gruppen|råd|rådet|nämnd|nämnden|styrelse|styrelsen|utskott|utskottet|"
    r"nätverk|nätverket|forum|beredning|kommitté|council|committee|board|group|network)\b",
    re.IGNORECASE,
)


def _unknown_group(preface: Preface) -> None:
    """A short line naming a body ("Chefsgrupp för samverkan kring barn och unga")
    at the top of the document, or in its page header, names its group."""
    for line in [*preface.named_bodies, *preface.unplaced]:
        name = _without_trailing_date(line.strip(" :"))
        if _looks_like_group_name(name, limit=12) and _BODY_WORDS.search(name):
            preface.groups.append(name)
            if line in preface.unplaced:
                preface.unplaced.remove(line)
            return


def _without_trailing_date(line: str) -> str:
    """ "Styrgruppen för X 2025-05-14" -> "Styrgruppen för X": the date is the meeting's."""
    whens = find_whens(line)
    if whens and not line[whens[-1][1] :].strip(" .)"):
        return re.sub(r"(?:\s+(?:den|on|held))*[\s,:–—(-]*$", "", line[: whens[-1][0]])
    return line


def _looks_like_group_name(line: str, limit: int = 8) -> bool:
    words = line.split()
    return 0 < len(words) <= limit and line[0].isupper() and not re.search(r"[\d:.!?]", line)


def _apply_field(found: Field, preface: Preface) -> None:
    means, value = found.means, found.value
    if means in ("when", "when_place"):
        parsed = when_and_place(value)
        if parsed.when and preface.when is None:
            preface.when = parsed.when
        if parsed.clock_only and preface.clock_text is None:
            preface.clock_text = parsed.clock_only
        if means == "when_place" and parsed.place:
            preface.place = preface.place or parsed.place
    elif means == "place":
        preface.place = value or preface.place
    elif means == "mode":
        preface.stated_mode = value
    elif means == "adjusted":
        when = parse_when(value)
        preface.adjusted_on = when.start.date() if when else preface.adjusted_on
    elif means == "secretary":
        preface.secretary_lines.extend(["Sekreterare", value])


def _settle(preface: Preface) -> None:
    """The meeting's time (labelled fields, then a date line, then the title), the
    group when no known one is named, and the title."""
    if not preface.groups:
        _unknown_group(preface)
    when = preface.when or preface.date_line_when or preface.title_when
    if preface.place is None and preface.title_when is not None and when is preface.title_when:
        preface.place = preface.title_place
    if when is None and preface.clock_text and preface.document_date:
        when = resolve_clock(preface.clock_text, preface.document_date)
    elif when is not None and not when.time_known and preface.clock_text:
        when = resolve_clock(preface.clock_text, when.start.date()) or when
    preface.when = when
    if not preface.title:
        preface.title = preface.group_title
    elif _KIND.fullmatch(preface.title.strip()) and preface.groups:
        preface.title = f"{preface.title.strip()} {' och '.join(preface.groups)}"


def _kind_of(text: str) -> str:
    match = _KIND.match(text.strip())
    if not match:
        return ""
    word = fold(match["kind"])
    if "protokoll" in word:
        return "protokoll"
    return "mötesanteckningar" if word.startswith("motesanteckningar") else "minnesanteckningar"


@cache
def _alias_pattern() -> re.Pattern[str]:
    aliases = sorted(group_aliases(), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(a) for a in aliases) + r")(?!\w)")


def groups_in(text: str) -> list[str]:
    """Canonical names of the known groups a text names, in order.

    >>> groups_in("Specifika samverkansrådet för social välfärd samt vård och omsorg "
    ...     "Specifika samverkansrådet för folkhälsa")  # doctest: +NORMALIZE_WHITESPACE
    ['Specifika samverkansrådet för social välfärd samt vård och omsorg',
     'Specifika samverkansrådet för folkhälsa']
    """
    folded = fold(re.sub(r"[^\w\s-]", " ", text))
    aliases = group_aliases()
    found: list[str] = []
    for match in _alias_pattern().finditer(folded):
        # A one-word alias ("chefsgruppen") names a group in a question, but in a
        # title it is only the start of some group's name ("Chefsgrupp för
        # samverkan kring barn och unga"): it counts only as the whole text.
        if " " not in match.group() and match.group() != folded.strip():
            continue
        name = aliases[match.group()]
        if name not in found:
            found.append(name)
    return found
