"""What the answering core gives back: text a person reads plus the facts and
sources it rests on. Adapters (CLI, Teams, Slack) only render these.

The JSON form is the command-line contract (`minutesbot ask --json`):

    >>> Answer(intent="help", text="Jag kan svara på ...").to_json()["meetings"]
    []
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any, Protocol


@dataclass(frozen=True)
class AskContext:
    """Where and when a question is asked.

    `group` is the conversation's default group (a channel tied to a group);
    `language` is "sv" or "en", or None to follow the question's language.
    A conversation tied to a group (stored) gives `group` when the caller has none.
    """

    now: datetime
    group: str | None = None
    language: str | None = None
    # "msteams:<conversation id>" or "slack:<team>:<channel>"; None outside a chat.
    conversation: str | None = None
    # What the platform needs to post into the conversation later (reminders):
    # a Bot Framework ConversationReference as JSON, or Slack team/channel ids; or
    # a function that makes it (only the questions that store it call it).
    reference: dict[str, Any] | Callable[[], dict[str, Any]] | None = None

    def conversation_reference(self) -> dict[str, Any] | None:
        return self.reference() if callable(self.reference) else self.reference


@dataclass(frozen=True)
class MeetingFact:
    group: str
    start: str  # ISO-8601 with offset
    end: str | None
    place: str | None
    status: str  # held / planned / cancelled / moved
    mode: str | None = None  # digital / physical / hybrid
    joint_with: tuple[str, ...] = ()
    moved_from: str | None = None
    note: str | None = None
    document: str | None = None
    meeting_id: int | None = None


@dataclass(frozen=True)
class DecisionFact:
    group: str
    meeting_date: str  # YYYY-MM-DD
    item: str  # agenda item number, "" when unnumbered
    title: str  # agenda item title
    text: str
    document: str
    kind: str = "decided"
    referred_to: str | None = None


@dataclass(frozen=True)
class PersonFact:
    name: str
    organization: str | None
    role: str | None
    group: str | None
    meeting_date: str | None
    present: bool | None


@dataclass(frozen=True)
class Source:
    document: str
    meeting_date: str | None
    item: str | None
    snippet: str | None = None


@dataclass(frozen=True)
class Answer:
    intent: str
    text: str
    meetings: list[MeetingFact] = field(default_factory=list)
    decisions: list[DecisionFact] = field(default_factory=list)
    people: list[PersonFact] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    language: str = "sv"
    found: bool = True  # False for an honest "I don't know"

    def meeting_days(self) -> set[str]:
        """The days (YYYY-MM-DD) of the meetings the answer's facts and sources are of."""
        days = {m.start[:10] for m in self.meetings}
        days |= {p.meeting_date for p in self.people if p.meeting_date}
        days |= {d.meeting_date for d in self.decisions}
        days |= {s.meeting_date for s in self.sources if s.meeting_date}
        return days

    def to_json(self) -> dict[str, Any]:
        """The object `minutesbot ask --json` prints."""
        data = asdict(self)
        for meeting in data["meetings"]:
            meeting["joint_with"] = list(meeting["joint_with"])
        return data


SOURCE_LINES = ("Källa: ", "Source: ")


def combined(answers: Sequence[Answer]) -> Answer:
    """Several answers as one (a question about several groups at once): those
    that found something in turn (a headline they share once), then what the
    others did not find and what they offer instead, and each fact and source once.

    >>> found = Answer("meetings", "Möten för A:\\n• 1 mars")
    >>> none = Answer("meetings", "Inga möten för B.\\nSenaste: 1 mars", found=False)
    >>> combined([none, found]).text.splitlines()
    ['Möten för A:', '• 1 mars', 'Inga möten för B.', 'Senaste: 1 mars']
    >>> len(combined([none, none]).text.splitlines())  # the same words once
    2
    """
    ordered = [a for a in answers if a.found] + [a for a in answers if not a.found]
    lines: list[str] = []
    # a joint meeting answers for each of its groups alike: once
    said = list(dict.fromkeys(a.text for a in ordered if a.found))
    for text in said:
        head, *rest = text.splitlines() or [""]
        lines += ([] if head in lines else [head]) + [
            line for line in rest if not (line in lines and line.startswith(SOURCE_LINES))
        ]  # "Kumla representeras av:" once, and each "Källa: …"
    missing = [a.text.splitlines() for a in ordered if not a.found]
    # each "not found" headline, then what they offer instead, once
    lines += dict.fromkeys(b[0] for b in missing if b and b[0] not in lines)
    lines += dict.fromkeys(line for b in missing for line in b[1:] if line not in lines)
    first = ordered[0]
    return Answer(
        intent=first.intent,
        text="\n".join(lines),
        meetings=list(dict.fromkeys(m for a in ordered for m in a.meetings)),
        decisions=list(dict.fromkeys(d for a in ordered for d in a.decisions)),
        people=list(dict.fromkeys(p for a in ordered for p in a.people)),
        sources=list(dict.fromkeys(s for a in ordered for s in a.sources)),
        language=first.language,
        found=first.found,
    )


class AnswersQuestions(Protocol):
    """What the chat adapters need from `bot.assistant.Assistant` (or a wrapper of it)."""

    async def ask(self, question: str, context: AskContext) -> Answer: ...

    async def claim_delivery(self, keys: Sequence[str]) -> bool: ...
