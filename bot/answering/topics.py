"""What a decision or search question is about: its topic's words, stemmed, and
the topic said back.

    >>> topic_words("Vad beslutades om suicidsamordningen?")
    ['suicidsamordning']
    >>> quoted("mycket långa frågor " * 20)[-8:], len(quoted("mycket långa frågor " * 20))
    ('t långa…', 73)
"""

from __future__ import annotations

import re
from datetime import timedelta

from bot.answering.format import day, open_span, pick
from bot.understanding.glossary import spellings, to_swedish
from bot.understanding.query import Period, Query
from storage.registry import fold
from storage.search import stem_words

# a question's words said back in an answer, at most about this long
QUOTED = 80
# Words that carry no topic: question words, fillers and the domain's own verbs.
_STOP_TEXT = (
    "och i om för att det som en ett på med av till från vad vilka vilket vilken när var hur "
    "beslut besluten beslutades beslutade besluta fattades fattade tog togs sades sagt sagts "
    "mötet möte möten protokoll protokollet minnesanteckningar gruppen chefsgruppen rådet "
    "the a an of about on in for to what which when was were is did decide decided decision "
    "decisions said say group meeting minutes "
    # asking for postponed decisions (Query.status) is not a topic
    "bordlagd bordlagt bordlagda bordlagts bordlades bordläggas hänskjuten hänskjutet "
    "hänskjutna hänskjutits hänsköts hänskjuts uppskjuten uppskjutet uppskjutna "
    "återremitterad återremitterat återremitterade återremitteras återremitterades "
    "återremitterats återremiss återremisser ärende ärendet ärenden ärendena "
    "postponed deferred tabled referred back sent fråga frågan frågor frågorna har hade "
    "question questions item items matter matters "
    # asking for the questions still waiting (Query.status "pending") or for what
    # came of one ("outcome") is not a topic either
    "är inte ej fortfarande väntar väntande avgjord avgjort avgjorda avgjorts oavgjord "
    "oavgjorda öppna kvar pending open outstanding unresolved undecided still waiting "
    "hände hänt happened gick gått blev status outcome result"
)
STOPWORDS = frozenset(stem_words(_STOP_TEXT))
# A short stem is shared by unrelated words once stemmed and folded ("när" and "nära",
# as in Nära vård, are both "nar"): a word with such a stem is a stopword only as
# listed, while a longer stem stands for all its forms ("beslutet", "mötena").
_SHORT_STEM = 3
_STOP_FORMS = frozenset(fold(word) for word in _STOP_TEXT.split())
_WORD = re.compile(r"[^\W_]+")


def _is_stopword(word: str, stem: str) -> bool:
    if stem not in STOPWORDS:
        return False
    return len(stem) > _SHORT_STEM or fold(word) in _STOP_FORMS


def topic_words(topic: str | None) -> list[str]:
    """A topic's words as searched for: stemmed, and shortened to the stem another
    form of the word has where that begins it ("svarsfrekvensen" is "svarsfrekvens",
    but "svarsfrekvens" itself is stored as "svarsfrekv"; a search widens a word to
    those it begins, so the shorter finds both)."""
    return [
        _shortest(stem)
        for word in _WORD.findall(topic or "")
        for stem in stem_words(word)
        if not _is_stopword(word, stem)
    ]


# A stem shortened no further than this ("ledar" is no "led").
_SHORTEST = 6


def _shortest(stem: str) -> str:
    again = stem_words(stem)
    shorter = again[0] if len(again) == 1 else stem
    return shorter if len(shorter) >= _SHORTEST and stem.startswith(shorter) else stem


def search_topics(query: Query) -> list[str | None]:
    """What to look for: the topic as asked, after it (an English question) its
    Swedish; then each with the other spellings of a word the minutes spell several
    ways ("mejlkultur", "mailkultur")."""
    if not query.topic:
        return [query.topic]
    asked = [*to_swedish(query.topic), query.topic] if query.language == "en" else [query.topic]
    return list(dict.fromkeys([*asked, *(other for t in asked for other in spellings(t))]))


def quoted(text: str, width: int = QUOTED) -> str:
    """A question's words said back, cut to about `width` characters."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rsplit(" ", 1)[0] + "…"


def nothing_then(period: Period, lang: str, intent: str = "decisions") -> str:
    """ "Nothing in that period", before what was found at other times."""
    when = period_words(period, lang)
    if open_span(period.start, period.end, lang) is None:  # "från 2023", not "från före 2023"
        when = pick(lang, f"från {when}", f"from {when}")
    if intent == "search":
        return pick(
            lang,
            f"Inga protokoll {when} nämner det; från andra möten:",
            f"No minutes {when} mention it; from other meetings:",
        )
    return pick(
        lang,
        f"Inga beslut om det {when}; från andra möten:",
        f"No decisions on it {when}; from other meetings:",
    )


_MONTHS = {
    "sv": "januari februari mars april maj juni juli augusti september oktober november december",
    "en": "January February March April May June July August September October November December",
}


def period_words(period: Period, lang: str) -> str:
    """ "2027", "oktober 2026", the day, "före 2021", or the first and last day."""
    first, last = period.start, period.end
    open_side = open_span(first, last, lang)
    if open_side is not None:
        return open_side
    if first == last:
        return day(first, lang)
    if first.day == 1 and (last + timedelta(days=1)).day == 1 and first.year == last.year:
        if (first.month, last.month) == (1, 12):
            return str(first.year)
        if first.month == last.month:
            return f"{_MONTHS[lang].split()[first.month - 1]} {first.year}"
    return f"{day(first, lang)} – {day(last, lang)}"
