"""What a conversation was just talking about: the one meeting its last answer rested
on, so that "och vem justerade?" or "vad beslutades där?" goes on from it, in Teams,
Slack and the terminal alike.

Kept in this process's memory, per conversation, for a while (a follow-up comes
within minutes): bounded, and holding only a day and a time, no names. With several
instances a follow-up that reaches another one is read as asked (the latest meeting).

    >>> recent = RecentMeetings()
    >>> recent.remember("slack:T1:C1", answer_about_20_september_2024)
    >>> recent.go_on("slack:T1:C1", "och vem justerade?", now)
    'och vem justerade? (2024-09-20)'
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from datetime import datetime

from bot.answering.conversation import follow_up, meeting_day_of
from bot.answers import Answer

KEPT_SECONDS = 30 * 60  # a follow-up is asked within minutes, not the next day
MAX_CONVERSATIONS = 10_000


class RecentMeetings:
    """The meeting day each conversation's last answer rested on, for a while."""

    def __init__(self, kept_seconds: float = KEPT_SECONDS, size: int = MAX_CONVERSATIONS) -> None:
        self._kept = kept_seconds
        self._size = size
        self._days: OrderedDict[str, tuple[str, float]] = OrderedDict()
        self._lock = threading.Lock()

    def go_on(self, conversation: str | None, question: str, now: datetime) -> str:
        """The question as meant in the conversation (see `follow_up`)."""
        day = self._day(conversation)
        return question if day is None else follow_up(question, day, now)

    def remember(self, conversation: str | None, answer: Answer) -> None:
        """Keep the day of the meeting `answer` rested on (an answer about no one
        meeting leaves the conversation's last one as it was)."""
        day = meeting_day_of(answer)
        if conversation is None or day is None:
            return
        with self._lock:
            self._days[conversation] = (day, time.monotonic())
            self._days.move_to_end(conversation)
            while len(self._days) > self._size:
                self._days.popitem(last=False)

    def _day(self, conversation: str | None) -> str | None:
        if conversation is None:
            return None
        with self._lock:
            kept = self._days.get(conversation)
        if kept is None or time.monotonic() - kept[1] > self._kept:
            return None
        return kept[0]
