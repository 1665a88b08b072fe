"""The small tables, groups and organisations, read whole and kept in memory.

An answer looks up a group's id by its name, the organisations of a
municipality, how many groups there are: a statement each, and on PostgreSQL a
round trip each, for tables of a few hundred rows. The assistant reads them
once per state of the store (with its vocabulary) and hands them to each
session it answers in (`attach`); a session without them reads them once
itself (`lookups`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TypeVar, cast

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.models import Attendance, Group, Meeting, Organization

T = TypeVar("T")
KEY = "minutesbot.lookups"
MEMO_SIZE = 2048
GROUPS = select(Group.id, Group.name).order_by(Group.id)
# where meetings were held ("Båsenberga hotell och konferens, Vingåker"): a few dozen
PLACES = select(Meeting.place).where(Meeting.place.is_not(None)).distinct()
# listings whose title names a länsdel ("folkhälsochef norra länsdelen"): a handful
LANSDEL_TITLED = select(Attendance.id).where(Attendance.title.contains("änsdel"))
ORGANIZATIONS = select(Organization.id, Organization.name, Organization.municipality).order_by(
    Organization.id
)


@dataclass(frozen=True)
class Lookups:
    group_names: Mapping[int, str]  # id -> name, in id order
    group_ids: Mapping[str, int]  # name -> id
    organization_names: Mapping[int, str]  # id -> name, in id order
    municipality_orgs: Mapping[str, tuple[int, ...]]  # municipality -> organisation ids
    places: tuple[str, ...] = ()  # the meetings' places, each once
    lansdel_titled: tuple[int, ...] = ()  # attendance ids, see LANSDEL_TITLED
    # what answers derive from the store at this state and keep (storage.search's
    # indexed words by their first letters), filled as they are asked for
    memo: dict[object, object] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def read(cls, session: Session) -> Lookups:
        connection = session.connection()
        groups: dict[int, str] = {group_id: name for group_id, name in connection.execute(GROUPS)}
        organizations: dict[int, str] = {}
        by_municipality: dict[str, list[int]] = defaultdict(list)
        for org_id, name, municipality in connection.execute(ORGANIZATIONS):
            organizations[org_id] = name
            if municipality is not None:
                by_municipality[municipality].append(org_id)
        return cls(
            group_names=groups,
            group_ids={name: group_id for group_id, name in groups.items()},
            organization_names=organizations,
            municipality_orgs={k: tuple(v) for k, v in by_municipality.items()},
            places=tuple(sorted(connection.scalars(PLACES))),
            lansdel_titled=tuple(connection.scalars(LANSDEL_TITLED)),
        )

    def kept(self, key: object, read: Callable[[], T]) -> T:
        """What `read` gives, read once per state of the store: kept in the memo
        under `key` (None too)."""
        if key in self.memo:
            return cast(T, self.memo[key])
        found = read()
        self.remember(key, found)
        return found

    def remember(self, key: object, value: object) -> None:
        """Keep `value` in the memo; past MEMO_SIZE entries it starts again (questions
        are many, the words asked about few)."""
        if len(self.memo) >= MEMO_SIZE:
            self.memo.clear()
        self.memo[key] = value

    def organizations_named(self, name: str) -> list[int]:
        return [org_id for org_id, known in self.organization_names.items() if known == name]


def attach(session: Session, found: Lookups) -> None:
    """Let `session`'s queries use `found` (read for the store's present state)."""
    session.info[KEY] = found


def lookups(session: Session) -> Lookups:
    """The lookups attached to `session`, else read now and kept for the session."""
    found = session.info.get(KEY)
    if found is None:
        found = session.info[KEY] = Lookups.read(session)
    return found


def group_names(session: Session, wanted: Iterable[int]) -> Mapping[int, str]:
    """Names of the groups with these ids (rows carry a meeting's group ids, not a
    join with `groups`: a join fewer to plan), from the lookups; read again from
    the table when a group was stored since they were read."""
    known = lookups(session).group_names
    if all(group_id in known for group_id in wanted):
        return known
    return {group_id: name for group_id, name in session.connection().execute(GROUPS)}


def group_ids(session: Session, names: Iterable[str]) -> list[int]:
    """The ids of the groups with these names (those stored), from the lookups; read
    again from the table when one is not among them (stored since they were read)."""
    known = lookups(session).group_ids
    wanted = list(names)
    if not all(name in known for name in wanted):
        known = {name: group_id for group_id, name in session.connection().execute(GROUPS)}
    return [known[name] for name in wanted if name in known]
