"""A group named inside a compound with its meeting or with "grupp"
("folkhälsomötet", "chefsgruppsmöte", "rådsmötena", "folkhälsogruppen"), and the
English "public health meeting": the question is about that group's meetings,
and the compound is not its topic."""

from __future__ import annotations

import pytest

from tests.understanding.asking import CHEFSGRUPP, CHEFSGRUPP_FH, SSR_FH, SSR_SVO, ask


@pytest.mark.parametrize(
    ("question", "intent", "group"),
    [
        ("när är nästa folkhälsomöte?", "next_meeting", CHEFSGRUPP_FH),
        ("nar ar nasta folkhalsomote", "next_meeting", CHEFSGRUPP_FH),
        ("vem var ordförande på senaste folkhälsomötet?", "meeting_roles", CHEFSGRUPP_FH),
        ("hur många folkhälsomöten var det 2020?", "meetings", CHEFSGRUPP_FH),
        ("när var folkhälsomötena 2020?", "meetings", CHEFSGRUPP_FH),
        ("vilka var närvarande på folkhälsogruppens senaste möte?", "attendance", CHEFSGRUPP_FH),
        ("vad beslutades på senaste chefsgruppsmötet?", "decisions", CHEFSGRUPP),
        ("when is the next public health meeting?", "next_meeting", CHEFSGRUPP_FH),
        ("who chaired the last public health meeting?", "meeting_roles", CHEFSGRUPP_FH),
        ("how many public health meetings were there in 2020?", "meetings", CHEFSGRUPP_FH),
        ("who attended the last welfare meeting?", "attendance", CHEFSGRUPP),
    ],
)
def test_a_group_in_a_compound(question: str, intent: str, group: str) -> None:
    query = ask(question)
    assert (query.intent, query.group) == (intent, group)
    assert not query.topic  # the compound is the group, not a topic


def test_the_councils_meeting_is_both_councils() -> None:
    query = ask("vem var med på senaste rådsmötet?")
    assert query.intent == "attendance"
    assert query.group is None and set(query.groups) == {SSR_FH, SSR_SVO}


@pytest.mark.parametrize(
    "question",
    [
        "vad sades om folkhälsoarbete?",  # a compound, but not of a meeting
        "vad beslutades om folkhälsa?",  # the word as a topic
        "what did we decide about public health?",
    ],
)
def test_other_compounds_stay_topics(question: str) -> None:
    query = ask(question)
    assert query.group is None and not query.groups
    assert query.topic
