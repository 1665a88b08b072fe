"""Groups the minutes brought (not built in), named the shorter ways people say
them: without the owner ("i Karlskoga" for "i Karlskoga kommun"), by the head noun
("arbetsutskottet", "samverkansnämnden"), inflected, lower case, without å/ä/ö."""

from __future__ import annotations

from datetime import date

import pytest

from bot.understanding import Vocabulary
from bot.understanding.names import group_short_forms
from bot.understanding.query import Period
from bot.understanding.text import read_words
from tests.understanding.asking import CHEFSGRUPP, ask, check

SOCIAL = "Socialnämnden i Karlskoga kommun"
KSAU = "Kommunstyrelsens arbetsutskott"
NAMND = "Samverkansnämnden Bergslagen"
BARN = "Länsgruppen för barnhälsa"
ENGLISH = "Regional Steering Group for Digital Health"
STORED = Vocabulary.build(groups=[SOCIAL, KSAU, NAMND, BARN, ENGLISH, CHEFSGRUPP])


@pytest.mark.parametrize(
    ("question", "group"),
    [
        ("Vem var ordförande i socialnämnden i Karlskoga?", SOCIAL),
        ("vem var ordforande i socialnamnden i karlskoga", SOCIAL),
        ("vem var ordförande i socialnämnden", SOCIAL),
        ("när möts socialnämnd i Karlskoga?", SOCIAL),
        ("Vem justerade protokollet från arbetsutskottet?", KSAU),
        ("vem justerade arbetsutskottets protokoll", KSAU),
        ("vad beslutade arbetsutskott i september", KSAU),
        ("Vem var ordförande i samverkansnämnden?", NAMND),
        ("nar motes samverkansnamnden", NAMND),
        ("vilka var med i länsgruppen?", BARN),
        ("who chaired the steering group?", ENGLISH),
        # a built-in group's own names stay its own
        ("när möts chefsgruppen?", CHEFSGRUPP),
    ],
)
def test_a_stored_group_by_a_shorter_name(question: str, group: str) -> None:
    check(ask(question, vocabulary=STORED), {"group": group})


def test_a_shorter_name_two_groups_share_stands_for_both() -> None:
    other = "Socialnämnden i Kumla kommun"
    both = Vocabulary.build(groups=[SOCIAL, other])
    query = ask("vem var ordförande i socialnämnden?", vocabulary=both)
    assert (query.group, set(query.groups)) == (None, {SOCIAL, other})
    check(ask("vem var ordförande i socialnämnden i kumla?", vocabulary=both), {"group": other})


def test_short_forms() -> None:
    assert group_short_forms("kommunstyrelsens arbetsutskott") == ("arbetsutskott",)
    assert "socialnamnden i karlskoga" in group_short_forms("socialnamnden i karlskoga kommun")
    assert "samverkansnamnden" in group_short_forms("samverkansnamnden bergslagen")
    # a head too general to name one group, and a tail that is half of "vård och omsorg"
    assert "gruppen" not in group_short_forms("gruppen for barnhalsa")
    assert group_short_forms("chefsgrupp social valfard samt vard och omsorg") == ()


def test_a_short_name_never_takes_another_name() -> None:
    """A stored group's shorter name that is already a municipality, a built-in
    group's alias or a question word stays what it was."""
    vocabulary = Vocabulary.build(groups=["Chefsgruppen i Kumla kommun", "Mötet i Nora"])
    found = vocabulary.find(read_words("vem representerar kumla i chefsgruppen").tokens)
    assert (found.group, found.municipality) == (CHEFSGRUPP, "Kumla")
    check(ask("när är mötet?", vocabulary=vocabulary), {"group": None})


@pytest.mark.parametrize(
    "question",
    [
        "Vilka ärenden återremitterades?",
        "vad har återremitterats",
        "vilka arenden aterremiterades",  # no å/ä, a t missing
        "vilka återremisser finns det?",
        "which items were referred back?",
        "what was sent back?",
    ],
)
def test_referred_back_is_asked_as_postponed(question: str) -> None:
    check(ask(question), {"intent": "decisions", "status": "postponed", "topic": None})


def test_referred_back_in_a_group() -> None:
    query = ask("vilka ärenden återremitterades i arbetsutskottet?", vocabulary=STORED)
    check(query, {"intent": "decisions", "status": "postponed", "group": KSAU, "topic": None})


FEBRUARY_2026 = Period(date(2026, 2, 1), date(2026, 2, 28))


@pytest.mark.parametrize(
    ("question", "lean"),
    [
        # asked on 22 November 2026: the store may place these in the coming February
        ("möten i februari", "future"),
        ("Vilka möten kommer det att vara i februari?", "future"),
        ("Vilka möten hölls i februari?", "past"),  # the latest February with meetings
        ("vilka möten i februari 2026", None),  # a year written
    ],
)
def test_a_month_of_meetings_without_a_year(question: str, lean: str | None) -> None:
    check(ask(question), {"intent": "meetings", "period_lean": lean})


def test_a_past_month_of_meetings_stays_in_the_past() -> None:
    check(ask("Vilka möten hölls i februari?"), {"period": FEBRUARY_2026})
