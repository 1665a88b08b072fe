"""Deliveries claimed together, off the event loop.

A chat platform's event is claimed in the store before it is answered, so that a
retry reaching another instance is not answered twice (`storage.deliveries`).
One INSERT and commit per event made every worker thread queue for the
database's writer at a few hundred messages a second (SQLite has one writer per
file, and one that finds it busy sleeps a millisecond and then longer). Here one
batch is written at a time, in one worker thread; the claims that arrive
meanwhile wait for the next batch, one statement for all of them:

    claims = DeliveryClaims(lambda batch: claim_deliveries(store, batch))
    if await claims.claim(["slack:Ev1"]):
        ...  # the first delivery of Ev1: answer it
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence

Write = Callable[[list[Sequence[str]]], list[bool]]


class DeliveryClaims:
    """Claims of one event loop, written `write(batch)` by batch in a worker thread."""

    def __init__(self, write: Write) -> None:
        self._write = write
        self._waiting: list[tuple[Sequence[str], asyncio.Future[bool]]] = []
        self._writer: asyncio.Task[None] | None = None

    async def claim(self, keys: Sequence[str]) -> bool:
        """True when no one had claimed any of `keys` before."""
        loop = asyncio.get_running_loop()
        future: asyncio.Future[bool] = loop.create_future()
        writer = self._writer
        if writer is None or writer.done() or writer.get_loop() is not loop:
            # (claims left by a loop that has stopped can no longer be answered)
            self._waiting = [w for w in self._waiting if w[1].get_loop() is loop]
            self._writer = loop.create_task(self._write_waiting())
        self._waiting.append((keys, future))
        return await future

    async def _write_waiting(self) -> None:
        while self._waiting:
            batch, self._waiting = self._waiting, []
            try:
                firsts = await asyncio.to_thread(self._write, [keys for keys, _ in batch])
            except asyncio.CancelledError:
                for _, future in batch:
                    future.cancel()
                raise
            except Exception as exc:
                for _, future in batch:
                    if not future.done():
                        future.set_exception(exc)
                continue
            for (_, future), first in zip(batch, firsts, strict=True):
                if not future.done():
                    future.set_result(first)
