"""A generated corpus of minutes for benchmarks: fictional people in the
region's groups and municipalities, in the layouts the real minutes use.

`documents(n)` yields `ParsedDocument`s (for loading rows directly, fast) and
`render(doc)` writes one as minutes text (for the ingest benchmark, which
parses it again).
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta

from storage.parsing.records import (
    STOCKHOLM,
    AgendaItem,
    Attendee,
    Decision,
    DecisionKind,
    MeetingMode,
    MeetingRecord,
    ParsedDocument,
    Role,
    ScheduledMeeting,
)
from storage.registry import KNOWN_GROUPS, MUNICIPALITIES, REGION, kommun_name

FIRST = [
    "Anna",
    "Eva",
    "Maria",
    "Karin",
    "Sara",
    "Lena",
    "Kristina",
    "Emma",
    "Johanna",
    "Linnea",
    "Elin",
    "Ida",
    "Malin",
    "Sofia",
    "Erik",
    "Lars",
    "Karl",
    "Anders",
    "Johan",
    "Per",
    "Nils",
    "Mikael",
    "Jonas",
    "Henrik",
    "Fredrik",
    "Oskar",
    "Viktor",
    "Gustav",
    "Ahmed",
    "Leila",
    "Omar",
    "Nadia",
    "Jari",
    "Päivi",
    "Aino",
    "Björn",
    "Åsa",
    "Örjan",
]
LAST = [
    "Andersson",
    "Johansson",
    "Karlsson",
    "Nilsson",
    "Eriksson",
    "Larsson",
    "Olsson",
    "Persson",
    "Svensson",
    "Gustafsson",
    "Pettersson",
    "Jonsson",
    "Jansson",
    "Hansson",
    "Bengtsson",
    "Lindberg",
    "Lindqvist",
    "Lundgren",
    "Berglund",
    "Sjöberg",
    "Åberg",
    "Öhman",
    "Ekström",
    "Nyström",
    "Holm",
    "Strand",
    "Wallin",
    "Hedlund",
    "Mehtälä",
    "Karimi",
    "Haddad",
]
TOPICS = (
    "Suicidprevention",
    "Samsjuklighet",
    "Mobila team",
    "Hälso- och sjukvård i hemmet",
    "Nära vård",
    "Psykisk hälsa",
    "Egenvård",
    "Läkemedelshantering",
    "Skolnärvaro",
    "Ungdomsmottagningar",
    "Kognitiv svikt",
    "Fallprevention",
    "Digital arkitektur",
    "Barn och unga",
    "Äldres hälsa",
    "Våld i nära relationer",
    "Anhörigstöd",
    "Rehabilitering",
)
PHRASES = (
    ("Beslut: Att genomföra {t} enligt förslaget.", DecisionKind.DECIDED),
    ("Chefsgruppen beslutade att ställa sig bakom förslaget om {t}.", DecisionKind.ENDORSED),
    ("Beslut: Riktlinjen för {t} antas.", DecisionKind.ADOPTED),
    ("Beslut: Beslutet hänskjuts till kommande AU.", DecisionKind.POSTPONED),
)


def _people(rng: random.Random, n: int) -> list[tuple[str, str]]:
    """(name, organisation) pool: municipal and regional representatives."""
    pool = []
    for i in range(n):
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        org = REGION if i % 4 == 0 else kommun_name(MUNICIPALITIES[i % len(MUNICIPALITIES)])
        pool.append((name, org))
    return list(dict.fromkeys(pool))


# A store grows by more groups, not by more centuries: every size spans these years,
# with about a meeting a month per group, as the real groups meet.
FIRST_DAY, YEARS, PER_GROUP_PER_YEAR = date(2006, 1, 2), 20, 12


def documents(n: int, *, seed: int = 7) -> Iterator[ParsedDocument]:
    rng = random.Random(seed)
    pool = _people(rng, 600)
    groups = [g.name for g in KNOWN_GROUPS]
    groups += [f"Samverkansgrupp {k}" for k in range(max(0, n // (YEARS * PER_GROUP_PER_YEAR) - 3))]
    span = YEARS * 365
    for i in range(n):
        group = groups[i % len(groups)]
        day = FIRST_DAY + timedelta(days=(i * span) // n)
        begin = datetime.combine(day, time(9 if i % 2 else 13), STOCKHOLM)
        members = rng.sample(pool, 22)
        attendees = [
            Attendee(
                name=name,
                organization=org,
                present=rng.random() > 0.1,
                role=Role.CHAIR if k == 0 else Role.SECRETARY if k == 1 else Role.MEMBER,
                municipality=None if org == REGION else org.split()[0].rstrip("s"),
            )
            for k, (name, org) in enumerate(members)
        ]
        items = []
        for number in range(1, rng.randint(6, 11)):
            topic = rng.choice(TOPICS)
            phrase, kind = rng.choice(PHRASES)
            decided = rng.random() < 0.5
            items.append(
                AgendaItem(
                    number=str(number),
                    title=f"{topic} – lägesrapport",
                    presenters=(members[2][0],),
                    text=f"{members[2][0]} föredrog ärendet om {topic.lower()} och arbetet i länsdelarna.",
                    decisions=(Decision(phrase.format(t=topic.lower()), kind),) if decided else (),
                )
            )
        planned = [
            ScheduledMeeting(start=begin + timedelta(days=28 * k), time_known=False) for k in (1, 2)
        ]
        yield ParsedDocument(
            title=f"Protokoll {group}",
            kind="protokoll",
            meeting=MeetingRecord(
                groups=(group,),
                start=begin,
                end=begin + timedelta(hours=3),
                time_known=True,
                place="Teams",
                mode=MeetingMode.DIGITAL,
            ),
            attendees=attendees,
            items=items,
            schedule=planned,
        )


def render(doc: ParsedDocument) -> str:
    """The document as minutes text in the 2023 layout (tabs, Beslut:, Mötestider)."""
    assert doc.meeting.start is not None and doc.meeting.end is not None
    start, end = doc.meeting.start, doc.meeting.end
    lines = [
        doc.meeting.groups[0],
        "",
        f"Protokoll {doc.meeting.groups[0]}",
        "",
        f"Tid: {start.date().isoformat()} kl.{start:%H.%M}-{end:%H.%M} Plats: Teams",
        "",
        "Närvarande:",
        "",
    ]
    for a in doc.attendees:
        name = a.name if a.present else f"~~{a.name}~~"
        lines.append(f"{name}\t{a.organization}")
    lines.append("")
    for item in doc.items:
        lines += [f"{item.number}. {item.title}, {', '.join(item.presenters)}", "", item.text, ""]
        lines += [d.text for d in item.decisions] + [""]
    lines += [f"{len(doc.items) + 1}. Kommande möten", ""]
    lines += [f"{m.start.day}/{m.start.month} (digitalt möte)" for m in doc.schedule]
    return "\n".join(lines) + "\n"
