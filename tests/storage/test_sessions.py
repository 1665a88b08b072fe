"""How read sessions end, what PostgreSQL keeps prepared, and the small tables
the answers look up in memory."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import create_engine, event, func, select, text

from bot.answers import AskContext
from bot.assistant import Assistant
from storage.loading import load_paths
from storage.lookups import Lookups, attach, lookups
from storage.models import Group, Organization
from storage.queries import representatives
from storage.search import search_items, stem_words
from storage.store import IDLE_PING_SECONDS, Store
from tests.conftest import NOW, POSTGRES_SERVER


def test_a_read_session_refuses_to_write(store: Store) -> None:
    with store.session() as session:
        session.add(Group(name="Skrivs inte", short_name="Skrivs inte"))
        with pytest.raises(RuntimeError, match="does not write"):
            session.flush()
    with store.session() as session:
        assert session.scalar(select(func.count()).select_from(Group)) == 0


def test_a_read_on_postgres_holds_no_transaction_open(store: Store) -> None:
    """Reads on PostgreSQL run in autocommit: no BEGIN, nothing left open."""
    with store.session() as session:
        connection = session.connection()
        connection.execute(text("SELECT 1"))
        if store.engine.dialect.name == "postgresql":
            status = connection.connection.dbapi_connection.info.transaction_status  # type: ignore[union-attr]
            assert status.name == "IDLE"
    # the pool's connections are back to transactions for writes
    with store.transaction() as session:
        session.add(Group(name="Skrivs", short_name="Skrivs"))
    with store.session() as session:
        assert session.scalar(select(func.count()).select_from(Group)) == 1


@pytest.mark.postgres
def test_postgres_keeps_prepared_statements_between_answers(loaded_store: Store) -> None:
    if loaded_store.engine.dialect.name != "postgresql":
        pytest.skip("PostgreSQL only")
    assistant = Assistant(loaded_store, cache_size=0)
    context = AskContext(now=NOW)
    for _ in range(8):
        assert assistant.answer("Vem representerar Kumla?", context).found
        assert assistant.answer("Vad sades om suicidsamordning?", context).found
    with loaded_store.session() as session:
        prepared = session.connection().execute(
            text("SELECT statement FROM pg_prepared_statements")
        )
        statements = [row[0] for row in prepared]
    # the lookups behind the answers are prepared once, across answers...
    assert any("attendances" in s for s in statements), statements
    # ...but a full-text search is planned for its words every time
    assert not any("to_tsquery" in s for s in statements), statements


def test_lookups_are_the_tables(loaded_store: Store) -> None:
    with loaded_store.session() as session:
        found = lookups(session)
        groups = {g: name for g, name in session.execute(select(Group.id, Group.name))}
        kumla = set(
            session.scalars(select(Organization.id).where(Organization.municipality == "Kumla"))
        )
    assert dict(found.group_names) == groups
    assert {found.group_ids[name] for name in groups.values()} == set(groups)
    assert set(found.municipality_orgs["Kumla"]) == kumla and kumla


def test_a_session_reads_its_lookups_once(loaded_store: Store) -> None:
    with loaded_store.session() as session:
        assert lookups(session) is lookups(session)


def test_a_group_added_by_another_process_is_answered_for(
    tmp_path: Path, minutes_text: str
) -> None:
    """The assistant's lookups follow the store: a group that another process
    (here, another Store on the same file) loads is known at the next answer."""
    url = f"sqlite:///{tmp_path / 'm.db'}"
    serving, loading = Store.open(url), Store.open(url)
    try:
        assistant = Assistant(serving, cache_size=0)
        context = AskContext(now=NOW)
        before = assistant.answer("Vem representerar Kumla i Ledningsgrupp Testlandet?", context)
        assert not before.people
        path = tmp_path / "testlandet.txt"
        path.write_text(minutes_text, encoding="utf-8")
        assert load_paths(loading, [path]).ok
        after = assistant.answer("Vem representerar Kumla i Ledningsgrupp Testlandet?", context)
        assert [p.name for p in after.people] == ["Anna Berg"], after.text
        assert after.people[0].group == "Ledningsgrupp Testlandet"
    finally:
        serving.close()
        loading.close()


@pytest.fixture
def minutes_text() -> str:
    return (
        "Minnesanteckningar Ledningsgrupp Testlandet\n"
        "Datum: 2026-10-05 kl. 09.00-12.00\n"
        "Plats: Kumla stadshus\n\n"
        "Närvarande:\n"
        "Anna Berg\tKumla kommun\n"
        "Per Holm\tNora kommun\n\n"
        "1. Mötets öppnande\n"
        "Ordförande Anna Berg öppnade mötet.\n"
    )


@contextmanager
def statements_run(store: Store) -> Iterator[list[str]]:
    """The SQL of every statement run on `store` inside the block."""
    seen: list[str] = []

    def record(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        seen.append(statement)

    event.listen(store.engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(store.engine, "before_cursor_execute", record)


def test_representatives_need_no_group_statements(loaded_store: Store) -> None:
    """With the lookups attached, representatives read no groups or organisations."""
    with loaded_store.session() as session:
        attached = Lookups.read(session)
    with statements_run(loaded_store) as seen, loaded_store.session() as session:
        attach(session, attached)
        found = representatives(session, municipality="Kumla", at=date(2026, 11, 22))
    assert found
    assert not [s for s in seen if "FROM groups" in s or "FROM organizations\n" in s]


def test_a_widened_word_is_read_once_per_session(loaded_store: Store) -> None:
    with statements_run(loaded_store) as seen, loaded_store.session() as session:
        first = search_items(session, stem_words("suicidsamordning"))
        again = search_items(session, stem_words("suicidsamordning"))
    assert first and first == again
    assert len([s for s in seen if "search_terms" in s]) == 1


def test_a_widened_word_is_read_once_per_state_of_the_store(loaded_store: Store) -> None:
    """Sessions given the same lookups (as the assistant gives each answer, until the
    store changes) widen a word once; fresh lookups widen it again."""
    with loaded_store.session() as session:
        attached = Lookups.read(session)
    with statements_run(loaded_store) as seen:
        for _ in range(3):
            with loaded_store.session() as session:
                attach(session, attached)
                assert search_items(session, stem_words("suicidsamordning"))
        assert len([s for s in seen if "search_terms" in s]) == 1
        with loaded_store.session() as session:
            attach(session, Lookups.read(session))
            assert search_items(session, stem_words("suicidsamordning"))
        assert len([s for s in seen if "search_terms" in s]) == 2


def _kill_pooled_connection(store: Store) -> None:
    """End, from another connection, the server process behind the pool's connection."""
    with store.session() as session:
        pid = session.connection().scalar(text("SELECT pg_backend_pid()"))
    killer = create_engine(POSTGRES_SERVER)
    try:
        with killer.connect() as conn:
            conn.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
    finally:
        killer.dispose()


@pytest.mark.postgres
def test_a_connection_lost_while_idle_is_replaced_unseen(loaded_store: Store) -> None:
    if loaded_store.engine.dialect.name != "postgresql":
        pytest.skip("PostgreSQL only")
    _kill_pooled_connection(loaded_store)
    time.sleep(IDLE_PING_SECONDS + 0.2)  # idle long enough to be pinged at checkout
    with loaded_store.session() as session:
        assert session.connection().scalar(text("SELECT 1")) == 1


@pytest.mark.postgres
def test_an_answer_survives_a_connection_lost_just_after_use(loaded_store: Store) -> None:
    """Used a moment ago, the connection is not pinged: the lost connection fails
    the first try, and the answer is asked again on a new one."""
    if loaded_store.engine.dialect.name != "postgresql":
        pytest.skip("PostgreSQL only")
    assistant = Assistant(loaded_store, cache_size=0)
    context = AskContext(now=NOW)
    assert assistant.answer("Vem representerar Kumla?", context).found
    _kill_pooled_connection(loaded_store)
    answer = assistant.answer("Vem representerar Kumla?", context)
    assert answer.intent == "representatives" and answer.found, answer.text


def test_postponed_questions_of_one_meeting_are_followed_in_one_read(
    loaded_store: Store,
) -> None:
    """2026-05-29 postponed three questions of one group: the decisions of its year
    after are read once for the two followed."""
    assistant = Assistant(loaded_store, cache_size=0)
    with statements_run(loaded_store) as seen:
        answer = assistant.answer("Vilka beslut fattades 2026-05-29?", AskContext(now=NOW))
    assert answer.text.count("Inget senare beslut") == 2
    assert len([s for s in seen if "agenda_items.search_text" in s and "FROM decisions" in s]) == 1
