"""The words around a date in a schedule that say what kind of meeting it is:
cancelled or moved, digital or physical, where, joint with whom, and what else
the line notes ("internat", "lunch-lunch").

Example:
    >>> mode_of("11 november - digitalt")
    <MeetingMode.DIGITAL: 'digital'>
    >>> joint_with("Fysiskt möte – gemensamt med skolchefer och folkhälsochefer")
    (('skolchefer', 'Chefsgrupp folkhälsa'), False)
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass

from storage.parsing.dates import contains_date
from storage.parsing.records import MeetingMode
from storage.registry import find_group

CANCELLED = re.compile(
    r"\b(?:inställ(?:t|d|da|s)|ställ(?:s|ts|des)\s+in|cancell?ed|called\s+off|utgår)\b",
    re.IGNORECASE,
)
MOVED = re.compile(
    r"\b(?:flytta(?:t|d|de|s|ts)|nytt\s+datum|ny\s+tid|nya\s+tider|senare\s+förslag"
    r"|ändrat\s+datum|ändrad\s+tid|ändras\s+till|(?:senare|tidigare)l[aä]g\w*|istället|instead"
    r"|ersätt(?:er|s)|moved|moves|rescheduled|postponed|new\s+date)\b",
    re.IGNORECASE,
)
MEETING_NOUN = re.compile(r"\w*(?:möte|sammanträde)(?:t|n|na)?\b|\bmeetings?\b", re.IGNORECASE)
# The verbs that only carry a statement: "har (blivit)", "kommer att", "has been", "will".
AUXILIARY = (
    r"(?:är|har|blir|blev|blivit|ska|skall|kommer\s+att|is|are|was|were|has|have|had|been"
    r"|being|will|would|be)"
)
# A meeting moves: "flyttas", "senareläggs", "ändras", "ersätts", "moved", "postponed".
MOVE_WORD = (
    r"(?:flytta\w*|ändra\w*|ersätt\w*|(?:senare|tidigare)l[aä]g\w*|skjut\w*\s+upp|moved?"
    r"|rescheduled|postponed|changed|brought\s+forward)"
)
# "hålls istället 19 mars", "will instead be held": but "istället för 12 mars" names the old day.
INSTEAD = r"(?:istället|instead)(?!\s+(?:för|of)\b)"
_HELD_LATER = re.compile(
    r"\b(?:hålls|ska\s+hållas|kommer\s+att\s+hållas|äger\s+rum|planeras\s+(?:till|den)"
    r"|är\s+planerat|will\s+(?:instead\s+)?be\s+held|is\s+held|takes\s+place|is\s+scheduled)\b",
    re.IGNORECASE,
)
# In running text a move is a verb; "nytt datum 28/8" is how a list says it.
_MOVE_VERB = re.compile(
    r"\b(?:flytta\w*|(?:senare|tidigare)l[aä]g\w*|ändra[ts]\s+till|moved|rescheduled|postponed)\b",
    re.IGNORECASE,
)
_DIGITAL = re.compile(
    r"\b(?:digital\w*|distans\w*|teams\w*|skype\w*|zoom\w*|online|webbmöte\w*|videomöte\w*)",
    re.IGNORECASE,
)
_PHYSICAL = re.compile(r"\b(?:fysisk\w*|på\s+plats|in\s+person|on\s+site)\b", re.IGNORECASE)
_HYBRID = re.compile(r"\bhybrid\w*", re.IGNORECASE)
_MODE_PHRASE = re.compile(
    r"\b(?:(?:via|i|på|in|on)\s+)?(?:digital\w*|fysisk\w*|hybrid\w*|distans\w*|teams\w*"
    r"|skype\w*|zoom\w*|online|på\s+plats|in\s+person)(?:\s+(?:möte|meeting))?\b",
    re.IGNORECASE,
)
# "postponed to the meeting on 10 September": the matter moves, the meeting stands.
_MATTER_TO_MEETING = re.compile(
    r"\b(?:postponed|deferred|referred|moved|tabled|flytta[ds]|skjut(?:s|its)\s+upp)"
    r"\s+(?:till|to)\s+(?:the\s+)?(?:\w+s\s+)?(?:next\s+|nästa\s+)?\w*(?:möte|sammanträde|meeting)",
    re.IGNORECASE,
)
_PLACE = re.compile(r"\b(?:plats|lokal|location|venue)\s*:\s*(?P<place>[^,;()\n]+)", re.IGNORECASE)
_JOINT = re.compile(
    r"(?P<tentative>\b(?:ev|eventuellt|prel|preliminärt|kanske|possibly|tentatively)\.?\s+)?"
    r"\b(?:gemensam\w*|tillsammans|joint|together)(?:\s+(?:möte|meeting))?\s+(?:med|with)\s+"
    r"(?P<who>[^().;:–—]+?)(?=\s+-\s|[().;:–—]|$)",
    re.IGNORECASE,
)
_GROUP_SEPARATOR = re.compile(r"(\s*,\s*|\s+(?:och|samt|and|&)\s+)", re.IGNORECASE)
_FILLER = re.compile(
    r"\b(?:(?:nästa|kommande|ordinarie|planerade|övriga|vårens|höstens|årets|next|upcoming)\s+)?"
    r"(?:möte[nt]?|mötena|sammanträde[nt]?|meetings?)\b",
    re.IGNORECASE,
)
# "Nästa sammanträde äger rum 2025-12-09": the verb that states a meeting says nothing more.
# "Arbetsutskottet sammanträder 2026-10-13": the body meeting, said of itself, too.
_HELD = re.compile(
    r"\b(?:hålls|äger\s+rum|genomförs|(?:will\s+be\s+|is\s+)?held|takes\s+place)\b"
    r"|(?:\b\w*(?:utskottet|nämnden|gruppen|rådet|råden|styrelsen|the\s+(?:board|committee"
    r"|council|group))\s+)?\b(?:sammanträder|träffas|möts|meets|will\s+meet)\b",
    re.IGNORECASE,
)
_TIME_NOTE = re.compile(
    r"lunch\s*[-–]\s*lunch|(?:för|efter)middag(?:en)?|kväll(?:en)?|heldag|halvdag"
    r"|morning|afternoon|evening",
    re.IGNORECASE,
)
_DATE_MARK = "\x00"
# Words that only tie a date, a status or the meeting into a sentence. Cut out
# without them, what they tied leaves them behind as a note ("The on").
_PREPOSITIONS = frozenset(
    {"on", "at", "by", "to", "from", "until", "in", "of", "for", "with"}
    | {"i", "på", "till", "från", "för", "av", "med"}
)
_TIE_WORDS = _PREPOSITIONS | frozenset(
    {"the", "a", "an", "is", "are", "was", "were", "be", "been", "has", "have", "will"}
    | {"den", "det", "är", "blir", "blev", "har"}
    | {"and", "or", "och", "samt", "eller"}
)
_COPULA = rf"(?:\b{AUXILIARY}\s+)*"
# What a line states, each as a phrase with its tie words: "on 12 March", "the
# next meeting", "is cancelled", "was moved", "will be held", "is digital".
_STATED_PHRASES = (
    re.compile(
        rf"(?:\b(?:från|from|till|to|until|on|at|by|istället\s+för|instead\s+of)\s*)?{_DATE_MARK}",
        re.IGNORECASE,
    ),
    *(
        re.compile(rf"{_COPULA}(?:{said.pattern})", re.IGNORECASE)
        for said in (CANCELLED, MOVED, _MODE_PHRASE, _HELD)
    ),
    re.compile(rf"(?:\b(?:the|this|our)\s+)?(?:{_FILLER.pattern})", re.IGNORECASE),
)
_EDGE_MARKS = " ,:–—-."
_STRIKE_HTML = re.compile(r"<(s|del|strike)\b[^>]*>(.*?)</\1>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
_STRIKE = re.compile(r"~~(.+?)~~", re.DOTALL)


@dataclass(frozen=True)
class Line:
    """A line's text without markup; `struck` holds the offsets of struck text."""

    text: str
    struck: tuple[tuple[int, int], ...] = ()

    def is_struck(self, start: int, end: int) -> bool:
        return any(a <= start and end <= b for a, b in self.struck)

    def blank_struck(self) -> str:
        """The text with struck parts blanked, offsets unchanged."""
        chars = list(self.text)
        for a, b in self.struck:
            chars[a:b] = " " * (b - a)
        return "".join(chars)


def read_line(raw: str) -> Line:
    """Drop HTML and `~~` marks, remembering what was struck.

    >>> read_line("~~3 februari~~ (digitalt möte)")
    Line(text='3 februari (digitalt möte)', struck=((0, 10),))
    """
    text = html.unescape(_TAG.sub(" ", _STRIKE_HTML.sub(r"~~\2~~", raw)))
    out: list[str] = []
    struck: list[tuple[int, int]] = []
    length = pos = 0
    for match in _STRIKE.finditer(text):
        out.append(text[pos : match.start()])
        length += match.start() - pos
        struck.append((length, length + len(match.group(1))))
        out.append(match.group(1))
        length += len(match.group(1))
        pos = match.end()
    out.append(text[pos:])
    return Line("".join(out), tuple(struck))


def mode_of(text: str) -> MeetingMode | None:
    """DIGITAL for "digitalt"/"Teams"/"Skype", PHYSICAL for "fysiskt"/"på plats",
    HYBRID for "hybrid" or both."""
    digital, physical = _DIGITAL.search(text), _PHYSICAL.search(text)
    if _HYBRID.search(text) or (digital and physical):
        return MeetingMode.HYBRID
    if digital:
        return MeetingMode.DIGITAL
    return MeetingMode.PHYSICAL if physical else None


def place_of(text: str) -> str | None:
    """The place after "Plats:" or "Lokal:", unless it is a video service."""
    match = _PLACE.search(text)
    if match is None or _DIGITAL.search(match.group("place")):
        return None
    return match.group("place").strip() or None


def joint_with(text: str) -> tuple[tuple[str, ...], bool]:
    """The groups after "gemensamt (möte) med", and whether an "ev" makes it tentative.

    Known groups get their registry name; others stay as written.
    """
    match = _JOINT.search(text)
    if match is None:
        return (), False
    return _groups_in(match.group("who")), bool(match.group("tentative"))


def _groups_in(who: str) -> tuple[str, ...]:
    """Split "skolchefer och folkhälsochefer" into groups, but keep a known name
    whole: "chefsgrupp för social välfärd samt vård och omsorg" is one group."""
    parts = _GROUP_SEPARATOR.split(who.strip())
    names, separators = parts[::2], parts[1::2]
    groups: list[str] = []
    index = 0
    while index < len(names):
        for stop in range(len(names), index, -1):
            candidate = names[index] + "".join(
                separators[k] + names[k + 1] for k in range(index, stop - 1)
            )
            if known := find_group(candidate):
                groups.append(known.name)
                index = stop
                break
        else:
            written = re.sub(r"^(?:de|den|det|the)\s+", "", names[index].strip(), flags=re.I)
            if written:
                groups.append(written)
            index += 1
    return tuple(dict.fromkeys(groups))


def note_of(chunk: str, date_spans: Sequence[tuple[int, int]]) -> str | None:
    """What a schedule line says besides date, status, mode, place and joint groups.

    Each of those is cut out as a phrase, with the words that tie it into the
    sentence ("on" 12 March, "the" meeting, "is" cancelled); what is left is read
    clause by clause, and a clause of tie words alone is no note.

    >>> note_of("internat 8-9/10 (lunch-lunch)", [(9, 15)])
    'internat; lunch-lunch'
    >>> note_of("The meeting on 12 March is cancelled (internat)", [(15, 23)])
    'internat'
    """
    text = chunk
    for start, end in sorted(date_spans, reverse=True):
        text = text[:start] + _DATE_MARK + text[end:]
    text = _PLACE.sub(" ", text)
    # "Vårens möten: 3 februari, ..." - the words before a colon label the list.
    text = re.sub(rf"^[^{_DATE_MARK}]*:\s*(?={_DATE_MARK})", " ", text)
    joint = _JOINT.search(text)
    if joint and not joint.group("tentative"):
        text = text[: joint.start()] + " " + text[joint.end() :]
    for phrase in _STATED_PHRASES:
        text = phrase.sub(" ", text)
    return _tidy(text)


def _tidy(text: str) -> str | None:
    """Parts of a note, "; "-separated: "internat (lunch-lunch)" -> "internat; lunch-lunch"."""
    parts = (_clauses(part) for part in re.split(r"[();]", text))
    return "; ".join(p for p in parts if p) or None


def _clauses(part: str) -> str:
    """A note part's clauses (between commas), each without the tie words at its edges."""
    clauses = (_untied(clause) for clause in re.split(r",(?=\s|$)", part))
    return ", ".join(c for c in clauses if c)


def _untied(clause: str) -> str:
    """A clause without tie words at its ends: "the internal workshop" -> "internal
    workshop", "Internatet är" -> "Internatet", and no "och" that joined it to the
    next meeting of a list. A leading preposition stays, as it may name a place
    ("i Nora", "at Regionhuset"); so do marks such as a final "?"."""
    words = " ".join(clause.split()).strip(_EDGE_MARKS).split()
    end = len(words)
    while end and not any(ch.isalnum() for ch in words[end - 1]):
        end -= 1
    core, marks = words[:end], words[end:]
    if not core:
        return " ".join(marks)
    while core and core[0].lower() in _TIE_WORDS - _PREPOSITIONS:
        core.pop(0)
    while core and core[-1].lower() in _TIE_WORDS:
        core.pop()
    return " ".join(core + marks).strip(_EDGE_MARKS) if core else ""


def is_time_note(part: str) -> bool:
    """True for note parts that only say when: "lunch-lunch", "eftermiddag".

    A known time makes them redundant.
    """
    return _TIME_NOTE.fullmatch(part.strip()) is not None


def states_meeting(sentence: str) -> bool:
    """True when a sentence names a meeting and a day and says the meeting is
    held, cancelled or moved: "Nästa ordinarie möte hålls den 11 september."
    """
    says = CANCELLED.search(sentence) or _MOVE_VERB.search(sentence) or _HELD_LATER.search(sentence)
    return bool(says and MEETING_NOUN.search(sentence) and contains_date(sentence))


def place_after_comma(chunk: str, note: str | None) -> bool:
    """ "10 September 2025, 09:00–12:00, Regionhuset Västerås": what is left after
    the last comma, a capitalised name of its own, is where the meeting is held."""
    if not note or ";" in note or not note[:1].isupper():
        return False
    tail = chunk.rsplit(",", 1)[-1].strip(" .")
    # "Regionhuset Västerås", "Kumla kommunhus": a name, then at most a few words
    return "," in chunk and tail == note and len(note.split()) <= _PLACE_WORDS


_PLACE_WORDS = 5
# "hålls i Kommunhuset", "äger rum i Nora", "at Regionhuset": where, in a note
_HELD_IN = re.compile(
    r"^(?:(?:hålls|äger\s+rum|sker|blir|will\s+be\s+held|is\s+held|takes\s+place)\s+)?"
    r"(?:i|på|in|at)\s+(?P<place>[A-ZÅÄÖ][^;]*?)[\s.]*$"
)


def place_in_note(note: str | None) -> str | None:
    """The place a note names after "i"/"på"/"in"/"at".

    >>> place_in_note("hålls i Kommunhuset"), place_in_note("äger rum i Nora")
    ('Kommunhuset', 'Nora')
    >>> place_in_note("i väntan på besked") is None
    True
    """
    match = _HELD_IN.match(note or "")
    # "i Teams" is a way to meet, "i Chefsgrupp folkhälsa" a group: neither is a place
    if match is None or _DIGITAL.search(match["place"]) or find_group(match["place"]):
        return None
    place = match["place"]
    return place if len(place.split()) <= _PLACE_WORDS else None


def moves_a_matter(sentence: str) -> bool:
    """True when a matter, not a meeting, is moved to a meeting.

    >>> moves_a_matter("The matter is postponed to the meeting on 10 September.")
    True
    """
    return bool(_MATTER_TO_MEETING.search(sentence))
