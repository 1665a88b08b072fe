"""item words (PostgreSQL)

A B-tree of (word, agenda item) pairs beside the full-text index: a topic's
newest matches are read backwards off it, word by word, and a few hundred index
entries answer what the GIN index answered by testing the newest items one by
one (storage.search). Kept by triggers as items are written, as SQLite's FTS5
table is; filled here from the items already stored. SQLite keeps to FTS5,
which reads its matches in id order already.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03 07:00:00
"""

from __future__ import annotations

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

# (word, item) for every stemmed word and group mark of an item, whether its title
# has the word too; from agenda items' stored vectors (migration 0003).
_WORDS_OF = (
    "SELECT word, {items}.id AS item_id, "
    "word = ANY(tsvector_to_array({items}.search_vector_title)) AS title "
    "FROM {items}, unnest(tsvector_to_array({items}.search_vector_all)) AS word"
)

_ADD = "INSERT INTO item_words " + _WORDS_OF.format(items="added") + "; "
# by the primary key: the removed item's words, each with its id
_REMOVE = (
    "DELETE FROM item_words AS w USING removed WHERE w.item_id = removed.id "
    "AND w.word = ANY(tsvector_to_array(removed.search_vector_all)); "
)


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(
        "CREATE TABLE item_words (word text NOT NULL, item_id integer NOT NULL, "
        "title boolean NOT NULL)"
    )
    op.execute("INSERT INTO item_words " + _WORDS_OF.format(items="agenda_items"))
    # Built after the rows, in one pass (an index kept row by row is slower to fill).
    # A walk reads whether a word is in the title off the index too.
    op.execute("ALTER TABLE item_words ADD PRIMARY KEY (word, item_id) INCLUDE (title)")
    op.execute("CREATE INDEX ix_item_words_title ON item_words (word, item_id) WHERE title")
    op.execute(
        "CREATE FUNCTION item_words_added() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        + _ADD
        + "RETURN NULL; END $$"
    )
    op.execute(
        "CREATE FUNCTION item_words_removed() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        + _REMOVE
        + "RETURN NULL; END $$"
    )
    # Statement triggers: the items of a document are written in one statement, and
    # their words go in with one more.
    op.execute(
        "CREATE TRIGGER item_words_ai AFTER INSERT ON agenda_items "
        "REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION item_words_added()"
    )
    op.execute(
        "CREATE TRIGGER item_words_ad AFTER DELETE ON agenda_items "
        "REFERENCING OLD TABLE AS removed FOR EACH STATEMENT "
        "EXECUTE FUNCTION item_words_removed()"
    )
    # An update (of the search columns, say) takes the old words out, then puts the new in.
    op.execute(
        "CREATE FUNCTION item_words_changed() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        + _REMOVE
        + _ADD
        + "RETURN NULL; END $$"
    )
    op.execute(
        "CREATE TRIGGER item_words_au AFTER UPDATE ON agenda_items "
        "REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT "
        "EXECUTE FUNCTION item_words_changed()"
    )
    op.execute("ANALYZE item_words")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for trigger in ("item_words_ai", "item_words_ad", "item_words_au"):
        op.execute(f"DROP TRIGGER {trigger} ON agenda_items")
    for function in ("item_words_added", "item_words_removed", "item_words_changed"):
        op.execute(f"DROP FUNCTION {function}()")
    op.execute("DROP TABLE item_words")
