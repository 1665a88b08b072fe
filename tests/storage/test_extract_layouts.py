"""Tables out of Word and PDF files: a §-protocol's first page of labels and values,
a närvarolista, struck-through names; made on the spot with python-docx and a PDF
written by hand."""

from __future__ import annotations

import io
from pathlib import Path

from storage.extract import extract_text, layout_to_rows
from storage.parsing import parse_text
from storage.parsing.records import Role
from tests.faults.files import one_page_pdf, pdf_literal


def word_protocol() -> bytes:
    from docx import Document

    document = Document()
    document.add_paragraph("PROTOKOLL")
    document.add_paragraph("Socialnämnden i Karlskoga kommun")
    document.add_paragraph("Sammanträdesdatum 2026-10-21")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Beslutande"
    cell = table.cell(0, 1)
    cell.text = "Birgitta Hellkvist (S), ordförande"
    cell.add_paragraph("Anders Mörtberg (M)")  # one paragraph a name, as Word users write
    cell.add_paragraph("Emma Tjäder (S), tjänstgörande ersättare för Leila Haddad (V)")
    table.cell(1, 0).text = "Ersättare"
    table.cell(1, 1).text = "Rolf Backlund (L)"
    document.add_paragraph("Närvarande ersättare:")
    struck = document.add_paragraph()
    struck.add_run("Sanna Öberg (C)").font.strike = True
    document.add_paragraph("§ 112 Dnr SN 2026/45")
    document.add_paragraph("Verksamhetsplan för äldreomsorgen 2027")
    document.add_paragraph("Socialnämnden beslutar att fastställa verksamhetsplanen.")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_a_word_label_table_keeps_one_name_a_line() -> None:
    text = extract_text(Path("protokoll.docx"), word_protocol()).text
    assert "Beslutande\tBirgitta Hellkvist (S), ordförande\nAnders Mörtberg (M)\n" in text
    doc = parse_text(text)
    assert [(a.name, a.role, a.present) for a in doc.attendees] == [
        ("Birgitta Hellkvist", Role.CHAIR, True),
        ("Anders Mörtberg", Role.MEMBER, True),
        ("Emma Tjäder", Role.SERVING_SUBSTITUTE, True),
        ("Rolf Backlund", Role.SUBSTITUTE, True),
        ("Sanna Öberg", Role.SUBSTITUTE, False),  # struck through
        ("Leila Haddad", Role.MEMBER, False),
    ]
    assert [(i.number, i.title) for i in doc.items] == [
        ("§ 112", "Verksamhetsplan för äldreomsorgen 2027")
    ]


def placed_pdf(lines: list[tuple[int, int, str]]) -> bytes:
    """A one-page PDF with each text at (x, y), as a table's cells stand on a page."""
    return one_page_pdf(
        b" ".join(
            b"BT /F1 11 Tf 1 0 0 1 %d %d Tm " % (x, y) + pdf_literal(text) + b" Tj ET"
            for x, y, text in lines
        )
    )


def test_a_pdf_table_keeps_its_columns() -> None:
    pdf = placed_pdf(
        [
            (50, 800, "PROTOKOLL Socialnämnden i Karlskoga kommun 2026-10-21"),
            (50, 770, "Beslutande:"),
            (50, 750, "Namn"), (180, 750, "Parti"), (260, 750, "Funktion"), (420, 750, "Närvaro"),
            (50, 730, "Birgitta Hellkvist"), (180, 730, "S"), (260, 730, "Ordförande"),
            (420, 730, "Närvarande"),
            (50, 710, "Leila Haddad"), (180, 710, "V"), (260, 710, "Ledamot"),
            (420, 710, "Frånvarande"),
            (50, 690, "Emma Tjäder"), (180, 690, "S"), (260, 690, "Tjänstgörande"),
            (420, 690, "Närvarande"),
            (260, 676, "ersättare"),
            (50, 640, "§ 112 Verksamhetsplan för äldreomsorgen"),
        ]
    )  # fmt: skip
    text = extract_text(Path("protokoll.pdf"), pdf).text
    assert "Namn\tParti\tFunktion\tNärvaro" in text
    assert "Emma Tjäder\tS\tTjänstgörande ersättare\tNärvarande" in text
    doc = parse_text(text)
    assert [(a.name, a.role, a.present, a.party) for a in doc.attendees] == [
        ("Birgitta Hellkvist", Role.CHAIR, True, "(S)"),
        ("Leila Haddad", Role.MEMBER, False, "(V)"),
        ("Emma Tjäder", Role.SERVING_SUBSTITUTE, True, "(S)"),
    ]


def test_layout_rows_join_a_label_cells_wrapped_lines() -> None:
    laid_out = (
        "Plats och tid       Kommunhuset, sammanträdesrum\n"
        "                    Sydnärke, kl. 08.30–11.40\n"
        "\n"
        "Beslutande          Gunnel Vretlund (S), tjänstgörande\n"
        "                    ersättare för Rune Falk (S)\n"
        "                    Mona Eklöv (M)\n"
        "\n"
        "Running text with  two spaces stays as it is.\n"
    )
    assert layout_to_rows(laid_out) == (
        "Plats och tid\tKommunhuset, sammanträdesrum\nSydnärke, kl. 08.30–11.40\n"
        "\n"
        "Beslutande\tGunnel Vretlund (S), tjänstgörande ersättare för Rune Falk (S)\n"
        "Mona Eklöv (M)\n"
        "\n"
        "Running text with  two spaces stays as it is.\n"
    )


def test_word_columns_of_members_and_substitutes_a_name_a_paragraph() -> None:
    from docx import Document

    document = Document()
    document.add_paragraph("Protokoll Samverkansnämnden Bergslagen 2026-10-08")
    document.add_paragraph("Närvarande:")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Ledamöter", "Ersättare"
    members, substitutes = table.cell(1, 0), table.cell(1, 1)
    members.text, substitutes.text = "Tove Grönqvist (S)", "Elias Marmström (S)"
    members.add_paragraph("Kjell Råberg (M)")
    substitutes.add_paragraph("Ulrika Fjällström (M)")
    buffer = io.BytesIO()
    document.save(buffer)
    text = extract_text(Path("protokoll.docx"), buffer.getvalue()).text
    doc = parse_text(text + "\n\n§ 1 Information\n\nInformation lämnades.\n")
    assert [(a.name, a.role) for a in doc.attendees] == [
        ("Tove Grönqvist", Role.MEMBER),
        ("Elias Marmström", Role.SUBSTITUTE),
        ("Kjell Råberg", Role.MEMBER),
        ("Ulrika Fjällström", Role.SUBSTITUTE),
    ]
