"""Ingest into the real databases: idempotent, replacing, and all-or-nothing per file."""

from __future__ import annotations

import shutil
import threading
import zipfile
from pathlib import Path

from sqlalchemy import delete, func, select, text, update
from sqlalchemy.orm import Session

from storage import models
from storage.loading import ANALYZE_FROM, IngestReport, analyze_at, load_paths
from storage.parsing import PARSER_VERSION
from storage.store import Store
from tests.conftest import real_minutes

TABLES = (
    models.Document,
    models.Meeting,
    models.MeetingGroup,
    models.Attendance,
    models.AgendaItem,
    models.Decision,
    models.Presenter,
    models.ItemPresenter,
    models.Person,
    models.PersonName,
    models.Organization,
    models.Group,
)


def row_counts(store: Store) -> dict[str, int]:
    with store.session() as session:
        return {
            t.__tablename__: session.scalar(select(func.count()).select_from(t)) or 0
            for t in TABLES
        }


def test_real_minutes_load_and_reload_adds_nothing(store: Store) -> None:
    first = load_paths(store, real_minutes())
    assert first.ok and first.count("loaded") == 5
    counts = row_counts(store)
    assert counts["documents"] == 5
    assert counts["decisions"] >= 15 and counts["attendances"] >= 150

    again = load_paths(store, real_minutes())
    assert again.ok and again.count("unchanged") == 5
    assert row_counts(store) == counts


def test_ingests_running_at_once_load_each_file_once(store: Store) -> None:
    """Two processes loading the same files at once, in opposite orders: each file is
    loaded by one and found loaded by the other, and the store is as one ingest leaves it
    (on PostgreSQL the second used to fail on the content hash, or on a deadlock)."""
    files = real_minutes()
    alone = row_counts_after(store, files)
    other = Store.open(str(store.engine.url))
    try:
        for _ in range(3):
            with store.engine.begin() as conn:
                conn.execute(delete(models.Document.__table__))
            start = threading.Barrier(2)
            reports: list[IngestReport] = []
            threads = [
                threading.Thread(target=_ingest, args=(store, files, start, reports)),
                threading.Thread(target=_ingest, args=(other, files[::-1], start, reports)),
            ]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            failed = [r.message for report in reports for r in report.results if r.failed]
            assert failed == []
            assert sum(report.count("loaded") for report in reports) == len(files)
            assert row_counts(store) == alone
    finally:
        other.close()


def _ingest(
    into: Store, order: list[Path], start: threading.Barrier, reports: list[IngestReport]
) -> None:
    start.wait()
    reports.append(load_paths(into, order))


def row_counts_after(store: Store, files: list[Path]) -> dict[str, int]:
    assert load_paths(store, files).ok
    return row_counts(store)


def test_a_folder_loads_like_its_files(store: Store) -> None:
    report = load_paths(store, [real_minutes()[0].parent])
    assert report.count("loaded") == 5


def test_changed_file_replaces_its_earlier_version(store: Store, tmp_path: Path) -> None:
    source = real_minutes()[1]
    copy = tmp_path / "minutes.txt"
    shutil.copy(source, copy)
    assert load_paths(store, [copy]).count("loaded") == 1
    before = row_counts(store)

    copy.write_text(
        source.read_text(encoding="utf-8").replace(
            "Beslut: Att genomföra förstudien.", "Beslut: Att avvakta förstudien."
        ),
        encoding="utf-8",
    )
    report = load_paths(store, [copy])
    assert report.count("replaced") == 1
    after = row_counts(store)
    assert after["documents"] == 1 and after["meetings"] == before["meetings"]
    with store.session() as session:
        texts = list(session.scalars(select(models.Decision.text)))
    assert any("avvakta förstudien" in t for t in texts)
    assert not any("genomföra förstudien" in t for t in texts)


def test_a_file_read_by_an_older_parser_is_read_again(store: Store, tmp_path: Path) -> None:
    """After an upgrade whose parser reads minutes better, the next ingest of a stored
    file reads it again (once), wherever the file now lies."""
    source = real_minutes()[3]
    assert load_paths(store, [source]).count("loaded") == 1
    counts = row_counts(store)
    with store.transaction() as session:
        session.execute(update(models.Document).values(parser_version=None))
    moved = tmp_path / source.name
    shutil.copy(source, moved)  # the same content, somewhere else
    assert load_paths(store, [moved]).count("replaced") == 1
    assert row_counts(store) == counts
    with store.session() as session:
        versions = list(session.scalars(select(models.Document.parser_version)))
    assert versions == [PARSER_VERSION]
    assert load_paths(store, [moved, source]).count("unchanged") == 2


def test_unreadable_files_change_nothing_and_are_named(store: Store, tmp_path: Path) -> None:
    load_paths(store, real_minutes())
    before = row_counts(store)
    bad = {
        "empty.txt": b"",
        "binary.txt": bytes(range(256)) * 40,
        "broken.pdf": b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer",
        "broken.docx": b"PK\x03\x04 not really a zip",
        "notes.xlsx": b"whatever",
        "nonsense.txt": "Inga protokoll här, bara en inköpslista: mjölk, bröd och ost.".encode(),
    }
    for name, data in bad.items():
        (tmp_path / name).write_bytes(data)
    report = load_paths(store, [tmp_path / name for name in bad])
    assert not report.ok
    failures = {Path(r.path).name: r.message for r in report.results if r.failed}
    assert set(failures) == set(bad)
    assert "empty" in failures["empty.txt"]
    assert "binary" in failures["binary.txt"]
    assert "PDF" in failures["broken.pdf"]
    assert "Word" in failures["broken.docx"] or "zip" in failures["broken.docx"]
    assert "unsupported" in failures["notes.xlsx"]
    assert row_counts(store) == before


def test_zip_bomb_disguised_as_word_is_refused(store: Store, tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"\0" * (120 * 1024 * 1024))
    report = load_paths(store, [bomb])
    assert report.results[0].failed
    assert "zip bomb" in report.results[0].message
    assert row_counts(store)["documents"] == 0


def test_good_files_load_beside_bad_ones(store: Store, tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    report = load_paths(store, [tmp_path / "empty.txt", *real_minutes()[:2]])
    assert [r.status for r in report.results] == ["failed", "loaded", "loaded"]


def test_statistics_are_refreshed_as_a_long_load_grows(store: Store, tmp_path: Path) -> None:
    """After 64 files the planner's statistics count the rows loaded so far (a plan
    made over the empty tables would read every row for each row written after)."""
    from bench.corpus import documents, render

    for i, parsed in enumerate(documents(ANALYZE_FROM + 1)):
        (tmp_path / f"minutes_{i:03d}.txt").write_text(render(parsed), encoding="utf-8")
    counted: list[float] = []

    def on_file(result: object) -> None:
        with store.session() as session:
            counted.append(planned_meetings(session))

    report = load_paths(store, sorted(tmp_path.glob("*.txt")), on_file=on_file)
    assert report.ok and report.count("loaded") == ANALYZE_FROM + 1
    # the statistics as each file was loaded: none before the 64th, 64 after it
    assert counted[ANALYZE_FROM - 2] <= 0 and counted[ANALYZE_FROM] >= ANALYZE_FROM
    assert [analyze_at(n) for n in (1, 63, 64, 65, 100, 128, 256, 1000)] == [
        False, False, True, False, False, True, True, False,
    ]  # fmt: skip


def planned_meetings(session: Session) -> float:
    """The meetings the planner's statistics count (none: 0)."""
    if session.get_bind().dialect.name == "postgresql":
        return float(
            session.scalar(text("SELECT reltuples FROM pg_class WHERE oid = 'meetings'::regclass"))
            or 0
        )
    stats = session.execute(
        text("SELECT name FROM sqlite_master WHERE name = 'sqlite_stat1'")
    ).first()
    if stats is None:
        return 0.0
    row = session.scalar(text("SELECT stat FROM sqlite_stat1 WHERE tbl = 'meetings' LIMIT 1"))
    return float(str(row).split()[0]) if row else 0.0
