"""Hostile and broken files to ingest: each is refused with a reason a person can
act on, the good files beside it still load, and nothing is stored twice or lost.

(tests/storage/test_loading.py has the small broken files and the plain zip bomb.)
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from bot.cli import main
from storage.loading import load_paths
from storage.store import Store
from tests.conftest import real_minutes
from tests.faults.files import assemble_pdf, docx_bytes, lying_zip_bomb, pdf_bytes
from tests.storage.test_loading import row_counts

CUTS = (0.05, 0.3, 0.6, 0.9, 0.99)


def refused(store: Store, path: Path) -> str:
    """Ingest one file that must fail; its message. Nothing may change."""
    before = row_counts(store)
    report = load_paths(store, [path])
    assert [r.status for r in report.results] == ["failed"], report.results
    assert row_counts(store) == before
    return report.results[0].message


@pytest.fixture
def loaded(store: Store) -> Store:
    assert load_paths(store, real_minutes()).ok
    return store


def test_the_made_files_are_real_minutes(store: Store, tmp_path: Path) -> None:
    for name, data in (("m.docx", docx_bytes()), ("m.pdf", pdf_bytes())):
        (tmp_path / name).write_bytes(data)
    report = load_paths(store, [tmp_path / "m.docx", tmp_path / "m.pdf"])
    assert [r.status for r in report.results] == ["loaded", "loaded"], report.results
    for result in report.results:
        assert result.counts["decisions"] == 1 and result.counts["attendees"] == 3


@pytest.mark.parametrize("cut", CUTS)
def test_truncated_word_and_pdf_files(loaded: Store, tmp_path: Path, cut: float) -> None:
    for name, data in (("m.docx", docx_bytes()), ("m.pdf", pdf_bytes())):
        path = tmp_path / name
        path.write_bytes(data[: int(len(data) * cut)])
        message = refused(loaded, path)
        assert "broken or truncated" in message, message


def test_fifty_megabytes(loaded: Store, tmp_path: Path) -> None:
    big_text = tmp_path / "protokoll.txt"
    big_text.write_bytes(b"Tid: 2025-03-14 kl. 13.00\n" * (50 * 1024 * 1024 // 26 + 1))
    big_pdf = tmp_path / "protokoll.pdf"
    big_pdf.write_bytes(pdf_bytes() + b"%" * (50 * 1024 * 1024))
    for path in (big_text, big_pdf):
        assert refused(loaded, path) == "the file is 50 MB; the limit is 20 MB"


def test_a_zip_bomb_that_lies_about_its_size(loaded: Store, tmp_path: Path) -> None:
    bomb = tmp_path / "protokoll.docx"
    bomb.write_bytes(lying_zip_bomb())
    assert bomb.stat().st_size < 1024 * 1024
    message = refused(loaded, bomb)
    assert "Word file" in message, message


def test_word_files_that_are_not_word_inside(loaded: Store, tmp_path: Path) -> None:
    cases = {}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", b"\x00\xff not xml")
        archive.writestr("word/document.xml", b"\x00\xff not xml")
    cases["garbage-xml.docx"] = buffer.getvalue()
    cases["actually-a-pdf.docx"] = pdf_bytes()
    cases["actually-a-word-file.pdf"] = docx_bytes()
    for name, data in cases.items():
        (tmp_path / name).write_bytes(data)
        message = refused(loaded, tmp_path / name)
        assert "Word" in message or "PDF" in message, (name, message)


def test_hostile_pdfs(loaded: Store, tmp_path: Path) -> None:
    looping = assemble_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            # The page tree lists itself as its own kid, and claims a billion pages.
            b"<< /Type /Pages /Kids [2 0 R] /Count 1000000000 >>",
        ]
    )
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes())))
    writer.encrypt(user_password="hemligt", owner_password="hemligt")
    encrypted = io.BytesIO()
    writer.write(encrypted)
    cases = {
        "looping.pdf": (looping, ("PDF", "no readable text")),
        "encrypted.pdf": (encrypted.getvalue(), ("encrypted",)),
        "header-only.pdf": (b"%PDF-1.7\n" + b"\x00" * 1000, ("PDF",)),
    }
    for name, (data, expected) in cases.items():
        (tmp_path / name).write_bytes(data)
        message = refused(loaded, tmp_path / name)
        assert any(words in message for words in expected), (name, message)


def test_the_cli_names_every_bad_file_and_loads_the_good(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "good.docx"
    good.write_bytes(docx_bytes())
    bad = {
        "cut.docx": docx_bytes()[:900],
        "cut.pdf": pdf_bytes()[:400],
        "bomb.docx": lying_zip_bomb(),
    }
    for name, data in bad.items():
        (tmp_path / name).write_bytes(data)
    database = f"sqlite:///{tmp_path / 'minutes.db'}"
    paths = [str(tmp_path / name) for name in bad] + [str(good)]
    assert main(["ingest", "--db", database, *paths]) == 1
    out, err = capsys.readouterr()
    for name in bad:
        assert f"{name}: the " in err, err
    assert "1 loaded, 0 unchanged, 3 failed" in out
    # Again: the good file is not stored twice, the bad ones still refused.
    assert main(["ingest", "-q", "--db", database, *paths]) == 1
    assert "0 loaded, 1 unchanged, 3 failed" in capsys.readouterr().out
