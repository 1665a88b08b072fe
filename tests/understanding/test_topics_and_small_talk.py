"""English topics in Swedish, what came of a question, questions still waiting,
small talk, code that is no language, and short typos."""

from __future__ import annotations

import pytest

from bot.understanding.facets import decision_status
from bot.understanding.glossary import to_swedish
from bot.understanding.intents import small_talk
from bot.understanding.language import looks_like_code
from bot.understanding.lexicon import correct_keys
from tests.understanding.asking import ask, check


@pytest.mark.parametrize(
    ("english", "swedish"),
    [
        ("suicide coordination", "suicid samordning"),
        ("home health care", "hälso- och sjukvård i hemmet"),
        ("mental health funds", "psykisk hälsa medel"),
        ("the guideline", "riktlinje"),
        ("gang crime", "gängkriminalitet"),
        ("elderly care", "äldreomsorg"),
        ("violence in close relationships", "våld i nära relationer"),
        ("children and young people", "barn och unga"),
        ("self-care", "egenvård"),
    ],
)
def test_glossary_phrases_first(english: str, swedish: str) -> None:
    assert to_swedish(english)[0] == swedish


def test_glossary_offers_the_compound_and_word_by_word() -> None:
    assert "suicidsamordning" in to_swedish("suicide coordination")
    assert "äldre vård" in to_swedish("elderly care")
    assert to_swedish("projekt CROSS") == ()


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("What was said about gang crime?", "gang crime"),
        ("What was said about elderly care?", "elderly care"),
        ("What was decided about suicide coordination?", "suicide coordination"),
    ],
)
def test_english_topics_keep_their_phrases(question: str, topic: str) -> None:
    check(ask(question), {"topic": topic, "language": "en"})


@pytest.mark.parametrize(
    "question",
    [
        "Vad hände med egenvården?",
        "vad hände med suicidsamordningen",
        "Hur gick det med fördelningen av medlen?",
        "What happened to the self-care question?",
        "what became of suicide coordination",
    ],
)
def test_what_came_of_a_question(question: str) -> None:
    check(ask(question), {"intent": "decisions", "status": "outcome"})
    assert ask(question).topic


@pytest.mark.parametrize(
    "question",
    [
        "Vilka beslut väntar fortfarande?",
        "vilka frågor är inte avgjorda",
        "which decisions are still pending?",
    ],
)
def test_questions_still_waiting(question: str) -> None:
    check(ask(question), {"intent": "decisions", "status": "pending"})


def test_decision_status_words() -> None:
    assert decision_status("vilka fragor har bordlagts") == "postponed"
    assert decision_status("vad hande med egenvarden") == "outcome"
    assert decision_status("vad beslutades om egenvarden") is None


@pytest.mark.parametrize(
    ("norm", "kind"),
    [
        ("tack", "thanks"),
        ("tack for hjalpen", "thanks"),
        ("thanks", "thanks"),
        ("thank you very much", "thanks"),
        ("hej", "greeting"),
        ("hello", "greeting"),
        ("hej da", "bye"),
        ("tack for beslutet om egenvard", None),
        ("ok", None),
    ],
)
def test_small_talk(norm: str, kind: str | None) -> None:
    assert small_talk(norm) == kind


@pytest.mark.parametrize("question", ["tack", "tack för hjälpen!", "Thanks", "hej", "hello"])
def test_small_talk_is_help(question: str) -> None:
    check(ask(question), {"intent": "help"})


@pytest.mark.parametrize(
    "question", ["SELECT * FROM meetings", "DROP TABLE meetings;", "select name from people"]
)
def test_code_is_read_as_swedish(question: str) -> None:
    assert looks_like_code(ask(question).raw.lower().replace("*", " ").split())
    check(ask(question), {"language": "sv"})


def test_english_is_not_code() -> None:
    check(ask("Where is the next meeting?"), {"language": "en"})
    assert not looks_like_code(["where", "is", "it", "from"])


def test_short_words_with_two_letters_swapped() -> None:
    assert correct_keys(["nar", "ar", "nasta", "moet"]) == ["nar", "ar", "nasta", "mote"]
    assert correct_keys(["form", "vard", "plan"]) == ["form", "vard", "plan"]
    check(ask("nar ar nästa möet"), {"intent": "next_meeting"})


def test_decision_verb_with_a_typo() -> None:
    check(ask("vad beslutdes om sucidsamordningen"), {"intent": "decisions"})
