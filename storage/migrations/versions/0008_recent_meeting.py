"""recent meeting of a conversation

The meeting day a conversation's last answer rested on, and when (server time), so
that a follow-up ("och vem justerade?") goes on from it on whichever instance of
the service it reaches (bot.answering.recent).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03 15:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("conversations", schema=None) as batch_op:
        batch_op.add_column(sa.Column("recent_day", sa.String(length=10), nullable=True))
        batch_op.add_column(sa.Column("recent_at", sa.DateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("conversations", schema=None) as batch_op:
        batch_op.drop_column("recent_at")
        batch_op.drop_column("recent_day")
