"""Names that stand for several groups ("de specifika samverkansråden"): the
question is about each of them, never about one picked at random, and never
about every group."""

from __future__ import annotations

import pytest

from tests.understanding.asking import CHEFSGRUPP, CHEFSGRUPP_FH, SSR_FH, SSR_SVO, ask

COUNCILS = (SSR_FH, SSR_SVO)


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("När är nästa möte för specifika samverkansrådet?", "next_meeting"),
        ("nar ar nasta mote for specifika samverkansradet", "next_meeting"),
        ("när möts de specifika samverkansråden?", "next_meeting"),
        ("nästa möte för ssr", "next_meeting"),
        ("vilka möten har samverkansråden 2024?", "meetings"),
        ("Vem representerar Kumla i de specifika samverkansråden?", "representatives"),
        ("vad beslutade de specifika råden om hälso- och sjukvård i hemmet?", "decisions"),
        ("when do the specific councils meet next?", "next_meeting"),
    ],
)
def test_a_name_for_both_councils(question: str, intent: str) -> None:
    query = ask(question)
    assert query.intent == intent
    assert query.group is None
    assert query.groups == COUNCILS


def test_a_name_for_both_management_groups() -> None:
    query = ask("när möts chefsgrupperna?")
    assert query.groups == (CHEFSGRUPP_FH, CHEFSGRUPP) and query.group is None


@pytest.mark.parametrize(
    ("question", "group"),
    [
        ("nästa möte för ssr folkhälsa", SSR_FH),
        ("nästa möte i specifika samverkansrådet för social välfärd", SSR_SVO),
        ("nästa möte för chefsgruppen", CHEFSGRUPP),
    ],
)
def test_one_group_named_in_full_is_that_group(question: str, group: str) -> None:
    query = ask(question)
    assert query.group == group and query.groups == ()


def test_several_groups_named_win_over_the_conversations_group() -> None:
    query = ask("nästa möte för ssr", default_group=CHEFSGRUPP)
    assert query.group is None and query.groups == COUNCILS
    assert ask("nästa möte", default_group=CHEFSGRUPP).group == CHEFSGRUPP
