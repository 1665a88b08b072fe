"""An Answer as an Adaptive Card (schema 1.5): plain JSON, no chat SDK.

The card shows the answer text, then its facts (meetings, decisions, people)
as compact lists, then the sources. At most `max_facts` facts are shown; the
rest sit behind a "Visa fler" button (Action.ShowCard) so a long answer stays
readable in a chat. A meeting with a stored id gets a calendar button when the
caller gives a `calendar_url`.

    >>> card = answer_card(Answer(intent="help", text="Jag kan svara på frågor."))
    >>> card["type"], card["version"], card["body"][0]["items"][0]["text"]
    ('AdaptiveCard', '1.5', 'Jag kan svara på frågor.')
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from datetime import datetime, time
from itertools import groupby
from typing import Any

from bot.answering.format import pick, when
from bot.answers import Answer, DecisionFact, MeetingFact, PersonFact, Source

Element = dict[str, Any]
Fact = MeetingFact | DecisionFact | PersonFact
CalendarUrl = Callable[[int], str | None]

SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json"
MAX_FACTS = 10
MAX_SOURCES = 5
# Behind "Visa fler": at most this many facts, fewer when the card would outgrow
# Teams' 28 KB message limit (MAX_CARD_BYTES leaves room for the envelope).
MAX_MORE = 40
MAX_CARD_BYTES = 24_000
MAX_DECISION_CHARS = 600
MAX_TEXT_LINES = 40
MAX_TEXT_CHARS = 6_000

_STATUS = {
    "sv": {"cancelled": "inställt", "moved": "flyttat", "held": "genomfört"},
    "en": {"cancelled": "cancelled", "moved": "moved", "held": "held"},
}
_MODE = {
    "sv": {"digital": "digitalt", "physical": "fysiskt", "hybrid": "hybrid"},
    "en": {"digital": "online", "physical": "in person", "hybrid": "hybrid"},
}
_KIND = {
    "sv": {
        "postponed": "bordlagt",
        "noted": "lades till handlingarna",
        "endorsed": "ställde sig bakom",
    },
    "en": {"postponed": "postponed", "noted": "noted", "endorsed": "endorsed"},
}


def answer_card(
    answer: Answer,
    *,
    calendar_url: CalendarUrl | None = None,
    heading: str | None = None,
    max_facts: int = MAX_FACTS,
) -> Element:
    """The Adaptive Card for `answer`; `heading` goes above the text (a greeting)."""
    language = answer.language if answer.language in ("sv", "en") else "sv"
    render = _Renderer(language, calendar_url)
    facts: list[Fact] = [*answer.meetings, *answer.decisions, *answer.people]
    sources = _distinct(answer.sources)
    body: list[Element] = []
    if heading:
        body.append(_text(heading, size="Medium", weight="Bolder"))
    body.append(answer_text(answer.text, render.say("… (svaret är förkortat)", "… (shortened)")))
    body += render.facts(facts[:max_facts])
    body += render.sources(sources[:MAX_SOURCES])
    card: Element = {"type": "AdaptiveCard", "$schema": SCHEMA, "version": "1.5", "body": body}
    limit = MAX_MORE
    while True:
        more = render.more(facts[max_facts:], sources[MAX_SOURCES:], limit)
        card["actions"] = [more] if more else []
        if limit == 0 or len(json.dumps(card).encode()) <= MAX_CARD_BYTES:
            break
        limit //= 2
    if not card["actions"]:
        del card["actions"]
    return card


def answer_text(text: str, cut_note: str = "…") -> Element:
    """The answer text, one TextBlock per line: a card's Markdown would join
    single line breaks, and the answer's lines are lists and "Källa:" lines.
    A very long text is cut, ending with `cut_note`.

    >>> [b["text"] for b in answer_text("Möten:\\n• 29 maj\\n\\nKälla: protokoll")["items"]]
    ['Möten:', '• 29 maj', 'Källa: protokoll']
    """
    items: list[Element] = []
    paragraph_break = False
    used = 0
    for line in text.splitlines():
        if not line.strip():
            paragraph_break = True
            continue
        if len(items) == MAX_TEXT_LINES or used > MAX_TEXT_CHARS:
            items.append(_text(cut_note, subtle=True, spacing="None"))
            break
        shown = _shorten(line.strip(), MAX_TEXT_CHARS)
        used += len(shown)
        spacing = "Medium" if paragraph_break else "None"
        items.append(_text(shown, spacing=spacing) if items else _text(shown))
        paragraph_break = False
    return {"type": "Container", "items": items or [_text("…")]}


def plain_text(answer: Answer) -> str:
    """What clients without cards show: the answer text itself.

    >>> plain_text(Answer(intent="x", text="Nästa möte är 28 augusti."))
    'Nästa möte är 28 augusti.'
    """
    return answer.text


def _distinct(sources: Sequence[Source]) -> list[Source]:
    seen: set[tuple[str, str | None, str | None]] = set()
    result: list[Source] = []
    for source in sources:
        key = (source.document, source.meeting_date, source.item)
        if key not in seen:
            seen.add(key)
            result.append(source)
    return result


class _Renderer:
    def __init__(self, language: str, calendar_url: CalendarUrl | None) -> None:
        self.language = language
        self.calendar_url = calendar_url

    def say(self, sv: str, en: str) -> str:
        return pick(self.language, sv, en)

    def facts(self, facts: Sequence[Fact]) -> list[Element]:
        """Consecutive facts of one kind under one heading."""
        elements: list[Element] = []
        for kind, run in groupby(facts, key=type):
            items = list(run)
            if kind is MeetingFact:
                elements.append(_heading(self.say("Möten", "Meetings")))
                elements += [self.meeting(m) for m in items if isinstance(m, MeetingFact)]
            elif kind is DecisionFact:
                elements.append(_heading(self.say("Beslut", "Decisions")))
                elements += [self.decision(d) for d in items if isinstance(d, DecisionFact)]
            else:
                elements.append(_heading(self.say("Personer", "People")))
                elements.append(self.people([p for p in items if isinstance(p, PersonFact)]))
        return elements

    def meeting(self, meeting: MeetingFact) -> Element:
        start = datetime.fromisoformat(meeting.start)
        end = datetime.fromisoformat(meeting.end) if meeting.end else None
        time_known = end is not None or start.time() != time(0, 0)
        lines = [
            _text(when(start, end, time_known, self.language), weight="Bolder", spacing="Small"),
            _text(self.meeting_details(meeting), subtle=True, spacing="None"),
        ]
        if meeting.note:
            lines.append(_text(meeting.note, subtle=True, spacing="None", size="Small"))
        url = (
            self.calendar_url(meeting.meeting_id)
            if self.calendar_url and meeting.meeting_id
            else None
        )
        if url is None:
            return {"type": "Container", "items": lines}
        button = {
            "type": "ActionSet",
            "actions": [
                {
                    "type": "Action.OpenUrl",
                    "title": self.say("Till kalendern", "Add to calendar"),
                    "url": url,
                }
            ],
        }
        return {
            "type": "ColumnSet",
            "columns": [
                {"type": "Column", "width": "stretch", "items": lines},
                {
                    "type": "Column",
                    "width": "auto",
                    "verticalContentAlignment": "Center",
                    "items": [button],
                },
            ],
        }

    def meeting_details(self, meeting: MeetingFact) -> str:
        parts = [meeting.group, meeting.place or ""]
        mode = _MODE[self.language].get(meeting.mode or "")
        if mode and mode.casefold() != parts[1].casefold():
            parts.append(mode)
        if meeting.status in ("cancelled", "moved"):
            parts.append(_STATUS[self.language][meeting.status].upper())
        # Groups already named (a joint meeting's "A + B") are not repeated.
        others = [g for g in meeting.joint_with if g not in meeting.group.split(" + ")]
        if others:
            parts.append(self.say("gemensamt med ", "joint with ") + ", ".join(others))
        if meeting.moved_from:
            old = datetime.fromisoformat(meeting.moved_from)
            parts.append(self.say("flyttat från ", "moved from ") + old.date().isoformat())
        return " · ".join(p for p in parts if p)

    def decision(self, decision: DecisionFact) -> Element:
        title = decision.title
        if decision.item:
            # "7. Titel" would render as a numbered Markdown list, so the number is named.
            label = (
                decision.item
                if decision.item.startswith("§")
                else (f"{self.say('Punkt', 'Item')} {decision.item}")
            )
            title = f"{label}: {decision.title}"
        meta = [decision.group, decision.meeting_date]
        kind = _KIND[self.language].get(decision.kind)
        if kind:
            meta.append(kind + (f" → {decision.referred_to}" if decision.referred_to else ""))
        return {
            "type": "Container",
            "spacing": "Small",
            "items": [
                _text(title or decision.document, weight="Bolder"),
                _text(" · ".join(m for m in meta if m), subtle=True, spacing="None", size="Small"),
                _text(_shorten(decision.text, MAX_DECISION_CHARS), spacing="None"),
            ],
        }

    def people(self, people: Sequence[PersonFact]) -> Element:
        absent = self.say("frånvarande", "absent")
        facts = []
        for person in people:
            parts = [person.role, person.organization, person.group, person.meeting_date]
            if person.present is False:
                parts.append(absent)
            facts.append({"title": person.name, "value": " · ".join(p for p in parts if p) or "–"})
        return {"type": "FactSet", "facts": facts}

    def sources(self, sources: Sequence[Source]) -> list[Element]:
        if not sources:
            return []
        item_word = self.say("punkt", "item")
        lines = []
        for source in sources:
            parts = [source.document, source.meeting_date or ""]
            if source.item:
                parts.append(f"{item_word} {source.item}")
            lines.append(
                _text(" · ".join(p for p in parts if p), subtle=True, size="Small", spacing="None")
            )
        return [_heading(self.say("Källor", "Sources"), size="Small"), *lines]

    def more(self, facts: Sequence[Fact], sources: Sequence[Source], limit: int) -> Element | None:
        """The "Visa fler" button with up to `limit` of the facts that did not fit."""
        if not facts and not sources:
            return None
        body = self.facts(facts[:limit]) + self.sources(sources[:MAX_MORE])
        left = len(facts) - limit
        if left > 0:
            note = self.say(
                f"… och {left} till. Ställ en smalare fråga för att se dem.",
                f"… and {left} more. Ask a narrower question to see them.",
            )
            body.append(_text(note, subtle=True))
        count = len(facts) if facts else len(sources)
        return {
            "type": "Action.ShowCard",
            "title": self.say(f"Visa fler ({count})", f"Show more ({count})"),
            "card": {"type": "AdaptiveCard", "version": "1.5", "body": body},
        }


def _heading(text: str, size: str = "Default") -> Element:
    return _text(text, weight="Bolder", size=size, spacing="Medium", separator=True)


def _text(text: str, *, subtle: bool = False, **style: Any) -> Element:
    element: Element = {"type": "TextBlock", "text": text, "wrap": True, **style}
    if subtle:
        element["isSubtle"] = True
    return element


def _shorten(text: str, limit: int) -> str:
    """Cut at a word boundary before `limit` characters.

    >>> _shorten("ett två tre", 8)
    'ett två …'
    """
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut + " …"
