"""query indexes

What keeps answers fast in a large store: schedules are looked up per group and
period, and search widens a word to the indexed words it begins (search_terms,
filled here from the items already stored), and an item's text column holds
marks of its meeting's groups (storage.search.item_text), so a search within a
group asks the index for them. On PostgreSQL the items' search
vectors become stored columns, so the planner has statistics for each word and
reads a common word's newest matches straight off the primary key, and no row's
vector is computed again when it is read.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22 15:00:00
"""

from __future__ import annotations

from datetime import UTC
from typing import Any
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from alembic import op

STOCKHOLM = ZoneInfo("Europe/Stockholm")

MAX_TERM = 100  # storage.search.MAX_TERM when this revision was written
BATCH = 5000

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    terms = op.create_table(
        "search_terms", sa.Column("term", sa.String(length=100), primary_key=True)
    )
    conn = op.get_bind()
    seen: set[str] = set()
    rows = conn.execute(
        sa.text("SELECT search_title, search_text FROM agenda_items").execution_options(
            yield_per=BATCH
        )
    )
    for title, body in rows:
        seen.update(w for w in f"{title} {body}".split() if len(w) <= MAX_TERM)
    ordered = sorted(seen)
    for first in range(0, len(ordered), BATCH):
        conn.execute(terms.insert(), [{"term": t} for t in ordered[first : first + BATCH]])
    items = _items_with_groups(conn)
    _scope_marks(conn, items)
    _item_spans(conn, items)
    with op.batch_alter_table("schedule_spans", schema=None) as batch_op:
        batch_op.drop_index("ix_schedule_spans_first_day")
        # last_day too, so that spans ending before the period are passed over in the index
        batch_op.create_index(
            "ix_schedule_spans_group_first", ["group_id", "first_day", "last_day"]
        )
    if conn.dialect.name == "postgresql":
        _stored_search_vectors()
        # this schema's tables (a bare ANALYZE would read the whole database's)
        op.execute(
            "ANALYZE meetings, meeting_groups, attendances, agenda_items, decisions, "
            "schedule_spans, search_terms"
        )
    else:
        # Planner statistics (loading refreshes them; see Store.analyze): without
        # them SQLite may walk an organisation's listings instead of a meeting's.
        op.execute("PRAGMA analysis_limit=1000")
        op.execute("ANALYZE")


# (item id, its meeting's start, one of the meeting's group ids or None)
ItemRow = tuple[int, Any, int | None]


def _items_with_groups(conn: sa.Connection) -> list[ItemRow]:
    """An ItemRow per stored agenda item and group, in item and group order: read
    once for both the marks and the spans."""
    items = sa.table("agenda_items", sa.column("id"), sa.column("meeting_id"))
    meetings = sa.table("meetings", sa.column("id"), sa.column("start", sa.DateTime))
    groups = sa.table("meeting_groups", sa.column("meeting_id"), sa.column("group_id"))
    rows = conn.execute(
        sa.select(items.c.id, meetings.c.start, groups.c.group_id)
        .join(meetings, meetings.c.id == items.c.meeting_id)
        .outerjoin(groups, groups.c.meeting_id == meetings.c.id)
        .order_by(items.c.id, groups.c.group_id)
    )
    return [(row[0], row[1], row[2]) for row in rows]


def _scope_marks(conn: sa.Connection, items: list[ItemRow]) -> None:
    """Each stored item's meeting's groups, as storage.search.item_text writes them
    ("zzg12")."""
    marks: dict[int, list[str]] = {}
    for item_id, _start, group_id in items:
        if group_id is not None:
            marks.setdefault(item_id, []).append(f"zzg{group_id}")
    update = sa.text(
        "UPDATE agenda_items SET search_text = CASE WHEN search_text = '' THEN :marks "
        "ELSE search_text || ' ' || :marks END WHERE id = :id"
    )
    changed = [{"id": i, "marks": " ".join(m)} for i, m in marks.items()]
    for first in range(0, len(changed), BATCH):
        conn.execute(update, changed[first : first + BATCH])


def _item_spans(conn: sa.Connection, items: list[ItemRow]) -> None:
    """The id range of each month's agenda items, per group and for all (group 0),
    as storage.rows writes them."""
    spans = op.create_table(
        "item_spans",
        sa.Column("group_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("month", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("first_item", sa.Integer(), nullable=False),
        sa.Column("last_item", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("group_id", "month"),
    )
    found: dict[tuple[int, int], tuple[int, int]] = {}
    for item_id, start, group_id in items:
        if start is None:
            continue
        day = start.replace(tzinfo=UTC).astimezone(STOCKHOLM)
        month = day.year * 100 + day.month
        for key in ((0, month), (group_id, month)) if group_id else ((0, month),):
            low, high = found.get(key, (item_id, item_id))
            found[key] = (min(low, item_id), max(high, item_id))
    values = [
        {"group_id": g, "month": m, "first_item": low, "last_item": high}
        for (g, m), (low, high) in found.items()
    ]
    if values:
        conn.execute(spans.insert(), values)


def _stored_search_vectors() -> None:
    # the prefix look-up in search_terms: LIKE 'word%' whatever the collation
    op.execute("CREATE INDEX ix_search_terms_pattern ON search_terms (term text_pattern_ops)")
    op.execute("DROP INDEX ix_agenda_items_search")
    op.execute("DROP INDEX ix_agenda_items_search_title")
    for column, source in (
        ("search_vector_all", "search_title || ' ' || search_text"),
        ("search_vector_title", "search_title"),
    ):
        op.execute(
            f"ALTER TABLE agenda_items ADD COLUMN {column} tsvector "
            f"GENERATED ALWAYS AS (to_tsvector('simple', {source})) STORED"
        )
        op.execute(f"CREATE INDEX ix_agenda_items_{column} ON agenda_items USING gin ({column})")


def _drop_scope_marks(conn: sa.Connection) -> None:
    rows = conn.execute(sa.text("SELECT id, search_text FROM agenda_items")).all()
    update = sa.text("UPDATE agenda_items SET search_text = :text WHERE id = :id")
    changed = [
        {"id": item_id, "text": " ".join(w for w in text.split() if not _is_mark(w))}
        for item_id, text in rows
        if any(_is_mark(w) for w in text.split())
    ]
    for first in range(0, len(changed), BATCH):
        conn.execute(update, changed[first : first + BATCH])


def _is_mark(word: str) -> bool:
    """As storage.search.is_mark when this revision was written."""
    return word.startswith("zzg") and word[3:].isdigit()


def downgrade() -> None:
    _drop_scope_marks(op.get_bind())
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE agenda_items DROP COLUMN search_vector_all")
        op.execute("ALTER TABLE agenda_items DROP COLUMN search_vector_title")
        op.execute(
            "CREATE INDEX ix_agenda_items_search ON agenda_items USING gin "
            "(to_tsvector('simple', search_title || ' ' || search_text))"
        )
        op.execute(
            "CREATE INDEX ix_agenda_items_search_title ON agenda_items USING gin "
            "(to_tsvector('simple', search_title))"
        )
    op.drop_table("search_terms")
    op.drop_table("item_spans")
    with op.batch_alter_table("schedule_spans", schema=None) as batch_op:
        batch_op.drop_index("ix_schedule_spans_group_first")
        batch_op.create_index("ix_schedule_spans_first_day", ["first_day"])
