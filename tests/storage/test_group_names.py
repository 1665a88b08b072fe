"""Decision and agenda-item rows carry their meeting's group ids; the names come from
the lookups, or from the table for a group stored since they were read."""

from __future__ import annotations

from sqlalchemy import select

from storage.lookups import Lookups, attach
from storage.models import Group
from storage.queries.decisions import _group_names
from storage.store import Store


def test_decisions_name_a_group_stored_after_the_lookups_were_read(store: Store) -> None:
    """Decision and item rows carry group ids, named from the lookups; a group stored
    since they were read (another process loading) is named from its table."""
    with store.transaction() as session:
        session.add(Group(name="Alfa", short_name="Alfa"))
    with store.session() as session:
        attach(session, Lookups.read(session))
        with store.transaction() as writer:
            writer.add(Group(name="Beta", short_name="Beta"))
        ids = dict(session.connection().execute(select(Group.name, Group.id)).all())
        assert _group_names(session, {ids["Alfa"]})[ids["Alfa"]] == "Alfa"
        names = _group_names(session, {ids["Alfa"], ids["Beta"]})
    assert (names[ids["Alfa"]], names[ids["Beta"]]) == ("Alfa", "Beta")
