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
from collections.abc import Sequence

from bot.understanding.text import word_set
from storage.parsing.records import Role
from storage.registry import fold

MEETING = r"(?:\w*mote(?:n|t|na|ts|s\w*)?|meetings?|traff(?:en|ar|arna)?|sammantrade\w*|sessions?)"

_NEXT_MEETING = re.compile(
    rf"\b(?:nasta|kommande|nastkommande|next|upcoming|forthcoming|following)\s(?:[\w-]+\s)?{MEETING}\b"
    r"|\b(?:nasta gang|next time|harnast|igen|again|meet next|ses nasta|traffas nasta)\b"
)
_LAST_MEETING = re.compile(
    r"\b(?:forra|senaste|foregaende|sista|last|previous|latest|most recent|recent|past)"
    rf"\s(?:\w+\s)?{MEETING}\b"
    r"|\b(?:last time|forra gangen|senast|sist)\b"
)
_FIRST_MEETING = re.compile(rf"\b(?:forsta|tidigaste|first|earliest)\s(?:\w+\s)?{MEETING}\b")
# A länsdel (part of the county): "norra länsdelen", "länsdel Örebro", "Söder".
_LANSDEL = re.compile(
    r"\b(?:(norra|sodra|vastra)\s+lansdel\w*|lansdel\w*\s+(norr|soder|vaster|orebro)"
    r"|(?:the\s+)?(north|south|west)(?:ern)?\s+(?:part\s+of\s+the\s+county|(?:county\s+)?district)"
    r"|(norr|soder|vaster)|the\s+(north|south|west))\b"
)
# Presenting an item: "vilka ärenden föredrog X", "what did X present".
PRESENTED = re.compile(
    r"\b(?:foredr(?:og|agit|ar|a|ogs)|presentera(?:de|t|r)?|redogjorde|redogjort|redovisade"
    r"|presented|presents|presenting|(?:did|does|has|have) (?:[\w-]+ ){1,4}present)\b"
)
# "ställa in", its particle apart too ("ställdes något möte in?", "ställs mötet i maj
# in?"; the reading may drop the verb's ending), but never the imperative "ställ in
# påminnelser" (set up).
_CANCELLED = re.compile(
    r"\b(?:install\w*|stall(?:de|des|ts|s|as|t)\s+in"
    r"|stall(?:de|des|ts|s|as|t)?(?:\s+(?!in\b|sig\b)\w+){1,4}\s+in|struk\w*|"
    r"stryk\w*|avlyst\w*|cancel+ed|cancel+ing|called off|scrapped|ska inte bli av|"
    r"blir inte av)\b"
)
_MOVED = re.compile(
    r"\b(?:flytta\w*|omflytta\w*|omplanera\w*|framflytta\w*|senarelag\w*|tidigarelag\w*|"
    r"nytt datum|ny tid|andrat datum|andrad tid|moved|rescheduled|postponed|"
    r"brought forward|new date|changed date|delayed)\b"
)
# "vem ersätter Jerry Karjalainen?", "who is Anna Ek's substitute?": the substitutes
# for the person's seat (minutes name a municipality's substitutes, seldom whose).
SUBSTITUTE_OF = re.compile(
    r"\b(?:ersatter|ersatts|ersatte|ersattes|ersattare (?:for|till|at)|\w+s ersattare"
    r"|substitutes? (?:for|of)|s substitutes?|replaces|replaced|stands? in for|stood in for"
    r"|deput(?:y|ies) (?:for|of)|s deput(?:y|ies))\b"
)
# Counted over meetings, not one meeting's list: "vem har varit frånvarande flest
# gånger?", "hur många möten har Linnea Hedkvist deltagit i?", "how often was Kumla
# absent?" ("hur många var med?" counts one meeting's list: not this).
TALLY = re.compile(
    r"\b(?:flest (?:ganger|ggr|moten|sammantraden)|oftast|mest|sallan|sallast"
    r"|hur (?:manga (?:ganger|ggr|moten|sammantraden)|ofta)|antal (?:moten|ganger|ggr)"
    r"|most(?! recent)|least|fewest|how (?:many (?:times|meetings)|often)|number of (?:meetings|times)"
    # "vilka möten har Linnea Hedkvist varit med på?", "har Kumla varit med på alla möten?"
    r"|vilka moten|which meetings|what meetings|alla moten|varje mote|all (?:the )?meetings"
    r"|every meeting"
    # "vem har varit sekreterare genom åren?": each, counted
    r"|genom aren|under aren|over the years|through the years"
    # "hur många brukar vara med?", "how many attend on average?"
    r"|i snitt|i genomsnitt|genomsnitt\w*|brukar|usually|on average|average)\b"
    # "när var Karin Haster senast med?": the newest of the meetings counted (said of
    # taking part only: "when were the minutes last signed?" is one meeting's)
    r"|(?P<last>^(?:nar|when)\b.*\b(?:senast|last)\b)"
)
# "hur ofta träffas chefsgruppen?", "how often does the council meet?": the meetings of
# a year, counted
FREQUENCY = re.compile(r"\b(?:hur ofta|how often|hur manga ganger (?:per|om|i)|how many times a)\b")
# Taking part, or not, in meetings (with TALLY: a count of attendance).
ATTENDED = re.compile(
    r"\b(?:narvar\w*|deltog|deltagit|deltar|delta|(?:varit|var|ar|vara) (?:[\w-]+ ){0,3}med|med$|kommit"
    # "vilka möten har Annika Roman varit på?", "… gått på"
    r"|(?:varit|var|gatt|gick) (?:[\w-]+ ){0,3}pa$|(?:varit|gatt) pa"
    r"|missar|missat|missa|miss|skolkat|attend\w*|present|participat\w*|been (?:to|at)"
    r"|came|come|gone to|went to|show(?:n|ed)? up|turned up)\b"
)


def tally_asked(norm: str) -> bool:
    """Attendance counted over meetings ("vem har missat flest möten?"), or a
    meeting role ("vem har varit ordförande flest gånger?")."""
    counted = TALLY.search(norm)
    if counted is None:
        return False
    taking_part = ATTENDED.search(norm) is not None or ABSENT.search(norm) is not None
    return taking_part or (counted["last"] is None and meeting_role(norm) is not None)


ABSENT = re.compile(
    r"\b(?:franvar\w*|saknades|saknas|forhinder|"
    r"(?:var|var det|var de) (?:inte|ej) (?:med|dar|narvarande)|inte (?:var )?(?:med|narvarande)|"
    r"(?:deltog|deltar|kom|narvarade) (?:inte|ej)|(?:inte|ej) (?:deltog|kom|narvarade)|"
    r"(?:kunde|kan|kunnat|could|can) (?:inte|ej|not) (?:komma|delta|narvara|come|attend|join)|"
    r"absent\w*|absence\w*|missing|missed|missar|missat|missade|not present|not there|wasn t|weren t|"
    r"(?:didn t|did not|couldn t|could not) (?:attend|come|show|make it|join)|not attend\w*|"
    r"struck|struken|strukna|overstrukna|"
    r"(?:var|varit|blev|was|were|is|are) (?:\w+ )?(?:borta|away))\b"
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
            r"(?:tog|tagit|forde|fort|skrev|skrivit|skriver|tar|wrote|written|writes|took|taken"
            r"|takes|kept|keeps) (?:\w+ )?(?:protokoll\w*|\w*anteckningar\w*|"
            r"minutes|notes)|antecknade|minute.?taker|note.?taker)\b"
        ),
    ),
    (
        Role.ADJUSTER,
        re.compile(
            r"\b(?:justera\w*|justeringsperson\w*|justerin\w*|adjuster\w*|minutes.?checkers?|"
            r"(?:checked|signed|verified|approved|attested) (?:the )?minutes|co.?sign\w*|"
            r"minutes (?:\S+ ){0,10}?(?:checked|signed|verified|attested))\b"
        ),
    ),
)
_DECIDING = re.compile(r"\b(?:beslutande|voting members?)\b")
_MEMBER_ROLES: tuple[tuple[Role, re.Pattern[str]], ...] = (
    (Role.SERVING_SUBSTITUTE, re.compile(r"\b(?:tjanstgorande ersattar\w*|serving substitut\w*)")),
    (
        Role.SUBSTITUTE,
        re.compile(r"\b(?:ersattar\w*|ersattare|supplean\w*|substitut\w*|deput\w*|alternates?)\b"),
    ),
    (Role.MEMBER, re.compile(r"\bledamot\w*")),
    (Role.GUEST, re.compile(r"\b(?:gast|gaster|gasterna|guests?)\b")),
    (
        Role.OFFICIAL,
        re.compile(r"\b(?:tjanstepers\w*|tjanstem[ae]n\w*|officials?|civil servants?|staff)\b"),
    ),
)
# "representerat på mötet", "närvarande", "at the meeting": one meeting's list is asked about
_AT_A_MEETING = re.compile(
    rf"\b(?:pa|vid|at|in|on) (?:\w+ )?{MEETING}\b|\b(?:narvarande|present|med pa)\b"
)
_FUTURE = re.compile(
    r"\b(?:blir|kommer|ska|skall|nasta|kommande|will|upcoming|next|planerade|planerad|"
    r"planned|framover|ahead|going to)\b"
)
_PAST = re.compile(
    r"\b(?:varit|hade|haft|blev|blivit|holls|hallits|tidigare|fattades|tog|togs|deltog|"
    r"sades|sa|sade|ledde|justerade|motts|setts|"
    r"forra|senaste|igar|was|were|did|had|(?<!is )(?<!it )(?<!be )(?<!are )held|decided|"
    r"chaired|attended|said|took|"
    r"last|previous|\w{3,}ades|\w{3,}ats)\b"
)

# "har vi möte vecka 50?" is present ("har vi haft" is past, and read as such first)
_PRESENT = re.compile(
    r"\b(?:ar|is|are|halls|galler|finns|blir|there|har (?:vi|ni|de|dom)|do we have)\b"
)

_REMAINING = re.compile(
    r"\b(?:kvar|aterstar|aterstaende|resten|framover|remaining|left|kommande|coming"
    r"|upcoming|ahead|still to come)\b"
)

# "vilka frågor väntar fortfarande?": the postponed ones no later decision settled
_PENDING = re.compile(
    r"\b(?:vantar|vantande|awaiting|waiting|pending|oavgjor\w*|olost\w*|unresolved|undecided"
    r"|outstanding|(?:inte|ej|annu inte) (?:\w+ )?avgjor\w*|(?:not|not yet) (?:\w+ )?settled"
    r"|(?:still )?open (?:questions|issues|items|matters)|oppna (?:fragor|arenden)|still open)\b"
)
# "vad hände med egenvården?": the decisions on it, else what the minutes say of it
OUTCOME = re.compile(
    r"\b(?:vad (?:har )?hant med|vad hande (?:sedan |sen )?(?:med|i fragan om)"
    r"|hur (?:gick|gar) det (?:sedan |sen )?(?:med|for)|hur har det gatt (?:med|for)"
    r"|hur blev det (?:med|for)|vad blev det av|vad blev (?:resultatet|utfallet) (?:av|med|for)"
    r"|hur ligger (?:vi|det) till med|(?:what ?ever|what) happened (?:to|with)"
    r"|what (?:became|came) of|how did (?:\w+ ){1,4}(?:go|turn out|end up|end)"
    r"|what is the (?:status|outcome) of|what was the (?:outcome|result) of)\b"
)


PATTERNS: tuple[re.Pattern[str], ...] = (
    _NEXT_MEETING,
    _LAST_MEETING,
    _FIRST_MEETING,
    _LANSDEL,
    _CANCELLED,
    _MOVED,
    _PENDING,
    OUTCOME,
    ABSENT,
    PRESENTED,
    *(pattern for _, pattern in (*_ROLES, *_MEMBER_ROLES)),
    _AT_A_MEETING,
    _FUTURE,
    _PAST,
    _PRESENT,
    _REMAINING,
)


_LANSDEL_NAMES = {
    "norra": "Norr", "norr": "Norr", "north": "Norr",
    "sodra": "Söder", "soder": "Söder", "south": "Söder",
    "vastra": "Väster", "vaster": "Väster", "west": "Väster",
    "orebro": "länsdel Örebro",
}  # fmt: skip


def lansdel_asked(norm: str) -> str | None:
    """The länsdel a question names, as `storage.registry.lansdel_named` reads it
    ("norra länsdelen" -> "Norr", "länsdel Örebro" -> "länsdel Örebro")."""
    found = _LANSDEL.search(norm)
    if found is None:
        return None
    return _LANSDEL_NAMES[next(g for g in found.groups() if g)]


# "Var Anna Ek med på mötet …?", "Was Anna Ek present …?": a name not yet known.
_YES_NO_PERSON = re.compile(
    r"^\s*(?:var|was|deltog|did)\s+((?:[^\W\d_][\w-]*\s+){1,3}?)"
    r"(?:med|närvarande|narvarande|frånvarande|franvarande|present|absent|attend\w*|there)\b",
    re.IGNORECASE,
)
_NOT_A_NAME = frozenset((
    "det", "de", "dom", "någon", "nagon", "alla", "hon", "han", "ni", "vi", "man", "mötet",
    "motet", "många", "manga", "the", "he", "she", "they", "anyone", "everyone", "somebody",
    "someone", "it",
))  # fmt: skip


def person_in_yes_no(text: str) -> str | None:
    """The name in a yes/no question about one person's attendance, if any.

    >>> person_in_yes_no("var anna ek med på mötet?"), person_in_yes_no("Var det många med?")
    ('Anna Ek', None)
    """
    found = _YES_NO_PERSON.match(text)
    if found is None:
        return None
    words = found.group(1).split()
    if any(w.casefold() in _NOT_A_NAME for w in words):
        return None
    return " ".join(w if any(c.isupper() for c in w) else w.capitalize() for w in words)


def which_meeting(norm: str) -> str | None:
    """ "next" for "nästa möte", "when do we meet next"; "last" for "förra mötet";
    "first" for "första mötet 2023"."""
    if _NEXT_MEETING.search(norm):
        return "next"
    if _LAST_MEETING.search(norm):
        return "last"
    if _FIRST_MEETING.search(norm):
        return "first"  # "första mötet 2023"
    return None


_POSTPONED = re.compile(
    r"\b(?:bordla\w*|hanskj\w*|hanskots|uppskj\w*|(?:skjut|skots|skot)\w* (?:\w+ )?upp|"
    r"postpon\w*|(?:deferr?\w*|referred|sent) back|deferr?\w*|put\w* off|pushed back|tabled|"
    r"referred|not (?:yet )?decided|ater ?remi\w*|"
    r"inte (?:annu )?beslutat\w*)\b"
)


def decision_status(norm: str) -> str | None:
    """ "pending" for the postponed questions still waiting for a decision; "postponed"
    for the postponed ones; "outcome" for what came of a question."""
    if _PENDING.search(norm):
        return "pending"
    if _POSTPONED.search(norm):
        return "postponed"
    return "outcome" if OUTCOME.search(norm) else None


_VERB_PARTS = re.compile(r"\b(?:i kraft|ikraft|into (?:force|effect)|in force)\b")


_MODES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("hybrid", re.compile(r"\bhybrid\w*")),
    (
        "digital",
        re.compile(
            r"\b(?:digital\w*|teams|skype|zoom|online|distans\w*|virtuel\w*|virtual"
            r"|videomot\w*|video|webbmot\w*|remote)\b"
        ),
    ),
    (
        "physical",
        re.compile(
            r"\b(?:fysisk\w*|pa plats|pa platsen|pa riktigt|in[ -]person|i person"
            r"|on site|onsite|physical\w*|face to face)\b"
        ),
    ),
)


_ROLE_ENDINGS = tuple(
    word_set(
        """
        ledare ledaren ansvarig ansvariga samordnare samordnaren chef chefen direktor
        direktoren handlaggare strateg strategen utvecklare
        coordinator manager director officer leader head
        """
    )
)
_ROLE_OPENERS = word_set("ny nya nye nyvald nyvalda nuvarande tillforordnad tf new current acting")
_ROLE_JOINERS = word_set("i pa for av vid hos inom in of at on within")


def describes_role(keys: Sequence[str]) -> bool:
    """Words for a role, not a name: "ny samverkansledare i norr", "new coordinator"."""
    if not keys:
        return False
    return (
        keys[0] in _ROLE_OPENERS
        or any(key in _ROLE_JOINERS for key in keys[1:-1])
        or any(key.endswith(_ROLE_ENDINGS) for key in keys)
    )


def part_asked(norm: str, tense: str | None) -> str | None:
    """ "future" for meetings left ("kvar", "remaining", "kommande", future tense),
    "past" for those held (past tense), else None."""
    if _REMAINING.search(norm) or tense == "future":
        return "future"
    return "past" if tense == "past" else None


def meeting_mode(norm: str) -> str | None:
    """ "digital", "physical" or "hybrid" when a question asks for meetings held so."""
    return next((mode for mode, pattern in _MODES if pattern.search(norm)), None)


def asking_spans(norm: str) -> list[tuple[int, int]]:
    """Where `norm` says what it asks ("skjutits upp", "ställts in", "put off", "träder
    i kraft"): words that are never its subject."""
    patterns = (_POSTPONED, _PENDING, OUTCOME, _CANCELLED, _MOVED, _VERB_PARTS)
    return [m.span() for pattern in patterns for m in pattern.finditer(norm)]


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


def meeting_roles(norm: str) -> tuple[str, ...]:
    """Every meeting role asked about: "vem var ordförande och sekreterare" asks two.

    >>> meeting_roles("vem var ordforande och sekreterare")
    ('ordförande', 'sekreterare')
    """
    roles, rest = [], norm
    for role, pattern in _ROLES:
        if pattern.search(rest):
            roles.append(role.value)
            rest = pattern.sub(" ", rest)  # "vice ordförande" is not also the chair
    return tuple(roles)


def at_a_meeting(norm: str) -> bool:
    """The question asks about one meeting's list: "representerat på mötet 29 maj"."""
    return _AT_A_MEETING.search(norm) is not None


def member_role(norm: str) -> str | None:
    """ "ledamot" or "ersättare" when a question about representatives asks for one;
    "beslutande" for a formal protocol's list of them (members and serving substitutes)."""
    if _DECIDING.search(norm):
        return "beslutande"
    return next((role.value for role, pattern in _MEMBER_ROLES if pattern.search(norm)), None)


_WHEN = re.compile(
    r"\b(?:nar|when|vilken dag|vilket datum|vilka datum|what date|hur lange|how long)\b"
)


def asks_when(text: str) -> bool:
    """The question asks when something is ("när är internatet?").

    >>> asks_when("När är internatet?"), asks_when("Vad sades om internatet?")
    (True, False)
    """
    return _WHEN.search(fold(text.lower())) is not None


# A group's informal name ("folkhälsa") as the subject of a question: after an active
# verb ("vad beslutade folkhälsa", "vilka möten har folkhälsa haft", "when does
# folkhälsa meet") unless a passive follows ("har folkhälsa diskuterats?"), before one
# ("folkhälsa beslutade"), or as a genitive before meetings or decisions.
_ACTIVE = (
    r"beslutade|beslutat|beslutar|bestamde|bestamt|tyckte|har|hade|ska|skall|kommer|traffas"
    r"|traffades|traffats|mots|mottes|motts|ses|sags|sammantrader|sammantradde|moter|decided|decides|did|does"
    r"|has|have|had|will|met|meets"
)
_PASSIVE = r"\w+(?:ts|des|tes)|togs|gjordes"
_SUBJECT_BEFORE = re.compile(rf"\b(?:{_ACTIVE})\s$")
_SUBJECT_AFTER = re.compile(rf"^\s(?:{_ACTIVE})\b(?!\s(?:{_PASSIVE})\b)")
_PASSIVE_NEXT = re.compile(rf"^\s(?:{_PASSIVE})\b")
_OWNED = re.compile(
    rf"^\s(?:(?:nasta|forra|senaste|kommande|sista|forsta)\s)?(?:{MEETING}|beslut\w*)\b"
)
_TOPIC_BEFORE = re.compile(
    r"\b(?:om|kring|rorande|angaende|gallande|inom|for|med|about|on|regarding|concerning|of)\s$"
)


def subject_at(norm: str, start: int, end: int, *, genitive: bool = False) -> bool:
    """Whether the word at norm[start:end] is the subject of the question (who met,
    who decided), not its topic; a `genitive` ("folkhälsas") owns the meetings or
    decisions after it.

    >>> subject_at("vad beslutade folkhalsa 2020", 14, 23)
    True
    >>> subject_at("vad beslutades om folkhalsa", 18, 27)
    False
    """
    before, after = norm[:start], norm[end:]
    if _TOPIC_BEFORE.search(before):
        return False
    if genitive:
        return _OWNED.match(after) is not None
    if _SUBJECT_BEFORE.search(before):
        return _PASSIVE_NEXT.match(after) is None
    return _SUBJECT_AFTER.match(after) is not None


_LEADING_AND = re.compile(r"^(?:och|men|sa|and|but|so) ")


def tense_of(norm: str) -> str | None:
    """ "future", "past", "present" or None: where a date without a year lies."""
    if _FUTURE.search(norm):
        return "future"
    # A leading "var" is "where" (also after "och": "och var hålls det?"); elsewhere "was".
    asked = _LEADING_AND.sub("", norm)
    if _PAST.search(norm) or " var " in f" {asked.partition(' ')[2]} ":
        return "past"
    if _PRESENT.search(norm):
        return "present"
    return None
