"""A small, bounded cache of answers, so the same question asked again (in many
channels, by many people) costs one dictionary look-up.

An entry's key holds everything an answer depends on: the question, the group
it is about, the language, the minute it is asked in and the store's version
(the newest document and person ids), so ingesting minutes invalidates it.

    >>> cache = AnswerCache(size=2)
    >>> cache.put(("q",), answer); cache.get(("q",)) is answer
    True
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable

from bot.answers import Answer


class AnswerCache:
    def __init__(self, size: int = 4096) -> None:
        self.size = size
        self._entries: OrderedDict[Hashable, Answer] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def get(self, key: Hashable) -> Answer | None:
        with self._lock:
            answer = self._entries.get(key)
            if answer is None:
                self.misses += 1
                return None
            self._entries.move_to_end(key)
            self.hits += 1
            return answer

    def put(self, key: Hashable, answer: Answer) -> None:
        if self.size <= 0:
            return
        with self._lock:
            self._entries[key] = answer
            self._entries.move_to_end(key)
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)
