"""Meetings that running text names by a phrase rather than by a verb of holding,
cancelling or moving.

- "nästa möte" / "next meeting" right before a day: "Nästa möte är den 5 juni",
  "Frågan tas upp på nästa möte den 5 juni", "The next meeting is on 5 June";
- the group's own word for its meeting right before a day: "till
  chefsgruppsmötet den 5 juni" in the minutes of a chefsgrupp, "rådets möte den
  5 juni" in a council's;
- a sentence that opens with a day and says it is cancelled or moved: "12 mars
  ställs in", "12 March is cancelled".

Only tie words ("är", "den", "is on") may stand between the phrase and the day,
so the day is the meeting's and not another one the sentence names. A meeting
word of another body ("Nästa AU-möte", "nästa möte med arbetsgruppen", "rådets
möte" in a chefsgrupp's minutes) names no meeting of the document's group.

Example:
    >>> own = OwnWords.of(("Chefsgrupp folkhälsa",))
    >>> text = "Underlag tas fram till chefsgruppsmötet den 5 juni."
    >>> named_meeting(text, own, reference=date(2020, 3, 20))
    NamedMeeting(clause='chefsgruppsmötet den 5 juni', next_one=False, owned=True)
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from storage.parsing.dates import find_whens
from storage.parsing.decision_rules import body_stem, self_names_for
from storage.parsing.schedule_words import AUXILIARY, CANCELLED, MOVE_WORD
from storage.registry import fold, group_aliases

_MEETING = r"(?:möte[tn]?|sammanträde[tn]?|meeting)"
_GENERIC_ALIASES = frozenset(("chefsgrupp", "chefsgruppen"))
GROUP_BY_ALIAS = {
    alias: name for alias, name in group_aliases().items() if alias not in _GENERIC_ALIASES
}
_GROUP_ALIAS = re.compile(
    r"\b(?:"
    + "|".join(re.escape(a) for a in sorted(GROUP_BY_ALIAS, key=len, reverse=True))
    + r")\b"
)
# Between a meeting phrase and its day: "är", "blir", "is", "will be", "hålls",
# "planeras till", then "den", "on", "the"; or a comma ("Nästa möte, den 5 juni,").
_TIE = (
    rf"[\s,:–—-]+(?:(?:{AUXILIARY}|hålls|äger\s+rum|held|takes\s+place|planera[ds]"
    r"|planned|scheduled|set)\s+)*(?:(?:den|on|the|för|for|till|to)\s+)?$"
)
_NEXT = re.compile(
    r"\b(?:nästa|next)\s+(?P<between>(?:[^\W\d]+\s+){0,2}?)"
    rf"(?P<noun>(?P<prefix>[\w-]*?){_MEETING})\b"
    r"(?:\s+(?P<preposition>i|på|med|för|of|with|for|in|at)\s+(?P<whose>[^,;:.\d]{1,60}?))?"
    rf"{_TIE}",
    re.IGNORECASE,
)
_NEXT_WORD = re.compile(r"\b(?:nästa|next)\b", re.IGNORECASE)
# Where a clause that names one meeting ends: a comma, a new clause, the sentence.
_CLAUSE_END = re.compile(
    r"[,;]|[.!?](?:\s|$)|\s(?:och|samt|and|men|but|då|där|när|when|where|som|which|that"
    r"|eftersom|because)\s",
    re.IGNORECASE,
)
_OPENING = re.compile(r"[\s•*>–—-]*(?:(?:den|the)\s+)?", re.IGNORECASE)
_CHANGE_WORD = re.compile(rf"(?:{CANCELLED.pattern})|\b{MOVE_WORD}\b", re.IGNORECASE)
# After the day: "ställs in", "is cancelled" ending the clause; "flyttas till",
# "is moved to" (not "2026-05-29 postponed three questions": the day is no subject)
_SAID_CHANGED = re.compile(
    rf"[\s,:–—-]*(?:{AUXILIARY}\s+)*(?:(?P<cancelled>{CANCELLED.pattern})\s*(?:[.,;:()–—-]|$)"
    rf"|\b{MOVE_WORD}\s+(?:(?:fram|framåt|bakåt|forward|back)\s+)?(?:till|to)\s)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class NamedMeeting:
    """The words that name one meeting ("nästa möte den 5 juni kl 13 i Nora"), whether
    they say it is the next one (a day without a year is then a coming day), and
    whether they name it by the group's own word ("chefsgruppsmötet", "nästa möte i
    chefsgruppen"): then it is the group's, whatever group the paragraph named."""

    clause: str
    next_one: bool
    owned: bool = False


@dataclass(frozen=True)
class OwnWords:
    """How the document's group names its own meetings: one word ("chefsgruppsmötet",
    "rådsmötet", `compound`) or its name in the genitive ("chefsgruppens möte", "the
    group's meeting"), each right before a day (`phrase`); `names` are what it calls
    itself ("chefsgruppen", "rådet")."""

    names: frozenset[str] = frozenset()
    compound: re.Pattern[str] | None = None
    phrase: re.Pattern[str] | None = None
    mention: re.Pattern[str] | None = None  # the phrase anywhere: a quick first test

    @classmethod
    def of(cls, groups: Sequence[str]) -> OwnWords:
        return _own_words(tuple(groups))


# Self names that are no body: "mötet" is the meeting, "vi" its members.
_NOT_A_BODY = frozenset(("mötet", "vi", "the meeting", "we"))


@lru_cache(maxsize=256)
def _own_words(groups: tuple[str, ...]) -> OwnWords:
    names = [n for n in self_names_for(groups) if n not in _NOT_A_BODY] if groups else []
    words = [n for n in names if " " not in n]
    stems = sorted({s for w in words if (s := body_stem(w))}, key=len, reverse=True)
    genitives = [f"{w}s" for w in words if w not in stems]
    genitives += [f"{n}'s" for n in names if n.startswith("the ")]
    compound = rf"(?:{'|'.join(map(re.escape, stems))})s?{_MEETING}" if stems else None
    alternatives = [rf"(?<![\w-]){compound}\b"] if compound else []
    if genitives:
        owner = "|".join(re.escape(g).replace(r"\ ", r"\s+") for g in genitives)
        alternatives.append(rf"(?<![\w-])(?:{owner})\s+(?:(?:nästa|next)\s+)?{_MEETING}\b")
    if not alternatives:
        return OwnWords(names=frozenset(fold(n) for n in names))
    return OwnWords(
        names=frozenset(fold(n) for n in names),
        compound=re.compile(compound, re.IGNORECASE) if compound else None,
        phrase=re.compile(rf"(?:{'|'.join(alternatives)}){_TIE}", re.IGNORECASE),
        mention=re.compile("|".join(alternatives), re.IGNORECASE),
    )


def named_meeting(sentence: str, own: OwnWords, *, reference: date) -> NamedMeeting | None:
    """The clause of a sentence that names a meeting of the group by a phrase, if any."""
    # reading dates is the costly part: only where a phrase may stand
    if not (_NEXT_WORD.search(sentence) or (own.mention and own.mention.search(sentence))):
        return None
    for start, end, _ in find_whens(sentence, reference=reference):
        before = sentence[:start]
        next_one = _NEXT.search(before)
        if next_one and _ours(next_one, own):
            whose = next_one["whose"]
            owned = bool(next_one["prefix"]) or (whose is not None and fold(whose) in own.names)
            clause = _clause(sentence, next_one.start(), end)
            return NamedMeeting(clause, next_one=True, owned=owned)
        by_own_word = own.phrase.search(before) if own.phrase else None
        if by_own_word:
            clause = _clause(sentence, by_own_word.start(), end)
            return NamedMeeting(clause, next_one=False, owned=True)
    return None


def opens_with_a_changed_day(sentence: str, *, reference: date) -> bool:
    """True for a sentence that opens with a day and says it is cancelled or moved:
    "12 mars ställs in", "- 12 mars: inställt", "12 March is cancelled"."""
    if not _CHANGE_WORD.search(sentence):
        return False
    whens = find_whens(sentence, reference=reference)
    if not whens:
        return False
    start, end, _ = whens[0]
    said = _SAID_CHANGED.match(sentence[end:]) if _OPENING.fullmatch(sentence[:start]) else None
    # a move names the day it goes to: "15 april flyttas till rådet" moves a matter
    return bool(said and (said["cancelled"] or len(whens) > 1))


def _ours(match: re.Match[str], own: OwnWords) -> bool:
    """ "nästa ordinarie möte", "nästa chefsgruppsmöte" (ours), "nästa möte i
    chefsgruppen", "nästa möte i Nora": not "nästa AU-möte", "the next board
    meeting", "nästa möte med arbetsgruppen"."""
    between = match["between"].split()
    if any(not word.islower() or _another_body(word, own) for word in between):
        return False
    if match["prefix"] and not (own.compound and own.compound.fullmatch(match["noun"])):
        return False
    whose = match["whose"]
    if whose is None or fold(whose) in own.names or fold(whose) in GROUP_BY_ALIAS:
        return True
    # "i Nora", "at Regionhuset": a place, where no body is named
    words = whose.split()
    return match["preposition"].casefold() in _WHERE and all(
        word[:1].isupper() and not _another_body(word, own) for word in words
    )


_WHERE = frozenset(("i", "på", "in", "at"))
_ENGLISH_BODIES = frozenset(("group", "council", "board", "committee", "network", "team"))


def _another_body(word: str, own: OwnWords) -> bool:
    """A word naming a body ("styrgrupps", "board") that is not the document's group."""
    folded = fold(word)
    if folded in own.names or f"the {folded}" in own.names:
        return False
    return bool(body_stem(word)) or folded in _ENGLISH_BODIES


def group_named(sentence: str) -> str | None:
    """The known group a sentence names, by its longest alias ("chefsgruppen"
    alone is whichever management group is writing, not one group by name)."""
    folded = fold(re.sub(r"[^\w\s-]", " ", sentence))
    named = [m.group() for m in _GROUP_ALIAS.finditer(folded)]
    return GROUP_BY_ALIAS[max(named, key=len)] if named else None


def _clause(sentence: str, start: int, date_end: int) -> str:
    cut = _CLAUSE_END.search(sentence, date_end)
    return sentence[start : cut.start() if cut else len(sentence)].strip()
