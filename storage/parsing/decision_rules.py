"""Which sentences of minutes record a decision of the meeting, and of what kind
(owner: decisions helper).

A small table of the words of deciding, each rule one a reader of Swedish minutes
would state: the meeting acting in the preterite or present ("Chefsgruppen
beslutade att …", "Efter diskussion beslutade chefsgruppen att …"), a minute
without subject ("Riktlinjen antas", "Ärendet bordläggs", "Agendan godkändes"),
never a proposal, a question, the perfect tense or another body ("Regionala
samverkansrådet ställde sig bakom …" in minutes that are not that council's).

Example:
    >>> selves = Selves.of(self_names_for(["Chefsgrupp folkhälsa"]))
    >>> decision_text("Efter diskussion beslutade chefsgruppen att anta planen.", selves)
    'Efter diskussion beslutade chefsgruppen att anta planen.'
    >>> decision_text("Regionala samverkansrådet har ställt sig bakom planen.", selves) is None
    True
    >>> decision_of("Beslutet hänskjuts till kommande AU i juni", selves).referred_to
    'kommande AU i juni'
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from storage.parsing.decision_text import tidy, words_before
from storage.parsing.records import Decision, DecisionKind
from storage.registry import MUNICIPALITIES, find_group, fold

# --- who "we" are -------------------------------------------------------------------------

_ALWAYS_SELF = ("mötet", "vi", "the meeting", "we")
# (how a body's word ends, its definite ending, what its minutes also call it)
_BODIES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("grupp", "en", ("gruppen", "the group")),
    ("råd", "et", ("rådet", "råden", "samverkansrådet", "samverkansråden", "the council")),
    ("nämnd", "en", ("nämnden", "the board", "the committee")),
    ("styrelse", "n", ("styrelsen", "the board")),
    ("utskott", "et", ("utskottet", "arbetsutskottet", "the committee")),
)
# Without self names any body acting in the preterite is taken for the meeting.
ANY_SELF = tuple(
    dict.fromkeys(("chefsgruppen", *(n for _, _, names in _BODIES for n in names), *_ALWAYS_SELF))
)


def self_names_for(group_names: Sequence[str]) -> tuple[str, ...]:
    """The words by which a group's own minutes name the group.

    >>> self_names_for(["Chefsgrupp folkhälsa"])[:3]
    ('chefsgruppen', 'gruppen', 'the group')
    >>> "rådet" in self_names_for(["Specifika samverkansrådet för folkhälsa"])
    True
    >>> "arbetsutskottet" in self_names_for(["Kommunstyrelsens arbetsutskott, Hallsbergs kommun"])
    True
    """
    names: list[str] = []
    for group in group_names:
        # the words without punctuation: "Kommunstyrelsens arbetsutskott, Hallsbergs kommun"
        for word in re.findall(r"[\w-]+", group.casefold()):
            word = "utskott" if word == "au" else word
            for stem, ending, also in _BODIES:
                base = word.removesuffix(ending) if word.endswith(stem + ending) else word
                if base.endswith(stem):
                    names += [base + ending, *also]
        names.append(" ".join(group.casefold().split()))
        known = find_group(group)
        if known is not None:
            names += [known.name.casefold(), *known.aliases]
    return tuple(dict.fromkeys([*names, *_ALWAYS_SELF]))


def body_stem(word: str) -> str | None:
    """The body a one-word name stands for, without its definite ending; None for
    a word that names no body.

    >>> body_stem("chefsgruppen"), body_stem("rådet"), body_stem("mötet")
    ('chefsgrupp', 'råd', None)
    """
    word = word.casefold()
    for stem, ending, _ in _BODIES:
        base = word.removesuffix(ending) if word.endswith(stem + ending) else word
        if base.endswith(stem):
            return base
    return None


@dataclass(frozen=True)
class Selves:
    names: tuple[str, ...]
    pattern: re.Pattern[str]

    @classmethod
    def of(cls, names: Sequence[str]) -> Selves:
        return _selves(tuple(names))

    @classmethod
    def build(cls, names: tuple[str, ...]) -> Selves:
        phrases = sorted({" ".join(n.casefold().split()) for n in names if n.strip()}, key=len)
        body = "|".join(r"\s+".join(map(re.escape, p.split())) for p in reversed(phrases))
        return cls(tuple(phrases), re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE))

    def covers(self, phrase: str) -> bool:
        """A qualified name ("specifika samverkansrådet") is ours only if our name has it."""
        key = fold(phrase)
        return any(key in fold(name) for name in self.names)


@lru_cache(maxsize=256)
def _selves(names: tuple[str, ...]) -> Selves:
    """One compiled pattern per set of names: every item of a document shares it."""
    return Selves.build(names)


# --- the words of deciding ----------------------------------------------------------------

# Finite verbs by which a body records its own decision. Present tense only for the
# performative ones: "Chefsgruppen fastställer planen" describes a role, not an act.
_ACT = re.compile(
    r"\b(?:beslutade|beslutar|beslöt|bestämde|enades|kom\s+överens|"
    r"ställ(?:de|er)\s+(?:sig|oss)\s+(?:bakom|positiv\w*)|tillstyrk(?:er|te)|avstyrk(?:er|te)|"
    r"avslog|avslår|biföll|bifaller|godkände|fastställde|antog(?!\s+att)|beviljade|utsåg|valde|"
    r"(?:gav|ger)\b[^.]{0,60}?\b(?:i|ett)\s+uppdrag|uppdr(?:ar|og)|"
    r"(?:lade|lägger)\b[^.]{0,40}?\btill\s+handlingarna|"
    r"noterade\s+(?:informationen|rapporten|redovisningen)|"
    r"(?:tog|fattade)\s+beslut|återremitterade|bordlade|"
    r"decided|agreed|resolved|approved|adopted|endorsed|supported|appointed|postponed|deferred|"
    r"noted\s+the\s+(?:report|information|update)|tasked)\b",
    re.IGNORECASE,
)
# A past act ends a proposal section and outweighs a "föreslog" in the same sentence.
PRETERITE = re.compile(
    r"\b(?:beslutade|beslöt|bestämde|enades|ställde|godkände|fastställde|antog|gav|uppdrog|lade|"
    r"decided|agreed|resolved|approved|adopted|endorsed)\b",
    re.IGNORECASE,
)
# Minutes without a subject: "Riktlinjen antas.", "Ärendet bordläggs."
_PASSIVE = re.compile(
    r"\b(?:antas(?!\s+(?:att|vara|bli|kunna|ha)\b)|antogs|antages|fastställ(?:s|es|des)|"
    r"godkän(?:ns|des)|(?:lades|läggs)\b[^.]{0,60}?\btill\s+handlingarna|"
    r"bordl(?:äggs|ades)|återremitter(?:as|ades)|hänskjut(?:s|es)|hänsköts|"
    r"(?:skjuts|sköts)\s+upp|utsågs|utses|valdes|väljs|(?:fick|får)\b[^.]{0,40}?\bi\s+uppdrag|"
    r"justeras\s+omedelbart|"
    r"(?:was|were|is|are)\s+(?:approved|adopted|noted|postponed|deferred|endorsed|tabled|"
    r"appointed|elected|referred\s+back))\b",
    re.IGNORECASE,
)
# Sentence openings that record a decision: "Det beslutades att …", "Val av justerare …".
_OPENING = re.compile(
    r"^(?:(?:Det\s+)?(?:beslutades|beslöts|bestämdes)\s+att|Beslut\s+att|"
    r"It\s+was\s+(?:decided|agreed|resolved)|Postponed|Deferred|Tabled|"
    r"Val\s+av\s+\w*justerare|(?:Dagordning|Agenda|Föredragningslista)(?:en|n)?\s*:?\s*"
    r"(?:ok|godkänd|fastställd|approved)\b)",
    re.IGNORECASE,
)
# Someone proposing, moving or wishing: not yet a decision.
_PROPOSAL = re.compile(
    r"\b(?:föreslår|föreslås|föreslog|yrkar|yrkade|yrkas|rekommenderar|rekommenderas|"
    r"önska[rs]?\s+beslut|begär\s+beslut|proposes|suggests|recommends|"
    r"(?:proposed|suggested|recommended)\s+(?:that|to))\b|"
    r"^(?:Förslag(?!et)|Förslaget\s+(?:är|var|innebär|bygger)|Beslutsförslag|Yrkande|Proposal)\b",
    re.IGNORECASE,
)
# A paragraph telling about another time reports, it does not decide.
_MONTHS = (
    "januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december|"
    "january|february|march|may|june|july|august"
)
OTHER_TIME = re.compile(
    rf"^(?:(?:I|Under|In|During)\s+(?:{_MONTHS})\b|"
    r"(?:Vid|På|Under|At)\s+(?:the\s+)?(?:föregående|förra|senaste|tidigare|previous|last)\s+"
    r"(?:möte|mötet|sammanträde|sammanträdet|meeting)|Tidigare\b|Previously\b|Earlier\b|"
    r"I\s+(?:våras|höstas|fjol)\b)",
    re.IGNORECASE,
)

# --- kinds --------------------------------------------------------------------------------

# "Beslut tas vid nästa möte" is put off only when it names a meeting or a body.
_MEETINGISH = re.compile(
    r"möte|sammanträde|\bAU\b|utskott|grupp|rådet|nämnd|styrelse|meeting|session", re.IGNORECASE
)
_DEFER = re.compile(
    r"\b(?:hänskjut\w*|hänsköts|återremitt\w*|bordl(?:ägg|ad|agd|agt)\w*|(?:skjuts|sköts)\s+upp|"
    r"skjuta\s+upp|postpone[sd]?|defer(?:red)?|tabled|referred\s+back)"
    r"(?:\s+(?!(?:till|to|until)\b)[\w-]+){0,4}(?:\s+(?:till|to|until)\s+(?P<ref>[^,.;:]+))?",
    re.IGNORECASE,
)
# "Beslut tas vid nästa möte", "Beslut under höstens sista möte", and without a verb
# "Ny diskussion och beslutsförslag i augusti månads möte": the question comes back then.
_LATER = re.compile(
    r"(?:\bbeslut\b[^.;:]*?\b(?:tas|fattas|tages)|\bdecision\s+will\s+be\s+(?:taken|made)"
    r"|^(?:(?:ny|nytt|fortsatt|vidare|förnyad)\s+(?:diskussion|behandling|dragning)\s+och\s+)?"
    r"beslut(?:sförslag)?)"
    r"\s+(?:vid|på|i|under|at|in)\s+(?P<ref>[^,.;:]+)",
    re.IGNORECASE,
)
_REF_END = re.compile(
    r"\s+(?:efter|när|då|eftersom|för|och|men|samt|så|med|i\s+väntan|pending"
    r"|awaiting|when|after|and|because)\b.*$",
    re.IGNORECASE,
)
# Kinds, tried in order: procedural, then postponed, then this table; else DECIDED.
_PROCEDURAL = re.compile(
    r"(?:dagordning|agenda|föredragningslist)\w*\W+(?:\w+\W+){0,3}?"
    r"(?:fastställ|godkän|antas|antogs|ok\b|approv|adopt)|\w*justerare\b|"
    r"\bjusteras\s+omedelbart|omedelbar\w*\s+juster\w*|\bprotokollet\s+justeras|"
    r"\bjustera\s+(?:dagens\s+|mötets\s+)?protokoll",
    re.IGNORECASE,
)
_KINDS: tuple[tuple[DecisionKind, re.Pattern[str]], ...] = (
    (
        DecisionKind.NOTED,
        re.compile(
            r"\btill\s+handlingarna\b|\bnoter(?:a|ar|ade|as|ades)\b|\bnoted\b|"
            r"\b(?:protokoll|minnesanteckning|anteckning|minutes)\w*\b.*\b(?:godkän|fastställ|approv)",
            re.IGNORECASE,
        ),
    ),
    (
        DecisionKind.ENDORSED,
        re.compile(
            r"\bställ(?:a|er|de|t)?\s+(?:sig|oss)\s+(?:bakom|positiv\w*)|\btillstyrk\w*|"
            r"\bendorse\w*|\bsupport(?:s|ed)\b",
            re.IGNORECASE,
        ),
    ),
    (
        DecisionKind.ADOPTED,
        re.compile(
            r"\b(?:anta|antas|antages|antogs|antog|antagen|antaget|antagna|fastställ\w*|"
            r"godkän\w*|adopt\w*|approv\w*)\b",
            re.IGNORECASE,
        ),
    ),
)


def _postponement(text: str, selves: Selves) -> tuple[int, str | None] | None:
    """(where it starts, where the question went) when `text` puts a decision off."""
    if defer := _DEFER.search(text):
        return defer.start(), _reference(defer.group("ref"))
    later = _LATER.search(text)
    if later and (_MEETINGISH.search(later["ref"]) or selves.pattern.search(later["ref"])):
        return later.start(), _reference(later["ref"])
    return None


def _reference(raw: str | None) -> str | None:
    ref = _REF_END.sub("", raw or "").strip()
    return ref or None


def decision_of(text: str, selves: Selves) -> Decision:
    """The decision as quoted, with its kind and, when put off, where it went."""
    text = tidy(text)
    if _PROCEDURAL.search(text):
        return Decision(text, DecisionKind.PROCEDURAL)
    if later := _postponement(text, selves):
        return Decision(text, DecisionKind.POSTPONED, later[1])
    kind = next((kind for kind, rule in _KINDS if rule.search(text)), DecisionKind.DECIDED)
    return Decision(text, kind)


# --- is this sentence a decision of ours? --------------------------------------------------


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_PREPOSITIONS = _words(
    "av för från i med om på till hos inom mellan enligt via under vid efter inför åt genom "
    "utifrån kring mot än to from by for in of with at within on"
)
_CLAUSE_WORDS = _words(
    "och att men så då när som eftersom samt även också sedan därefter slutligen dock "
    "vidare hela samlade samtliga beslut and that then so but"
)
_ADVERBS = _words(
    "även också därför sedan då enhälligt därefter vidare slutligen dock ändå nu idag also "
    "then unanimously therefore"
)
_AUXILIARIES = _words(
    "har hade ska skall bör kan måste vill skulle kommer behöver kunde får has have had "
    "will would should can may must to be"
)
_BEFORE_PARTICIPLE = _words(
    "tidigare redan hittills nyss nyligen de dessa den det ett en fattade av om previously"
)
_BODY = re.compile(
    r"^(?:[A-ZÅÄÖ]{2,6}|(?i:\w*(?:gruppen|rådet|råden|nämnden|styrelsen|utskottet|fullmäktige|"
    r"regionen|kommunen|staten|regeringen|riksdagen|förvaltningen|ledningen)|group|board|"
    r"committee|council|government))$"
)


def _act_start(sentence: str, selves: Selves) -> int | None:
    """Where our body's own act starts in `sentence` ("Chefsgruppen beslutade …")."""
    for verb in _ACT.finditer(sentence):
        head = sentence[: verb.start()]
        plain = [w for w in words_before(head, len(head)) if w.casefold() not in _ADVERBS]
        last = plain[-1].casefold() if plain else ""
        if last in _AUXILIARIES or (
            verb[0].casefold() == "beslutade" and last in _BEFORE_PARTICIPLE
        ):
            continue
        after = sentence[verb.end() :]
        if after[:1].isspace() and selves.pattern.match(after.lstrip()):
            return 0  # inverted order: "Efter diskussion beslutade chefsgruppen att …"
        subject = _subject(head, selves)
        if subject is None:
            continue
        between = [
            w for w in words_before(head, len(head))[subject[1] :] if w.casefold() not in _ADVERBS
        ]
        # "Chefsgruppen beslutade …", or coordinated: "Chefsgruppen diskuterade … och
        # beslutade …", but not "… att regionstyrelsen beslutade …"
        if not between or last in _CLAUSE_WORDS or not _BODY.match(last):
            return subject[0]
    return None


def _subject(head: str, selves: Selves) -> tuple[int, int] | None:
    """(where, after how many words) our body stands as subject in `head`."""
    for name in selves.pattern.finditer(head):
        previous = words_before(head, name.start())
        gap = head[: name.start()].rstrip()
        counted = len(words_before(head, name.end()))
        if not previous or gap[-1:] in ".,:;–-—(":
            return name.start(), counted
        word = previous[-1].casefold()
        if word in _PREPOSITIONS:
            continue
        if word in _CLAUSE_WORDS or selves.covers(f"{word} {name[0]}"):
            return name.start(), counted
    return None


def _minute_start(sentence: str, selves: Selves) -> int | None:
    """Where a minute without subject starts ("Riktlinjen antas", "Beslut tas vid …")."""
    if _OPENING.match(sentence):
        return 0
    if later := _postponement(sentence, selves):
        return later[0]
    for passive in _PASSIVE.finditer(sentence):
        before = [w.casefold() for w in words_before(sentence, passive.start())[-2:]]
        if set(before) & _AUXILIARIES:
            continue  # "ska antas", "kan läggas …": a plan, not a minute
        agent = re.search(r"\b(?:av|by)\s+(?:the\s+)?([\w-]+)", sentence[passive.end() :])
        if agent and _BODY.match(agent[1]) and not selves.pattern.fullmatch(agent[1]):
            continue  # "antogs av regionfullmäktige": someone else decided
        return passive.start()
    return None


def decision_text(sentence: str, selves: Selves) -> str | None:
    """The decision a sentence of running text records, or None."""
    if sentence.rstrip(" *").endswith("?"):
        return None
    if _PROPOSAL.search(sentence) and not (
        PRETERITE.search(sentence) and _act_start(sentence, selves) is not None
    ):
        return None
    start = _act_start(sentence, selves)
    if start is None:
        start = _minute_start(sentence, selves)
    return None if start is None else _trim_run_in(sentence, start)


_PLACES = frozenset(fold(m) for m in (*MUNICIPALITIES, "Region", "Örebro", "Sverige"))
_DEFINITE_NOUN = re.compile(r"^[A-ZÅÄÖ][a-zåäö-]+(?:en|et|na)$")


def _trim_run_in(sentence: str, start: int) -> str:
    """Drop a title run into the sentence: "Fastställande av dagordning Dagordningen fastställs."

    The sentence starts again at a capitalised definite noun ("Dagordningen",
    "Protokollet") that follows a word with no punctuation after it.
    """
    cut = 0
    for word in re.finditer(r"(?<=\w)\s+([A-ZÅÄÖ][\w-]*)", sentence[:start]):
        previous = words_before(sentence, word.start(1))
        if (
            _DEFINITE_NOUN.match(word[1])
            and fold(word[1]) not in _PLACES
            and previous[-1].casefold() not in _PREPOSITIONS | _CLAUSE_WORDS
        ):
            cut = word.start(1)
    return sentence[cut:]
