"""Meeting, decision and agenda-item rows carry their meeting's group ids; the names
come from the lookups, or from the table for a group stored since they were read."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.loading import load_paths
from storage.lookups import Lookups, attach, group_ids, group_names
from storage.models import Group
from storage.parsing.records import STOCKHOLM
from storage.queries import meetings_between
from storage.store import Store


@contextmanager
def beta_stored_after_the_lookups(store: Store) -> Iterator[tuple[Session, dict[str, int]]]:
    """A session whose lookups know the group Alfa, and not Beta, stored since they
    were read (another process loading); with both groups' ids."""
    with store.transaction() as session:
        session.add(Group(name="Alfa", short_name="Alfa"))
    with store.session() as session:
        attach(session, Lookups.read(session))
        with store.transaction() as writer:
            writer.add(Group(name="Beta", short_name="Beta"))
        yield session, dict(session.connection().execute(select(Group.name, Group.id)).all())


def test_decisions_name_a_group_stored_after_the_lookups_were_read(store: Store) -> None:
    """Decision and item rows carry group ids, named from the lookups; a group stored
    since they were read is named from its table."""
    with beta_stored_after_the_lookups(store) as (session, ids):
        assert group_names(session, {ids["Alfa"]})[ids["Alfa"]] == "Alfa"
        names = group_names(session, {ids["Alfa"], ids["Beta"]})
    assert (names[ids["Alfa"]], names[ids["Beta"]]) == ("Alfa", "Beta")


def test_group_ids_of_a_group_stored_after_the_lookups_were_read(store: Store) -> None:
    """Statements that take group ids (a group's decisions in a period) find a group
    stored since the lookups were read; a name no group has has no id."""
    with beta_stored_after_the_lookups(store) as (session, ids):
        assert group_ids(session, ["Alfa"]) == [ids["Alfa"]]
        assert group_ids(session, ["Beta", "Gamma", "Alfa"]) == [ids["Beta"], ids["Alfa"]]


MINUTES = """PROTOKOLL

Gemensamma nämnden för hjälpmedel i Västmanland

Sammanträdesdatum: 2025-03-12

§ 18 Sammanträdesplan 2025

Beslut
Nämnden sammanträder 2025 enligt följande:
14 maj kl. 13.00–15.00
"""


def test_meetings_name_a_group_stored_after_the_lookups_were_read(
    store: Store, tmp_path: Path
) -> None:
    (tmp_path / "march.txt").write_text(MINUTES, encoding="utf-8")
    spring = (datetime(2025, 3, 1, tzinfo=STOCKHOLM), datetime(2025, 6, 1, tzinfo=STOCKHOLM))
    with store.session() as session:
        attach(session, Lookups.read(session))
        assert meetings_between(session, *spring) == []
        assert load_paths(store, [tmp_path]).ok  # loaded since the lookups were read
        found = [(m.day.isoformat(), m.groups) for m in meetings_between(session, *spring)]
    group = ("Gemensamma nämnden för hjälpmedel i Västmanland",)
    assert found == [("2025-03-12", group), ("2025-05-14", group)]
