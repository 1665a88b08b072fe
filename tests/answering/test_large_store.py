"""Answers in a store of many groups (the benchmark's generated corpus): bounded
lists say there is more and how to narrow the question; nothing is invented."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from bench.answers import build
from bot.answering.meetings import MAX_FACTS
from bot.answering.people import MAX_GROUPS
from bot.answers import Answer, AskContext
from bot.assistant import Assistant
from storage.parsing.records import STOCKHOLM

NOW = datetime(2020, 3, 4, 10, tzinfo=STOCKHOLM)


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Assistant]:
    folder: Path = tmp_path_factory.mktemp("large")
    store, _ = build(3000, f"sqlite:///{folder / 'large.db'}")  # 14 groups, 2006-2025
    yield Assistant(store, cache_size=0)
    store.close()


def ask(assistant: Assistant, question: str) -> Answer:
    return assistant.answer(question, AskContext(now=NOW))


def test_a_long_list_says_there_are_more(assistant: Assistant) -> None:
    answer = ask(assistant, "Vilka möten hölls hösten 2015?")
    assert answer.intent == "meetings"
    assert len(answer.meetings) == MAX_FACTS
    assert "fler än" in answer.text and "ange en grupp" in answer.text
    starts = [m.start for m in answer.meetings]
    assert starts == sorted(starts) and starts[0].startswith("2015-08")


def test_a_short_list_is_whole(assistant: Assistant) -> None:
    answer = ask(assistant, "Vilka möten har chefsgrupp folkhälsa 2015?")
    assert answer.intent == "meetings" and 0 < len(answer.meetings) < 30
    assert "fler än" not in answer.text


def test_representatives_in_many_groups_name_the_most_recent(assistant: Assistant) -> None:
    answer = ask(assistant, "Vem representerar Kumla?")
    groups = {p.group for p in answer.people}
    assert len(groups) == MAX_GROUPS
    assert f"de {MAX_GROUPS} grupper där Kumla senast fanns med" in answer.text


def test_a_municipality_never_listed_is_not_invented(assistant: Assistant) -> None:
    # the generated people come from nine of the twelve municipalities
    answer = ask(assistant, "Vem representerar Askersund?")
    assert not answer.people and "hittar ingen" in answer.text


def test_a_common_topic_in_an_old_year(assistant: Assistant) -> None:
    answer = ask(assistant, "Vad beslutades om psykisk hälsa 2008?")
    assert answer.intent == "decisions" and answer.decisions
    assert {d.meeting_date[:4] for d in answer.decisions} == {"2008"}
