"""One line of an attendance list read into who, for whom and in what role.

A line holds a name and, in any order after it, separated by commas, tabs or
spaced dashes: an organisation, a job title, a party, a role word and notes.
The block's heading (Ledamöter, Ersättare ...) is applied by `people`.

Example:
    >>> row = read_row("Anna Andersson (S), ordförande, Kumla kommun")[0]
    >>> row.name, row.role, row.party, row.organization
    ('Anna Andersson', <Role.CHAIR: 'ordförande'>, '(S)', 'Kumla kommun')
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from storage.parsing.names import (
    PARTICLES,
    drop_emails,
    is_first_name,
    join_broken_words,
    name_words,
    normalize_name,
)
from storage.parsing.organizations import read_organization, region_unit, split_organization
from storage.parsing.parties import party_of
from storage.parsing.records import Role
from storage.registry import REGION, fold

# Role words as a row writes them after the name ("– ordf.", ", justerare").
ROLE_WORDS: dict[str, Role] = {
    "ordforande": Role.CHAIR,
    "ordf": Role.CHAIR,
    "motesordforande": Role.CHAIR,
    "vice ordforande": Role.VICE_CHAIR,
    "vice ordf": Role.VICE_CHAIR,
    "v ordf": Role.VICE_CHAIR,
    "1:e vice ordforande": Role.VICE_CHAIR,
    "2:e vice ordforande": Role.VICE_CHAIR,
    "sekreterare": Role.SECRETARY,
    "sekr": Role.SECRETARY,
    "motessekreterare": Role.SECRETARY,
    "protokollforare": Role.SECRETARY,
    "justerare": Role.ADJUSTER,
    "justerande": Role.ADJUSTER,
    "ledamot": Role.MEMBER,
    "ersattare": Role.SUBSTITUTE,
    "ers": Role.SUBSTITUTE,
    "tjanstgorande ersattare": Role.SERVING_SUBSTITUTE,
    "tjg ersattare": Role.SERVING_SUBSTITUTE,
    "tjg ers": Role.SERVING_SUBSTITUTE,
    "tjansteperson": Role.OFFICIAL,
    "tjansteman": Role.OFFICIAL,
    "gast": Role.GUEST,
    "adjungerad": Role.GUEST,
    # English minutes: "Margaret Olofsson, Region Örebro län (Chair)"
    "chair": Role.CHAIR,
    "chairperson": Role.CHAIR,
    "chairman": Role.CHAIR,
    "chairwoman": Role.CHAIR,
    "vice chair": Role.VICE_CHAIR,
    "vice-chair": Role.VICE_CHAIR,
    "deputy chair": Role.VICE_CHAIR,
    "secretary": Role.SECRETARY,
    "minute taker": Role.SECRETARY,
}
_PRESENT_MARKS = frozenset(
    {"x", "ja", "narvarande", "narv", "✓", "✔", "1", "present", "yes", "attended"}
)
_ABSENT_MARKS = frozenset(
    {"nej", "franvarande", "forhinder", "anmalt forhinder", "-", "–", "0", "absent", "no"}
    | {"apologies", "excused", "anmalt franvaro", "ej narvarande"}
)
_VACANT = frozenset({"vakant", "vakans", "ej tillsatt", "ej utsedd", "nn", "n n"})
# Notes about how or when someone took part, not who they are.
_NOTE = re.compile(
    r"^(dag \d+|via \w+|digital[t]?|pa distans|distans|punkt\b.*|§.*|del av motet|"
    r"(fran|till|fr o m|t o m) (kl|punkt|§).*|kl \d.*|valfri deltagare|ej beslutande|"
    r"utan rostratt)$"
)
# Whom a substitute stands in for: "för Erik Ek (S)", "i stället för Erik Ek".
_STANDS_IN = re.compile(
    r"^(?:(?:i stället|istället|tjänstgör|tjänstgörande|tjg\.?|(?:tjänstgörande|tjg\.?) ersättare) )?"
    r"(?:för|ersätter) [A-ZÅÄÖ]"
    r"|^(?:(?:serving|substituting|deputising|deputizing|standing in) for"
    r"|(?:in place of|replacing|on behalf of)) [A-ZÅÄÖ]"
)
_TRAILING_NOTE = re.compile(r"\s+(valfri deltagare|via \w+|dag \d+)$", re.IGNORECASE)
_FIELD_SEPARATORS = re.compile(r"\s*[,;]\s*|\s+[–—-]\s+")
_PARENTHESES = re.compile(r"\(([^()]*)\)")
_NAME_AND_MARKS = re.compile(
    r"^(?P<name>[^()]*[^()\s])\s*(?P<marks>(?:\([^()]*\)\s*)*)(?P<rest>.*)$"
)
_HTML = re.compile(r"</?[a-zA-Z][^>]*>")
_BULLET = re.compile(r"^\s*(?:[-–•*·▪]|\d{1,2}[.)])\s+")


@dataclass
class Row:
    """One person read from a line; `role` and `present` are None when the
    line itself does not say (the heading decides)."""

    name: str
    role: Role | None = None
    present: bool | None = None
    organization: str | None = None
    municipality: str | None = None
    party: str | None = None
    titles: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def title(self) -> str | None:
        return ", ".join(self.titles) or None

    @property
    def note(self) -> str | None:
        return ", ".join(self.notes) or None


def clean_line(line: str) -> str:
    """The line without HTML tags, list bullets and e-mail addresses; tabs
    between table cells are kept.

    >>> clean_line("- Daniel Ahnberg (daniel.ahnberg@hellefors.se)" + chr(9) + "Hällefors")
    'Daniel Ahnberg\\tHällefors'
    """
    line = _BULLET.sub("", _HTML.sub(" ", line))
    return "\t".join(drop_emails(join_broken_words(cell)) for cell in line.split("\t"))


def role_word(text: str) -> Role | None:
    """The role a word names: "ordf." -> CHAIR, "Tjänstgörande ersättare" -> ..."""
    key = fold(text.replace(".", " ").strip(" –-:"))
    return ROLE_WORDS.get(key)


def presence_mark(text: str) -> bool | None:
    """True for "X"/"Ja", False for "Nej"/"Frånvarande", None for other text."""
    key = fold(text)
    if key in _PRESENT_MARKS:
        return True
    return False if key in _ABSENT_MARKS else None


def stands_in(text: str) -> bool:
    """True for a note naming whose seat someone takes: "Tjänstgörande för Anna Ek"."""
    text = text.strip()
    # the name after "för" must be capitalised, the note's first word need not be
    return bool(_STANDS_IN.match(text[:1].lower() + text[1:]))


def seat_holder(note: str) -> Row | None:
    """The member whose seat a substitute took, from the note saying so.

    >>> row = seat_holder("tjänstgörande ersättare för Rune Falk (S)")
    >>> row.name, row.party
    ('Rune Falk', '(S)')
    """
    match = _STANDS_IN.match(note[:1].lower() + note[1:])
    if match is None:
        return None
    rows = read_row(note[match.end() - 1 :])
    return rows[0] if len(rows) == 1 else None


def _take_parentheses(text: str, row: Row) -> str:
    """Read "(S)", "(ordförande)", "(dag 2)", "(Region Örebro län, chair)" into the
    row; the rest of the text."""
    for inner in _parts_in_parentheses(text):
        if party_of(inner) and row.party is None:
            row.party = party_of(inner)
        elif role_word(inner):
            row.role = role_word(inner)
        elif row.organization is None and (found := read_organization(inner)) is not None:
            row.organization, row.municipality = found  # "Anna Ek (Kumla)"
        elif inner:
            row.notes.append(inner)
    return " ".join(_PARENTHESES.sub(" ", text).split())


def _parts_in_parentheses(text: str) -> list[str]:
    """What brackets hold, one part each; "(Region Örebro län, chair)" holds two when
    each part reads as a party, a role or an organisation, else it is one note."""
    found = []
    for inner in _PARENTHESES.findall(text):
        parts = [p.strip() for p in inner.split(",")]
        known = all(party_of(p) or role_word(p) or read_organization(p) for p in parts)
        found += parts if len(parts) > 1 and known else [inner.strip()]
    return found


def add_field(row: Row, text: str) -> None:
    """Read one field after the name into the row."""
    if stands_in(text):
        row.notes.append(text.strip())  # "för Erik Ek (S)": the party is Erik's
        # someone in another's seat serves as a substitute, whatever list names them
        row.role = row.role or Role.SERVING_SUBSTITUTE
        return
    text = _take_parentheses(text, row)
    trailing = _TRAILING_NOTE.search(text)
    if trailing:
        row.notes.append(trailing.group(1))
        text = text[: trailing.start()]
    if not text:
        return
    if role_word(text):
        row.role = role_word(text)
    elif party_of(text):
        row.party = party_of(text)
    elif presence_mark(text) is not None:
        row.present = presence_mark(text)
    elif _NOTE.match(fold(text)):
        row.notes.append(text)
    elif (whole := read_organization(text)) is not None:
        row.organization, row.municipality = whole
    elif (split := split_organization(text)) is not None:
        row.titles.append(split[0])
        row.organization, row.municipality = split[1], split[2]
    else:
        row.titles.append(text)


def split_name(text: str) -> tuple[str, str] | None:
    """(name, rest) when a field starts with a person's name.

    The name runs until the first lowercase word or a trailing organisation:
    "Anna Swift Johannison utredningssekreterare" -> name and title.

    >>> split_name("Mathias Eriksson Ljusnarsberg kommun")
    ('Mathias Eriksson', 'Ljusnarsberg kommun')
    """
    split = split_organization(text)
    if split and name_words(split[0]):
        return split[0], text[len(split[0]) :].strip()
    words = text.split()
    end = 0
    while end < len(words) and (words[end][:1].isupper() or words[end] in PARTICLES):
        end += 1
    head = " ".join(words[:end])
    if not name_words(head):
        return None
    return head, " ".join(words[end:])


def _surname_comma_first(fields: Sequence[str]) -> str | None:
    """ "Anna Andersson" for fields "Andersson", "Anna (S)" (register order)."""
    if len(fields) < 2:
        return None
    surname, given = fields[0].split(), _PARENTHESES.sub("", fields[1]).split()
    if len(surname) != 1 or len(given) != 1 or not surname[0][:1].isupper():
        return None
    if is_first_name(given[0]) and not is_first_name(surname[0]):
        return f"{given[0]} {surname[0]}"
    return None


def _name_list(fields: Sequence[str], inline: bool) -> list[str] | None:
    """Several names on one line ("Anna Andersson (S), Bertil Berg (M)")."""
    parts = [p for f in fields for p in re.split(r"\s+och\s+", f) if p.strip("~ ")]
    bare = [_PARENTHESES.sub("", p).replace("~~", " ").strip() for p in parts]
    if len(parts) < 2 or not all(name_words(b) and not split_organization(b) for b in bare):
        return None
    marked = any(_PARENTHESES.search(p) for p in parts)
    return parts if inline or marked or len(parts) >= 3 else None


def _struck(parts: Sequence[str]) -> list[bool]:
    """Which parts of a line lie inside ~~strike-through~~ marks."""
    flags: list[bool] = []
    inside = False
    for part in parts:
        flags.append(inside or part.lstrip().startswith("~~"))
        if part.count("~~") % 2:
            inside = not inside
    return flags


def read_row(line: str, *, inline: bool = False) -> list[Row]:
    """The people a line names: usually one, none for a non-name line or a
    vacant seat, several for "Närvarande: Anna Andersson, Bertil Berg".
    A ~~struck~~ name was not there.

    `inline` says the line followed a heading's colon on the same line.
    """
    people = _semicolon_people(line, inline=inline)
    if people is not None:
        return people
    fields = [f for f in _split_fields(clean_line(line)) if f.strip("~ ")]
    if not fields:
        return []
    names = _name_list(fields, inline)
    if names is None:
        runs = _person_runs(fields) if inline else None
        if runs is not None:
            flags = _struck(fields)
            return [
                row for run in runs for row in _read_person(fields[run], struck=flags[run.start])
            ]
        return _read_person(fields, struck=_struck(fields)[0])
    return [
        row
        for part, struck in zip(names, _struck(names), strict=True)
        for row in _read_person([part], struck=struck)
    ]


def _person_runs(fields: Sequence[str]) -> list[slice] | None:
    """ "Närvarande: Anna Ek, Kumla kommun, Bo Berg, Region Örebro län": each field that
    is a name (a known first name and a surname) starts the next person's details."""
    starts = [i for i, field in enumerate(fields) if _is_full_name(field)]
    if len(starts) < 2 or starts[0] != 0 or len(starts) == len(fields):
        return None
    return [slice(a, b) for a, b in zip(starts, [*starts[1:], len(fields)], strict=True)]


def _is_full_name(field: str) -> bool:
    bare = _PARENTHESES.sub("", field).replace("~~", " ").strip()
    words = name_words(bare)
    return bool(words) and is_first_name(words[0]) and split_organization(bare) is None


def _semicolon_people(line: str, *, inline: bool) -> list[Row] | None:
    """ "Oskar Ek, Degerfors kommun; Ingrid Lund, Karlskoga kommun": semicolons
    part people whose details are set off by commas, when every part names one."""
    if "\t" in line or ";" not in line:
        return None
    parts = [part for part in line.split(";") if part.strip("~ ")]
    if len(parts) < 2 or not all("," in part or "(" in part for part in parts):
        return None
    found = [read_row(part, inline=inline) for part in parts]
    if not all(len(rows) == 1 for rows in found):
        return None
    return [rows[0] for rows in found]


def _read_person(fields: Sequence[str], *, struck: bool) -> list[Row]:
    fields = [field.replace("~~", " ").strip() for field in fields]
    if fold(fields[0]) in _VACANT:
        return []
    row = _read_fields(fields)
    if row is None:
        return []
    if struck:
        row.present = False
    return [row]


def _split_fields(text: str) -> list[str]:
    """A row's fields: tab-separated cells, split at commas, semicolons and dashes,
    but not inside parentheses ("Margaret Olofsson (Region Örebro län, chair)")."""
    return [f.strip() for cell in text.split("\t") for f in _outside_parentheses(cell)]


def _outside_parentheses(cell: str) -> list[str]:
    fields, start = [], 0
    for separator in _FIELD_SEPARATORS.finditer(cell):
        before = cell[: separator.start()]
        if before.count("(") > before.count(")"):
            continue
        fields.append(cell[start : separator.start()])
        start = separator.end()
    return [*fields, cell[start:]]


def _read_fields(fields: list[str]) -> Row | None:
    reordered = _surname_comma_first(fields)
    if reordered:
        marks = " ".join(f"({inner})" for inner in _PARENTHESES.findall(fields[1]))
        fields = [f"{reordered} {marks}".strip(), *fields[2:]]
    row: Row | None = None
    before: list[str] = []
    for text in fields:
        if row is not None:
            add_field(row, text)
        else:
            row = _named_row(text)
            if row is None:
                before.append(text)
    if row is None:
        return None
    for text in before:
        add_field(row, text)
    return finish(row)


def _named_row(text: str) -> Row | None:
    """A row for a field that starts with a name; the marks in brackets right
    after the name are its own ("Anna Andersson (S) för Erik Ek (M)")."""
    match = _NAME_AND_MARKS.match(text)
    if match is None:
        return None
    found = split_name(match.group("name"))
    if found is None or fold(found[0]) in _VACANT:
        return None
    row = Row(name=normalize_name(found[0]))
    if found[1]:
        add_field(row, f"{found[1]} {match.group('marks')}{match.group('rest')}")
        return row
    _take_parentheses(match.group("marks"), row)
    add_field(row, match.group("rest"))
    return row


def finish(row: Row) -> Row:
    """Give region staff their organisation: a title naming a unit of the region.
    Else a proper name after a job title is the employer ("Johan Ståhl, project
    manager, Inera"): a title starts in lower case, an organisation does not."""
    if row.organization is not None or not row.titles:
        return row
    if region_unit(row.title or ""):
        row.organization = REGION
    elif len(row.titles) >= 2 and row.titles[0][:1].islower() and row.titles[-1][:1].isupper():
        row.organization = row.titles.pop()
    return row
