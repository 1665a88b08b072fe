"""The first page of a formal §-protocol is a table of labels and values
("Plats och tid", "Beslutande", "Utses att justera", "Underskrifter"); its rows,
label cell, tab, value cell, become the "Label: value" lines the preface reads.
"""

from __future__ import annotations

from collections.abc import Sequence

from storage.parsing.attendance_tables import table_columns
from storage.parsing.people import attendance_heading
from storage.parsing.when_where import LABELS, labelled_fields
from storage.registry import fold


def label_rows(lines: Sequence[str]) -> list[str]:
    """Rows of a §-protocol's first-page table read as "Label: value" lines; the
    value cell of a field ("Plats och tid") may run over several lines, which are
    one value, while an attendance list's value cell holds a name a line.

    >>> label_rows(["Plats och tid\\tKommunhuset,", "Sydnärke, kl. 8.30–11.40", "", "Ö"])
    ['Plats och tid: Kommunhuset, Sydnärke, kl. 8.30–11.40', '', 'Ö']
    """
    rows: list[str] = []
    in_field = False
    for line in lines:
        goes_on = line.strip() and "\t" not in line and not labelled_fields(line)
        if in_field and goes_on and attendance_heading(line) is None:
            rows[-1] = f"{rows[-1]} {line.strip()}"
            continue
        label, tab, _ = line.partition("\t")
        in_field = bool(tab) and fold(label.strip(" :")) in LABELS
        rows.append(_label_cell(line))
    return rows


def _label_cell(line: str) -> str:
    """A row of a §-protocol's first-page table, label cell then value cell, as the
    parser reads it: "Beslutande<TAB>Anna Ek (S)" is "Beslutande: Anna Ek (S)"; the
    "Underskrifter" cell only frames the signature lines beside it.

    >>> _label_cell("Utses att justera\\tMona Ek (M)")
    'Utses att justera: Mona Ek (M)'
    >>> _label_cell("Underskrifter\\tSekreterare ....... Paragrafer 84–90")
    'Sekreterare ....... Paragrafer 84–90'
    """
    label, tab, value = line.partition("\t")
    if not tab or not label.strip() or ":" in label or "\t" in value:
        return line  # a wider table's row: its header names the columns
    if table_columns(line) is not None:
        return line  # "Ledamöter<TAB>Ersättare" heads two columns of names
    if fold(label.strip()) in _SIGNATURE_LABELS:
        return value
    if attendance_heading(label) is None and fold(label.strip()) not in LABELS:
        return line
    return f"{label.strip()}: {value.strip()}" if value.strip() else f"{label.strip()}:"


_SIGNATURE_LABELS = frozenset(("underskrifter", "underskrift", "signaturer", "signatures"))
