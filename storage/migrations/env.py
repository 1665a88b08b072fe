"""Alembic environment: the engine comes from `Store` (config.attributes)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Engine, create_engine

from storage.models import Base

config = context.config
engine = config.attributes.get("engine")
if not isinstance(engine, Engine):
    url = config.get_main_option("sqlalchemy.url") or "sqlite:///minutesbot.db"
    engine = create_engine(url)

with engine.begin() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()
