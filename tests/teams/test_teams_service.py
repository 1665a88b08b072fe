"""Teams-shaped activities over HTTP; replies land at the fake connector."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import text
from teams_fakes import (
    BOT_ID,
    CHANNEL_ID,
    GROUP_CHAT_ID,
    NOW,
    PERSONAL_ID,
    USER_ID,
    FakeConnector,
    TeamsClient,
    answer_lines,
    card_texts,
    lines,
    members_added,
    message,
    open_urls,
)

from bot.answers import Answer, AskContext
from bot.teams import TEAMS_BOT

QUESTION = "När är nästa möte?"


def stored_conversations(assistant: Any) -> list[tuple[str, dict[str, Any]]]:
    """(key, reference) of every conversation the store knows."""
    with assistant.store.engine.connect() as connection:
        rows = connection.execute(text("SELECT key, reference FROM conversations")).all()
    return [
        (row.key, json.loads(row.reference) if isinstance(row.reference, str) else row.reference)
        for row in rows
    ]


async def expected(assistant: Any, question: str, conversation: str) -> Answer:
    answer: Answer = await assistant.ask(
        question, AskContext(now=NOW, conversation=f"msteams:{conversation}")
    )
    return answer


def assert_card_shows(card: dict[str, Any], answer: Answer) -> None:
    """The card carries the answer's text, its first facts and its sources."""
    assert card["type"] == "AdaptiveCard" and card["version"] == "1.5"
    texts = "\n".join(card_texts(card))
    assert answer_lines(card) == lines(answer.text)
    for meeting in answer.meetings[:10]:
        assert meeting.group in texts
    for decision in answer.decisions[:10]:
        assert decision.title in texts
    for person in answer.people[:10]:
        assert person.name in texts
    for source in answer.sources[:5]:
        assert source.document in texts


async def test_personal_chat_question_is_answered_with_a_card(
    teams: TeamsClient, connector: FakeConnector, assistant: Any
) -> None:
    activity = message(QUESTION, service_url=connector.url)
    response = await teams.post(activity)
    assert response.status in (200, 201)

    assert len(connector.posted) == 1
    reply = connector.posted[0]
    assert reply.conversation == PERSONAL_ID
    assert reply.reply_to == activity["id"]
    assert reply.authorization is None  # no credentials, no token
    answer = await expected(assistant, QUESTION, PERSONAL_ID)
    assert answer.meetings, "the sample minutes name the group's next meeting"
    assert reply.activity["summary"] == answer.text  # for clients without cards
    assert not reply.activity.get("text")  # Teams would show it again above the card
    assert reply.activity["replyToId"] == activity["id"]
    assert reply.activity["recipient"]["id"] == USER_ID
    assert reply.activity["from"]["id"] == BOT_ID
    assert_card_shows(reply.card, answer)


async def test_a_meeting_in_the_answer_links_to_its_calendar_file(
    teams: TeamsClient, connector: FakeConnector, assistant: Any
) -> None:
    await teams.post(message(QUESTION, service_url=connector.url))
    answer = await expected(assistant, QUESTION, PERSONAL_ID)
    urls = open_urls(connector.posted[0].card)
    meeting_id = answer.meetings[0].meeting_id
    assert meeting_id is not None
    link = next(url for url in urls if f"/calendar/{meeting_id}.ics?sig=" in url)
    assert link.startswith(str(teams.server.make_url("/")).rstrip("/"))

    parts = urlsplit(link)
    response = await teams.get(f"{parts.path}?{parts.query}")
    assert response.status == 200
    assert response.content_type == "text/calendar"
    ics = await response.text()
    assert "BEGIN:VEVENT" in ics
    assert f"UID:meeting-{meeting_id}@minutesbot" in ics

    forged = await teams.get(f"{parts.path}?sig=0000")
    assert forged.status == 404
    other = await teams.get(f"/calendar/{meeting_id + 1}.ics?{parts.query}")
    assert other.status == 404


async def test_group_chat_message_without_mention_is_not_answered(
    teams: TeamsClient, connector: FakeConnector
) -> None:
    activity = message(
        QUESTION,
        service_url=connector.url,
        conversation_type="groupChat",
        conversation_id=GROUP_CHAT_ID,
    )
    response = await teams.post(activity)
    assert response.status in (200, 201)
    assert connector.posted == []


async def test_group_chat_mention_is_answered_without_the_mention(
    teams: TeamsClient, connector: FakeConnector, assistant: Any
) -> None:
    activity = message(
        QUESTION,
        service_url=connector.url,
        conversation_type="groupChat",
        conversation_id=GROUP_CHAT_ID,
        mention=True,
    )
    await teams.post(activity)
    assert len(connector.posted) == 1
    answer = await expected(assistant, QUESTION, GROUP_CHAT_ID)
    assert connector.posted[0].conversation == GROUP_CHAT_ID
    assert_card_shows(connector.posted[0].card, answer)


async def test_a_bare_mention_is_answered_with_help(
    teams: TeamsClient, connector: FakeConnector, assistant: Any
) -> None:
    activity = message(
        "",
        service_url=connector.url,
        conversation_type="groupChat",
        conversation_id=GROUP_CHAT_ID,
        mention=True,
    )
    await teams.post(activity)
    help_answer = await expected(assistant, "hjälp", GROUP_CHAT_ID)
    assert help_answer.intent == "help"
    assert answer_lines(connector.posted[0].card) == lines(help_answer.text)


async def test_channel_mention_is_answered_in_the_thread(
    teams: TeamsClient, connector: FakeConnector, assistant: Any
) -> None:
    activity = message(
        QUESTION,
        service_url=connector.url,
        conversation_type="channel",
        conversation_id=CHANNEL_ID,
        mention=True,
    )
    await teams.post(activity)
    assert len(connector.posted) == 1
    reply = connector.posted[0]
    assert reply.conversation == activity["conversation"]["id"]  # the thread
    assert reply.reply_to == activity["id"]
    answer = await expected(assistant, QUESTION, CHANNEL_ID)
    assert_card_shows(reply.card, answer)


async def test_a_channel_tied_to_a_group_answers_for_that_group(
    teams: TeamsClient, connector: FakeConnector, assistant: Any
) -> None:
    def channel_message(text: str) -> dict[str, Any]:
        return message(
            text,
            service_url=connector.url,
            conversation_type="channel",
            conversation_id=CHANNEL_ID,
            mention=True,
        )

    await teams.post(channel_message("den här kanalen gäller Chefsgrupp folkhälsa"))
    assert "Chefsgrupp folkhälsa" in " ".join(answer_lines(connector.posted[0].card))

    # The channel is stored once, without the thread, with where to post later.
    key, reference = stored_conversations(assistant)[0]
    assert key == f"msteams:{CHANNEL_ID}"
    assert reference["conversation"]["id"] == CHANNEL_ID
    assert reference["serviceUrl"] == connector.url
    assert reference["bot"]["id"] == BOT_ID
    assert not reference.get("activityId")  # reminders start a new post

    # A later question in another thread of the same channel names no group.
    await teams.post(channel_message("När är nästa möte?"))
    answer = await expected(assistant, "När är nästa möte?", CHANNEL_ID)
    assert "Chefsgrupp folkhälsa" in answer.text
    assert_card_shows(connector.posted[1].card, answer)


async def test_a_stored_conversation_gets_later_messages_as_new_posts(
    teams: TeamsClient, connector: FakeConnector, assistant: Any
) -> None:
    bind = message(
        "den här kanalen gäller Chefsgrupp folkhälsa",
        service_url=connector.url,
        conversation_type="channel",
        conversation_id=CHANNEL_ID,
        mention=True,
    )
    await teams.post(bind)
    _, reference = stored_conversations(assistant)[0]
    reminder = Answer(intent="reminder", text="Påminnelse: möte i morgon kl. 09.00.")

    await teams.server.app[TEAMS_BOT].notify(reference, reminder)

    later = connector.posted[-1]
    assert later.conversation == CHANNEL_ID
    assert later.reply_to is None
    assert answer_lines(later.card) == [reminder.text]


async def test_bot_added_to_a_team_introduces_itself(
    teams: TeamsClient, connector: FakeConnector, assistant: Any
) -> None:
    response = await teams.post(members_added([BOT_ID], service_url=connector.url))
    assert response.status in (200, 201)
    assert len(connector.posted) == 1
    intro = connector.posted[0]
    assert intro.conversation == CHANNEL_ID
    assert intro.reply_to is None  # a new post, not a reply
    card = intro.card
    assert card["body"][0]["text"].startswith("Hej!")
    help_answer = await expected(assistant, "hjälp", CHANNEL_ID)
    assert answer_lines(card) == lines(help_answer.text)


async def test_a_person_joining_gets_no_introduction(
    teams: TeamsClient, connector: FakeConnector
) -> None:
    await teams.post(members_added(["29:someone-else"], service_url=connector.url))
    assert connector.posted == []


async def test_personal_install_introduces_itself(
    teams: TeamsClient, connector: FakeConnector
) -> None:
    activity = members_added(
        [BOT_ID],
        service_url=connector.url,
        conversation_type="personal",
        conversation_id=PERSONAL_ID,
    )
    await teams.post(activity)
    assert connector.posted[0].conversation == PERSONAL_ID


async def test_health_reports_a_reachable_database(teams: TeamsClient) -> None:
    response = await teams.get("/healthz")
    assert response.status == 200
    assert (await response.json())["database"] == "reachable"
