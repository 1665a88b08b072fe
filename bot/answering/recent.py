"""What a conversation was just talking about: the one meeting its last answer rested
on, so that "och vem justerade?" or "vad beslutades där?" goes on from it, in Teams,
Slack and the terminal alike.

Kept for a while (a follow-up comes within minutes), holding only a day and a time,
no names. With a store, in the conversation's row: a follow-up goes on from the
meeting on whichever instance of the service it reaches. Without one (a test, a
tool), in this process's memory, bounded.

    >>> recent = RecentMeetings(store)
    >>> recent.remember("slack:T1:C1", answer_about_20_september_2024)
    >>> recent.go_on("slack:T1:C1", "och vem justerade?", now)
    'och vem justerade? (2024-09-20)'
"""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from datetime import UTC, datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from bot.answering.conversation import follow_up, meeting_day_of
from bot.answers import Answer
from storage.models import Conversation
from storage.store import Store

log = logging.getLogger(__name__)

KEPT_SECONDS = 30 * 60  # a follow-up is asked within minutes, not the next day
MAX_CONVERSATIONS = 10_000  # in memory, without a store
# A conversation's row as read with the store's stamp (bot.assistant): day, when
Stored = tuple[str | None, datetime | None]


class RecentMeetings:
    """The meeting day each conversation's last answer rested on, for a while."""

    def __init__(
        self,
        store: Store | None = None,
        kept_seconds: float = KEPT_SECONDS,
        size: int = MAX_CONVERSATIONS,
    ) -> None:
        self._store = store
        self._kept = kept_seconds
        self._size = size
        self._days: OrderedDict[str, tuple[str, float]] = OrderedDict()
        self._lock = threading.Lock()

    def go_on(
        self,
        conversation: str | None,
        question: str,
        now: datetime,
        *,
        stored: Stored | None = None,
    ) -> str:
        """The question as meant in the conversation (see `follow_up`); `stored`, the
        conversation's row as already read, else it is read here."""
        if conversation is None:
            return question
        day = self._fresh(*stored) if stored is not None else self._day(conversation)
        return question if day is None else follow_up(question, day, now)

    def remember(self, conversation: str | None, answer: Answer) -> None:
        """Keep the day of the meeting `answer` rested on (an answer about no one
        meeting leaves the conversation's last one as it was)."""
        day = meeting_day_of(answer)
        if conversation is None or day is None:
            return
        if self._store is not None:
            self._store_day(conversation, day)
            return
        with self._lock:
            self._days[conversation] = (day, time.monotonic())
            self._days.move_to_end(conversation)
            while len(self._days) > self._size:
                self._days.popitem(last=False)

    def _day(self, conversation: str | None) -> str | None:
        if conversation is None:
            return None
        if self._store is not None:
            return self._stored_day(conversation)
        with self._lock:
            kept = self._days.get(conversation)
        if kept is None or time.monotonic() - kept[1] > self._kept:
            return None
        return kept[0]

    def _stored_day(self, conversation: str) -> str | None:
        assert self._store is not None
        try:
            with self._store.session() as session:
                row = session.execute(
                    select(Conversation.recent_day, Conversation.recent_at).where(
                        Conversation.key == conversation
                    )
                ).first()
        except SQLAlchemyError:
            return None  # the question is asked as written; its answer says what failed
        return None if row is None else self._fresh(row.recent_day, row.recent_at)

    def _fresh(self, day: str | None, at: datetime | None) -> str | None:
        """The stored day, while it is kept."""
        if day is None or at is None:
            return None
        return day if datetime.now(UTC) - at <= timedelta(seconds=self._kept) else None

    def _store_day(self, conversation: str, day: str) -> None:
        """The day in the conversation's row (made if it has none yet)."""
        assert self._store is not None
        now = datetime.now(UTC)
        try:
            for _ in range(2):  # another instance may make the row at the same moment
                try:
                    with self._store.transaction() as session:
                        changed = session.execute(
                            update(Conversation)
                            .where(Conversation.key == conversation)
                            .values(recent_day=day, recent_at=now)
                        )
                        if not getattr(changed, "rowcount", 0):
                            session.add(
                                Conversation(
                                    key=conversation, updated_at=now, recent_day=day, recent_at=now
                                )
                            )
                    return
                except IntegrityError:
                    continue
        except SQLAlchemyError as exc:
            # the error's kind only: its text may quote the row
            failure = type(getattr(exc, "orig", None) or exc).__name__
            log.warning("could not keep the conversation's meeting (%s)", failure)
