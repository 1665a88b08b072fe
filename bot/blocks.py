"""Block Kit rendering of an `Answer`: plain dicts, no Slack library needed.

Block Kit is Slack's JSON layout for messages. A reply is a list of blocks plus a
plain-text `text` that Slack shows in notifications and to screen readers:

    >>> message = render_answer(Answer(intent="help", text="Fråga om möten & beslut."))
    >>> message.text
    'Fråga om möten & beslut.'
    >>> message.blocks[0]["text"]["text"]
    'Fråga om möten &amp; beslut.'

Slack rejects a message with more than 50 blocks, a section text over 3000
characters, more than 10 fields or context elements, so every list is cut to a
few items with a "… och N till" note, and long text is split between sections.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from babel.dates import format_date, format_time

from bot.answers import Answer, DecisionFact, MeetingFact, PersonFact, Source
from storage.parsing.records import STOCKHOLM

Block = dict[str, Any]

MAX_BLOCKS = 50
MAX_SECTION_TEXT = 3000
MAX_FIELDS = 10
MAX_FIELD_TEXT = 2000
MAX_CONTEXT_ELEMENTS = 10
# Slack truncates `text` at 40 000 characters but advises 4 000; a screen reader
# or a notification needs far less.
MAX_FALLBACK_TEXT = 3000

# How much of each list a chat reply shows; the rest is "… och N till".
MAX_TEXT_SECTIONS = 6
MAX_MEETINGS = 10
MAX_DECISIONS = 5
MAX_DECISION_TEXT = 600
MAX_PEOPLE = 20

LABELS: dict[str, dict[str, str]] = {
    "sv": {
        "meetings": "Möten",
        "decisions": "Beslut",
        "people": "Personer",
        "sources": "Källor",
        "more": "… och {n} till",
        "item": "punkt",
        "cancelled": "inställt",
        "moved_from": "flyttat från {when}",
        "digital": "digitalt",
        "physical": "på plats",
        "hybrid": "hybrid",
        "joint_with": "tillsammans med {groups}",
        "absent": "frånvarande",
        "postponed": "bordlagt",
        "referred_to": "hänskjutet till {where}",
        "noted": "lades till handlingarna",
        "cut": "… (svaret är förkortat)",
        "empty": "(inget svar)",
    },
    "en": {
        "meetings": "Meetings",
        "decisions": "Decisions",
        "people": "People",
        "sources": "Sources",
        "more": "… and {n} more",
        "item": "item",
        "cancelled": "cancelled",
        "moved_from": "moved from {when}",
        "digital": "online",
        "physical": "in person",
        "hybrid": "hybrid",
        "joint_with": "together with {groups}",
        "absent": "absent",
        "postponed": "postponed",
        "referred_to": "referred to {where}",
        "noted": "noted",
        "cut": "… (answer shortened)",
        "empty": "(no answer)",
    },
}


@dataclass(frozen=True)
class BlockKitMessage:
    """What `chat.postMessage` or a `response_url` takes: `text` and `blocks`."""

    text: str
    blocks: list[Block]


def render_answer(answer: Answer) -> BlockKitMessage:
    """Render an answer: its text, then meetings, decisions, people and sources.

    >>> render_answer(Answer(intent="x", text="Hej")).blocks[0]["type"]
    'section'
    """
    labels = LABELS.get(answer.language, LABELS["sv"])
    text = answer.text.strip() or labels["empty"]
    blocks = text_sections(text, labels)
    blocks += meeting_blocks(answer.meetings, answer.language, labels)
    blocks += decision_blocks(answer.decisions, answer.language, labels)
    blocks += people_blocks(answer.people, labels)
    blocks += source_blocks(answer.sources, answer.language, labels)
    if len(blocks) > MAX_BLOCKS:
        blocks = [*blocks[: MAX_BLOCKS - 1], context([labels["cut"]])]
    return BlockKitMessage(text=fallback_text(text), blocks=blocks)


def fallback_text(text: str) -> str:
    """The plain-text `text` of a message, shortened to what Slack advises.

    >>> fallback_text("kort")
    'kort'
    """
    return shorten(text, MAX_FALLBACK_TEXT)


# --- building blocks -------------------------------------------------------------


def escape(text: str) -> str:
    """Escape the three characters mrkdwn gives a meaning (links, mentions).

    >>> escape("<b> & </b>")
    '&lt;b&gt; &amp; &lt;/b&gt;'
    """
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def mrkdwn(text: str) -> dict[str, str]:
    return {"type": "mrkdwn", "text": text}


def section(text: str) -> Block:
    return {"type": "section", "text": mrkdwn(shorten(text, MAX_SECTION_TEXT))}


def context(texts: Sequence[str]) -> Block:
    elements = [mrkdwn(shorten(t, MAX_SECTION_TEXT)) for t in texts[:MAX_CONTEXT_ELEMENTS]]
    return {"type": "context", "elements": elements}


def shorten(text: str, limit: int) -> str:
    """Cut `text` to `limit` characters at a word boundary, ending in "…".

    >>> shorten("ett två tre", 8)
    'ett två…'
    """
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip() + "…"


def split_text(text: str, limit: int) -> list[str]:
    """Split text into pieces of at most `limit` characters, at paragraph, line
    or word boundaries in that order of preference.

    >>> split_text("a\\n\\nb", 2)
    ['a', 'b']
    """
    pieces: list[str] = []
    rest = text.strip()
    while len(rest) > limit:
        window = rest[:limit]
        cut = max(window.rfind("\n\n"), 0) or max(window.rfind("\n"), 0) or window.rfind(" ")
        if cut <= 0:
            cut = limit
        pieces.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    if rest:
        pieces.append(rest)
    return pieces


def more_note(hidden: int, labels: dict[str, str]) -> list[str]:
    """The "… och N till" line for a cut list, or nothing when nothing was cut."""
    return [labels["more"].format(n=hidden)] if hidden > 0 else []


def text_sections(text: str, labels: dict[str, str]) -> list[Block]:
    pieces = split_text(escape(text), MAX_SECTION_TEXT)
    blocks = [section(piece) for piece in pieces[:MAX_TEXT_SECTIONS]]
    if len(pieces) > MAX_TEXT_SECTIONS:
        blocks.append(context([labels["cut"]]))
    return blocks


# --- meetings ----------------------------------------------------------------------


def meeting_blocks(
    meetings: Sequence[MeetingFact], language: str, labels: dict[str, str]
) -> list[Block]:
    if not meetings:
        return []
    lines = [meeting_line(m, language, labels) for m in meetings[:MAX_MEETINGS]]
    lines += more_note(len(meetings) - MAX_MEETINGS, labels)
    return [section(f"*{labels['meetings']}*\n" + "\n".join(lines))]


def meeting_line(meeting: MeetingFact, language: str, labels: dict[str, str]) -> str:
    """One meeting as a bullet: when, group, place, how, and what changed.

    >>> meeting_line(MeetingFact(group="AU", start="2026-03-12T13:00:00+01:00",
    ...     end="2026-03-12T15:00:00+01:00", place="Örebro", status="cancelled"),
    ...     "sv", LABELS["sv"])
    '• ~tors 12 mars 2026 13:00–15:00~ · AU · Örebro · inställt'
    """
    when = when_text(meeting.start, meeting.end, language)
    when = f"~{when}~" if meeting.status == "cancelled" else f"*{when}*"
    parts = [when, escape(meeting.group)]
    if meeting.place:
        parts.append(escape(meeting.place))
    if meeting.mode in ("digital", "physical", "hybrid"):
        parts.append(labels[meeting.mode])
    if meeting.joint_with:
        parts.append(labels["joint_with"].format(groups=escape(", ".join(meeting.joint_with))))
    if meeting.status == "cancelled":
        parts.append(labels["cancelled"])
    if meeting.moved_from:
        parts.append(
            labels["moved_from"].format(when=when_text(meeting.moved_from, None, language))
        )
    if meeting.note:
        parts.append(f"_{escape(meeting.note)}_")
    return "• " + " · ".join(parts)


def when_text(start: str, end: str | None, language: str) -> str:
    """A meeting's day and hours in Swedish time; only the day when no time is known.

    >>> when_text("2026-08-28T00:00:00+02:00", None, "en")
    'Fri 28 Aug 2026'
    """
    begins = local_time(start)
    if begins is None:
        return escape(start)
    text = format_date(begins.date(), "EEE d MMM y", locale=language)
    if (begins.hour, begins.minute) != (0, 0):
        text += " " + format_time(begins.time(), "HH:mm", locale=language)
        ends = local_time(end) if end else None
        if ends is not None and ends.date() == begins.date():
            text += "–" + format_time(ends.time(), "HH:mm", locale=language)
    return text


def local_time(iso: str) -> datetime | None:
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return None
    return moment.astimezone(STOCKHOLM) if moment.tzinfo else moment


def day_text(iso_date: str | None, language: str) -> str | None:
    """A YYYY-MM-DD date as people write it: "12 mars 2024"."""
    if not iso_date:
        return None
    try:
        day = date.fromisoformat(iso_date[:10])
    except ValueError:
        return escape(iso_date)
    return format_date(day, "d MMM y", locale=language)


# --- decisions ---------------------------------------------------------------------


def decision_blocks(
    decisions: Sequence[DecisionFact], language: str, labels: dict[str, str]
) -> list[Block]:
    if not decisions:
        return []
    blocks = [section(f"*{labels['decisions']}*")]
    blocks += [section(decision_text(d, language, labels)) for d in decisions[:MAX_DECISIONS]]
    note = more_note(len(decisions) - MAX_DECISIONS, labels)
    return blocks + ([context(note)] if note else [])


def decision_text(decision: DecisionFact, language: str, labels: dict[str, str]) -> str:
    """A decision: agenda item and title, group and day, then the decision quoted.

    >>> decision_text(DecisionFact(group="AU", meeting_date="2024-03-12", item="4",
    ...     title="Budget", text="Beslutades att anta budgeten.", document="p.txt"),
    ...     "sv", LABELS["sv"])
    '*4. Budget* — AU, 12 mars 2024\\n>Beslutades att anta budgeten.'
    """
    number = decision.item.strip()
    # "4" reads as "4. Budget"; "§ 12" and "7.2" stand as written.
    number += "." if number.isdigit() else ""
    heading = f"*{join_nonempty([escape(number), escape(decision.title)], ' ')}*"
    where = join_nonempty([escape(decision.group), day_text(decision.meeting_date, language)], ", ")
    first = join_nonempty([heading, where, decision_status(decision, labels)], " — ")
    text = escape(shorten(decision.text, MAX_DECISION_TEXT))
    quoted = "\n".join(">" + line for line in text.splitlines() if line.strip())
    return f"{first}\n{quoted}" if quoted else first


def decision_status(decision: DecisionFact, labels: dict[str, str]) -> str:
    if decision.referred_to:
        return "_" + labels["referred_to"].format(where=escape(decision.referred_to)) + "_"
    if decision.kind in ("postponed", "noted"):
        return "_" + labels[decision.kind] + "_"
    return ""


# --- people ------------------------------------------------------------------------


def people_blocks(people: Sequence[PersonFact], labels: dict[str, str]) -> list[Block]:
    # Groups tell apart one person's seats; for a single group they are noise.
    with_group = len({p.group for p in people if p.group}) > 1
    fields = list(dict.fromkeys(person_field(p, labels, with_group) for p in people))
    if not fields:
        return []
    shown = fields[:MAX_PEOPLE]
    blocks = [section(f"*{labels['people']}*")]
    for start in range(0, len(shown), MAX_FIELDS):
        chunk = shown[start : start + MAX_FIELDS]
        blocks.append({"type": "section", "fields": [mrkdwn(f) for f in chunk]})
    note = more_note(len(fields) - MAX_PEOPLE, labels)
    return blocks + ([context(note)] if note else [])


def person_field(person: PersonFact, labels: dict[str, str], with_group: bool = False) -> str:
    """A person as a two-line field: name, then organisation, role (and group) and absence.

    >>> person_field(PersonFact(name="Anna Berg", organization="Lekebergs kommun",
    ...     role="ordförande", group=None, meeting_date=None, present=False), LABELS["sv"])
    '*Anna Berg*\\nLekebergs kommun · ordförande · _frånvarande_'
    """
    group = person.group if with_group else None
    details = [escape(p) for p in (person.organization, person.role, group) if p]
    if person.present is False:
        details.append(f"_{labels['absent']}_")
    name = f"*{escape(person.name)}*"
    field = f"{name}\n{' · '.join(details)}" if details else name
    return shorten(field, MAX_FIELD_TEXT)


# --- sources -----------------------------------------------------------------------


def source_blocks(sources: Sequence[Source], language: str, labels: dict[str, str]) -> list[Block]:
    lines = list(dict.fromkeys(source_text(s, language, labels) for s in sources))
    if not lines:
        return []
    room = MAX_CONTEXT_ELEMENTS - 1  # one element is the heading
    if len(lines) > room:
        lines = [*lines[: room - 1], *more_note(len(lines) - (room - 1), labels)]
    return [context([f"*{labels['sources']}:*", *lines])]


def source_text(source: Source, language: str, labels: dict[str, str]) -> str:
    """A source as "📄 document · day · punkt N".

    >>> source_text(Source(document="AU 2024-03-12.txt", meeting_date="2024-03-12",
    ...     item="4"), "sv", LABELS["sv"])
    '📄 AU 2024-03-12.txt · 12 mars 2024 · punkt 4'
    """
    item = f"{labels['item']} {escape(source.item)}" if source.item else None
    day = day_text(source.meeting_date, language)
    return join_nonempty([f"📄 {escape(source.document)}", day, item], " · ")


def join_nonempty(parts: Iterable[str | None], separator: str) -> str:
    """Join the parts that are there.

    >>> join_nonempty(["a", None, "", "b"], ", ")
    'a, b'
    """
    return separator.join(p for p in parts if p)
