"""The assistant: a question and its context in, an `Answer` out.

Platform-neutral: the CLI, Teams and Slack adapters all call `ask` (async) or
`answer` (blocking). It never raises on a question: whatever the text, the
caller gets an Answer.

    >>> assistant = Assistant(Store.open("sqlite:///minutesbot.db"))
    >>> assistant.answer("När är nästa möte?", AskContext(now=now)).intent
    'next_meeting'
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import replace

from sqlalchemy import func, select
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.orm import Session

from bot.answer_cache import AnswerCache
from bot.answering import (
    chosen,
    conversation,
    dates,
    decisions,
    groups,
    meetings,
    people,
    reminders,
)
from bot.answering.facts import meeting_fact
from bot.answering.format import pick
from bot.answering.recent import RecentMeetings, Stored
from bot.answers import Answer, AskContext, MeetingFact, combined
from bot.delivery_claims import DeliveryClaims
from bot.understanding import Vocabulary, understand
from bot.understanding.ellipsis import fragment_language
from bot.understanding.query import Intent, Query
from storage.deliveries import claim_deliveries
from storage.fast_reads import fetch_all
from storage.lookups import Lookups, attach, lookups
from storage.models import Document, PersonName
from storage.parsing.records import STOCKHOLM
from storage.queries import known_names, meeting_by_id
from storage.store import Store

log = logging.getLogger(__name__)

Handler = Callable[[Session, Query, AskContext], Answer]

HANDLERS: dict[Intent, Handler] = {
    Intent.NEXT_MEETING: meetings.answer_next,
    Intent.MEETINGS: meetings.answer_list,
    Intent.MEETING_INFO: chosen.answer_meeting_info,
    Intent.MEETING_ROLES: people.answer_roles,
    Intent.ATTENDANCE: people.answer_attendance,
    Intent.REPRESENTATIVES: people.answer_representatives,
    Intent.PERSON: people.answer_person,
    Intent.DECISIONS: decisions.answer_decisions,
    Intent.AGENDA: decisions.answer_agenda,
    Intent.SEARCH: decisions.answer_search,
    Intent.GROUPS: groups.answer_groups,
    Intent.BIND_GROUP: conversation.answer_bind,
    Intent.UNBIND_GROUP: conversation.answer_unbind,
    Intent.SUBSCRIBE: reminders.answer_subscribe,
    Intent.UNSUBSCRIBE: reminders.answer_unsubscribe,
    Intent.LIST_SUBSCRIPTIONS: reminders.answer_list,
}
# The store's stamp, a conversation's bound group and the meeting it last asked about,
# in one statement. New or replaced documents get new ids: the newest ids say the
# store changed.
STAMP = select(
    select(func.max(Document.id)).scalar_subquery(),
    select(func.max(PersonName.id)).scalar_subquery(),
    conversation.BOUND_GROUP.scalar_subquery(),
    conversation.RECENT_DAY.scalar_subquery(),
    conversation.RECENT_QUESTION.scalar_subquery(),
    conversation.RECENT_AT.scalar_subquery(),
)
# Answers to these depend on the conversation's stored state or change it: never cached.
UNCACHED = frozenset(
    {
        Intent.BIND_GROUP,
        Intent.UNBIND_GROUP,
        Intent.SUBSCRIBE,
        Intent.UNSUBSCRIBE,
        Intent.LIST_SUBSCRIPTIONS,
    }
)
# Intents that change stored state run in a committing transaction.
WRITES = frozenset({Intent.BIND_GROUP, Intent.UNBIND_GROUP, Intent.SUBSCRIBE, Intent.UNSUBSCRIBE})


class Assistant:
    def __init__(self, store: Store, *, cache_size: int = 4096) -> None:
        self.store = store
        self.cache = AnswerCache(cache_size)
        # (the store's stamp, the vocabulary and the lookups read at that stamp)
        self._known: tuple[tuple[int, int], Vocabulary, Lookups] | None = None
        self._lock = threading.Lock()
        self._claims = DeliveryClaims(self._claim_batch)
        self.recent = RecentMeetings(store)

    async def ask(self, question: str, context: AskContext) -> Answer:
        """`answer` off the event loop."""
        return await asyncio.to_thread(self.answer, question, context)

    def answer(self, question: str, context: AskContext) -> Answer:
        meant = [question]  # the question as meant in the conversation, once read
        found = self._answer_safely(question, context, meant)
        self.recent.remember(context.conversation, found, meant[-1])
        return found

    def _answer_safely(self, question: str, context: AskContext, meant: list[str]) -> Answer:
        try:
            try:
                return self._answer(question, context, meant)
            except DBAPIError as exc:
                if not exc.connection_invalidated:
                    raise
                # A pooled connection was lost (the database restarted since it was
                # last used): the pool has dropped them all; ask again on a new one.
                log.warning("database connection lost; asking again on a new one")
                return self._answer(question, context, meant)
        except SQLAlchemyError:
            log.exception("database error while answering")
            return _trouble(context, "database")
        except Exception:
            log.exception("error while answering")
            return _trouble(context, "internal")

    def _answer(self, question: str, context: AskContext, meant: list[str]) -> Answer:
        writes = False
        with self.store.session() as session:
            # the store's stamp and the conversation's group and meeting in one statement
            vocabulary, stamp, bound, recent = self._vocabulary_of(session, context.conversation)
            # "och vem justerade?" goes on from the meeting the conversation was about,
            # "Och 2022?" from its last question
            asked = question
            question = self.recent.go_on(
                context.conversation, question, context.now, stored=recent, vocabulary=vocabulary
            )
            meant.append(question)
            if question != asked and not context.language:
                # answered in the language the follow-up is said in ("and in 2022?")
                said = fragment_language(asked, vocabulary=vocabulary)
                context = replace(context, language=said) if said else context
            group = bound
            if context.group:  # as the caller wrote it: the store's name for it
                group = vocabulary.group_named(context.group)
                if group is None:
                    return _unknown_group(session, context)
            minute = context.now.astimezone(STOCKHOLM).replace(second=0, microsecond=0)
            key = (question.strip(), group, context.language, minute, stamp)
            cached = self.cache.get(key)
            if cached is not None:
                return cached
            query = understand(
                question, now=context.now, vocabulary=vocabulary, default_group=group
            )
            if context.language:
                query = replace(query, language=context.language)
            query = dates.place_day(session, query, context.now.astimezone(STOCKHOLM).date())
            context = replace(context, group=group)
            if query.intent == Intent.HELP:
                return conversation.answer_help(query, context)
            pointed = conversation.meeting_unknown(query)
            if pointed is not None:
                return conversation.answer_which_meeting(query, pointed)
            handler = HANDLERS.get(query.intent)
            if handler is None:
                return conversation.answer_unknown(query, context)
            writes = query.intent in WRITES
            if not writes:
                answer = _for_each_group(handler, session, query, context)
                answer = meetings.note_skipped(session, query, context, answer)
                if query.intent not in UNCACHED:
                    self.cache.put(key, answer)
                return answer
        with self.store.transaction() as session:
            return handler(session, query, context)

    async def claim_delivery(self, keys: Sequence[str]) -> bool:
        """True the first time a platform delivers these event ids (see storage.deliveries);
        claims made at the same moment are written together (bot.delivery_claims)."""
        return await self._claims.claim(keys)

    def _claim_batch(self, claims: list[Sequence[str]]) -> list[bool]:
        """With the database away the questions are answered anyway (with the message
        that the database cannot be reached): a reply beats silence, and the adapter's
        own memory still catches retries to this instance."""
        try:
            return claim_deliveries(self.store, claims)
        except SQLAlchemyError as exc:
            # the error's kind only: its text may quote the keys' rows
            failure = type(getattr(exc, "orig", None) or exc).__name__
            log.warning("could not record deliveries (%s); answering anyway", failure)
            return [True] * len(claims)

    def meeting(self, meeting_id: int) -> MeetingFact | None:
        """One meeting's facts (for calendar files), or None if it is gone."""
        with self.store.session() as session:
            view = meeting_by_id(session, meeting_id)
        return meeting_fact(view) if view is not None else None

    def vocabulary(self, session: Session) -> Vocabulary:
        """Names questions may mention, rebuilt when the store's documents change
        (and with them the small tables' lookups)."""
        return self._vocabulary_of(session)[0]

    def _vocabulary_of(
        self, session: Session, conversation_key: str | None = None
    ) -> tuple[Vocabulary, tuple[int, int], str | None, Stored]:
        """The vocabulary, the store's stamp, and the group `conversation_key` is bound
        to and the meeting it last asked about; the session is given the lookups of
        the same state."""
        # no conversation has the key ""
        newest = fetch_all(session.connection(), STAMP, {"conversation": conversation_key or ""})[0]
        stamp = (newest[0] or 0, newest[1] or 0)
        with self._lock:
            if self._known is None or self._known[0] != stamp:
                found = Lookups.read(session)
                attach(session, found)
                names = known_names(session)
                vocabulary = Vocabulary.build(
                    groups=names.groups, people=names.people, organizations=names.organizations
                )
                self._known = (stamp, vocabulary, found)
            _, vocabulary, found = self._known
        attach(session, found)
        return vocabulary, stamp, newest[2], (newest[3], newest[4], newest[5])


def _for_each_group(
    handler: Handler, session: Session, query: Query, context: AskContext
) -> Answer:
    """The answer, for each group when the question names several at once."""
    if query.group is not None or not query.groups:
        return handler(session, query, context)
    return combined(
        [
            handler(session, replace(query, group=g, groups=(), one_of_several=True), context)
            for g in query.groups
        ]
    )


def _unknown_group(session: Session, context: AskContext) -> Answer:
    """The conversation's group (`--group`, a setting) names no group in the minutes."""
    lang = context.language or "sv"
    asked = (context.group or "")[:80]
    known = ", ".join(sorted(lookups(session).group_ids))
    text = pick(
        lang,
        f"Jag känner inte till gruppen ”{asked}” i protokollen. Grupper: {known}.",
        f"I do not know the group “{asked}” in the minutes. Groups: {known}.",
    )
    return Answer("unknown", text, language=lang, found=False)


def _trouble(context: AskContext, kind: str) -> Answer:
    lang = context.language or "sv"
    text = pick(
        lang,
        "Jag kan inte svara just nu: databasen går inte att nå. Försök igen om en stund."
        if kind == "database"
        else "Något gick fel när jag sökte svaret. Försök igen eller formulera frågan annorlunda.",
        "I cannot answer right now: the database cannot be reached. Please try again shortly."
        if kind == "database"
        else "Something went wrong while I looked for the answer. Try again or rephrase.",
    )
    return Answer("error", text, language=lang, found=False)
