"""Reminder subscriptions asked for in a chat: "påminn oss" / "remind us",
"sluta påminna" / "stop reminders", "påminnelser" / "reminders".

A conversation subscribes to its group's meetings (the group it is tied to or
the one it names) or, when it has none, to every group's. Lead times are the ones
asked for, else a week before and the day before at 09:00. Reminders are sent by
`bot.reminders`; these handlers only store what the conversation wants.

    assistant.answer("påminn oss dagen innan kl 15", context).text
    # 'Klart: här kommer påminnelser om alla gruppers möten dagen före kl. 15.00. …'
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.answering.conversation import remember_conversation
from bot.answering.facts import groups_text, meeting_fact
from bot.answering.format import pick, when
from bot.answering.leads import DEFAULT_LEADS, lead_code, leads_text
from bot.answers import Answer, AskContext
from bot.reminder_plan import Due, SubscriptionView, load_subscriptions, plan
from bot.understanding.query import Query
from storage.models import Conversation, Group, Subscription

# "alla grupper", "samtliga gruppers möten", "all groups", "every group".
ALL_GROUPS = re.compile(
    r"\b(?:alla|samtliga|varje|all|every|each)\s(?:grupp|grupper|gruppers|groups?|group's)\b",
    re.IGNORECASE,
)
UNSUBSCRIBED = "unsubscribed"
# How far ahead "next reminder" looks.
UPCOMING_HORIZON = timedelta(days=400)


def answer_subscribe(session: Session, query: Query, context: AskContext) -> Answer:
    lang = query.language
    conversation = remember_conversation(session, context)
    if conversation is None:
        return _not_here(lang)
    if conversation.reference is None:
        text = pick(
            lang,
            "Jag kan inte skicka påminnelser hit: jag vet inte hur jag når den här "
            "konversationen senare. Be om påminnelser i en Teams- eller Slack-kanal där jag finns.",
            "I cannot send reminders here: I do not know how to reach this conversation "
            "later. Ask for reminders in a Teams or Slack channel I am in.",
        )
        return Answer("subscribe", text, language=lang, found=False)
    group = _group(session, None if ALL_GROUPS.search(query.raw) else query.group)
    row = _subscription(session, conversation, group)
    leads = tuple(query.lead_times)
    if row is None:
        row = Subscription(conversation_id=conversation.id, group_id=group.id if group else None)
        session.add(row)
    if not row.active or row.id is None:
        row.created_at = context.now
        if not leads:
            leads = DEFAULT_LEADS
    row.lead_times = [lead_code(lead) for lead in leads] if leads else row.lead_times
    row.language, row.active, row.disabled_reason = lang, True, None
    session.flush()
    view = next(
        v for v in load_subscriptions(session, conversation=conversation.key) if v.id == row.id
    )
    whose = _whose(view.group, lang)
    text = pick(
        lang,
        f"Klart: här kommer påminnelser om {whose} möten {leads_text(view.leads, lang)}.",
        f"Done: reminders of {whose} meetings will come here {leads_text(view.leads, lang)}.",
    )
    return _with_next(session, view, text, context.now, "subscribe")


def answer_unsubscribe(session: Session, query: Query, context: AskContext) -> Answer:
    lang = query.language
    conversation = remember_conversation(session, context)
    if conversation is None:
        return _not_here(lang)
    active = _active(session, conversation)
    named = query.group if query.group and query.group != context.group else None
    if named is not None:
        active = [s for s in active if s.group is not None and s.group.name == named]
    if not active:
        text = pick(
            lang,
            f"Här finns inga påminnelser om {_whose(named, lang)} möten att stänga av.",
            f"There are no reminders of {_whose(named, lang)} meetings here to stop.",
        )
        return Answer("unsubscribe", text, language=lang, found=False)
    for row in active:
        row.active, row.disabled_reason = False, UNSUBSCRIBED
    names = [_whose(row.group.name if row.group else None, lang) for row in active]
    text = pick(
        lang,
        f"Klart: inga fler påminnelser här om {' och '.join(names)} möten.",
        f"Done: no more reminders here of {' and '.join(names)} meetings.",
    )
    return Answer("unsubscribe", text, language=lang)


def answer_list(session: Session, query: Query, context: AskContext) -> Answer:
    lang = query.language
    if not context.conversation:
        return _not_here(lang)
    views = [
        v
        for v in load_subscriptions(session, conversation=context.conversation, active_only=False)
        if v.active or v.disabled_reason != UNSUBSCRIBED
    ]
    if not views:
        text = pick(
            lang,
            'Här finns inga påminnelser. Skriv "påminn oss" så påminner jag om kommande möten '
            "en vecka före och dagen före.",
            'There are no reminders here. Write "remind us" and I will remind you of coming '
            "meetings a week before and the day before.",
        )
        return Answer("list_subscriptions", text, language=lang, found=False)
    lines = [pick(lang, "Påminnelser här:", "Reminders here:")]
    upcoming = _upcoming(session, [v for v in views if v.active], context.now)
    facts = []
    for view in views:
        whose = _whose(view.group, lang)
        label = pick(lang, f"{whose} möten", f"{whose} meetings")
        line = f"• {label[:1].upper()}{label[1:]}: {leads_text(view.leads, lang)}"
        due = upcoming.get(view.id)
        if not view.active:
            line += pick(lang, " – avstängda: ", " – stopped: ") + _reason(lang)
        elif due is not None:
            line += ". " + _next_text(due, lang)
            if due.meeting is not None:
                facts.append(meeting_fact(due.meeting))
        lines.append(line)
    return Answer("list_subscriptions", "\n".join(lines), meetings=facts, language=lang)


# -- helpers ----------------------------------------------------------------------------


def _not_here(lang: str) -> Answer:
    text = pick(
        lang,
        'Påminnelser skickas till en chattkanal: skriv "påminn oss" i den Teams- eller '
        "Slack-kanal där de ska synas.",
        'Reminders go to a chat channel: write "remind us" in the Teams or Slack channel '
        "where they should appear.",
    )
    return Answer("subscribe", text, language=lang, found=False)


def _group(session: Session, name: str | None) -> Group | None:
    if name is None:
        return None
    return session.scalar(select(Group).where(Group.name == name))


def _subscription(
    session: Session, conversation: Conversation, group: Group | None
) -> Subscription | None:
    query = select(Subscription).where(Subscription.conversation_id == conversation.id)
    if group is None:
        query = query.where(Subscription.group_id.is_(None))
    else:
        query = query.where(Subscription.group_id == group.id)
    return session.scalars(query.order_by(Subscription.id)).first()


def _active(session: Session, conversation: Conversation) -> list[Subscription]:
    query = select(Subscription).where(
        Subscription.conversation_id == conversation.id, Subscription.active.is_(True)
    )
    return list(session.scalars(query.order_by(Subscription.id)).unique())


def _whose(group: str | None, lang: str) -> str:
    """ "Chefsgrupp folkhälsas" / "alla gruppers"; "Chefsgrupp folkhälsa's" / "every group's"."""
    if group is None:
        return pick(lang, "alla gruppers", "every group's")
    name = groups_text([group], lang)
    if lang == "sv":
        return name if name.endswith(("s", "x", "z")) else name + "s"
    return name + "'s"


def _upcoming(session: Session, views: Sequence[SubscriptionView], now: datetime) -> dict[int, Due]:
    """Each subscription's next reminder."""
    found: dict[int, Due] = {}
    for due in plan(session, now, views, horizon=UPCOMING_HORIZON).upcoming:
        found.setdefault(due.subscription.id, due)
    return found


def _next_text(due: Due, lang: str) -> str:
    at = when(due.at, None, True, lang)
    meeting = due.meeting
    if meeting is None:
        return pick(lang, f"Nästa påminnelse: {at}.", f"Next reminder: {at}.")
    start = when(meeting.start, meeting.end, meeting.time_known, lang)
    return pick(
        lang,
        f"Nästa påminnelse: {at}, inför mötet {start}.",
        f"Next reminder: {at}, before the meeting on {start}.",
    )


def _with_next(
    session: Session, view: SubscriptionView, text: str, now: datetime, intent: str
) -> Answer:
    lang = view.language
    upcoming = _upcoming(session, load_subscriptions(session, conversation=view.conversation), now)
    due = upcoming.get(view.id)
    if due is None or due.meeting is None:
        text += " " + pick(
            lang,
            "Inga kommande möten finns i protokollen ännu; nya mötestider tas med när de läses in.",
            "No coming meetings are in the minutes yet; new dates count as soon as they are loaded.",
        )
        return Answer(intent, text, language=lang)
    return Answer(
        intent,
        f"{text}\n{_next_text(due, lang)}",
        meetings=[meeting_fact(due.meeting)],
        language=lang,
    )


def _reason(lang: str) -> str:
    return pick(
        lang,
        'jag kunde inte längre skriva här. Skriv "påminn oss" för att slå på dem igen.',
        'I could no longer post here. Write "remind us" to turn them on again.',
    )
