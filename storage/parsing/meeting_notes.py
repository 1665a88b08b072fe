"""Meetings that running text mentions, outside any schedule ("Mötet den 24 april
är inställt."), read sentence by sentence with the rules of a schedule line."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from storage.parsing.dates import UPCOMING
from storage.parsing.records import MeetingStatus, ScheduledMeeting
from storage.parsing.schedule_headings import Years
from storage.parsing.schedule_line import line_meetings
from storage.parsing.schedule_words import moves_a_matter, read_line, states_meeting
from storage.registry import fold, group_aliases

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ\"”])")
# "Chefsgruppen" is whichever management group is writing, not one group by name.
_GENERIC_ALIASES = frozenset(("chefsgrupp", "chefsgruppen"))
_GROUP_BY_ALIAS = {
    alias: name for alias, name in group_aliases().items() if alias not in _GENERIC_ALIASES
}
_GROUP_ALIAS = re.compile(
    r"\b(?:"
    + "|".join(re.escape(a) for a in sorted(_GROUP_BY_ALIAS, key=len, reverse=True))
    + r")\b"
)


def find_meeting_notes(
    text: str, *, reference: date, own_groups: Sequence[str] = ()
) -> list[ScheduledMeeting]:
    """Meetings mentioned in running text: "Mötet med specifika samverkansrådet
    för folkhälsa den 24 april är inställt. Nästa ordinarie möte hålls den
    11 september." gives one CANCELLED and one PLANNED meeting of that group.

    Only sentences that name a meeting, a day and say it is held, cancelled or
    moved count. A group named in one sentence carries to the next ones of the
    same paragraph; `own_groups` (the document's groups) are left implicit.
    """
    found: list[ScheduledMeeting] = []
    for paragraph in text.splitlines():
        group: str | None = None
        for sentence in _SENTENCE_END.split(paragraph):
            group = _group_named(sentence) or group
            if not states_meeting(sentence):
                continue
            groups = (group,) if group and group not in own_groups else ()
            years = Years(reference, UPCOMING)
            meetings, _ = line_meetings(read_line(sentence), years, None, with_notes=False)
            if moves_a_matter(sentence):
                # "The matter is postponed to the meeting on 10 September": the
                # matter moves, the meeting stands as planned
                meetings = [_planned(m) for m in meetings]
            found.extend(replace(m, groups=groups) for m in meetings)
    return found


def _planned(meeting: ScheduledMeeting) -> ScheduledMeeting:
    if meeting.status is MeetingStatus.MOVED and meeting.moved_from is None:
        return replace(meeting, status=MeetingStatus.PLANNED)
    return meeting


def _group_named(sentence: str) -> str | None:
    """The known group a sentence names, by its longest alias."""
    folded = fold(re.sub(r"[^\w\s-]", " ", sentence))
    named = [m.group() for m in _GROUP_ALIAS.finditer(folded)]
    return _GROUP_BY_ALIAS[max(named, key=len)] if named else None
