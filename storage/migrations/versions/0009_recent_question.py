"""recent question of a conversation

The question a conversation last asked (as meant, a follow-up's words filled in),
so that a fragment ("Och 2022?", "och för Kumla?") asks it again with that part
changed, on whichever instance of the service it reaches (bot.answering.recent).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-03 22:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("conversations", schema=None) as batch_op:
        batch_op.add_column(sa.Column("recent_question", sa.String(length=300), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("conversations", schema=None) as batch_op:
        batch_op.drop_column("recent_question")
