"""`in_list`: a column in a list bound by name — an IN list on SQLite, one array
(`= ANY`) on PostgreSQL, so that one prepared statement serves lists of any length."""

from __future__ import annotations

from sqlalchemy import select, text

from storage.models import Group
from storage.statements import in_list
from storage.store import Store

BY_ID = select(Group.name).where(in_list(Group.id, "ids")).order_by(Group.name)
NOT_BY_ID = select(Group.name).where(in_list(Group.id, "ids", negated=True)).order_by(Group.name)


def test_lists_of_every_length_select_their_rows(store: Store) -> None:
    with store.transaction() as session:
        session.add_all(Group(name=name, short_name=name) for name in ("A", "B", "C"))
    with store.session() as session:
        ids = dict(session.connection().execute(select(Group.name, Group.id)).all())
        run = session.connection().scalars
        assert run(BY_ID, {"ids": []}).all() == []
        assert run(BY_ID, {"ids": [ids["B"]]}).all() == ["B"]
        assert run(BY_ID, {"ids": [ids["C"], ids["A"], 10**6]}).all() == ["A", "C"]
        assert run(NOT_BY_ID, {"ids": [ids["B"]]}).all() == ["A", "C"]
        assert run(NOT_BY_ID, {"ids": []}).all() == ["A", "B", "C"]


def test_postgres_prepares_one_statement_for_every_length(store: Store) -> None:
    if store.engine.dialect.name != "postgresql":
        return  # SQLite has no prepared statements to count
    with store.session() as session:
        connection = session.connection()
        for length in range(1, 12):  # more runs than psycopg waits before preparing
            connection.scalars(BY_ID, {"ids": list(range(length))}).all()
        prepared = connection.execute(
            text("SELECT statement FROM pg_prepared_statements WHERE statement LIKE '%ANY%'")
        ).all()
    assert len(prepared) == 1, prepared
