"""Conversation commands: help, tying a conversation to a group, and what is said
when a question is not understood."""

from __future__ import annotations

import re
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.answering.facts import groups_text
from bot.answering.format import pick
from bot.answers import Answer, AskContext
from bot.understanding import understand
from bot.understanding.facets import MEETING
from bot.understanding.intents import small_talk
from bot.understanding.query import Intent, Query
from bot.understanding.text import read_words
from storage.models import Conversation, Group
from storage.statements import param

EXAMPLES_SV = (
    "När är nästa möte?",
    "Vilka möten har chefsgruppen 2023?",
    "Vad beslutades om suicidsamordningen?",
    "Vilka beslut fattades 2023-09-08?",
    "Vem representerar Kumla?",
    "Vilka var frånvarande på mötet den 29 maj 2026?",
    "Vem har varit frånvarande flest gånger?",
    "Vem var sekreterare på mötet 13 oktober 2022?",
    "Vad stod på dagordningen 8 september 2023?",
    "Vad ska vi ta upp på nästa möte?",
    "Vad sades om projekt CROSS?",
    "Vilka grupper finns?",
    "Den här kanalen gäller Chefsgrupp folkhälsa",
)
EXAMPLES_EN = (
    "When is the next meeting?",
    "Which meetings does SSR folkhälsa have in 2024?",
    "What was decided about egenvård?",
    "Who represents Karlskoga?",
    "Who chaired the meeting on 20 September 2024?",
    "Who was absent on 29 May 2026?",
    "How many meetings has Karin Haster attended?",
    "Which groups do you know?",
    "This channel is about Chefsgrupp folkhälsa",
)


_SMALL_TALK = {
    "greeting": ("Hej!", "Hello!"),
    "thanks": ("Varsågod!", "You're welcome!"),
    "bye": ("Hej då!", "Goodbye!"),
}


def answer_small_talk(kind: str, lang: str) -> Answer:
    """A greeting, thanks or goodbye answered in a line, with a hint of what to ask.

    >>> answer_small_talk("thanks", "sv").text.split(" ")[0]
    'Varsågod!'
    """
    opening = pick(lang, *_SMALL_TALK[kind])
    hint = pick(
        lang,
        f'Fråga gärna om möten, beslut och representanter, till exempel "{EXAMPLES_SV[0]}" '
        f'eller "{EXAMPLES_SV[2]}". Skriv "hjälp" för fler exempel.',
        f'Ask me about meetings, decisions and representatives, for example "{EXAMPLES_EN[0]}" '
        f'or "{EXAMPLES_EN[2]}". Write "help" for more examples.',
    )
    return Answer("help", f"{opening} {hint}", language=lang)


def answer_help(query: Query, context: AskContext) -> Answer:
    lang = query.language
    kind = small_talk(read_words(query.raw).norm)
    if kind is not None:
        return answer_small_talk(kind, lang)
    examples = EXAMPLES_SV if lang == "sv" else EXAMPLES_EN
    intro = pick(
        lang,
        "Jag svarar ur gruppernas egna protokoll och anger alltid mötet och punkten jag tog svaret "
        "från. Jag kan svara på kommande möten, vad som beslutades, vem som representerar en kommun "
        "eller organisation, vem som deltog, var ordförande eller sekreterare, och söka i "
        "protokollen. Exempel:",
        "I answer from the groups' own minutes and always name the meeting and item the answer "
        "comes from. Ask about coming meetings, decisions, who represents a municipality or "
        "organisation, who attended, chaired or took minutes, or search the minutes. Examples:",
    )
    bound = ""
    if context.group:
        bound = "\n" + pick(
            lang,
            f"Den här konversationen gäller {context.group}.",
            f"This conversation is about {context.group}.",
        )
    going_on = pick(
        lang,
        "I en konversation kan du fortsätta på förra svaret: ”och vem justerade?”, "
        "”Och 2022?”, ”och för Kumla?”, ”och mötet innan?”.",
        "In a conversation you can go on from the last answer: “and who checked the "
        "minutes?”, “And 2022?”, “what about Kumla?”, “and the meeting before?”.",
    )
    text = intro + "\n" + "\n".join(f"• {e}" for e in examples) + "\n" + going_on + bound
    return Answer("help", text, language=lang)


def answer_unknown(query: Query, context: AskContext) -> Answer:
    lang = query.language
    text = pick(
        lang,
        "Jag förstod inte frågan. Jag kan svara på frågor om möten, beslut och representanter "
        'ur protokollen – skriv "hjälp" för exempel.',
        "I did not understand the question. I answer questions about meetings, decisions and "
        'representatives from the minutes – write "help" for examples.',
    )
    return Answer("unknown", text, language=lang, found=False)


# A question that goes on from the previous answer: "och vem justerade?", "vad
# beslutades där?", "and who attended that meeting?".
# "där", "at that meeting": of the meeting talked of, whatever else the question says
_THAT_MEETING_WORDS = r"dar|there|det motet|samma mote|that meeting|the same meeting"
_THERE = re.compile(rf"\b(?:{_THAT_MEETING_WORDS}|da|then)\b")
# a leading "och": of that meeting when the question names no subject of its own
# ("och vad beslutades?"); "och vad beslutades om Mitt vaccin?" asks of all the minutes
_AND = re.compile(r"^(?:och|and|men|but|samt|also)\b")
# Asked of one meeting with no "och"/"där": in a conversation, of the meeting talked of.
_BARE_INTENTS = frozenset((Intent.MEETING_ROLES, Intent.ATTENDANCE, Intent.AGENDA))
# What is asked of one meeting: a follow-up asks it of the previous answer's meeting.
_OF_ONE_MEETING = frozenset(
    (
        Intent.MEETING_ROLES,
        Intent.ATTENDANCE,
        Intent.AGENDA,
        Intent.DECISIONS,
        Intent.MEETING_INFO,
        Intent.SEARCH,  # "vad sades om psykisk hälsa där?"
    )
)


def follow_up(question: str, day: str, now: datetime, group: str | None = None) -> str:
    """The question as it is meant in a conversation: a follow-up that names no meeting
    of its own asks about the one meeting the previous answer rested on (its `day`,
    YYYY-MM-DD, added; see bot.answering.recent). "och mötet innan?" asks for the
    meeting before that one, of the `group` the previous question named.

    >>> follow_up("och vem justerade?", "2024-09-20", now)
    'och vem justerade? (2024-09-20)'
    """
    relative = _before_or_after(question, day, group, now)
    if relative is not None:
        return relative
    way = _way_of_it(question, day)
    if way is not None:
        return way
    query = understand(question, now=now)
    named = query.date or query.period or query.which or query.groups
    if named or query.intent not in _OF_ONE_MEETING:
        return question
    norm = read_words(question).norm
    if _THERE.search(norm) or _bare(query):
        return f"{question} ({day})"
    if _AND.search(norm) and not _subject(query):
        return f"{question} ({day})"
    return question


# "är det digitalt?", "is it online?", "blir det på plats?": how the meeting is held
_WAY = re.compile(
    r"\b(?:digital\w*|fysisk\w*|pa plats|pa distans|pa teams|via teams|online|in person"
    r"|hybrid\w*|remote)\b"
)
_IT = re.compile(r"\b(?:det|den|it)\b", re.IGNORECASE)
_WAY_WORDS = 6  # a follow-up of this few words at most


def _way_of_it(question: str, day: str) -> str | None:
    """ "är det digitalt?" of the meeting just talked of: "är mötet digitalt? (day)"."""
    words = read_words(question)
    if len(words.tokens) > _WAY_WORDS or not _WAY.search(words.norm):
        return None
    if _MEETING_SAID.search(words.norm) or not _IT.search(question):
        return None
    english = bool(re.search(r"\bit\b", question, re.IGNORECASE))
    meant = _IT.sub("the meeting" if english else "mötet", question, count=1)
    return f"{meant} ({day})"


# "och mötet innan?", "what about the meeting after that?", "vem var ordförande på
# mötet dessförinnan?": the meeting before or after the one just talked of
_THAT = r"(?:\s(?:det|den|dess|that|it|this))?"  # "innan det", "after that"
_RELATIVE = re.compile(
    rf"\b(?:(?P<bound>innan|fore|efter|before|after){_THAT}"
    r"|(?P<before>dessforinnan|dessforrinnan|forut)|(?P<after>darefter|darpa|sedan dess))$"
)
_RELATIVE_RAW = re.compile(rf"\s*\S+{_THAT}\W*$", re.IGNORECASE)
_MEETING_SAID = re.compile(rf"\b(?:{MEETING}|the one)\b")
_THE_ONE = re.compile(r"\bthe one\b", re.IGNORECASE)
# or nothing but the word and joining words: "och innan dess?", "and after that?"
_ONLY_RELATIVE = re.compile(
    r"^(?:(?:och|and|men|but|what about|hur var det med|vad galler|then|sa|da)\s)*"
    rf"(?:innan|fore|efter|before|after|dessforinnan|darefter){_THAT}$"
)


def asks_before_or_after(question: str) -> bool:
    """Whether the question asks for the meeting before or after the one just talked
    of ("och mötet innan?")."""
    return _relative(read_words(question).norm.strip()) is not None


def _relative(norm: str) -> re.Match[str] | None:
    """The words asking for the meeting before or after, at the end of `norm`."""
    found = _RELATIVE.search(norm)
    if found is None:
        return None
    meeting = _MEETING_SAID.search(norm) is not None or _ONLY_RELATIVE.match(norm) is not None
    return found if meeting else None


# "vad beslutades där?", "who chaired that meeting?": a meeting talked of ("då" is not)
_THAT_MEETING = re.compile(rf"\b(?:{_THAT_MEETING_WORDS})\b")


def meeting_unknown(query: Query) -> str | None:
    """ "before" or "there" when a question points at a meeting talked of, with no one
    meeting talked of just before (the conversation's last answer was a list, or there
    is none) nor a day of its own; else None."""
    if query.date is not None or query.period is not None:
        return None
    norm = read_words(query.raw).norm.strip()
    if _relative(norm) is not None:
        return "before"
    if query.which is None and _THAT_MEETING.search(norm):
        return "there"
    return None


def answer_which_meeting(query: Query, pointed: str) -> Answer:
    """The meeting a question points at is not known: asked, not guessed."""
    lang = query.language
    if pointed == "before":
        text = pick(
            lang,
            "Före eller efter vilket möte? Fråga först om ett möte (”när var senaste "
            "mötet?”) eller skriv dagen: ”vilket var mötet innan 2023-09-08?”.",
            "Before or after which meeting? Ask about one meeting first (“when was the "
            "last meeting?”) or give its day: “which was the meeting before 2023-09-08?”.",
        )
    else:
        text = pick(
            lang,
            "Vilket möte menar du? Skriv dagen (”vad beslutades 2023-09-08?”) eller fråga "
            "först om ett möte (”när var senaste mötet?”).",
            "Which meeting do you mean? Give its day (“what was decided on 2023-09-08?”) or "
            "ask about one meeting first (“when was the last meeting?”).",
        )
    return Answer("unknown", text, language=lang, found=False)


def _before_or_after(question: str, day: str, group: str | None, now: datetime) -> str | None:
    """The question with the day of the meeting just talked of put in (and the group
    it was asked of, unless the question names one), when it asks for the meeting
    before or after it and names no time of its own; else None."""
    found = _relative(read_words(question).norm.strip())
    if found is None:
        return None
    cut = _RELATIVE_RAW.search(question)
    assert cut is not None  # the question ends with the word found
    if found["bound"]:
        word = found["bound"]
        bound = {"fore": "före", "innan": "innan"}.get(word, word)
    elif found["before"]:
        bound = "före"
    else:
        bound = "efter"
    end = question[len(question.rstrip("?!. ")) :]
    asked = understand(question, now=now)
    of_group = f" ({group})" if group and asked.group is None and not asked.groups else ""
    head = _THE_ONE.sub("the meeting", question[: cut.start()])  # "and the one before?"
    if not _MEETING_SAID.search(read_words(head).norm):  # "och innan dess?"
        head += " the meeting" if bound in ("before", "after") else " mötet"
    return f"{head} {bound} {day}{of_group}{end}"


def _subject(query: Query) -> bool:
    return bool(query.topic or query.person or query.municipality or query.organization)


def _bare(query: Query) -> bool:
    """A question of one meeting's people or agenda that names nothing at all ("vem var
    sekreterare?", "vilka var med?"): in a conversation, of the meeting just talked of."""
    return (
        query.intent in _BARE_INTENTS
        and query.group is None
        and not _subject(query)
        and not query.tally
    )


def meeting_day_of(answer: Answer) -> str | None:
    """The day (YYYY-MM-DD) of the one meeting an answer rests on, if it rests on one."""
    days = answer.meeting_days() if answer.found else set()
    return days.pop() if len(days) == 1 else None


def rests_on_several(answer: Answer) -> bool:
    """Whether an answer found rests on the meetings of several days (a list)."""
    return answer.found and len(answer.meeting_days()) > 1


# The meeting day the conversation `:conversation` last asked about, its last
# question, and when (see
# bot.answering.recent; no row: none)
RECENT_DAY = select(Conversation.recent_day).where(Conversation.key == param("conversation"))
RECENT_AT = select(Conversation.recent_at).where(Conversation.key == param("conversation"))
RECENT_QUESTION = select(Conversation.recent_question).where(
    Conversation.key == param("conversation")
)
# The name of the group the conversation `:conversation` is tied to (no row: none).
BOUND_GROUP = (
    select(Group.name)
    .join(Conversation, Conversation.group_id == Group.id)
    .where(Conversation.key == param("conversation"))
)


def remember_conversation(session: Session, context: AskContext) -> Conversation | None:
    """The conversation's row, created or refreshed with its latest reference."""
    if not context.conversation:
        return None
    row = session.scalar(select(Conversation).where(Conversation.key == context.conversation))
    if row is None:
        row = Conversation(key=context.conversation, updated_at=context.now)
        session.add(row)
    reference = context.conversation_reference()
    if reference is not None:
        row.reference = reference
    row.updated_at = context.now if isinstance(context.now, datetime) else row.updated_at
    session.flush()
    return row


def answer_bind(session: Session, query: Query, context: AskContext) -> Answer:
    lang = query.language
    if not context.conversation:
        text = pick(
            lang,
            "Bara en chattkonversation kan knytas till en grupp.",
            "Only a chat conversation can be tied to a group.",
        )
        return Answer("bind_group", text, language=lang, found=False)
    group = session.scalar(select(Group).where(Group.name == query.group)) if query.group else None
    if group is None:
        known = ", ".join(session.scalars(select(Group.name).order_by(Group.name)))
        text = pick(
            lang, f"Vilken grupp? Jag känner till: {known}.", f"Which group? I know: {known}."
        )
        return Answer("bind_group", text, language=lang, found=False)
    row = remember_conversation(session, context)
    assert row is not None
    row.group_id = group.id
    text = pick(
        lang,
        f"Klart: den här konversationen gäller nu {groups_text([group.name], lang)}. "
        '"Nästa möte" betyder här den gruppens nästa möte.',
        f"Done: this conversation is now about {groups_text([group.name], lang)}. "
        '"Next meeting" here means that group\'s next meeting.',
    )
    return Answer("bind_group", text, language=lang)


def answer_unbind(session: Session, query: Query, context: AskContext) -> Answer:
    lang = query.language
    row = remember_conversation(session, context)
    if row is not None:
        row.group_id = None
    text = pick(
        lang,
        "Klart: konversationen är inte längre knuten till någon grupp.",
        "Done: this conversation is no longer tied to a group.",
    )
    return Answer("unbind_group", text, language=lang)
