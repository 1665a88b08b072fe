"""The agenda items people presented (föredrog), across meetings.

Presenters are named in agenda headings ("9. Psykiatrin, …, Johan Molin och Åsa
Kindahl"), and many of them are on no attendance list. Loading keeps each name
once (`presenters`, by its words in any order) and links it to the items it
presented (`item_presenters`). Once per state of the store (kept with its
lookups, as `PresenterIndex`) the presenters are read, a few hundred rows, and
each is found to be the listed person their name is written as (any spelling),
or else a presenter known only from the agendas. An answer then reads a person's
newest items through the links' index: one statement, never a scan of every
item's presenters.

Example:
    >>> presenter_key("Sundelius Jan") == presenter_key("Jan Sundelius")
    True
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import exists, literal_column, select
from sqlalchemy.orm import Session

from storage.identity import same_person, words_key
from storage.lookups import lookups
from storage.models import AgendaItem, ItemPresenter, PersonName, Presenter
from storage.queries.decisions import _ITEM_ROWS, ItemView, _items
from storage.queries.people_rows import _person_ids
from storage.statements import in_list

MAX_ITEMS = 200  # a person's items read for an answer (the newest written)
_MEMO = "presented.index"
# a presenter's name to know them by: a first name alone ("Fredrik") says too little
_MIN_WORDS = 2

# presenters of items still stored (a replaced document may leave a name behind)
_PRESENTERS = (
    select(Presenter.id, Presenter.name, Presenter.key)
    .where(exists().where(ItemPresenter.presenter_id == Presenter.id))
    .order_by(Presenter.id)
)
_SPELLINGS = select(PersonName.name, PersonName.key, PersonName.person_id).order_by(PersonName.id)
# The newest items of these presenters (ids grow with ingest). "+ 0" keeps the order
# out of every index's: the planner reads the presenters' links by their index (a
# person's links, a few thousand at most) and sorts them, instead of walking all
# links back from the newest item for the first 200 of theirs (at 100,000 meetings
# 0.4 s for a presenter of long ago, the plan PostgreSQL keeps for every presenter).
_NEWEST_PRESENTED = (
    select(ItemPresenter.item_id)
    .where(in_list(ItemPresenter.presenter_id, "presenters"))
    .order_by((ItemPresenter.item_id + literal_column("0")).desc())
    .limit(MAX_ITEMS)
)
_ITEMS_PRESENTED = _ITEM_ROWS.where(AgendaItem.id.in_(_NEWEST_PRESENTED))


def presenter_key(name: str) -> frozenset[str]:
    """A name's words, folded, in any order: the minutes write "Sundelius Jan" too."""
    return frozenset(words_key(name).split())


@dataclass(frozen=True)
class Unlisted:
    """A presenter on no attendance list: the name as first written."""

    name: str
    presenter_id: int


@dataclass(frozen=True)
class PresenterIndex:
    """Who the presenters are: listed people's presenter ids by person, the others
    by name."""

    by_person: dict[int, tuple[int, ...]]
    unlisted: dict[frozenset[str], Unlisted]

    def presenters_of(self, people: Iterable[int], names: Iterable[str] = ()) -> list[int]:
        """The presenter ids of `people` (listed) and `names` (unlisted)."""
        found = [i for p in people for i in self.by_person.get(p, ())]
        for name in names:
            if (unlisted := self.unlisted.get(presenter_key(name))) is not None:
                found.append(unlisted.presenter_id)
        return list(dict.fromkeys(found))

    def unlisted_named(self, name: str) -> list[str]:
        """The unlisted presenters `name` stands for: their whole name in any order,
        else a name of theirs ("Kindahl", "Åsa"), else the nearest spelling."""
        key = presenter_key(name)
        if not key:
            return []
        if key in self.unlisted:
            return [self.unlisted[key].name]
        part = [u.name for k, u in self.unlisted.items() if key <= k]
        if part:
            return part
        written = " ".join(sorted(key))
        return [
            u.name
            for k, u in self.unlisted.items()
            if len(key) >= _MIN_WORDS and same_person(" ".join(sorted(k)), written)
        ]


def presenter_index(session: Session) -> PresenterIndex:
    """The store's presenters, read once per state of the store (see module doc)."""
    return lookups(session).kept(_MEMO, lambda: _read_index(session))


def _read_index(session: Session) -> PresenterIndex:
    connection = session.connection()
    spellings = connection.execute(_SPELLINGS).all()
    by_key = {frozenset(key.split()): person_id for _, key, person_id in spellings}
    by_person: dict[int, list[int]] = {}
    unlisted: dict[frozenset[str], Unlisted] = {}
    for presenter_id, name, stored_key in connection.execute(_PRESENTERS):
        if len(name.split()) < _MIN_WORDS:
            continue
        key = frozenset(stored_key.split())
        person = by_key.get(key) or _spelled_otherwise(name, spellings)
        if person is not None:
            by_person.setdefault(person, []).append(presenter_id)
        else:
            unlisted[key] = Unlisted(name, presenter_id)
    return PresenterIndex({p: tuple(ids) for p, ids in by_person.items()}, unlisted)


def _spelled_otherwise(name: str, spellings: Iterable[tuple[str, str, int]]) -> int | None:
    """The listed person `name` is a spelling variant of ("Lise Bergman Norgren")."""
    return next((person_id for known, _, person_id in spellings if same_person(known, name)), None)


def presenter_names(session: Session) -> tuple[str, ...]:
    """The presenters on no attendance list, as first written (for the vocabulary)."""
    return tuple(u.name for u in presenter_index(session).unlisted.values())


def items_presented(
    session: Session, people: Iterable[int], names: Iterable[str] = ()
) -> list[ItemView]:
    """The newest items `people` (listed, by id) and `names` (unlisted presenters)
    presented, newest meeting first and in agenda order within a meeting; no
    statement when they presented nothing."""
    presenters = presenter_index(session).presenters_of(people, names)
    if not presenters:
        return []
    return _items(session, _ITEMS_PRESENTED, presenters=presenters)


def items_presented_by(
    session: Session, name: str, *, first: date | None = None, last: date | None = None
) -> list[ItemView]:
    """The agenda items whose presenters include the person `name` stands for (a
    listed person in any spelling, or a presenter on no list), newest meeting
    first; within [first, last] when given."""
    people = _person_ids(session, name)
    names = [] if people else presenter_index(session).unlisted_named(name)
    return [
        item
        for item in items_presented(session, people, names)
        if (first is None or item.meeting_date >= first)
        and (last is None or item.meeting_date <= last)
    ]
