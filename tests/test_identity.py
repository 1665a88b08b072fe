"""One person, many spellings: names across the minutes."""

from __future__ import annotations

import pytest

from storage.identity import PersonResolver, person_key, same_person

VARIANTS = [
    ("Lena Adolfsson", "Lena Adolffsson"),
    ("Karolina Strid", "Karolina Stridh"),
    ("Karolina Strid", "Stridh Karolina"),
    ("Daniel Åhnberg", "Daniel Ahnberg"),
    ("Jari Mehtalainen", "Jari Mehtäläinen"),
    ("Ångman Ingmar", "Ingmar Ångman"),
    ("Siw Lunader", "Siw Lunander"),
    ("Bechet Barsom", "Behcet Barsom"),
    ("Linnéa Hedkvist", "Linnea Hedkvist"),
    ("Linnea Hed-\nkvist", "Linnea Hedkvist"),
    ("Lise Bergman Nordgren", "Lise Bergman Norgren"),
    ("Bergman Nordgren Lise", "Lise Bergman Norgren"),
    ("Marie-Louise Forsberg Fransson", "Marie-Louise Forsberg-Fransson"),
    ("Johanna Bernström Höglom", "Johanna Bernström Höglblom"),
    ("Bernström Höglom Johanna", "Johanna Bernström Höglblom"),
    ("Katrinn Larsson", "Katrin Larsson"),
    ("Anna-Karin Nysten", "Anna Karin Nysten"),
    ("Barsom Bechet", "Bechet Barsom"),  # neither word known as a first name
]

DIFFERENT = [
    ("Madde Gustafsson", "Ann-Mari Gustafsson"),
    ("Madde Gustafsson", "Kristin Gustafsson"),
    ("Kristin Gustafsson", "Gustafsson Ammi"),
    ("Ann-Mari Gustafsson", "Ammi Gustafsson"),
    ("Anna Karlsson", "Eva Karlsson"),
    ("Jaana Jansson", "Alexander Jansson"),
    ("Eva Persson", "Persson Carina"),
    ("Karin Haster", "Katrin Eriksson"),
    ("Karin Eriksson", "Katrin Eriksson"),  # a changed letter is another name
    ("Maria Lindborg", "Marie Lindborg"),
    ("Anna Jansson", "Anna Hansson"),  # surnames differ in the first letter
    ("Anna Lind", "Anna Lund"),
    ("Johanna Carlsson", "Johanna Karlsson"),
    ("Madelene Maxe", "Madelene Johanson"),
    ("Madde Gustafsson", "Madelene Gustafsson"),  # short forms are not guessed
    ("Malin Ek", "Malin Duckert Ek"),
    ("Ingmar", "Ingmar Ångman"),
]


@pytest.mark.parametrize(("a", "b"), VARIANTS)
def test_spelling_variants_are_one_person(a: str, b: str) -> None:
    assert same_person(a, b)
    assert same_person(b, a)


@pytest.mark.parametrize(("a", "b"), DIFFERENT)
def test_people_sharing_a_name_part_stay_apart(a: str, b: str) -> None:
    assert not same_person(a, b)
    assert not same_person(b, a)


def test_person_key_folds_accents_order_and_hyphens() -> None:
    assert person_key("Mehtäläinen Jari") == "jari mehtalainen"
    assert person_key("Daniel Åhnberg") == person_key("daniel ahnberg")
    assert person_key("Marie-Louise Forsberg-Fransson") == "marie louise forsberg fransson"
    assert person_key("Daniel Ahnberg (daniel.ahnberg@hellefors.se)") == "daniel ahnberg"
    assert person_key("Lena Adolfsson") != person_key("Lena Adolffsson")


# Attendees of the five minutes in the order the documents meet them (2020 first),
# then names from their running text.
NAMES_OVER_THE_YEARS = [
    "Ingmar Ångman", "Linnea Hedkvist", "Margareta Johansson", "Lena Adolfsson",
    "Karolina Strid", "Lise Bergman Nordgren", "Daniel Åhnberg", "Madde Gustafsson",
    "Ann-Mari Gustafsson", "Marie-Louise Forsberg Fransson", "Jaana Jansson",
    "Lena Adolffsson", "Kristin Gustafsson", "Eva Persson", "Bechet Barsom",
    "Siw Lunader", "Jari Mehtalainen", "Jari Mehtäläinen", "Anna Karlsson",
    "Eva Karlsson", "Ångman Ingmar", "Bergman Nordgren Lise", "Daniel Ahnberg",
    "Alexander Jansson", "Marie-Louise Forsberg-Fransson", "Stridh Karolina",
    "Gustafsson Ammi", "Persson Carina", "Bernström Höglom Johanna",
    "Siw Lunander", "Behcet Barsom", "Linnéa Hedkvist", "Lise Bergman Norgren",
    "Johanna Bernström Höglblom", "Karolina Stridh",
]  # fmt: skip


def test_resolver_keeps_the_first_spelling_for_each_person() -> None:
    people = PersonResolver()
    resolved = {name: people.resolve(name) for name in NAMES_OVER_THE_YEARS}
    assert resolved["Lena Adolffsson"] == "Lena Adolfsson"
    assert resolved["Stridh Karolina"] == "Karolina Strid"
    assert resolved["Karolina Stridh"] == "Karolina Strid"
    assert resolved["Daniel Ahnberg"] == "Daniel Åhnberg"
    assert resolved["Jari Mehtäläinen"] == "Jari Mehtalainen"
    assert resolved["Ångman Ingmar"] == "Ingmar Ångman"
    assert resolved["Siw Lunander"] == "Siw Lunader"
    assert resolved["Behcet Barsom"] == "Bechet Barsom"
    assert resolved["Linnéa Hedkvist"] == "Linnea Hedkvist"
    assert resolved["Lise Bergman Norgren"] == "Lise Bergman Nordgren"
    assert resolved["Bergman Nordgren Lise"] == "Lise Bergman Nordgren"
    assert resolved["Marie-Louise Forsberg-Fransson"] == "Marie-Louise Forsberg Fransson"
    assert resolved["Johanna Bernström Höglblom"] == "Johanna Bernström Höglom"
    assert people.names == (
        "Ingmar Ångman", "Linnea Hedkvist", "Margareta Johansson", "Lena Adolfsson",
        "Karolina Strid", "Lise Bergman Nordgren", "Daniel Åhnberg", "Madde Gustafsson",
        "Ann-Mari Gustafsson", "Marie-Louise Forsberg Fransson", "Jaana Jansson",
        "Kristin Gustafsson", "Eva Persson", "Bechet Barsom", "Siw Lunader",
        "Jari Mehtalainen", "Anna Karlsson", "Eva Karlsson", "Alexander Jansson",
        "Ammi Gustafsson", "Carina Persson", "Johanna Bernström Höglom",
    )  # fmt: skip
    assert people.spellings("Karolina Strid") == ("Karolina Strid", "Karolina Stridh")


def test_resolver_seeded_with_preferred_spellings() -> None:
    people = PersonResolver(["Siw Lunander", "Daniel Åhnberg"])
    assert people.resolve("Siw Lunader") == "Siw Lunander"
    assert people.resolve("Ahnberg Daniel") == "Daniel Åhnberg"
    assert "Daniel Ahnberg" in people
    assert "Anna Ek" not in people
    assert people.resolve("Anna Ek") == "Anna Ek"
    assert "Anna Ek" in people


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Anna Berg Lind", "Anna Berg Lund"),
        ("Anna Andersson Berg", "Anna Andersson Borg"),
        ("Anna Berg Lind", "Anna Borg Lund"),
    ],
)
def test_double_surnames_differing_by_a_changed_letter_stay_apart(a: str, b: str) -> None:
    assert not same_person(a, b)
