"""Agenda items in every layout minutes use: numbered paragraphs, one-line
table rows, §-protocols, markdown; titles split from presenters and text;
sub-headings inside items."""

from __future__ import annotations

import pytest

from storage.parsing.items import parse_items, split_items
from storage.parsing.presenters import KnownPeople, parse_names, presenters_in, split_title
from storage.parsing.records import AgendaItem

NOBODY = KnownPeople()


def items_of(text: str, people: KnownPeople = NOBODY) -> list[AgendaItem]:
    return parse_items(text.split("\n"), people)


def heads(items: list[AgendaItem]) -> list[tuple[str, str | None, str, tuple[str, ...]]]:
    return [(i.number, i.parent, i.title, i.presenters) for i in items]


# --- numbered paragraphs --------------------------------------------------------------


def test_numbered_paragraphs_with_presenters_in_the_titles() -> None:
    text = (
        "Närvarande:\nAnna Ek\n\n"
        "1. Inledning\n\nOrdföranden hälsade välkomna.\n\n"
        "2. Rapport från AU, Ingmar Ångman\n\nInget nytt.\n\n"
        "3. Samverkan, Fredrik Welander och Jan Sundelius\n\nDiskussion.\n\n"
        "4. Psykiatrin, Johan Molin, utvecklingsledare i psykiatrin och Åsa Kindahl, "
        "verksamhetschef inom öppenvården\n\nJohan har gjort en kartläggning. Åsa presenterar "
        "SPOT.\n\nÅsa presenterar SPOT.\n\n"
        "5. Gängkriminalitet, Sara Rosengren frivård i Örebro, Johanna Johansson kommunpolis\n\n"
        "Text."
    )
    assert heads(items_of(text)) == [
        ("1", None, "Inledning", ()),
        ("2", None, "Rapport från AU", ("Ingmar Ångman",)),
        ("3", None, "Samverkan", ("Fredrik Welander", "Jan Sundelius")),
        ("4", None, "Psykiatrin", ("Johan Molin", "Åsa Kindahl")),
        ("5", None, "Gängkriminalitet", ("Sara Rosengren", "Johanna Johansson")),
    ]
    assert items_of(text)[0].text == "Ordföranden hälsade välkomna."


def test_the_preface_is_what_comes_before_the_first_item() -> None:
    split = split_items(["Protokoll", "", "Närvarande:", "Anna Ek", "", "1. Inledning"])
    assert split.preface == ["Protokoll", "", "Närvarande:", "Anna Ek", ""]
    assert [i.number for i in split.items] == ["1"]


def test_a_numbered_list_inside_an_item_is_content() -> None:
    text = (
        "5. Rapport\n\nText.\n\n6. Nära vård\n\nTre strategier:\n\n1. Strategi för hälsa\n"
        "2. Psykisk hälsa\n3. Nära vård\n\n7. Samverkan\n\nText."
    )
    items = items_of(text)
    assert [i.number for i in items] == ["5", "6", "7"]
    assert "1. Strategi för hälsa\n2. Psykisk hälsa" in items[1].text


def test_an_agenda_listed_before_the_items_is_not_taken_for_them() -> None:
    text = (
        "Dagordning\n\n1. Inledning\n2. Budget\n3. Övrigt\n\n"
        "1. Inledning\n\nOrdföranden öppnade mötet.\n\n2. Budget\n\nBudgeten antogs.\n\n"
        "3. Övrigt\n\nInget."
    )
    split = split_items(text.split("\n"))
    assert [(i.number, i.heading) for i in split.items] == [
        ("1", "Inledning"),
        ("2", "Budget"),
        ("3", "Övrigt"),
    ]
    assert items_of(text)[1].text == "Budgeten antogs."


def test_one_skipped_number_is_tolerated_when_the_heading_stands_alone() -> None:
    text = "1. Inledning\n\nText.\n\n3. Budget\n\nText.\n\n9. Ett mål\n\nText."
    assert [i.number for i in items_of(text)] == ["1", "3"]


def test_sub_points_follow_their_item() -> None:
    text = (
        "7. Ekonomi\n\nText.\n\n7.1 Budget\n\nBudgeten antogs.\n\n7.2 Prognos\n\nText.\n\n8. Avslut"
    )
    assert heads(items_of(text)) == [
        ("7", None, "Ekonomi", ()),
        ("7.1", "7", "Budget", ()),
        ("7.2", "7", "Prognos", ()),
        ("8", None, "Avslut", ()),
    ]


def test_clock_times_are_not_sub_points() -> None:
    text = "8. Program\n\n8.30 Registrering\n9.00 Start\n\n9. Avslut"
    assert [i.number for i in items_of(text)] == ["8", "9"]


# --- table rows -----------------------------------------------------------------------


def test_one_line_rows_split_title_from_text() -> None:
    text = (
        "1.\tMötet öppnas och justerare utses, Bechet öppnar mötet och hälsar välkomna.\n"
        "2.\tFastställande av dagordning Dagordningen fastställs.\n"
        "3.\tVal av justerare Siw Lunander, Hallsbergs kommun.\n"
        "4.\tFöregående möte och protokoll *Se tidigare anteckningar Länk* Protokollet "
        "lades till handlingarna.\n"
        "5.\tRapport från chefsgrupperna, *Se anteckningar* Ingmar Ångman informerar. I juni "
        "hade vi ett möte.\n"
        "6.\tAktuellt inom områdena *Ingmar Ångman*\n\nDet kommer en uppföljningsdag.\n"
        "7.\tKvalitativ rapport *Maria Lindborg och Anna Swift Johannison. Presentationen "
        "skickas med.*\n\nText.\n"
        "12.\tÖvriga frågor Inga övriga frågor.\n"
        "13.\tRapport från Region Örebro län Regionen har beslutat om budget.\n"
        "14.\tAvslut Behcet tackar deltagarna för mötet. Mötet avslutas."
    )
    text = text.replace("12.", "8.").replace("13.", "9.").replace("14.", "10.")
    items = items_of(text)
    assert [(i.title, i.presenters, i.text) for i in items] == [
        ("Mötet öppnas och justerare utses", (), "Bechet öppnar mötet och hälsar välkomna."),
        ("Fastställande av dagordning", (), "Dagordningen fastställs."),
        ("Val av justerare", (), "Siw Lunander, Hallsbergs kommun."),
        (
            "Föregående möte och protokoll",
            (),
            "Se tidigare anteckningar Länk\nProtokollet lades till handlingarna.",
        ),
        (
            "Rapport från chefsgrupperna",
            ("Ingmar Ångman",),
            "Se anteckningar\nIngmar Ångman informerar. I juni hade vi ett möte.",
        ),
        ("Aktuellt inom områdena", ("Ingmar Ångman",), "Det kommer en uppföljningsdag."),
        (
            "Kvalitativ rapport",
            ("Maria Lindborg", "Anna Swift Johannison"),
            "Presentationen skickas med.\n\nText.",
        ),
        ("Övriga frågor", (), "Inga övriga frågor."),
        ("Rapport från Region Örebro län", (), "Regionen har beslutat om budget."),
        ("Avslut", (), "Behcet tackar deltagarna för mötet. Mötet avslutas."),
    ]


def test_tab_table_with_presenter_column_and_continuation_rows() -> None:
    people = KnownPeople.from_names(
        ["Joakim Frögren", "Fredrik Bergström", "Jaana Jansson", "Carina Persson"]
    )
    text = (
        "\tMinnes- anteckningar\tDelpunkter\n"
        "1.\tInledning\tNärvaro\n\n\n"
        "5.\tRapport från länsdelsgrupperna Fredrik, Stefan, Marie-Louise, Jaana\tVäster: Tema.\n"
        "6.\tPsykisk hälsa Maria Belik, Johanna Bernström Höglblom\ta) Fördelning av medel.\n\n"
        "\tJenny Jansson\tFörslag att inte fatta beslut.\n\nb) Överskott av medel.\n"
        "7.\tRiktlinje till kommunal primärvård Ammi Gustafsson, Jan Sundelius Fredrik Svensson"
        "\tÖnskar beslut.\n\n\t\tLänk finns till blogg.\n"
        "8\tUppföljning av nätverk Joakim Frögren\tRapport av enkät.\n"
        "9\tLiv och hälsa ung\tResultat.\n\n\tCarina Persson\tGenomförd våren 2026.\n"
        "10\tMötets avslutning\t"
    )
    text = text.replace("5.\t", "2.\t").replace("6.\t", "3.\t").replace("7.\t", "4.\t")
    text = text.replace("8\t", "5\t").replace("9\t", "6\t").replace("10\t", "7\t")
    split = split_items(text.split("\n"))
    assert split.preface == ["\tMinnes- anteckningar\tDelpunkter"]
    items = parse_items(text.split("\n"), people)
    assert heads(items) == [
        ("1", None, "Inledning", ()),
        (
            "2",
            None,
            "Rapport från länsdelsgrupperna",
            ("Fredrik", "Stefan", "Marie-Louise", "Jaana"),
        ),
        (
            "3",
            None,
            "Psykisk hälsa",
            ("Maria Belik", "Johanna Bernström Höglblom", "Jenny Jansson"),
        ),
        (
            "4",
            None,
            "Riktlinje till kommunal primärvård",
            ("Ammi Gustafsson", "Jan Sundelius", "Fredrik Svensson"),
        ),
        ("5", None, "Uppföljning av nätverk", ("Joakim Frögren",)),
        ("6", None, "Liv och hälsa ung", ("Carina Persson",)),
        ("7", None, "Mötets avslutning", ()),
    ]
    assert items[0].text == "Närvaro"
    assert items[2].text == (
        "a) Fördelning av medel.\n\nFörslag att inte fatta beslut.\n\nb) Överskott av medel."
    )
    assert items[3].text == "Önskar beslut.\n\nLänk finns till blogg."
    assert items[5].text == "Resultat.\n\nGenomförd våren 2026."


def test_a_name_after_a_title_needs_to_be_known_or_one_of_several() -> None:
    assert split_title("Rapport från Maria Ungdom", NOBODY) == ("Rapport från Maria Ungdom", ())
    people = KnownPeople.from_names(["Maria Ungdom"])
    assert split_title("Rapport från Maria Ungdom", people) == ("Rapport från", ("Maria Ungdom",))
    assert split_title("Information om Nora, Karlskoga och Örebro", NOBODY)[1] == ()
    assert split_title("Forum 2.0 – samverkan, Ingmar Ångman", NOBODY) == (
        "Forum 2.0 – samverkan",
        ("Ingmar Ångman",),
    )
    assert split_title("E-hälsa; stöd i samverkan, Ingmar Ångman ersätter Karin Brage", NOBODY) == (
        "E-hälsa; stöd i samverkan",
        ("Ingmar Ångman",),
    )


# --- § protocols and markdown ---------------------------------------------------------


def test_paragraph_numbered_protocol() -> None:
    text = (
        "Justerare: Bertil Berg\n\n§ 12 Val av justerare\n\nBertil Berg utses.\n\n"
        "§13. Budgetuppföljning\n\nGun Gustavsson redogjorde för läget.\n\nBeslut\n"
        "Nämnden beslutar att godkänna uppföljningen.\n\n§ 14\nSammanträdestider 2026\n\n"
        "Nämnden sammanträder 10 september.\n\n1. Ett\n2. Två"
    )
    items = items_of(text)
    assert heads(items) == [
        ("§ 12", None, "Val av justerare", ()),
        ("§ 13", None, "Budgetuppföljning", ("Gun Gustavsson",)),
        ("§ 14", None, "Sammanträdestider 2026", ()),
    ]
    assert items[2].text == "Nämnden sammanträder 10 september.\n\n1. Ett\n2. Två"


def test_markdown_headings() -> None:
    text = (
        "# Minnesanteckningar\n\n## 1. Inledning\n\nVälkomna.\n\n## 2. Läget i länsdelarna\n\n"
        "### Söder\n\nArbetet fortsätter.\n\n### Norr\n\nNy samverkansledare.\n\n## 3. Övrigt"
    )
    assert heads(items_of(text)) == [
        ("1", None, "Inledning", ()),
        ("2", None, "Läget i länsdelarna", ()),
        ("", "2", "Söder", ()),
        ("", "2", "Norr", ()),
        ("3", None, "Övrigt", ()),
    ]


def test_unnumbered_markdown_headings_are_items_below_the_title() -> None:
    text = "# Anteckningar\n\n## Budget\n\nBudgeten antogs.\n\n## Övrigt\n\nInget."
    assert [(i.number, i.title, i.text) for i in items_of(text)] == [
        ("", "Budget", "Budgeten antogs."),
        ("", "Övrigt", "Inget."),
    ]


# --- sub-headings ---------------------------------------------------------------------


def test_sub_headings_followed_by_a_presenter_or_a_paragraph() -> None:
    text = (
        "7. Samverkansorganisationen – avstämning\n\n"
        "Fokusgrupperna – bemanning och uppstart\n\nJohanna Carlsson föredrog ärendet\n\n"
        "Arbetet drog igång för ett år sedan.\n\n"
        "Chefsgruppen ställde sig bakom att arbeta vidare med bemanningen.\n\n"
        "Länsdelsnivåns funktion – hur vill vi vidareutveckla den?\n\n"
        "Ingmar Ångman föredrog ärendet\n\nBakgrunden presenterades.\n\n"
        "Val av AU för 2023\n\n"
        "Samtliga länsdelar uppmanades att välja en representant till arbetsutskottet.\n\n"
        "8. Nästa punkt"
    )
    items = items_of(text)
    assert heads(items) == [
        ("7", None, "Samverkansorganisationen – avstämning", ()),
        ("", "7", "Fokusgrupperna – bemanning och uppstart", ("Johanna Carlsson",)),
        ("", "7", "Länsdelsnivåns funktion – hur vill vi vidareutveckla den?", ("Ingmar Ångman",)),
        ("", "7", "Val av AU för 2023", ()),
        ("8", None, "Nästa punkt", ()),
    ]
    assert items[0].text == ""
    assert items[1].text.endswith(
        "Chefsgruppen ställde sig bakom att arbeta vidare med bemanningen."
    )


def test_lists_questions_and_sentences_are_not_sub_headings() -> None:
    text = (
        "13. Kort utvärdering\n\nEn kort utvärdering genomfördes.\n\n"
        "Synpunkter på de två dagarna\n\nVärdefullt att lära känna varandra\n\n"
        "Stor kunskap i gruppen\n\nSpännande och inspirerande möte\n\n"
        "Arbetet håller på att forma sig till ett annorlunda sätt, det kommer att gå\n"
        "bra i framtiden\n\n"
        "Vad ska bort?\n\n- AU E-hälsa\n- Styrgrupp psykisk hälsa\n\n"
        "Hur ska deltagare nomineras och utses?\n\n"
        "Det behöver diskuteras vidare i chefsgruppen under hösten.\n\n"
        "Chefsgruppen beslutade att anta uppdragsbeskrivningen\n\n"
        "Uppdraget gäller från och med januari och följs upp under året.\n\n"
        "Målgrupperna är:\n\n- Barn och unga\n\n"
        "Linnea Hedkvist\n\nUtvecklingsledare folkhälsa"
    )
    assert heads(items_of(text)) == [("13", None, "Kort utvärdering", ())]


def test_presenters_named_in_the_text() -> None:
    lines = [
        "Malin Duckert Ek och Jan Sundelius föredrog ärendet.",
        "Johanna Häll, Gun Loiske och Ida Broman informerade om arbetet.",
        "Perola Sundin föredrog ärendet, se bilder",
        "Smittskydd informerar till kommuner och region.",
        "Örebro kommun ansöker hos Vinnova.",
    ]
    assert presenters_in(lines, NOBODY) == (
        "Malin Duckert Ek",
        "Jan Sundelius",
        "Johanna Häll",
        "Gun Loiske",
        "Ida Broman",
        "Perola Sundin",
    )


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Maria Lindborg och Malin Duckert Ek", ("Maria Lindborg", "Malin Duckert Ek")),
        ("Fredrik, Stefan, Marie-Louise, Jaana", ("Fredrik", "Stefan", "Marie-Louise", "Jaana")),
        ("Jan Sundelius Fredrik Svensson", ("Jan Sundelius", "Fredrik Svensson")),
        ("Anna-Karin Nysten & Bo Ek", ("Anna-Karin Nysten", "Bo Ek")),
        ("Jari (Lindesbergs kommun)", ("Jari",)),
        ("Regionen", None),
        ("Nära vård", None),
        ("Kumla och Nora", None),
        ("AU", None),
    ],
)
def test_name_lists(text: str, names: tuple[str, ...] | None) -> None:
    assert parse_names(text, NOBODY) == names


@pytest.mark.parametrize("text", ["", "\n\n", "1.", "§", "1.\t", "\t\t", "# ", "1. \n2. \n"])
def test_odd_input_does_not_raise(text: str) -> None:
    assert isinstance(items_of(text), list)


def test_a_number_alone_takes_the_next_line_as_title() -> None:
    text = "1.\nInledning:\n\nVälkomna.\n\n2.\n\nBudget\n\nBudgeten antogs."
    assert [(i.number, i.title, i.text) for i in items_of(text)] == [
        ("1", "Inledning", "Välkomna."),
        ("2", "Budget", "Budgeten antogs."),
    ]


def test_the_fixed_parts_of_a_paragraph_protocol_are_not_sub_headings() -> None:
    text = (
        "§ 5 Budget 2026\n\nÄrendebeskrivning\n\nFörvaltningen har tagit fram ett förslag till "
        "budget för nästa år.\n\nBeslut\n\nNämnden beslutar att anta förslaget till budget för "
        "år 2026 enligt bilaga."
    )
    items = items_of(text)
    assert heads(items) == [("§ 5", None, "Budget 2026", ())]
    assert items[0].text.endswith(
        "Beslut\n\nNämnden beslutar att anta förslaget till budget för år 2026 enligt bilaga."
    )
