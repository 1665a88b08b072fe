"""Who someone is, over the real minutes: presenters named only in agenda headings
(001, items 9, 10 and 12), first names alone, and the items a person presented."""

from __future__ import annotations

from bot.assistant import Assistant
from tests.answering.conftest import Ask
from tests.storage.test_sessions import statements_run

PSYKIATRIN = "9. Psykiatrin, Nära vårdomställning"


def test_a_presenter_on_no_list_is_found_and_described_as_one(ask: Ask) -> None:
    answer = ask("vem är Åsa Kindahl")
    assert answer.intent == "person" and answer.found
    assert answer.text.startswith("Åsa Kindahl står inte i någon deltagarlista, men föredrog")
    assert "organisation anges inte" in answer.text
    assert "fredag 8 september 2023" in answer.text and PSYKIATRIN in answer.text
    assert "(med Johan Molin)" in answer.text
    assert not answer.people  # no organisation or role is invented
    assert [(s.meeting_date, s.item) for s in answer.sources] == [("2023-09-08", "9")]


def test_each_presenter_of_the_headings_is_found(ask: Ask) -> None:
    for name, item in (("Johan Molin", PSYKIATRIN), ("Sara Rosengren", "10. Gängkriminalitet")):
        answer = ask(f"vem är {name}?")
        assert answer.found and item in answer.text, name
    english = ask("who is Sara Rosengren?")
    assert english.text.startswith("Sara Rosengren is in no attendance list, but presented")


def test_a_misspelt_presenter_is_found(ask: Ask) -> None:
    answer = ask("vem är Asa Kindal")
    assert answer.text.startswith("Åsa Kindahl står inte i någon deltagarlista")


def test_what_a_presenter_on_no_list_presented(ask: Ask) -> None:
    answer = ask("vad presenterade Ulrika Westerling")
    assert answer.intent == "agenda" and answer.found
    assert answer.text.splitlines() == [
        "Ulrika Westerling föredrog:",
        "• Chefsgrupp för samverkan social välfärd samt vård och omsorg fredag 8 september"
        " 2023: 12. Utredning kognitiv svikt",
    ]


def test_a_profile_names_the_items_the_person_presented(ask: Ask) -> None:
    answer = ask("vem är Jan Sundelius?")
    assert answer.text.startswith("Jan Sundelius: Region Örebro län.")
    lines = answer.text.splitlines()
    assert lines[1] == "Föredrog (7 punkter):"
    # newest meeting first: 004 (29 May 2026), items 7 and 8
    assert lines[2].startswith("• Chefsgrupp för samverkan social välfärd samt vård och omsorg")
    assert "fredag 29 maj 2026: 7. Riktlinje öppen specialiserad vård" in lines[2]
    assert "…" in answer.text and "vad föredrog Jan Sundelius?" in answer.text
    assert ("2026-05-29", "7") in {(s.meeting_date, s.item) for s in answer.sources}


def test_a_first_name_one_person_has_is_that_person(ask: Ask) -> None:
    full = ask("vem är Ingmar Ångman?").text
    assert full.startswith("Ingmar Ångman: Region Örebro län.")
    for question in ("vem är Ingmar", "Ingmar", "vad gör Ingmar", "vem är ingmar?"):
        assert ask(question).text == full, question
    assert ask("who is Ingmar?").text.startswith("Ingmar Ångman: Region Örebro län. Groups:")


def test_a_first_name_of_someone_at_three_meetings(ask: Ask) -> None:
    answer = ask("Panagiota")
    assert answer.intent == "person"
    assert answer.text.startswith("Panagiota Lazarido: Region Örebro län.")
    assert "Senast i protokollen fredag 20 september 2024" in answer.text


def test_a_first_name_several_have_asks_which_one(ask: Ask) -> None:
    for question in ("vem är Jan", "vem är jan?"):
        answer = ask(question)
        assert answer.text == (
            "Flera personer i protokollen heter Jan: Jan Sundelius (Region Örebro län) och "
            "Jan Engman (Kumla kommun). Vilken av dem menar du?"
        ), question
        assert {p.name for p in answer.people} == {"Jan Sundelius", "Jan Engman"}
    english = ask("who is Jan?").text
    assert english.endswith("Which of them do you mean?")


def test_a_first_name_counts_presenters_on_no_list(ask: Ask) -> None:
    answer = ask("vem är Fredrik?")
    assert "Fredrik Welander (föredragande, på ingen deltagarlista)" in answer.text
    assert "Fredrik Svensson (Region Örebro län)" in answer.text
    assert answer.text.endswith("Vilken av dem menar du?")


def test_a_first_name_with_an_unknown_surname_is_not_everyone_of_that_name(ask: Ask) -> None:
    assert ask("vem är Anna Ek?").text == "Jag hittar ingen Anna Ek i protokollen."
    assert ask("vem är Jan Sundelis").text.startswith("Jan Sundelius: Region Örebro län.")


def test_jan_the_month_is_still_a_month(ask: Ask) -> None:
    answer = ask("möten i jan 2024")
    assert answer.intent == "meetings"


def test_a_profile_costs_no_more_statements(minutes_assistant: Assistant, ask: Ask) -> None:
    ask("vem är Jan Sundelius")  # the vocabulary and presenters, once per state of the store
    with statements_run(minutes_assistant.store) as seen:
        ask("vem är Jan Sundelius")
    # the store's stamp, the person with their listings, the organisations stated
    # earlier, the minutes' newest day, the items presented
    assert len(seen) <= 5
    with statements_run(minutes_assistant.store) as seen:
        ask("vilka ärenden föredrog Jan Sundelius")
    assert len(seen) <= 3


def test_who_presented_the_item_on_a_topic(ask: Ask) -> None:
    answer = ask("vem föredrog punkten om psykisk hälsa?")
    assert answer.intent == "agenda" and answer.found
    lines = answer.text.splitlines()
    assert lines[0] == "Föredragande, punkter om psykisk hälsa:"
    assert lines[1].endswith(
        "fredag 29 maj 2026, punkt 6 Psykisk hälsa: "
        "Maria Belik, Johanna Bernström Höglom och Jenny Jansson"
    )
    # items titled so only: not "6. Nära vård", whose text speaks of it
    assert not any("punkt 6 Nära vård" in line for line in lines)
    assert (answer.sources[0].meeting_date, answer.sources[0].item) == ("2026-05-29", "6")


def test_who_presented_in_english(ask: Ask) -> None:
    answer = ask("who presented the item on CROSS?")
    assert answer.text.splitlines()[1].endswith(": Lena Uvhagen")
    assert answer.text.startswith("Presenters of items on CROSS:")
