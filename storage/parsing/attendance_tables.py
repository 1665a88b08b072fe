"""Attendance lists laid out as tables (närvarolistor): a header row names the
columns, each following row is one person, or one person per role column.

Example:
    >>> columns = table_columns("Namn\\tParti\\tFunktion\\tNärvarande")
    >>> row = read_table_row("Anna Andersson\\tS\\tOrdförande\\tX", columns)[0]
    >>> row.name, row.party, row.role, row.present
    ('Anna Andersson', '(S)', <Role.CHAIR: 'ordförande'>, True)
"""

from __future__ import annotations

from collections.abc import Sequence

from storage.parsing.attendance_rows import (
    Row,
    add_field,
    clean_line,
    finish,
    presence_mark,
    read_row,
    role_word,
    stands_in,
)
from storage.parsing.organizations import read_organization
from storage.parsing.parties import party_of
from storage.parsing.records import Role
from storage.registry import fold

Column = str | Role

_HEADER_WORDS: dict[str, str] = {
    "namn": "name",
    "person": "name",
    "deltagare": "name",
    "parti": "party",
    "roll": "role",
    "funktion": "role",
    "uppdrag": "role",
    "titel": "title",
    "befattning": "title",
    "organisation": "organization",
    "kommun": "organization",
    "representerar": "organization",
    "huvudman": "organization",
    "narvarande": "presence",
    "narvaro": "presence",
    "narv": "presence",
    "n": "presence",  # "N" for närvarande, the column ticked with "X" or "N"
    "franvarande": "absence",
    "anteckning": "note",
    # the votes of an omröstningslista: not presence, and not read
    "ja": "vote",
    "nej": "vote",
    "avstar": "vote",
    "yes": "vote",
    "no": "vote",
    "abstain": "vote",
    "kommentar": "note",
    "notering": "note",
    "name": "name",
    "participant": "name",
    "party": "party",
    "role": "role",
    "function": "role",
    "position": "title",
    "title": "title",
    "organization": "organization",
    "municipality": "organization",
    "represents": "organization",
    "present": "presence",
    "presence": "presence",
    "attendance": "presence",
    "attended": "presence",
    "status": "presence",
    "absent": "absence",
    "note": "note",
    "notes": "note",
    "comment": "note",
    "comments": "note",
}
_ROLE_COLUMNS: dict[str, Role] = {
    "ledamot": Role.MEMBER,
    "ledamoter": Role.MEMBER,
    "ordinarie": Role.MEMBER,
    "ersattare": Role.SUBSTITUTE,
    "tjanstgorande ersattare": Role.SERVING_SUBSTITUTE,
}


_LETTER_MARKS = {"n": True, "t": True, "f": False}  # närvarande, tjänstgör, frånvarande


def table_columns(line: str) -> tuple[Column, ...] | None:
    """What each column holds, when the line is a table's header row.

    "Ledamot<TAB>Ersättare" gives one role per column (each cell a person);
    "Namn<TAB>Parti<TAB>Närvarande" gives field kinds.
    """
    if "\t" not in line:
        return None
    cells = [fold(cell.strip(" :")) for cell in line.split("\t")]
    named = [cell for cell in cells if cell]
    if len(named) < 2:
        return None
    if all(cell in _ROLE_COLUMNS for cell in named):
        return tuple(_ROLE_COLUMNS.get(cell, "") for cell in cells)
    if not all(cell in _HEADER_WORDS or cell in _ROLE_COLUMNS for cell in named):
        return None
    if sum(1 for cell in named if cell in _ROLE_COLUMNS) >= 2:
        # "Ledamot | Kommun | N | Ersättare | N": each role column a person, the
        # columns after it (up to the next role column) that person's details
        return tuple(_ROLE_COLUMNS.get(cell) or _HEADER_WORDS.get(cell, "") for cell in cells)
    return tuple(_HEADER_WORDS.get(cell, "name" if cell else "") for cell in cells)


def read_table_row(line: str, columns: Sequence[Column]) -> list[Row]:
    """The people in one table row read with the header's columns."""
    cells = [cell.strip() for cell in clean_line(line).split("\t")]
    cells += [""] * (len(columns) - len(cells))
    if any(isinstance(column, Role) for column in columns):
        if any(column and not isinstance(column, Role) for column in columns):
            return _role_segments(cells, columns)
        return _role_cells(cells, columns)
    row = _person(cells, columns)
    return [row] if row else read_row(line)


def _serving(row: Row) -> Row:
    # a role column saying "Ersättare" must not undo a presence cell's "tjänstgör för"
    if row.role is Role.SUBSTITUTE and any(stands_in(note) for note in row.notes):
        row.role = Role.SERVING_SUBSTITUTE
    return row


def _role_cells(cells: Sequence[str], columns: Sequence[Column]) -> list[Row]:
    rows: list[Row] = []
    for cell, column in zip(cells, columns, strict=False):
        for row in read_row(cell):
            if isinstance(column, Role) and row.role is None:
                row.role = column
            rows.append(row)
    return _seat_taken(rows)


def _seat_taken(rows: list[Row]) -> list[Row]:
    """ "Ledamot | Tjänstgörande ersättare" on one row: the member whose seat the
    substitute took was away, unless the row marks them present."""
    serving = [row for row in rows if row.role is Role.SERVING_SUBSTITUTE]
    members = [row for row in rows if row.role is Role.MEMBER and row.present is None]
    if len(serving) == 1 and len(members) == 1:
        members[0].present = False
        if not any(stands_in(note) for note in serving[0].notes):
            serving[0].notes.append(f"för {members[0].name}")
    return rows


def _role_segments(cells: Sequence[str], columns: Sequence[Column]) -> list[Row]:
    """One person per role column, read with the detail columns that follow it."""
    starts = [i for i, column in enumerate(columns) if isinstance(column, Role)]
    rows: list[Row] = []
    for start, end in zip(starts, [*starts[1:], len(columns)], strict=True):
        role = columns[start]
        if not cells[start].strip() or not isinstance(role, Role):
            continue  # an empty seat
        kinds: list[Column] = ["name", *columns[start + 1 : end]]
        row = _person(cells[start:end], kinds)
        if row is None:
            continue
        row.role = row.role or role
        rows.append(row)
    _seat_taken(rows)
    # one "Kommun" column for the row: a member and their substitute sit for the same one
    organizations = {(row.organization, row.municipality) for row in rows if row.organization}
    if len(organizations) == 1 and columns.count("organization") == 1:
        organization, municipality = organizations.pop()
        for row in rows:
            if row.organization is None:
                row.organization, row.municipality = organization, municipality
    return rows


def _person(cells: Sequence[str], columns: Sequence[Column]) -> Row | None:
    if "name" not in columns:
        return None
    name_cell = cells[columns.index("name")]
    found = read_row(name_cell)
    if len(found) != 1:
        return None
    row = found[0]
    for cell, column in zip(cells, columns, strict=False):
        if cell == name_cell and column == "name":
            continue
        _add_cell(row, cell, column)
    return _serving(finish(row))


def _add_cell(row: Row, cell: str, column: Column) -> None:
    if column == "vote":
        return
    if column in ("presence", "absence") and presence_mark(cell) is None and cell.strip():
        _presence_words(row, cell)
    elif column == "presence":
        row.present = presence_mark(cell) is True
    elif column == "absence":
        row.present = not presence_mark(cell) if cell else True
    elif not cell:
        return
    elif column == "party":
        row.party = party_of(cell) or f"({cell.strip('()')})"
    elif column == "role" and stands_in(cell):
        row.notes.append(cell)  # "Tjänstgörande ersättare för Leila Haddad (V)"
        row.role = Role.SERVING_SUBSTITUTE
    elif column == "role":
        row.role = role_word(cell) or row.role
    elif column == "organization":
        found = read_organization(cell)
        row.organization, row.municipality = found if found else (cell, None)
    elif column == "title":
        row.titles.append(cell)
    elif column == "note":
        row.notes.append(cell)
    else:
        add_field(row, cell)


def _presence_words(row: Row, cell: str) -> None:
    """A presence cell in words: "Tjänstgörande för Anna Ek" means there, serving
    in Anna's seat; other words are kept as a note and do not say absent.
    A lone letter is a mark: "N" (närvarande) there, "F" (frånvarande) not."""
    letter = fold(cell.strip(" ."))
    if letter in _LETTER_MARKS:
        row.present = _LETTER_MARKS[letter]
        return
    row.notes.append(cell.strip())
    row.present = True
    if stands_in(cell):
        row.role = Role.SERVING_SUBSTITUTE
