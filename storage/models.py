"""The store's tables (SQLAlchemy 2). The same schema serves SQLite and PostgreSQL.

Meetings, attendance, agenda items and decisions belong to the document they were
read from: replacing or removing a document removes exactly what it said. People,
organisations and groups are shared across documents.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from functools import lru_cache
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Dialect,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy import text as sql_text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from storage.parsing.records import STOCKHOLM

# Times kept converted, per dialect (a few hundred bytes each: about 1 MB in all).
RECENT_TIMES = 4096


class StockholmTime(TypeDecorator[datetime]):
    """Stored as naive UTC (portable), read back as aware Europe/Stockholm time."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the store; times must be aware")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC).astimezone(STOCKHOLM)

    def result_processor(self, dialect: Dialect, coltype: Any) -> Callable[[Any], Any]:
        """process_result_value, without TypeDecorator's generic wrapper and with the
        times a store reads again and again (its meetings' starts, in every answer)
        converted once: the conversion was two fifths of the client's work on a
        statement of 57 decisions. (The value as the driver gives it is the key: a
        datetime on PostgreSQL, text on SQLite, which the column type parses.)"""
        parse = self.impl_instance.result_processor(dialect, coltype)

        @lru_cache(maxsize=RECENT_TIMES)
        def stockholm(value: Any) -> datetime | None:
            return self.process_result_value(parse(value) if parse else value, dialect)

        def process(value: Any) -> datetime | None:
            return None if value is None else stockholm(value)

        return process


class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {dict[str, Any]: JSON, list[str]: JSON}


class Group(Base):
    __tablename__ = "groups"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300), unique=True)
    short_name: Mapped[str] = mapped_column(String(300))
    aliases: Mapped[list[GroupAlias]] = relationship(back_populates="group")


class GroupAlias(Base):
    __tablename__ = "group_aliases"
    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"))
    alias: Mapped[str] = mapped_column(String(300), unique=True)  # folded
    group: Mapped[Group] = relationship(back_populates="aliases")


class Document(Base):
    __tablename__ = "documents"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(500), index=True)  # file name
    path: Mapped[str] = mapped_column(Text, index=True)  # a changed file replaces by path
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    format: Mapped[str] = mapped_column(String(10))
    ingested_at: Mapped[datetime] = mapped_column(StockholmTime())
    title: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[str] = mapped_column(String(50), default="")
    document_date: Mapped[date | None] = mapped_column(Date)
    # storage.parsing.PARSER_VERSION when it was read (None: before versions were kept)
    parser_version: Mapped[str | None] = mapped_column(String(20))
    # Loaded only when asked for: queries join documents for their names, not text.
    text: Mapped[str] = mapped_column(Text, default="", deferred=True)
    warnings: Mapped[list[str]] = mapped_column(default=list, deferred=True)
    meetings: Mapped[list[Meeting]] = relationship(
        back_populates="document", cascade="all, delete-orphan", passive_deletes=True
    )


class MeetingGroup(Base):
    """Which groups a meeting is of; a joint meeting has several.

    `start` repeats the meeting's start so that "this group's meetings in this
    period" is one index range scan on (group_id, start).
    """

    __tablename__ = "meeting_groups"
    __table_args__ = (Index("ix_meeting_groups_group_start", "group_id", "start"),)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), primary_key=True
    )
    group_id: Mapped[int] = mapped_column(
        ForeignKey("groups.id", ondelete="CASCADE"), primary_key=True
    )
    start: Mapped[datetime | None] = mapped_column(StockholmTime())


class ScheduleSpan(Base):
    """The days a document's schedule speaks for, per group: from the document's
    own date to the last meeting it lists. A newer span supersedes older plans."""

    __tablename__ = "schedule_spans"
    # "this group's schedules that began in this period and end in it or later":
    # one index range per group, the end read off the index
    __table_args__ = (Index("ix_schedule_spans_group_first", "group_id", "first_day", "last_day"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"))
    document_date: Mapped[date] = mapped_column(Date)
    first_day: Mapped[date] = mapped_column(Date)
    last_day: Mapped[date] = mapped_column(Date)


class Meeting(Base):
    """A meeting as one document tells it: the one it records (source "minutes")
    or one it plans, moves or cancels (source "schedule")."""

    __tablename__ = "meetings"
    __table_args__ = (
        Index("ix_meetings_start", "start"),
        Index("ix_meetings_moved_from", "moved_from"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    source: Mapped[str] = mapped_column(String(20))
    start: Mapped[datetime | None] = mapped_column(StockholmTime())
    end: Mapped[datetime | None] = mapped_column(StockholmTime())
    time_known: Mapped[bool] = mapped_column(Boolean, default=True)
    place: Mapped[str | None] = mapped_column(Text)
    mode: Mapped[str | None] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20))
    moved_from: Mapped[datetime | None] = mapped_column(StockholmTime())
    note: Mapped[str | None] = mapped_column(Text)
    joint_with: Mapped[list[str]] = mapped_column(default=list)
    document: Mapped[Document] = relationship(back_populates="meetings")
    groups: Mapped[list[Group]] = relationship(secondary="meeting_groups", lazy="selectin")
    attendances: Mapped[list[Attendance]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan", passive_deletes=True
    )
    items: Mapped[list[AgendaItem]] = relationship(
        back_populates="meeting",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="AgendaItem.position",
    )


class Organization(Base):
    __tablename__ = "organizations"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300), unique=True)
    kind: Mapped[str] = mapped_column(String(20))  # municipality / region / other
    municipality: Mapped[str | None] = mapped_column(String(100), index=True)
    lansdel: Mapped[str | None] = mapped_column(String(50))


class Person(Base):
    __tablename__ = "people"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300))  # the most recent spelling
    key: Mapped[str] = mapped_column(String(300), unique=True)
    names: Mapped[list[PersonName]] = relationship(back_populates="person")


class PersonName(Base):
    """Every spelling of a person seen in the minutes."""

    __tablename__ = "person_names"
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(300))
    key: Mapped[str] = mapped_column(String(300), unique=True)  # folded spelling
    person: Mapped[Person] = relationship(back_populates="names")


class SearchTerm(Base):
    """Every stemmed word the search index holds (storage.search): a prefix in a
    question is widened to the words it begins, which the index finds fast."""

    __tablename__ = "search_terms"
    term: Mapped[str] = mapped_column(String(100), primary_key=True)


class ItemSpan(Base):
    """The ids of a month's agenda items, first to last, per group (group 0: all
    groups): a search within a period walks only that range of the index. Kept as
    documents are written; a replaced document may leave a range wider than its
    items, never narrower."""

    __tablename__ = "item_spans"
    group_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    month: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)  # yyyymm
    first_item: Mapped[int]
    last_item: Mapped[int]


class Attendance(Base):
    """One listing of a person at a meeting. `meeting_start` repeats the meeting's
    start so "latest listing for this organisation / person" is an index walk."""

    __tablename__ = "attendances"
    __table_args__ = (
        Index("ix_attendances_org_start", "organization_id", "meeting_start"),
        Index("ix_attendances_person_start", "person_id", "meeting_start"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    organization_id: Mapped[int | None] = mapped_column(ForeignKey("organizations.id"))
    group_id: Mapped[int | None] = mapped_column(ForeignKey("groups.id"))
    meeting_start: Mapped[datetime | None] = mapped_column(StockholmTime())
    role: Mapped[str] = mapped_column(String(40))
    present: Mapped[bool] = mapped_column(Boolean)
    title: Mapped[str | None] = mapped_column(Text)
    party: Mapped[str | None] = mapped_column(String(20))
    note: Mapped[str | None] = mapped_column(Text)
    meeting: Mapped[Meeting] = relationship(back_populates="attendances")
    person: Mapped[Person] = relationship(lazy="joined")
    organization: Mapped[Organization | None] = relationship(lazy="joined")
    group: Mapped[Group | None] = relationship()


class AgendaItem(Base):
    __tablename__ = "agenda_items"
    # A heading's sub-items ("7" -> "Fokusgrupperna", "Val av AU"), looked up for each
    # item a topic search finds: the few items that have a parent, by meeting.
    __table_args__ = (
        Index(
            "ix_agenda_items_sub_items",
            "meeting_id",
            "parent",
            sqlite_where=sql_text("parent IS NOT NULL"),
            postgresql_where=sql_text("parent IS NOT NULL"),
        ),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    number: Mapped[str] = mapped_column(String(20))
    parent: Mapped[str | None] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(Text)
    presenters: Mapped[list[str]] = mapped_column(default=list)  # as written; see ItemPresenter
    text: Mapped[str] = mapped_column(Text, default="")
    # Stemmed words of title and text, for search (see storage.search).
    search_title: Mapped[str] = mapped_column(Text, default="")
    search_text: Mapped[str] = mapped_column(Text, default="")
    meeting: Mapped[Meeting] = relationship(back_populates="items")
    decisions: Mapped[list[Decision]] = relationship(
        back_populates="item",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="Decision.position",
    )


class Presenter(Base):
    """A name agenda headings give as presenter (föredragande, "9. Psykiatrin, …,
    Johan Molin och Åsa Kindahl"), as first written; many are on no attendance list.
    Shared across documents, like people; which person a presenter is is decided
    when the store is read (storage.queries.presented), as people are merged."""

    __tablename__ = "presenters"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    key: Mapped[str] = mapped_column(String(300), unique=True)  # storage.identity.words_key


class ItemPresenter(Base):
    """Who presented an agenda item; belongs to the item's document. Read by
    presenter, newest item first: "what did Jan Sundelius present?"."""

    __tablename__ = "item_presenters"
    __table_args__ = (Index("ix_item_presenters_presenter_item", "presenter_id", "item_id"),)
    item_id: Mapped[int] = mapped_column(
        ForeignKey("agenda_items.id", ondelete="CASCADE"), primary_key=True
    )
    presenter_id: Mapped[int] = mapped_column(
        ForeignKey("presenters.id", ondelete="CASCADE"), primary_key=True
    )


class Decision(Base):
    __tablename__ = "decisions"
    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(
        ForeignKey("agenda_items.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(20))
    referred_to: Mapped[str | None] = mapped_column(Text)
    item: Mapped[AgendaItem] = relationship(back_populates="decisions")


class Conversation(Base):
    """A chat conversation the bot has seen: its group binding and how to reach it."""

    __tablename__ = "conversations"
    __table_args__ = (UniqueConstraint("key"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(500))  # "msteams:..." / "slack:T:C"
    group_id: Mapped[int | None] = mapped_column(ForeignKey("groups.id", ondelete="SET NULL"))
    reference: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(StockholmTime())
    # the meeting day (YYYY-MM-DD) its last answer rested on, and when (server time):
    # a follow-up goes on from it (bot.answering.recent)
    recent_day: Mapped[str | None] = mapped_column(String(10))
    recent_at: Mapped[datetime | None] = mapped_column(StockholmTime())
    # the question it last asked, as meant: a fragment ("Och 2022?") asks it again
    # with that part changed (bot.understanding.ellipsis), while recent_at is fresh
    recent_question: Mapped[str | None] = mapped_column(String(300))
    group: Mapped[Group | None] = relationship(lazy="joined")


class Subscription(Base):
    """A conversation that wants reminders of coming meetings."""

    __tablename__ = "subscriptions"
    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[int] = mapped_column(
        ForeignKey("conversations.id", ondelete="CASCADE"), index=True
    )
    group_id: Mapped[int | None] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"))
    # Lead times as codes, "P7DT09:00" (7 days before at 09:00) or "PT1H" (an hour
    # before): see bot.answering.leads.
    lead_times: Mapped[list[str]] = mapped_column(default=list)
    # The language reminders are written in: the one the subscription was asked in.
    language: Mapped[str] = mapped_column(String(5), default="sv", server_default="sv")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    disabled_reason: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(StockholmTime())
    conversation: Mapped[Conversation] = relationship(lazy="joined")
    group: Mapped[Group | None] = relationship(lazy="joined")


class ReminderDelivery(Base):
    """One reminder (meeting, subscription, lead time): claimed, then sent, once."""

    __tablename__ = "reminder_deliveries"
    __table_args__ = (UniqueConstraint("subscription_id", "meeting_key", "lead"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    subscription_id: Mapped[int] = mapped_column(
        ForeignKey("subscriptions.id", ondelete="CASCADE"), index=True
    )
    # The meeting as first planned, "2026-12-11|<group>": stable when documents are
    # replaced (new meeting ids) and when the meeting moves (see bot.reminder_plan).
    meeting_key: Mapped[str] = mapped_column(String(300))
    # A lead time code and the meeting day it counts from ("P1DT09:00@2026-12-11"),
    # or a notice: "cancelled", "changed@2026-12-18T13:00", "gone".
    lead: Mapped[str] = mapped_column(String(40))
    meeting_start: Mapped[datetime] = mapped_column(StockholmTime())
    # claimed -> sending -> sent; or retry / failed / unknown / skipped (bot.reminders)
    status: Mapped[str] = mapped_column(String(20))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    claimed_by: Mapped[str | None] = mapped_column(String(100))
    claimed_at: Mapped[datetime | None] = mapped_column(StockholmTime())
    sent_at: Mapped[datetime | None] = mapped_column(StockholmTime())
    error: Mapped[str | None] = mapped_column(Text)


class SlackEvent(Base):
    """Slack events already answered: a retried delivery is not answered twice,
    even by another instance."""

    __tablename__ = "slack_events"
    event_id: Mapped[str] = mapped_column(String(100), primary_key=True)
    seen_at: Mapped[datetime] = mapped_column(DateTime)
