"""The reminder engine: finds what is due (`bot.reminder_plan`), claims it, words
it (`bot.reminder_messages`) and hands it to the conversation's platform
`Sender`. No chat SDK is imported here; senders live in `bot.reminder_senders`.

Exactly once, across restarts and instances sharing the database. Every message
is a `reminder_deliveries` row, unique per (subscription, meeting key, lead):

1. claim: INSERT the row as "claimed" (by this instance, now) in its own committed
   transaction. The unique constraint lets exactly one instance win; the others
   see the conflict and move on.
2. "sending" is committed just before the platform is called, "sent" right after
   it accepted. A provable refusal (an HTTP error answer, a connection that could
   not be opened) puts the row back to "claimed" for a retry with backoff (429 and
   5xx, honouring Retry-After, a bounded number of times), or ends it: "failed", and
   for a conversation the bot was removed from the subscription is disabled.
3. A claim older than the lease whose instance died before "sending" is taken
   over (an UPDATE that checks the old status and time, so one instance wins).
   A row left "sending" is never retried: the platform may have posted it before
   the crash, so it becomes "unknown". The choice is at most once: a crash between
   the platform accepting a message and the "sent" commit loses no message and
   doubles none, but a crash during the request may lose that one message.

    engine = ReminderEngine(store, {"msteams": teams_sender, "slack": slack_sender})
    report = await engine.run_pass(now)
"""

from __future__ import annotations

import asyncio
import logging
import os
import secrets
import socket
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol

from sqlalchemy import and_, or_, update
from sqlalchemy.exc import IntegrityError

from bot.answers import Answer
from bot.reminder_messages import compose
from bot.reminder_plan import MAX_ATTEMPTS, Due, Plan, plan
from storage.models import ReminderDelivery, Subscription
from storage.store import Store

log = logging.getLogger(__name__)

LEASE = timedelta(minutes=5)
# One platform call may take this long before its outcome counts as unknown.
SEND_TIMEOUT_SECONDS = 60.0
ATTEMPTS_PER_PASS = 4
# A Retry-After longer than this leaves the message to a later pass.
MAX_WAIT_SECONDS = 60.0
BACKOFF_SECONDS = 1.0


class SendError(Exception):
    """A platform did not take a message. `outcome` says what that means:

    "retry": refused for now (429, 5xx) or never reached; try again later.
    "gone": the bot cannot post in the conversation any more (removed, archived).
    "failed": refused for good (a malformed message, bad credentials).
    "unknown": the request may have been posted (a timeout after sending).
    """

    def __init__(self, outcome: str, detail: str, retry_after: float | None = None) -> None:
        super().__init__(f"{outcome}: {detail}")
        self.outcome = outcome
        self.detail = detail
        self.retry_after = retry_after


class Sender(Protocol):
    """Posts an answer into a conversation from its stored reference; raises SendError."""

    async def send(self, reference: dict[str, Any], answer: Answer) -> None: ...


@dataclass
class PassReport:
    """What one pass did; `lost` counts messages another instance claimed first."""

    sent: int = 0
    skipped: int = 0
    retry: int = 0
    failed: int = 0
    unknown: int = 0
    disabled: int = 0
    lost: int = 0
    unsendable: int = 0  # no sender for the platform in this instance

    def summary(self) -> str:
        return (
            f"{self.sent} sent, {self.skipped} skipped, {self.retry} to retry, "
            f"{self.failed} failed, {self.unknown} unknown, {self.disabled} subscriptions "
            f"disabled, {self.lost} taken by another instance, {self.unsendable} without a sender"
        )


def instance_id() -> str:
    """This process among the service's instances: host, pid and a random part."""
    return f"{socket.gethostname()[:60]}:{os.getpid()}:{secrets.token_hex(4)}"


def wall_clock() -> datetime:
    return datetime.now(UTC)


class ReminderEngine:
    def __init__(
        self,
        store: Store,
        senders: Mapping[str, Sender],
        *,
        instance: str | None = None,
        lease: timedelta = LEASE,
        clock: Callable[[], datetime] = wall_clock,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.store = store
        self.senders = dict(senders)
        self.instance = instance or instance_id()
        self.lease = lease
        self.clock = clock
        self.sleep = sleep
        # Set to end a pass after the message being sent (a graceful shutdown).
        self.stopping = False

    async def run_pass(self, now: datetime) -> PassReport:
        """Send everything due at `now` (the schedule's clock; claims use the wall clock)."""
        report = PassReport()
        await asyncio.to_thread(self._expire_sending)
        planned = await asyncio.to_thread(self.plan, now)
        for skipped in planned.skipped:
            if await asyncio.to_thread(self._settle, skipped, "skipped"):
                report.skipped += 1
        for due in planned.due:
            if self.stopping:
                break
            await self._deliver(due, now, report)
        if report.sent or report.failed or report.disabled:
            log.info("reminders: %s", report.summary())
        return report

    def plan(self, now: datetime) -> Plan:
        with self.store.session() as session:
            return plan(session, now)

    # -- one message ---------------------------------------------------------------

    async def _deliver(self, due: Due, now: datetime, report: PassReport) -> None:
        sender = self.senders.get(due.subscription.platform)
        reference = due.subscription.reference
        if sender is None or reference is None:
            report.unsendable += 1
            return
        # Worded before the claim: a claim is never left behind by a failure to word it.
        answer = await asyncio.to_thread(self._compose, due, now)
        if not await asyncio.to_thread(self._claim, due):
            report.lost += 1
            return
        outcome = await self._send(due, sender, reference, answer)
        setattr(report, outcome, getattr(report, outcome) + 1)

    async def _send(
        self, due: Due, sender: Sender, reference: dict[str, Any], answer: Answer
    ) -> str:
        """Post with retries; the row's final status, as a PassReport field name."""
        attempt = 0
        while True:
            attempt += 1
            if not await asyncio.to_thread(self._mark, due, "sending", attempt=True):
                return "lost"  # the lease ran out and another instance took over
            try:
                await asyncio.wait_for(sender.send(reference, answer), SEND_TIMEOUT_SECONDS)
            except SendError as error:
                wait = _wait(error, attempt)
                if error.outcome != "retry" or attempt >= ATTEMPTS_PER_PASS or wait is None:
                    return await asyncio.to_thread(self._refused, due, error)
                await asyncio.to_thread(self._mark, due, "claimed", error=error.detail)
                log.info("reminders: delivery %s waits %.1f s: %s", due.lead, wait, error)
                await self.sleep(wait)
                continue
            except TimeoutError:
                await asyncio.to_thread(self._mark, due, "unknown", error="timed out")
                return "unknown"
            except Exception as exc:  # a sender's bug: the message may have gone out
                log.exception("reminders: sender failed for subscription %s", due.subscription.id)
                await asyncio.to_thread(self._mark, due, "unknown", error=repr(exc)[:500])
                return "unknown"
            await asyncio.to_thread(self._mark, due, "sent")
            return "sent"

    def _compose(self, due: Due, now: datetime) -> Answer:
        with self.store.session() as session:
            return compose(session, due, now)

    def _refused(self, due: Due, error: SendError) -> str:
        sub = due.subscription
        if error.outcome == "gone":
            self._mark(due, "failed", error=error.detail)
            self._disable(sub.id, f"{sub.platform}: {error.detail}")
            log.warning(
                "reminders: subscription %s disabled: conversation %s refuses posts (%s)",
                sub.id,
                sub.conversation,
                error.detail,
            )
            return "disabled"
        status = error.outcome if error.outcome in ("retry", "unknown") else "failed"
        self._mark(due, status, error=error.detail)
        log.warning("reminders: subscription %s: %s (%s)", sub.id, status, error.detail)
        return status

    # -- the database side of exactly once -------------------------------------------

    def _claim(self, due: Due) -> bool:
        """Insert the row as claimed by this instance, or take over one left behind."""
        now = self.clock()
        try:
            with self.store.transaction() as session:
                session.add(self._row(due, "claimed", now))
            return True
        except IntegrityError:
            pass
        with self.store.transaction() as session:
            result = session.execute(
                update(ReminderDelivery)
                .where(*self._identity(due), self._abandoned(now))
                .values(status="claimed", claimed_by=self.instance, claimed_at=now)
            )
            return _rowcount(result) == 1

    def _settle(self, due: Due, status: str) -> bool:
        """Record a final status for a message nobody sends (skipped)."""
        now = self.clock()
        try:
            with self.store.transaction() as session:
                session.add(self._row(due, status, now))
            return True
        except IntegrityError:
            pass
        with self.store.transaction() as session:
            result = session.execute(
                update(ReminderDelivery)
                .where(*self._identity(due), self._abandoned(now))
                .values(status=status, claimed_by=self.instance, claimed_at=now)
            )
            return _rowcount(result) == 1

    def _mark(
        self, due: Due, status: str, *, error: str | None = None, attempt: bool = False
    ) -> bool:
        """Move this instance's claim on; False when it is no longer ours."""
        now = self.clock()
        values: dict[str, Any] = {"status": status, "claimed_at": now}
        if status == "sent":
            values["sent_at"] = now
        if error is not None:
            values["error"] = error[:1000]
        if attempt:
            values["attempts"] = ReminderDelivery.attempts + 1
        with self.store.transaction() as session:
            result = session.execute(
                update(ReminderDelivery)
                .where(*self._identity(due), ReminderDelivery.claimed_by == self.instance)
                .values(**values)
            )
            return _rowcount(result) == 1

    def _disable(self, subscription_id: int, reason: str) -> None:
        with self.store.transaction() as session:
            session.execute(
                update(Subscription)
                .where(Subscription.id == subscription_id)
                .values(active=False, disabled_reason=reason[:500])
            )

    def _expire_sending(self) -> None:
        """Rows left "sending" past the lease: their instance died mid-request."""
        with self.store.transaction() as session:
            result = session.execute(
                update(ReminderDelivery)
                .where(
                    ReminderDelivery.status == "sending",
                    ReminderDelivery.claimed_at < self.clock() - self.lease,
                )
                .values(status="unknown", error="the sending instance stopped mid-request")
            )
            count = _rowcount(result)
        if count:
            log.warning("reminders: %d deliveries of unknown outcome (instance stopped)", count)

    def _row(self, due: Due, status: str, now: datetime) -> ReminderDelivery:
        return ReminderDelivery(
            subscription_id=due.subscription.id,
            meeting_key=due.meeting_key,
            lead=due.lead,
            meeting_start=due.meeting_start,
            status=status,
            attempts=0,
            claimed_by=self.instance,
            claimed_at=now,
        )

    @staticmethod
    def _identity(due: Due) -> tuple[Any, ...]:
        return (
            ReminderDelivery.subscription_id == due.subscription.id,
            ReminderDelivery.meeting_key == due.meeting_key,
            ReminderDelivery.lead == due.lead,
        )

    def _abandoned(self, now: datetime) -> Any:
        """A row nobody works on: claimed before the lease ran out, or left to retry."""
        return or_(
            and_(
                ReminderDelivery.status == "claimed", ReminderDelivery.claimed_at < now - self.lease
            ),
            and_(ReminderDelivery.status == "retry", ReminderDelivery.attempts < MAX_ATTEMPTS),
        )


def _wait(error: SendError, attempt: int) -> float | None:
    """Seconds before the next attempt: Retry-After, else doubling; None: too long."""
    wait = (
        error.retry_after if error.retry_after is not None else BACKOFF_SECONDS * 2 ** (attempt - 1)
    )
    return max(0.0, wait) if wait <= MAX_WAIT_SECONDS else None


def _rowcount(result: Any) -> int:
    """Rows an UPDATE changed (a CursorResult's rowcount; Session.execute is typed wider)."""
    return int(getattr(result, "rowcount", 0))
