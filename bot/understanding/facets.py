"""The smaller things a question says besides its intent, read from its folded
words: next or last meeting, cancelled or moved, absent, which role, and tense.

Example:
    >>> which_meeting("vad beslutades pa forra motet"), status_asked("ar motet installt")
    ('last', 'cancelled')
    >>> meeting_role("vem justerade protokollet"), tense_of("vem var ordforande")
    ('justerare', 'past')
"""

from __future__ import annotations

import re

from storage.parsing.records import Role

MEETING = r"(?:\w*mote(?:n|t|na|ts|s\w*)?|meetings?|traff(?:en|ar|arna)?|sammantrade\w*|sessions?)"

_NEXT_MEETING = re.compile(
    rf"\b(?:nasta|kommande|nastkommande|next|upcoming|forthcoming|following)\s(?:\w+\s)?{MEETING}\b"
    r"|\b(?:nasta gang|next time|harnast|igen|again|meet next|ses nasta|traffas nasta)\b"
)
_LAST_MEETING = re.compile(
    r"\b(?:forra|senaste|foregaende|sista|last|previous|latest|most recent|recent|past)"
    rf"\s(?:\w+\s)?{MEETING}\b"
    r"|\b(?:last time|forra gangen|senast|sist)\b"
)
_CANCELLED = re.compile(
    r"\b(?:install\w*|stallts in|stalls in|stallde in|struk\w*|stryk\w*|avlyst\w*|"
    r"cancel+ed|cancel+ing|called off|scrapped|ska inte bli av|blir inte av)\b"
)
_MOVED = re.compile(
    r"\b(?:flytta\w*|omflytta\w*|omplanera\w*|framflytta\w*|senarelag\w*|tidigarelag\w*|"
    r"nytt datum|ny tid|andrat datum|andrad tid|moved|rescheduled|postponed|"
    r"brought forward|new date|changed date|delayed)\b"
)
ABSENT = re.compile(
    r"\b(?:franvar\w*|saknades|saknas|forhinder|"
    r"(?:var|var det|var de) (?:inte|ej) (?:med|dar|narvarande)|inte (?:var )?(?:med|narvarande)|"
    r"(?:deltog|deltar|kom|narvarade) (?:inte|ej)|(?:inte|ej) (?:deltog|kom|narvarade)|"
    r"(?:kunde|kan|kunnat|could|can) (?:inte|ej|not) (?:komma|delta|narvara|come|attend|join)|"
    r"absent\w*|absence\w*|missing|missed|not present|not there|wasn t|weren t|"
    r"(?:didn t|did not|couldn t|could not) (?:attend|come|show|make it|join)|not attend\w*|"
    r"struck|struken|strukna|overstrukna)\b"
)
_ROLES: tuple[tuple[Role, re.Pattern[str]], ...] = (
    (Role.VICE_CHAIR, re.compile(r"\bvice (?:ordf\w*|chair\w*)")),
    (
        Role.CHAIR,
        re.compile(r"\b(?:ordf\w*|chair\w*|presid\w*|ledde motet|led the meeting|ledde)\b"),
    ),
    (
        Role.SECRETARY,
        re.compile(
            r"\b(?:sekr\w*|secretar\w*|protokollfor\w*|"
            r"(?:tog|forde|skrev|wrote|took|kept) (?:\w+ )?(?:protokoll\w*|\w*anteckningar\w*|"
            r"minutes|notes)|antecknade|minute.?taker|note.?taker)\b"
        ),
    ),
    (
        Role.ADJUSTER,
        re.compile(
            r"\b(?:justera\w*|justeringsperson\w*|justerin\w*|adjuster\w*|"
            r"(?:checked|signed|verified|approved|attested) (?:the )?minutes|co.?sign\w*)\b"
        ),
    ),
)
_MEMBER_ROLES: tuple[tuple[Role, re.Pattern[str]], ...] = (
    (
        Role.SUBSTITUTE,
        re.compile(r"\b(?:ersattar\w*|ersattare|substitut\w*|deput\w*|alternates?)\b"),
    ),
    (Role.MEMBER, re.compile(r"\bledamot\w*")),
)
_FUTURE = re.compile(
    r"\b(?:blir|kommer|ska|skall|nasta|kommande|will|upcoming|next|planerade|planerad|"
    r"planned|framover|ahead|going to)\b"
)
_PAST = re.compile(
    r"\b(?:varit|hade|haft|holls|hallits|tidigare|fattades|tog|togs|deltog|sades|sa|sade|ledde|justerade|"
    r"forra|senaste|igar|was|were|did|had|held|decided|chaired|attended|said|took|"
    r"last|previous|\w{3,}ades|\w{3,}ats)\b"
)

_PRESENT = re.compile(r"\b(?:ar|is|are|halls|galler|finns|blir|there)\b")

PATTERNS: tuple[re.Pattern[str], ...] = (
    _NEXT_MEETING,
    _LAST_MEETING,
    _CANCELLED,
    _MOVED,
    ABSENT,
    *(pattern for _, pattern in (*_ROLES, *_MEMBER_ROLES)),
    _FUTURE,
    _PAST,
    _PRESENT,
)


def which_meeting(norm: str) -> str | None:
    """ "next" for "nästa möte", "when do we meet next"; "last" for "förra mötet"."""
    if _NEXT_MEETING.search(norm):
        return "next"
    if _LAST_MEETING.search(norm):
        return "last"
    return None


_POSTPONED = re.compile(
    r"\b(?:bordla\w*|hanskj\w*|hanskots|uppskj\w*|skjut\w* upp|skots upp|sköts upp|"
    r"postpon\w*|deferr\w*|tabled|referred|not (?:yet )?decided|inte (?:annu )?beslutat\w*)\b"
)


def decision_status(norm: str) -> str | None:
    """ "postponed" when a question about decisions asks for the postponed ones."""
    return "postponed" if _POSTPONED.search(norm) else None


def status_asked(norm: str) -> str | None:
    """ "cancelled" or "moved" when the question asks about either."""
    if _CANCELLED.search(norm):
        return "cancelled"
    if _MOVED.search(norm):
        return "moved"
    return None


def meeting_role(norm: str) -> str | None:
    """The meeting role asked about: ordförande, sekreterare or justerare."""
    return next((role.value for role, pattern in _ROLES if pattern.search(norm)), None)


def member_role(norm: str) -> str | None:
    """ "ledamot" or "ersättare" when a question about representatives asks for one."""
    return next((role.value for role, pattern in _MEMBER_ROLES if pattern.search(norm)), None)


def tense_of(norm: str) -> str | None:
    """ "future", "past", "present" or None: where a date without a year lies."""
    if _FUTURE.search(norm):
        return "future"
    # A leading "var" is "where"; elsewhere it is "was".
    if _PAST.search(norm) or " var " in f" {norm.partition(' ')[2]} ":
        return "past"
    if _PRESENT.search(norm):
        return "present"
    return None
