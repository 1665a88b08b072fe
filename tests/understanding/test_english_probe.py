"""English questions a member without Swedish asks: one meeting's list named by a
yes/no question, a county district, group names in English, "is there a meeting"."""

from __future__ import annotations

import pytest

from bot.understanding import Intent
from bot.understanding.glossary import to_swedish
from tests.understanding.asking import CHEFSGRUPP_FH, SSR_FH, SSR_SVO, ask, check


@pytest.mark.parametrize(
    "question",
    [
        "Was Kumla represented on 29 May 2026?",
        "was kumla represented on 29 may 2026",
        "Was Kumla at the meeting on 29 May 2026?",
        "Were Karlskoga in the meeting on 29 May 2026?",
    ],
)
def test_a_place_at_one_meeting_is_its_attendance(question: str) -> None:
    query = ask(question)
    assert query.intent == Intent.ATTENDANCE and query.municipality is not None
    assert query.date is not None and query.date.isoformat() == "2026-05-29"


def test_a_person_at_the_meeting_is_attendance() -> None:
    check(ask("Was Eva Persson at the meeting on 29 May 2026?"), {"intent": Intent.ATTENDANCE})


@pytest.mark.parametrize(
    "question", ["Who represented Kumla in 2023?", "Was Kumla represented in 2023?"]
)
def test_a_place_in_a_year_is_still_its_representatives(question: str) -> None:
    check(ask(question), {"intent": Intent.REPRESENTATIVES})


def test_decisions_at_the_meeting_are_no_attendance() -> None:
    check(ask("Were there any decisions at the meeting on 29 May 2026?"), {"intent": "decisions"})


@pytest.mark.parametrize(
    ("question", "lansdel"),
    [
        ("Who represents the northern district?", "Norr"),
        ("who represents the southern county district?", "Söder"),
        ("Who represents the west district?", "Väster"),
        ("Who represents the north?", "Norr"),
    ],
)
def test_a_county_district_in_english(question: str, lansdel: str) -> None:
    check(ask(question), {"intent": Intent.REPRESENTATIVES, "organization": lansdel})


@pytest.mark.parametrize(
    ("question", "group"),
    [
        ("Who sits in the specific collaboration council for public health?", SSR_FH),
        ("members of the social welfare collaboration council", SSR_SVO),
    ],
)
def test_a_specific_council_by_its_english_name(question: str, group: str) -> None:
    check(ask(question), {"group": group, "organization": None, "municipality": None})


def test_the_council_is_no_subject() -> None:
    query = ask("What did the council decide on 20 September 2024?")
    check(query, {"intent": Intent.DECISIONS, "topic": None})


@pytest.mark.parametrize(
    "question",
    [
        "Is there a meeting in January?",
        "are there any meetings in january",
        "Finns det något möte i januari?",
    ],
)
def test_is_there_a_meeting_in_a_month_lists_them(question: str) -> None:
    check(ask(question), {"intent": Intent.MEETINGS})


def test_is_there_a_meeting_now_is_still_the_next() -> None:
    check(ask("is there a meeting now?"), {"intent": Intent.NEXT_MEETING})


@pytest.mark.parametrize("question", ["wen is the nxt meeting", "when is the next mtg?"])
def test_chat_shorthand(question: str) -> None:
    check(ask(question), {"intent": Intent.NEXT_MEETING})


def test_a_role_on_one_day_is_that_meetings_list() -> None:
    query = ask("who were the substitutes on 20 September 2024")
    check(query, {"intent": Intent.ATTENDANCE, "role": "ersättare"})


@pytest.mark.parametrize(
    "question",
    [
        "What was the meeting on 13 October 2022 about?",
        "what was the meeting in Vingåker about",
        "What was the last meeting about?",
    ],
)
def test_what_a_meeting_was_about_is_its_agenda(question: str) -> None:
    check(ask(question), {"intent": Intent.AGENDA})


def test_a_glossary_phrase_whose_words_have_no_entry() -> None:
    assert to_swedish("social services act") == ("socialtjänstlag",)
    assert to_swedish("hygiene nurse")[0] == "hygiensjuksköterska"


@pytest.mark.parametrize(
    "question",
    ["Was Lindesberg there on both days in October 2022?", "Was Eva Persson there on 29 May?"],
)
def test_was_someone_there(question: str) -> None:
    check(ask(question), {"intent": Intent.ATTENDANCE})


def test_was_there_a_meeting_is_no_attendance() -> None:
    assert ask("Was there a meeting in March 2020?").intent != Intent.ATTENDANCE


def test_who_is_on_a_group_is_its_members() -> None:
    query = ask("Who is on the public health management group?")
    check(query, {"intent": Intent.REPRESENTATIVES, "group": CHEFSGRUPP_FH})


@pytest.mark.parametrize(
    "question",
    ["What happened at the meeting on 29 May 2026?", "what happened at the last meeting"],
)
def test_what_happened_at_a_meeting_is_its_agenda(question: str) -> None:
    check(ask(question), {"intent": Intent.AGENDA})
