"""What a conversation was just talking about: the one meeting its last answer rested
on, so that "och vem justerade?" or "vad beslutades där?" goes on from it, and the
question it last asked, so that "Och 2022?" or "och för Kumla?" asks it again with
that part changed; in Teams, Slack and the terminal alike.

Kept for a while (a follow-up comes within minutes): a day, the last question and
a time. With a store, in the conversation's row: a follow-up goes on from them on
whichever instance of the service it reaches. Without one (a test, a tool), in this
process's memory, bounded.

    >>> recent = RecentMeetings(store)
    >>> recent.remember("slack:T1:C1", answer_about_20_september_2024, question)
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

from bot.answering.conversation import (
    asks_before_or_after,
    follow_up,
    meeting_day_of,
    rests_on_several,
)
from bot.answers import Answer
from bot.understanding import understand
from bot.understanding.ellipsis import go_on_from
from bot.understanding.query import Intent
from bot.understanding.vocabulary import Vocabulary
from storage.models import Conversation
from storage.store import Store

log = logging.getLogger(__name__)

KEPT_SECONDS = 30 * 60  # a follow-up is asked within minutes, not the next day
MAX_CONVERSATIONS = 10_000  # in memory, without a store
MAX_QUESTION = 300  # the stored question's length at most (longer ones are not kept)
# A conversation's row as read with the store's stamp (bot.assistant): day, question, when
Stored = tuple[str | None, str | None, datetime | None]
# Answers whose question a fragment may ask again with a part changed
FRAMED = frozenset(
    {
        Intent.NEXT_MEETING,
        Intent.MEETINGS,
        Intent.MEETING_INFO,
        Intent.MEETING_ROLES,
        Intent.ATTENDANCE,
        Intent.AGENDA,
        Intent.DECISIONS,
        Intent.REPRESENTATIVES,
        Intent.PERSON,
        Intent.SEARCH,
    }
)


class RecentMeetings:
    """The meeting day each conversation's last answer rested on, and its last
    question, for a while."""

    def __init__(
        self,
        store: Store | None = None,
        kept_seconds: float = KEPT_SECONDS,
        size: int = MAX_CONVERSATIONS,
    ) -> None:
        self._store = store
        self._kept = kept_seconds
        self._size = size
        self._kept_here: OrderedDict[str, tuple[str | None, str | None, float]] = OrderedDict()
        self._lock = threading.Lock()

    def go_on(
        self,
        conversation: str | None,
        question: str,
        now: datetime,
        *,
        stored: Stored | None = None,
        vocabulary: Vocabulary | None = None,
    ) -> str:
        """The question as meant in the conversation: a fragment ("Och 2022?") the
        last question with that part changed (see bot.understanding.ellipsis), a
        follow-up of one meeting that meeting's (see `follow_up`); `stored`, the
        conversation's row as already read, else it is read here."""
        if conversation is None:
            return question
        day, previous = self._fresh(*stored) if stored is not None else self._read(conversation)
        if previous is not None:
            went_on = go_on_from(previous, question, now=now, vocabulary=vocabulary)
            if went_on is not None:
                question = went_on
            elif day is not None and asks_before_or_after(question):
                # "och på mötet innan?": the last question of the meeting before the one
                # it was about (of the group it named)
                group = understand(previous, now=now, vocabulary=vocabulary).group
                relative = follow_up(question, day, now, group)
                merged = go_on_from(previous, relative, now=now, vocabulary=vocabulary)
                # kept when it still asks of one meeting ("vem var sekreterare efter …");
                # "beslut efter …" or "nästa möte före …" would not: the meeting, then
                if merged is not None:
                    which = understand(merged, now=now, vocabulary=vocabulary).which
                    if which in ("first", "last"):
                        return merged
                return relative
        return question if day is None else follow_up(question, day, now)

    def remember(self, conversation: str | None, answer: Answer, question: str) -> None:
        """Keep the day of the meeting `answer` rested on and the question it answered
        (as meant); an answer about no one meeting leaves the conversation's last
        meeting as it was, and one of no question to ask again (help, a command) its
        last question."""
        if conversation is None:
            return
        day = meeting_day_of(answer)
        framed = answer.intent in FRAMED and len(question) <= MAX_QUESTION
        kept = question if framed else None
        # after a list of meetings no one meeting is talked of: "och vem justerade?"
        # or "och mötet innan?" does not go back to the one before the list
        forget = answer.intent in FRAMED and rests_on_several(answer)
        if day is None and kept is None:
            return
        if self._store is not None:
            self._store_row(conversation, day, kept, forget=forget)
            return
        with self._lock:
            old_day, old_question, _ = self._kept_here.get(conversation, (None, None, 0.0))
            kept_day = None if forget else day or old_day
            self._kept_here[conversation] = (kept_day, kept or old_question, time.monotonic())
            self._kept_here.move_to_end(conversation)
            while len(self._kept_here) > self._size:
                self._kept_here.popitem(last=False)

    def _read(self, conversation: str) -> tuple[str | None, str | None]:
        if self._store is not None:
            return self._stored(conversation)
        with self._lock:
            kept = self._kept_here.get(conversation)
        if kept is None or time.monotonic() - kept[2] > self._kept:
            return None, None
        return kept[0], kept[1]

    def _stored(self, conversation: str) -> tuple[str | None, str | None]:
        assert self._store is not None
        try:
            with self._store.session() as session:
                row = session.execute(
                    select(
                        Conversation.recent_day,
                        Conversation.recent_question,
                        Conversation.recent_at,
                    ).where(Conversation.key == conversation)
                ).first()
        except SQLAlchemyError:
            return None, None  # the question is asked as written; its answer says what failed
        return (None, None) if row is None else self._fresh(*row)

    def _fresh(
        self, day: str | None, question: str | None, at: datetime | None
    ) -> tuple[str | None, str | None]:
        """The stored day and question, while they are kept."""
        if at is None or datetime.now(UTC) - at > timedelta(seconds=self._kept):
            return None, None
        return day, question

    def _store_row(
        self, conversation: str, day: str | None, question: str | None, *, forget: bool = False
    ) -> None:
        """The day and the question in the conversation's row (made if it has none
        yet); either left as it was when None, the day cleared when `forget`."""
        assert self._store is not None
        now = datetime.now(UTC)
        values: dict[str, object] = {"recent_at": now}
        if day is not None or forget:
            values["recent_day"] = day
        if question is not None:
            values["recent_question"] = question
        try:
            for _ in range(2):  # another instance may make the row at the same moment
                try:
                    with self._store.transaction() as session:
                        changed = session.execute(
                            update(Conversation)
                            .where(Conversation.key == conversation)
                            .values(values)
                        )
                        if not getattr(changed, "rowcount", 0):
                            session.add(Conversation(key=conversation, updated_at=now, **values))
                    return
                except IntegrityError:
                    continue
        except SQLAlchemyError as exc:
            # the error's kind only: its text may quote the row
            failure = type(getattr(exc, "orig", None) or exc).__name__
            log.warning("could not keep the conversation's last question (%s)", failure)
