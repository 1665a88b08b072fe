"""sub-item index

A topic search finds agenda items and reads their decisions together with those of
their sub-items ("7. Samverkansorganisationen" decides under "Fokusgrupperna"). Each
found item is looked up as a heading by (meeting, parent): a partial index of the
few items that have a parent answers that at once, where the meeting index read
every item of the meeting (a third of the decisions statement's time at 100,000
meetings).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02 18:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

HAS_PARENT = sa.text("parent IS NOT NULL")


def upgrade() -> None:
    op.create_index(
        "ix_agenda_items_sub_items",
        "agenda_items",
        ["meeting_id", "parent"],
        sqlite_where=HAS_PARENT,
        postgresql_where=HAS_PARENT,
    )


def downgrade() -> None:
    op.drop_index("ix_agenda_items_sub_items", table_name="agenda_items")
