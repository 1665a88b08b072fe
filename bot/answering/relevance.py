"""How well agenda items and their sentences answer a search question.

A question's words are of three kinds: the subject's words (required of an item),
the question's form ("hur mycket", "vad kostar", "how long": what kind of fact is
asked, never a word to look for) and the other words it has ("när träder nya
överenskommelsen i kraft": "kraft"), which an item or a sentence is preferred for
but need not have. A word counts for more the rarer it is among the sentences (or
items) weighed, and a question asking for a figure (an amount, a number, a
duration, a day) prefers the sentences that give one.

    >>> asked = Asked(("boendeplats",), figure="count")
    >>> snippet_for("Johan har gjort en kartläggning av boendeplatser. "
    ...             "Det finns 203 kommunala boendeplatser i länet.", asked)
    'Det finns 203 kommunala boendeplatser i länet.'
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from bot.answering.topics import STOPWORDS, topic_words
from bot.understanding.facets import asks_when
from bot.understanding.lexicon import FUNCTION_WORDS
from bot.understanding.query import Query
from storage.registry import fold
from storage.search import stem_words

# The question's form: the kind of figure asked for, and the words that say so.
_FIGURE_FORMS = (
    ("money", r"hur mycket (?:pengar|medel|kostar|kostade)|vad (?:kostar|kostade)|how much money"),
    ("money", r"kostar|kostade|costs?(?=\W*$)"),
    ("duration", r"hur (?:lang|lange)|how long"),
    (
        "count",
        r"hur (?:manga|mycket|stor|stort|stora|hog|hogt|hoga|lag|lagt|ofta)"
        r"|how (?:many|much|big|high|low|often)",
    ),
    # "vem leder implementeringen?", "vilka ingår i arbetsgruppen?": a person's name
    ("person", r"^\W*(?:vem|who|whom)|vilka (?:ingar|sitter|deltar|personer|var med|ar med)"),
)
_FORMS = [(kind, re.compile(rf"\b(?:{words})\b")) for kind, words in _FIGURE_FORMS]
# Words of a subject that ask for a figure ("budget CROSS", "svarsfrekvens enkät");
# looked for as word beginnings, so compounds ("svarsfrekvensen") count too.
_FIGURE_NOUNS = (
    ("money", "budget kostnad pengar belopp summa money cost costs budget funding"),
    ("count", "antal andel procent svarsfrekvens frekvens siffr number share percent rate"),
    ("duration", "tid tiden langd duration"),
    ("date", "datum date deadline"),
)
# Words that ask and are no subject: not required of an item ("hur mycket pengar
# till suicidprevention" is about suicidprevention), only preferred.
_SCAFFOLDING = frozenset(
    stem_words(
        "pengar kostar kostade kosta kostnad kostnaden belopp summa tid tiden datum antal "
        "antalet lång länge mycket många stor stora ofta money cost costs amount number time "
        "date long much many finns fanns finnas existerar exist exists tycker anser think"
    )
)

# What a sentence gives as a figure, by the kind asked for.
_MONTHS = (
    "januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december"
    "|january|february|march|may|june|july|august|october"
)
_GIVES = {
    "money": re.compile(
        r"\d[\d\s,.]*\s*(?:kr\b|kronor|sek\b|mkr|tkr|milj|miljard|euro|€)|\bmiljon|\bmiljard",
        re.IGNORECASE,
    ),
    "count": re.compile(r"\d|\bprocent\b|%", re.IGNORECASE),
    "duration": re.compile(
        r"\d+\s*(?:dag|veck|månad|manad|år\b|ar\b|timm|minut|day|week|month|year|hour)",
        re.IGNORECASE,
    ),
    "date": re.compile(
        rf"\b(?:{_MONTHS})\b|\b\d{{1,2}}/\d{{1,2}}\b|\b(?:19|20)\d\d\b|\bvecka \d|\bv\.? ?\d",
        re.IGNORECASE,
    ),
}
# A first name and a surname as written ("Ann-Mari Gustafsson", "Jürgen Degner"): two
# capitalised words, the first no small word ("En Workshop") or name of a body.
_NAMED = re.compile(r"\b([A-ZÅÄÖÉÜ][a-zåäöéüá]+)(?:-[A-ZÅÄÖ][a-zåäöéü]+)?\s+[A-ZÅÄÖÉÜ][a-zåäöéüá]+")
_NOT_FIRST_NAMES = FUNCTION_WORDS | {"region", "specifika", "chefsgrupp", "chefsgruppen", "orebro"}


def _gives(kind: str, sentence: str) -> bool:
    """Whether a sentence gives the kind of figure asked for."""
    if kind == "person":
        return any(
            fold(m.group(1).lower()) not in _NOT_FIRST_NAMES for m in _NAMED.finditer(sentence)
        )
    return _GIVES[kind].search(sentence) is not None


_DIGIT = re.compile(r"\d")
_TOKEN = re.compile(r"[0-9A-Za-zÀ-ÖØ-öø-ÿ%]+")
# A figure this many words from a word of the question is the figure asked for.
NEAR = 4
# The other words of a question count for this much of a subject word.
EXTRA_WEIGHT = 0.5
# A word the item's title has already: its sentences are about it anyway.
TITLE_WEIGHT = 0.5


@dataclass(frozen=True)
class Asked:
    """A search question's words (stemmed): the subject's, required of an item; the
    others, preferred; and the kind of figure it asks for, if any ("money", "count",
    "duration", "date")."""

    words: tuple[str, ...]
    extra: tuple[str, ...] = ()
    figure: str | None = None

    @property
    def all_words(self) -> tuple[str, ...]:
        return (*self.words, *self.extra)


def asked_in(query: Query, words: Sequence[str]) -> Asked:
    """What a search question asks: `words` (the subject's) less its form, and the
    question's other words."""
    raw = fold(query.raw.lower())
    form = _form_words(raw)
    subject = tuple(w for w in dict.fromkeys(words) if w not in form)
    others = tuple(
        dict.fromkeys(w for w in _other_words(query.raw) if w not in form and w not in subject)
    )
    return Asked(subject, others, _figure(raw, (*subject, *others)))


def subject_said(topic: str, raw: str) -> str:
    """The subject as written, less the question's form at its start: "kostar
    CROSS-projektet" -> "CROSS-projektet", "lång är utredningstiden" -> "utredningstiden"."""
    form = _form_words(fold(raw.lower()))
    words = topic.split()
    while len(words) > 1 and (
        fold(words[0]) in FUNCTION_WORDS or all(s in form for s in stem_words(words[0]))
    ):
        words = words[1:]
    return " ".join(words)


def required(words: Sequence[str]) -> tuple[list[str], list[str]]:
    """The subject's words an item must have, and those it may have: words that ask
    ("pengar", "tid") are only preferred, unless they are all there is."""
    must = [w for w in words if w not in _SCAFFOLDING]
    return (must, [w for w in words if w in _SCAFFOLDING]) if must else (list(words), [])


def _form_words(raw: str) -> frozenset[str]:
    found = [m.group(0) for _, pattern in _FORMS for m in pattern.finditer(raw)]
    return frozenset(stem_words(" ".join(found))) - frozenset(stem_words("pengar medel"))


def _other_words(raw: str) -> list[str]:
    """The question's words that could be said in the minutes (not its small words)."""
    return [
        stem
        for word in re.findall(r"[^\W_]+", raw)
        if fold(word) not in FUNCTION_WORDS
        for stem in topic_words(word)
        if stem not in STOPWORDS
    ]


def _figure(raw: str, words: Sequence[str]) -> str | None:
    for kind, pattern in _FORMS:
        if pattern.search(raw):
            return kind
    for kind, nouns in _FIGURE_NOUNS:
        stems = stem_words(nouns)
        if any(w.startswith(n) or w.endswith(n) for w in words for n in stems):
            return kind
    return "date" if asks_when(raw) else None


# -- items ---------------------------------------------------------------------------


def stemmed(text: str) -> str:
    """A text's stemmed words as one string (" projekt cross budget"), in which a
    word's beginning is found fast (`_has`)."""
    return " " + " ".join(stem_words(text))


def weights(texts: Sequence[str], asked: Asked) -> dict[str, float]:
    """Each word of the question by how rare it is among `texts` (`stemmed`
    sentences or items): log(1 + n / how many have it); the question's other words
    for less."""
    found: dict[str, float] = {}
    for word in asked.all_words:
        having = sum(1 for stems in texts if _has(stems, word))
        if having:
            weight = math.log(1 + len(texts) / having)
            found[word] = weight * (EXTRA_WEIGHT if word not in asked.words else 1.0)
    return found


def _has(stems: str, word: str) -> bool:
    """A word of `stems` (`stemmed`) begins with `word`."""
    return f" {word}" in stems


def matched(stems: str, weighed: dict[str, float]) -> float:
    return sum(weight for word, weight in weighed.items() if _has(stems, word))


# -- sentences -----------------------------------------------------------------------


def snippet_for(text: str, asked: Asked, title: str = "", width: int = 220) -> str:
    """The sentence of `text` that best answers `asked`, cut to about `width`
    characters: the one with the most and rarest of its words (a word the `title`
    has counts for less); for a figure asked, first one that gives it, and a short
    one with the sentence next to it that gives one too."""
    sentences, scores = _scored(text, asked, title)
    if not sentences:
        return ""
    best = max(range(len(sentences)), key=lambda i: scores[i])
    chosen = sentences[best]
    if asked.figure is not None:
        chosen = _with_neighbour(sentences, scores, best, width)
    return chosen if len(chosen) <= width else chosen[: width - 1].rsplit(" ", 1)[0] + "…"


def gives_figure(text: str, asked: Asked, title: str = "") -> bool:
    """A sentence of `text` on the question gives the kind of figure it asks for."""
    if asked.figure is None:
        return False
    return max(_scored(text, asked, title)[1], default=(0, 0.0))[0] == 2


# A sentence's score: whether it gives the figure asked for (2: of the kind asked,
# 1: some number, 0: none or none asked), then the weight of the question's words.
Score = tuple[int, float]


@lru_cache(maxsize=256)
def _scored(text: str, asked: Asked, title: str) -> tuple[tuple[str, ...], tuple[Score, ...]]:
    """An item's sentences and their scores (asked for again to quote it)."""
    sentences, stems = analysed(text)
    return sentences, tuple(sentence_scores(sentences, stems, asked, title))


@lru_cache(maxsize=256)
def analysed(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A text's sentences and their `stemmed` words, read once for ranking the items
    and quoting the ones shown."""
    sentences = tuple(_sentences(text))
    return sentences, tuple(stemmed(s) for s in sentences)


def sentence_scores(
    sentences: Sequence[str], stems: Sequence[str], asked: Asked, title: str = ""
) -> list[Score]:
    """Each sentence's score for `asked`; a figure counts in a sentence that speaks of
    the question, or in any of an item whose title does."""
    weighed = weights(stems, asked)
    titled = stemmed(title)
    weighed = {w: v * (TITLE_WEIGHT if _has(titled, w) else 1.0) for w, v in weighed.items()}
    about = any(_has(titled, w) for w in asked.words)
    scores: list[Score] = []
    for sentence, words in zip(sentences, stems, strict=True):
        said = matched(words, weighed)
        if asked.figure is None or not (said or about):
            scores.append((0, said))
        elif _gives(asked.figure, sentence):
            scores.append((2, said + (0.5 * _top(weighed) if _near(sentence, weighed) else 0.0)))
        else:
            scores.append((1 if _DIGIT.search(sentence) else 0, said))
    return scores


def _top(weighed: dict[str, float]) -> float:
    return max(weighed.values(), default=1.0)


def _near(sentence: str, weighed: dict[str, float]) -> bool:
    """A number within NEAR words of a word of the question."""
    tokens = _TOKEN.findall(sentence)
    # a word's stem begins the word as written, folded
    folded = [fold(t) for t in tokens]
    at_words = [i for i, t in enumerate(folded) if any(t.startswith(w) for w in weighed)]
    at_numbers = [i for i, t in enumerate(tokens) if _DIGIT.search(t)]
    return any(abs(i - j) <= NEAR for i in at_words for j in at_numbers)


def _with_neighbour(
    sentences: Sequence[str], scores: Sequence[Score], best: int, width: int
) -> str:
    """The best sentence, and a short one's neighbour that gives a figure on the
    question too ("69 svar från 58 unika personer." before "8 av 11 nätverk ligger
    under 50% i svarsfrekvens")."""
    chosen = sentences[best]
    around = [i for i in (best - 1, best + 1) if 0 <= i < len(sentences) and scores[i][0]]
    if not around or len(chosen) > width // 2:
        return chosen
    other = max(around, key=lambda i: scores[i])
    joined = f"{sentences[min(best, other)]} {sentences[max(best, other)]}"
    return joined if len(joined) <= width else chosen


# Abbreviations a sentence goes on after ("förslag till riktlinje ang. HLR").
_ABBREVIATIONS = frozenset(
    (
        *("ang.", "bl.a.", "t.ex.", "resp.", "ca.", "kl.", "nr.", "jfr.", "dvs.", "d.v.s."),
        *("s.k.", "m.m.", "mm.", "o.s.v.", "enl.", "p.g.a.", "pga.", "inkl.", "exkl."),
        *("st.", "tel.", "e.g.", "i.e.", "etc.", "approx.", "no."),
    )
)


def _sentences(text: str) -> list[str]:
    """`text` in sentences; a full stop after an abbreviation ends none."""
    sentences: list[str] = []
    for line in text.splitlines():
        joined = ""
        for piece in re.split(r"(?<=[.!?])\s+", line.strip()):
            joined = f"{joined} {piece}" if joined else piece
            last = joined.rsplit(" ", 1)[-1].casefold()
            if last not in _ABBREVIATIONS:
                sentences.append(joined)
                joined = ""
        if joined:
            sentences.append(joined)
    return [s for s in sentences if s.strip()]
