"""presenters

The people who presented agenda items, in tables of their own: `presenters` (each
name once, by its words in any order) and `item_presenters` (which items each
presented). Who someone is and what they presented were read from every agenda
item's presenters (1 s at 10,000 meetings, ten at 100,000, after every ingest);
now from a table of a few hundred rows, and a person's items by an index. Filled
here from the presenters the items already hold, oldest item first, so that a
presenter's name is the one first written.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02 19:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# The key loading writes: a key computed any other way would match no new item's.
from storage.identity import words_key

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

BATCH = 5000
MAX_NAME = 300  # presenters.name and key: a longer "name" is no name (storage.rows)

ITEMS = sa.table("agenda_items", sa.column("id", sa.Integer), sa.column("presenters", sa.JSON))


def upgrade() -> None:
    presenters = op.create_table(
        "presenters",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("key", sa.String(length=300), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("key"),
    )
    links = op.create_table(
        "item_presenters",
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("presenter_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["item_id"], ["agenda_items.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["presenter_id"], ["presenters.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("item_id", "presenter_id"),
    )
    conn = op.get_bind()
    _fill(conn, presenters, links)
    # after the fill: one index build instead of an index entry per row written
    op.create_index(
        "ix_item_presenters_presenter_item", "item_presenters", ["presenter_id", "item_id"]
    )
    if conn.dialect.name == "postgresql":
        op.execute("ANALYZE presenters, item_presenters")
    else:
        op.execute("ANALYZE presenters")
        op.execute("ANALYZE item_presenters")


def _fill(conn: sa.Connection, presenters: sa.Table, links: sa.Table) -> None:
    """The stored items' presenters, a batch of items at a time (by id, so that no
    cursor is open while the batch is written)."""
    ids: dict[str, int] = {}  # key -> presenter id
    keys: dict[str, str] = {}  # a name as written -> its key
    page = (
        sa.select(ITEMS.c.id, ITEMS.c.presenters)
        .where(ITEMS.c.id > sa.bindparam("after"))
        .order_by(ITEMS.c.id)
        .limit(BATCH)
    )
    after = 0
    while rows := conn.execute(page, {"after": after}).all():
        after = rows[-1][0]
        found = [
            (item_id, keys.setdefault(name, words_key(name)), name)
            for item_id, names in rows
            for name in names or ()
            if len(name) <= MAX_NAME
        ]
        found = [(i, key, name) for i, key, name in found if key and len(key) <= MAX_NAME]
        _add_presenters(conn, presenters, ids, found)
        pairs = {(item_id, ids[key]) for item_id, key, _ in found}
        if pairs:
            conn.execute(
                links.insert(), [{"item_id": i, "presenter_id": p} for i, p in sorted(pairs)]
            )


def _add_presenters(
    conn: sa.Connection,
    presenters: sa.Table,
    ids: dict[str, int],
    found: Sequence[tuple[int, str, str]],
) -> None:
    """Insert the presenters first seen in `found`, each under its first spelling."""
    new: dict[str, str] = {}
    for _, key, name in found:
        if key not in ids:
            new.setdefault(key, name)
    if new:
        inserted = conn.execute(
            presenters.insert().returning(presenters.c.key, presenters.c.id),
            [{"name": name, "key": key} for key, name in new.items()],
        )
        ids.update(inserted.all())


def downgrade() -> None:
    op.drop_index("ix_item_presenters_presenter_item", table_name="item_presenters")
    op.drop_table("item_presenters")
    op.drop_table("presenters")
