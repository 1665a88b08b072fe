"""Which of the bot's intents a question has, from the folded, typo-corrected text
and what else was found in it (names, a time, lead times).

Rules are tried in order; the first whose pattern matches (and whose condition
holds) decides. Commands come first because they change state; the meeting
family comes last because its words ("möte", "when") appear everywhere.

Example:
    >>> classify(Signals("vad beslutades om suicidsamordningen"))
    <Intent.DECISIONS: 'decisions'>
    >>> classify(Signals("nar ar nasta mote"))
    <Intent.NEXT_MEETING: 'next_meeting'>
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from bot.understanding.facets import (
    ABSENT,
    FREQUENCY,
    MEETING,
    OUTCOME,
    PRESENTED,
    SUBSTITUTE_OF,
    TALLY,
    status_asked,
    tally_asked,
    tense_of,
    which_meeting,
)
from bot.understanding.query import Intent


@dataclass(frozen=True)
class Signals:
    """What the rules may look at besides the words."""

    norm: str
    group: bool = False
    person: bool = False
    place: bool = False  # a municipality or an organisation
    time: bool = False
    lead_times: bool = False
    subject: bool = False  # words are left that could be a subject


Condition = Callable[[Signals], bool]

_REMINDER = r"(?:paminn\w*|remind\w*|notis\w*|notif\w*|avisering\w*|prenumer\w*|subscri\w*)"
_CHANNEL = (
    r"(?:^|\s)(?:kanal\w*|channel\w*|chatt\w*|chat|konversation\w*|conversation|rummet|room)\b"
)
_CHANNEL_WORD = re.compile(_CHANNEL)
_QUESTION_START = re.compile(r"^(?:vilken|vilket|vilka|vad|which|what|hur|how)\b")


def _always(_: Signals) -> bool:
    return True


def _about_a_channel(s: Signals) -> bool:
    if s.group:
        return True
    return _CHANNEL_WORD.search(s.norm) is not None and not _QUESTION_START.search(s.norm)


def _command_to_bind(s: Signals) -> bool:
    return s.group or not _QUESTION_START.search(s.norm)


def _with_leads(s: Signals) -> bool:
    return s.lead_times


def _named_person(s: Signals) -> bool:
    return s.person


def _person_or_place(s: Signals) -> bool:
    return s.person or s.place


def _with_person(s: Signals) -> bool:
    return s.person or (s.subject and not s.place and not s.group)


def _about_a_meeting(s: Signals) -> bool:
    """ "visa protokollet från 8 september": a meeting, and nothing to search for."""
    return (s.time or which_meeting(s.norm) is not None) and not s.subject


def _at_a_meeting(s: Signals) -> bool:
    """ "på senaste mötet", "at the meeting on 21 October": one meeting named as such,
    and no municipality or organisation (whose members are its representatives)."""
    return _MEETING_WORD.search(s.norm) is not None and not s.place and not s.subject


def _with_subject(s: Signals) -> bool:
    return s.subject or s.person or s.place or s.group


def _whole(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"^(?:{pattern})$")


def _any(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{pattern})\b")


_MEETING_WORD = re.compile(rf"\b{MEETING}\b")


# Greetings, thanks and goodbyes: answered in a line, with a hint of what to ask.
_POLITE = r"(?: (?:sa |sa hemskt |very |so )?(?:mycket|much|a lot|mycket for \w+))?"
_SMALL_TALK: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "thanks",
        _whole(
            r"(?:(?:ok|okej|okay|bra|toppen|perfekt|super|great|perfect|nice|fint) )?"
            r"(?:(?:tack|tackar|tusen tack|stort tack|tack tack|thanks|thank you|thx|ty"
            rf"|many thanks|cheers){_POLITE}"
            r"(?: (?:for|for all) (?:hjalpen|svaret|svaren|det|informationen|infon|the help"
            r"|your help|that|this|the answer|the info))?(?: (?:igen|again))?)"
            r"(?: (?:tack|thanks|hej|bye|hej da))?"
        ),
    ),
    (
        "bye",
        _whole(r"(?:hej ?da|adjo|vi ses|ha det bra|bye|bye bye|goodbye|see you|ses)"),
    ),
    (
        "greeting",
        _whole(
            r"(?:hej|hejsan|hallo|halla|tjena|tja|tjenare|hi|hello|hey|god (?:morgon|dag|kvall)"
            r"|good (?:morning|afternoon|evening))(?: (?:hej|igen|pa dig|there|again|bot"
            r"|minutesbot|allihop|alla|all))?"
        ),
    ),
)


def small_talk(norm: str) -> str | None:
    """ "thanks", "bye" or "greeting" for a question that is only that."""
    return next((kind for kind, pattern in _SMALL_TALK if pattern.search(norm)), None)


_RULES: tuple[tuple[Intent, re.Pattern[str], Condition], ...] = (
    (Intent.UNSUBSCRIBE, _any(r"unsubscribe|avprenumerera|avregistrera|avanmal\w*"), _always),
    (
        Intent.UNSUBSCRIBE,
        _any(
            r"(?:sluta|stoppa|stop|avsluta|ta bort|stang av|turn off|switch off|disable|cancel"
            r"|inga fler|inga mer|no more|no longer|avbryt|radera|delete|remove|avaktivera"
            rf"|deactivate|pausa|pause|inte langre|vill inte ha)\b.*\b{_REMINDER}"
            rf"|{_REMINDER}\b.*\b(?:inte langre|no longer|not anymore|inte mer)"
            rf"|{_REMINDER}\b.*\b(?:av|off)$"
        ),
        _always,
    ),
    (Intent.SUBSCRIBE, _any(r"paminn|paminna|paminner|remind|subscribe|prenumerera"), _always),
    (
        Intent.SUBSCRIBE,
        _any(
            r"(?:vill ha|want|would like|skicka|send|lagg till|add|sla pa|turn on|switch on"
            r"|enable|aktivera|set up|setup|set|satt upp|satt|stall in|skapa|create|starta|start|ge oss"
            rf"|give us|ny|nya|new)\b.*\b{_REMINDER}"
        ),
        _always,
    ),
    (Intent.SUBSCRIBE, _any(_REMINDER), _with_leads),
    (Intent.LIST_SUBSCRIPTIONS, _any(_REMINDER), _always),
    (
        Intent.UNBIND_GROUP,
        _any(r"unbind|unlink|disconnect|detach|koppla (?:bort|loss|ifran)|ta bort kopplingen"),
        _always,
    ),
    (
        Intent.UNBIND_GROUP,
        re.compile(
            rf"{_CHANNEL}.*\b(?:inte langre|no longer|inte|not|ingen|no|ta bort|remove|clear"
            r"|forget|glom|nollstall|reset)\b"
        ),
        _command_to_bind,
    ),
    (Intent.BIND_GROUP, _any(r"koppla|bind|link|connect|knyt|anslut"), _about_a_channel),
    (
        Intent.BIND_GROUP,
        re.compile(
            rf"{_CHANNEL}.*\b(?:galler|handlar om|ar for|hor till|tillhor|is about|is for"
            r"|belongs to|is|ar|anvand|use|set|satt|byt|andra|change|default|standard)\b"
        ),
        _command_to_bind,
    ),
    (
        Intent.BIND_GROUP,
        _any(
            r"standardgrupp\w*|default group"
            r"|(?:set|satt|byt|andra|change) (?:the )?(?:grupp\w*|group)"
        ),
        _command_to_bind,
    ),
    (
        Intent.HELP,
        _whole(
            r"hjalp|help|hjalp mig|help me|hjalpa|hej|hi|hello|hallo|tjena|hejsan|start|meny"
            r"|menu|kommandon|commands|usage|instruktioner|instructions|vad kan du(?: gora)?"
            r"|what can you do|what do you do|how does this work|hur funkar det|hur fungerar det"
            r"|vad kan jag fraga(?: om)?|what can i ask(?: about)?"
        ),
        _always,
    ),
    *((Intent.HELP, pattern, _always) for _, pattern in _SMALL_TALK),  # "tack!"
    (
        Intent.GROUPS,  # "vilka grupper finns?", "which groups do you know?"
        _any(
            r"(?:vilka|what|which) (?:grupper|groups|rad|councils)"
            r" (?:finns|finns det|har du|kanner du|kan du|are there|do you (?:know|have|cover))"
            r"|(?:lista|visa|list|show)(?: alla| all| the)? (?:grupperna|grupper|groups)"
        ),
        lambda s: not s.person,
    ),
    (Intent.DECISIONS, OUTCOME, _with_subject),  # "vad hände med egenvården?"
    (
        Intent.SEARCH,
        _any(
            r"vad (?:har )?(?:sades|sas|sagts|sagt|namndes|namnts|diskuterades|diskuterats"
            r"|pratades|talades|rapporterades|informerades|framkom|hande)"
            r"|vad (?:sa|sade|tyckte|tycker|anser|ansag) (?:man|ni|vi|de|dom|\w+)"
            r"|what (?:does|did) (?:\w+ ){1,3}(?:think|feel)"
            r"|what (?:was|were|has been|have been|is being) (?:said|discussed|mentioned|reported"
            r"|talked about)"
            r"|what did (?:\w+ ){0,3}(?:say|discuss|talk|mention|report)"
            r"|(?:har|hade) (?:\w+ ){0,3}(?:pratat|diskuterat|talat|namnt|tagit upp|rapporterat)"
            r"|(?:diskuterades|diskuterats|namndes|namnts|togs \w+ upp|har \w+ tagits upp)"
            # "vad tog man upp om äldres hälsa?" (but "vad tog man upp på mötet?": its agenda)
            r"|vad (?:tog|togs|tar|tas) (?:\w+ ){0,2}upp om"
            r"|what (?:was|were) (?:\w+ ){0,2}brought up about|what did (?:\w+ ){1,3}bring up about"
            r"|(?:was|were|has|have) (?:\w+ ){1,4}(?:discussed|mentioned|raised|talked about)"
        ),
        _always,
    ),
    (Intent.AGENDA, PRESENTED, _named_person),  # "vilka ärenden föredrog Jan Sundelius?"
    (
        Intent.AGENDA,  # what a meeting named by day or as the next will take up
        _any(
            r"tas upp|ska (?:\w+ )?(?:tas upp|diskuteras|behandlas|avhandlas)"
            r"|ska (?:vi|ni|de|dom|man) (?:prata|tala|diskutera|ta upp|behandla)"
            r"|what will (?:be (?:discussed|covered|talked about|on)"
            r"|(?:we|they|you) (?:discuss|talk about|cover))"
            r"|what (?:is|s) planned for"
        ),
        _about_a_meeting,
    ),
    (
        Intent.ATTENDANCE,  # who a meeting named by day or as the next will have
        _any(
            r"(?:vilka|vem) (?:kommer|ska|skall) (?:att )?(?:komma|vara med|delta|narvara"
            r"|medverka|pa|till)|(?:vilka|vem) (?:ar|blir) (?:kallade|kallad|inbjudna|inbjuden)"
            r"|who (?:is|are|s) (?:coming|attending|invited|joining)"
            r"|who (?:will|ll|is going to|are going to) (?:be (?:there|at|attending|present)"
            r"|come|attend|join|participate)"
        ),
        _about_a_meeting,
    ),
    # "vem ersätter Jerry Karjalainen?": the substitutes for the person's seat
    (Intent.REPRESENTATIVES, SUBSTITUTE_OF, _named_person),
    # counted over meetings, before one meeting's roles and lists: "vem har varit
    # ordförande flest gånger?", "vem har varit frånvarande flest gånger?"
    (Intent.ATTENDANCE, TALLY, lambda s: tally_asked(s.norm)),
    # "vilka kommuner deltar i CROSS?": taking part in a project, not in a meeting
    (
        Intent.SEARCH,
        re.compile(
            r"\b(?:deltar|deltog|deltagit|medverkar|medverkade|participates?|participated"
            rf"|takes? part|took part) (?:i|in) (?!(?:\w+ )?{MEETING}\b)"
        ),
        lambda s: s.subject and not s.time and not s.group,
    ),
    # "vem ledde mötet?" is the chair; "vem leder implementeringen?" is about the work
    (
        Intent.MEETING_ROLES,
        _any(r"ledde|leder|leds|led|leads"),
        lambda s: not s.subject or _MEETING_WORD.search(s.norm) is not None,  # "ledde mötet"
    ),
    (
        Intent.MEETING_ROLES,
        _any(
            r"vice (?:ordf\w*|chair\w*)|ordf\w*|chair\w*|presid\w*"
            r"|sekr\w*|secretar\w*|protokollfor\w*|antecknade|minute.?taker"
            r"|note.?taker|justera\w*|justeringsperson\w*|adjuster\w*|minutes.?checkers?"
            r"|(?:tog|tagit|forde|fort|skrev|skrivit|skriver|tar|wrote|written|writes|took|taken"
            r"|takes|kept|keeps) (?:\w+ )?"
            r"(?:protokoll\w*"
            r"|\w*anteckningar\w*|minutes|notes)"
            r"|(?:checked|signed|verified|attested) (?:the )?minutes"
            r"|minutes (?:\S+ ){0,10}?(?:checked|signed|verified|attested)|justeringsdatum"
        ),
        _always,
    ),
    (
        Intent.ATTENDANCE,  # "was Kumla at the meeting on 29 May?", "was Eva Persson there"
        re.compile(
            rf"^(?:was|were) (?:[\w-]+ ){{1,5}}(?:(?:at|in) (?:the |that |this )?{MEETING}|there)\b"
        ),
        _person_or_place,
    ),
    (
        Intent.ATTENDANCE,
        _any(
            r"narvar\w*|deltog|deltagit|deltar|deltagare\w*|var med|var dar|var pa"
            rf"(?: \w+)? {MEETING}|vilka kom|vem kom|who came|attend\w*|participa\w*"
            rf"|(?:ar|blir) med (?:pa|vid)(?: \w+)? {MEETING}|(?:ar|blir) med (?:idag|i dag)"
            # "var Karin Haster med på …", "var Marie-Louise Forsberg-Fransson med 29 maj?"
            r"|var (?:[\w-]+ ){1,4}(?:med|narvarande)(?: (?:pa|vid|i|den|\d+)|$)"
            r"|gaster|gasterna|guests|took part|take part|tog del"
            r"|present|who (?:was|were) (?:at|there|in)|narvarolista\w*|inte med"
        ),
        _always,
    ),
    (Intent.ATTENDANCE, ABSENT, _always),
    (
        Intent.DECISIONS,
        _any(
            r"beslut(?!ande\b)\w*|beslot\w*|fattade\w*|fattades|klubba\w*|antogs|godkandes|decid\w*"
            r"|decision\w*|resolved|resolution\w*|agreed|vad kom (?:\w+ ){1,2}fram till"
            r"|bordla\w*|hanskj\w*|hanskots|postpone[ds]?|deferred"
            r"|ater ?remi\w*|referred back|sent back"  # återremiss: back for more preparation
            r"|avgjor\w*|oavgjor\w*|pending|unresolved|undecided"
        ),
        _always,
    ),
    (
        Intent.AGENDA,
        _any(r"protokoll\w*|\w*anteckningar\w*|minutes|notes"),
        _about_a_meeting,
    ),
    (
        Intent.AGENDA,
        _any(
            r"dagordning\w*|agenda\w*|foredragningslista\w*|arendelista\w*|punkter\w*"
            r"|arenden\w*|items|vad (?:stod|fanns|star|finns) pa|what (?:was|is|s) on"
            r"|vad handlade (?:\w+ ){0,6}om|what was (?:the meeting|it) about|vad togs upp"
            rf"|what (?:was|is) (?:the |that |this )?(?:\w+ )?{MEETING}(?: \w+){{0,6}} about"
            rf"|what happened (?:at|in|during) (?:the |that |this )?(?:\w+ )?{MEETING}"
            r"|vad tog (?:\w+ ){1,2}upp|what was discussed|vad diskuterades|what were the topics"
        ),
        _always,
    ),
    (
        Intent.ATTENDANCE,  # "vilka var beslutande?": seats that are a meeting's, the latest
        _any(r"beslutande|tjanstgorande|voting members?|serving substitut\w*"),
        lambda s: not s.place,
    ),
    (
        Intent.ATTENDANCE,  # "vilka var ersättare på senaste mötet?": a meeting's list, by seat
        _any(
            r"ledamot\w*|ersattar\w*|supplean\w*|substitut\w*|deput\w*|members?|beslutande"
            r"|tjanstgorande"
        ),
        _at_a_meeting,
    ),
    (
        Intent.REPRESENTATIVES,
        _any(
            r"represent\w*|foretrad\w*|sitter|sits|ledamot\w*|ersattar\w*|supplean\w*|substitut\w*|deput\w*"
            r"|alternates?|members?|medlem\w*|kontaktperson\w*|contact persons?"
            r"|(?:vilka|vem|who) (?:ar|sitter|is|are|s) (?:med )?(?:i|in|on)|ingar i"
        ),
        _always,
    ),
    (
        Intent.PERSON,
        _any(
            r"tillhor|jobbar|arbetar|works?|belongs?|anstalld|employed|organisation\w*|organization\w*"
            r"|vilka grupper|which groups|what groups|roll|rollen|role|titel|title|vem ar"
            r"|who is|who s|vad gor|what does"
        ),
        _with_person,
    ),
    (Intent.SEARCH, _any(r"sok\w*|search\w*|find|hitta|leta\w*|look up|look for"), _with_subject),
)
_PLURAL_MEETINGS = _any(
    r"\w*moten|\w*motena|motestider|motesdatum|motesplan\w*|meetings|sammantraden|schedule\w*"
    r"|kalender\w*|calendar|motesschema\w*|planerade"
)
_ANY_MEETING = _any(
    rf"(?:is|are) there (?:a|an|any) (?:\w+ )?{MEETING}"
    rf"|(?:finns|ar) det (?:nagot|nagra|ett) (?:\w+ )?{MEETING}"
)
_MEET_VERB = _any(
    r"ses|traffas|motes|mots|moter|sammantrader|meet|meets|gathers?|samlas"
    r"|sags|traffades|traffats|mottes|motts|setts|sammantradde|samlades|samlats|met|gathered"
)
# "var hålls det?": a meeting is held, when nothing else is ("vad hölls det för föredrag
# om CROSS?" is about the talk)
_HELD = _any(r"halls|holls|(?:is|was|will) (?:it |that )?(?:be )?held")
_WHEN_WHERE = _any(
    r"nar|var|vart|when|where|what time|vilken tid|hur dags|vilken lokal|lokal"
    r"|plats|place|location|room|tid|time|datum|date|held|holls|halls|ager rum"
)
# Questions of fact or opinion ("hur många ... finns", "vad tycker X om"): with a subject
# besides a person or a place, they ask about the subject, not who they are.
_ASKS_OF = re.compile(
    r"\b(?:hur (?:manga|mycket|ofta|lange)|finns|fanns|tycker|tyckte|anser|how (?:many|much)"
    r"|is there|are there|think)\b"
)
_WEAK_SEARCH = _any(
    r"vad vet du om|what do you know about|information om|info om|beratta om|tell me about"
    r"|vad hande med|what happened (?:with|to)"
)
# "pågår något möte nu?": the meeting under way, or else the next one
_UNDER_WAY = _any(
    r"pagar|pagaende|ongoing|under ?way|in progress|going on|happening|just nu|right now"
    r"|now|currently"
)
_HELP_ANYWHERE = _any(
    r"hjalp|help|vad kan du|what can you|hur (?:anvander|funkar|fungerar)"
    r"|how (?:do|can|should) i|kommandon|commands"
)


# "när justerades protokollet?", "what date were the minutes signed?": the day asked
_DAY_ASKED = re.compile(
    r"^\W*(?:(?:och|and|men|but|sa|so) )?"
    r"(?:nar|when|vilket datum|vilken dag|what date|which day|on what (?:date|day))\b"
    r"|\bjusteringsdatum|\bdatum (?:for|da) (?:justering|protokollet)"
)


def asks_which_day(norm: str) -> bool:
    """The question asks on what day ("när justerades protokollet?")."""
    return _DAY_ASKED.search(norm) is not None


def asks_under_way(norm: str) -> bool:
    """ "pågår något möte nu?", "is there a meeting now?"."""
    return _UNDER_WAY.search(norm) is not None


def classify(signals: Signals) -> Intent:
    """The intent of a question."""
    norm = signals.norm
    for intent, pattern, condition in _RULES:
        if pattern.search(norm) and condition(signals):
            return intent
    return _meeting_family(signals) or _fallback(signals)


def _meeting_family(s: Signals) -> Intent | None:
    """next_meeting, meetings or meeting_info, or None when no meeting is asked about."""
    norm = s.norm
    # "sammanträder" is the verb, not the noun "sammanträde"
    meeting = any(not _MEET_VERB.fullmatch(m.group(0)) for m in _MEETING_WORD.finditer(norm))
    meet = _MEET_VERB.search(norm) is not None or (not s.subject and _HELD.search(norm) is not None)
    if not (meeting or meet):
        return None
    if status_asked(norm):
        return Intent.MEETINGS
    if _PLURAL_MEETINGS.search(norm) or FREQUENCY.search(norm):
        return Intent.MEETINGS  # "kommande möten" lists them all
    which = which_meeting(norm)
    if which == "next" or _UNDER_WAY.search(norm):
        return Intent.NEXT_MEETING
    if s.time and _ANY_MEETING.search(norm):
        return Intent.MEETINGS  # "is there a meeting in January?": the ones there are
    if meet and not meeting:
        if s.time:
            return Intent.MEETINGS
        if which == "last" or tense_of(norm) == "past":
            return Intent.MEETING_INFO  # "när träffades rådet senast?": the latest meeting
        return Intent.NEXT_MEETING
    if which == "last" or s.time or _WHEN_WHERE.search(norm):
        return Intent.MEETING_INFO
    return Intent.NEXT_MEETING if not s.subject else None


def _fallback(s: Signals) -> Intent:
    """A question no rule claims: names alone, a subject alone, or nothing."""
    if _WEAK_SEARCH.search(s.norm) and s.subject:
        return Intent.SEARCH
    if _HELP_ANYWHERE.search(s.norm) and not s.subject:
        return Intent.HELP
    if s.lead_times and not s.subject:
        return Intent.SUBSCRIBE  # "två dagar innan", answering "when should I remind you?"
    if s.subject and (s.person or s.place) and _ASKS_OF.search(s.norm):
        return Intent.SEARCH  # "hur många katter finns i Örebro?": about something, there
    if s.person and not s.place:
        return Intent.PERSON
    if s.place:
        return Intent.REPRESENTATIVES
    if s.subject:
        return Intent.SEARCH
    if s.group:
        return Intent.MEETINGS
    if s.time and _HAPPENING.search(s.norm):
        return Intent.MEETINGS  # "vad händer den 11:e?": the meetings then
    return Intent.UNKNOWN


_HAPPENING = re.compile(
    r"\b(?:vad (?:hander|hande|ar det)|what s on|what is on|whats on|what happens)\b"
)

# Every pattern above, so the lexicon knows their words and typo repair leads to them.
PATTERNS: tuple[re.Pattern[str], ...] = (
    *(pattern for _, pattern, _ in _RULES),
    _PLURAL_MEETINGS,
    _MEET_VERB,
    _HELD,
    _WHEN_WHERE,
    _WEAK_SEARCH,
    _UNDER_WAY,
    _HELP_ANYWHERE,
    _HAPPENING,
)
