"""Real minutes files made on the spot: a Word document (python-docx) and a PDF
(written by hand: one page, Helvetica, the text in a content stream)."""

from __future__ import annotations

import io
import struct
import zipfile

MINUTES = """Minnesanteckningar Chefsgrupp folkhälsa

Tid: 2025-03-14 kl. 13.00–15.00
Plats: Länsstyrelsen, Örebro

Närvarande:
Anna Andersson, Kumla kommun
Bertil Berg, Region Örebro län
Cecilia Carlsson, Nora kommun

1. Mötets öppnande
Ordföranden öppnade mötet.

2. Handlingsplan för suicidprevention
Beslut: Att anta handlingsplanen för suicidprevention.

3. Nästa möte
Nästa möte hålls 2025-05-16.
"""


def docx_bytes(text: str = MINUTES) -> bytes:
    from docx import Document

    document = Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def pdf_bytes(text: str = MINUTES) -> bytes:
    """A one-page PDF 1.4 whose text pypdf reads back line by line."""
    shown = b" ".join(pdf_literal(line) + b" '" for line in text.splitlines())
    return one_page_pdf(b"BT /F1 11 Tf 14 TL 50 800 Td " + shown + b" ET")


def pdf_literal(text: str) -> bytes:
    """A PDF string of `text` in WinAnsiEncoding (å, ä, ö and the en dash)."""
    raw = text.encode("cp1252")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def one_page_pdf(stream: bytes) -> bytes:
    """A one-page PDF 1.4 with this content stream, in Helvetica."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]"
        b" /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    return assemble_pdf(objects)


def assemble_pdf(objects: list[bytes]) -> bytes:
    """Objects 1..n (1 is the catalog), with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def lying_zip_bomb() -> bytes:
    """A .docx-shaped zip whose headers claim 1 KB for a part that inflates to 200 MB."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        archive.writestr("word/document.xml", b"<" + b"a" * (200 * 1024 * 1024))
    data = bytearray(buffer.getvalue())
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        start = 0
        while (start := data.find(signature, start)) != -1:
            struct.pack_into("<I", data, start + offset, 1024)  # uncompressed size
            start += 4
    return bytes(data)
