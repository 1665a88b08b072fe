"""The words questions are built from (folded: no å/ä/ö), and typo repair.

Function words and the question's own verbs and nouns ("beslutades", "möte",
"dagordningen") are never a subject. A word the lexicon does not know but is
close to a lexicon word is read as that word ("dagordnngen", "frånvarnde",
"meting"), so the intent grammars see the word the user meant.

Example:
    >>> correct_keys(["vilka", "var", "franvarnde", "pa", "motet"])
    ['vilka', 'var', 'franvarande', 'pa', 'motet']
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz, process

from bot.understanding import facets, intents, reminders, timegrammar
from bot.understanding.text import word_set
from bot.understanding.timewords import MONTHS, NUMBERS, PAST_WEEKDAYS, SEASONS, WEEKDAYS

SWEDISH_FUNCTION_WORDS = word_set(
    """
    vad vem vems vilka vilken vilket nar var vart hur varfor vilkas
    ar var varit vara blir blev bli har hade haft kan kunde ska skall skulle kommer
    kom vill ville finns fanns gor gjorde gjort gora fa far fick sag sager sa
    och eller samt men att som om i pa av for fran till med utan hos vid under
    efter fore innan mellan kring at mot genom bland sedan tills ur
    den det de dem denna detta dessa den har det har en ett sin sitt sina
    jag du han hon vi ni oss er mig dig man dom deras dess hans hennes min mitt mina
    var vart vara era er inte ej ingen inget inga nagon nagot nagra alla allt
    mycket manga mer mest lite nu da dar har sa ocksa aven bara redan just ju val nog
    hej tack snalla garna kanske typ liksom alltsa ungefar ok okej bra toppen perfekt fint
    visa lista ge se titta kolla hjalpen
    igen gang gangen ganger gangerna ggr senast forst sist ofta oftast flest
    """
)
ENGLISH_FUNCTION_WORDS = word_set(
    """
    what who whom whose which when where why how
    is are was were be been being am do does did done doing have has had having
    can could will would shall should may might must
    the a an and or but of on in at to for from with without by about into onto
    over under after before between during since until till than then as if
    this that these those it its they them their there here we us our you your
    i me my he him his she her one ones any some all no not none
    very more most much many just also too only again so please thanks thank hi hello
    anything something everything someone anyone everyone
    time times ever yet still often ok okay great fine cool
    s t d ll ve m
    show list give see let get
    """
)
FUNCTION_WORDS = SWEDISH_FUNCTION_WORDS | ENGLISH_FUNCTION_WORDS

# The words that say what is asked: never the subject of a question.
QUESTION_WORDS = word_set(
    """
    mote motet moten motena motes motets motestider motesdatum motesplan traff traffen
    traffas traffats traffades ses setts motas motts mottes moter sammantrade sammantradet
    sammantraden session
    meeting meetings meet meets met session sessions
    protokoll protokollet protokollen minnesanteckningar minnesanteckningarna anteckningar
    anteckningarna motesanteckningar minutes notes
    grupp gruppen grupper grupperna group groups council councils committee committees
    kanal kanalen kanaler channel channels chatt chat
    beslut beslutet besluten beslutade beslutades beslutats besluta beslutat beslot
    beslots fattade fattades fattat fatta tog togs tagit tagits ta klubbades antogs
    godkandes
    decide decided decides decision decisions resolved agreed adopted approved made take
    sades sas sagts sagt sa namndes namnts namnt namna diskuterades diskuterats
    diskuterade diskutera pratades pratat pratade prata talades talat talade upp
    rapporterades informerades informerade information info hande
    said say discussed discuss mentioned mention talked talk reported happened
    sok soka efter leta hitta search find look tell beratta
    vet know knows
    dagordning dagordningen dagordningar agenda agendan punkt punkter punkten arenden
    arende stod handlade items item topics topic
    ordforande ordf sekreterare sekr justerare justerade justerat justera
    chair chaired chairs chairman chairperson secretary adjuster
    narvarande narvaro deltog deltagare deltagarna franvarande franvaro saknades saknas
    attended attendance attendees present absent missing participants participated
    representerar representerade representant representanter representanterna
    represent represents represented representative representatives
    ledamot ledamoter ledamoten ledamoterna ersattare ersattaren member members
    medlem medlemmar medlemmarna komma kommit
    substitute substitutes deputy deputies alternate alternates suppleant suppleanter
    nasta kommande forra senaste foregaende next last previous latest upcoming
    forrforra nastnasta forrfjol fjol
    person personen personer people persons
    datum dag dagen date day
    """
)
# Verbs questions ask with ("vem föredrog X?", "när träder X i kraft?", "pågår något
# möte?"): what is asked, never its subject.
QUESTION_VERBS = word_set(
    """
    foredrog foredrogs foredragit foredrar foredra foredras foredragning
    presenterade presenterades presenterat presenterar presentera presenteras
    redovisade redovisades redovisat redovisar redogjorde redogjort berattade berattat
    namns namner nams sags sager tas tags tar togs
    trader trada tradde tratt galla gallde gallt borjar borjade borjat
    startar startade startat slutar slutade slutat pagar pagick pagatt pagaende
    hander hant skedde skett sker hande haller
    presented presents presenting introduced ongoing underway happening going
    begins began begun starts started ends ended takes took taken
    """
)
STOP_WORDS = FUNCTION_WORDS | QUESTION_WORDS | QUESTION_VERBS

# Words the grammars match on that the lists above do not hold.
_GRAMMAR_WORDS = word_set(
    """
    paminn paminna paminnelse paminnelser paminnelsen paminnelserna remind reminder
    reminders reminding prenumerera prenumeration subscribe unsubscribe subscription
    subscriptions avprenumerera sluta stoppa avsluta stang avbryt radera
    koppla kopplad kopplat kopplade kopplas kopplingen bort loss ifran bind unbind link unlink
    galler handlar tillhor
    hjalp help kommandon commands instruktioner
    installt installd installda installa installdes flyttat flyttad flyttade flyttades
    cancelled canceled moved rescheduled postponed
    organisation organisationen organization organisations jobbar arbetar works belongs
    roll rollen role foretrader foretradare sitter sits
    protokollforare justeringsperson anmalt forhinder
    manad manaden manader veckan vecka veckor aret idag igar imorgon forrgar overmorgon
    today yesterday tomorrow week weeks month months year years
    dagar dygn timme timmar tim minut minuter halvtimme days hour hours minute minutes
    """
)
# The words the intent, facet, time and reminder patterns spell out ("forde", "justera", "ordf").
_PATTERN_WORDS = frozenset(
    word
    for pattern in (
        *intents.PATTERNS,
        *facets.PATTERNS,
        *(grammar.pattern for grammar in timegrammar.GRAMMARS),
        *reminders.PATTERNS,
    )
    for word in re.findall(r"[a-z]{3,}", re.sub(r"\\[a-zA-Z]", " ", pattern.pattern))
)
_TIME_WORDS = frozenset((*MONTHS, *SEASONS, *WEEKDAYS, *PAST_WEEKDAYS, *NUMBERS))
LEXICON: tuple[str, ...] = tuple(sorted(STOP_WORDS | _GRAMMAR_WORDS | _PATTERN_WORDS | _TIME_WORDS))
_LEXICON_SET = frozenset(LEXICON)

_MIN_TYPO_LENGTH = 5


def is_content(key: str) -> bool:
    """A word that can be (part of) a question's subject: not a stop word, has a letter."""
    return key not in STOP_WORDS and any(c.isalpha() for c in key) and key != "-"


def correct_keys(keys: list[str], keep: frozenset[int] = frozenset()) -> list[str]:
    """Keys with unknown words replaced by the lexicon word they are a typo of.

    Indices in `keep` (names already recognised) are left alone.
    """
    return [k if i in keep else _correct(k) for i, k in enumerate(keys)]


# Short words are corrected only for two letters swapped ("möet" -> "möte"), and
# only into the words that say what is asked: a short word is easily another word.
_SWAPPABLE = QUESTION_WORDS | QUESTION_VERBS
_MIN_SWAP_LENGTH = 4


# Chat shorthand too short to be read as a typo: "wen is the nxt mtg?"
_SHORTHAND = {
    "nxt": "next", "wen": "when", "whn": "when", "wht": "what", "mtg": "meeting",
    "mtgs": "meetings", "abt": "about",
}  # fmt: skip


@lru_cache(maxsize=8192)
def _correct(key: str) -> str:
    if key in _LEXICON_SET or not key.isalpha():
        return key
    if key in _SHORTHAND:
        return _SHORTHAND[key]
    if len(key) < _MIN_TYPO_LENGTH:
        return _swapped(key) if len(key) >= _MIN_SWAP_LENGTH else key
    cutoff = 90 if len(key) < 8 else 85
    found = process.extractOne(key, LEXICON, scorer=fuzz.ratio, score_cutoff=cutoff)
    if found is None or _longer_word(key, found[0]):
        return key
    return found[0]


def _longer_word(key: str, word: str) -> bool:
    """`key` is `word` with two or more letters after it: another word that begins
    with it ("västerås" is no misspelt "väster"), not a typo of it."""
    return len(key) >= len(word) + 2 and key.startswith(word)


def _swapped(key: str) -> str:
    """The question word `key` is with two neighbouring letters swapped, else `key`."""
    for i in range(len(key) - 1):
        swapped = key[:i] + key[i + 1] + key[i] + key[i + 2 :]
        if swapped in _SWAPPABLE:
            return swapped
    return key
