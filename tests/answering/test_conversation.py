"""A conversation tied to a group: stored, so it outlives the process."""

from __future__ import annotations

from datetime import datetime

from bot.answers import AskContext
from bot.assistant import Assistant
from storage.loading import load_paths
from storage.parsing.records import STOCKHOLM
from storage.store import Store
from tests.conftest import real_minutes

AUTUMN_2020 = datetime(2020, 9, 1, 10, tzinfo=STOCKHOLM)


def test_binding_a_channel_to_a_group(db_url: str) -> None:
    store = Store.open(db_url)
    load_paths(store, real_minutes())
    channel = AskContext(
        now=AUTUMN_2020,
        conversation="msteams:19:abc@thread.tacv2",
        reference={"conversation": {"id": "19:abc@thread.tacv2"}},
    )
    bound = Assistant(store).answer("den här kanalen gäller Chefsgrupp folkhälsa", channel)
    assert bound.intent == "bind_group" and "Chefsgrupp folkhälsa" in bound.text

    # a new assistant (a restarted service) still knows the binding
    restarted = Store.open(db_url)
    later = Assistant(restarted).answer("nästa möte", channel)
    restarted.close()
    assert later.meetings[0].start.startswith("2020-10-13T14:00")

    elsewhere = Assistant(store).answer(
        "nästa möte", AskContext(now=AUTUMN_2020, conversation="slack:T1:C1")
    )
    assert elsewhere.meetings[0].start.startswith("2020-09-11")  # any group: SSR folkhälsa

    Assistant(store).answer("koppla bort kanalen från gruppen", channel)
    unbound = Assistant(store).answer("nästa möte", channel)
    assert unbound.meetings[0].start.startswith("2020-09-11")
    store.close()


def test_binding_needs_a_known_group(db_url: str) -> None:
    store = Store.open(db_url)
    load_paths(store, real_minutes())
    answer = Assistant(store).answer(
        "den här kanalen gäller", AskContext(now=AUTUMN_2020, conversation="x")
    )
    assert not answer.found and "Chefsgrupp folkhälsa" in answer.text
    store.close()
