"""A fragment goes on from the conversation's last question: "Och 2022?", "och
Nora?", "what about Örebro?", "och för folkhälsa?" ask it again with that part
changed; anything more than a fragment is asked as written."""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.answering.recent import RecentMeetings
from bot.answers import Answer, AskContext
from bot.assistant import Assistant
from bot.understanding.ellipsis import go_on_from
from storage.parsing.records import STOCKHOLM
from tests.answering.conftest import Ask

NOW = "2026-12-02T10:00"
MOMENT = datetime.fromisoformat(NOW).replace(tzinfo=STOCKHOLM)
CHEFSGRUPP_FH = "Chefsgrupp folkhälsa"
CHEFSGRUPP = "Chefsgrupp för samverkan social välfärd samt vård och omsorg"


@pytest.mark.parametrize(
    ("previous", "fragment", "meant"),
    [
        # a time replaces the previous one, or is added
        ("Vad beslutades om suicidprevention 2023?", "Och 2022?", "om suicidprevention 2022?"),
        ("Vad beslutades om suicidprevention?", "och 2022?", "om suicidprevention 2022?"),
        ("Vilka möten har chefsgruppen i september 2023?", "och i maj?", "gruppen i maj 2023?"),
        ("vad beslutades om X 2023?", "och förra året då?", "om X förra året?"),
        ("vad beslutades om X 2023?", "och förrförra året?", "om X förrförra året?"),
        ("what was decided about X in 2023?", "and the year before last?", "the year before last?"),
        ("Vem representerar Karlskoga 2022?", "och i maj?", "Karlskoga i maj 2022?"),
        # a year after a month or a season of a year: the same part of that year
        ("Vad beslutades i september 2023?", "och 2022?", "beslutades i september 2022?"),
        ("Vilka möten hölls hösten 2020?", "och 2022?", "hölls hösten 2022?"),
        ("vem var ordförande 20 september 2024?", "och 2022?", "ordförande 2022?"),
        ("who represented Kumla in 2023?", "and in 2021?", "Kumla in 2021?"),
        ("vilka var med 2023-09-08?", "hur var det 2024-09-20?", "med 2024-09-20?"),
        # another subject for decisions or what was said, or one where none was named
        (
            "Vad beslutades om suicidprevention 2023?",
            "och om samsjuklighet?",
            "om samsjuklighet 2023?",
        ),
        ("beslut efter 2022", "och om nära vård?", "beslut efter 2022 om nära vård"),
        ("what was decided in 2022?", "and about egenvård?", "decided in 2022 about egenvård?"),
        ("vad sades om CROSS?", "och om fokusgrupperna då?", "vad sades om fokusgrupperna?"),
        ("Vad beslutades om X?", "vad gäller nära vård då?", "Vad beslutades om nära vård?"),
        # a year in a name is no time of the question's
        ("Vad beslutades om Agenda 2030?", "och 2022?", "Agenda 2030 2022?"),
        # a place or a group replaces the previous one; a group may be added
        ("Vem representerar Nora i chefsgruppen?", "och Kumla då?", "Kumla i chefsgruppen?"),
        ("vem representerar nora?", "what about Örebro kommun?", "representerar Örebro kommun?"),
        ("När är nästa möte?", "och för folkhälsa?", "nästa möte för Chefsgrupp folkhälsa?"),
        (
            "När är nästa möte för chefsgrupp folkhälsa?",
            "och chefsgruppen?",
            "för " + CHEFSGRUPP + "?",
        ),
    ],
)
def test_a_fragment_changes_a_part_of_the_last_question(
    previous: str, fragment: str, meant: str
) -> None:
    asked = go_on_from(previous, fragment, now=MOMENT)
    assert asked is not None and asked.endswith(meant), asked


@pytest.mark.parametrize(
    ("previous", "question"),
    [
        ("vem var ordförande 20 september 2024?", "och vem justerade?"),  # no part
        ("Vad beslutades om suicidprevention 2023?", "vad sades om CROSS 2022?"),  # a question
        ("När är nästa möte?", "och Kumla?"),  # no place to replace
        ("När är nästa möte?", "och om budgeten?"),  # no subject to a meeting's time
        ("Vad beslutades om X?", "och om vi tar det på nästa möte?"),  # a question of its own
        ("Vad beslutades om suicidprevention?", "folkhälsa?"),  # a subject after a subject
        ("Vad beslutades om suicidprevention?", "tack!"),
        ("Vad beslutades om suicidprevention?", ""),
        ("", "och 2022?"),
        ("Vad beslutades om suicidprevention?", "och 2022 " + "mycket " * 20),
    ],
)
def test_more_than_a_fragment_is_asked_as_written(previous: str, question: str) -> None:
    assert go_on_from(previous, question, now=MOMENT) is None


def decided_days(answer: Answer) -> set[str]:
    return {d.meeting_date for d in answer.decisions}


def test_a_conversation_goes_on_from_its_last_question(ask: Ask) -> None:
    chat = "slack:T1:fragments"
    first = ask("vad beslutades i mars 2020?", now=NOW, conversation=chat)
    assert decided_days(first) == {"2020-03-20"}
    then = ask("Och oktober 2022?", now=NOW, conversation=chat)
    assert then.intent == "decisions" and decided_days(then) == {"2022-10-13"}
    kumla = ask("Vem representerar Kumla i chefsgruppen?", now=NOW, conversation=chat)
    assert [p.name for p in kumla.people] == ["Malin Bäcklund"]
    nora = ask("och Nora då?", now=NOW, conversation=chat)
    assert nora.intent == "representatives" and [p.name for p in nora.people] == [
        "Fredrik Bergström"
    ]
    # a question of its own starts afresh, and is then the one gone on from
    ask("vem var ordförande 20 september 2024?", now=NOW, conversation=chat)
    checked = ask("och vem justerade?", now=NOW, conversation=chat)
    assert "Siw Lunader" in checked.text
    # (its meeting's day, added by the follow-up, is the time the fragment replaces)
    earlier = ask("och 8 september 2023?", now=NOW, conversation=chat)
    assert earlier.intent == "meeting_roles" and "8 september 2023" in earlier.text
    # outside the conversation, and in another, a fragment is asked as written
    assert ask("och Nora då?", now=NOW).text == ask("vem representerar Nora?", now=NOW).text
    assert ask("Och oktober 2022?", now=NOW, conversation="slack:T1:other").intent == "unknown"


def test_a_next_meeting_fragment_names_the_group(ask: Ask) -> None:
    chat = "msteams:19:fragments@thread.tacv2"
    first = ask("När är nästa möte för ssr folkhälsa?", now=NOW, conversation=chat)
    assert all(CHEFSGRUPP_FH not in m.group for m in first.meetings)
    other = ask("och för chefsgrupp folkhälsa?", now=NOW, conversation=chat)
    assert other.intent == "next_meeting" and other.meetings
    assert all(CHEFSGRUPP_FH in m.group for m in other.meetings)


def test_a_fragment_reaching_another_instance_goes_on(minutes_assistant: Assistant) -> None:
    """The last question is kept in the conversation's row, not in the process."""
    context = AskContext(now=MOMENT, conversation="slack:T1:two-instances-fragment")
    minutes_assistant.answer("Vem representerar Kumla i chefsgruppen?", context)
    other = Assistant(minutes_assistant.store)
    nora = other.answer("och Nora?", context)
    assert [p.name for p in nora.people] == ["Fredrik Bergström"]
    stale = RecentMeetings(minutes_assistant.store, kept_seconds=-1)
    assert stale.go_on(context.conversation, "och Nora?", MOMENT) == "och Nora?"


def test_help_and_commands_leave_the_last_question(ask: Ask) -> None:
    chat = "slack:T1:fragments-help"
    ask("Vem representerar Kumla i chefsgruppen?", now=NOW, conversation=chat)
    assert ask("hjälp", now=NOW, conversation=chat).intent == "help"
    nora = ask("och Nora?", now=NOW, conversation=chat)
    assert [p.name for p in nora.people] == ["Fredrik Bergström"]


def test_in_memory_the_last_question_is_kept_for_a_while() -> None:
    recent = RecentMeetings(kept_seconds=60, size=2)
    asked = Answer("representatives", "…")
    recent.remember("c1", asked, "Vem representerar Kumla?")
    assert recent.go_on("c1", "och Nora?", MOMENT) == "Vem representerar Nora?"
    recent.remember("c1", Answer("help", "…"), "hjälp")  # no question to ask again
    assert recent.go_on("c1", "och Nora?", MOMENT) == "Vem representerar Nora?"
    stale = RecentMeetings(kept_seconds=-1)
    stale.remember("c1", asked, "Vem representerar Kumla?")
    assert stale.go_on("c1", "och Nora?", MOMENT) == "och Nora?"


def test_a_fragment_is_answered_in_its_own_language(ask: Ask) -> None:
    chat = "slack:T1:fragments-language"
    ask("Vem representerar Kumla i chefsgruppen?", now=NOW, conversation=chat)
    english = ask("what about Nora?", now=NOW, conversation=chat)
    assert english.text.startswith("Nora is represented by")
    swedish = ask("och Örebro?", now=NOW, conversation=chat)
    assert swedish.text.startswith("Örebro representeras av")
    # a fragment of no words keeps the question's language
    assert ask("Kumla?", now=NOW, conversation=chat).text.startswith("Kumla representeras av")


def test_a_question_of_its_own_after_och_asks_all_the_minutes(ask: Ask) -> None:
    """ "Och vad beslutades om Mitt vaccin?" after a meeting's decisions names a subject
    of its own: all the minutes, not the meeting talked of (which has none on it)."""
    chat = "slack:T1:och-subject"
    ask("Vad beslutades på mötet 13 oktober 2022?", now=NOW, conversation=chat)
    vaccine = ask("Och vad beslutades om Mitt vaccin?", now=NOW, conversation=chat)
    assert decided_days(vaccine) == {"2023-09-08"}
    assert [d.item for d in vaccine.decisions] == ["13"]
    # "där" keeps to the meeting: none there, said so, then where it was decided
    there = ask("och vad beslutades där om suicidsamordningen?", now=NOW, conversation=chat)
    assert there.text.startswith("Inga beslut om det vid mötet fredag 8 september 2023;")
    assert "2022-10-13" in decided_days(there)
    # a question of one meeting with no subject goes on from the one last shown
    again = ask("och vilka beslut togs?", now=NOW, conversation=chat)
    assert decided_days(again) == {"2022-10-13"} and len(again.decisions) > 1


def test_a_month_fragment_keeps_the_year_asked(ask: Ask) -> None:
    chat = "slack:T1:month-fragment"
    ask("Vilka möten hölls 2020?", now=NOW, conversation=chat)
    october = ask("och i oktober?", now=NOW, conversation=chat)
    assert {m.start[:10] for m in october.meetings} == {"2020-10-13", "2020-10-16"}
    ask("Vad beslutades 2023?", now=NOW, conversation=chat)
    september = ask("och i september?", now=NOW, conversation=chat)
    assert decided_days(september) == {"2023-09-08"}


def test_a_group_fragment_after_a_subject_is_the_group(ask: Ask) -> None:
    """ "och för folkhälsa?" after decisions on a subject: that subject in Chefsgrupp
    folkhälsa's minutes; it has none, said so before those of the other groups."""
    chat = "slack:T1:group-fragment"
    ask("Vad beslutades om hälso- och sjukvård i hemmet?", now=NOW, conversation=chat)
    there = ask("och för folkhälsa?", now=NOW, conversation=chat)
    assert there.text.startswith(
        "Inga beslut om det i protokollen för Chefsgrupp folkhälsa; i andra grupper:"
    )
    assert "2023-09-08" in decided_days(there)
    in_2023 = ask("och 2023?", now=NOW, conversation=chat)
    assert in_2023.text.startswith("Inga beslut om det i protokollen för Chefsgrupp folkhälsa")
    assert decided_days(in_2023) == {"2023-09-08"}


def test_the_meetings_a_person_has_been_to(ask: Ask) -> None:
    for question in ("Vilka möten har Annika Roman varit på?", "vilka möten var Annika Roman på?"):
        answer = ask(question, now=NOW)
        assert answer.intent == "attendance"
        assert "Annika Roman (Örebro kommun) var närvarande vid 3 av 3 möten" in answer.text


def test_a_name_after_a_meetings_list_asks_whether_they_were_there(ask: Ask) -> None:
    chat = "slack:T1:list-then-name"
    ask("Vilka var med på mötet 8 september 2023?", now=NOW, conversation=chat)
    absent = ask("och Siw Lunader?", now=NOW, conversation=chat)
    assert absent.intent == "attendance"
    assert absent.text.startswith("Siw Lunader finns inte med i deltagarlistan för")
    present = ask("och Annika Roman?", now=NOW, conversation=chat)
    assert present.text.startswith("Ja, Annika Roman (Örebro kommun) var med på")
    assert "8 september 2023" in present.text
    ask("Who attended the meeting in September 2024?", now=NOW, conversation=chat)
    english = ask("and Siw Lunader?", now=NOW, conversation=chat)
    assert english.text.startswith("Yes, Siw Lunader (Hallsbergs kommun) was present")
