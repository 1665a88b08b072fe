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
    party_of,
    presence_mark,
    read_row,
    role_word,
    stands_in,
)
from storage.parsing.organizations import read_organization
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
    "franvarande": "absence",
    "anteckning": "note",
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
    if all(cell in _HEADER_WORDS or cell in _ROLE_COLUMNS for cell in named):
        return tuple(_HEADER_WORDS.get(cell, "name" if cell else "") for cell in cells)
    return None


def read_table_row(line: str, columns: Sequence[Column]) -> list[Row]:
    """The people in one table row read with the header's columns."""
    cells = [cell.strip() for cell in clean_line(line).split("\t")]
    cells += [""] * (len(columns) - len(cells))
    if any(isinstance(column, Role) for column in columns):
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
    in Anna's seat; other words are kept as a note and do not say absent."""
    row.notes.append(cell.strip())
    row.present = True
    if stands_in(cell):
        row.role = Role.SERVING_SUBSTITUTE
