"""Cleanup of extracted minutes text: page furniture out, layout breaks joined,
markup made plain, and the writer's words left as they were."""

from __future__ import annotations

from pathlib import Path

import pytest

from storage.parsing.markup import html_to_text, strip_bold
from storage.parsing.text import clean_text, join_hyphenated_lines, split_paragraphs

MINUTES = Path(__file__).resolve().parents[3] / "shared" / "minutes"
FILES = {
    "2022": "000_5f027efdf8c98c30.txt",
    "2023": "001_1c564d616379409f.txt",
    "2024": "002_fbd02d15cc9e81b2.txt",
    "2020": "003_2e629cbed23816f9.txt",
    "2026": "004_68d86e17edf38360.txt",
}

HEADER = (
    "Chefsgrupp för samverkan social välfärd samt vård och omsorg\n\n"
    "Tjänsteställe\nFörvaltningen för Regional\nutveckling\n\n"
    "Sekreterare\nLinnea Hed-\nkvist"
)
HEADER_REWRAPPED = HEADER.replace("vård och omsorg", "vård\noch omsorg")


def real(year: str) -> str:
    path = MINUTES / FILES[year]
    if not path.exists():
        pytest.skip(f"the real minutes are not at {MINUTES}")
    return path.read_text(encoding="utf-8")


# --- page headers ---------------------------------------------------------------------


def test_a_repeated_page_header_goes_but_what_it_tells_is_kept() -> None:
    text = "\n\n".join(
        [
            HEADER,
            "Protokoll",
            "1. Inledning",
            "Ordföranden hälsade välkomna.",
            HEADER_REWRAPPED,
            "2. Dagordning",
            "Dagordningen godkändes.",
            HEADER,
            "3. Avslut",
        ]
    )
    cleaned = clean_text(text)
    assert "Tjänsteställe" not in cleaned.text
    assert "Sekreterare" not in cleaned.text
    assert cleaned.text.startswith("Protokoll\n\n1. Inledning")
    assert "Dagordningen godkändes.\n\n3. Avslut" in cleaned.text
    assert "Sekreterare\nLinnea Hedkvist" in cleaned.page_header
    assert any(p.startswith("Tjänsteställe") for p in cleaned.page_header)


def test_a_sentence_that_happens_to_repeat_is_content() -> None:
    text = "\n\n".join(
        [
            "Protokoll",
            "1. Föregående möte",
            "Protokollet lades till handlingarna.",
            "2. Rapporter",
            "Ingmar rapporterade om läget.",
            "3. Ekonomi",
            "Protokollet lades till handlingarna.",
        ]
    )
    cleaned = clean_text(text)
    assert cleaned.text.count("Protokollet lades till handlingarna.") == 2
    assert cleaned.page_header == ()


def test_page_numbers_are_not_content() -> None:
    text = "1. Inledning\n\nSida 1 (3)\n\nText.\n\n2 (3)\n\n2. Avslut\n\nSida 3 av 3"
    assert clean_text(text).text == "1. Inledning\n\nText.\n\n2. Avslut"


# --- footers --------------------------------------------------------------------------


def test_an_address_footer_in_capitals_goes_even_once() -> None:
    footer = (
        "POSTADRESS\n\nRegion Örebro län\nBox 1613\n701 16 Örebro\n\nBESÖKSADRESS\n\n"
        "Eklundavägen 2\nÖrebro\n\nTELEFON\n\n019-602 70 00\n\nORG.NR\n\n232100-0164\n\n"
        "PLUSGIRO\n\n122500-2\n\nE-POST regionen@regionorebrolan.se\n\n"
        "INTERNET www.regionorebrolan.se"
    )
    text = f"5. Rapport\n\nDet har varit ett möte.\n\n{footer}\n\nChefsgruppen har beslutat."
    cleaned = clean_text(text)
    assert cleaned.text == "5. Rapport\n\nDet har varit ett möte.\n\nChefsgruppen har beslutat."
    assert cleaned.removed_footers == 1


def test_a_letter_footer_that_cuts_a_paragraph_is_removed_and_the_paragraph_joined() -> None:
    text = (
        "Identifierade områden att arbeta\n\n"
        "Postadress\nRegion Örebro län\nRegional utveckling\nBox 1613, 701 16 Örebro\n"
        "E-post: regionen@regionorebrolan.se\n\n"
        "Besöksadress\nEklundavägen 1, Örebro\nTel: 019-602 70 00\n"
        "Organisationsnummer: 232100-0164\n\n"
        "vidare med är strategisk samverkansledning."
    )
    assert clean_text(text).text == (
        "Identifierade områden att arbeta vidare med är strategisk samverkansledning."
    )


def test_a_sentence_about_the_internet_is_not_a_footer() -> None:
    text = "Internet är en viktig kanal för information till invånarna.\n\nTelefon: 019-12 34 56"
    assert clean_text(text).text == text


# --- layout breaks --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "joined"),
    [
        ("Linnea Hed-\nkvist", "Linnea Hedkvist"),
        ("driv och energi i grup-\npen", "driv och energi i gruppen"),
        ("bi-\ndra i större frågor", "bidra i större frågor"),
        ("hälso-\noch sjukvård", "hälso- och sjukvård"),
        ("vård-\neller omsorgsboende", "vård- eller omsorgsboende"),
        ("Marie-\nLouise Forsberg-\nFransson", "Marie-Louise Forsberg-Fransson"),
        ("ett HSL-\nbeslut", "ett HSL-beslut"),
        ("åren 2017-\n2022", "åren 2017-2022"),
        ("Nära vård-arbetet och Nära vård-\narbetet", "Nära vård-arbetet och Nära vård-arbetet"),
    ],
)
def test_words_hyphenated_at_line_ends(text: str, joined: str) -> None:
    assert join_hyphenated_lines(text) == joined


def test_a_paragraph_cut_by_a_page_header_is_joined() -> None:
    text = "\n\n".join(
        [
            HEADER,
            "6. Nära vård",
            "För vuxna är psykisk ohälsa och hjärt- kärl-",
            HEADER,
            "sjukdomar vanliga sökorsaker på vårdcentral.",
            "Arbetet sker i samverkan med politiska",
            HEADER_REWRAPPED,
            "beredningar.",
        ]
    )
    assert clean_text(text).text == (
        "6. Nära vård\n\n"
        "För vuxna är psykisk ohälsa och hjärt- kärlsjukdomar vanliga sökorsaker på vårdcentral."
        "\n\nArbetet sker i samverkan med politiska beredningar."
    )


def test_lowercase_list_items_and_finished_sentences_are_not_joined() -> None:
    text = "Förslag:\n\na) Fördelning av medel\n\nb) Överskott\n\nDet är klart.\n\noch sedan"
    assert split_paragraphs(clean_text(text).text) == [
        "Förslag:",
        "a) Fördelning av medel",
        "b) Överskott",
        "Det är klart.",
        "och sedan",
    ]


# --- markup ---------------------------------------------------------------------------


def test_html_cells_become_paragraphs_with_the_row_kept() -> None:
    text = (
        "6.\t<p>Aktuellt inom områdena <i>Ingmar Ångman</i></p> <p>Det kommer en dag.</p>"
        " <p>Statsbudgeten&nbsp;presenterades &amp; diskuterades.</p>\n"
        "7.\t<p>Nästa punkt</p>"
    )
    assert html_to_text(text) == (
        "6.\tAktuellt inom områdena *Ingmar Ångman*\n\nDet kommer en dag.\n\n"
        "Statsbudgeten\xa0presenterades & diskuterades.\n7.\tNästa punkt"
    )


def test_a_continuation_row_keeps_its_cells() -> None:
    text = "\tJenny Jansson\t<p>Förslag att vänta.</p> <p>b) Se ppt.</p>"
    assert html_to_text(text) == "\tJenny Jansson\tFörslag att vänta.\n\nb) Se ppt."


def test_lists_tables_breaks_and_inline_markup() -> None:
    text = (
        "<p><b>Beslut</b>: att <em>godkänna</em></p><ul><li>Ett</li><li>Två</li></ul>"
        "<table><tr><td>Anna Ek</td><td>Kumla</td></tr><tr><td>Bo Ek</td><td>Nora</td></tr>"
        "</table><p>Rad ett<br>rad två <s>Struken</s></p>"
    )
    assert html_to_text(text) == (
        "Beslut: att *godkänna*\n\n- Ett\n- Två\n\nAnna Ek\tKumla\nBo Ek\tNora\n\n"
        "Rad ett\nrad två ~~Struken~~"
    )


def test_inline_bullets_become_list_lines() -> None:
    text = "<ul> • Vi behöver exempel. • Mer praktiskt. </ul>"
    assert clean_text(text).text == "- Vi behöver exempel.\n- Mer praktiskt."


def test_markdown_bold_goes_and_struck_names_stay() -> None:
    assert strip_bold("- **Egenvård**\n~~Haster Karin~~") == "- Egenvård\n~~Haster Karin~~"
    assert "~~Haster Karin~~" in clean_text("Närvarande:\n\n~~Haster Karin~~").text


def test_text_without_markup_is_left_alone() -> None:
    text = "Kostnaden är < 5 miljoner & ska följas upp."
    assert clean_text(text).text == text


@pytest.mark.parametrize("text", ["", "   \n\n\t", "<p></p>", "-\n-\n", "<<<>>>", "\x00\x01"])
def test_odd_input_does_not_raise(text: str) -> None:
    assert isinstance(clean_text(text).text, str)


# --- the real minutes -----------------------------------------------------------------


@pytest.mark.parametrize("year", ["2022", "2023"])
def test_real_page_headers_are_gone(year: str) -> None:
    cleaned = clean_text(real(year))
    assert "Tjänsteställe" not in cleaned.text
    assert "Sekreterare" not in cleaned.text
    assert cleaned.text.startswith("Protokoll Chefsgrupp för samverkan")
    secretary = {"2022": "Linnea Hedkvist", "2023": "Kristin Gustafsson"}[year]
    assert f"Sekreterare\n{secretary}" in cleaned.page_header


def test_real_2022_text_is_joined_across_pages() -> None:
    text = clean_text(real("2022")).text
    assert "hjärt- kärlsjukdomar vanliga sökorsaker" in text
    assert "samt politiska beredningar. Kartläggning" in text
    assert "driv och energi i gruppen." in text
    assert "Nära vård-arbetet" in text


@pytest.mark.parametrize("year", ["2024", "2020"])
def test_real_footers_are_gone(year: str) -> None:
    text = clean_text(real(year)).text
    for word in ("POSTADRESS", "Postadress", "TELEFAX", "Organisationsnummer", "Box 1613"):
        assert word not in text
    if year == "2020":
        assert "Identifierade områden att arbeta vidare med är strategisk" in text
    else:
        assert "skilja sig åt, ibland beroende på vem som arbetar." in text
        assert "*Ingmar Ångman*" in text
        assert "<p>" not in text and "<i>" not in text


def test_real_2026_table_keeps_its_tabs_and_struck_names() -> None:
    text = clean_text(real("2026")).text
    assert "\n1.\tInledning\tNärvaro\n" in text
    assert "\tJenny Jansson\tFörslag från hälso och sjukvårdens" in text
    assert "~~Haster Karin~~" in text


def test_a_decision_repeated_in_several_paragraphs_of_a_protocol_is_content() -> None:
    decision = "Beslut\n\nNämnden beslutar att lägga informationen till handlingarna."
    text = "\n\n".join(
        [
            "Socialnämnden",
            "§ 1 Ekonomi",
            "Rapport om ekonomin.",
            decision,
            "§ 2 Personal",
            "Rapport om personalen.",
            decision,
            "§ 3 Lokaler",
            "Rapport om lokalerna.",
            decision,
        ]
    )
    assert clean_text(text).text == text


def test_a_running_header_from_page_two_on_goes_when_it_recurs() -> None:
    running = "Socialnämnden\n\nSammanträdesprotokoll 2025-03-12"
    text = "\n\n".join(
        [
            "KOMMUNEN\n\nSammanträdesprotokoll",
            "§ 1 Ekonomi",
            "Rapport om ekonomin.",
            running,
            "§ 2 Personal",
            "Rapport om",
            running,
            "personalen.",
            running,
            "§ 3 Lokaler",
        ]
    )
    assert clean_text(text).text == (
        "KOMMUNEN\n\nSammanträdesprotokoll\n\n§ 1 Ekonomi\n\nRapport om ekonomin.\n\n"
        "§ 2 Personal\n\nRapport om personalen.\n\n§ 3 Lokaler"
    )


def test_a_heading_is_not_joined_with_a_lowercase_paragraph() -> None:
    text = "1. Inledning\n\nordföranden hälsade välkomna.\n\n§ 2 Budget\n\nbudgeten antogs."
    assert clean_text(text).text == text
