"""Parsed records -> rows. Shared things (groups, organisations, people) are
found or created; everything else belongs to the document being written.

A `RowWriter` keeps look-up caches across the files of one ingest run; after a
rolled-back transaction call `forget()`, since the ids it cached are gone.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from typing import cast

from sqlalchemy import Table, case, select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from storage.identity import person_key, same_person, words_key
from storage.models import (
    AgendaItem,
    Attendance,
    Decision,
    Group,
    GroupAlias,
    ItemPresenter,
    ItemSpan,
    Meeting,
    MeetingGroup,
    Organization,
    Person,
    PersonName,
    Presenter,
    ScheduleSpan,
    SearchTerm,
)
from storage.parsing.records import (
    Attendee,
    MeetingStatus,
    ParsedDocument,
    ScheduledMeeting,
)
from storage.registry import REGION, find_group, fold, kommun_name, lansdel_of, municipality_of
from storage.search import MAX_TERM, index_text, is_mark, item_text, month_key

# Core tables: the bulk inserts below bypass the ORM's unit of work on purpose.
MEETINGS = cast(Table, Meeting.__table__)
MEETING_GROUPS = cast(Table, MeetingGroup.__table__)
ATTENDANCES = cast(Table, Attendance.__table__)
ITEMS = cast(Table, AgendaItem.__table__)
DECISIONS = cast(Table, Decision.__table__)
PEOPLE = cast(Table, Person.__table__)
PERSON_NAMES = cast(Table, PersonName.__table__)
SCHEDULE_SPANS = cast(Table, ScheduleSpan.__table__)
SEARCH_TERMS = cast(Table, SearchTerm.__table__)
ITEM_SPANS = cast(Table, ItemSpan.__table__)
PRESENTERS = cast(Table, Presenter.__table__)
ITEM_PRESENTERS = cast(Table, ItemPresenter.__table__)
# presenters.name and key: a longer "name" read from a heading is no name
MAX_PRESENTER = 300


class RowWriter:
    def __init__(self) -> None:
        self.forget()

    def forget(self) -> None:
        self._groups: dict[str, int] = {}
        self._orgs: dict[str, int] = {}
        self._person_by_key: dict[str, int] = {}
        # first word of a name (folded) -> [(name, person id)], for spelling variants
        self._people_by_first: dict[str, list[tuple[str, int]]] | None = None
        self._terms: set[str] | None = None
        self._presenters: dict[str, int] | None = None  # key -> presenter id

    def write(self, session: Session, document_id: int, parsed: ParsedDocument) -> dict[str, int]:
        """Add the document's meetings and everything in them; return counts.

        Rows that belong to the document go in with bulk Core inserts: the ORM's
        unit of work costs more than the parsing at ingest rates of 100+ files/s.
        """
        # Every meeting belongs to a group; minutes that name none go by their title.
        names = parsed.meeting.groups or ((parsed.title or "Okänd grupp")[:300],)
        groups = [self.group(session, name) for name in names]
        meeting_id = self._insert_meeting(
            session,
            document_id=document_id,
            source="minutes",
            start=parsed.meeting.start,
            end=parsed.meeting.end,
            time_known=parsed.meeting.time_known,
            place=parsed.meeting.place,
            mode=parsed.meeting.mode.value if parsed.meeting.mode else None,
            status=parsed.meeting.status.value,
            moved_from=None,
            note=None,
            joint_with=[],
            groups=groups,
        )
        attendees = self._attendances(session, meeting_id, parsed)
        decisions = self._items(session, meeting_id, parsed, groups)
        spans: dict[int, list[date]] = defaultdict(list)
        for entry in parsed.schedule:
            for group_id in self._scheduled(session, document_id, entry, default_groups=groups):
                spans[group_id].append(entry.start.date())
        self._spans(session, document_id, parsed, spans)
        return {
            "meetings": 1,
            "attendees": attendees,
            "items": len(parsed.items),
            "decisions": decisions,
            "planned": len(parsed.schedule),
        }

    # -- shared rows -------------------------------------------------------------

    def group(self, session: Session, name: str) -> int:
        known = find_group(name)
        canonical = known.name if known else " ".join(name.split())
        if canonical in self._groups:
            return self._groups[canonical]
        group_id = session.scalar(select(Group.id).where(Group.name == canonical))
        if group_id is None:
            alias = session.scalar(select(GroupAlias).where(GroupAlias.alias == fold(canonical)))
            group_id = alias.group_id if alias else None
        if group_id is None:
            group = Group(name=canonical, short_name=known.short if known else canonical)
            session.add(group)
            session.flush()
            aliases = {fold(a) for a in (canonical, *(known.aliases if known else ()))}
            taken = set(
                session.scalars(select(GroupAlias.alias).where(GroupAlias.alias.in_(aliases)))
            )
            session.add_all(GroupAlias(group_id=group.id, alias=a) for a in aliases - taken)
            group_id = group.id
        self._groups[canonical] = group_id
        return group_id

    def organization(self, session: Session, attendee: Attendee) -> int | None:
        name = attendee.organization
        if not name:
            return None
        municipality = attendee.municipality or municipality_of(name)
        if municipality:
            name = kommun_name(municipality)
        if name in self._orgs:
            return self._orgs[name]
        org_id = session.scalar(select(Organization.id).where(Organization.name == name))
        if org_id is None:
            kind = (
                "municipality"
                if municipality
                else "region"
                if fold(name) == fold(REGION)
                else "other"
            )
            org = Organization(
                name=name,
                kind=kind,
                municipality=municipality,
                lansdel=lansdel_of(municipality) if municipality else None,
            )
            session.add(org)
            session.flush()
            org_id = org.id
        self._orgs[name] = org_id
        return org_id

    def person(self, session: Session, name: str) -> int:
        key = person_key(name)
        if key in self._person_by_key:
            return self._person_by_key[key]
        person_id = session.scalar(select(PersonName.person_id).where(PersonName.key == key))
        if person_id is None:
            person_id = self._variant_of(session, name)
            if person_id is None:
                person_id = (
                    session.connection()
                    .execute(PEOPLE.insert().returning(PEOPLE.c.id), {"name": name, "key": key})
                    .scalar_one()
                )
            session.connection().execute(
                PERSON_NAMES.insert(), {"person_id": person_id, "name": name, "key": key}
            )
            self._known_people(session)[_first(name)].append((name, person_id))
        self._person_by_key[key] = person_id
        return person_id

    def _variant_of(self, session: Session, name: str) -> int | None:
        for known, person_id in self._known_people(session).get(_first(name), []):
            if same_person(known, name):
                return person_id
        return None

    def _known_people(self, session: Session) -> dict[str, list[tuple[str, int]]]:
        if self._people_by_first is None:
            index: dict[str, list[tuple[str, int]]] = defaultdict(list)
            for name, person_id in session.execute(select(PersonName.name, PersonName.person_id)):
                index[_first(name)].append((name, person_id))
            self._people_by_first = index
        return self._people_by_first

    # -- document rows ------------------------------------------------------------

    def _insert_meeting(self, session: Session, *, groups: Sequence[int], **values: object) -> int:
        conn = session.connection()
        meeting_id = conn.execute(MEETINGS.insert().returning(MEETINGS.c.id), values).scalar_one()
        if groups:
            links = [
                {"meeting_id": meeting_id, "group_id": g, "start": values["start"]}
                for g in dict.fromkeys(groups)
            ]
            conn.execute(MEETING_GROUPS.insert(), links)
        return int(meeting_id)

    def _attendances(self, session: Session, meeting_id: int, parsed: ParsedDocument) -> int:
        rows = [
            {
                "meeting_id": meeting_id,
                "meeting_start": parsed.meeting.start,
                "person_id": self.person(session, attendee.name),
                "organization_id": self.organization(session, attendee),
                "group_id": self.group(session, attendee.group) if attendee.group else None,
                "role": attendee.role.value,
                "present": attendee.present,
                "title": attendee.title,
                "party": attendee.party,
                "note": attendee.note,
            }
            for attendee in parsed.attendees
        ]
        if rows:
            session.connection().execute(ATTENDANCES.insert(), rows)
        return len(rows)

    def _items(
        self, session: Session, meeting_id: int, parsed: ParsedDocument, groups: Sequence[int]
    ) -> int:
        if not parsed.items:
            return 0
        conn = session.connection()
        rows = [
            {
                "meeting_id": meeting_id,
                "position": position,
                "number": item.number,
                "parent": item.parent,
                "title": item.title,
                "presenters": list(item.presenters),
                "text": item.text,
                "search_title": index_text(item.title),
                "search_text": item_text(item.text, groups),
            }
            for position, item in enumerate(parsed.items)
        ]
        # One statement for all the items, matched back by position: asked to keep the
        # rows' order, SQLAlchemy sends one statement per row on SQLite, and each
        # statement makes FTS5 write a segment of its own (ingest grew five times
        # slower from 10,000 to 75,000 stored minutes).
        returned = conn.execute(ITEMS.insert().returning(ITEMS.c.position, ITEMS.c.id), rows)
        ids: dict[int, int] = dict(returned.all())
        item_ids = [ids[position] for position in range(len(rows))]
        self._add_terms(session, rows)
        if parsed.meeting.start is not None:
            self._item_span(session, parsed.meeting.start, groups, min(item_ids), max(item_ids))
        decisions = [
            {
                "item_id": item_id,
                "position": i,
                "text": d.text,
                "kind": d.kind.value,
                "referred_to": d.referred_to,
            }
            for item_id, item in zip(item_ids, parsed.items, strict=True)
            for i, d in enumerate(item.decisions)
        ]
        if decisions:
            conn.execute(DECISIONS.insert(), decisions)
        self._item_presenters(
            session, zip(item_ids, (item.presenters for item in parsed.items), strict=True)
        )
        return len(decisions)

    def _item_presenters(
        self, session: Session, items: Iterable[tuple[int, Sequence[str]]]
    ) -> None:
        """Link the items to their presenters (found or created), for
        storage.queries.presented: one statement for a document whose presenters
        are known, three when some are new."""
        links: dict[tuple[int, str], str] = {}  # (item id, key) -> the name as written
        for item_id, presenters in items:
            for name in presenters:
                key = words_key(name)
                if key and len(name) <= MAX_PRESENTER and len(key) <= MAX_PRESENTER:
                    links.setdefault((item_id, key), name)
        if not links:
            return
        first: dict[str, str] = {}
        for (_, key), name in links.items():
            first.setdefault(key, name)
        ids = self._presenter_ids(session, first)
        session.connection().execute(
            ITEM_PRESENTERS.insert(),
            [{"item_id": item_id, "presenter_id": ids[key]} for item_id, key in links],
        )

    def _presenter_ids(self, session: Session, names: Mapping[str, str]) -> dict[str, int]:
        """The presenter id of each key in `names` (key -> name as first written),
        the new ones inserted. Presenters are never deleted (a replaced document
        takes only its links along), so the ids kept stay valid until a rollback."""
        conn = session.connection()
        if self._presenters is None:
            self._presenters = dict(conn.execute(select(PRESENTERS.c.key, PRESENTERS.c.id)).all())
        known = self._presenters
        new = [{"name": name, "key": key} for key, name in names.items() if key not in known]
        if new:
            # Another ingest may add the same presenters at the same time.
            insert = (
                postgresql_insert(PRESENTERS)
                if conn.dialect.name == "postgresql"
                else sqlite_insert(PRESENTERS)
            )
            conn.execute(insert.on_conflict_do_nothing(index_elements=[PRESENTERS.c.key]), new)
            added = select(PRESENTERS.c.key, PRESENTERS.c.id).where(
                PRESENTERS.c.key.in_([row["key"] for row in new])
            )
            known.update(conn.execute(added).all())
        return known

    def _item_span(
        self, session: Session, start: datetime, groups: Sequence[int], first: int, last: int
    ) -> None:
        """Widen the month's item id ranges (its groups' and all groups') to these items."""
        month = month_key(start)
        values = [
            {"group_id": g, "month": month, "first_item": first, "last_item": last}
            for g in dict.fromkeys((0, *groups))
        ]
        conn = session.connection()
        insert = (
            postgresql_insert(ITEM_SPANS)
            if conn.dialect.name == "postgresql"
            else sqlite_insert(ITEM_SPANS)
        )
        table, new = ITEM_SPANS.c, insert.excluded
        conn.execute(
            insert.on_conflict_do_update(
                index_elements=[table.group_id, table.month],
                set_={
                    "first_item": case(
                        (new.first_item < table.first_item, new.first_item), else_=table.first_item
                    ),
                    "last_item": case(
                        (new.last_item > table.last_item, new.last_item), else_=table.last_item
                    ),
                },
            ),
            values,
        )

    def _add_terms(self, session: Session, rows: Sequence[Mapping[str, object]]) -> None:
        """Record the stemmed words of new items that the store has not seen."""
        if self._terms is None:
            self._terms = set(session.scalars(select(SearchTerm.term)))
        words = {
            word
            for row in rows
            for column in ("search_title", "search_text")
            for word in str(row[column]).split()
            if len(word) <= MAX_TERM and not is_mark(word)
        }
        new = words - self._terms
        if not new:
            return
        conn = session.connection()
        # Another ingest may add the same words at the same time.
        insert = (
            postgresql_insert(SEARCH_TERMS).on_conflict_do_nothing()
            if conn.dialect.name == "postgresql"
            else sqlite_insert(SEARCH_TERMS).on_conflict_do_nothing()
        )
        conn.execute(insert, [{"term": word} for word in sorted(new)])
        self._terms |= new

    def _spans(
        self,
        session: Session,
        document_id: int,
        parsed: ParsedDocument,
        spans: dict[int, list[date]],
    ) -> None:
        """What the document's schedule speaks for, per group: from the document's
        own date (what is coming as of then) to the last meeting it lists."""
        own = parsed.document_date or (
            parsed.meeting.start.date() if parsed.meeting.start else None
        )
        rows = [
            {
                "document_id": document_id,
                "group_id": group_id,
                "document_date": own,
                "first_day": min(own, *days),
                "last_day": max(days),
            }
            for group_id, days in spans.items()
            if own is not None
        ]
        if rows:
            session.connection().execute(SCHEDULE_SPANS.insert(), rows)

    def _scheduled(
        self,
        session: Session,
        document_id: int,
        entry: ScheduledMeeting,
        default_groups: Sequence[int],
    ) -> list[int]:
        groups = [self.group(session, g) for g in entry.groups] or list(default_groups)
        # A joint meeting is a meeting of every known group taking part.
        groups += [self.group(session, g) for g in entry.joint_with if find_group(g)]
        self._insert_meeting(
            session,
            document_id=document_id,
            source="schedule",
            start=entry.start,
            end=entry.end,
            time_known=entry.time_known,
            place=entry.place,
            mode=entry.mode.value if entry.mode else None,
            status=MeetingStatus(entry.status).value,
            moved_from=entry.moved_from,
            note=entry.note,
            joint_with=list(entry.joint_with),
            groups=groups,
        )
        return list(dict.fromkeys(groups))


def _first(name: str) -> str:
    words = fold(name).split()
    return words[0] if words else ""
