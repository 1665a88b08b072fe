"""The clock and the names the understanding tests ask with."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from bot.understanding import Query, Vocabulary, understand
from storage.parsing.records import STOCKHOLM

# The acceptance questions' clock: a Sunday.
NOW = datetime(2026, 11, 22, 10, 0, tzinfo=STOCKHOLM)

CHEFSGRUPP = "Chefsgrupp för samverkan social välfärd samt vård och omsorg"
CHEFSGRUPP_FH = "Chefsgrupp folkhälsa"
SSR_SVO = "Specifika samverkansrådet för social välfärd samt vård och omsorg"
SSR_FH = "Specifika samverkansrådet för folkhälsa"

# People as the store knows them after reading the minutes (a few invented too).
VOCABULARY = Vocabulary.build(
    people=[
        "Eva Persson",
        "Jari Mehtäläinen",
        "Kristin Gustafsson",
        "Madde Gustafsson",
        "Ingmar Ångman",
        "Lise Bergman Nordgren",
        "Malin Duckert Ek",
        "Lisa Max",
    ],
    organizations=["Olaus Petri VC", "Länsstyrelsen Örebro län"],
)


def ask(text: str, **kwargs: Any) -> Query:
    """`understand` at NOW with the test vocabulary."""
    kwargs.setdefault("vocabulary", VOCABULARY)
    return understand(text, now=NOW, **kwargs)


def check(query: Query, expected: dict[str, Any]) -> None:
    """Every expected field has its value; intent is compared as its string name."""
    for name, value in expected.items():
        assert getattr(query, name) == value, f"{query.raw!r}: {name}={getattr(query, name)!r}"
