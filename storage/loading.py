"""Ingest: minutes files into the store, one transaction per file.

Idempotent by content: a file whose bytes are already stored adds nothing; a
changed file at the same path replaces its earlier version; a file that cannot
be read changes nothing and is reported with the reason.

    >>> report = load_paths(Store.open("sqlite://"), [Path("minutes/")])
    >>> report.ok
    True
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import cast

from sqlalchemy import Connection, Table, delete, or_, select, text
from sqlalchemy.exc import SQLAlchemyError

from storage.extract import FORMATS, UnreadableDocument, extract_text
from storage.models import Document
from storage.parsing import PARSER_VERSION, parse_text
from storage.parsing.records import STOCKHOLM, ParsedDocument
from storage.rows import RowWriter
from storage.statements import param
from storage.store import Store

DOCUMENTS = cast(Table, Document.__table__)
# How a file's content is stored, if it is: the parser version that read it.
STORED_READING = select(Document.parser_version).where(Document.content_hash == param("digest"))
# On PostgreSQL ingests write one document at a time, whichever process runs them (a
# lock of this schema's, held until the file's transaction ends). Files sharing
# presenters, words or months would otherwise lock the same rows in different orders
# (and one be ended as a deadlock), and the same file loaded twice at once would fail
# on its content hash rather than be found loaded. SQLite's writers take turns anyway.
INGEST_TURN = text("SELECT pg_advisory_xact_lock(:key, hashtext(current_schema()))")
INGEST_LOCK = 0x696E6765  # any fixed number: "inge"


@dataclass
class FileResult:
    path: str
    status: str  # loaded / replaced / unchanged / failed
    message: str = ""
    counts: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return self.status == "failed"


@dataclass
class IngestReport:
    results: list[FileResult] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(r.failed for r in self.results)

    def count(self, status: str) -> int:
        return sum(1 for r in self.results if r.status == status)


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files as given, and the minutes files inside folders (recursively, sorted).

    A named file of any type is kept (and later refused with a reason); inside a
    folder only known minutes formats are taken.
    """
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(
                p for p in sorted(path.rglob("*")) if p.is_file() and p.suffix.lower() in FORMATS
            )
        else:
            files.append(path)
    return files


def load_paths(
    store: Store,
    paths: Sequence[Path],
    *,
    on_file: Callable[[FileResult], None] | None = None,
    now: datetime | None = None,
) -> IngestReport:
    """Load every file under `paths`; one bad file never stops the others."""
    report = IngestReport()
    writer = RowWriter()
    written = 0
    for path in expand_paths(paths):
        result = load_file(store, path, writer=writer, now=now)
        report.results.append(result)
        if on_file is not None:
            on_file(result)
        if result.status in ("loaded", "replaced"):
            written += 1
            if analyze_at(written):
                store.analyze()
    if written:
        store.analyze()
    return report


ANALYZE_FROM = 64  # files written before the first refresh of the statistics


def analyze_at(written: int, *, first: int = ANALYZE_FROM) -> bool:
    """Whether to refresh the planner's statistics after `written` files of one
    ingest: each time the count doubles from `first`. A plan made while a table was
    nearly empty (a foreign-key check's, kept by the connection for its life) reads
    the whole table for every row written: on PostgreSQL without autovacuum, the
    benchmark's store of 100,000 meetings (written as loading writes) was built at
    17 documents a second and slowing, against 67 with a refresh as it doubles. A
    refresh makes the server plan them again; doubling keeps its cost a small share
    of the load."""
    return written >= first and written & (written - 1) == 0


def load_file(
    store: Store, path: Path, *, writer: RowWriter | None = None, now: datetime | None = None
) -> FileResult:
    shown = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        return FileResult(shown, "failed", f"cannot read the file: {exc.strerror or exc}")
    digest = hashlib.sha256(data).hexdigest()
    with store.session() as session:
        if _stored_as_read_now(session.connection(), digest):
            return FileResult(shown, "unchanged", "already loaded")
        # else new, or stored as an older parser read it: read again, and replaced
    try:
        extracted = extract_text(path, data)
    except UnreadableDocument as exc:
        return FileResult(shown, "failed", str(exc))
    parsed = parse_text(extracted.text, source_name=path.name)
    problem = _not_minutes(parsed)
    if problem:
        return FileResult(shown, "failed", problem, warnings=parsed.warnings)
    writer = writer or RowWriter()
    try:
        with store.transaction() as session:
            conn = session.connection()
            if store.dialect == "postgresql":
                conn.execute(INGEST_TURN, {"key": INGEST_LOCK})
                if _stored_as_read_now(conn, digest):
                    return FileResult(shown, "unchanged", "loaded at the same time elsewhere")
            resolved = str(path.resolve())
            # the file's earlier content, and this content as an older parser read it
            replaced = conn.execute(
                delete(DOCUMENTS).where(
                    or_(DOCUMENTS.c.path == resolved, DOCUMENTS.c.content_hash == digest)
                )
            ).rowcount
            document_id = conn.execute(
                DOCUMENTS.insert().returning(DOCUMENTS.c.id),
                {
                    "name": path.name,
                    "path": resolved,
                    "content_hash": digest,
                    "format": extracted.format,
                    "ingested_at": now or datetime.now(STOCKHOLM),
                    "title": parsed.title[:2000],
                    "kind": parsed.kind,
                    # undated documents are as new as the meeting they record
                    "document_date": parsed.document_date or _meeting_day(parsed),
                    "parser_version": PARSER_VERSION,
                    "text": parsed.text,
                    "warnings": parsed.warnings,
                },
            ).scalar_one()
            counts = writer.write(session, document_id, parsed)
    except SQLAlchemyError as exc:
        writer.forget()
        first = str(exc).splitlines()[0][:300]
        return FileResult(shown, "failed", f"the database refused the file: {first}")
    status = "replaced" if replaced else "loaded"
    return FileResult(shown, status, "", counts, parsed.warnings)


def _stored_as_read_now(conn: Connection, digest: str) -> bool:
    """Whether this content is stored as the current parser reads it."""
    return conn.execute(STORED_READING, {"digest": digest}).scalar() == PARSER_VERSION


def _not_minutes(parsed: ParsedDocument) -> str:
    if parsed.meeting.start is None and not parsed.items and not parsed.attendees:
        return "no minutes found: no meeting date, attendance list or agenda items"
    if parsed.meeting.start is None:
        return "the meeting's date could not be read (expected e.g. 'Tid: 2023-09-08 kl. 13.00')"
    return ""


def _meeting_day(parsed: ParsedDocument) -> date | None:
    return parsed.meeting.start.date() if parsed.meeting.start else None
