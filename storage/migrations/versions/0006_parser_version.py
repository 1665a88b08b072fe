"""parser version

Each document records which reading of minutes it holds
(storage.parsing.PARSER_VERSION). A stored file whose reading is older is read
again at its next ingest, so a better parser reaches the minutes already loaded.
Documents stored before this revision have none: their next ingest reads them again.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02 19:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("documents", sa.Column("parser_version", sa.String(length=20), nullable=True))


def downgrade() -> None:
    # a plain ALTER on both databases (SQLite 3.35+): no copy of the table
    op.execute("ALTER TABLE documents DROP COLUMN parser_version")
