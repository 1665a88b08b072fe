"""Questions of fact answered by search over the real minutes: words that ask
("hur mycket pengar", "vad kostar", "hur lång") or that no item has do not hide
the answer, the sentence shown is the one that holds the fact asked for, a
question for several groups does not contradict itself, and spelling variants
("mejl", "mail") find each other."""

from __future__ import annotations

import pytest

from bot.answering.relevance import Asked, snippet_for
from bot.understanding.glossary import spellings
from tests.answering.conftest import Ask


def _first_hit(text: str) -> str:
    """The first "• …" line of a search answer."""
    return next(line for line in text.splitlines() if line.startswith("• "))


@pytest.mark.parametrize(
    ("question", "meeting", "item", "fact"),
    [
        (
            "hur mycket pengar till suicidprevention",
            "2026-05-29",
            "6",
            "Suicidprevention – ca 6 miljoner",
        ),
        ("vad kostar CROSS-projektet", "2020-03-20", "3", "budgeten ca 8,3 miljoner kronor"),
        (
            "hur lång är utredningstiden på ängens minnesmottagning",
            "2023-09-08",
            "12",
            "204 dagar men är nu på 160 dagar",
        ),
        ("what did the CROSS project cost", "2020-03-20", "3", "8,3 miljoner kronor"),
    ],
)
def test_words_that_ask_do_not_hide_the_answer(
    ask: Ask, question: str, meeting: str, item: str, fact: str
) -> None:
    answer = ask(question)
    assert answer.intent == "search" and answer.found
    assert (answer.sources[0].meeting_date, answer.sources[0].item) == (meeting, item)
    assert fact in _first_hit(answer.text)
    assert fact in (answer.sources[0].snippet or "")


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("när träder nya överenskommelsen i kraft", "träda i kraft 1 januari 2025"),
        ("when does the new agreement enter into force", "träda i kraft 1 januari 2025"),
        ("budget CROSS", "Totalt omfattar budgeten ca 8,3 miljoner kronor."),
        ("hur många boendeplatser", "Det finns 203 kommunala boendeplatser i länet"),
        ("vad sa Jari om backa barnet", "avtal för Backa barnet den 14 november"),
        ("svarsfrekvens enkät samverkansråden", "Svarsfrekvensen är 48 procent."),
        ("när kommer propositionen", "Propositionen är beräknad att komma i januari."),
    ],
)
def test_the_sentence_shown_holds_the_fact_asked_for(ask: Ask, question: str, fact: str) -> None:
    answer = ask(question)
    assert answer.intent == "search" and answer.found
    assert fact in _first_hit(answer.text)


def test_a_question_for_several_groups_does_not_contradict_itself(ask: Ask) -> None:
    answer = ask("vad var svarsfrekvensen i enkäten om nätverk och chefsgrupper?")
    first = _first_hit(answer.text)
    assert "punkt 10 Uppföljning av nätverk och chefsgrupper" in first
    assert "69 svar från 58 unika personer" in first
    assert "8 av 11 nätverk ligger under 50% i svarsfrekvens" in first
    # what one of the groups lacks is said of that group, not of the minutes
    assert "Jag hittar inget om nätverk i protokollen." not in answer.text.splitlines()
    nothing = [line for line in answer.text.splitlines() if line.startswith("Jag hittar inget")]
    assert all(line.endswith("i protokollen för Chefsgrupp folkhälsa.") for line in nothing)


def test_a_word_no_item_has_is_said_and_the_rest_found(ask: Ask) -> None:
    answer = ask("hur mycket pengar till suicidprevention och kvantfysik")
    assert answer.found
    assert answer.text.startswith("Inget i protokollen nämner ”kvantfysik”.")
    assert "Suicidprevention – ca 6 miljoner" in _first_hit(answer.text)


def test_the_words_found_are_said_as_the_question_wrote_them(ask: Ask) -> None:
    answer = ask("vad är nästa steg för projekt CROSS?")
    assert answer.text.splitlines()[0] == (
        "Inget i protokollen nämner ”steg”. I protokollen om ”projekt CROSS”:"  # not "projek cross"
    )


def test_words_never_together_show_the_items_with_the_most_of_them(ask: Ask) -> None:
    answer = ask("vad sades om CROSS och gängkriminalitet")
    assert answer.found
    heading = answer.text.splitlines()[0]
    assert heading.startswith(
        "Ingen punkt i protokollen nämner allt i ”CROSS och gängkriminalitet”"
    )
    items = {(s.meeting_date, s.item) for s in answer.sources}
    assert {("2020-03-20", "3"), ("2023-09-08", "10")} <= items


def test_nothing_found_is_still_said(ask: Ask) -> None:
    answer = ask("vad sades om kvantfysik")
    assert not answer.found
    assert answer.text == "Jag hittar inget om kvantfysik i protokollen."


def test_plain_search_keeps_its_order(ask: Ask) -> None:
    answer = ask("vad sades om suicidprevention")
    assert [(s.meeting_date, s.item) for s in answer.sources] == [
        ("2026-05-29", "5"),
        ("2026-05-29", "6"),
        ("2020-03-20", "2"),
    ]


def test_mejl_finds_mail(ask: Ask) -> None:
    search = ask("mejlkultur")
    assert search.found and "handlingsplan mailkultur" in search.text
    decided = ask("vad beslutades om mejlkultur")
    assert decided.intent == "decisions" and decided.found
    assert any("rekommendation i fortsatt mejlväxling" in d.text for d in decided.decisions)


def test_spellings() -> None:
    assert spellings("mailkultur") == ("mejlkultur", "e-postkultur", "epostkultur")
    assert spellings("Webinarium om SIP") == ("Webbinarium om SIP",)
    assert spellings("suicidprevention") == ()


def test_a_figure_asked_for_prefers_the_sentence_that_gives_it() -> None:
    text = (
        "Projektet handlar om samverkan. Ansökan om medel till projektet görs i mars. "
        "Totalt omfattar budgeten ca 8,3 miljoner kronor."
    )
    assert snippet_for(text, Asked(("projekt",))) == "Projektet handlar om samverkan."
    money = snippet_for(text, Asked(("projekt",), figure="money"), title="Projektet")
    assert money == "Totalt omfattar budgeten ca 8,3 miljoner kronor."


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("vem leder implementeringen av nya överenskommelsen?", "ledas av Ann-Mari Gustafsson"),
        ("vem leder SKoP-arbetet?", "Jürgen Degner"),
        ("vem ledde workshopen om samledning?", "under ledning av Mats Tystrup och Hanna Elving"),
    ],
)
def test_who_leads_the_work_is_the_sentence_that_names_them(
    ask: Ask, question: str, named: str
) -> None:
    """ "vem leder X?" is about X, not the latest meeting's chair; the sentence quoted
    is one that names a person."""
    answer = ask(question)
    assert answer.intent == "search" and answer.found
    assert named in _first_hit(answer.text)


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("Vilka ingår i arbetsgruppen för samverkansplanerna?", "Peter Björklund, Cecilia Ljung"),
        (
            "Vilka ingår i styrgruppen för förstudien om läkemedelshantering?",
            "även Annika Roman och Ingmar Ångman",
        ),
    ],
)
def test_who_is_in_a_working_group_no_list_names(ask: Ask, question: str, named: str) -> None:
    """No attendance list is of the working group: what the minutes say of it, with
    the sentence naming its members (it said "nobody represents Arbetsgruppen …")."""
    answer = ask(question)
    assert answer.intent == "representatives" and not answer.found
    assert answer.text.startswith("Ingen deltagarlista visar vilka som ingår i")
    assert named in answer.text and answer.sources


def test_an_item_whose_title_alone_names_it_is_quoted_from_its_text(ask: Ask) -> None:
    """Item 10 "Gängkriminalitet" (8 September 2023) never says the word again: its
    text's beginning is quoted, not the title twice."""
    answer = ask("Vad sades om gängkriminalitet?")
    assert "punkt 10 Gängkriminalitet: GVI (Grupp Vålds Intervention)" in _first_hit(answer.text)


def test_how_high_is_a_question_form_not_a_subject(ask: Ask) -> None:
    answer = ask("Hur hög var svarsfrekvensen i Liv och hälsa ung?")
    assert "hög" not in answer.text.splitlines()[0]


def test_a_definite_form_finds_the_word_stored_shorter(ask: Ask) -> None:
    """ "svarsfrekvensen" stems to "svarsfrekvens", "svarsfrekvens" to "svarsfrekv": the
    question's word is searched by the shorter, so Liv och hälsa ung's "79%
    svarsfrekvens" is found (only the items saying "svarsfrekvensen" were)."""
    answer = ask("Hur hög var svarsfrekvensen i Liv och hälsa ung?")
    assert answer.text.splitlines()[0] == "I protokollen om svarsfrekvensen i Liv och hälsa ung:"
    assert "punkt 9 Liv och hälsa ung: 79% svarsfrekvens." in _first_hit(answer.text)
