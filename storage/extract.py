"""Text out of a minutes file: .txt/.md, .html, .docx (python-docx) and .pdf (pypdf).

A file that cannot be read raises `UnreadableDocument` with a reason a person
can act on; nothing else escapes.

    >>> extract_text(Path("notes.txt"), b"Protokoll Chefsgrupp Kumla\\n").text
    'Protokoll Chefsgrupp Kumla\\n'
"""

from __future__ import annotations

import io
import itertools
import logging
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

MAX_BYTES = 20 * 1024 * 1024  # a minutes file is rarely over 1 MB
MAX_TEXT_CHARS = 2_000_000
MAX_UNZIPPED_BYTES = 100 * 1024 * 1024  # docx is a zip: guard against zip bombs
MIN_TEXT_CHARS = 20
FORMATS = {
    ".txt": "text",
    ".md": "markdown",
    ".html": "html",
    ".htm": "html",
    ".docx": "docx",
    ".pdf": "pdf",
}


# Control characters that never occur in text files (tab, newlines, form feed do).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


class UnreadableDocument(Exception):
    """The file cannot be read as minutes; str() says why."""


@dataclass(frozen=True)
class Extracted:
    text: str
    format: str


def extract_text(path: Path, data: bytes) -> Extracted:
    """The text of one file, by its extension (and its content, where it lies)."""
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        known = ", ".join(sorted(FORMATS))
        raise UnreadableDocument(f"unsupported file type {path.suffix or '(none)'!r}; use {known}")
    if not data.strip():
        raise UnreadableDocument("the file is empty")
    if len(data) > MAX_BYTES:
        raise UnreadableDocument(f"the file is {len(data) // 1_048_576} MB; the limit is 20 MB")
    if fmt == "docx":
        text = _docx_text(data)
    elif fmt == "pdf":
        text = _pdf_text(data)
    else:
        text = _plain_text(data)
    if len(text.strip()) < MIN_TEXT_CHARS:
        raise UnreadableDocument(
            "the file holds no readable text (a scanned image needs OCR first)"
        )
    return Extracted(text[:MAX_TEXT_CHARS], fmt)


def _plain_text(data: bytes) -> str:
    if b"\x00" in data[:4096]:
        raise UnreadableDocument("the file is binary, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
        if text.count("\ufffd") > len(text) // 100:
            raise UnreadableDocument("the file is not UTF-8 or Windows-1252 text") from None
    if len(_CONTROL.findall(text, 0, 10_000)) > 50:
        raise UnreadableDocument("the file is binary, not text")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _docx_text(data: bytes) -> str:
    from docx import Document as DocxDocument

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unzipped = sum(info.file_size for info in archive.infolist())
            if unzipped > MAX_UNZIPPED_BYTES:
                raise UnreadableDocument("the Word file unpacks to over 100 MB (a zip bomb?)")
            if "word/document.xml" not in archive.namelist():
                raise UnreadableDocument("the file is a zip archive but not a Word document")
        document = DocxDocument(io.BytesIO(data))
    except UnreadableDocument:
        raise
    except Exception as exc:  # python-docx raises many kinds for broken files
        raise UnreadableDocument(
            f"the Word file is broken or truncated ({type(exc).__name__})"
        ) from exc
    return "\n\n".join(_docx_blocks(document))


def _docx_blocks(document: object) -> list[str]:
    """Paragraphs and table rows in document order; table cells joined by tabs,
    struck-through runs marked ~~like this~~ as the rest of the parser expects."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    blocks: list[str] = []
    body = document.element.body  # type: ignore[attr-defined]
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            blocks.append(_docx_paragraph(Paragraph(child, document)))  # type: ignore[arg-type]
        elif tag == "tbl":
            table = Table(child, document)  # type: ignore[arg-type]
            for row in table.rows:
                cells = [[_docx_paragraph(p) for p in cell.paragraphs] for cell in row.cells]
                blocks.append(_docx_row(cells))
    return blocks


def _docx_row(cells: list[list[str]]) -> str:
    """A table row, cells joined by tabs. A cell's paragraphs are joined by spaces,
    except beside a label ("Beslutande" | one name a paragraph), where each
    paragraph stays a line of its own, and in columns of names ("Ledamöter" |
    "Ersättare", a name a paragraph in each), where each line is a row of its own.

    >>> _docx_row([["Beslutande"], ["Anna Ek (S)", "Bo Berg (M)"]])
    'Beslutande\\tAnna Ek (S)\\nBo Berg (M)'
    >>> _docx_row([["Anna Ek"], ["S"], ["1:e vice", "ordförande"]])
    'Anna Ek\\tS\\t1:e vice ordförande'
    >>> _docx_row([["Anna Ek (S)", "Bo Berg (M)"], ["Cia Dahl (S)", "Dan Ek (M)"]])
    'Anna Ek (S)\\tCia Dahl (S)\\nBo Berg (M)\\tDan Ek (M)'
    """
    lines = [[text for text in paragraphs if text.strip()] for paragraphs in cells]
    several = [index for index, texts in enumerate(lines) if len(texts) > 1]
    if len(several) >= 2 and len(several) == sum(1 for texts in lines if texts):
        rows = itertools.zip_longest(*lines, fillvalue="")
        return "\n".join("\t".join(row) for row in rows)
    if len(lines) <= 2 and several == [len(lines) - 1]:
        return "\t".join([*(" ".join(texts) for texts in lines[:-1]), "\n".join(lines[-1])])
    return "\t".join(" ".join(texts) for texts in lines)


def _docx_paragraph(paragraph: object) -> str:
    parts: list[str] = []
    for run in paragraph.runs:  # type: ignore[attr-defined]
        text = run.text
        if text.strip() and (run.font.strike or run.font.double_strike):
            text = f"~~{text.strip()}~~"
        parts.append(text)
    return "".join(parts)


def _pdf_text(data: bytes) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    # pypdf logs what it repairs ("EOF marker not found") as warnings of its own;
    # the reader gets our one message per file instead.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            raise UnreadableDocument("the PDF is encrypted; save an unprotected copy")
        pages = [_pdf_page_text(page) for page in reader.pages]
    except UnreadableDocument:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise UnreadableDocument(f"the PDF is broken or truncated ({type(exc).__name__})") from exc
    except Exception as exc:  # pypdf can raise almost anything on hostile input
        raise UnreadableDocument(f"the PDF cannot be read ({type(exc).__name__})") from exc
    return "\n\n".join(pages)


def _pdf_page_text(page: object) -> str:
    """A page's text with its tables kept: pypdf's layout mode places text as on
    the page, and columns set apart by wide gaps become tab-separated cells as in
    a Word table. Plain extraction is the fallback."""
    try:
        laid_out = page.extract_text(extraction_mode="layout")  # type: ignore[attr-defined]
    except Exception:  # layout mode fails on some odd fonts; plain mode still reads them
        laid_out = ""
    plain: str = page.extract_text() or ""  # type: ignore[attr-defined]
    # layout mode drops text it cannot place: never trade words for layout
    if len("".join(laid_out.split())) < len("".join(plain.split())) * 0.95:
        return plain
    return layout_to_rows(laid_out)


_COLUMN_GAP = re.compile(r" {3,}")


@dataclass
class _Row:
    """A table row being read: each cell's start column and its lines."""

    starts: list[int]
    cells: list[list[str]]

    def add(self, column: int, text: str) -> None:
        index = max((i for i, s in enumerate(self.starts) if s <= column + 1), default=0)
        self.cells[index].append(text)

    def text(self) -> str:
        label_and_value = len(self.cells) == 2
        return "\t".join(_cell_text(lines, label_and_value) for lines in self.cells)


def _cell_text(lines: list[str], label_and_value: bool) -> str:
    """A cell's wrapped lines joined; in a label/value row ("Beslutande" beside a
    list of names) a line that starts with a capital is an entry of its own."""
    text = lines[0]
    for line in lines[1:]:
        entry = label_and_value and not line[:1].islower()
        text += ("\n" if entry else " ") + line
    return text


def _fragments(line: str) -> list[tuple[int, str]]:
    """(start column, text) of each stretch of a line between wide gaps."""
    found: list[tuple[int, str]] = []
    position = 0
    for part in _COLUMN_GAP.split(line):
        start = line.index(part, position) if part else position
        if part.strip():
            found.append((start + len(part) - len(part.lstrip()), part.strip()))
        position = start + len(part)
    return found


def layout_to_rows(text: str) -> str:
    """Layout-mode page text with table rows as tab-separated cells; a cell's
    wrapped lines (indented below it) are joined to it.

    >>> layout_to_rows("Title\\n\\nNamn      Parti\\nAnna Ek   S\\n  text")
    'Title\\n\\nNamn\\tParti\\nAnna Ek\\tS\\ntext'
    >>> layout_to_rows("Beslutande     Anna Ek (S), vice\\n               ordförande\\n"
    ...     "               Bo Berg (M)")
    'Beslutande\\tAnna Ek (S), vice ordförande\\nBo Berg (M)'
    """
    out: list[str] = []
    row: _Row | None = None
    for line in text.split("\n"):
        parts = _fragments(line)
        if row is not None and parts and parts[0][0] >= row.starts[1] - 1:
            for column, fragment in parts:
                row.add(column, fragment)
            continue
        if row is not None:
            out.append(row.text())
            row = None
        if len(parts) >= 2:
            row = _Row([start for start, _ in parts], [[part] for _, part in parts])
        else:
            out.append(line.strip())
    if row is not None:
        out.append(row.text())
    return "\n".join(out)
