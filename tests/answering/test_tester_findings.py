"""What a tester found over the real minutes: a month without a year is the nearest
with meetings; "folkhälsa" as the subject names the group; the next digital or
in-person meeting; a follow-up keeps the previous answer's meeting; a day whose
meeting was moved or cancelled says where it went."""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.answering.conversation import follow_up, meeting_day_of
from bot.answering.recent import RecentMeetings
from bot.answers import Answer, AskContext
from bot.assistant import Assistant
from storage.parsing.records import STOCKHOLM
from tests.answering.conftest import Ask

NOW = "2026-12-02T10:00"
MOMENT = datetime.fromisoformat(NOW).replace(tzinfo=STOCKHOLM)
CHEFSGRUPP_FH = "Chefsgrupp folkhälsa"
SSR_FH = "Specifika samverkansrådet för folkhälsa"


def meeting_days(answer: Answer) -> set[str]:
    return {d.meeting_date for d in answer.decisions}


def items(answer: Answer) -> set[str]:
    return {d.item for d in answer.decisions}


# -- 1. a month without a year -------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "day", "document"),
    [
        ("beslut i oktober", "2022-10-13", "000_"),
        ("vad beslutades i mars", "2020-03-20", "003_"),
        ("what was decided in March?", "2020-03-20", "003_"),
        # the latest September with minutes before December 2026 is 2024's (002)
        ("vilka beslut fattades i september", "2024-09-20", "002_"),
    ],
)
def test_decisions_in_a_month_without_a_year(
    ask: Ask, question: str, day: str, document: str
) -> None:
    answer = ask(question, now=NOW)
    assert answer.found and meeting_days(answer) == {day}
    assert all(d.document.startswith(document) for d in answer.decisions)


def test_a_month_with_a_year_stays_that_year(ask: Ask) -> None:
    answer = ask("vad beslutades i september 2023", now=NOW)
    assert meeting_days(answer) == {"2023-09-08"}


def test_secretary_in_a_month_without_a_year(ask: Ask) -> None:
    answer = ask("vem var sekreterare i mars", now=NOW)
    assert answer.found and "Linnea Hedkvist" in answer.text
    assert [p.meeting_date for p in answer.people] == ["2020-03-20"]


def test_the_past_month_is_the_latest_with_minutes(ask: Ask) -> None:
    """From June 2024 "i september" looks back: September 2023 (001), not 2024's."""
    answer = ask("vad beslutades i september", now="2024-06-01T10:00")
    assert meeting_days(answer) == {"2023-09-08"}


def test_meetings_in_a_month_look_ahead(ask: Ask) -> None:
    """ "möten i december" in May 2023 is the coming December, which has a meeting."""
    answer = ask("möten i december", now="2023-05-01T10:00")
    assert [m.start[:10] for m in answer.meetings] == ["2023-12-08"]


def test_meetings_held_in_a_month_look_back(ask: Ask) -> None:
    answer = ask("vilka möten hölls i februari", now=NOW)
    assert [m.start[:10] for m in answer.meetings] == ["2023-02-10"]


# -- 2. "folkhälsa" naming the group -------------------------------------------------


def test_meetings_folkhalsa_has_had(ask: Ask) -> None:
    answer = ask("vilka möten har folkhälsa haft", now=NOW)
    assert answer.meetings and all(CHEFSGRUPP_FH in m.group for m in answer.meetings)
    assert "Chefsgrupp folkhälsa" in answer.text.splitlines()[0]


def test_decisions_folkhalsa_made_in_2020(ask: Ask) -> None:
    answer = ask("vad beslutade folkhälsa 2020", now=NOW)
    assert {"1", "4", "8", "9"} <= items(answer)
    assert meeting_days(answer) == {"2020-03-20"}


@pytest.mark.parametrize(
    ("question", "group"),
    [
        ("när träffas folkhälsa nästa gång?", CHEFSGRUPP_FH),
        ("folkhälsas nästa möte", CHEFSGRUPP_FH),
        ("vilka möten har samverkansrådet för folkhälsa haft", SSR_FH),
        ("vilka möten har SSR folkhälsa haft", SSR_FH),
    ],
)
def test_the_group_a_subject_names(ask: Ask, question: str, group: str) -> None:
    answer = ask(question, now=NOW)
    assert answer.meetings and all(group in m.group for m in answer.meetings)


def test_folkhalsa_after_om_is_a_topic(ask: Ask) -> None:
    answer = ask("vad beslutades om folkhälsa", now=NOW)
    assert answer.text.startswith("Beslut om folkhälsa")
    # a topic, not the group: other groups' decisions about it too
    assert any(CHEFSGRUPP_FH not in d.group for d in answer.decisions)
    assert "Beslut om folkhälsa" in ask("vad har beslutats om folkhälsa 2020", now=NOW).text


# -- 3. the next digital or in-person meeting ----------------------------------------


@pytest.mark.parametrize("question", ["nästa digitala möte", "when is the next online meeting?"])
def test_next_digital_meeting(ask: Ask, question: str) -> None:
    answer = ask(question, now="2026-06-01T09:00")
    first = answer.meetings[0]
    assert first.start == "2026-11-06T09:00:00+01:00" and first.end == "2026-11-06T12:00:00+01:00"
    assert first.mode == "digital" and first.document and first.document.startswith("004_")
    assert answer.text.startswith(("Nästa digitala möte", "Next online meeting"))


@pytest.mark.parametrize("question", ["nästa fysiska möte", "next in-person meeting"])
def test_next_in_person_meeting_is_the_internat(ask: Ask, question: str) -> None:
    answer = ask(question, now="2023-05-01T09:00")
    assert [m.start[:10] for m in answer.meetings[:2]] == ["2023-10-12", "2023-12-08"]
    assert "internat" in answer.text.splitlines()[0]


def test_no_coming_meeting_of_a_mode_is_said(ask: Ask) -> None:
    answer = ask("nästa digitala möte", now=NOW)
    assert not answer.found and "inget kommande digitalt möte" in answer.text


# -- 4. a follow-up keeps the previous answer's meeting ------------------------------


@pytest.mark.parametrize("conversation", ["slack:T1:C1", "msteams:19:abc@thread.tacv2"])
def test_follow_ups_keep_the_meeting(ask: Ask, conversation: str) -> None:
    first = ask("vem var ordförande 20 september 2024?", now=NOW, conversation=conversation)
    assert meeting_day_of(first) == "2024-09-20"
    second = ask("och vem justerade?", now=NOW, conversation=conversation)
    assert "Siw Lunader" in second.text and second.sources[0].document.startswith("002_")
    third = ask("vad beslutades där?", now=NOW, conversation=conversation)
    assert meeting_days(third) == {"2024-09-20"}
    checked = ask("och när justerades protokollet?", now=NOW, conversation=conversation)
    assert "justerades tisdag 1 oktober 2024 via e-post" in checked.text
    # another conversation, and a question outside any, are asked as written
    elsewhere = ask("och vem justerade?", now=NOW, conversation="slack:T1:C2")
    assert "Siw Lunader" not in elsewhere.text
    assert "Siw Lunader" not in ask("och vem justerade?", now=NOW).text


def test_a_follow_up_reaching_another_instance_keeps_the_meeting(
    minutes_assistant: Assistant,
) -> None:
    """Two instances of the service over one store: the follow-up reaches the other."""
    other = Assistant(minutes_assistant.store)
    context = AskContext(now=MOMENT, conversation="msteams:19:two-instances")
    first = minutes_assistant.answer("vem var ordförande 20 september 2024?", context)
    assert meeting_day_of(first) == "2024-09-20"
    second = other.answer("och vem justerade?", context)
    assert "Siw Lunader" in second.text and second.sources[0].document.startswith("002_")
    # it keeps only a day and a time, and the row it keeps them in ties to no group
    recent = RecentMeetings(minutes_assistant.store)
    assert recent.go_on(context.conversation, "och vem justerade?", MOMENT).endswith("(2024-09-20)")
    stale = RecentMeetings(minutes_assistant.store, kept_seconds=-1)
    assert stale.go_on(context.conversation, "och vem justerade?", MOMENT) == "och vem justerade?"
    unbound = other.answer("nästa möte", context)
    assert unbound.found  # any group's next meeting: the row binds the conversation to none


def test_a_follow_up_search_keeps_the_meeting(ask: Ask) -> None:
    conversation = "slack:T1:C9"
    ask("vad beslutades förra mötet?", now=NOW, conversation=conversation)
    said = ask("vad sades om psykisk hälsa där?", now=NOW, conversation=conversation)
    assert said.intent == "search" and {s.meeting_date for s in said.sources} == {"2026-05-29"}
    presented = ask("vem föredrog punkten om nära vård där?", now=NOW, conversation=conversation)
    assert [(s.meeting_date, s.item) for s in presented.sources] == [("2026-05-29", "8")]
    # nothing of it that day: said so, and where it is mentioned
    elsewhere = ask("vad sades om CROSS där?", now=NOW, conversation=conversation)
    assert elsewhere.text.startswith("Inga protokoll från fredag 29 maj 2026 nämner det;")
    assert [s.meeting_date for s in elsewhere.sources] == ["2020-03-20"]


def test_a_search_on_a_day_keeps_to_it(ask: Ask) -> None:
    answer = ask("vad sades om nära vård på mötet 29 maj 2026?", now=NOW)
    assert answer.found and {s.meeting_date for s in answer.sources} == {"2026-05-29"}


def test_a_question_of_its_own_is_not_a_follow_up() -> None:
    own = "och vem var sekreterare 29 maj 2026?"
    assert follow_up(own, "2024-09-20", MOMENT) == own
    assert follow_up("och när är nästa möte?", "2024-09-20", MOMENT) == "och när är nästa möte?"
    assert (
        follow_up("och vem justerade?", "2024-09-20", MOMENT) == "och vem justerade? (2024-09-20)"
    )


def test_a_bare_question_of_one_meeting_goes_on_from_the_conversations() -> None:
    """ "Vem var sekreterare?" right after "När var mötet i september 2023?" is of that
    meeting; one that names a meeting, a subject or a count is asked as written."""
    assert follow_up("Vem var sekreterare?", "2023-09-08", MOMENT).endswith("(2023-09-08)")
    assert follow_up("vilka var med?", "2023-09-08", MOMENT).endswith("(2023-09-08)")
    assert follow_up("who chaired?", "2023-09-08", MOMENT).endswith("(2023-09-08)")
    for own in (
        "vem var ordförande på senaste mötet?",
        "vem var ordförande i chefsgrupp folkhälsa?",
        "vem har varit ordförande flest gånger?",
        "vad sades om psykisk hälsa?",
        "vilka beslut togs?",
        "när är nästa möte?",
    ):
        assert follow_up(own, "2023-09-08", MOMENT) == own


def test_a_conversation_is_remembered_for_a_while_only(ask: Ask) -> None:
    first = ask("vem var ordförande 20 september 2024?", now=NOW)
    recent = RecentMeetings(kept_seconds=60, size=2)
    recent.remember("c1", first, "vem var ordförande 20 september 2024?")
    assert recent.go_on("c1", "och vem justerade?", MOMENT).endswith("(2024-09-20)")
    recent.remember("c2", first, "vem var ordförande 20 september 2024?")
    recent.remember(
        "c3", first, "vem var ordförande 20 september 2024?"
    )  # past the size: the oldest conversation is let go
    assert recent.go_on("c1", "och vem justerade?", MOMENT) == "och vem justerade?"
    stale = RecentMeetings(kept_seconds=-1)  # already past
    stale.remember("c1", first, "vem var ordförande 20 september 2024?")
    assert stale.go_on("c1", "och vem justerade?", MOMENT) == "och vem justerade?"


# -- 5. a day whose meeting was moved or cancelled -----------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "är mötet 3 februari 2023 kvar?",
        "vad hände med mötet den 3 februari 2023",
        "när är mötet 3 februari 2023?",
        "vem var ordförande 3 februari 2023?",
        "vilka möten var det 3 februari 2023?",
        "who chaired the meeting on 3 February 2023?",
    ],
)
def test_a_day_whose_meeting_was_moved(ask: Ask, question: str) -> None:
    answer = ask(question, now=NOW)
    assert answer.text.startswith(("Mötet den fredag 3 februari 2023 är flyttat", "The meeting on"))
    assert answer.meetings[0].start[:10] == "2023-02-10"
    assert answer.meetings[0].moved_from and answer.meetings[0].moved_from[:10] == "2023-02-03"


def test_a_day_whose_meeting_was_cancelled(ask: Ask) -> None:
    answer = ask("vad beslutades den 24 april 2020?", now=NOW)
    assert answer.text.startswith("Mötet den fredag 24 april 2020 är inställt")
    assert answer.meetings[0].status == "cancelled"
