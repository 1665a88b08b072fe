"""Who someone is: the organisation, groups and roles the attendance lists give a
person, and the agenda items they presented; every person a surname shared by
several stands for, each on their own, and those a first name stands for, briefly;
a presenter on no attendance list as one; and, for a name on no list, where the
minutes mention it.

Example answers:
    Tina Johansson: Laxå kommun. Grupper: … Roller: ersättare. Senast i protokollen …
    Flera personer i protokollen heter Johansson: • Tina Johansson: Laxå kommun …
    Flera personer i protokollen heter Jan: Jan Sundelius (Region Örebro län) och …
    Åsa Kindahl står inte i någon deltagarlista, men föredrog i protokollen …
    Johanna Thybell finns inte med i någon deltagarlista, men nämns i protokollen: • …
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime

from sqlalchemy.orm import Session

from bot.answering.facts import (
    groups_text,
    item_source,
    person_fact,
    person_source,
    role_word,
    unique_sources,
)
from bot.answering.format import day, join, pick
from bot.answering.presented import (
    MAX_SHOWN,
    answer_unlisted_presenter,
    nobody_called,
    presented_lines,
    presenter_word,
)
from bot.answering.written import written_by, written_day
from bot.answers import Answer, AskContext
from bot.understanding.query import Query
from storage.queries import AttendanceView, ItemView, person_profile, search_items_text
from storage.queries.presented import items_presented, presenter_index
from storage.registry import fold
from storage.search import stem_words

# People listed for a name several share; past that, the answer says how many more.
MAX_PEOPLE = 10
MAX_MENTIONS = 6


def answer_person(session: Session, query: Query, context: AskContext) -> Answer:
    lang = query.language
    if not query.person:
        text = pick(lang, "Vilken person menar du?", "Which person do you mean?")
        return Answer("person", text, language=lang, found=False)
    # the listings of meetings up to today: later minutes are not written yet
    last_day = written_day(context.now)
    listings = [
        _known_by(v, last_day)
        for v in person_profile(session, query.person)
        if v.meeting_date <= last_day
    ]
    by_person: dict[int, list[AttendanceView]] = {}
    for view in listings:  # newest first, so each person's first listing is their latest
        by_person.setdefault(view.person_id, []).append(view)
    # presenters on no attendance list whom the name stands for ("Åsa Kindahl", "Johan")
    unlisted = presenter_index(session).unlisted_named(query.person)
    if len(by_person) + len(unlisted) > 1:
        return _several(query, list(by_person.values()), unlisted)
    if unlisted:
        return answer_unlisted_presenter(session, unlisted[0], lang, last_day)
    if not listings:
        return _mentioned(session, query, written_by(session, context.now))
    shown = listings[:20]
    items = [
        i for i in items_presented(session, [listings[0].person_id]) if i.meeting_date <= last_day
    ]
    return Answer(
        "person",
        "\n".join((profile_line(listings, lang), *presented_lines(items, listings[0].name, lang))),
        people=[person_fact(v) for v in shown],
        sources=unique_sources(
            [*(person_source(v) for v in shown), *(item_source(i) for i in items[:MAX_SHOWN])]
        ),
        language=lang,
    )


def _known_by(view: AttendanceView, last_day: date) -> AttendanceView:
    """A listing without an organisation of its own keeps one stated by `last_day`
    only (one first stated at a later meeting is not known yet)."""
    if view.evidence is None or view.evidence <= last_day:
        return view
    return replace(view, organization=None, municipality=None, evidence=None)


def profile_line(listings: list[AttendanceView], lang: str) -> str:
    """One person's listings (newest first) in a sentence: "Tina Johansson: Laxå
    kommun (tidigare även Nora kommun). Grupper: …. Roller: …. Senast i protokollen …"."""
    latest = listings[0]
    # no organisation stated: the title says where they work ("folkhälsochef norra länsdelen")
    orgs = list(dict.fromkeys(said for v in listings if (said := v.organization or v.title)))
    # a joint meeting's listing names its groups together: each group once
    groups = list(dict.fromkeys(g for v in listings if v.group for g in v.group.split(", ")))
    roles = list(dict.fromkeys(role_word(v.role, lang) for v in listings))
    return pick(
        lang,
        f"{latest.name}: {orgs[0] if orgs else 'organisation okänd'}"
        + (f" (tidigare även {join(orgs[1:], lang)})" if len(orgs) > 1 else "")
        + f". Grupper: {join(groups, lang) or 'okänt'}. Roller: {join(roles, lang)}."
        + f" Senast i protokollen {day(latest.meeting_date, lang)}.",
        f"{latest.name}: {orgs[0] if orgs else 'organisation unknown'}"
        + (f" (earlier also {join(orgs[1:], lang)})" if len(orgs) > 1 else "")
        + f". Groups: {join(groups, lang) or 'unknown'}. Roles: {join(roles, lang)}."
        + f" Last in the minutes on {day(latest.meeting_date, lang)}.",
    )


def _several(
    query: Query, people: list[list[AttendanceView]], unlisted: list[str] | None = None
) -> Answer:
    """A name several people answer to ("Johansson"): each of them, never merged; a
    first name ("Jan"): who they are, briefly, and which of them is meant."""
    lang, asked = query.language, str(query.person)
    presenters = unlisted or []
    count = len(people) + len(presenters)
    if _first_name_of_all(asked, [p[0].name for p in people] + presenters):
        return _which_of(query, people, presenters)
    shown = people[:MAX_PEOPLE]
    lines = [
        pick(
            lang,
            f"Flera personer i protokollen heter {asked} ({count}):",
            f"Several people in the minutes are called {asked} ({count}):",
        ),
        *(f"• {profile_line(listings, lang)}" for listings in shown),
        *(f"• {name}: {presenter_word(lang)}" for name in presenters[: MAX_PEOPLE - len(shown)]),
    ]
    if count > MAX_PEOPLE:
        more = count - MAX_PEOPLE
        lines.append(pick(lang, f"… och {more} till.", f"… and {more} more."))
    lines.append(
        pick(
            lang,
            "Fråga om en av dem med hela namnet för mer.",
            "Ask about one of them by full name for more.",
        )
    )
    return Answer(
        "person",
        "\n".join(lines),
        people=[person_fact(listings[0]) for listings in shown],
        sources=unique_sources(person_source(listings[0]) for listings in shown),
        language=lang,
    )


def _which_of(query: Query, people: list[list[AttendanceView]], presenters: list[str]) -> Answer:
    """ "Flera personer i protokollen heter Jan: Jan Sundelius (Region Örebro län) och
    Jan Engman (Kumla kommun). Vilken av dem menar du?"."""
    lang, asked = query.language, str(query.person)
    named = [
        f"{listings[0].name} ({_organization(listings) or role_word(listings[0].role, lang)})"
        for listings in people
    ] + [f"{name} ({presenter_word(lang)})" for name in presenters]
    shown = named[:MAX_PEOPLE]
    if len(named) > len(shown):
        shown.append(
            pick(lang, f"{len(named) - len(shown)} till", f"{len(named) - len(shown)} more")
        )
    text = pick(
        lang,
        f"Flera personer i protokollen heter {asked}: {join(shown, lang)}. Vilken av dem menar du?",
        f"Several people in the minutes are called {asked}: {join(shown, lang)}. "
        "Which of them do you mean?",
    )
    return Answer(
        "person",
        text,
        people=[person_fact(listings[0]) for listings in people[:MAX_PEOPLE]],
        sources=unique_sources(person_source(listings[0]) for listings in people[:MAX_PEOPLE]),
        language=lang,
    )


def _first_name_of_all(asked: str, names: list[str]) -> bool:
    """ "Jan" is the first name of Jan Sundelius and Jan Engman (not a surname)."""
    key = fold(asked).replace("-", " ").split()
    return bool(names) and all(
        fold(name).replace("-", " ").split()[: len(key)] == key for name in names
    )


def _organization(listings: list[AttendanceView]) -> str | None:
    return next((said for v in listings if (said := v.organization or v.title)), None)


def _mentioned(session: Session, query: Query, written: datetime | None) -> Answer:
    """A name on no attendance list: the agenda items that mention it (in the minutes
    written by `written`, if given)."""
    lang, asked = query.language, str(query.person)
    words = stem_words(asked)
    hits = search_items_text(session, words, end=written, limit=MAX_MENTIONS * 2) if words else []
    said = _spaced(asked)
    # the name as written first; else items with all its words ("Thybell, Johanna")
    hits = [h for h in hits if said in _spaced(f"{h.title} {h.text}")] or hits
    if not hits:
        return nobody_called(asked, lang)
    lines = [
        pick(
            lang,
            f"{asked} finns inte med i någon deltagarlista, men nämns i protokollen:",
            f"{asked} is not in any attendance list, but the minutes mention the name:",
        )
    ]
    sources = []
    for hit in hits[:MAX_MENTIONS]:
        snippet = _sentence_with(hit.text, said) or hit.title
        lines.append(f"• {_item_label(hit, lang)}: {snippet}")
        sources.append(item_source(hit, snippet))
    return Answer("person", "\n".join(lines), sources=sources, language=lang)


def _item_label(hit: ItemView, lang: str) -> str:
    return (
        f"{groups_text(hit.groups, lang)} {day(hit.meeting_date, lang)}, "
        + pick(lang, "punkt", "item")
        + f" {hit.number or hit.parent or '–'} {hit.title}"
    )


def _sentence_with(text: str, said: str, width: int = 220) -> str:
    """The first sentence of `text` that has the name `said` (spaced), cut to `width`."""
    sentences = [s.strip() for s in re.split(r"(?<=[.!?])\s+|\n+", text) if s.strip()]
    found = next((s for s in sentences if said in _spaced(s)), "")
    return found if len(found) <= width else found[: width - 1].rsplit(" ", 1)[0] + "…"


def _spaced(text: str) -> str:
    """Folded, hyphens and punctuation as spaces: how a name is looked for in a text."""
    return " " + " ".join("".join(c if c.isalnum() else " " for c in fold(text)).split()) + " "
