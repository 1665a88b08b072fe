"""Text out of a minutes file: .txt/.md, .html, .docx (python-docx) and .pdf (pypdf).

A file that cannot be read raises `UnreadableDocument` with a reason a person
can act on; nothing else escapes.

    >>> extract_text(Path("notes.txt"), b"Protokoll\\n").text
    'Protokoll\\n'
"""

from __future__ import annotations

import io
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
                cells = [
                    " ".join(_docx_paragraph(p) for p in cell.paragraphs) for cell in row.cells
                ]
                blocks.append("\t".join(cells))
    return blocks


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
        pages = [page.extract_text() or "" for page in reader.pages]
    except UnreadableDocument:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise UnreadableDocument(f"the PDF is broken or truncated ({type(exc).__name__})") from exc
    except Exception as exc:  # pypdf can raise almost anything on hostile input
        raise UnreadableDocument(f"the PDF cannot be read ({type(exc).__name__})") from exc
    return "\n\n".join(pages)
