"""Presenters kept at ingest (presenters, item_presenters): what loading writes,
migration 0005 writes alike for a store loaded before it, and a replaced document
takes its links with it."""

from __future__ import annotations

import shutil
from pathlib import Path

from alembic import command
from sqlalchemy import select

from storage.loading import load_paths
from storage.models import AgendaItem, ItemPresenter, Presenter
from storage.queries.presented import presenter_index
from storage.store import Store, alembic_config
from tests.conftest import real_minutes

# (item id, presenter key, presenter name)
Links = set[tuple[int, str, str]]


def links(store: Store) -> Links:
    with store.session() as session:
        rows = session.execute(
            select(ItemPresenter.item_id, Presenter.key, Presenter.name).join(
                Presenter, Presenter.id == ItemPresenter.presenter_id
            )
        ).all()
    return {(item_id, key, name) for item_id, key, name in rows}


def test_every_presenter_of_the_items_is_linked(loaded_store: Store) -> None:
    found = links(loaded_store)
    with loaded_store.session() as session:
        written = session.execute(select(AgendaItem.id, AgendaItem.presenters)).all()
    assert {item_id for item_id, _, _ in found} == {i for i, names in written if names}
    assert any(name == "Åsa Kindahl" for _, _, name in found)
    # one presenter per name, whatever the order of its words
    keys = [key for _, key, _ in found]
    assert all(key == " ".join(sorted(key.split())) for key in keys)


def test_migration_0005_links_what_loading_links(db_url: str) -> None:
    store = Store.open(db_url)
    assert load_paths(store, real_minutes()).ok
    loaded = links(store)
    config = alembic_config(store.engine)
    command.downgrade(config, "0004")
    command.upgrade(config, "head")
    assert links(store) == loaded and loaded
    store.close()


def test_a_replaced_document_takes_its_presenters_along(store: Store, tmp_path: Path) -> None:
    source = next(p for p in real_minutes() if p.name.startswith("001_"))
    copy = tmp_path / "minutes.txt"
    shutil.copy(source, copy)
    assert load_paths(store, [copy]).count("loaded") == 1
    with store.session() as session:
        assert presenter_index(session).unlisted_named("Åsa Kindahl") == ["Åsa Kindahl"]
    copy.write_text(
        source.read_text(encoding="utf-8").replace("Åsa Kindahl", "Åsa Lindahl"),
        encoding="utf-8",
    )
    assert load_paths(store, [copy]).count("replaced") == 1
    with store.session() as session:
        items = set(session.scalars(select(AgendaItem.id)))
        index = presenter_index(session)
        assert index.unlisted_named("Åsa Kindahl") == []
        assert index.unlisted_named("Åsa Lindahl") == ["Åsa Lindahl"]
    assert {item_id for item_id, _, _ in links(store)} <= items
