"""Which reminders and notices are due: the subscriptions, the meetings the store
knows now, and what each conversation was already sent, in; `Due` messages out.

Each pass reads the store afresh, so newly loaded schedules count at once. A
meeting is known by its key: its first planned day and a group,
"2026-12-11|Chefsgrupp folkhälsa" (a moved meeting keeps the day it was moved
from). Meeting ids change when a document is replaced; the key does not.

* A reminder goes out when its time has come and the meeting has not begun.
  Reminders whose time passed while nobody sent them (downtime) go out late,
  but only the latest of them; the earlier ones are skipped, as are those for
  meetings that have begun. Times before the subscription began are not owed.
* A cancelled meeting gets no reminder; a conversation already reminded of it
  gets one "cancelled" notice.
* A meeting moved to another day or hour is reminded at its new time; a
  conversation reminded of the old time gets one "changed" notice.
* A reminded meeting that no newer minutes mention any more ("gone") gets one
  notice.

    >>> meeting_key("Chefsgrupp folkhälsa", date(2026, 12, 11))
    '2026-12-11|Chefsgrupp folkhälsa'
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.answering.leads import begins, lead_code, parse_leads, reminder_time
from bot.understanding.query import LeadTime
from storage.models import Group, Meeting, MeetingGroup, ReminderDelivery, Subscription
from storage.parsing.records import STOCKHOLM
from storage.queries import MeetingView, meetings_between, meetings_on

# Meetings that began this long ago still get their missed reminders recorded as skipped.
LOOKBACK = timedelta(days=1)
# Statuses after which a delivery is never attempted again.
DONE = frozenset({"sent", "sending", "failed", "unknown", "skipped"})
# A delivery left to retry is tried this many times in all (bot.reminders).
MAX_ATTEMPTS = 12
# Statuses that mean the conversation (probably) got the message.
TOLD = frozenset({"sent", "unknown"})
NOTICES = ("cancelled", "changed", "gone")


@dataclass(frozen=True)
class SubscriptionView:
    id: int
    conversation_id: int
    conversation: str  # "msteams:…" / "slack:T:C"
    reference: dict[str, Any] | None
    group: str | None  # None: every group
    leads: tuple[LeadTime, ...]
    language: str
    created_at: datetime
    active: bool
    disabled_reason: str | None

    @property
    def platform(self) -> str:
        return self.conversation.split(":", 1)[0]


@dataclass(frozen=True)
class DeliveryRow:
    meeting_key: str
    lead: str
    meeting_start: datetime
    status: str
    sent_at: datetime | None
    claimed_at: datetime | None
    attempts: int = 0

    @property
    def done(self) -> bool:
        return self.status in DONE or (self.status == "retry" and self.attempts >= MAX_ATTEMPTS)


@dataclass(frozen=True)
class Due:
    """One message for one conversation: a reminder ("reminder") or a notice."""

    subscription: SubscriptionView
    kind: str  # reminder / cancelled / changed / gone
    meeting_key: str
    lead: str
    at: datetime  # when it is (or was) due
    meeting_start: datetime
    meeting: MeetingView | None  # None for "gone"
    previous_start: datetime | None = None


@dataclass
class Plan:
    due: list[Due] = field(default_factory=list)
    skipped: list[Due] = field(default_factory=list)
    upcoming: list[Due] = field(default_factory=list)


def meeting_key(group: str, day: date) -> str:
    return f"{day.isoformat()}|{group}"[:300]


def lead_key(lead: LeadTime, meeting: MeetingView) -> str:
    """A lead time and the day it counts from: moving the meeting owes new reminders."""
    return f"{lead_code(lead)}@{meeting.day.isoformat()}"


def first_day(meeting: MeetingView) -> date:
    moved_from = meeting.moved_from
    return (moved_from or meeting.start).astimezone(STOCKHOLM).date()


def load_subscriptions(
    session: Session, *, conversation: str | None = None, active_only: bool = True
) -> list[SubscriptionView]:
    query = select(Subscription).order_by(Subscription.id)
    if active_only:
        query = query.where(Subscription.active.is_(True))
    rows = session.scalars(query).unique().all()
    views = [_subscription_view(row) for row in rows]
    return [v for v in views if conversation is None or v.conversation == conversation]


def _subscription_view(row: Subscription) -> SubscriptionView:
    return SubscriptionView(
        id=row.id,
        conversation_id=row.conversation_id,
        conversation=row.conversation.key,
        reference=row.conversation.reference,
        group=row.group.name if row.group else None,
        leads=parse_leads(row.lead_times),
        language=row.language or "sv",
        created_at=row.created_at,
        active=row.active,
        disabled_reason=row.disabled_reason,
    )


def plan(
    session: Session,
    now: datetime,
    subscriptions: Sequence[SubscriptionView] | None = None,
    *,
    horizon: timedelta = timedelta(0),
) -> Plan:
    """What is due at `now`, what to record as skipped, and what comes next (for
    meetings up to `horizon` beyond the longest lead time)."""
    subs = load_subscriptions(session) if subscriptions is None else list(subscriptions)
    result = Plan()
    if not subs:
        return result
    rows = _deliveries(session, [s.id for s in subs], now)
    longest = max((lead.before for s in subs for lead in s.leads), default=timedelta(0))
    last_told = max((r.meeting_start for rs in rows.values() for r in rs), default=now)
    end = max(now + longest + horizon, last_told) + timedelta(days=2)
    meetings = meetings_between(session, now - LOOKBACK - longest, end)
    meetings += _moved_away(session, meetings, rows, now - LOOKBACK)
    covered = {(s.conversation_id, s.group) for s in subs if s.group is not None}
    present = {meeting_key(g, first_day(m)) for m in meetings for g in m.groups}
    for sub in subs:
        for meeting in meetings:
            if _concerns(sub, meeting, covered):
                key = _key_of(sub, meeting, rows)
                _plan_meeting(sub, meeting, key, rows.get((sub.id, key), []), now, result)
        _plan_gone(sub, present, rows, now, result)
    result.due.sort(key=lambda d: (d.at, d.subscription.id))
    result.upcoming.sort(key=lambda d: (d.at, d.subscription.id))
    return result


def _deliveries(
    session: Session, subscription_ids: Sequence[int], now: datetime
) -> dict[tuple[int, str], list[DeliveryRow]]:
    found: dict[tuple[int, str], list[DeliveryRow]] = defaultdict(list)
    query = select(ReminderDelivery).where(
        ReminderDelivery.subscription_id.in_(subscription_ids),
        ReminderDelivery.meeting_start >= now - timedelta(days=60),
    )
    for row in session.scalars(query):
        found[(row.subscription_id, row.meeting_key)].append(
            DeliveryRow(
                row.meeting_key,
                row.lead,
                row.meeting_start,
                row.status,
                row.sent_at,
                row.claimed_at,
                row.attempts,
            )
        )
    return found


def _moved_away(
    session: Session,
    meetings: Sequence[MeetingView],
    rows: dict[tuple[int, str], list[DeliveryRow]],
    since: datetime,
) -> list[MeetingView]:
    """Meetings moved from a day a conversation was reminded of to a day beyond
    the window: their reminders and notices are owed too."""
    present = {meeting_key(g, first_day(m)) for m in meetings for g in m.groups}
    known = {m.id for m in meetings}
    found: list[MeetingView] = []
    recent = {key for (_, key), rs in rows.items() if any(r.meeting_start >= since for r in rs)}
    for key in recent - present:
        day_text, _, group = key.partition("|")
        start = datetime.combine(date.fromisoformat(day_text), time(0), STOCKHOLM)
        moved_to = session.scalars(
            select(Meeting.start)
            .join(MeetingGroup, MeetingGroup.meeting_id == Meeting.id)
            .join(Group, Group.id == MeetingGroup.group_id)
            .where(
                Group.name == group,
                Meeting.moved_from >= start,
                Meeting.moved_from < start + timedelta(days=1),
                Meeting.start.is_not(None),
            )
        ).all()
        for moment in moved_to:
            if moment is None:
                continue
            for view in meetings_on(session, moment.astimezone(STOCKHOLM).date(), group=group):
                if view.id not in known and first_day(view).isoformat() == day_text:
                    known.add(view.id)
                    found.append(view)
    return found


def _concerns(sub: SubscriptionView, meeting: MeetingView, covered: set[tuple[int, str]]) -> bool:
    """A group's subscription covers its meetings; one for every group covers the
    meetings no other subscription of the same conversation covers."""
    if sub.group is not None:
        return sub.group in meeting.groups
    return bool(meeting.groups) and not any(
        (sub.conversation_id, g) in covered for g in meeting.groups
    )


def _key_of(
    sub: SubscriptionView,
    meeting: MeetingView,
    rows: dict[tuple[int, str], list[DeliveryRow]],
) -> str:
    """The meeting's key for this subscription; for one of every group, the key it
    was first reminded under (a joint meeting may gain groups later)."""
    day = first_day(meeting)
    if sub.group is not None:
        return meeting_key(sub.group, day)
    keys = [meeting_key(g, day) for g in sorted(meeting.groups)]
    return next((k for k in keys if (sub.id, k) in rows), keys[0] if keys else meeting_key("", day))


def _plan_meeting(
    sub: SubscriptionView,
    meeting: MeetingView,
    key: str,
    rows: Sequence[DeliveryRow],
    now: datetime,
    result: Plan,
) -> None:
    done = {r.lead for r in rows if r.done}
    told = sorted((r for r in rows if r.status in TOLD), key=_told_order)
    started = begins(meeting) <= now

    def due(kind: str, lead: str, at: datetime, previous: datetime | None = None) -> Due:
        return Due(sub, kind, key, lead, at, meeting.start, meeting, previous)

    if meeting.status == "cancelled":
        if told and not started and "cancelled" not in done:
            result.due.append(due("cancelled", "cancelled", now))
        return
    notice: Due | None = None
    if told and not started and _changed(told[-1].meeting_start, meeting):
        lead = f"changed@{meeting.start.astimezone(STOCKHOLM):%Y-%m-%dT%H:%M}"
        if lead not in done:
            notice = due("changed", lead, now, told[-1].meeting_start)
            result.due.append(notice)
    owed = [
        due("reminder", lead_key(lead, meeting), reminder_time(lead, meeting))
        for lead in sub.leads
        if reminder_time(lead, meeting) >= sub.created_at
    ]
    owed = [d for d in owed if d.lead not in done]
    result.upcoming.extend(d for d in owed if d.at > now and not started)
    late = sorted((d for d in owed if d.at <= now), key=lambda d: d.at)
    if not late:
        return
    if started or notice is not None:
        result.skipped.extend(late)
        return
    result.skipped.extend(late[:-1])
    result.due.append(late[-1])


def _plan_gone(
    sub: SubscriptionView,
    present: set[str],
    rows: dict[tuple[int, str], list[DeliveryRow]],
    now: datetime,
    result: Plan,
) -> None:
    """Meetings this conversation was reminded of that the store no longer has."""
    for (sub_id, key), delivered in rows.items():
        if sub_id != sub.id or key in present:
            continue
        told = sorted((r for r in delivered if r.status in TOLD), key=_told_order)
        if not told or told[-1].meeting_start <= now:
            continue
        if any(r.lead == "gone" for r in delivered):
            continue
        start = told[-1].meeting_start
        result.due.append(Due(sub, "gone", key, "gone", now, start, None, start))


def _told_order(row: DeliveryRow) -> datetime:
    return row.sent_at or row.claimed_at or row.meeting_start


def _changed(previous: datetime, meeting: MeetingView) -> bool:
    """Whether the meeting is now at another day or hour than the conversation was
    told. A time the minutes did not give before is no change."""
    before = previous.astimezone(STOCKHOLM)
    after = meeting.start.astimezone(STOCKHOLM)
    if before.date() != after.date():
        return True
    if before.time() == time(0, 0) or not meeting.time_known:
        return False
    return before != after


def describe(session: Session, now: datetime, *, upcoming: int = 10) -> str:
    """Subscriptions, what is due at `now` and what comes next, for operators
    (`minutesbot reminders list`). Ids and keys only: no message text."""
    subs = load_subscriptions(session, active_only=False)
    lines = [f"{len(subs)} subscriptions"]
    for sub in subs:
        state = "active" if sub.active else f"off: {sub.disabled_reason or '?'}"
        codes = ", ".join(lead_code(lead) for lead in sub.leads)
        lines.append(
            f"  #{sub.id} {sub.conversation} [{sub.group or 'every group'}] {codes} "
            f"{sub.language} since {sub.created_at:%Y-%m-%d %H:%M} ({state})"
        )
    statuses = session.execute(
        select(ReminderDelivery.status, func.count()).group_by(ReminderDelivery.status)
    ).all()
    counts = ", ".join(f"{count} {status}" for status, count in sorted(statuses))
    lines.append(f"deliveries: {counts or 'none'}")
    found = plan(session, now, [s for s in subs if s.active], horizon=timedelta(days=400))
    lines.append(f"due at {now:%Y-%m-%d %H:%M}: {len(found.due)}, to skip: {len(found.skipped)}")
    lines += [_due_line(d) for d in found.due]
    lines.append(f"next {min(upcoming, len(found.upcoming))} of {len(found.upcoming)}:")
    lines += [_due_line(d) for d in found.upcoming[:upcoming]]
    return "\n".join(lines)


def _due_line(due: Due) -> str:
    return (
        f"  {due.at.astimezone(STOCKHOLM):%Y-%m-%d %H:%M} #{due.subscription.id} {due.kind} "
        f"{due.meeting_key} {due.lead}"
    )
