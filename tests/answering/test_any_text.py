"""Any text gets an answer object: never an exception, never an internal error."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.answers import AskContext
from bot.assistant import Assistant
from storage.store import Store
from tests.conftest import NOW

HOSTILE = [
    "",
    " ",
    "\x00\x01\x02",
    "'; DROP TABLE meetings; --",
    '" OR 1=1 --',
    "<script>alert(1)</script> nästa möte",
    'vad beslutades om "kärn* AND kraft" NEAR(x y)',
    "vad sades om ( ) * ^ : -- OR NOT",
    "möte " * 5000,
    "å" * 100_000,
    "\u202e\u200b\u2066 nästa möte",
    "{{7*7}} ${jndi:ldap://x}",
    "vem representerar %s %d %n",
    "beslut 9999-99-99",
    "möten år 0",
    "möten 31/2",
    "vem var ordförande 32 januari 2024",
]
TEXT = st.one_of(
    st.text(max_size=300),
    st.lists(
        st.sampled_from(
            [
                "nästa",
                "möte",
                "beslut",
                "om",
                "vem",
                "representerar",
                "Kumla",
                "2023",
                "hösten",
                "ssr",
                "folkhälsa",
                "ordförande",
                "who",
                "what",
                "decided",
                "29/5",
                "inställt",
                "påminn",
                "hjälp",
                "kanalen",
            ]
        ),
        max_size=12,
    ).map(" ".join),
)


def check(assistant: Assistant, question: str) -> None:
    answer = assistant.answer(question, AskContext(now=NOW))
    assert answer.intent != "error", question[:80]
    assert isinstance(answer.text, str) and answer.text
    json.dumps(answer.to_json(), ensure_ascii=False)


def test_hostile_questions(sqlite_minutes: Store) -> None:
    assistant = Assistant(sqlite_minutes)
    for question in HOSTILE:
        check(assistant, question)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(question=TEXT)
def test_any_text(sqlite_minutes: Store, question: str) -> None:
    check(Assistant(sqlite_minutes), question)


def test_hostile_questions_leave_the_store_unchanged(sqlite_minutes: Store) -> None:
    from sqlalchemy import func, select

    from storage.models import Decision, Document, Meeting

    def counts() -> tuple[int | None, ...]:
        with sqlite_minutes.session() as session:
            return tuple(
                session.scalar(select(func.count()).select_from(t))
                for t in (Document, Meeting, Decision)
            )

    before = counts()
    test_hostile_questions(sqlite_minutes)
    assert counts() == before
