"""What the answering core gives back: text a person reads plus the facts and
sources it rests on. Adapters (CLI, Teams, Slack) only render these.

The JSON form is the command-line contract (`minutesbot ask --json`):

    >>> Answer(intent="help", text="Jag kan svara på ...").to_json()["meetings"]
    []
"""

from __future__ import annotations

from collections.abc import Sequence
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
    # a Bot Framework ConversationReference as JSON, or Slack team/channel ids.
    reference: dict[str, Any] | None = None


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

    def to_json(self) -> dict[str, Any]:
        """The object `minutesbot ask --json` prints."""
        data = asdict(self)
        for meeting in data["meetings"]:
            meeting["joint_with"] = list(meeting["joint_with"])
        return data


class AnswersQuestions(Protocol):
    """What the chat adapters need from `bot.assistant.Assistant` (or a wrapper of it)."""

    async def ask(self, question: str, context: AskContext) -> Answer: ...

    def claim_delivery(self, keys: Sequence[str]) -> bool: ...
